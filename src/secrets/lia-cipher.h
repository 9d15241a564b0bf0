/* lia-cipher.h — confidential values sealed with AES-256-GCM
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-data-key.h"
#include "lia-secrets.h"

G_BEGIN_DECLS

/* A sealed value: version ‖ 12-byte nonce ‖ ciphertext ‖ 16-byte tag. */
#define LIA_CIPHER_VERSION     1
#define LIA_CIPHER_NONCE_SIZE  12
#define LIA_CIPHER_TAG_SIZE    16
#define LIA_CIPHER_OVERHEAD    (1 + LIA_CIPHER_NONCE_SIZE + LIA_CIPHER_TAG_SIZE)

#define LIA_TYPE_CIPHER (lia_cipher_get_type ())

G_DECLARE_FINAL_TYPE (LiaCipher, lia_cipher, LIA, CIPHER, GObject)

LiaCipher *lia_cipher_new          (LiaDataKey    *key,
                                    GError       **error);
GBytes    *lia_cipher_encrypt      (LiaCipher     *self,
                                    const char    *table,
                                    const char    *column,
                                    gint64         row_id,
                                    gconstpointer  plaintext,
                                    gsize          length,
                                    GError       **error);
GBytes    *lia_cipher_encrypt_text (LiaCipher     *self,
                                    const char    *table,
                                    const char    *column,
                                    gint64         row_id,
                                    const char    *text,
                                    GError       **error);
GBytes    *lia_cipher_decrypt      (LiaCipher     *self,
                                    const char    *table,
                                    const char    *column,
                                    gint64         row_id,
                                    GBytes        *sealed,
                                    GError       **error);
char      *lia_cipher_decrypt_text (LiaCipher     *self,
                                    const char    *table,
                                    const char    *column,
                                    gint64         row_id,
                                    GBytes        *sealed,
                                    GError       **error);

G_END_DECLS
