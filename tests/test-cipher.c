/* test-cipher.c — sealing confidential values, the data key's text form,
 * and how keyring errors reach a person. Needs no keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-cipher.h"
#include "lia-data-key.h"
#include "lia-keyring-private.h"

#include "test-common.h"

#define BOOK "0b6f2c1e-5d4a-4f3b-9c8d-7e6f5a4b3c2d"

static LiaDataKey *
new_key (const char *book_id)
{
  g_autoptr(GError) error = NULL;
  LiaDataKey *key = lia_data_key_generate (book_id, &error);

  g_assert_no_error (error);
  return key;
}

static LiaCipher *
new_cipher (LiaDataKey *key)
{
  g_autoptr(GError) error = NULL;
  LiaCipher *cipher = lia_cipher_new (key, &error);

  g_assert_no_error (error);
  return cipher;
}

static GBytes *
seal (LiaCipher  *cipher,
      const char *text,
      gint64      row_id)
{
  g_autoptr(GError) error = NULL;
  GBytes *sealed = lia_cipher_encrypt_text (cipher, "accounts", "tax_id", row_id, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sealed);
  return sealed;
}

static void
assert_tampered (LiaCipher  *cipher,
                 const char *table,
                 const char *column,
                 gint64      row_id,
                 GBytes     *sealed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaSecretsText) text = lia_cipher_decrypt_text (cipher, table, column, row_id,
                                                            sealed, &error);

  g_assert_null (text);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "integrity"));
}

static void
test_round_trip (void)
{
  const char *values[] = { "DE 123 456 789", "", "Zürich – 電話 ☎ +41 44 000 00 00",
                           "a longer private note\nwith lines\tand tabs", NULL };
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaCipher) cipher = new_cipher (key);

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) sealed = seal (cipher, values[i], 42);
      g_autoptr(LiaSecretsText) text = NULL;
      const guint8 *data = g_bytes_get_data (sealed, NULL);

      g_assert_cmpuint (g_bytes_get_size (sealed), ==, LIA_CIPHER_OVERHEAD + strlen (values[i]));
      g_assert_cmpuint (data[0], ==, LIA_CIPHER_VERSION);
      if (*values[i] != '\0')
        g_assert_null (memmem (data, g_bytes_get_size (sealed), values[i], strlen (values[i])));

      text = lia_cipher_decrypt_text (cipher, "accounts", "tax_id", 42, sealed, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, values[i]);
    }
}

static void
test_binary_round_trip (void)
{
  static const guint8 value[] = { 0, 1, 2, 0xff, 0, 'x', 0x80 };
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaCipher) cipher = new_cipher (key);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(LiaSecretsText) text = NULL;

  sealed = lia_cipher_encrypt (cipher, "contacts", "bank_details", 7, value, sizeof value, &error);
  g_assert_no_error (error);
  opened = lia_cipher_decrypt (cipher, "contacts", "bank_details", 7, sealed, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (opened, NULL), g_bytes_get_size (opened), value, sizeof value);

  /* Bytes with a nul are not text: never shown as a cut-off string. */
  text = lia_cipher_decrypt_text (cipher, "contacts", "bank_details", 7, sealed, &error);
  g_assert_null (text);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_TAMPERED);
}

static void
test_nonce_differs (void)
{
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaCipher) cipher = new_cipher (key);
  g_autoptr(GBytes) first = seal (cipher, "same value", 1);
  g_autoptr(GBytes) second = seal (cipher, "same value", 1);
  const guint8 *a = g_bytes_get_data (first, NULL);
  const guint8 *b = g_bytes_get_data (second, NULL);

  g_assert_false (g_bytes_equal (first, second));
  g_assert_true (memcmp (a + 1, b + 1, LIA_CIPHER_NONCE_SIZE) != 0);
}

