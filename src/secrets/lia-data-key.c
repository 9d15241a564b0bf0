/* lia-data-key.c — the 256-bit key of a book's confidential fields
 *
 * Generated with gnutls_rnd (GNUTLS_RND_KEY) on first use and kept in the
 * keyring under io.github.liaisoncrm.Liaison.DataKey, attribute "book" = the
 * book's random id and "check" = lia_data_key_dup_check(), as base64 text.
 * The key never reaches SQLite; a book records its key's check to tell a
 * wrong key from a lost one. Each key is an item of its own: a book id may
 * have several keys (copies of a book, two programs making its first key
 * at once), and storing one must never replace another that values may
 * already be sealed with.
 * The text file format for export and import is in lia-data-key-file.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "lia-data-key-private.h"
#include "lia-keyring-private.h"

struct _LiaDataKey
{
  GObject  parent_instance;
  char    *book_id;
  guint8   bytes[LIA_DATA_KEY_SIZE];
};

G_DEFINE_FINAL_TYPE (LiaDataKey, lia_data_key, G_TYPE_OBJECT)

const SecretSchema *
lia_data_key_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.liaisoncrm.Liaison.DataKey", SECRET_SCHEMA_NONE,
    {
      { "book", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "check", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
lia_data_key_finalize (GObject *object)
{
  LiaDataKey *self = LIA_DATA_KEY (object);

  gnutls_memset (self->bytes, 0, sizeof self->bytes);
  g_free (self->book_id);

  G_OBJECT_CLASS (lia_data_key_parent_class)->finalize (object);
}

static void
lia_data_key_class_init (LiaDataKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_data_key_finalize;
}

static void
lia_data_key_init (LiaDataKey *self)
{
}

/* A fresh random book id for a new book (a UUID). */
char *
lia_data_key_new_book_id (void)
{
  return g_uuid_string_random ();
}

/* Book ids go into keyring attributes and the key file's header line. */
gboolean
lia_data_key_is_valid_book_id (const char *book_id)
{
  gsize length = book_id != NULL ? strlen (book_id) : 0;

  if (length == 0 || length > 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (book_id[i]) && book_id[i] != '-' && book_id[i] != '_')
      return FALSE;
  return TRUE;
}

LiaDataKey *
lia_data_key_new_from_bytes (const char   *book_id,
                             const guint8 *bytes)
{
  LiaDataKey *self;

  g_return_val_if_fail (lia_data_key_is_valid_book_id (book_id), NULL);

  self = g_object_new (LIA_TYPE_DATA_KEY, NULL);
  self->book_id = g_strdup (book_id);
  memcpy (self->bytes, bytes, LIA_DATA_KEY_SIZE);
  return self;
}

/* A new random key, not yet in the keyring (see lia_data_key_store()). */
LiaDataKey *
lia_data_key_generate (const char  *book_id,
                       GError     **error)
{
  guint8 bytes[LIA_DATA_KEY_SIZE];
  LiaDataKey *self;
  int ret;

  g_return_val_if_fail (lia_data_key_is_valid_book_id (book_id), NULL);

  ret = gnutls_rnd (GNUTLS_RND_KEY, bytes, sizeof bytes);
  if (ret < 0)
    {
      g_debug ("gnutls_rnd failed: %s", gnutls_strerror (ret));
      g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_FAILED,
                           _("Could not generate a data key."));
      return NULL;
    }

  self = lia_data_key_new_from_bytes (book_id, bytes);
  gnutls_memset (bytes, 0, sizeof bytes);
  return self;
}

