/* lia-credential-repository.h — credentials of accounts: metadata in the
 * book, secrets in the keyring, kept in step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"
#include "lia-credential.h"

G_BEGIN_DECLS

/* What a secret is fetched for; both are audited, differently worded. */
typedef enum /*< prefix=LIA_SECRET_USE >*/
{
  LIA_SECRET_USE_REVEAL, /*< nick=reveal >*/
  LIA_SECRET_USE_COPY,   /*< nick=copy >*/
} LiaSecretUse;

#define LIA_TYPE_CREDENTIAL_REPOSITORY (lia_credential_repository_get_type ())

G_DECLARE_FINAL_TYPE (LiaCredentialRepository, lia_credential_repository, LIA, CREDENTIAL_REPOSITORY, GObject)

/* Emits "credential-changed" (gint64 credential_id, gint64 account_id)
 * after every write and when a check finds a secret present or missing.
 * Keyring failures are also reported to the book's LiaVault. */
LiaCredentialRepository *lia_credential_repository_new (LiaBook *book);

/* Metadata only, never the keyring: synchronous. */
GListModel    *lia_credential_repository_list_for_account  (LiaCredentialRepository  *self,
                                                            gint64                    account_id,
                                                            GError                  **error);
/* Every credential of the book, by account name and label. */
GListModel    *lia_credential_repository_list_all          (LiaCredentialRepository  *self,
                                                            GError                  **error);
guint          lia_credential_repository_count_for_account (LiaCredentialRepository  *self,
                                                            gint64                    account_id);
LiaCredential *lia_credential_repository_lookup            (LiaCredentialRepository  *self,
                                                            gint64                    credential_id,
                                                            GError                  **error);
/* Rotation due now or earlier, most overdue first, all accounts. */
GListModel    *lia_credential_repository_list_rotation_due (LiaCredentialRepository  *self,
                                                            GError                  **error);
/* Label, kind, username, URL, notes, rotation period. Audited. */
gboolean       lia_credential_repository_update            (LiaCredentialRepository  *self,
                                                            LiaCredential            *credential,
                                                            GError                  **error);

/* The secret goes to the keyring first, then the metadata row: when the
 * keyring fails nothing is written to the book. Sets the id. */
void           lia_credential_repository_add               (LiaCredentialRepository  *self,
                                                            LiaCredential            *credential,
                                                            const char               *secret,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean       lia_credential_repository_add_finish        (LiaCredentialRepository  *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
/* Replaces the secret and records the rotation date. */
void           lia_credential_repository_rotate            (LiaCredentialRepository  *self,
                                                            gint64                    credential_id,
                                                            const char               *secret,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean       lia_credential_repository_rotate_finish     (LiaCredentialRepository  *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
/* Audited (who, when, which credential) once the secret is read. */
void           lia_credential_repository_reveal            (LiaCredentialRepository  *self,
                                                            gint64                    credential_id,
                                                            LiaSecretUse              use,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
/* Free with secret_password_free(). */
char          *lia_credential_repository_reveal_finish     (LiaCredentialRepository  *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
/* The secret first (already missing is fine), then the row; with the
 * keyring unreachable nothing is deleted. */
void           lia_credential_repository_delete            (LiaCredentialRepository  *self,
                                                            gint64                    credential_id,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean       lia_credential_repository_delete_finish     (LiaCredentialRepository  *self,
                                                            GAsyncResult             *result,
                                                            GError                  **error);
/* Every credential of an account (closing or deleting it). */
void           lia_credential_repository_delete_for_account (LiaCredentialRepository *self,
                                                            gint64                    account_id,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean       lia_credential_repository_delete_for_account_finish (LiaCredentialRepository *self,
                                                            GAsyncResult             *result,
                                                            guint                    *n_deleted,
                                                            GError                  **error);
/* Compares the keyring with the book: marks credentials whose secret is
 * missing (they stay listed) and counts the schema's items of this book
 * that no credential owns (orphans). */
void           lia_credential_repository_check             (LiaCredentialRepository  *self,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean       lia_credential_repository_check_finish      (LiaCredentialRepository  *self,
                                                            GAsyncResult             *result,
                                                            guint                    *n_missing,
                                                            guint                    *n_orphans,
                                                            GError                  **error);
/* As check_finish(), with *@n_unknown: items of this book's id that
 * no row owns and that this book cannot explain (their credential is
 * not in its trail and their account is one of its accounts): a copy of
 * the book, or an add in flight in another program, may own them. They
 * are not counted in *@n_orphans and never removed. */
gboolean       lia_credential_repository_check_finish_full (LiaCredentialRepository  *self,
                                                            GAsyncResult             *result,
                                                            guint                    *n_missing,
                                                            guint                    *n_orphans,
                                                            guint                    *n_unknown,
                                                            GError                  **error);
/* Removes the orphans check() counts; the unknown ones stay. */
void           lia_credential_repository_remove_orphans    (LiaCredentialRepository  *self,
                                                            GCancellable             *cancellable,
                                                            GAsyncReadyCallback       callback,
                                                            gpointer                  user_data);
gboolean       lia_credential_repository_remove_orphans_finish (LiaCredentialRepository *self,
                                                            GAsyncResult             *result,
                                                            guint                    *n_removed,
                                                            GError                  **error);
gboolean       lia_credential_repository_remove_orphans_finish_full (LiaCredentialRepository *self,
                                                            GAsyncResult             *result,
                                                            guint                    *n_removed,
                                                            guint                    *n_unknown,
                                                            GError                  **error);

G_END_DECLS
