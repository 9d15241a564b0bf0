/* test-vault.c — a book's data key and the keyring's state (LiaVault)
 *
 * Against the real gnome-keyring .ci/test-session starts (see
 * test-keyring.h: without it these fail there, and skip elsewhere). The
 * "no secret service" and read-only tests run in a subprocess: one
 * pointed at a bus without a keyring, one that gave up root's right to
 * write any file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "lia-enum-types.h"
#include "lia-field-repository.h"
#include "lia-vault.h"

#include "test-book.h"
#include "test-keyring.h"

/* The banner's sentence for a missing secret service, word for word. */
#define UNAVAILABLE_MESSAGE \
  "The keyring is not available. Confidential fields are locked; everything else works."

typedef struct
{
  char    *dir;
  char    *path;
  gint64   now;
  LiaBook *book;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = 1767225600;  /* 2026-01-01 */
  f->book = lia_test_book_new (&f->dir, &f->path, &f->now, "Vera Vault");
}

/* Takes the book's key out of the keyring too: each test makes its own. */
static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *book_id = NULL;
  sqlite3 *raw;

  /* Read from the file: a test may have let its book go. */
  g_clear_object (&f->book);
  raw = lia_test_sqlite_open (f->path);
  book_id = lia_test_sql_text (raw, "SELECT book_id FROM book_meta");
  sqlite3_close (raw);
  if (book_id != NULL)
    lia_test_data_key_clear (book_id, FALSE);
  lia_test_book_close (&f->book, &f->dir, &f->path);
}

static char *
sql_text (LiaBook    *book,
          const char *sql)
{
  return lia_test_sql_text (lia_test_book_handle (book), sql);
}

