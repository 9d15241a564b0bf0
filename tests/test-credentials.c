/* test-credentials.c — customer credentials: metadata in the book,
 * secrets in the keyring (LiaCredentialRepository and `liaison credential`)
 *
 * Against the real gnome-keyring .ci/test-session starts (see
 * test-keyring.h: without it these fail there, and skip elsewhere); what
 * the app stored is read back with secret-tool, as any other keyring
 * client would. The "no secret service" tests run in a subprocess on a
 * bus without a keyring, and the command line is spawned as scripts run
 * it, secrets on its standard input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsecret/secret.h>

#include "lia-credential-repository.h"
#include "lia-field-repository.h"
#include "lia-keyring-store.h"
#include "lia-vault.h"

#include "test-book.h"
#include "test-keyring.h"

#define DAY 86400

typedef struct
{
  char    *dir;
  char    *path;
  gint64   now;
  LiaBook *book;
  gint64   account_id;
  guint    changes;      /* "credential-changed" emissions */
  gint64   last_changed;
} Fixture;

static void
on_changed_cb (LiaCredentialRepository *repository,
               gint64                   credential_id,
               gint64                   account_id,
               Fixture                 *f)
{
  f->changes++;
  f->last_changed = credential_id;
}

static gint64
add_account (LiaBook    *book,
             const char *number,
             const char *name)
{
  g_autoptr(LiaAccount) account = lia_test_account_new (number, name, "small-business");

  return lia_test_account_create (book, account);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = 1767225600;  /* 2026-01-01 00:00 UTC */
  f->book = lia_test_book_new (&f->dir, &f->path, &f->now, "Carla Keeper");
  f->account_id = add_account (f->book, "ACC-1", "Northwind Foods");
  g_signal_connect (lia_book_get_credentials (f->book), "credential-changed",
                    G_CALLBACK (on_changed_cb), f);
}

/* Clears whatever this book left in the keyring, read from the file: a
 * test may have let its book go. */
static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *book_id = NULL;
  sqlite3 *raw;

  g_clear_object (&f->book);
  raw = lia_test_sqlite_open (f->path);
  book_id = lia_test_sql_text (raw, "SELECT book_id FROM book_meta");
  sqlite3_close (raw);

  /* Without a keyring the listing fails, and there is nothing to clear. */
  if (book_id != NULL)
    {
      g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GArray) refs = NULL;

      lia_credential_vault_list (vault, NULL, lia_test_on_ready_cb, &result);
      lia_test_wait_for (&result);
      refs = lia_credential_vault_list_finish (vault, result, NULL);
      for (guint i = 0; refs != NULL && i < refs->len; i++)
        {
          g_autoptr(GAsyncResult) cleared = NULL;

          lia_credential_vault_clear (vault, g_array_index (refs, LiaCredentialRef, i).credential_id,
                                      NULL, lia_test_on_ready_cb, &cleared);
          lia_test_wait_for (&cleared);
        }
    }
  lia_test_book_close (&f->book, &f->dir, &f->path);
}

static LiaCredentialRepository *
repo (Fixture *f)
{
  return lia_book_get_credentials (f->book);
}

static const char *
book_id (Fixture *f)
{
  return lia_vault_get_book_id (lia_book_get_vault (f->book));
}

/* ---- the repository's async calls, waited for ---- */

