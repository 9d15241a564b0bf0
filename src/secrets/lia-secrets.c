/* lia-secrets.c — the error domain of src/secrets and a wiping free
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gnutls/gnutls.h>
#include <string.h>

#include "lia-secrets.h"

G_DEFINE_QUARK (lia-secrets-error-quark, lia_secrets_error)

/* Overwrites a nul-terminated secret before freeing it; gnutls_memset is
 * not optimised away like a memset before free may be. */
void
lia_secrets_text_free (char *text)
{
  if (text == NULL)
    return;

  gnutls_memset (text, 0, strlen (text));
  g_free (text);
}