/* Runs the main context until the open in flight has answered. */
static void
wait_opened (LiaVault *vault)
{
  guint timeout_id = g_timeout_add_seconds (LIA_TEST_KEYRING_TIMEOUT_SECONDS,
                                            lia_test_keyring_timeout_cb, NULL);

  while (lia_vault_get_state (vault) == LIA_VAULT_STATE_OPENING)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

static LiaVaultState
open_vault (LiaBook *book)
{
  LiaVault *vault = lia_book_get_vault (book);

  lia_vault_open (vault);
  wait_opened (vault);
  return lia_vault_get_state (vault);
}

static gint64
count_audit (LiaBook    *book,
             const char *field)
{
  return lia_test_book_sql_int (book, "SELECT count(*) FROM audit_log WHERE entity = 'book'"
                                      " AND field = '%s' AND account_id IS NULL"
                                      " AND entity_id IS NULL AND old_value IS NULL"
                                      " AND new_value IS NULL", field);
}

static LiaDataKey *
load_key (const char  *book_id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lia_data_key_load (book_id, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_data_key_load_finish (result, error);
}

static void
store_key (LiaDataKey *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lia_data_key_store (key, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_true (lia_data_key_store_finish (key, result, &error));
  g_assert_no_error (error);
}

static gboolean
export_key (LiaVault  *vault,
            GFile     *file,
            GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lia_vault_export_key (vault, file, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_vault_export_key_finish (vault, result, error);
}

static gboolean
import_key (LiaVault  *vault,
            GFile     *file,
            GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lia_vault_import_key (vault, file, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_vault_import_key_finish (vault, result, error);
}

static GBytes *
seal (LiaBook    *book,
      const char *text)
{
  g_autoptr(GError) error = NULL;
  GBytes *sealed = lia_cipher_encrypt_text (lia_vault_get_cipher (lia_book_get_vault (book)),
                                            "field_values", "account:tax_id", 7, text, &error);

  g_assert_no_error (error);
  return sealed;
}

static char *
unseal (LiaBook *book,
        GBytes  *sealed)
{
  g_autoptr(GError) error = NULL;
  char *text = lia_cipher_decrypt_text (lia_vault_get_cipher (lia_book_get_vault (book)),
                                        "field_values", "account:tax_id", 7, sealed, &error);

  g_assert_no_error (error);
  return text;
}

/* A confidential value stored through the model: then the book holds
 * ciphertext, and losing its key must never be papered over. */
static void
store_sealed_value (LiaBook    *book,
                    const char *number,
                    const char *text)
{
  g_autoptr(LiaAccount) account = lia_test_account_new (number, "Sealed Goods Ltd", "small-business");
  g_autoptr(GError) error = NULL;
  gint64 id = lia_test_account_create (book, account);

  g_assert_true (lia_field_repository_set_value (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT,
                                                 id, "tax_id", text, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM field_values"
                                               " WHERE sealed IS NOT NULL"), >, 0);
}

/* The first account's tax id in clear, read by @book (audited). */
static char *
reveal_first_tax_id (LiaBook  *book,
                     GError  **error)
{
  gint64 id = lia_test_book_sql_int (book, "SELECT min (row_id) FROM field_values WHERE field = 'tax_id'");

  return lia_field_repository_reveal (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT, id,
                                      "tax_id", error);
}

/* The first open gives the book an id, makes its key, stores it in the
 * keyring and records its check, audited once. */
static void
test_first_open_creates_key (Fixture       *f,
                             gconstpointer  data)
{
  LiaVault *vault = lia_book_get_vault (f->book);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) stored = NULL;
  g_autofree char *book_id = NULL;
  g_autofree char *check = NULL;
  g_autofree char *stored_check = NULL;

  if (!lia_test_require_keyring ())
    return;

  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_CLOSED);
  g_assert_null (lia_vault_get_message (vault));
  g_assert_false (lia_vault_has_key (vault));
  g_assert_null (lia_vault_get_cipher (vault));

  lia_vault_open (vault);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_OPENING);
  wait_opened (vault);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_READY);
  g_assert_null (lia_vault_get_message (vault));
  g_assert_true (lia_vault_has_key (vault));
  g_assert_nonnull (lia_vault_get_cipher (vault));

  book_id = sql_text (f->book, "SELECT book_id FROM book_meta");
  g_assert_true (lia_data_key_is_valid_book_id (book_id));
  g_assert_cmpstr (lia_vault_get_book_id (vault), ==, book_id);
  g_assert_cmpstr (lia_credential_vault_get_book_id (lia_vault_get_credentials (vault)), ==, book_id);

  /* What the keyring holds is the key the book's check names. */
  stored = load_key (book_id, &error);
  g_assert_no_error (error);
  stored_check = lia_data_key_dup_check (stored);
  check = sql_text (f->book, "SELECT data_key_check FROM book_meta");
  g_assert_cmpstr (check, ==, stored_check);
  g_assert_cmpint (count_audit (f->book, "data-key-created"), ==, 1);
}

/* Another book object on the same file reads the same key: no second key,
 * no second audit line, and values sealed by one open in the other. */
static void
test_second_book_same_key (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LiaBook) other = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(LiaSecretsText) opened = NULL;
  g_autofree char *check = NULL;
  g_autofree char *check_after = NULL;

  if (!lia_test_require_keyring ())
    return;

  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);
  sealed = seal (f->book, "DE 123 456 789");
  check = sql_text (f->book, "SELECT data_key_check FROM book_meta");

  other = lia_test_book_open (f->path, &f->now, "Otto Other");
  g_assert_cmpint (open_vault (other), ==, LIA_VAULT_STATE_READY);
  g_assert_cmpstr (lia_vault_get_book_id (lia_book_get_vault (other)), ==,
                   lia_vault_get_book_id (lia_book_get_vault (f->book)));
  opened = unseal (other, sealed);
  g_assert_cmpstr (opened, ==, "DE 123 456 789");

  check_after = sql_text (other, "SELECT data_key_check FROM book_meta");
  g_assert_cmpstr (check_after, ==, check);
  g_assert_cmpint (count_audit (other, "data-key-created"), ==, 1);
}

/* The keyring loses the key: the book says so and makes no new one,
 * which would leave everything sealed with the old one unreadable. */
