/* lia-contact-dialog.h — add or edit a contact, with inline validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-contact.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT_DIALOG (lia_contact_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaContactDialog, lia_contact_dialog, LIA, CONTACT_DIALOG, AdwWindow)

GtkWidget *lia_contact_dialog_new (GtkWindow  *parent,
                                   LiaBook    *book,
                                   gint64      account_id,
                                   LiaContact *contact);

G_END_DECLS
