/* lia-credential-vault.h — credentials' secrets in the system keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "lia-secrets.h"

G_BEGIN_DECLS

/* One stored item, as listed: ids only, never the secret. */
typedef struct
{
  gint64 credential_id;
  gint64 account_id;
} LiaCredentialRef;

#define LIA_TYPE_CREDENTIAL_VAULT (lia_credential_vault_get_type ())

G_DECLARE_FINAL_TYPE (LiaCredentialVault, lia_credential_vault, LIA, CREDENTIAL_VAULT, GObject)

const SecretSchema *lia_credential_vault_get_schema      (void);
LiaCredentialVault *lia_credential_vault_new             (const char           *book_id);
const char         *lia_credential_vault_get_book_id     (LiaCredentialVault   *self);

void                lia_credential_vault_store           (LiaCredentialVault   *self,
                                                          gint64                credential_id,
                                                          gint64                account_id,
                                                          const char           *secret,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean            lia_credential_vault_store_finish    (LiaCredentialVault   *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                lia_credential_vault_lookup          (LiaCredentialVault   *self,
                                                          gint64                credential_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
char               *lia_credential_vault_lookup_finish   (LiaCredentialVault   *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                lia_credential_vault_clear           (LiaCredentialVault   *self,
                                                          gint64                credential_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean            lia_credential_vault_clear_finish    (LiaCredentialVault   *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                lia_credential_vault_clear_account   (LiaCredentialVault   *self,
                                                          gint64                account_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean            lia_credential_vault_clear_account_finish (LiaCredentialVault *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                lia_credential_vault_list            (LiaCredentialVault   *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
GArray             *lia_credential_vault_list_finish     (LiaCredentialVault   *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
