/* lia-vault-private.h — for the model's own sealing code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-vault.h"

G_BEGIN_DECLS

/* TRUE when the vault holds no key, or the key the book names now. A
 * key the book no longer names (another program replaced a check whose
 * key was gone) fails with LIA_SECRETS_ERROR_LOCKED and the vault opens
 * again to fetch the book's key: nothing may be sealed with it. */
gboolean lia_vault_key_is_current (LiaVault  *self,
                                   GError   **error);

G_END_DECLS