static void
test_flipped_byte (void)
{
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaCipher) cipher = new_cipher (key);
  g_autoptr(GBytes) sealed = seal (cipher, "IBAN CH93 0076 2011 6238 5295 7", 3);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (sealed, &size);

  for (gsize i = 0; i < size; i++)
    for (guint bit = 0; bit < 8; bit += 7)
      {
        g_autofree guint8 *copy = g_memdup2 (data, size);
        g_autoptr(GBytes) flipped = NULL;

        copy[i] ^= 1u << bit;
        flipped = g_bytes_new (copy, size);
        assert_tampered (cipher, "accounts", "tax_id", 3, flipped);
      }
}

static void
test_truncated_or_extended (void)
{
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaCipher) cipher = new_cipher (key);
  g_autoptr(GBytes) sealed = seal (cipher, "secret", 3);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (sealed, &size);
  g_autofree guint8 *longer = g_malloc0 (size + 1);

  for (gsize cut = 0; cut < size; cut++)
    {
      g_autoptr(GBytes) shorter = g_bytes_new (data, cut);

      assert_tampered (cipher, "accounts", "tax_id", 3, shorter);
    }

  memcpy (longer, data, size);
  {
    g_autoptr(GBytes) extended = g_bytes_new (longer, size + 1);

    assert_tampered (cipher, "accounts", "tax_id", 3, extended);
  }
}

/* A value copied to another row, column or table fails as a flipped byte does. */
static void
test_moved_value (void)
{
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaCipher) cipher = new_cipher (key);
  g_autoptr(GBytes) sealed = seal (cipher, "DE 123 456 789", 42);

  assert_tampered (cipher, "accounts", "tax_id", 43, sealed);
  assert_tampered (cipher, "accounts", "tax_id", 4, sealed);
  assert_tampered (cipher, "accounts", "bank_details", 42, sealed);
  assert_tampered (cipher, "contacts", "tax_id", 42, sealed);
}

static void
test_wrong_key (void)
{
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaDataKey) other = new_key (BOOK);
  g_autoptr(LiaCipher) cipher = new_cipher (key);
  g_autoptr(LiaCipher) wrong = new_cipher (other);
  g_autoptr(GBytes) sealed = seal (cipher, "DE 123 456 789", 42);

  g_assert_false (lia_data_key_equal (key, other));
  assert_tampered (wrong, "accounts", "tax_id", 42, sealed);
}

static void
test_key_text_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaSecretsText) text = lia_data_key_to_text (key);
  g_autoptr(LiaDataKey) copy = NULL;
  g_autoptr(LiaCipher) cipher = new_cipher (key);
  g_autoptr(LiaCipher) copy_cipher = NULL;
  g_autoptr(GBytes) sealed = seal (cipher, "kept safe", 9);
  g_autoptr(LiaSecretsText) opened = NULL;
  g_autofree char *check = lia_data_key_dup_check (key);
  g_autofree char *header = g_strdup_printf ("LIAISON-DATA-KEY-1 book=%s check=%s\n", BOOK, check);

  g_assert_cmpuint (strlen (check), ==, 16);
  g_assert_nonnull (strstr (text, header));
  g_assert_true (g_str_has_prefix (text, "# Liaison data key."));

  copy = lia_data_key_new_from_text (text, BOOK, &error);
  g_assert_no_error (error);
  g_assert_true (lia_data_key_equal (key, copy));
  g_assert_cmpstr (lia_data_key_get_book_id (copy), ==, BOOK);

  copy_cipher = new_cipher (copy);
  opened = lia_cipher_decrypt_text (copy_cipher, "accounts", "tax_id", 9, sealed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opened, ==, "kept safe");
}

