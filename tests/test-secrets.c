/* test-secrets.c — credentials and the data key in a real keyring
 *
 * .ci/test-session runs this inside dbus-run-session with an unlocked
 * gnome-keyring in a throwaway HOME and sets LIAISON_TEST_KEYRING=required:
 * there the keyring tests fail when no secret service answers. Elsewhere
 * they skip. Each run uses a fresh random book id, so it only ever sees and
 * removes its own items. The "no secret service" tests need no keyring:
 * they run in a subprocess pointed at a bus that has none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include "lia-cipher.h"
#include "lia-credential-vault.h"
#include "lia-data-key.h"

#include "test-common.h"
#include "test-keyring.h"

static gboolean
vault_store (LiaCredentialVault  *vault,
             gint64               credential_id,
             gint64               account_id,
             const char          *secret,
             GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lia_credential_vault_store (vault, credential_id, account_id, secret, NULL,
                              lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_credential_vault_store_finish (vault, result, error);
}

static char *
vault_lookup (LiaCredentialVault  *vault,
              gint64               credential_id,
              GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *secret;
  char *copy;

  lia_credential_vault_lookup (vault, credential_id, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  secret = lia_credential_vault_lookup_finish (vault, result, error);
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

/* Clears one credential, or with credential_id 0 all of an account's. */
static void
vault_clear (LiaCredentialVault *vault,
             gint64              credential_id,
             gint64              account_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (credential_id > 0)
    lia_credential_vault_clear (vault, credential_id, NULL, lia_test_on_ready_cb, &result);
  else
    lia_credential_vault_clear_account (vault, account_id, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  if (credential_id > 0)
    g_assert_true (lia_credential_vault_clear_finish (vault, result, &error));
  else
    g_assert_true (lia_credential_vault_clear_account_finish (vault, result, &error));
  g_assert_no_error (error);
}

/* The stored ids as "credential/account ..." for one comparison. */
static char *
vault_list (LiaCredentialVault *vault)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refs = NULL;
  GString *text = g_string_new (NULL);

  lia_credential_vault_list (vault, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  refs = lia_credential_vault_list_finish (vault, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < refs->len; i++)
    {
      LiaCredentialRef *ref = &g_array_index (refs, LiaCredentialRef, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                              i > 0 ? " " : "", ref->credential_id, ref->account_id);
    }
  return g_string_free (text, FALSE);
}

static LiaDataKey *
data_key_load (const char  *book_id,
               gboolean     create,
               gboolean    *created,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (create)
    lia_data_key_load_or_create (book_id, NULL, lia_test_on_ready_cb, &result);
  else
    lia_data_key_load (book_id, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  if (create)
    return lia_data_key_load_or_create_finish (result, created, error);
  return lia_data_key_load_finish (result, error);
}

static void
test_store_lookup_update_clear (void)
{
  g_autofree char *book_id = lia_test_new_book_id ();
  g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
  g_autofree char *first = lia_test_distinctive_secret ("first");
  g_autofree char *second = lia_test_distinctive_secret ("second");
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *after_update = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *missing = NULL;

  if (!lia_test_require_keyring ())
    return;

  g_assert_true (vault_store (vault, 1, 7, first, &error));
  g_assert_no_error (error);
  found = vault_lookup (vault, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, first);

  /* Storing again replaces the item rather than adding one. */
  g_assert_true (vault_store (vault, 1, 7, second, &error));
  after_update = vault_lookup (vault, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after_update, ==, second);
  listed = vault_list (vault);
  g_assert_cmpstr (listed, ==, "1/7");

  vault_clear (vault, 1, 0);
  missing = vault_lookup (vault, 1, &error);
  g_assert_null (missing);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing from the keyring"));
  vault_clear (vault, 1, 0);  /* already gone: still a success */

  lia_test_assert_not_logged (first);
  lia_test_assert_not_logged (second);
}

/* Other keyring clients see what the vault stores, and the reverse. */
static void
test_secret_tool_interop (void)
{
  g_autofree char *book_id = lia_test_new_book_id ();
  g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
  g_autofree char *ours = lia_test_distinctive_secret ("ours");
  g_autofree char *theirs = lia_test_distinctive_secret ("theirs");
  g_autofree char *credential = g_strdup_printf ("%d", g_random_int_range (1000, G_MAXINT32));
  g_autofree char *other = g_strdup_printf ("%d", g_random_int_range (1000, G_MAXINT32));
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *read_back = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *expected = NULL;

  if (!lia_test_require_keyring ())
    return;

  g_assert_true (vault_store (vault, g_ascii_strtoll (credential, NULL, 10), 7, ours, &error));
  g_assert_no_error (error);
  seen = lia_test_run_secret_tool ((const char *[]) { "secret-tool", "lookup", "credential-id", credential,
                                             "account-id", "7", NULL }, NULL);
  g_assert_cmpstr (g_strchomp (seen), ==, ours);

  g_free (lia_test_run_secret_tool ((const char *[]) { "secret-tool", "store", "--label", "From elsewhere",
                                              "xdg:schema", "io.github.liaisoncrm.Liaison.Credential",
                                              "book", book_id, "credential-id", other,
                                              "account-id", "8", NULL }, theirs));
  read_back = vault_lookup (vault, g_ascii_strtoll (other, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back, ==, theirs);

  listed = vault_list (vault);
  if (g_ascii_strtoll (credential, NULL, 10) < g_ascii_strtoll (other, NULL, 10))
    expected = g_strdup_printf ("%s/7 %s/8", credential, other);
  else
    expected = g_strdup_printf ("%s/8 %s/7", other, credential);
  g_assert_cmpstr (listed, ==, expected);

  vault_clear (vault, g_ascii_strtoll (credential, NULL, 10), 0);
  vault_clear (vault, g_ascii_strtoll (other, NULL, 10), 0);
  lia_test_assert_not_logged (ours);
  lia_test_assert_not_logged (theirs);
}

/* The list finds orphans; clearing an account removes its secrets only. */
static void
test_list_and_clear_account (void)
{
  g_autofree char *book_id = lia_test_new_book_id ();
  g_autofree char *other_book_id = lia_test_new_book_id ();
  g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
  g_autoptr(LiaCredentialVault) other_book = lia_credential_vault_new (other_book_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *three = NULL;
  g_autofree char *one = NULL;
  g_autofree char *none = NULL;
  g_autofree char *elsewhere = NULL;

  if (!lia_test_require_keyring ())
    return;

  empty = vault_list (vault);
  g_assert_cmpstr (empty, ==, "");
  g_assert_true (vault_store (vault, 13, 8, "third", &error));
  g_assert_true (vault_store (vault, 11, 7, "first", &error));
  g_assert_true (vault_store (vault, 12, 7, "second", &error));
  g_assert_no_error (error);
  three = vault_list (vault);
  g_assert_cmpstr (three, ==, "11/7 12/7 13/8");

  /* Another book numbers its rows from 1 too, and sees none of these. */
  none = vault_list (other_book);
  g_assert_cmpstr (none, ==, "");
  elsewhere = vault_lookup (other_book, 11, &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  vault_clear (vault, 0, 7);
  one = vault_list (vault);
  g_assert_cmpstr (one, ==, "13/8");
  vault_clear (vault, 13, 0);
}

static void
test_data_key_created_once (void)
{
  g_autofree char *book_id = lia_test_new_book_id ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) missing = NULL;
  g_autoptr(LiaDataKey) created = NULL;
  g_autoptr(LiaDataKey) again = NULL;
  g_autoptr(LiaDataKey) loaded = NULL;
  gboolean was_created = FALSE;

  if (!lia_test_require_keyring ())
    return;

  missing = data_key_load (book_id, FALSE, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  created = data_key_load (book_id, TRUE, &was_created, &error);
  g_assert_no_error (error);
  g_assert_true (was_created);
  again = data_key_load (book_id, TRUE, &was_created, &error);
  g_assert_no_error (error);
  g_assert_false (was_created);
  g_assert_true (lia_data_key_equal (created, again));
  loaded = data_key_load (book_id, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lia_data_key_equal (created, loaded));

  lia_test_data_key_clear (book_id, TRUE);
}

static void
data_key_export (LiaDataKey *key,
                 GFile      *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lia_data_key_export (key, file, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_true (lia_data_key_export_finish (key, result, &error));
  g_assert_no_error (error);
}

static LiaDataKey *
data_key_import (GFile       *file,
                 const char  *expected_book_id,
                 GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lia_data_key_import (file, expected_book_id, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_data_key_import_finish (result, error);
}

static void
data_key_store (LiaDataKey *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lia_data_key_store (key, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_true (lia_data_key_store_finish (key, result, &error));
  g_assert_no_error (error);
}

/* The keyring loses the key; the exported file brings the values back. */
static void
test_data_key_export_import (void)
{
  g_autofree char *book_id = lia_test_new_book_id ();
  g_autofree char *dir = lia_test_make_tmp ();
  g_autofree char *path = g_build_filename (dir, "liaison-data-key.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_build_filename (dir, "nowhere.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) key = NULL;
  g_autoptr(LiaDataKey) lost = NULL;
  g_autoptr(LiaDataKey) imported = NULL;
  g_autoptr(LiaDataKey) restored = NULL;
  g_autoptr(LiaDataKey) none = NULL;
  g_autoptr(LiaCipher) cipher = NULL;
  g_autoptr(LiaCipher) restored_cipher = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(LiaSecretsText) opened = NULL;
  GStatBuf st;

  if (!lia_test_require_keyring ())
    return;

  key = data_key_load (book_id, TRUE, NULL, &error);
  g_assert_no_error (error);
  cipher = lia_cipher_new (key, &error);
  sealed = lia_cipher_encrypt_text (cipher, "accounts", "tax_id", 5, "DE 987", &error);
  g_assert_no_error (error);

  data_key_export (key, file);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  lia_test_data_key_clear (book_id, TRUE);
  lost = data_key_load (book_id, FALSE, NULL, &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  none = data_key_import (file, "another-book", &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY);
  g_clear_error (&error);
  g_clear_object (&none);
  none = data_key_import (nowhere, book_id, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  imported = data_key_import (file, book_id, &error);
  g_assert_no_error (error);
  data_key_store (imported);
  restored = data_key_load (book_id, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lia_data_key_equal (key, restored));
  restored_cipher = lia_cipher_new (restored, &error);
  opened = lia_cipher_decrypt_text (restored_cipher, "accounts", "tax_id", 5, sealed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opened, ==, "DE 987");

  lia_test_data_key_clear (book_id, TRUE);
  lia_test_rm_rf (dir);
}

static void
assert_no_service (const GError *error)
{
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  g_assert_nonnull (strstr (error->message, "keyring is not available"));
  g_assert_null (strstr (error->message, "freedesktop"));
  g_assert_null (strstr (error->message, "DBus"));
}

/* Every operation fails cleanly; no key is made up when none can be read. */
static void
check_no_service (void)
{
  g_autofree char *book_id = lia_test_new_book_id ();
  g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
  g_autofree char *secret = lia_test_distinctive_secret ("unstored");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autoptr(LiaDataKey) key = NULL;
  g_autoptr(GArray) refs = NULL;
  gboolean created = TRUE;

  g_assert_false (vault_store (vault, 1, 7, secret, &error));
  assert_no_service (error);
  g_clear_error (&error);

  found = vault_lookup (vault, 1, &error);
  g_assert_null (found);
  assert_no_service (error);
  g_clear_error (&error);

  lia_credential_vault_list (vault, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  refs = lia_credential_vault_list_finish (vault, result, &error);
  g_assert_null (refs);
  assert_no_service (error);
  g_clear_error (&error);

  key = data_key_load (book_id, TRUE, &created, &error);
  g_assert_null (key);
  g_assert_false (created);
  assert_no_service (error);

  lia_test_assert_not_logged (secret);
}

static void
test_no_bus (void)
{
  if (g_test_subprocess ())
    {
      lia_test_use_no_bus ();
      check_no_service ();
      return;
    }

  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A session bus on which nothing provides org.freedesktop.secrets. */
static void
test_no_keyring_on_bus (void)
{
  if (g_test_subprocess ())
    {
      lia_test_use_bus_without_keyring ();
      check_no_service ();
      return;
    }

  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  lia_test_capture_logs_start ();
  g_test_init (&argc, &argv, NULL);
  lia_test_capture_logs_after_init ();

  g_test_add_func ("/vault/store-lookup-update-clear", test_store_lookup_update_clear);
  g_test_add_func ("/vault/secret-tool-interop", test_secret_tool_interop);
  g_test_add_func ("/vault/list-and-clear-account", test_list_and_clear_account);
  g_test_add_func ("/data-key/created-once", test_data_key_created_once);
  g_test_add_func ("/data-key/export-import", test_data_key_export_import);
  g_test_add_func ("/no-service/no-bus", test_no_bus);
  g_test_add_func ("/no-service/no-keyring-on-bus", test_no_keyring_on_bus);

  return g_test_run ();
}
