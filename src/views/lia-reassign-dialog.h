/* lia-reassign-dialog.h — hand accounts to another manager, with a
 * preview of exactly what changes and an Undo afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_REASSIGN_DIALOG (lia_reassign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaReassignDialog, lia_reassign_dialog, LIA, REASSIGN_DIALOG, AdwWindow)

GtkWidget  *lia_reassign_dialog_new      (GtkWindow         *parent,
                                          LiaBook           *book,
                                          const gint64      *account_ids,
                                          guint              n_account_ids,
                                          const char        *description,
                                          gboolean           cascade);
GListModel *lia_reassign_dialog_get_plan (LiaReassignDialog *self);

G_END_DECLS
