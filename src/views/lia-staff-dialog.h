/* lia-staff-dialog.h — add or edit a staff member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-staff-member.h"

G_BEGIN_DECLS

#define LIA_TYPE_STAFF_DIALOG (lia_staff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaStaffDialog, lia_staff_dialog, LIA, STAFF_DIALOG, AdwWindow)

GtkWidget *lia_staff_dialog_new (GtkWindow      *parent,
                                 LiaBook        *book,
                                 LiaStaffMember *member);

G_END_DECLS