static void
test_key_missing_not_replaced (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(LiaBook) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) none = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *book_id = NULL;
  g_autofree char *check = NULL;
  g_autofree char *check_after = NULL;
  g_autofree char *key_file = NULL;
  LiaVault *vault;

  if (!lia_test_require_keyring ())
    return;

  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);
  store_sealed_value (f->book, "KM-1", "DE 111 222 333");
  book_id = g_strdup (lia_vault_get_book_id (lia_book_get_vault (f->book)));
  check = sql_text (f->book, "SELECT data_key_check FROM book_meta");
  lia_test_data_key_clear (book_id, TRUE);

  other = lia_test_book_open (f->path, &f->now, NULL);
  vault = lia_book_get_vault (other);
  g_assert_cmpint (open_vault (other), ==, LIA_VAULT_STATE_KEY_MISSING);
  g_assert_false (lia_vault_has_key (vault));
  g_assert_null (lia_vault_get_cipher (vault));
  g_assert_nonnull (strstr (lia_vault_get_message (vault), "missing from the keyring"));

  none = load_key (book_id, &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  check_after = sql_text (other, "SELECT data_key_check FROM book_meta");
  g_assert_cmpstr (check_after, ==, check);
  g_assert_cmpint (count_audit (other, "data-key-created"), ==, 1);

  /* Retry asks again, and still makes nothing up. */
  g_assert_cmpint (open_vault (other), ==, LIA_VAULT_STATE_KEY_MISSING);

  /* Nothing to export without the key. */
  key_file = g_build_filename (f->dir, "key.txt", NULL);
  file = g_file_new_for_path (key_file);
  g_assert_false (export_key (vault, file, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (key_file, G_FILE_TEST_EXISTS));
}

/* A key in the keyring that is not the one the book's check names is
 * refused as well (KEY_MISSING, worded differently), and left alone,
 * once the book holds ciphertext. */
static void
test_other_key_in_keyring (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LiaBook) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) impostor = NULL;
  g_autoptr(LiaDataKey) still = NULL;
  g_autofree char *book_id = NULL;
  LiaVault *vault;

  if (!lia_test_require_keyring ())
    return;

  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);
  store_sealed_value (f->book, "OK-1", "DE 444 555 666");
  book_id = g_strdup (lia_vault_get_book_id (lia_book_get_vault (f->book)));
  lia_test_data_key_clear (book_id, TRUE);
  impostor = lia_data_key_generate (book_id, &error);
  g_assert_no_error (error);
  store_key (impostor);

  other = lia_test_book_open (f->path, &f->now, NULL);
  vault = lia_book_get_vault (other);
  g_assert_cmpint (open_vault (other), ==, LIA_VAULT_STATE_KEY_MISSING);
  g_assert_false (lia_vault_has_key (vault));
  g_assert_nonnull (strstr (lia_vault_get_message (vault), "different data key"));

  still = load_key (book_id, &error);
  g_assert_no_error (error);
  g_assert_true (lia_data_key_equal (still, impostor));
}

/* The exported key brings the sealed values back after the keyring lost
 * it; another book's key, or another key of this book, is refused. */
