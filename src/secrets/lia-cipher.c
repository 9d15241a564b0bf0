/* lia-cipher.c — confidential values sealed with AES-256-GCM
 *
 * Each value gets a fresh random 12-byte nonce. The associated data is the
 * version byte and "table.column#row" (e.g. "accounts.tax_id#42"), so a
 * value copied to another row or column fails authentication just like a
 * changed byte: both are LIA_SECRETS_ERROR_TAMPERED, never wrong data.
 * Random nonces stay far below GCM's 2^32 messages per key for a CRM book.
 *
 * A row id is needed to seal, so a new row is inserted first and its
 * confidential columns written by an UPDATE in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "lia-cipher.h"
#include "lia-data-key-private.h"

struct _LiaCipher
{
  GObject                  parent_instance;
  GMutex                   lock;   /* an AEAD handle is not thread-safe */
  gnutls_aead_cipher_hd_t  handle;
};

G_DEFINE_FINAL_TYPE (LiaCipher, lia_cipher, G_TYPE_OBJECT)

/* Plaintext buffers given out as GBytes are wiped when the GBytes goes. */
typedef struct
{
  gsize  size;
  guint8 data[];
} WipedBuffer;

static WipedBuffer *
wiped_buffer_new (gsize size)
{
  /* One spare byte, so an empty value is not a zero-size buffer. */
  WipedBuffer *buffer = g_malloc (sizeof (WipedBuffer) + size + 1);

  buffer->size = size + 1;
  return buffer;
}

static void
wiped_buffer_free (gpointer data)
{
  WipedBuffer *buffer = data;

  gnutls_memset (buffer->data, 0, buffer->size);
  g_free (buffer);
}

static void
lia_cipher_finalize (GObject *object)
{
  LiaCipher *self = LIA_CIPHER (object);

  /* gnutls_aead_cipher_deinit wipes the expanded key. */
  if (self->handle != NULL)
    gnutls_aead_cipher_deinit (self->handle);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (lia_cipher_parent_class)->finalize (object);
}

static void
lia_cipher_class_init (LiaCipherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_cipher_finalize;
}

static void
lia_cipher_init (LiaCipher *self)
{
  g_mutex_init (&self->lock);
}

static gpointer
set_failed (GError     **error,
            const char  *what,
            int          ret)
{
  g_debug ("%s failed: %s", what, gnutls_strerror (ret));
  g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_FAILED,
                       _("Confidential fields cannot be encrypted on this system."));
  return NULL;
}

static gpointer
set_tampered (GError **error)
{
  g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_TAMPERED,
                       _("A confidential value failed its integrity check: it was "
                         "changed or moved outside Liaison, so it is not shown."));
  return NULL;
}

LiaCipher *
lia_cipher_new (LiaDataKey  *key,
                GError     **error)
{
  g_autoptr(LiaCipher) self = NULL;
  gnutls_datum_t datum;
  int ret;

  g_return_val_if_fail (LIA_IS_DATA_KEY (key), NULL);

  self = g_object_new (LIA_TYPE_CIPHER, NULL);
  datum.data = (unsigned char *) lia_data_key_peek (key);
  datum.size = LIA_DATA_KEY_SIZE;
  ret = gnutls_aead_cipher_init (&self->handle, GNUTLS_CIPHER_AES_256_GCM, &datum);
  if (ret < 0)
    {
      self->handle = NULL;
      return set_failed (error, "gnutls_aead_cipher_init", ret);
    }
  return g_steal_pointer (&self);
}

/* version ‖ "table.column#row": which row and column the value belongs to. */
static GString *
associated_data (const char *table,
                 const char *column,
                 gint64      row_id)
{
  GString *ad = g_string_new (NULL);

  g_string_append_c (ad, LIA_CIPHER_VERSION);
  g_string_append_printf (ad, "%s.%s#%" G_GINT64_FORMAT, table, column, row_id);
  return ad;
}

static gboolean
is_name (const char *name)
{
  return name != NULL && *name != '\0' && strpbrk (name, ".#") == NULL;
}

