/* lia-credential-dialog.h — add a credential (its secret goes to the
 * keyring) or edit what the book knows of one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-credential.h"

G_BEGIN_DECLS

#define LIA_TYPE_CREDENTIAL_DIALOG (lia_credential_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaCredentialDialog, lia_credential_dialog, LIA, CREDENTIAL_DIALOG, AdwWindow)

/* @credential: NULL to add one to @account_id; else it is edited (its
 * metadata only: a new secret is a rotation). */
GtkWidget *lia_credential_dialog_new (GtkWindow     *parent,
                                      LiaBook       *book,
                                      gint64         account_id,
                                      LiaCredential *credential);

G_END_DECLS
