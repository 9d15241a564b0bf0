/* lia-credential-row.h — one credential on an account page: what it is,
 * whether its secret is there and due, and the secret while revealed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-credential.h"

G_BEGIN_DECLS

#define LIA_TYPE_CREDENTIAL_ROW (lia_credential_row_get_type ())

G_DECLARE_FINAL_TYPE (LiaCredentialRow, lia_credential_row, LIA, CREDENTIAL_ROW, AdwActionRow)

GtkWidget *lia_credential_row_new          (void);
gint64     lia_credential_row_get_id       (LiaCredentialRow *self);
/* Shows @credential's metadata; a revealed secret stays until its time. */
void       lia_credential_row_update       (LiaCredentialRow *self,
                                            LiaCredential    *credential,
                                            gint64            now);
/* Shows @secret for lia_views_get_secret_timeout(), then hides it. */
void       lia_credential_row_show_secret  (LiaCredentialRow *self,
                                            const char       *secret);
void       lia_credential_row_hide_secret  (LiaCredentialRow *self);
gboolean   lia_credential_row_is_revealed  (LiaCredentialRow *self);
GtkLabel  *lia_credential_row_get_secret_label (LiaCredentialRow *self);
gboolean   lia_credential_row_is_missing   (LiaCredentialRow *self);
gboolean   lia_credential_row_is_overdue   (LiaCredentialRow *self);

G_END_DECLS