GBytes *
lia_cipher_encrypt (LiaCipher      *self,
                    const char     *table,
                    const char     *column,
                    gint64          row_id,
                    gconstpointer   plaintext,
                    gsize           length,
                    GError        **error)
{
  g_autoptr(GString) ad = NULL;
  gsize sealed_size = LIA_CIPHER_OVERHEAD + length;
  guint8 *sealed;
  size_t out_size;
  int ret;

  g_return_val_if_fail (LIA_IS_CIPHER (self), NULL);
  g_return_val_if_fail (is_name (table) && is_name (column) && row_id > 0, NULL);
  g_return_val_if_fail (plaintext != NULL || length == 0, NULL);

  sealed = g_malloc (sealed_size);
  sealed[0] = LIA_CIPHER_VERSION;
  ret = gnutls_rnd (GNUTLS_RND_NONCE, sealed + 1, LIA_CIPHER_NONCE_SIZE);
  if (ret < 0)
    {
      g_free (sealed);
      return set_failed (error, "gnutls_rnd", ret);
    }

  ad = associated_data (table, column, row_id);
  out_size = sealed_size - 1 - LIA_CIPHER_NONCE_SIZE;
  g_mutex_lock (&self->lock);
  ret = gnutls_aead_cipher_encrypt (self->handle, sealed + 1, LIA_CIPHER_NONCE_SIZE,
                                    ad->str, ad->len, LIA_CIPHER_TAG_SIZE,
                                    plaintext, length,
                                    sealed + 1 + LIA_CIPHER_NONCE_SIZE, &out_size);
  g_mutex_unlock (&self->lock);
  if (ret < 0 || out_size != length + LIA_CIPHER_TAG_SIZE)
    {
      g_free (sealed);
      return set_failed (error, "gnutls_aead_cipher_encrypt", ret);
    }

  return g_bytes_new_take (sealed, sealed_size);
}

GBytes *
lia_cipher_encrypt_text (LiaCipher   *self,
                         const char  *table,
                         const char  *column,
                         gint64       row_id,
                         const char  *text,
                         GError     **error)
{
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);

  return lia_cipher_encrypt (self, table, column, row_id, text, strlen (text), error);
}

/* Opens a sealed value into a buffer, or NULL with LIA_SECRETS_ERROR_TAMPERED. */
static WipedBuffer *
open_sealed (LiaCipher   *self,
             const char  *table,
             const char  *column,
             gint64       row_id,
             GBytes      *sealed,
             gsize       *length,
             GError     **error)
{
  g_autoptr(GString) ad = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (sealed, &size);
  WipedBuffer *buffer;
  size_t out_size;
  int ret;

  if (size < LIA_CIPHER_OVERHEAD || data[0] != LIA_CIPHER_VERSION)
    return set_tampered (error);

  ad = associated_data (table, column, row_id);
  buffer = wiped_buffer_new (size - LIA_CIPHER_OVERHEAD);
  out_size = buffer->size;
  g_mutex_lock (&self->lock);
  ret = gnutls_aead_cipher_decrypt (self->handle, data + 1, LIA_CIPHER_NONCE_SIZE,
                                    ad->str, ad->len, LIA_CIPHER_TAG_SIZE,
                                    data + 1 + LIA_CIPHER_NONCE_SIZE,
                                    size - 1 - LIA_CIPHER_NONCE_SIZE,
                                    buffer->data, &out_size);
  g_mutex_unlock (&self->lock);
  if (ret < 0 || out_size != size - LIA_CIPHER_OVERHEAD)
    {
      if (ret != GNUTLS_E_DECRYPTION_FAILED)
        g_debug ("gnutls_aead_cipher_decrypt failed: %s", gnutls_strerror (ret));
      wiped_buffer_free (buffer);
      return set_tampered (error);
    }

  *length = out_size;
  return buffer;
}

/* The plaintext, wiped when the returned GBytes is freed. */
GBytes *
lia_cipher_decrypt (LiaCipher   *self,
                    const char  *table,
                    const char  *column,
                    gint64       row_id,
                    GBytes      *sealed,
                    GError     **error)
{
  WipedBuffer *buffer;
  gsize length = 0;

  g_return_val_if_fail (LIA_IS_CIPHER (self), NULL);
  g_return_val_if_fail (is_name (table) && is_name (column) && row_id > 0, NULL);
  g_return_val_if_fail (sealed != NULL, NULL);

  buffer = open_sealed (self, table, column, row_id, sealed, &length, error);
  if (buffer == NULL)
    return NULL;
  return g_bytes_new_with_free_func (buffer->data, length, wiped_buffer_free, buffer);
}

/* The text; free it with lia_secrets_text_free(). */
char *
lia_cipher_decrypt_text (LiaCipher   *self,
                         const char  *table,
                         const char  *column,
                         gint64       row_id,
                         GBytes      *sealed,
                         GError     **error)
{
  g_autoptr(GBytes) opened = lia_cipher_decrypt (self, table, column, row_id, sealed, error);
  const char *text;
  gsize length;

  if (opened == NULL)
    return NULL;

  /* Sealed by lia_cipher_encrypt_text, so valid UTF-8 without a nul, but a
   * binary value opened as text must not be shown either. */
  text = g_bytes_get_data (opened, &length);
  if (memchr (text, '\0', length) != NULL || !g_utf8_validate (text, length, NULL))
    return set_tampered (error);

  return g_strndup (text, length);
}