static void
assert_bad_key (const char *text,
                const char *expected_book_id,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) key = lia_data_key_new_from_text (text, expected_book_id, &error);

  g_assert_null (key);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_key_text_errors (void)
{
  g_autoptr(LiaDataKey) key = new_key (BOOK);
  g_autoptr(LiaSecretsText) text = lia_data_key_to_text (key);
  g_autofree char *damaged = g_strdup (text);
  g_autofree char *crlf = NULL;
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  char *base64 = strrchr (g_strchomp (damaged), '\n') + 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) from_crlf = NULL;

  assert_bad_key (text, "another-book", "another book");
  assert_bad_key ("", NULL, "not a Liaison data key");
  assert_bad_key ("hello\nworld\n", NULL, "not a Liaison data key");
  assert_bad_key ("LIAISON-DATA-KEY-1 book=x check=y\n", NULL, "not a Liaison data key");
  assert_bad_key ("LIAISON-DATA-KEY-1 book=x/y check=0\nAAAA\n", NULL, "not a Liaison data key");

  /* One mistyped character of the key is caught by the check. */
  base64[5] = base64[5] == 'A' ? 'B' : 'A';
  assert_bad_key (damaged, BOOK, "damaged");
  base64[5] = '\0';
  assert_bad_key (damaged, BOOK, "damaged");

  /* A copy that went through a Windows editor still reads. */
  crlf = g_strjoinv ("\r\n", lines);
  from_crlf = lia_data_key_new_from_text (crlf, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lia_data_key_equal (key, from_crlf));
}

static void
test_book_ids (void)
{
  g_autofree char *book_id = lia_data_key_new_book_id ();
  g_autofree char *other = lia_data_key_new_book_id ();

  g_assert_true (lia_data_key_is_valid_book_id (book_id));
  g_assert_cmpstr (book_id, !=, other);
  g_assert_false (lia_data_key_is_valid_book_id (""));
  g_assert_false (lia_data_key_is_valid_book_id ("a b"));
  g_assert_false (lia_data_key_is_valid_book_id ("a=b"));
}

static void
assert_mapped (GQuark           domain,
               int              code,
               GCancellable    *cancellable,
               GQuark           expected_domain,
               int              expected_code)
{
  g_autoptr(GError) raw = g_error_new_literal (domain, code, "org.example.Raw: raw libsecret text");
  g_autoptr(GError) mapped = lia_keyring_map_error (raw, cancellable, "test");

  g_assert_error (mapped, expected_domain, expected_code);
  if (expected_domain == LIA_SECRETS_ERROR)
    g_assert_null (strstr (mapped->message, "raw"));
}

/* libsecret's raw errors become the few a banner can explain. */
static void
test_error_mapping (void)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  assert_mapped (G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN, NULL,
                 LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  assert_mapped (G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER, NULL,
                 LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  assert_mapped (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, NULL,
                 LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  assert_mapped (SECRET_ERROR, SECRET_ERROR_IS_LOCKED, NULL,
                 LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  /* A dismissed unlock prompt: cancelled, but not by the caller. */
  assert_mapped (G_IO_ERROR, G_IO_ERROR_CANCELLED, NULL,
                 LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  g_cancellable_cancel (cancelled);
  assert_mapped (G_IO_ERROR, G_IO_ERROR_CANCELLED, cancelled,
                 G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_mapped (SECRET_ERROR, SECRET_ERROR_PROTOCOL, NULL,
                 LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_FAILED);
  assert_mapped (G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED, NULL,
                 LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cipher/round-trip", test_round_trip);
  g_test_add_func ("/cipher/binary-round-trip", test_binary_round_trip);
  g_test_add_func ("/cipher/nonce-differs", test_nonce_differs);
  g_test_add_func ("/cipher/flipped-byte", test_flipped_byte);
  g_test_add_func ("/cipher/truncated-or-extended", test_truncated_or_extended);
  g_test_add_func ("/cipher/moved-value", test_moved_value);
  g_test_add_func ("/cipher/wrong-key", test_wrong_key);
  g_test_add_func ("/data-key/text-round-trip", test_key_text_round_trip);
  g_test_add_func ("/data-key/text-errors", test_key_text_errors);
  g_test_add_func ("/data-key/book-ids", test_book_ids);
  g_test_add_func ("/keyring/error-mapping", test_error_mapping);

  return g_test_run ();
}