static void
test_import_exported_key (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *key_path = g_build_filename (f->dir, "liaison-data-key.txt", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other-book-key.txt", NULL);
  g_autofree char *wrong_path = g_build_filename (f->dir, "wrong-key.txt", NULL);
  g_autoptr(GFile) key_file = g_file_new_for_path (key_path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  g_autoptr(GFile) wrong_file = g_file_new_for_path (wrong_path);
  g_autoptr(LiaBook) reopened = NULL;
  g_autoptr(LiaDataKey) other_key = NULL;
  g_autoptr(LiaDataKey) wrong_key = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(LiaSecretsText) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *book_id = NULL;
  g_autofree char *other_id = lia_test_new_book_id ();
  g_autofree char *check = NULL;
  g_autofree char *check_after = NULL;
  GStatBuf st;
  LiaVault *vault;

  if (!lia_test_require_keyring ())
    return;

  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);
  book_id = g_strdup (lia_vault_get_book_id (lia_book_get_vault (f->book)));
  check = sql_text (f->book, "SELECT data_key_check FROM book_meta");
  sealed = seal (f->book, "IBAN DE89 3704 0044 0532 0130 00");
  store_sealed_value (f->book, "IM-1", "DE 777 888 999");

  g_assert_true (export_key (lia_book_get_vault (f->book), key_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_audit (f->book, "data-key-exported"), ==, 1);

  lia_test_data_key_clear (book_id, TRUE);
  reopened = lia_test_book_open (f->path, &f->now, NULL);
  vault = lia_book_get_vault (reopened);
  g_assert_cmpint (open_vault (reopened), ==, LIA_VAULT_STATE_KEY_MISSING);

  /* Another book's key file. */
  other_key = lia_data_key_generate (other_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GAsyncResult) result = NULL;

    lia_data_key_export (other_key, other_file, NULL, lia_test_on_ready_cb, &result);
    lia_test_wait_for (&result);
    g_assert_true (lia_data_key_export_finish (other_key, result, &error));
  }
  g_assert_false (import_key (vault, other_file, &error));
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY);
  g_clear_error (&error);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_KEY_MISSING);

  /* This book's id, but not the key its values were sealed with. */
  wrong_key = lia_data_key_generate (book_id, &error);
  {
    g_autoptr(GAsyncResult) result = NULL;

    lia_data_key_export (wrong_key, wrong_file, NULL, lia_test_on_ready_cb, &result);
    lia_test_wait_for (&result);
    g_assert_true (lia_data_key_export_finish (wrong_key, result, &error));
  }
  g_assert_false (import_key (vault, wrong_file, &error));
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY);
  g_clear_error (&error);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_KEY_MISSING);
  g_assert_cmpint (count_audit (reopened, "data-key-imported"), ==, 0);

  /* The right one. */
  g_assert_true (import_key (vault, key_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_READY);
  g_assert_null (lia_vault_get_message (vault));
  opened = unseal (reopened, sealed);
  g_assert_cmpstr (opened, ==, "IBAN DE89 3704 0044 0532 0130 00");
  g_assert_cmpint (count_audit (reopened, "data-key-imported"), ==, 1);
  check_after = sql_text (reopened, "SELECT data_key_check FROM book_meta");
  g_assert_cmpstr (check_after, ==, check);

  /* It is in the keyring again: the next open finds it. */
  g_clear_object (&reopened);
  reopened = lia_test_book_open (f->path, &f->now, NULL);
  g_assert_cmpint (open_vault (reopened), ==, LIA_VAULT_STATE_READY);
}

typedef struct
{
  guint          notified;
  LiaVaultState  states[8];
  char          *messages[8];
} Seen;

/* What the banner would read on each change of state. */
static void
on_state_cb (LiaVault   *vault,
             GParamSpec *pspec,
             Seen       *seen)
{
  g_assert_cmpuint (seen->notified, <, G_N_ELEMENTS (seen->states));
  seen->states[seen->notified] = lia_vault_get_state (vault);
  seen->messages[seen->notified] = g_strdup (lia_vault_get_message (vault));
  seen->notified++;
}

static void
seen_clear (Seen *seen)
{
  for (guint i = 0; i < seen->notified; i++)
    g_free (seen->messages[i]);
}

/* Two programs open a book that has no key yet, at the same time (the
 * reviewer's reproduction): each makes a key, and before claims the
 * later keyring write replaced the first key while its maker went on
 * sealing with it. Whoever ends ready, what it seals a later open reads;
 * the other is ready with the same key or says the key is missing. */
