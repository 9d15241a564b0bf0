/* lia-account-row.h — one account in the accounts list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-account.h"
#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACCOUNT_ROW (lia_account_row_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccountRow, lia_account_row, LIA, ACCOUNT_ROW, GtkWidget)

GtkWidget  *lia_account_row_new         (LiaBook       *book);
LiaAccount *lia_account_row_get_account (LiaAccountRow *self);
void        lia_account_row_set_account (LiaAccountRow *self,
                                         LiaAccount    *account,
                                         guint          due_days);

G_END_DECLS
