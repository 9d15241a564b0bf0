/* lia-credential-private.h — for LiaCredentialRepository only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-credential.h"
#include "lia-row.h"

G_BEGIN_DECLS

/* Reads the columns lia-keyring-store.h declares. */
LiaCredential *lia_credential_new_from_row      (LiaRow          *row);
void           lia_credential_set_id            (LiaCredential   *self,
                                                 gint64           id);
void           lia_credential_set_times         (LiaCredential   *self,
                                                 gint64           created_at,
                                                 gint64           updated_at,
                                                 gint64           rotated_at);
void           lia_credential_set_secret_state  (LiaCredential   *self,
                                                 LiaSecretState   state);

G_END_DECLS
