/* lia-vault.h — a book's hold on the system keyring: its data key and
 * the keyring's state, for banners and locked fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"
#include "lia-cipher.h"
#include "lia-credential-vault.h"

G_BEGIN_DECLS

typedef enum /*< prefix=LIA_VAULT_STATE >*/
{
  LIA_VAULT_STATE_CLOSED,      /*< nick=closed >*/       /* not asked yet */
  LIA_VAULT_STATE_OPENING,     /*< nick=opening >*/      /* waiting on the keyring */
  LIA_VAULT_STATE_READY,       /*< nick=ready >*/
  LIA_VAULT_STATE_UNAVAILABLE, /*< nick=unavailable >*/  /* no secret service */
  LIA_VAULT_STATE_LOCKED,      /*< nick=locked >*/       /* unlock prompt dismissed */
  LIA_VAULT_STATE_KEY_MISSING, /*< nick=key-missing >*/  /* this book's key is gone: import it */
  LIA_VAULT_STATE_FAILED,      /*< nick=failed >*/
} LiaVaultState;

#define LIA_TYPE_VAULT (lia_vault_get_type ())

G_DECLARE_FINAL_TYPE (LiaVault, lia_vault, LIA, VAULT, GObject)

/* Owned by the book: lia_book_get_vault(). Properties "state" and
 * "message" notify; everything keyring-bound is asynchronous. */
LiaVault           *lia_vault_new             (LiaBook        *book);
LiaVaultState       lia_vault_get_state       (LiaVault       *self);
/* A translated sentence for a banner (never libsecret's text); NULL when
 * ready or not asked yet. */
const char         *lia_vault_get_message     (LiaVault       *self);
/* Starts loading the book's data key (creating it the first time, when
 * the book has never had one); also what Retry calls. Does nothing
 * while opening. */
void                lia_vault_open            (LiaVault       *self);
/* Whether confidential values can be sealed and opened now. */
gboolean            lia_vault_has_key         (LiaVault       *self);
/* NULL unless the key is loaded. */
LiaCipher          *lia_vault_get_cipher      (LiaVault       *self);
LiaCredentialVault *lia_vault_get_credentials (LiaVault       *self);
const char         *lia_vault_get_book_id     (LiaVault       *self);
/* Any keyring failure met elsewhere (a credential call): moves the state
 * to what @error says so the banner shows it. Cancellation is ignored. */
void                lia_vault_report_error    (LiaVault       *self,
                                               const GError   *error);
/* The key to a file the person keeps safe (requires the key); audited. */
void                lia_vault_export_key        (LiaVault            *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean            lia_vault_export_key_finish (LiaVault            *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* A saved key back into the keyring: refused (BAD_KEY) unless it is this
 * book's; then ready. Audited. */
void                lia_vault_import_key        (LiaVault            *self,
                                                 GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean            lia_vault_import_key_finish (LiaVault            *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

G_END_DECLS