/* Decodes exactly LIA_DATA_KEY_SIZE bytes; anything else is BAD_KEY. */
LiaDataKey *
lia_data_key_new_from_base64 (const char  *book_id,
                              const char  *base64,
                              GError     **error)
{
  gsize length = strlen (base64);
  guint8 *bytes = NULL;
  LiaDataKey *self = NULL;
  gsize decoded = 0;

  if (length == 4 * ((LIA_DATA_KEY_SIZE + 2) / 3) &&
      strspn (base64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") == length)
    bytes = g_base64_decode (base64, &decoded);

  if (bytes != NULL && decoded == LIA_DATA_KEY_SIZE)
    self = lia_data_key_new_from_bytes (book_id, bytes);
  else
    g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY,
                         _("The data key is damaged."));

  if (bytes != NULL)
    gnutls_memset (bytes, 0, decoded);
  g_free (bytes);
  return self;
}

/* Free with lia_secrets_text_free(). */
char *
lia_data_key_to_base64 (LiaDataKey *self)
{
  return g_base64_encode (self->bytes, sizeof self->bytes);
}

const guint8 *
lia_data_key_peek (LiaDataKey *self)
{
  g_return_val_if_fail (LIA_IS_DATA_KEY (self), NULL);

  return self->bytes;
}

const char *
lia_data_key_get_book_id (LiaDataKey *self)
{
  g_return_val_if_fail (LIA_IS_DATA_KEY (self), NULL);

  return self->book_id;
}

/* A short fingerprint (16 hex digits of SHA-256 over a label and the key)
 * that says which key a book was encrypted with, without revealing it. */
char *
lia_data_key_dup_check (LiaDataKey *self)
{
  static const char label[] = "liaison-data-key-check";
  guint8 input[sizeof label + LIA_DATA_KEY_SIZE];
  guint8 digest[32];
  GString *hex = g_string_sized_new (16);

  g_return_val_if_fail (LIA_IS_DATA_KEY (self), NULL);

  memcpy (input, label, sizeof label);
  memcpy (input + sizeof label, self->bytes, LIA_DATA_KEY_SIZE);
  gnutls_hash_fast (GNUTLS_DIG_SHA256, input, sizeof input, digest);
  gnutls_memset (input, 0, sizeof input);

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

/* Same book and same key, compared in constant time. */
gboolean
lia_data_key_equal (LiaDataKey *self,
                    LiaDataKey *other)
{
  guint8 difference = 0;

  g_return_val_if_fail (LIA_IS_DATA_KEY (self) && LIA_IS_DATA_KEY (other), FALSE);

  for (guint i = 0; i < LIA_DATA_KEY_SIZE; i++)
    difference |= self->bytes[i] ^ other->bytes[i];
  return difference == 0 && g_str_equal (self->book_id, other->book_id);
}

static GHashTable *
new_attributes (const char *book_id)
{
  GHashTable *attributes = lia_keyring_attributes_new ();

  g_hash_table_insert (attributes, "book", g_strdup (book_id));
  return attributes;
}

/* The key from a keyring lookup's result, the secret freed either way. */
static LiaDataKey *
key_from_lookup (GAsyncResult  *result,
                 const char    *book_id,
                 GError       **error)
{
  char *secret = lia_keyring_lookup_finish (result, error);
  LiaDataKey *key;

  if (secret == NULL)
    return NULL;

  key = lia_data_key_new_from_base64 (book_id, secret, error);
  secret_password_free (secret);
  return key;
}

static void
on_load_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  LiaDataKey *key = key_from_lookup (result, g_task_get_task_data (task), &error);

  if (key != NULL)
    g_task_return_pointer (task, key, g_object_unref);
  else
    g_task_return_error (task, error);
}

#define MISSING_MESSAGE _("The data key for this book is missing from the keyring.")

/* Looks the book's key up for a task of @source_tag, whose data is the
 * book id; @looked_up gets the lookup's result and owns the task. */
static void
start_lookup (const char          *book_id,
              gpointer             source_tag,
              GAsyncReadyCallback  looked_up,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = new_attributes (book_id);
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (book_id), g_free);
  lia_keyring_lookup (lia_data_key_get_schema (), attributes, MISSING_MESSAGE,
                      NULL, source_tag, cancellable, looked_up, task);
}

/* Fails with LIA_SECRETS_ERROR_NOT_FOUND when the keyring has no key for
 * the book: a book that already holds ciphertext must not get a new one. */
void
lia_data_key_load (const char          *book_id,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_return_if_fail (lia_data_key_is_valid_book_id (book_id));

  start_lookup (book_id, lia_data_key_load, on_load_cb, cancellable, callback, user_data);
}

typedef struct
{
  char *book_id;
  char *check;
} Checked;

static void
checked_free (gpointer data)
{
  Checked *checked = data;

  g_free (checked->book_id);
  g_free (checked->check);
  g_free (checked);
}

/* The fallback's answer: an item stored before keys carried their check
 * counts only when it is the key asked for. */
