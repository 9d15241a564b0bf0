/* lia-accounts-view.h — the accounts area: list, filters and detail page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-account-list.h"
#include "lia-account-page.h"
#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACCOUNTS_VIEW (lia_accounts_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccountsView, lia_accounts_view, LIA, ACCOUNTS_VIEW, GtkWidget)

LiaBook           *lia_accounts_view_get_book            (LiaAccountsView *self);
void               lia_accounts_view_set_book            (LiaAccountsView *self,
                                                          LiaBook         *book);
void               lia_accounts_view_set_areas           (LiaAccountsView *self,
                                                          AdwViewStack    *areas);
gboolean           lia_accounts_view_get_narrow          (LiaAccountsView *self);
LiaAccountList    *lia_accounts_view_get_list            (LiaAccountsView *self);
GtkScrolledWindow *lia_accounts_view_get_scrolled_window (LiaAccountsView *self);
LiaAccountPage    *lia_accounts_view_get_page            (LiaAccountsView *self);
void               lia_accounts_view_begin_search        (LiaAccountsView *self);
void               lia_accounts_view_show_account        (LiaAccountsView *self,
                                                          gint64           account_id);

G_END_DECLS
