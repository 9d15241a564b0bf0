/* lia-secrets.h — the error domain of src/secrets and a wiping free
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIA_SECRETS_ERROR (lia_secrets_error_quark ())

/* Messages are translated and meant for a banner; libsecret's and GnuTLS's
 * own text only goes to g_debug(). G_IO_ERROR_CANCELLED passes through
 * unchanged when the caller's cancellable was cancelled. */
typedef enum
{
  LIA_SECRETS_ERROR_NO_SERVICE, /* no secret service on the session bus */
  LIA_SECRETS_ERROR_LOCKED,     /* collection locked, unlock prompt dismissed */
  LIA_SECRETS_ERROR_NOT_FOUND,  /* no such item in the keyring */
  LIA_SECRETS_ERROR_TAMPERED,   /* a ciphertext failed authentication */
  LIA_SECRETS_ERROR_BAD_KEY,    /* a key file or keyring item is not a Liaison data key */
  LIA_SECRETS_ERROR_FAILED,
} LiaSecretsError;

/* Plain text that held a secret: g_autoptr(LiaSecretsText) wipes it on free. */
typedef char LiaSecretsText;

GQuark lia_secrets_error_quark (void);
void   lia_secrets_text_free   (char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaSecretsText, lia_secrets_text_free)

G_END_DECLS