static void
test_concurrent_first_open (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("race");
  g_autoptr(LiaBook) other = NULL;
  g_autoptr(LiaBook) fresh = NULL;
  g_autoptr(LiaSecretsText) seen = NULL;
  g_autoptr(GError) error = NULL;
  LiaBook *sealer;
  LiaVault *a, *b;

  if (!lia_test_require_keyring ())
    return;

  other = lia_test_book_open (f->path, &f->now, "Otto Other");
  a = lia_book_get_vault (f->book);
  b = lia_book_get_vault (other);
  lia_vault_open (a);
  lia_vault_open (b);
  wait_opened (a);
  wait_opened (b);
  g_test_message ("states: %s, %s", lia_enum_to_nick (LIA_TYPE_VAULT_STATE, lia_vault_get_state (a)),
                  lia_enum_to_nick (LIA_TYPE_VAULT_STATE, lia_vault_get_state (b)));

  g_assert_true (lia_vault_has_key (a) || lia_vault_has_key (b));
  if (!lia_vault_has_key (a))
    g_assert_cmpint (lia_vault_get_state (a), ==, LIA_VAULT_STATE_KEY_MISSING);
  if (!lia_vault_has_key (b))
    g_assert_cmpint (lia_vault_get_state (b), ==, LIA_VAULT_STATE_KEY_MISSING);
  g_assert_cmpint (count_audit (f->book, "data-key-created"), ==, 1);

  sealer = lia_vault_has_key (a) ? f->book : other;
  store_sealed_value (sealer, "RC-1", secret);
  if (lia_vault_has_key (a) && lia_vault_has_key (b))
    {
      g_autoptr(LiaSecretsText) both = reveal_first_tax_id (sealer == f->book ? other : f->book, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (both, ==, secret);
    }

  fresh = lia_test_book_open (f->path, &f->now, NULL);
  g_assert_cmpint (open_vault (fresh), ==, LIA_VAULT_STATE_READY);
  seen = reveal_first_tax_id (fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen, ==, secret);
}

static gboolean
on_store_later_cb (gpointer user_data)
{
  store_key (user_data);
  return G_SOURCE_REMOVE;
}

/* A book whose check names a key another program is still storing (it
 * claimed first) waits a moment for it; when it does not come, the key
 * is missing, and Retry finds it once it is there. Nothing new is made
 * while the book holds ciphertext. */
static void
test_claimed_key_arrives (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LiaDataKey) theirs = NULL;
  g_autoptr(LiaBook) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  g_autofree char *sql = NULL;
  LiaVault *vault = lia_book_get_vault (f->book);
  const char *book_id;

  if (!lia_test_require_keyring ())
    return;

  /* The other program's key and claim, and something it sealed. */
  book_id = lia_vault_get_book_id (vault);
  theirs = lia_data_key_generate (book_id, &error);
  g_assert_no_error (error);
  check = lia_data_key_dup_check (theirs);
  sql = g_strdup_printf ("UPDATE book_meta SET data_key_check = '%s';"
                         "INSERT INTO accounts (id, number, name, segment_id, created_at, updated_at)"
                         "  VALUES (1, 'CL-1', 'Claimed Ltd', 'small-business', 1, 1);"
                         "INSERT INTO field_values (entity, row_id, field, sealed, updated_at)"
                         "  VALUES ('account', 1, 'tax_id', x'00', 1)", check);
  g_assert_cmpint (sqlite3_exec (lia_test_book_handle (f->book), sql, NULL, NULL, NULL), ==, SQLITE_OK);

  /* It never comes: missing, and nothing replaced. */
  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_KEY_MISSING);
  {
    g_autofree char *after = sql_text (f->book, "SELECT data_key_check FROM book_meta");

    g_assert_cmpstr (after, ==, check);
  }
  g_assert_cmpint (count_audit (f->book, "data-key-created"), ==, 0);

  /* Retry, once it is stored. */
  store_key (theirs);
  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);

  /* Stored a little after the open began: the open waits for it. */
  lia_test_data_key_clear (book_id, TRUE);
  later = lia_test_book_open (f->path, &f->now, NULL);
  g_timeout_add (150, on_store_later_cb, theirs);
  g_assert_cmpint (open_vault (later), ==, LIA_VAULT_STATE_READY);
}

/* A check whose key is gone from a book that holds no ciphertext loses
 * nothing when replaced: a fresh key, audited, ready; another key in the
 * keyring under the book's id (a copy's) is left alone. A program still
 * holding the old key may not seal with it any more. */