static void
on_checked_any_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Checked *checked = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(LiaDataKey) key = key_from_lookup (result, checked->book_id, &error);
  g_autofree char *check = key != NULL ? lia_data_key_dup_check (key) : NULL;

  if (key != NULL && g_str_equal (check, checked->check))
    g_task_return_pointer (task, g_steal_pointer (&key), g_object_unref);
  else if (key != NULL || g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY))
    {
      g_clear_error (&error);
      g_task_return_new_error (task, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND, "%s", MISSING_MESSAGE);
    }
  else
    g_task_return_error (task, error);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Checked *checked = g_task_get_task_data (task);
  GError *error = NULL;
  LiaDataKey *key = key_from_lookup (result, checked->book_id, &error);
  g_autofree char *check = key != NULL ? lia_data_key_dup_check (key) : NULL;
  g_autoptr(GHashTable) attributes = NULL;

  /* An item whose text is not the key its attribute names is none. */
  if (key != NULL && g_str_equal (check, checked->check))
    {
      g_task_return_pointer (task, key, g_object_unref);
      return;
    }
  g_clear_object (&key);
  if (error != NULL && !g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);

  attributes = new_attributes (checked->book_id);
  lia_keyring_lookup (lia_data_key_get_schema (), attributes, MISSING_MESSAGE, NULL,
                      lia_data_key_load, g_task_get_cancellable (task), on_checked_any_cb,
                      g_object_ref (task));
}

void
lia_data_key_load_checked (const char          *book_id,
                           const char          *check,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  Checked *checked;
  GTask *task;

  g_return_if_fail (lia_data_key_is_valid_book_id (book_id));
  g_return_if_fail (check != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_data_key_load);
  checked = g_new0 (Checked, 1);
  checked->book_id = g_strdup (book_id);
  checked->check = g_strdup (check);
  g_task_set_task_data (task, checked, checked_free);

  attributes = new_attributes (book_id);
  g_hash_table_insert (attributes, "check", g_strdup (check));
  lia_keyring_lookup (lia_data_key_get_schema (), attributes, MISSING_MESSAGE, NULL,
                      lia_data_key_load, cancellable, on_checked_cb, task);
}

LiaDataKey *
lia_data_key_load_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_create_stored_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  LiaDataKey *created = g_object_get_data (G_OBJECT (task), "created");

  if (lia_keyring_store_finish (result, &error))
    g_task_return_pointer (task, g_object_ref (created), g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Only a key that is not there is created; locked or unreachable is an error. */
static void
on_load_or_create_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const char *book_id = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;
  LiaDataKey *key = key_from_lookup (result, book_id, &error);

  if (key != NULL)
    {
      g_task_return_pointer (task, key, g_object_unref);
      return;
    }
  if (!g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);

  key = lia_data_key_generate (book_id, &error);
  if (key == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_object_set_data_full (G_OBJECT (task), "created", key, g_object_unref);
  cancellable = g_task_get_cancellable (task);
  lia_data_key_store (key, cancellable, on_create_stored_cb, g_steal_pointer (&task));
}

/* Loads the book's key, or generates and stores one when the keyring has
 * none. Call it for a book that holds no ciphertext yet; otherwise use
 * lia_data_key_load() and offer an import when the key is missing. */
void
lia_data_key_load_or_create (const char          *book_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (lia_data_key_is_valid_book_id (book_id));

  start_lookup (book_id, lia_data_key_load_or_create, on_load_or_create_cb,
                cancellable, callback, user_data);
}

/* created: set to TRUE when the key was generated by this call. */
LiaDataKey *
lia_data_key_load_or_create_finish (GAsyncResult  *result,
                                    gboolean      *created,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (created != NULL)
    *created = g_object_get_data (G_OBJECT (result), "created") != NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Stores the key under its book and its check: another key of the book
 * stays (only the same key is replaced). For an imported key, or a new one. */
void
lia_data_key_store (LiaDataKey          *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  char *base64;

  g_return_if_fail (LIA_IS_DATA_KEY (self));

  attributes = new_attributes (self->book_id);
  g_hash_table_insert (attributes, "check", lia_data_key_dup_check (self));
  base64 = lia_data_key_to_base64 (self);
  /* Translators: the name of a keyring item, shown in Passwords and Keys */
  lia_keyring_store (lia_data_key_get_schema (), attributes, _("Liaison data key"), base64,
                     self, lia_data_key_store, cancellable, callback, user_data);
  lia_secrets_text_free (base64);
}

gboolean
lia_data_key_store_finish (LiaDataKey    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return lia_keyring_store_finish (result, error);
}

/* Removes the book's keys from the keyring: for deleting a book only, since
 * its confidential fields are unreadable afterwards without an exported key. */
void
lia_data_key_clear (const char          *book_id,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (lia_data_key_is_valid_book_id (book_id));

  attributes = new_attributes (book_id);
  lia_keyring_clear (lia_data_key_get_schema (), attributes,
                     NULL, lia_data_key_clear, cancellable, callback, user_data);
}

gboolean
lia_data_key_clear_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return lia_keyring_clear_finish (result, error);
}