static gint64
try_add (LiaBook            *book,
         gint64              account_id,
         const char         *label,
         const char         *secret,
         guint               rotation_days,
         GError            **error)
{
  LiaCredentialRepository *repository = lia_book_get_credentials (book);
  g_autoptr(LiaCredential) credential = lia_credential_new (account_id, label, LIA_CREDENTIAL_KIND_PORTAL);
  g_autoptr(GAsyncResult) result = NULL;

  lia_credential_set_rotation_days (credential, rotation_days);
  lia_credential_repository_add (repository, credential, secret, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  if (!lia_credential_repository_add_finish (repository, result, error))
    return 0;
  return lia_credential_get_id (credential);
}

static gint64
add (Fixture    *f,
     const char *label,
     const char *secret)
{
  g_autoptr(GError) error = NULL;
  gint64 id = try_add (f->book, f->account_id, label, secret, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
try_reveal (LiaBook       *book,
            gint64         id,
            LiaSecretUse   use,
            GError       **error)
{
  LiaCredentialRepository *repository = lia_book_get_credentials (book);
  g_autoptr(GAsyncResult) result = NULL;
  char *secret, *copy;

  lia_credential_repository_reveal (repository, id, use, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  secret = lia_credential_repository_reveal_finish (repository, result, error);
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

static gboolean
try_rotate (LiaBook     *book,
            gint64       id,
            const char  *secret,
            GError     **error)
{
  LiaCredentialRepository *repository = lia_book_get_credentials (book);
  g_autoptr(GAsyncResult) result = NULL;

  lia_credential_repository_rotate (repository, id, secret, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_credential_repository_rotate_finish (repository, result, error);
}

static gboolean
try_delete (LiaBook  *book,
            gint64    id,
            GError  **error)
{
  LiaCredentialRepository *repository = lia_book_get_credentials (book);
  g_autoptr(GAsyncResult) result = NULL;

  lia_credential_repository_delete (repository, id, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_credential_repository_delete_finish (repository, result, error);
}

static gboolean
try_check (LiaBook  *book,
           guint    *n_missing,
           guint    *n_orphans,
           GError  **error)
{
  LiaCredentialRepository *repository = lia_book_get_credentials (book);
  g_autoptr(GAsyncResult) result = NULL;

  lia_credential_repository_check (repository, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_credential_repository_check_finish (repository, result, n_missing, n_orphans, error);
}

static gboolean
try_check_full (LiaBook  *book,
                guint    *n_missing,
                guint    *n_orphans,
                guint    *n_unknown,
                GError  **error)
{
  LiaCredentialRepository *repository = lia_book_get_credentials (book);
  g_autoptr(GAsyncResult) result = NULL;

  lia_credential_repository_check (repository, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  return lia_credential_repository_check_finish_full (repository, result, n_missing, n_orphans,
                                                      n_unknown, error);
}

/* ---- the keyring, seen without the repository ---- */

static char *
keyring_lookup (const char  *book_id,
                gint64       id,
                GError     **error)
{
  g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
  g_autoptr(GAsyncResult) result = NULL;
  char *secret, *copy;

  lia_credential_vault_lookup (vault, id, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  secret = lia_credential_vault_lookup_finish (vault, result, error);
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

static void
keyring_store (const char *book_id,
               gint64      id,
               gint64      account_id,
               const char *secret)
{
  g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lia_credential_vault_store (vault, id, account_id, secret, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_true (lia_credential_vault_store_finish (vault, result, &error));
  g_assert_no_error (error);
}

/* The book's items as "id id …", sorted. */
static char *
keyring_ids (const char *book_id)
{
  g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refs = NULL;
  GString *text = g_string_new (NULL);

  lia_credential_vault_list (vault, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  refs = lia_credential_vault_list_finish (vault, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < refs->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "",
                            g_array_index (refs, LiaCredentialRef, i).credential_id);
  return g_string_free (text, FALSE);
}

/* What `secret-tool lookup` finds under the schema's attributes; NULL
 * when it finds nothing. */
static char *
secret_tool_lookup (const char *book_id,
                    gint64      id,
                    gint64      account_id)
{
  g_autofree char *credential = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *account = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  const char *argv[] = { "secret-tool", "lookup", "xdg:schema", "io.github.liaisoncrm.Liaison.Credential",
                         "book", book_id, "credential-id", credential, "account-id", account, NULL };
  g_autofree char *out = NULL;
  int status = -1;

  out = lia_test_run_command (argv, NULL, NULL, &status);
  if (status != 0 || *out == '\0')
    return NULL;
  return g_strdup (g_strchomp (out));
}

static gint64
count_audit (Fixture    *f,
             gint64      id,
             const char *what)
{
  return lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log WHERE entity = 'credential'"
                                         " AND entity_id = %" G_GINT64_FORMAT " AND field = '%s'"
                                         " AND old_value IS NULL", id, what);
}

static void
assert_not_leaked (Fixture    *f,
                   const char *secret)
{
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", secret);
  sqlite3_stmt *stmt = NULL;

  lia_test_assert_not_logged (secret);
  lia_test_assert_not_in_book_files (f->path, secret);
  g_assert_cmpint (sqlite3_prepare_v2 (lia_test_book_handle (f->book),
                                       "SELECT count(*) FROM audit_log WHERE old_value LIKE ?1"
                                       " OR new_value LIKE ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
}

/* ---- the tests ---- */

/* Added: the secret in the keyring (other clients see it), metadata and
 * an audit line in the book, neither holding the secret; then edited. */
static void
test_add_lookup_update (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("portal");
  g_autoptr(LiaCredential) credential = lia_credential_new (f->account_id, "  Support portal  ",
                                                            LIA_CREDENTIAL_KIND_API_TOKEN);
  g_autoptr(LiaCredential) stored = NULL;
  g_autoptr(LiaCredential) edited = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *in_keyring = NULL;
  gint64 id;

  if (!lia_test_require_keyring ())
    return;

  lia_credential_set_username (credential, " ops@northwind.example ");
  lia_credential_set_url (credential, "https://support.northwind.example/");
  lia_credential_set_notes (credential, "Rotate with the customer's IT desk.");
  lia_credential_repository_add (repo (f), credential, secret, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_true (lia_credential_repository_add_finish (repo (f), result, &error));
  g_assert_no_error (error);

  id = lia_credential_get_id (credential);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (id, <, G_GINT64_CONSTANT (1) << 53);
  g_assert_cmpint (f->changes, ==, 1);
  g_assert_cmpint (f->last_changed, ==, id);

  stored = lia_credential_repository_lookup (repo (f), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_credential_get_label (stored), ==, "Support portal");
  g_assert_cmpint (lia_credential_get_kind (stored), ==, LIA_CREDENTIAL_KIND_API_TOKEN);
  g_assert_cmpstr (lia_credential_get_username (stored), ==, "ops@northwind.example");
  g_assert_cmpstr (lia_credential_get_url (stored), ==, "https://support.northwind.example/");
  g_assert_cmpstr (lia_credential_get_notes (stored), ==, "Rotate with the customer's IT desk.");
  g_assert_cmpstr (lia_credential_get_account_name (stored), ==, "Northwind Foods");
  g_assert_cmpint (lia_credential_get_account_id (stored), ==, f->account_id);
  g_assert_cmpint (lia_credential_get_created_at (stored), ==, f->now);
  g_assert_cmpint (lia_credential_get_rotated_at (stored), ==, 0);
  g_assert_cmpint (lia_credential_get_rotate_by (stored), ==, 0);
  g_assert_cmpint (lia_credential_get_secret_state (stored), ==, LIA_SECRET_STATE_PRESENT);
  g_assert_cmpuint (lia_credential_repository_count_for_account (repo (f), f->account_id), ==, 1);
  list = lia_credential_repository_list_for_account (repo (f), f->account_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_cmpint (count_audit (f, id, "added"), ==, 1);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log WHERE"
                                                   " entity = 'credential' AND account_id = %" G_GINT64_FORMAT
                                                   " AND new_value = 'Support portal'", f->account_id), ==, 1);

  /* Another keyring client finds it under the schema's attributes. */
  seen = secret_tool_lookup (book_id (f), id, f->account_id);
  g_assert_cmpstr (seen, ==, secret);

  /* Keyrings do not encrypt labels and attributes: ids only there. */
  {
    g_autofree char *found = lia_test_run_secret_tool ((const char *[]) {
      "secret-tool", "search", "--all", "book", book_id (f), NULL }, NULL);
    g_auto(GStrv) lines = g_strsplit (found, "\n", -1);
    const char *personal[] = { "Support portal", "ops@", "northwind", "Northwind", "Rotate", secret };
    guint n_labels = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (!g_str_has_prefix (lines[i], "label = ") && !g_str_has_prefix (lines[i], "attribute."))
          continue;
        n_labels += g_str_has_prefix (lines[i], "label = ");
        for (guint p = 0; p < G_N_ELEMENTS (personal); p++)
          if (strstr (lines[i], personal[p]) != NULL)
            g_error ("the keyring item shows “%s”: %s", personal[p], lines[i]);
      }
    g_assert_cmpuint (n_labels, ==, 1);
  }

  f->now += DAY;
  lia_credential_set_label (stored, "Support portal (new)");
  lia_credential_set_kind (stored, LIA_CREDENTIAL_KIND_REMOTE_ACCESS);
  lia_credential_set_rotation_days (stored, 90);
  g_assert_true (lia_credential_repository_update (repo (f), stored, &error));
  g_assert_no_error (error);
  edited = lia_credential_repository_lookup (repo (f), id, &error);
  g_assert_cmpstr (lia_credential_get_label (edited), ==, "Support portal (new)");
  g_assert_cmpint (lia_credential_get_kind (edited), ==, LIA_CREDENTIAL_KIND_REMOTE_ACCESS);
  g_assert_cmpuint (lia_credential_get_rotation_days (edited), ==, 90);
  g_assert_cmpint (lia_credential_get_updated_at (edited), ==, f->now);
  g_assert_cmpint (lia_credential_get_created_at (edited), ==, f->now - DAY);
  g_assert_cmpint (count_audit (f, id, "edited"), ==, 1);
  g_assert_cmpint (f->changes, ==, 2);

  /* Metadata edits leave the secret alone. */
  in_keyring = keyring_lookup (book_id (f), id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (in_keyring, ==, secret);
  assert_not_leaked (f, secret);
}

/* A rotation replaces the secret, records the day and moves the due
 * date; the due list is most overdue first. */
static void
test_rotate (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *first = lia_test_distinctive_secret ("vpn-old");
  g_autofree char *second = lia_test_distinctive_secret ("vpn-new");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaCredential) before = NULL;
  g_autoptr(LiaCredential) after = NULL;
  g_autoptr(GListModel) due = NULL;
  g_autofree char *revealed = NULL;
  gint64 created = f->now, vpn, api, never;

  if (!lia_test_require_keyring ())
    return;

  vpn = try_add (f->book, f->account_id, "VPN", first, 30, &error);
  api = try_add (f->book, f->account_id, "API token", "token-1", 10, &error);
  never = try_add (f->book, f->account_id, "No period", "static", 0, &error);
  g_assert_no_error (error);

  before = lia_credential_repository_lookup (repo (f), vpn, &error);
  g_assert_cmpint (lia_credential_get_rotate_by (before), ==, created + 30 * DAY);
  g_assert_false (lia_credential_is_rotation_overdue (before, created + 30 * DAY - 1));
  g_assert_true (lia_credential_is_rotation_overdue (before, created + 30 * DAY));

  f->now = created + 10 * DAY;
  g_assert_true (try_rotate (f->book, vpn, second, &error));
  g_assert_no_error (error);
  after = lia_credential_repository_lookup (repo (f), vpn, &error);
  g_assert_cmpint (lia_credential_get_rotated_at (after), ==, created + 10 * DAY);
  g_assert_cmpint (lia_credential_get_rotate_by (after), ==, created + 40 * DAY);
  g_assert_cmpint (lia_credential_get_updated_at (after), ==, created + 10 * DAY);
  g_assert_cmpint (count_audit (f, vpn, "rotated"), ==, 1);
  revealed = try_reveal (f->book, vpn, LIA_SECRET_USE_REVEAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (revealed, ==, second);

  /* Day 35: only the API token (due day 10); day 45: both, the API
   * token (35 days over) before the VPN (5 days over). */
  f->now = created + 35 * DAY;
  due = lia_credential_repository_list_rotation_due (repo (f), &error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 1);
  g_clear_object (&due);
  f->now = created + 45 * DAY;
  due = lia_credential_repository_list_rotation_due (repo (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 2);
  {
    g_autoptr(LiaCredential) most = g_list_model_get_item (due, 0);
    g_autoptr(LiaCredential) less = g_list_model_get_item (due, 1);

    g_assert_cmpint (lia_credential_get_id (most), ==, api);
    g_assert_cmpint (lia_credential_get_id (less), ==, vpn);
    g_assert_true (lia_credential_is_rotation_overdue (less, f->now));
  }
  g_assert_cmpint (never, >, 0);

  /* Nothing to rotate with, or nothing to rotate. */
  g_assert_false (try_rotate (f->book, vpn, "", &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (try_rotate (f->book, 424242, "x", &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_not_leaked (f, first);
  assert_not_leaked (f, second);
}

/* Each reveal and copy is audited (who, when, which credential), the
 * secret in no audit value, no log line and no book file. */
static void
test_reveal_audited (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("remote");
  g_autoptr(GError) error = NULL;
  g_autofree char *revealed = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *actor = NULL;
  gint64 id;

  if (!lia_test_require_keyring ())
    return;

  id = add (f, "Remote desktop", secret);
  g_assert_cmpint (count_audit (f, id, "revealed"), ==, 0);

  f->now += 60;
  revealed = try_reveal (f->book, id, LIA_SECRET_USE_REVEAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (revealed, ==, secret);
  g_assert_cmpint (count_audit (f, id, "revealed"), ==, 1);
  g_assert_cmpint (count_audit (f, id, "copied"), ==, 0);
  actor = lia_test_sql_text (lia_test_book_handle (f->book),
                             "SELECT actor || ' ' || changed_at || ' ' || new_value FROM audit_log"
                             " WHERE field = 'revealed'");
  g_assert_cmpstr (actor, ==, "Carla Keeper 1767225660 Remote desktop");

  copied = try_reveal (f->book, id, LIA_SECRET_USE_COPY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copied, ==, secret);
  g_assert_cmpint (count_audit (f, id, "copied"), ==, 1);

  assert_not_leaked (f, secret);
}

/* Deleting clears the secret (no client finds it) and then the row. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("deleted");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaCredential) gone = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *in_keyring = NULL;
  gint64 id, kept;

  if (!lia_test_require_keyring ())
    return;

  id = add (f, "Portal", secret);
  kept = add (f, "Kept", "kept-secret");
  before = secret_tool_lookup (book_id (f), id, f->account_id);
  g_assert_cmpstr (before, ==, secret);

  f->changes = 0;
  g_assert_true (try_delete (f->book, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->changes, ==, 1);
  gone = lia_credential_repository_lookup (repo (f), id, &error);
  g_assert_null (gone);
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  in_keyring = keyring_lookup (book_id (f), id, &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = secret_tool_lookup (book_id (f), id, f->account_id);
  g_assert_null (after);
  g_assert_cmpint (count_audit (f, id, "deleted"), ==, 1);
  g_assert_cmpuint (lia_credential_repository_count_for_account (repo (f), f->account_id), ==, 1);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT id FROM credentials"), ==, kept);

  /* Again: there is nothing to delete. */
  g_assert_false (try_delete (f->book, id, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND);
  assert_not_leaked (f, secret);
}

/* A secret cleared behind the app's back: the credential stays listed,
 * marked missing after a check, and a reveal says so without blaming
 * the keyring. A book object that never checked knows nothing yet. */
static void
test_missing_from_keyring (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(LiaBook) other = NULL;
  g_autoptr(GListModel) unchecked = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *nothing = NULL;
  guint n_missing = 99, n_orphans = 99;
  gint64 lost, kept;

  if (!lia_test_require_keyring ())
    return;

  lost = add (f, "A lost one", "lost-secret");
  kept = add (f, "B kept one", "kept-secret");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, lost);
  g_free (lia_test_run_secret_tool ((const char *[]) { "secret-tool", "clear", "book", book_id (f),
                                                       "credential-id", id_text, NULL }, NULL));

  f->changes = 0;
  g_assert_true (try_check (f->book, &n_missing, &n_orphans, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_missing, ==, 1);
  g_assert_cmpuint (n_orphans, ==, 0);
  g_assert_cmpint (f->changes, ==, 1);
  g_assert_cmpint (f->last_changed, ==, lost);

  list = lia_credential_repository_list_for_account (repo (f), f->account_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(LiaCredential) first = g_list_model_get_item (list, 0);
    g_autoptr(LiaCredential) second = g_list_model_get_item (list, 1);

    g_assert_cmpint (lia_credential_get_id (first), ==, lost);
    g_assert_cmpint (lia_credential_get_secret_state (first), ==, LIA_SECRET_STATE_MISSING);
    g_assert_cmpint (lia_credential_get_id (second), ==, kept);
    g_assert_cmpint (lia_credential_get_secret_state (second), ==, LIA_SECRET_STATE_PRESENT);
  }

  nothing = try_reveal (f->book, lost, LIA_SECRET_USE_REVEAL, &error);
  g_assert_null (nothing);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);
  g_assert_cmpint (count_audit (f, lost, "revealed"), ==, 0);
  g_assert_cmpint (lia_vault_get_state (lia_book_get_vault (f->book)), !=, LIA_VAULT_STATE_UNAVAILABLE);
  g_assert_cmpint (lia_vault_get_state (lia_book_get_vault (f->book)), !=, LIA_VAULT_STATE_FAILED);

  other = lia_test_book_open (f->path, &f->now, NULL);
  unchecked = lia_credential_repository_list_for_account (lia_book_get_credentials (other),
                                                          f->account_id, &error);
  {
    g_autoptr(LiaCredential) first = g_list_model_get_item (unchecked, 0);

    g_assert_cmpint (lia_credential_get_secret_state (first), ==, LIA_SECRET_STATE_UNKNOWN);
  }
}

/* Items of this book no row owns are counted and removed when the book
 * can explain them (its trail says the credential was here, or the
 * account is not the book's); others, perhaps added by a copy of the
 * book or by an add still in flight elsewhere, are counted apart and
 * kept. The book's own secrets and other books' items stay. */
static void
test_orphans (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *other_book = lia_test_new_book_id ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *still = NULL;
  guint n_missing = 99, n_orphans = 99, n_removed = 99, n_unknown = 99;
  gint64 id;

  if (!lia_test_require_keyring ())
    return;

  id = add (f, "Real", "real-secret");
  keyring_store (book_id (f), 9001, f->account_id, "orphan-one");
  g_assert_cmpint (sqlite3_exec (lia_test_book_handle (f->book),
                                 "INSERT INTO audit_log (account_id, entity, entity_id, field, new_value,"
                                 " actor, changed_at) VALUES (1, 'credential', 9001, 'deleted', 'Old',"
                                 " 'Carla Keeper', 1)", NULL, NULL, NULL), ==, SQLITE_OK);
  keyring_store (book_id (f), 9002, 4242, "orphan-two");
  keyring_store (book_id (f), 9004, f->account_id, "not-known-here");
  keyring_store (other_book, 9003, f->account_id, "another-book");

  g_assert_true (try_check_full (f->book, &n_missing, &n_orphans, &n_unknown, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_missing, ==, 0);
  g_assert_cmpuint (n_orphans, ==, 2);
  g_assert_cmpuint (n_unknown, ==, 1);
  /* The first API counts what Remove would remove. */
  g_assert_true (try_check (f->book, &n_missing, &n_orphans, &error));
  g_assert_cmpuint (n_orphans, ==, 2);

  lia_credential_repository_remove_orphans (repo (f), NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_true (lia_credential_repository_remove_orphans_finish_full (repo (f), result, &n_removed,
                                                                      &n_unknown, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_removed, ==, 2);
  g_assert_cmpuint (n_unknown, ==, 1);

  left = keyring_ids (book_id (f));
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " 9004", id);
  if (g_strcmp0 (left, expected) != 0)
    {
      g_free (expected);
      expected = g_strdup_printf ("9004 %" G_GINT64_FORMAT, id);
    }
  g_assert_cmpstr (left, ==, expected);
  elsewhere = keyring_lookup (other_book, 9003, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (elsewhere, ==, "another-book");
  still = try_reveal (f->book, id, LIA_SECRET_USE_REVEAL, &error);
  g_assert_cmpstr (still, ==, "real-secret");

  g_assert_true (try_check_full (f->book, &n_missing, &n_orphans, &n_unknown, &error));
  g_assert_cmpuint (n_orphans, ==, 0);
  g_assert_cmpuint (n_unknown, ==, 1);

  {
    g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (other_book);
    g_autoptr(GAsyncResult) cleared = NULL;

    lia_credential_vault_clear (vault, 9003, NULL, lia_test_on_ready_cb, &cleared);
    lia_test_wait_for (&cleared);
  }
}

/* Closing an account: all of its credentials go, secrets first; another
 * account's stay. */
static void
test_delete_for_account (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *gone = NULL;
  gint64 other_account = add_account (f->book, "ACC-2", "Contoso");
  gint64 a1, a2, b1;
  guint n_deleted = 0;

  if (!lia_test_require_keyring ())
    return;

  a1 = add (f, "One", "secret-a1");
  a2 = add (f, "Two", "secret-a2");
  b1 = try_add (f->book, other_account, "Theirs", "secret-b1", 0, &error);
  g_assert_no_error (error);

  f->changes = 0;
  lia_credential_repository_delete_for_account (repo (f), f->account_id, NULL,
                                                lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_true (lia_credential_repository_delete_for_account_finish (repo (f), result, &n_deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_deleted, ==, 2);
  g_assert_cmpint (f->changes, ==, 2);

  g_assert_cmpuint (lia_credential_repository_count_for_account (repo (f), f->account_id), ==, 0);
  g_assert_cmpuint (lia_credential_repository_count_for_account (repo (f), other_account), ==, 1);
  g_assert_cmpint (count_audit (f, a1, "deleted") + count_audit (f, a2, "deleted"), ==, 2);
  left = keyring_ids (book_id (f));
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, b1);
  g_assert_cmpstr (left, ==, expected);
  gone = keyring_lookup (book_id (f), a1, &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);
}

static void
assert_refused (Fixture       *f,
                LiaCredential *credential,
                const char    *secret,
                GQuark         domain,
                int            code,
                const char    *words)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lia_credential_repository_add (repo (f), credential, secret, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_false (lia_credential_repository_add_finish (repo (f), result, &error));
  g_assert_error (error, domain, code);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpint (lia_credential_get_id (credential), ==, 0);
}

static LiaCredential *
draft (Fixture *f,
       const char *label)
{
  return lia_credential_new (f->account_id, label, LIA_CREDENTIAL_KIND_VPN);
}

/* Every refusal comes before the keyring is asked. The proof: here no
 * keyring answers at all, so a check made after asking it would have
 * failed with NO_SERVICE instead, and moved the vault's state. */
static void
check_validation (Fixture *f)
{
  const char * const tables[] = { "credentials", "audit_log", NULL };
  g_autofree char *long_label = g_strnfill (201, 'x');
  g_autofree char *long_user = g_strnfill (201, 'u');
  g_autofree char *long_url = g_strnfill (2001, 'w');
  g_autofree char *long_notes = g_strnfill (2001, 'n');
  g_autoptr(LiaCredential) blank = draft (f, "   ");
  g_autoptr(LiaCredential) too_long = draft (f, long_label);
  g_autoptr(LiaCredential) user = draft (f, "User");
  g_autoptr(LiaCredential) url = draft (f, "URL");
  g_autoptr(LiaCredential) notes = draft (f, "Notes");
  g_autoptr(LiaCredential) period = draft (f, "Period");
  g_autoptr(LiaCredential) fine = draft (f, "Fine");
  g_autoptr(LiaCredential) nobody = lia_credential_new (4242, "Nobody's", LIA_CREDENTIAL_KIND_OTHER);
  LiaTestSnapshot before;

  g_assert_nonnull (book_id (f));
  before = lia_test_snapshot (f->book, tables);
  lia_credential_set_username (user, long_user);
  lia_credential_set_url (url, long_url);
  lia_credential_set_notes (notes, long_notes);
  lia_credential_set_rotation_days (period, 3651);

  assert_refused (f, blank, "s", LIA_ERROR, LIA_ERROR_INVALID_VALUE, "label");
  assert_refused (f, too_long, "s", LIA_ERROR, LIA_ERROR_INVALID_VALUE, "200");
  assert_refused (f, user, "s", LIA_ERROR, LIA_ERROR_INVALID_VALUE, "username");
  assert_refused (f, url, "s", LIA_ERROR, LIA_ERROR_INVALID_VALUE, "URL");
  assert_refused (f, notes, "s", LIA_ERROR, LIA_ERROR_INVALID_VALUE, "notes");
  assert_refused (f, period, "s", LIA_ERROR, LIA_ERROR_INVALID_VALUE, "3,650");
  assert_refused (f, fine, "", LIA_ERROR, LIA_ERROR_INVALID_VALUE, "secret");
  assert_refused (f, fine, NULL, LIA_ERROR, LIA_ERROR_INVALID_VALUE, "secret");
  assert_refused (f, nobody, "s", LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND, NULL);

  g_assert_cmpint (lia_vault_get_state (lia_book_get_vault (f->book)), ==, LIA_VAULT_STATE_CLOSED);
  lia_test_assert_unchanged (f->book, &before);

  /* The limits themselves are allowed: this one reaches the keyring. */
  lia_credential_set_rotation_days (period, 3650);
  g_free (long_label);
  long_label = g_strnfill (200, 'x');
  lia_credential_set_label (period, long_label);
  assert_refused (f, period, "s", LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE, NULL);
}

/* No secret service: adding fails cleanly, writing nothing; the other
 * calls fail too and change no metadata; listing still works; the vault
 * shows the banner's state. */
static void
check_no_service (Fixture *f)
{
  const char * const tables[] = { "credentials", "audit_log", "book_meta", NULL };
  g_autofree char *secret = lia_test_distinctive_secret ("unstored");
  g_autofree char *row = NULL;
  g_autofree char *row_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *nothing = NULL;
  LiaCredentialValues values = {
    .id = 77, .account_id = f->account_id, .label = "Made earlier", .kind = "vpn",
    .rotation_days = 30, .updated_at = f->now,
  };
  LiaVault *vault = lia_book_get_vault (f->book);
  LiaTestSnapshot before;
  guint n = 0;

  /* A credential added when the keyring was there. */
  g_assert_true (lia_credential_store_insert (lia_book_get_database (f->book), &values, f->now, &error));
  g_assert_no_error (error);
  g_assert_nonnull (book_id (f));
  row = lia_test_sql_text (lia_test_book_handle (f->book),
                           "SELECT label || kind || updated_at || quote (rotated_at) FROM credentials");
  before = lia_test_snapshot (f->book, tables);

  g_assert_cmpint (try_add (f->book, f->account_id, "New", secret, 0, &error), ==, 0);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  g_assert_null (strstr (error->message, "freedesktop"));
  g_clear_error (&error);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_UNAVAILABLE);
  g_assert_nonnull (strstr (lia_vault_get_message (vault), "keyring is not available"));

  g_assert_false (try_rotate (f->book, 77, secret, &error));
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  g_clear_error (&error);
  nothing = try_reveal (f->book, 77, LIA_SECRET_USE_COPY, &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  g_clear_error (&error);
  g_assert_false (try_delete (f->book, 77, &error));
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  g_clear_error (&error);
  g_assert_false (try_check (f->book, &n, &n, &error));
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE);
  g_clear_error (&error);

  lia_test_assert_unchanged (f->book, &before);
  row_after = lia_test_sql_text (lia_test_book_handle (f->book),
                                 "SELECT label || kind || updated_at || quote (rotated_at) FROM credentials");
  g_assert_cmpstr (row_after, ==, row);
  list = lia_credential_repository_list_for_account (repo (f), f->account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  assert_not_leaked (f, secret);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      lia_test_use_bus_without_keyring ();
      check_validation (f);
      return;
    }
  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
}

static void
test_no_service (Fixture       *f,
                 gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      lia_test_use_bus_without_keyring ();
      check_no_service (f);
      return;
    }
  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
}

/* The keyring is there but locked, and the unlock prompt is dismissed
 * (our private bus has no prompter): every keyring-bound call says
 * "locked" — never "missing", which would mark credentials lost or let
 * a delete go ahead — and nothing is written. */
static void
check_locked (Fixture *f)
{
  const char * const tables[] = { "credentials", "book_meta", "field_values", NULL };
  g_autofree char *secret = lia_test_distinctive_secret ("locked");
  g_autoptr(SecretService) service = NULL;
  g_autoptr(LiaCredential) after = NULL;
  g_autoptr(LiaBook) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *revealed = NULL;
  g_autofree char *value = NULL;
  GList *collections;
  LiaVault *vault = lia_book_get_vault (f->book);
  LiaTestSnapshot before;
  gint64 id;

  if (!lia_test_use_private_keyring ())
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return;
    }

  lia_vault_open (vault);
  while (lia_vault_get_state (vault) == LIA_VAULT_STATE_OPENING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_READY);
  id = add (f, "Support portal", secret);
  g_assert_true (lia_field_repository_set_value (lia_book_get_fields (f->book), LIA_FIELD_ENTITY_ACCOUNT,
                                                 f->account_id, "tax_id", "DE123456789", &error));
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collections = secret_service_get_collections (service);
  g_assert_nonnull (collections);
  secret_service_lock_sync (service, collections, NULL, NULL, &error);
  g_assert_no_error (error);
  g_list_free_full (collections, g_object_unref);
  before = lia_test_snapshot (f->book, tables);

  revealed = try_reveal (f->book, id, LIA_SECRET_USE_REVEAL, &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  g_assert_null (revealed);
  g_clear_error (&error);
  after = lia_credential_repository_lookup (repo (f), id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_credential_get_secret_state (after), !=, LIA_SECRET_STATE_MISSING);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_LOCKED);
  g_assert_nonnull (strstr (lia_vault_get_message (vault), "locked"));

  g_assert_cmpint (try_add (f->book, f->account_id, "VPN", "other-secret", 0, &error), ==, 0);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (try_delete (f->book, id, &error));
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  g_clear_error (&error);
  lia_test_assert_unchanged (f->book, &before);

  /* A book opened now, with the keyring locked, cannot get its key. */
  second = lia_book_open (f->path, &error);
  g_assert_no_error (error);
  vault = lia_book_get_vault (second);
  lia_vault_open (vault);
  while (lia_vault_get_state (vault) == LIA_VAULT_STATE_OPENING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (lia_vault_get_state (vault), ==, LIA_VAULT_STATE_LOCKED);
  g_assert_false (lia_vault_has_key (vault));
  value = lia_field_repository_reveal (lia_book_get_fields (second), LIA_FIELD_ENTITY_ACCOUNT,
                                       f->account_id, "tax_id", &error);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  g_assert_null (value);
  lia_test_assert_unchanged (f->book, &before);
  assert_not_leaked (f, secret);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      check_locked (f);
      return;
    }
  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
}

/* The book goes while the secret is being stored: the row cannot be
 * written, so the secret is cleared again; no callback touches the
 * freed book. */
static void
test_book_gone_while_adding (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(LiaCredential) credential = lia_credential_new (f->account_id, "Late", LIA_CREDENTIAL_KIND_OTHER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaCredentialRepository) held = NULL;
  g_autofree char *id = NULL;
  g_autofree char *left = NULL;

  if (!lia_test_require_keyring ())
    return;

  id = g_strdup (book_id (f));
  held = g_object_ref (repo (f));
  lia_credential_repository_add (held, credential, "late-secret", NULL, lia_test_on_ready_cb, &result);
  g_clear_object (&f->book);
  lia_test_wait_for (&result);

  g_assert_false (lia_credential_repository_add_finish (held, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_assert_cmpint (lia_credential_get_id (credential), ==, 0);
  left = keyring_ids (id);
  g_assert_cmpstr (left, ==, "");
}

/* ---- the command line ---- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* `liaison --data-dir DIR ARGS…` with @input on stdin; @bus replaces
 * the session bus address when not NULL. */
static Run run_cli_v (const char *data_dir,
                      const char *input,
                      const char *bus,
                      va_list     args);

static Run
run_cli (Fixture     *f,
         const char  *input,
         const char  *bus,
         ...)
{
  va_list args;
  Run run;

  va_start (args, bus);
  run = run_cli_v (f->dir, input, bus, args);
  va_end (args);
  return run;
}

/* run_cli() on the book in @data_dir. */
static Run
run_cli_at (const char  *data_dir,
            const char  *input,
            ...)
{
  va_list args;
  Run run;

  va_start (args, input);
  run = run_cli_v (data_dir, input, NULL, args);
  va_end (args);
  return run;
}

static Run
run_cli_v (const char *data_dir,
           const char *input,
           const char *bus,
           va_list     args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("LIAISON_BINARY");
  Run run = { -1, NULL, NULL };
  const char *arg;

  if (binary == NULL)
    g_error ("LIAISON_BINARY is not set (meson sets it to the built liaison)");
  g_ptr_array_add (argv, (char *) binary);
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, (char *) data_dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  if (bus != NULL)
    g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_exited (process))
    run.status = g_subprocess_get_exit_status (process);
  return run;
}

static void
assert_run (const Run *run,
            int        status)
{
  if (run->status != status)
    g_error ("exit %d, not %d; stderr: %s", run->status, status, run->err);
}

/* Every command, secrets on stdin: the secret shows only where it was
 * asked for, every reveal is audited, and the book's files never hold it. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("cli");
  g_autofree char *rotated = lia_test_distinctive_secret ("cli-rotated");
  g_autofree char *input = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  gint64 credential_id;

  if (!lia_test_require_keyring ())
    return;

  input = g_strconcat (secret, "\n", NULL);
  {
    g_auto(Run) run = run_cli (f, input, NULL, "credential", "add", "ACC-1", "--label", "Portal",
                               "--kind", "vpn", "--username", "ops", "--rotation-days", "30", NULL);
    assert_run (&run, 0);
    id = g_strdup (g_strchomp (run.out));
    g_assert_true (g_ascii_string_to_signed (id, 10, 1, G_MAXINT64, &credential_id, NULL));
    g_assert_null (strstr (run.err, secret));
  }
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM credentials WHERE id = %s"
                                                   " AND kind = 'vpn' AND username = 'ops'", id), ==, 1);
  {
    g_autofree char *seen = secret_tool_lookup (book_id (f), credential_id, f->account_id);

    g_assert_cmpstr (seen, ==, secret);
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "list", NULL);
    assert_run (&run, 0);
    g_assert_nonnull (strstr (run.out, id));
    g_assert_nonnull (strstr (run.out, "Portal"));
    g_assert_null (strstr (run.out, "missing"));
    g_assert_null (strstr (run.out, secret));
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "show", id, NULL);
    assert_run (&run, 0);
    g_assert_nonnull (strstr (run.out, "in the keyring"));
    g_assert_nonnull (strstr (run.out, "30 days"));
    g_assert_null (strstr (run.out, secret));
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "show", id, "--reveal", NULL);
    assert_run (&run, 0);
    expected = g_strconcat (secret, "\n", NULL);
    g_assert_cmpstr (run.out, ==, expected);
  }
  g_assert_cmpint (count_audit (f, credential_id, "revealed"), ==, 1);

  g_free (input);
  input = g_strconcat (rotated, "\n", NULL);
  {
    g_auto(Run) run = run_cli (f, input, NULL, "credential", "rotate", id, NULL);
    assert_run (&run, 0);
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "show", id, "--reveal", NULL);
    assert_run (&run, 0);
    g_assert_nonnull (strstr (run.out, rotated));
  }
  g_assert_cmpint (count_audit (f, credential_id, "rotated"), ==, 1);

  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "check", NULL);
    assert_run (&run, 0);
    g_assert_cmpstr (run.out, ==, "missing: 0\norphans: 0\nunknown: 0\n");
  }
  g_free (lia_test_run_secret_tool ((const char *[]) { "secret-tool", "clear", "book", book_id (f),
                                                       "credential-id", id, NULL }, NULL));
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "list", "ACC-1", NULL);
    assert_run (&run, 0);
    g_assert_nonnull (strstr (run.out, "missing from keyring"));
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "check", NULL);
    assert_run (&run, 0);
    g_assert_cmpstr (run.out, ==, "missing: 1\norphans: 0\nunknown: 0\n");
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "show", id, "--reveal", NULL);
    assert_run (&run, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "missing from the keyring"));
  }

  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "rotation-due", "--format", "csv", NULL);
    assert_run (&run, 0);
    g_assert_true (g_str_has_prefix (run.out, "id,account,label,kind,username,rotate_by,state\r\n"));
  }

  /* An account this book does not have: the book can explain it. */
  keyring_store (book_id (f), 31337, 4242, "orphaned");
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "remove-orphans", NULL);
    assert_run (&run, 0);
    g_assert_cmpstr (run.out, ==, "removed: 1\nunknown: 0\n");
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "delete", id, NULL);
    assert_run (&run, 0);
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "list", NULL);
    assert_run (&run, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
  g_assert_cmpint (count_audit (f, credential_id, "deleted"), ==, 1);

  assert_not_leaked (f, secret);
  assert_not_leaked (f, rotated);
}

/* A copy of the book shares its keyring id: what the copy adds is not
 * an orphan of the original, which keeps it (counted as unknown). */
static void
test_cli_copy (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("copy");
  g_autofree char *input = g_strconcat (secret, "\n", NULL);
  g_autofree char *copy_dir = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *seen = NULL;
  g_autoptr(GError) error = NULL;
  gint64 credential_id = 0;
  gsize length = 0;

  if (!lia_test_require_keyring ())
    return;

  /* The book as a file, with its keyring id, copied elsewhere. */
  g_assert_nonnull (book_id (f));
  g_assert_true (lia_database_checkpoint (lia_book_get_database (f->book), &error));
  copy_dir = lia_test_make_tmp ();
  copy_path = lia_book_path_for_data_dir (copy_dir);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy_path, contents, length, &error));
  g_assert_no_error (error);

  {
    g_auto(Run) run = run_cli_at (copy_dir, input, "credential", "add", "ACC-1", "--label", "Copy portal", NULL);
    assert_run (&run, 0);
    g_assert_true (g_ascii_string_to_signed (g_strchomp (run.out), 10, 1, G_MAXINT64, &credential_id, NULL));
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "check", NULL);
    assert_run (&run, 0);
    g_assert_cmpstr (run.out, ==, "missing: 0\norphans: 0\nunknown: 1\n");
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "remove-orphans", NULL);
    assert_run (&run, 0);
    g_assert_cmpstr (run.out, ==, "removed: 0\nunknown: 1\n");
  }

  seen = keyring_lookup (book_id (f), credential_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (seen, ==, secret);
  lia_test_rm_rf (copy_dir);
}

/* Mistakes exit 2 (usage) or 1 (refused) with one line, writing nothing. */
static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  const char * const tables[] = { "credentials", "audit_log", NULL };
  LiaTestSnapshot before = lia_test_snapshot (f->book, tables);

  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "show", "abc", NULL);
    assert_run (&run, 2);
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "frobnicate", NULL);
    assert_run (&run, 2);
    g_assert_nonnull (strstr (run.err, "credential add ACCOUNT-NUMBER"));
  }
  {
    g_auto(Run) run = run_cli (f, "s\n", NULL, "credential", "add", "ACC-1", "--label", "X",
                               "--kind", "carrier-pigeon", NULL);
    assert_run (&run, 2);
    g_assert_nonnull (strstr (run.err, "api-token"));
  }
  {
    g_auto(Run) run = run_cli (f, "s\n", NULL, "credential", "add", "ACC-1", NULL);
    assert_run (&run, 2);
  }
  {
    g_auto(Run) run = run_cli (f, "", NULL, "credential", "add", "ACC-1", "--label", "X", NULL);
    assert_run (&run, 1);
    g_assert_cmpstr (run.err, ==, "liaison: no secret on standard input\n");
  }
  {
    g_auto(Run) run = run_cli (f, "s\n", NULL, "credential", "add", "ACC-404", "--label", "X", NULL);
    assert_run (&run, 1);
  }
  {
    g_auto(Run) run = run_cli (f, NULL, NULL, "credential", "delete", "123456", NULL);
    assert_run (&run, 1);
    g_assert_nonnull (strstr (run.err, "123456"));
  }
  lia_test_assert_unchanged (f->book, &before);
}

/* No secret service: one plain line, exit 1, no row in the book. */
static void
test_cli_no_service (Fixture       *f,
                     gconstpointer  data)
{
  const char * const tables[] = { "credentials", "audit_log", NULL };
  LiaTestSnapshot before = lia_test_snapshot (f->book, tables);
  g_autofree char *secret = lia_test_distinctive_secret ("cli-unstored");
  g_autofree char *input = g_strconcat (secret, "\n", NULL);

  {
    g_auto(Run) run = run_cli (f, input, "unix:path=/nonexistent/liaison-test-bus",
                               "credential", "add", "ACC-1", "--label", "Portal", NULL);
    assert_run (&run, 1);
    g_assert_cmpstr (run.err, ==,
                     "liaison: the keyring is not available (no secret service on the session bus)\n");
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = run_cli (f, NULL, "unix:path=/nonexistent/liaison-test-bus",
                               "credential", "check", NULL);
    assert_run (&run, 1);
  }
  lia_test_assert_unchanged (f->book, &before);
  lia_test_assert_not_in_book_files (f->path, secret);
}

int
main (int   argc,
      char *argv[])
{
  lia_test_capture_logs_start ();
  g_test_init (&argc, &argv, NULL);
  lia_test_capture_logs_after_init ();

#define ADD(name, func) \
  g_test_add ("/credentials/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-lookup-update", test_add_lookup_update);
  ADD ("rotate", test_rotate);
  ADD ("reveal-audited", test_reveal_audited);
  ADD ("delete", test_delete);
  ADD ("missing-from-keyring", test_missing_from_keyring);
  ADD ("orphans", test_orphans);
  ADD ("delete-for-account", test_delete_for_account);
  ADD ("validation-before-keyring", test_validation);
  ADD ("no-service", test_no_service);
  ADD ("locked", test_locked);
  ADD ("book-gone-while-adding", test_book_gone_while_adding);
  ADD ("cli/commands", test_cli);
  ADD ("cli/copy-keeps-unknown", test_cli_copy);
  ADD ("cli/errors", test_cli_errors);
  ADD ("cli/no-service", test_cli_no_service);
#undef ADD

  return g_test_run ();
}
