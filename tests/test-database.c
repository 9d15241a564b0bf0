/* test-database.c — LiaDatabase: creating, refusing and protecting files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "lia-account-repository.h"
#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-contact-store.h"
#include "lia-database-private.h"
#include "lia-sample-data.h"

#include "test-common.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = lia_test_make_tmp ();
  f->path = g_build_filename (f->dir, "liaison.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
assert_mode (const char *path,
             mode_t      expected)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, expected);
}

/* A new file is private, at the newest schema, in WAL mode with foreign
 * keys enforced — even where the umask would make it world-readable. */
static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autofree char *nested_dir = g_build_filename (f->dir, "a", "b", NULL);
  g_autofree char *nested = g_build_filename (nested_dir, "liaison.db", NULL);
  g_autofree char *wal = g_strconcat (nested, "-wal", NULL);
  g_autofree char *journal_mode = NULL;
  LiaContactValues orphan = { .account_id = 424242, .name = "Nobody", .created_at = 1 };
  mode_t old_umask = umask (022);
  sqlite3 *handle;

  db = lia_database_open (nested, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  assert_mode (nested, 0600);
  assert_mode (nested_dir, 0700);
  g_assert_cmpstr (lia_database_get_path (db), ==, nested);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  g_assert_false (lia_database_is_read_only (db));

  handle = lia_database_get_handle (db);
  g_assert_cmpint (lia_test_sql_int (handle, "PRAGMA user_version"), ==, LIA_SCHEMA_VERSION);
  journal_mode = lia_test_sql_text (handle, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (lia_test_sql_int (handle, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (lia_test_sql_int (handle, "PRAGMA synchronous"), ==, 1); /* NORMAL */
  g_assert_cmpint (lia_test_sql_int (handle, "PRAGMA busy_timeout"), >, 0);

  /* The WAL holds customer data too. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_mode (wal, 0600);

  /* Foreign keys are enforced, not just switched on. */
  g_assert_true (lia_database_begin (db, &error));
  g_assert_false (lia_contact_store_insert (db, &orphan, NULL, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  lia_database_rollback (db);
  g_clear_error (&error);

  /* Reopening an existing book keeps its mode and version. */
  g_clear_object (&db);
  db = lia_database_open (nested, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);
  assert_mode (nested, 0600);
}

static void
assert_refused_untouched (const char       *path,
                          LiaDatabaseError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autofree char *before = lia_test_checksum (path);
  g_autofree char *after = NULL;

  db = lia_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, LIA_DATABASE_ERROR, (int)code);
  g_assert_nonnull (strstr (error->message, path));

  after = lia_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* Bytes that are not SQLite: refused by name, left exactly as they were,
 * and no journal or WAL dropped next to them. */
static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  g_autofree guint32 *noise = g_new (guint32, 16384);

  for (guint i = 0; i < 16384; i++)
    noise[i] = g_rand_int (rand);
  lia_test_write_file (f->path, noise, 16384 * sizeof (guint32));

  assert_refused_untouched (f->path, LIA_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_cmpuint (lia_test_count_entries (f->dir), ==, 1);

  /* A short text file saved under the book's name. */
  lia_test_write_file (f->path, "number,name\nA-1,Acme\n", 22);
  assert_refused_untouched (f->path, LIA_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_cmpuint (lia_test_count_entries (f->dir), ==, 1);
}

/* A real book with enough rows to span many pages, closed cleanly. */
static void
make_book (const char *path,
           guint       n_accounts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = lia_book_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (lia_sample_data_generate (book, n_accounts, 7, &error));
  g_assert_no_error (error);
}

static void
assert_book_refused_untouched (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = NULL;
  g_autofree char *before = lia_test_checksum (path);
  g_autofree char *after = NULL;

  book = lia_book_open (path, &error);
  g_assert_null (book);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_true (g_error_matches (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CORRUPT) ||
                 g_error_matches (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_A_DATABASE));
  g_assert_nonnull (strstr (error->message, path));

  after = lia_test_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* A valid header over garbage pages, and a file cut short: the book is
 * refused with an error naming it (the same call the app makes). */
static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *raw;
  gint64 page_size;

  make_book (f->path, 120);
  raw = lia_test_sqlite_open (f->path);
  page_size = lia_test_sql_int (raw, "PRAGMA page_size");
  sqlite3_close (raw);

  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * page_size);

  /* Truncated to half: the header promises pages that are not there. */
  lia_test_write_file (f->path, contents, length / 2);
  assert_book_refused_untouched (f->path);

  /* Page 1 intact, every other page noise. */
  for (gsize i = page_size; i < length; i++)
    contents[i] = (char)g_rand_int_range (rand, 0, 256);
  lia_test_write_file (f->path, contents, length);
  assert_book_refused_untouched (f->path);
}

/* A schema from a newer Liaison is refused, never downgraded. */
static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", LIA_SCHEMA_VERSION + 5);
  g_autofree char *newer = g_strdup_printf ("%d", LIA_SCHEMA_VERSION + 5);
  sqlite3 *raw;

  db = lia_database_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  raw = lia_test_sqlite_open (f->path);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_refused_untouched (f->path, LIA_DATABASE_ERROR_TOO_NEW);

  /* The same through the book, and the message says which schema. */
  {
    g_autoptr(LiaBook) book = lia_book_open (f->path, &error);

    g_assert_null (book);
    g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_TOO_NEW);
    g_assert_nonnull (strstr (error->message, newer));
  }

  raw = lia_test_sqlite_open (f->path);
  g_assert_cmpint (lia_test_sql_int (raw, "PRAGMA user_version"), ==, LIA_SCHEMA_VERSION + 5);
  sqlite3_close (raw);
}

/* A file the user may only read opens read-only; every write fails with
 * READ_ONLY and leaves the file as it was. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = NULL;
  g_autoptr(LiaAccount) account = lia_account_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  LiaDatabase *db;
  LiaAccountValues values = {
    .number = "RO-2", .name = "Read Only Two", .segment_id = "corporate",
    .created_at = 1, .updated_at = 1,
  };

  make_book (f->path, 3);
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);

  if (access (f->path, W_OK) == 0)
    {
      g_test_skip ("this user can write a file with mode 0400 (running as root?), "
                   "so a read-only book cannot be made here");
      return;
    }

  before = lia_test_checksum (f->path);
  book = lia_book_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (lia_book_is_read_only (book));

  lia_account_set_number (account, "RO-1");
  lia_account_set_name (account, "Read Only One");
  lia_account_set_segment_id (account, "small-business");
  g_assert_false (lia_account_repository_create (lia_book_get_accounts (book), account, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  /* Straight at the store too: whichever step notices, it says READ_ONLY. */
  db = lia_book_get_database (book);
  if (lia_database_begin (db, &error))
    {
      g_assert_false (lia_account_store_insert (db, &values, NULL, &error));
      lia_database_rollback (db);
    }
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_READ_ONLY);

  g_clear_object (&book);
  after = lia_test_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* A cached statement comes back reset and with no bindings left over. */
static void
test_statement_cache (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = lia_database_open (f->path, &error);
  const char *sql = "SELECT ?1, ?2 UNION ALL SELECT 'second', NULL";
  sqlite3_stmt *first, *again;

  g_assert_no_error (error);

  first = lia_database_get_statement (db, sql, &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (first, 1, 41);
  sqlite3_bind_text (first, 2, "stale", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (first, 0), ==, 41);
  g_assert_cmpstr ((const char *)sqlite3_column_text (first, 1), ==, "stale");
  /* Left mid-result on purpose. */

  again = lia_database_get_statement (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  sqlite3_bind_int64 (again, 1, 42);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (again, 0), ==, 42);
  g_assert_cmpint (sqlite3_column_type (again, 1), ==, SQLITE_NULL);
  sqlite3_reset (again);

  /* The same seen through the store: a second insert leaves the optional
   * columns the first one set empty. */
  {
    LiaAccountValues full = {
      .number = "C-1", .name = "Full", .segment_id = "corporate",
      .service_plan_id = "premium", .channel = "partner", .state = "active",
      .contract_value = 500, .currency = "CHF", .address = "Street 1", .notes = "note",
      .created_at = 10, .updated_at = 11, .last_verified_at = 12,
    };
    LiaAccountValues bare = {
      .number = "C-2", .name = "Bare", .segment_id = "individual",
      .created_at = 20, .updated_at = 20,
    };
    sqlite3 *handle = lia_database_get_handle (db);
    gint64 id1 = 0, id2 = 0;
    g_autofree char *sql_check = NULL;

    g_assert_true (lia_database_begin (db, &error));
    g_assert_true (lia_account_store_insert (db, &full, &id1, &error));
    g_assert_true (lia_account_store_insert (db, &bare, &id2, &error));
    g_assert_true (lia_database_commit (db, &error));
    g_assert_no_error (error);
    g_assert_cmpint (id1, !=, id2);

    sql_check = g_strdup_printf ("SELECT count(*) FROM accounts WHERE id = %" G_GINT64_FORMAT
                                 " AND service_plan_id IS NULL AND last_verified_at IS NULL"
                                 " AND manager_id IS NULL AND channel = 'direct'"
                                 " AND state = 'prospect' AND currency = 'EUR'"
                                 " AND address = '' AND notes = '' AND contract_value = 0", id2);
    g_assert_cmpint (lia_test_sql_int (handle, sql_check), ==, 1);
  }
}

static gint64
count_rows (LiaDatabase *db,
            const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return lia_test_sql_int (lia_database_get_handle (db), sql);
}

/* A failed write leaves nothing behind, at the store and through the
 * repository (whose create is three inserts in one transaction). */
static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = lia_book_open (f->path, &error);
  g_autoptr(LiaAccount) account = lia_account_new ();
  g_autoptr(GPtrArray) found = NULL;
  LiaAccountRepository *repo;
  LiaDatabase *db;
  LiaAccountValues one = { .number = "R-1", .name = "One", .segment_id = "corporate",
                           .created_at = 1, .updated_at = 1 };
  LiaAccountValues dup = { .number = "R-1", .name = "Dup", .segment_id = "corporate",
                           .created_at = 1, .updated_at = 1 };

  g_assert_no_error (error);
  db = lia_book_get_database (book);
  repo = lia_book_get_accounts (book);

  g_assert_true (lia_database_begin (db, &error));
  g_assert_true (lia_account_store_insert (db, &one, NULL, &error));
  g_assert_false (lia_account_store_insert (db, &dup, NULL, &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  lia_database_rollback (db);
  g_assert_cmpint (count_rows (db, "accounts"), ==, 0);
  g_assert_cmpint (count_rows (db, "account_fts"), ==, 0);

  /* Make the second of create's three writes fail. */
  g_assert_true (lia_database_exec (db,
                                    "CREATE TEMP TRIGGER fail_history BEFORE INSERT ON lifecycle_history"
                                    " BEGIN SELECT RAISE (ABORT, 'injected failure'); END", &error));
  lia_account_set_number (account, "R-2");
  lia_account_set_name (account, "Rolled Back");
  lia_account_set_segment_id (account, "small-business");
  g_assert_false (lia_account_repository_create (repo, account, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (db, "accounts"), ==, 0);
  g_assert_cmpint (count_rows (db, "lifecycle_history"), ==, 0);
  g_assert_cmpint (count_rows (db, "audit_log"), ==, 0);
  found = lia_account_repository_search (repo, "rolled", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  /* The connection is usable again: no transaction was left open. */
  g_assert_true (lia_database_exec (db, "DROP TRIGGER temp.fail_history", &error));
  g_assert_true (lia_account_repository_create (repo, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "accounts"), ==, 1);
  g_assert_cmpint (count_rows (db, "lifecycle_history"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/database/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create", test_create);
  ADD ("not-a-database", test_not_a_database);
  ADD ("corrupt", test_corrupt);
  ADD ("too-new", test_too_new);
  ADD ("read-only", test_read_only);
  ADD ("statement-cache", test_statement_cache);
  ADD ("rollback", test_rollback);

#undef ADD

  return g_test_run ();
}
