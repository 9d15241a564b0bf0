/* lia-credentials-group.h — an account's credentials: add, edit, reveal,
 * copy, rotate and delete, the secrets staying in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-credential-row.h"

G_BEGIN_DECLS

#define LIA_TYPE_CREDENTIALS_GROUP (lia_credentials_group_get_type ())

G_DECLARE_FINAL_TYPE (LiaCredentialsGroup, lia_credentials_group, LIA, CREDENTIALS_GROUP, AdwPreferencesGroup)

void              lia_credentials_group_set_book    (LiaCredentialsGroup *self,
                                                     LiaBook             *book);
/* @account_id 0 shows nothing. */
void              lia_credentials_group_set_account (LiaCredentialsGroup *self,
                                                     gint64               account_id);
LiaCredentialRow *lia_credentials_group_find_row    (LiaCredentialsGroup *self,
                                                     gint64               credential_id);
guint             lia_credentials_group_get_n_rows  (LiaCredentialsGroup *self);

G_END_DECLS