static void
test_stale_check_replaced (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LiaBook) other = NULL;
  g_autoptr(LiaDataKey) copys = NULL;
  g_autoptr(LiaDataKey) still = NULL;
  g_autoptr(LiaDataKey) stored = NULL;
  g_autoptr(LiaSecretsText) seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *book_id = NULL;
  g_autofree char *check = NULL;
  g_autofree char *check_after = NULL;
  g_autofree char *stored_check = NULL;

  if (!lia_test_require_keyring ())
    return;

  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);
  book_id = g_strdup (lia_vault_get_book_id (lia_book_get_vault (f->book)));
  check = sql_text (f->book, "SELECT data_key_check FROM book_meta");
  lia_test_data_key_clear (book_id, TRUE);
  copys = lia_data_key_generate (book_id, &error);
  g_assert_no_error (error);
  store_key (copys);

  other = lia_test_book_open (f->path, &f->now, "Otto Other");
  g_assert_cmpint (open_vault (other), ==, LIA_VAULT_STATE_READY);
  check_after = sql_text (other, "SELECT data_key_check FROM book_meta");
  g_assert_cmpstr (check_after, !=, check);
  g_assert_cmpint (count_audit (other, "data-key-created"), ==, 2);
  {
    g_autoptr(GAsyncResult) result = NULL;

    lia_data_key_load_checked (book_id, check_after, NULL, lia_test_on_ready_cb, &result);
    lia_test_wait_for (&result);
    stored = lia_data_key_load_finish (result, &error);
    g_assert_no_error (error);
    stored_check = lia_data_key_dup_check (stored);
    g_assert_cmpstr (stored_check, ==, check_after);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *copys_check = lia_data_key_dup_check (copys);

    g_assert_cmpstr (copys_check, !=, check_after);
    lia_data_key_load_checked (book_id, copys_check, NULL, lia_test_on_ready_cb, &result);
    lia_test_wait_for (&result);
    still = lia_data_key_load_finish (result, &error);
    g_assert_no_error (error);
    g_assert_true (lia_data_key_equal (still, copys));
  }

  /* The first program still holds the old key: it seals nothing with it. */
  {
    g_autoptr(LiaAccount) account = lia_test_account_new ("SC-1", "Stale Checks Ltd", "small-business");
    gint64 id = lia_test_account_create (f->book, account);

    g_assert_false (lia_field_repository_set_value (lia_book_get_fields (f->book), LIA_FIELD_ENTITY_ACCOUNT,
                                                    id, "tax_id", "DE 000 000 000", &error));
    g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
    g_clear_error (&error);
    g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM field_values"), ==, 0);

    /* Once it has caught up, it seals with the book's key. */
    wait_opened (lia_book_get_vault (f->book));
    g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);
    g_assert_true (lia_field_repository_set_value (lia_book_get_fields (f->book), LIA_FIELD_ENTITY_ACCOUNT,
                                                   id, "tax_id", "DE 000 000 001", &error));
    g_assert_no_error (error);
    seen = reveal_first_tax_id (other, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (seen, ==, "DE 000 000 001");
  }
}

/* Retry while opening does nothing: one open, one key, two changes of
 * state (opening, ready), each seen with its message already right. */
static void
test_retry_while_opening (Fixture       *f,
                          gconstpointer  data)
{
  LiaVault *vault = lia_book_get_vault (f->book);
  Seen seen = { 0, };

  if (!lia_test_require_keyring ())
    return;

  g_signal_connect (vault, "notify::state", G_CALLBACK (on_state_cb), &seen);
  lia_vault_open (vault);
  lia_vault_open (vault);
  lia_vault_open (vault);
  wait_opened (vault);

  g_assert_cmpuint (seen.notified, ==, 2);
  g_assert_cmpint (seen.states[0], ==, LIA_VAULT_STATE_OPENING);
  g_assert_cmpint (seen.states[1], ==, LIA_VAULT_STATE_READY);
  g_assert_null (seen.messages[1]);
  g_assert_cmpint (count_audit (f->book, "data-key-created"), ==, 1);
  g_signal_handlers_disconnect_by_data (vault, &seen);
  seen_clear (&seen);
}

/* A failure met elsewhere (a credential call) moves the state and
 * drops the key, so the banner and the locked fields agree; a missing
 * secret or a cancelled call says nothing about the keyring. */
static void
test_report_error (Fixture       *f,
                   gconstpointer  data)
{
  LiaVault *vault = lia_book_get_vault (f->book);
  g_autoptr(GError) missing = g_error_new_literal (LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND, "gone");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop");
  g_autoptr(GError) no_service = g_error_new_literal (LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE,
                                                      "org.freedesktop.DBus.Error.ServiceUnknown");
  g_autoptr(GError) locked = g_error_new_literal (LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED, "locked");

  if (!lia_test_require_keyring ())
    return;

  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);
  lia_vault_report_error (vault, missing);
  lia_vault_report_error (vault, cancelled);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_READY);
  g_assert_true (lia_vault_has_key (vault));

  lia_vault_report_error (vault, no_service);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_UNAVAILABLE);
  g_assert_cmpstr (lia_vault_get_message (vault), ==, UNAVAILABLE_MESSAGE);
  g_assert_false (lia_vault_has_key (vault));
  g_assert_null (lia_vault_get_cipher (vault));

  lia_vault_report_error (vault, locked);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_LOCKED);
  g_assert_nonnull (strstr (lia_vault_get_message (vault), "locked"));

  /* Retry. */
  g_assert_cmpint (open_vault (f->book), ==, LIA_VAULT_STATE_READY);
  g_assert_true (lia_vault_has_key (vault));
}

