/* lia-staff-page.h — the Staff page of Preferences: add, edit,
 * deactivate and reactivate staff (never delete)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_STAFF_PAGE (lia_staff_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaStaffPage, lia_staff_page, LIA, STAFF_PAGE, AdwPreferencesPage)

void lia_staff_page_set_book (LiaStaffPage *self,
                              LiaBook      *book);

G_END_DECLS
