/* lia-account-repository.h — reading and changing accounts under the
 * lifecycle, validation and audit rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-account.h"
#include "lia-book.h"
#include "lia-contact.h"
#include "lia-inquiry.h"

G_BEGIN_DECLS

/* Longest text a field takes; longer input is refused, not cut. */
#define LIA_MAX_NAME_LENGTH    200
#define LIA_MAX_NUMBER_LENGTH  32
#define LIA_MAX_ADDRESS_LENGTH 500
#define LIA_MAX_NOTES_LENGTH   20000

#define LIA_TYPE_ACCOUNT_REPOSITORY (lia_account_repository_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccountRepository, lia_account_repository, LIA, ACCOUNT_REPOSITORY, GObject)

gboolean    lia_account_state_can_transition        (LiaAccountState        from,
                                                     LiaAccountState        to);
gboolean    lia_account_validate                    (LiaAccount            *account,
                                                     GError               **error);

LiaAccountRepository *lia_account_repository_new    (LiaBook               *book);
gboolean    lia_account_repository_create           (LiaAccountRepository  *self,
                                                     LiaAccount            *account,
                                                     GError               **error);
gboolean    lia_account_repository_save             (LiaAccountRepository  *self,
                                                     LiaAccount            *account,
                                                     GError               **error);
gboolean    lia_account_repository_transition       (LiaAccountRepository  *self,
                                                     LiaAccount            *account,
                                                     LiaAccountState        to,
                                                     const char            *reason,
                                                     GError               **error);
gboolean    lia_account_repository_mark_verified    (LiaAccountRepository  *self,
                                                     LiaAccount            *account,
                                                     GError               **error);
LiaAccount *lia_account_repository_lookup           (LiaAccountRepository  *self,
                                                     gint64                 id,
                                                     GError               **error);
LiaAccount *lia_account_repository_lookup_by_number (LiaAccountRepository  *self,
                                                     const char            *number,
                                                     GError               **error);
GPtrArray  *lia_account_repository_search           (LiaAccountRepository  *self,
                                                     const char            *text,
                                                     guint                  limit,
                                                     GError               **error);

GListModel *lia_account_repository_list_contacts    (LiaAccountRepository  *self,
                                                     gint64                 account_id,
                                                     GError               **error);
gboolean    lia_account_repository_add_contact      (LiaAccountRepository  *self,
                                                     LiaContact            *contact,
                                                     GError               **error);
gboolean    lia_account_repository_save_contact     (LiaAccountRepository  *self,
                                                     LiaContact            *contact,
                                                     GError               **error);
gboolean    lia_account_repository_remove_contact   (LiaAccountRepository  *self,
                                                     LiaContact            *contact,
                                                     GError               **error);
gboolean    lia_account_repository_restore_contact  (LiaAccountRepository  *self,
                                                     LiaContact            *contact,
                                                     GError               **error);

GListModel *lia_account_repository_list_inquiries   (LiaAccountRepository  *self,
                                                     gint64                 account_id,
                                                     GError               **error);
gboolean    lia_account_repository_add_inquiry      (LiaAccountRepository  *self,
                                                     LiaInquiry            *inquiry,
                                                     GError               **error);

GListModel *lia_account_repository_list_history     (LiaAccountRepository  *self,
                                                     gint64                 account_id,
                                                     GError               **error);
GListModel *lia_account_repository_list_audit       (LiaAccountRepository  *self,
                                                     gint64                 account_id,
                                                     GError               **error);

G_END_DECLS