static void
on_vault_finalized_cb (gpointer  user_data,
                       GObject  *where_the_vault_was)
{
  *(gboolean *)user_data = TRUE;
}

/* The book goes while the keyring has not answered: the open is
 * cancelled, its answer touches nothing freed, and the vault goes too. */
static void
test_book_gone_while_opening (Fixture       *f,
                              gconstpointer  data)
{
  LiaVault *vault = lia_book_get_vault (f->book);
  gboolean finalized = FALSE;

  if (!lia_test_require_keyring ())
    return;

  g_object_weak_ref (G_OBJECT (vault), on_vault_finalized_cb, &finalized);
  lia_vault_open (vault);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_OPENING);
  g_clear_object (&f->book);

  lia_test_wait_until (&finalized);
}

/* No secret service: the plain sentence, announced with the state; no
 * crash; the book's keyring record as it was. */
static void
check_no_service (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(LiaBook) book = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *meta_after = NULL;
  const char * const tables[] = { "book_meta", "audit_log", "credentials", NULL };
  LiaTestSnapshot before;
  gint64 now = 1767225600;
  LiaVault *vault;
  Seen seen = { 0, };

  book = lia_test_book_new (&dir, &path, &now, NULL);
  vault = lia_book_get_vault (book);
  g_assert_nonnull (lia_vault_get_book_id (vault));  /* given without the keyring */
  meta = sql_text (book, "SELECT quote (book_id) || quote (data_key_check) FROM book_meta");
  before = lia_test_snapshot (book, tables);

  g_signal_connect (vault, "notify::state", G_CALLBACK (on_state_cb), &seen);
  g_assert_cmpint (open_vault (book), ==, LIA_VAULT_STATE_UNAVAILABLE);
  g_assert_cmpstr (lia_vault_get_message (vault), ==, UNAVAILABLE_MESSAGE);
  g_assert_false (lia_vault_has_key (vault));
  g_assert_null (lia_vault_get_cipher (vault));
  g_assert_cmpuint (seen.notified, ==, 2);
  g_assert_cmpint (seen.states[1], ==, LIA_VAULT_STATE_UNAVAILABLE);
  g_assert_cmpstr (seen.messages[1], ==, UNAVAILABLE_MESSAGE);

  /* Retry: the same, and still nothing written. */
  g_assert_cmpint (open_vault (book), ==, LIA_VAULT_STATE_UNAVAILABLE);
  meta_after = sql_text (book, "SELECT quote (book_id) || quote (data_key_check) FROM book_meta");
  g_assert_cmpstr (meta_after, ==, meta);
  g_assert_nonnull (strstr (meta_after, "NULL"));
  lia_test_assert_unchanged (book, &before);

  g_signal_handlers_disconnect_by_data (vault, &seen);
  seen_clear (&seen);
  lia_test_book_close (&book, &dir, &path);
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

  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
}

static void
test_no_keyring_on_bus (void)
{
  if (g_test_subprocess ())
    {
      lia_test_use_bus_without_keyring ();
      check_no_service ();
      return;
    }

  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
}

/* Root may write a file of mode 0400 anyway: give that right up (this
 * process only), so a read-only book can be made as any user. */
static void
drop_file_overrides (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct caps[2];
  const int dropped[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };

  g_assert_cmpint (syscall (SYS_capget, &header, caps), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      caps[dropped[i] >> 5].effective &= ~(1u << (dropped[i] & 31));
      caps[dropped[i] >> 5].permitted &= ~(1u << (dropped[i] & 31));
      caps[dropped[i] >> 5].inheritable &= ~(1u << (dropped[i] & 31));
    }
  g_assert_cmpint (syscall (SYS_capset, &header, caps), ==, 0);
}

/* Reopens @path after making it read-only; NULL (the test skipped) when
 * the file can still be written. */
