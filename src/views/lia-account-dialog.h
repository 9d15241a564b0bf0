/* lia-account-dialog.h — the New Account dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACCOUNT_DIALOG (lia_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccountDialog, lia_account_dialog, LIA, ACCOUNT_DIALOG, AdwWindow)

GtkWidget *lia_account_dialog_new (GtkWindow *parent,
                                   LiaBook   *book);

G_END_DECLS
