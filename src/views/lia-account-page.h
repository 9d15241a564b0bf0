/* lia-account-page.h — one account: details, lifecycle, contacts,
 * inquiries, history and audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-account.h"
#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACCOUNT_PAGE (lia_account_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccountPage, lia_account_page, LIA, ACCOUNT_PAGE, GtkWidget)

void        lia_account_page_set_book           (LiaAccountPage  *self,
                                                 LiaBook         *book);
LiaAccount *lia_account_page_get_account        (LiaAccountPage  *self);
void        lia_account_page_set_account        (LiaAccountPage  *self,
                                                 LiaAccount      *account);
gboolean    lia_account_page_has_unsaved_edits  (LiaAccountPage  *self);
gboolean    lia_account_page_save               (LiaAccountPage  *self,
                                                 GError         **error);
void        lia_account_page_request_transition (LiaAccountPage  *self,
                                                 LiaAccountState  to);
gboolean    lia_account_page_transition         (LiaAccountPage  *self,
                                                 LiaAccountState  to,
                                                 const char      *reason,
                                                 GError         **error);

G_END_DECLS