static LiaBook *
reopen_read_only (const char *path,
                  gint64     *now)
{
  LiaBook *book;

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  book = lia_test_book_open (path, now, NULL);
  if (!lia_book_is_read_only (book))
    {
      g_test_skip ("this process can write a file of mode 0400");
      g_object_unref (book);
      return NULL;
    }
  return book;
}

/* A read-only book with a key opens it and writes nothing; one that
 * never had a key (nor an id) gets neither, says why, and asks nothing
 * of the keyring. */
static void
check_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fresh_dir = NULL;
  g_autofree char *fresh_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *book_id = NULL;
  g_autoptr(LiaBook) book = NULL;
  g_autoptr(LiaBook) fresh = NULL;
  gint64 now = 1767225600;
  LiaVault *vault;

  drop_file_overrides ();

  book = lia_test_book_new (&dir, &path, &now, NULL);
  g_assert_cmpint (open_vault (book), ==, LIA_VAULT_STATE_READY);
  book_id = g_strdup (lia_vault_get_book_id (lia_book_get_vault (book)));
  g_clear_object (&book);
  fresh = lia_test_book_new (&fresh_dir, &fresh_path, &now, NULL);
  g_clear_object (&fresh);

  before = lia_test_checksum (path);
  if (!(book = reopen_read_only (path, &now)))
    return;
  g_assert_cmpint (open_vault (book), ==, LIA_VAULT_STATE_READY);
  g_assert_true (lia_vault_has_key (lia_book_get_vault (book)));
  g_assert_cmpstr (lia_vault_get_book_id (lia_book_get_vault (book)), ==, book_id);
  /* An export the trail cannot record is refused, as a reveal is. */
  {
    g_autofree char *key_path = g_build_filename (dir, "read-only-key.txt", NULL);
    g_autoptr(GFile) key_file = g_file_new_for_path (key_path);
    g_autoptr(GError) error = NULL;

    g_assert_false (export_key (lia_book_get_vault (book), key_file, &error));
    g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_READ_ONLY);
    g_assert_false (g_file_test (key_path, G_FILE_TEST_EXISTS));
  }
  g_clear_object (&book);
  after = lia_test_checksum (path);
  g_assert_cmpstr (after, ==, before);
  lia_test_data_key_clear (book_id, TRUE);

  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = lia_test_checksum (fresh_path);
  if (!(fresh = reopen_read_only (fresh_path, &now)))
    return;
  vault = lia_book_get_vault (fresh);
  g_assert_null (lia_vault_get_book_id (vault));
  g_assert_null (lia_vault_get_credentials (vault));
  g_assert_cmpint (open_vault (fresh), ==, LIA_VAULT_STATE_FAILED);
  g_assert_nonnull (strstr (lia_vault_get_message (vault), "read-only"));
  g_clear_object (&fresh);
  after = lia_test_checksum (fresh_path);
  g_assert_cmpstr (after, ==, before);

  lia_test_rm_rf (dir);
  lia_test_rm_rf (fresh_dir);
}

static void
test_read_only (void)
{
  if (g_test_subprocess ())
    {
      check_read_only ();
      return;
    }
  if (!lia_test_require_keyring ())
    return;

  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  lia_test_capture_logs_start ();
  g_test_init (&argc, &argv, NULL);
  lia_test_capture_logs_after_init ();

#define ADD(name, func) \
  g_test_add ("/vault/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("first-open-creates-key", test_first_open_creates_key);
  ADD ("second-book-same-key", test_second_book_same_key);
  ADD ("key-missing-not-replaced", test_key_missing_not_replaced);
  ADD ("other-key-in-keyring", test_other_key_in_keyring);
  ADD ("import-exported-key", test_import_exported_key);
  ADD ("concurrent-first-open", test_concurrent_first_open);
  ADD ("claimed-key-arrives", test_claimed_key_arrives);
  ADD ("stale-check-replaced", test_stale_check_replaced);
  ADD ("retry-while-opening", test_retry_while_opening);
  ADD ("report-error", test_report_error);
  ADD ("book-gone-while-opening", test_book_gone_while_opening);
#undef ADD
  g_test_add_func ("/vault/no-service/no-bus", test_no_bus);
  g_test_add_func ("/vault/no-service/no-keyring-on-bus", test_no_keyring_on_bus);
  g_test_add_func ("/vault/read-only", test_read_only);

  return g_test_run ();
}
