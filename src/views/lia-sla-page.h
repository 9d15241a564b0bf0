/* lia-sla-page.h — the Service Levels page of Preferences: each plan's
 * response and resolution targets and its business hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_SLA_PAGE (lia_sla_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaSlaPage, lia_sla_page, LIA, SLA_PAGE, AdwPreferencesPage)

void lia_sla_page_set_book (LiaSlaPage *self,
                            LiaBook    *book);

G_END_DECLS
