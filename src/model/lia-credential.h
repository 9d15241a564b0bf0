/* lia-credential.h — what Liaison knows of a customer credential; the
 * secret itself stays in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

/* Whether the keyring holds the secret, as last checked. */
typedef enum /*< prefix=LIA_SECRET_STATE >*/
{
  LIA_SECRET_STATE_UNKNOWN, /*< nick=unknown >*/
  LIA_SECRET_STATE_PRESENT, /*< nick=present >*/
  LIA_SECRET_STATE_MISSING, /*< nick=missing >*/
} LiaSecretState;

#define LIA_TYPE_CREDENTIAL (lia_credential_get_type ())

G_DECLARE_FINAL_TYPE (LiaCredential, lia_credential, LIA, CREDENTIAL, GObject)

LiaCredential     *lia_credential_new               (gint64             account_id,
                                                     const char        *label,
                                                     LiaCredentialKind  kind);
gint64             lia_credential_get_id            (LiaCredential     *self);
gint64             lia_credential_get_account_id    (LiaCredential     *self);
const char        *lia_credential_get_account_name  (LiaCredential     *self);
const char        *lia_credential_get_label         (LiaCredential     *self);
void               lia_credential_set_label         (LiaCredential     *self,
                                                     const char        *label);
LiaCredentialKind  lia_credential_get_kind          (LiaCredential     *self);
void               lia_credential_set_kind          (LiaCredential     *self,
                                                     LiaCredentialKind  kind);
const char        *lia_credential_get_username      (LiaCredential     *self);
void               lia_credential_set_username      (LiaCredential     *self,
                                                     const char        *username);
const char        *lia_credential_get_url           (LiaCredential     *self);
void               lia_credential_set_url           (LiaCredential     *self,
                                                     const char        *url);
const char        *lia_credential_get_notes         (LiaCredential     *self);
void               lia_credential_set_notes         (LiaCredential     *self,
                                                     const char        *notes);
/* 0: no rotation period. */
guint              lia_credential_get_rotation_days (LiaCredential     *self);
void               lia_credential_set_rotation_days (LiaCredential     *self,
                                                     guint              days);
gint64             lia_credential_get_created_at    (LiaCredential     *self);
gint64             lia_credential_get_updated_at    (LiaCredential     *self);
gint64             lia_credential_get_rotated_at    (LiaCredential     *self);   /* 0: never */
/* Last rotation (or creation) + period; 0 without a period. */
gint64             lia_credential_get_rotate_by     (LiaCredential     *self);
gboolean           lia_credential_is_rotation_overdue (LiaCredential   *self,
                                                     gint64             now);
LiaSecretState     lia_credential_get_secret_state  (LiaCredential     *self);

G_END_DECLS
