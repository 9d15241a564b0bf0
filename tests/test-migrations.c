/* test-migrations.c — older books open, migrate and keep every row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-account-list.h"
#include "lia-account-repository.h"
#include "lia-audit-entry.h"
#include "lia-book-private.h"
#include "lia-database-private.h"
#include "lia-event-repository.h"
#include "lia-field-repository.h"
#include "lia-history-entry.h"
#include "lia-personal-data.h"
#include "lia-portfolio-repository.h"
#include "lia-timeline.h"

#include "test-book.h"

/* Every table of schema 1 that a migration must keep as it was. Its
 * inquiries move into events at schema 4 (assert_inquiries_moved()). */
static const char * const v1_tables[] = {
  "segments", "service_plans", "staff", "accounts", "contacts",
  "lifecycle_history", "audit_log",
};

/* Schema 2 added the full-text index; its rows must survive too. */
static const char * const v2_tables[] = {
  "segments", "service_plans", "staff", "accounts", "contacts",
  "lifecycle_history", "audit_log", "account_fts",
};

/* Schema 3's tables but contact_log and inquiries, which move into
 * events at schema 4 (assert_contact_log_moved()). */
static const char * const v3_tables[] = {
  "segments", "service_plans", "staff", "accounts", "contacts",
  "lifecycle_history", "audit_log", "account_fts", "account_notes",
  "contact_employments",
};

/* A file as an older build left it. */
typedef struct
{
  const char *file;
  int         version;
} Source;

static const Source source_v1 = { "schema-v1.sql", 1 };
static const Source source_v2 = { "schema-v2.sql", 2 };
static const Source source_v3 = { "schema-v3.sql", 3 };
/* No file: built by this build's own steps up to 5, then filled. */
static const Source source_v5 = { NULL, 5 };

/* Schema 5's tables with rows (WITHOUT ROWID ones are compared apart). */
static const char * const v5_tables[] = {
  "segments", "service_plans", "staff", "accounts", "contacts",
  "lifecycle_history", "audit_log", "account_fts", "account_notes",
  "contact_employments", "vendors", "events", "event_status_history",
  "event_fts", "meetings", "meeting_occurrences", "meeting_attendees",
  "follow_ups",
};

/* A bit of everything schema 5 holds, written as a v5 build would. */
static const char v5_rows[] =
  "INSERT INTO staff (id, name, role, email) VALUES"
  "  (1, 'Alice Martin', 'account-manager', 'a.martin@liaison.example'),"
  "  (2, 'Ivo Brandt', 'engineer', '');"
  "INSERT INTO accounts (id, number, name, segment_id, service_plan_id, channel, state,"
  "                      manager_id, contract_value, currency, address, notes, created_at,"
  "                      updated_at, last_verified_at, contact_cadence_days, next_review_at)"
  "  VALUES (1, 'V5-1', 'Fünf & Söhne GmbH', 'corporate', 'premium', 'partner', 'active', 1,"
  "          1250000, 'EUR', 'Line one' || char (10) || 'Line two', 'Prefers calls', 1600000000,"
  "          1650000000, 1650000000, 45, 1700000000),"
  "         (2, 'V5-2', 'Fünf Logistik', 'small-business', NULL, 'direct', 'prospect', NULL,"
  "          0, 'EUR', '', '', 1600000001, 1600000001, NULL, NULL, NULL);"
  "UPDATE accounts SET parent_id = 1, root_id = 1, unit_kind = 'site' WHERE id = 2;"
  "INSERT INTO contacts (id, account_id, name, role, email, phone, preferred_channel,"
  "                      created_at, key_contact)"
  "  VALUES (1, 1, 'Greta Hansen', 'CFO', 'greta@fuenf.example', '+49 40 1234567', 'phone',"
  "          1600000000, 1),"
  "         (2, 2, 'Tove Larsen', '', '', '', 'email', 1600000002, 0);"
  "INSERT INTO lifecycle_history (account_id, changed_at, actor, from_state, to_state, reason)"
  "  VALUES (1, 1600000000, 'Alice Martin', NULL, 'prospect', ''),"
  "         (1, 1610000000, 'Alice Martin', 'prospect', 'opening', 'Signed'),"
  "         (1, 1620000000, 'Alice Martin', 'opening', 'active', 'Live');"
  "INSERT INTO audit_log (account_id, entity, entity_id, field, old_value, new_value, actor, changed_at)"
  "  VALUES (1, 'account', 1, 'created', NULL, 'V5-1', 'Alice Martin', 1600000000),"
  "         (1, 'contact', 1, 'added', NULL, 'Greta Hansen <greta@fuenf.example> +49 40 1234567',"
  "          'Alice Martin', 1600000100),"
  "         (1, 'account', 1, 'contract_value', '0 EUR', '12500.00 EUR', 'Alice Martin', 1600000200);"
  "INSERT INTO account_notes (account_id, noted_at, kind, body, author)"
  "  VALUES (1, 1620000000, 'anticipated-need', 'Plans a site move in Q3', 'Alice Martin');"
  "INSERT INTO vendors (id, name, contact_name, email, phone, sla_plan_id)"
  "  VALUES (1, 'Fixit Ltd', 'Bea Fixer', 'bea@fixit.example', '', 'premium');"
  "INSERT INTO events (id, account_id, kind, summary, details, severity, status, source,"
  "                    opened_at, responded_at, vendor_id, contact_id, response_target,"
  "                    resolution_target, breach_at)"
  "  VALUES (1, 1, 'incident', 'Boiler down', 'Since Monday', 'high', 'in-progress', 'email',"
  "          1690000000, 1690003600, 1, 1, 7200, 86400, 1690086400);"
  "INSERT INTO events (id, account_id, kind, summary, status, source, opened_at, resolved_at,"
  "                    staff_id, contact_id)"
  "  VALUES (2, 1, 'call', '', 'closed', 'phone', 1691000000, 1691000000, 1, 1);"
  "INSERT INTO event_status_history (event_id, account_id, changed_at, from_status, to_status, actor)"
  "  VALUES (1, 1, 1690000000, NULL, 'open', 'Alice Martin'),"
  "         (1, 1, 1690003600, 'open', 'in-progress', 'Alice Martin');"
  "INSERT INTO meetings (id, uid, account_id, title, starts_at, ends_at, tzid, rrule, until_at,"
  "                      agenda, status, organizer_id, created_at, updated_at)"
  "  VALUES (1, 'v5-review@liaison.example', 1, 'Quarterly review', 1700000000, 1700005400,"
  "          'Europe/Berlin', 'FREQ=MONTHLY;INTERVAL=3', NULL, 'Renewal', 'planned', 1,"
  "          1690000000, 1690000000);"
  "INSERT INTO meeting_occurrences (meeting_id, recurrence_id, cancelled)"
  "  VALUES (1, 1707868800, 1);"
  "INSERT INTO meeting_attendees (meeting_id, contact_id, staff_id, name, email)"
  "  VALUES (1, 1, NULL, 'Greta Hansen', 'greta@fuenf.example'),"
  "         (1, NULL, 1, 'Alice Martin', 'a.martin@liaison.example'),"
  "         (1, NULL, NULL, 'Guest', 'guest@elsewhere.example');"
  "INSERT INTO follow_ups (account_id, meeting_id, occurrence_at, summary, owner_id, due_date,"
  "                        status, created_at)"
  "  VALUES (1, 1, 1700000000, 'Send the quote', 1, '2024-01-15', 'open', 1700000000);";

/* Builds a schema 5 file at @path with v5_rows in it. */
static void
build_v5 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = lia_database_open_at_version (path, 5, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, 5);
  g_assert_true (lia_database_exec (db, v5_rows, &error));
  g_assert_no_error (error);
}

typedef struct
{
  char *dir;
  char *original;   /* the fixture loaded, never opened by Liaison */
  char *migrated;   /* the same, opened by Liaison */
} Fixture;

static void
load_fixture (const char   *path,
              const Source *source)
{
  g_autofree char *fixture = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db = NULL;

  if (source->file == NULL)
    {
      build_v5 (path);
      return;
    }

  fixture = g_build_filename (LIA_TEST_FIXTURES_DIR, source->file, NULL);
  g_file_get_contents (fixture, &sql, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("cannot load %s: %s", fixture, message);
  g_assert_cmpint (lia_test_sql_int (db, "PRAGMA user_version"), ==, source->version);
  sqlite3_close (db);
}

/* @data: the Source to load, schema 1 when NULL. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const Source *source = data ? data : &source_v1;

  f->dir = lia_test_make_tmp ();
  f->original = g_build_filename (f->dir, "original.db", NULL);
  f->migrated = g_build_filename (f->dir, "liaison.db", NULL);
  load_fixture (f->original, source);
  load_fixture (f->migrated, source);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->original);
  g_free (f->migrated);
}

/* The columns @table has in @db, comma-separated: later schemas add
 * columns, so old rows are compared on the columns they were written with. */
static char *
columns_of (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  g_autoptr(GString) columns = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (columns, "%s\"%s\"", columns->len ? ", " : "",
                            (const char *)sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (columns->len, >, 0);
  return g_string_free (g_steal_pointer (&columns), FALSE);
}

/* Every row @sql selects as one line of text, each value tagged with its
 * SQLite type, so a NULL that became '' or an integer that became text
 * shows. */
static GPtrArray *
rows_of (sqlite3    *db,
         const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_string_append_printf (row, "%s%d:", i ? " | " : "", sqlite3_column_type (stmt, i));
          if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
            g_string_append (row, (const char *)sqlite3_column_text (stmt, i));
        }
      g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
    }
  sqlite3_finalize (stmt);
  return rows;
}

/* Every row of @table in rowid order, on @columns (see rows_of()). */
static GPtrArray *
dump_table (sqlite3    *db,
            const char *table,
            const char *columns)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid, %s FROM %s ORDER BY rowid", columns, table);

  return rows_of (db, sql);
}

/* Opening an older file migrates it to the newest schema, and every row
 * of every table in @tables reads back exactly as it was. */
static void
assert_keeps_every_row (Fixture            *f,
                        const char * const *tables,
                        guint               n_tables)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = lia_database_open (f->migrated, &error);
  sqlite3 *before, *after;

  g_assert_no_error (error);
  g_assert_cmpint (lia_database_get_schema_version (db), ==, LIA_SCHEMA_VERSION);

  before = lia_test_sqlite_open (f->original);
  after = lia_database_get_handle (db);
  g_assert_cmpint (lia_test_sql_int (after, "PRAGMA user_version"), ==, LIA_SCHEMA_VERSION);

  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *columns = columns_of (before, tables[t]);
      g_autoptr(GPtrArray) old_rows = dump_table (before, tables[t], columns);
      g_autoptr(GPtrArray) new_rows = dump_table (after, tables[t], columns);

      g_test_message ("%s: %u rows", tables[t], old_rows->len);
      /* The fixture is worth something only if it has rows everywhere. */
      g_assert_cmpuint (old_rows->len, >, 0);
      g_assert_cmpuint (new_rows->len, ==, old_rows->len);
      for (guint i = 0; i < old_rows->len; i++)
        g_assert_cmpstr (g_ptr_array_index (new_rows, i), ==, g_ptr_array_index (old_rows, i));
    }

  sqlite3_close (before);
}

static void
test_keeps_every_row (Fixture       *f,
                      gconstpointer  data)
{
  assert_keeps_every_row (f, v1_tables, G_N_ELEMENTS (v1_tables));
}

static void
test_v2_keeps_every_row (Fixture       *f,
                         gconstpointer  data)
{
  assert_keeps_every_row (f, v2_tables, G_N_ELEMENTS (v2_tables));
}

/* The migrated rows read back through the model as the v1 build wrote them. */
static void
test_model_reads_old_rows (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = lia_test_book_open (f->migrated, NULL, NULL);
  LiaAccountRepository *repo = lia_book_get_accounts (book);
  g_autoptr(LiaAccount) muller = lia_account_repository_lookup_by_number (repo, "ACC-1002", &error);
  g_autoptr(LiaAccount) kestrel = lia_account_repository_lookup_by_number (repo, "ACC-1006", &error);
  g_autoptr(LiaAccount) northwind = lia_account_repository_lookup_by_number (repo, "ACC-1001", &error);
  g_autoptr(LiaAccount) aarhus = lia_account_repository_lookup_by_number (repo, "ACC-1004", &error);
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(GListModel) inquiries = NULL;
  g_autoptr(LiaHistoryEntry) last = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (muller);
  g_assert_cmpstr (lia_account_get_name (muller), ==, "Müller & Söhne GmbH");
  g_assert_cmpint (lia_account_get_state (muller), ==, LIA_ACCOUNT_STATE_PROSPECT);
  g_assert_cmpstr (lia_account_get_manager_name (muller), ==, "Bruno Keller");
  g_assert_cmpint (lia_account_get_last_verified_at (muller), ==, 0);

  g_assert_cmpstr (lia_account_get_name (kestrel), ==, "Kestrel, \"Quoted\" & Partners");
  g_assert_cmpstr (lia_account_get_address (kestrel), ==, "Line one\nLine two");
  g_assert_cmpint (lia_account_get_contract_value (kestrel), ==, 7500050);

  g_assert_cmpint (lia_account_get_contract_value (northwind), ==, 1250000);
  g_assert_cmpstr (lia_account_get_currency (northwind), ==, "EUR");
  g_assert_cmpstr (lia_account_get_service_plan_id (northwind), ==, "standard");
  g_assert_cmpint (lia_account_get_created_at (northwind), ==, 1600000000);
  g_assert_cmpint (lia_account_get_last_verified_at (northwind), ==, 1650000000);

  contacts = lia_account_repository_list_contacts (repo, lia_account_get_id (northwind), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  inquiries = lia_account_repository_list_inquiries (repo, lia_account_get_id (northwind), &error);
  g_assert_cmpuint (g_list_model_get_n_items (inquiries), ==, 2);
  audit = lia_account_repository_list_audit (repo, lia_account_get_id (northwind), &error);
  g_assert_cmpuint (g_list_model_get_n_items (audit), ==, 3);

  g_assert_cmpint (lia_account_get_state (aarhus), ==, LIA_ACCOUNT_STATE_CLOSED);
  history = lia_account_repository_list_history (repo, lia_account_get_id (aarhus), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 5);
  last = g_list_model_get_item (history, 0);   /* newest first */
  g_assert_cmpint (lia_history_entry_get_from_state (last), ==, LIA_ACCOUNT_STATE_CLOSING);
  g_assert_cmpint (lia_history_entry_get_to_state (last), ==, LIA_ACCOUNT_STATE_CLOSED);
  g_assert_cmpstr (lia_history_entry_get_reason (last), ==, "Tender lost");
}

static void
assert_finds (LiaAccountRepository *repo,
              const char           *text,
              const char           *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lia_account_repository_search (repo, text, 50, &error);
  gboolean seen = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    seen |= g_str_equal (lia_account_get_number (g_ptr_array_index (found, i)), number);

  if (!seen)
    g_error ("searching “%s” did not find %s (%u results)", text, number, found->len);
}

/* Schema 2 indexed the rows that were already there. */
static void
test_search_finds_old_rows (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = lia_test_book_open (f->migrated, NULL, NULL);
  g_autoptr(LiaAccount) jane = NULL;
  g_autoptr(LiaContact) contact = lia_contact_new ();
  LiaAccountRepository *repo = lia_book_get_accounts (book);
  sqlite3 *raw;

  assert_finds (repo, "northwind", "ACC-1001");
  assert_finds (repo, "Nor", "ACC-1001");
  assert_finds (repo, "ACC-1003", "ACC-1003");
  assert_finds (repo, "1005", "ACC-1005");
  assert_finds (repo, "greta", "ACC-1001");                     /* contact name */
  assert_finds (repo, "tove@northwind.example", "ACC-1001");    /* contact email */
  assert_finds (repo, "k.tanaka@blueharbor", "ACC-1003");
  assert_finds (repo, "sofie", "ACC-1004");                     /* closed account */
  assert_finds (repo, "tender", "ACC-1004");                    /* notes */
  assert_finds (repo, "muller", "ACC-1002");                    /* diacritics folded */
  assert_finds (repo, "kestrel quoted", "ACC-1006");

  /* The index agrees with its content, one row per account. */
  raw = lia_test_sqlite_open (f->migrated);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO account_fts (account_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM account_fts"), ==,
                   lia_test_sql_int (raw, "SELECT count(*) FROM accounts"));
  sqlite3_close (raw);

  /* And the triggers keep it in sync for old rows from now on. */
  jane = lia_account_repository_lookup_by_number (repo, "ACC-1005", &error);
  g_assert_no_error (error);
  lia_contact_set_account_id (contact, lia_account_get_id (jane));
  lia_contact_set_name (contact, "Zacharias Quill");
  g_assert_true (lia_account_repository_add_contact (repo, contact, &error));
  g_assert_no_error (error);
  assert_finds (repo, "zachar", "ACC-1005");
}

static gboolean
has_object (sqlite3    *db,
            const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'", name);
  return lia_test_sql_int (db, sql) > 0;
}

/* An empty file climbs one version at a time, each step leaving a file
 * that the next build can open. */
static void
test_step_by_step (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "steps.db", NULL);

  for (int version = 0; version <= LIA_SCHEMA_VERSION; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaDatabase) db = lia_database_open_at_version (path, version, &error);
      sqlite3 *handle;

      g_assert_no_error (error);
      g_assert_cmpint (lia_database_get_schema_version (db), ==, version);
      handle = lia_database_get_handle (db);
      g_assert_cmpint (lia_test_sql_int (handle, "PRAGMA user_version"), ==, version);
      g_assert_true (has_object (handle, "accounts") == (version >= 1));
      g_assert_true (has_object (handle, "audit_log_no_delete") == (version >= 1));
      g_assert_true (has_object (handle, "account_fts") == (version >= 2));
      g_assert_true (has_object (handle, "contacts_fts_delete") == (version >= 2));
      g_assert_true (has_object (handle, "inquiries") == (version >= 1 && version <= 3));
      g_assert_true (has_object (handle, "contact_log") == (version == 3));
      g_assert_true (has_object (handle, "events") == (version >= 4));
      g_assert_true (has_object (handle, "event_fts") == (version >= 4));
      g_assert_true (has_object (handle, "meetings") == (version >= 5));
      g_assert_true (has_object (handle, "field_values") == (version >= 6));
      g_assert_true (has_object (handle, "credentials") == (version >= 6));
      g_assert_true (has_object (handle, "contacts_field_values_delete") == (version >= 6));

      if (version == 1)
        g_assert_true (lia_database_exec (db,
                         "INSERT INTO accounts (number, name, segment_id, created_at, updated_at)"
                         " VALUES ('S-1', 'Stepwise Ltd', 'corporate', 1, 1)", &error));
      g_assert_no_error (error);
    }

  /* The row written at version 1 was indexed by the step to 2. */
  {
    g_autoptr(LiaBook) book = lia_test_book_open (path, NULL, NULL);
    assert_finds (lia_book_get_accounts (book), "stepw", "S-1");
  }
}

static GPtrArray *
schema_of (const char *path)
{
  sqlite3 *db = lia_test_sqlite_open (path);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                                       " ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup_printf ("%s %s %s %s", sqlite3_column_text (stmt, 0),
                                            sqlite3_column_text (stmt, 1),
                                            sqlite3_column_text (stmt, 2),
                                            sqlite3_column_text (stmt, 3)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

/* A migrated book has the same schema as a new one. */
static void
test_same_schema_as_new (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autoptr(GPtrArray) migrated_schema = NULL;
  g_autoptr(GPtrArray) fresh_schema = NULL;

  /* Both opened once and closed again before reading their schemas. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaDatabase) a = lia_database_open (f->migrated, &error);
    g_autoptr(LiaDatabase) b = lia_database_open (fresh, &error);
    g_assert_no_error (error);
  }

  migrated_schema = schema_of (f->migrated);
  fresh_schema = schema_of (fresh);
  g_assert_cmpuint (migrated_schema->len, ==, fresh_schema->len);
  for (guint i = 0; i < fresh_schema->len; i++)
    g_assert_cmpstr (g_ptr_array_index (migrated_schema, i), ==, g_ptr_array_index (fresh_schema, i));
}

/* A step that fails leaves the file at the version before it, whole. */
static void
test_failed_step_rolls_back (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  sqlite3 *raw = lia_test_sqlite_open (f->migrated);
  gint64 accounts;

  /* Something already holds the name step 2 wants. */
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE account_fts (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  accounts = lia_test_sql_int (raw, "SELECT count(*) FROM accounts");
  sqlite3_close (raw);

  db = lia_database_open (f->migrated, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);

  raw = lia_test_sqlite_open (f->migrated);
  g_assert_cmpint (lia_test_sql_int (raw, "PRAGMA user_version"), ==, 1);
  g_assert_false (has_object (raw, "accounts_fts_insert"));
  g_assert_false (has_object (raw, "contacts_fts_insert"));
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM accounts"), ==, accounts);
  sqlite3_close (raw);
}

/* Step 3 on a v2 file: every account its own group, no contact yet, a
 * first employment per contact, and the segment policies. */
static void
test_v2_portfolio_columns (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = lia_database_open (f->migrated, &error);
  sqlite3 *raw, *before;
  /* Written out by hand: cadence (0: none) and whether a manager is required. */
  const struct { const char *id; int cadence; int requires_manager; } segments[] = {
    { "individual", 0, 0 },
    { "small-business", 0, 0 },
    { "corporate", 60, 1 },
    { "key-account", 30, 1 },
    { "public-sector", 0, 0 },
  };
  gint64 n_accounts, n_contacts;

  g_assert_no_error (error);
  raw = lia_database_get_handle (db);
  before = lia_test_sqlite_open (f->original);
  n_accounts = lia_test_sql_int (before, "SELECT count(*) FROM accounts");
  n_contacts = lia_test_sql_int (before, "SELECT count(*) FROM contacts");
  sqlite3_close (before);
  g_assert_cmpint (n_accounts, ==, 9);
  g_assert_cmpint (n_contacts, ==, 8);

  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM accounts"), ==, n_accounts);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM accounts WHERE root_id = id"), ==, n_accounts);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM accounts WHERE parent_id IS NULL"
                                          " AND unit_kind = 'company' AND deputy_id IS NULL"
                                          " AND contact_cadence_days IS NULL AND last_contact_at IS NULL"),
                   ==, n_accounts);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM contacts WHERE key_contact = 0"), ==, n_contacts);
  /* Inquiries and contacts made are events since schema 4. */
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM events WHERE kind = 'inquiry'"
                                          " AND contact_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM events"
                                          " WHERE kind IN ('call', 'visit', 'email')"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM account_notes"), ==, 0);

  /* One open employment per contact, at their account, since they were entered. */
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM contact_employments"), ==, n_contacts);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(DISTINCT contact_id) FROM contact_employments"), ==, n_contacts);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM contacts c JOIN contact_employments e"
                                          " ON e.contact_id = c.id AND e.account_id = c.account_id"
                                          " AND e.role = c.role AND e.started_at = c.created_at"
                                          " AND e.ended_at IS NULL"), ==, n_contacts);

  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM segments"), ==, G_N_ELEMENTS (segments));
  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (contact_cadence_days, 0) * 10 + requires_manager"
                                              " FROM segments WHERE id = '%s'", segments[i].id);

      g_assert_cmpint (lia_test_sql_int (raw, sql), ==, segments[i].cadence * 10 + segments[i].requires_manager);
    }
}

static gboolean
list_has (LiaAccountList *list,
          gint64          id)
{
  return lia_account_list_find (list, id) != G_MAXUINT;
}

/* The model works on the migrated rows: policies, coverage, the accounts
 * that need a manager, search, and building a group out of old accounts. */
static void
test_v2_model_reads_old_rows (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = lia_test_book_open (f->migrated, NULL, NULL);
  g_autoptr(LiaAccountList) needs = lia_account_list_new (book);
  g_autoptr(LiaAccount) oakridge = NULL;
  g_autoptr(LiaAccount) lyon = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GListModel) overdue = NULL;
  g_autoptr(LiaPortfolioNode) group = NULL;
  LiaAccountRepository *repo = lia_book_get_accounts (book);
  LiaPortfolioRepository *portfolios = lia_book_get_portfolios (book);
  gint64 now = 1706000000;
  guint on_time = 0, total = 0;

  lia_book_set_clock (book, lia_test_clock, &now);
  g_assert_cmpuint (lia_book_get_segment_cadence (book, "key-account"), ==, 30);
  g_assert_cmpuint (lia_book_get_segment_cadence (book, "corporate"), ==, 60);
  g_assert_cmpuint (lia_book_get_segment_cadence (book, "public-sector"), ==, 0);
  g_assert_true (lia_book_segment_requires_manager (book, "corporate"));
  g_assert_true (lia_book_segment_requires_manager (book, "key-account"));
  g_assert_false (lia_book_segment_requires_manager (book, "individual"));

  oakridge = lia_account_repository_lookup_by_number (repo, "ACC-1007", &error);
  g_assert_no_error (error);
  lyon = lia_account_repository_lookup_by_number (repo, "ACC-1008", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_account_get_manager_name (oakridge), ==, "Carla Nemeth");
  g_assert_false (lia_account_get_manager_active (oakridge));
  g_assert_cmpint (lia_account_get_manager_id (lyon), ==, 0);

  /* Units: the open top-level corporate and key accounts, 1, 3, 6, 7, 8;
   * only Lyon (created 1701000000, 60 days) is still within cadence. */
  g_assert_true (lia_portfolio_repository_count_coverage (portfolios, &on_time, &total, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (on_time, ==, 1);
  g_assert_cmpuint (total, ==, 5);
  overdue = lia_portfolio_repository_list_coverage (portfolios, TRUE, LIA_COVERAGE_LIST_LIMIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, 4);
  {
    /* Most overdue first: Kestrel (1590000000 + 60 days) heads the list. */
    g_autoptr(LiaCoverageEntry) first = g_list_model_get_item (overdue, 0);

    g_assert_cmpstr (lia_account_get_number (lia_coverage_entry_get_account (first)), ==, "ACC-1006");
    g_assert_cmpint (lia_coverage_entry_get_due_at (first), ==, 1590000000 + 60 * 86400);
    g_assert_cmpint (lia_coverage_entry_get_last_contact_at (first), ==, 0);
  }

  /* Carla left before the migration; Lyon never had a manager; Jane Doe
   * (an individual) has none either. */
  lia_account_list_set_needs_manager (needs, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (needs)), ==, 3);
  g_assert_true (list_has (needs, lia_account_get_id (oakridge)));
  g_assert_true (list_has (needs, lia_account_get_id (lyon)));
  g_assert_true (list_has (needs, 5));

  assert_finds (repo, "oakridge", "ACC-1007");
  assert_finds (repo, "etienne", "ACC-1008");

  /* Old accounts form a group like new ones. */
  g_assert_true (lia_portfolio_repository_set_parent (portfolios, lyon, lia_account_get_id (oakridge), &error));
  g_assert_no_error (error);
  groups = lia_portfolio_repository_list_groups (portfolios, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 1);
  group = g_list_model_get_item (groups, 0);
  g_assert_cmpint (lia_account_get_id (lia_portfolio_node_get_account (group)), ==, lia_account_get_id (oakridge));
  g_assert_cmpuint (lia_portfolio_node_get_n_accounts (group), ==, 2);
  g_assert_cmpint (lia_portfolio_node_get_total_value (group), ==, 9900000 + 2500000);
  g_assert_true (lia_portfolio_node_get_mixed_currencies (group));   /* CHF and EUR */
}

/* A step 3 that fails leaves the v2 file whole. */
static void
test_v2_failed_step_rolls_back (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  sqlite3 *raw = lia_test_sqlite_open (f->migrated);

  /* Something already holds a name step 3 wants. */
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE contact_employments (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = lia_database_open (f->migrated, &error);
  g_assert_null (db);
  g_assert_nonnull (error);

  raw = lia_test_sqlite_open (f->migrated);
  g_assert_cmpint (lia_test_sql_int (raw, "PRAGMA user_version"), ==, 2);
  g_assert_false (has_object (raw, "contact_log"));
  g_assert_false (has_object (raw, "accounts_root_insert"));
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM pragma_table_info ('accounts')"
                                          " WHERE name = 'root_id'"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM accounts"), ==, 9);
  sqlite3_close (raw);
}

/* --- inquiries and the contact log become events (schema 4) --- */

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The rows of @old_sql in the original file are exactly the rows of
 * @new_sql in the migrated one, as multisets. */
static void
assert_same_rows (sqlite3    *before,
                  const char *old_sql,
                  sqlite3    *after,
                  const char *new_sql,
                  const char *what)
{
  g_autoptr(GPtrArray) old_rows = rows_of (before, old_sql);
  g_autoptr(GPtrArray) new_rows = rows_of (after, new_sql);

  g_ptr_array_sort (old_rows, compare_strings);
  g_ptr_array_sort (new_rows, compare_strings);
  g_test_message ("%s: %u rows", what, old_rows->len);
  g_assert_cmpuint (old_rows->len, >, 0);
  g_assert_cmpuint (new_rows->len, ==, old_rows->len);
  for (guint i = 0; i < old_rows->len; i++)
    g_assert_cmpstr (g_ptr_array_index (new_rows, i), ==, g_ptr_array_index (old_rows, i));
}

/* Every inquiry is an event of kind 'inquiry' with the same account,
 * time, channel, staff (and contact, from schema 3), its question the
 * summary and its advice the details; recorded once handled, each is
 * resolved when it was asked. */
static void
assert_inquiries_moved (sqlite3 *before,
                        sqlite3 *after,
                        int      version)
{
  const char *contact = version >= 3 ? "contact_id" : "NULL";
  g_autofree char *old_sql = g_strdup_printf (
    "SELECT account_id, asked_at, channel, question, advice, staff_id, %s,"
    " 'resolved', asked_at FROM inquiries", contact);

  assert_same_rows (before, old_sql, after,
                    "SELECT account_id, opened_at, source, summary, details, staff_id, contact_id,"
                    " status, resolved_at FROM events WHERE kind = 'inquiry'",
                    "inquiries");
  /* Nothing else about them changed. */
  g_assert_cmpint (lia_test_sql_int (after, "SELECT count(*) FROM events WHERE kind = 'inquiry'"
                                            " AND (vendor_id IS NOT NULL OR response_target IS NOT NULL"
                                            "      OR resolution_target IS NOT NULL OR breach_at IS NOT NULL)"), ==, 0);
}

static void
test_inquiries_moved (Fixture       *f,
                      gconstpointer  data)
{
  const Source *source = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = lia_database_open (f->migrated, &error);
  sqlite3 *before;

  g_assert_no_error (error);
  before = lia_test_sqlite_open (f->original);
  assert_inquiries_moved (before, lia_database_get_handle (db), source->version);
  g_assert_false (has_object (lia_database_get_handle (db), "inquiries"));
  sqlite3_close (before);
}

static void
test_v3_keeps_every_row (Fixture       *f,
                         gconstpointer  data)
{
  const char *counts = "SELECT state, n FROM account_state_counts";   /* WITHOUT ROWID */
  sqlite3 *before, *after;

  assert_keeps_every_row (f, v3_tables, G_N_ELEMENTS (v3_tables));

  before = lia_test_sqlite_open (f->original);
  after = lia_test_sqlite_open (f->migrated);
  assert_same_rows (before, counts, after, counts, "account_state_counts");
  sqlite3_close (after);
  sqlite3_close (before);
}

/* Every contact made is an event of its kind, at the same account and
 * time, by the same staff with the same contact, its notes the details;
 * nothing else is an event but the inquiries. */
static void
test_v3_contact_log_moved (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = lia_database_open (f->migrated, &error);
  sqlite3 *before, *after;
  gint64 n_log, n_inquiries;

  g_assert_no_error (error);
  after = lia_database_get_handle (db);
  before = lia_test_sqlite_open (f->original);
  n_log = lia_test_sql_int (before, "SELECT count(*) FROM contact_log");
  n_inquiries = lia_test_sql_int (before, "SELECT count(*) FROM inquiries");
  /* The fixture has every kind, with and without contact, staff and notes. */
  g_assert_cmpint (lia_test_sql_int (before, "SELECT count(DISTINCT kind) FROM contact_log"), ==, 3);
  g_assert_cmpint (lia_test_sql_int (before, "SELECT count(*) FROM contact_log WHERE contact_id IS NULL"), >, 0);
  g_assert_cmpint (lia_test_sql_int (before, "SELECT count(*) FROM contact_log WHERE staff_id IS NULL"), >, 0);
  g_assert_cmpint (lia_test_sql_int (before, "SELECT count(*) FROM contact_log WHERE notes = ''"), >, 0);
  g_assert_cmpint (lia_test_sql_int (before, "SELECT count(*) FROM inquiries WHERE advice = ''"), >, 0);
  g_assert_cmpint (lia_test_sql_int (before, "SELECT count(*) FROM inquiries WHERE contact_id IS NOT NULL"), >, 0);

  assert_same_rows (before, "SELECT account_id, kind, happened_at, staff_id, contact_id, notes FROM contact_log",
                    after, "SELECT account_id, kind, opened_at, staff_id, contact_id, details FROM events"
                           " WHERE kind IN ('call', 'visit', 'email')",
                    "contact log");
  /* Done when they happened, without SLA. */
  g_assert_cmpint (lia_test_sql_int (after, "SELECT count(*) FROM events WHERE kind IN ('call', 'visit', 'email')"
                                            " AND (status IN ('open', 'in-progress', 'waiting')"
                                            "      OR resolved_at IS NOT opened_at OR response_target IS NOT NULL"
                                            "      OR vendor_id IS NOT NULL OR breach_at IS NOT NULL)"), ==, 0);
  assert_inquiries_moved (before, after, 3);
  g_assert_cmpint (lia_test_sql_int (after, "SELECT count(*) FROM events"), ==, n_log + n_inquiries);

  /* The old tables, their indexes and triggers are gone. */
  g_assert_false (has_object (after, "contact_log"));
  g_assert_false (has_object (after, "inquiries"));
  g_assert_false (has_object (after, "contact_log_account"));
  g_assert_false (has_object (after, "contact_log_insert"));
  g_assert_false (has_object (after, "contact_log_delete"));
  g_assert_false (has_object (after, "contact_log_update"));
  g_assert_false (has_object (after, "inquiries_account"));
  g_assert_cmpint (lia_test_sql_int (after, "PRAGMA foreign_key_check"), ==, -1);   /* no rows */
  sqlite3_close (before);
}

/* Last contacts stay what they were, and the new triggers keep them on
 * migrated rows. */
static void
test_v3_last_contact (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = NULL;
  sqlite3 *before, *after;
  const char *sql = "SELECT id, last_contact_at, group_last_contact_at FROM accounts";
  gint64 latest, now = 1720000000;

  before = lia_test_sqlite_open (f->original);
  book = lia_test_book_open (f->migrated, &now, NULL);
  after = lia_test_book_handle (book);
  assert_same_rows (before, sql, after, sql, "last contacts");

  /* Northwind's latest contact (an email on 1712500000) is deleted: the
   * call and visit of 1711000000 are the latest again. */
  g_assert_cmpint (lia_test_sql_int (before, "SELECT last_contact_at FROM accounts WHERE id = 1"), ==, 1712500000);
  latest = lia_test_sql_int (after, "SELECT id FROM events WHERE account_id = 1 AND kind = 'email'"
                                    " AND opened_at = 1712500000");
  g_assert_cmpint (latest, >, 0);
  g_assert_true (lia_event_repository_delete (lia_book_get_events (book), latest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_test_sql_int (after, "SELECT last_contact_at FROM accounts WHERE id = 1"), ==, 1711000000);

  /* And a new one moves the group's date on. */
  lia_test_log_contact (book, 10, LIA_CONTACT_KIND_CALL, 1716000000, 0, "After");
  g_assert_cmpint (lia_test_sql_int (after, "SELECT group_last_contact_at FROM accounts WHERE id = 7"), ==, 1716000000);
  sqlite3_close (before);
}

static guint
timeline_count (LiaBook                 *book,
                const LiaTimelineFilter *filter)
{
  g_autoptr(LiaTimeline) timeline = lia_timeline_new (book);
  g_autoptr(GError) error = NULL;

  lia_timeline_set_filter (timeline, filter);
  while (lia_timeline_load_more (timeline, &error))
    ;
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (timeline));
}

/* The full-text index holds the migrated text, and the model shows it. */
static void
test_v3_model_reads_migrated (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = lia_test_book_open (f->migrated, NULL, NULL);
  g_autoptr(LiaEvent) call = NULL;
  g_autoptr(GListModel) inquiries = NULL;
  LiaEventRepository *events = lia_book_get_events (book);
  sqlite3 *raw = lia_test_book_handle (book);
  sqlite3 *before = lia_test_sqlite_open (f->original);
  gint64 now = 1720000000;
  const struct { const char *words; const char *kind; } found[] = {
    { "xrechnung", "inquiry" },    /* an inquiry's advice */
    { "weekends", "inquiry" },     /* a v1 inquiry's question */
    { "zurich", "visit" },         /* contact notes, diacritics folded */
    { "voicemail", "call" },
    { "renewal terms", "email" },
  };
  gint64 id;

  lia_book_set_clock (book, lia_test_clock, &now);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO event_fts (event_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM event_fts f JOIN events e ON e.id = f.rowid"
                                              " WHERE event_fts MATCH '%s' AND e.kind = '%s'",
                                              found[i].words, found[i].kind);
      LiaTimelineFilter filter = { .search = found[i].words };

      if (lia_test_sql_int (raw, sql) != 1)
        g_error ("the index does not find “%s” once", found[i].words);
      g_assert_cmpuint (timeline_count (book, &filter), ==, 1);
    }

  /* A migrated call, through the model. */
  id = lia_test_sql_int (raw, "SELECT id FROM events WHERE kind = 'call' AND opened_at = 1711000000");
  call = lia_event_repository_lookup (events, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_event_get_kind (call), ==, LIA_EVENT_KIND_CALL);
  g_assert_cmpint (lia_event_get_account_id (call), ==, 1);
  g_assert_cmpstr (lia_event_get_summary (call), ==, "");
  g_assert_cmpstr (lia_event_get_details (call), ==, "Quarterly check-in; asked about the “SLA” report");
  g_assert_cmpstr (lia_event_get_staff_name (call), ==, "Alice Martin");
  g_assert_cmpstr (lia_event_get_contact_name (call), ==, "Greta Hansen");
  g_assert_cmpint (lia_event_get_sla_state (call), ==, LIA_SLA_STATE_NONE);

  /* Northwind's inquiries, two from v1 and one from v3, newest first. */
  inquiries = lia_account_repository_list_inquiries (lia_book_get_accounts (book), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (inquiries), ==,
                    lia_test_sql_int (before, "SELECT count(*) FROM inquiries WHERE account_id = 1"));
  {
    g_autoptr(LiaInquiry) newest = g_list_model_get_item (inquiries, 0);

    g_assert_cmpstr (lia_inquiry_get_question (newest), ==, "Invoice format for the SAP import?");
    g_assert_cmpstr (lia_inquiry_get_advice (newest), ==, "Sent the XRechnung sample.");
    g_assert_cmpint (lia_inquiry_get_asked_at (newest), ==, 1711000000);
  }

  /* The Oakridge group's timeline: what its three accounts logged, asked
   * and noted. */
  {
    LiaTimelineFilter filter = { .account_id = 7, .with_subsidiaries = TRUE };
    gint64 expected =
      lia_test_sql_int (before, "SELECT count(*) FROM contact_log WHERE account_id IN (7, 8, 10)") +
      lia_test_sql_int (before, "SELECT count(*) FROM inquiries WHERE account_id IN (7, 8, 10)") +
      lia_test_sql_int (before, "SELECT count(*) FROM account_notes WHERE account_id IN (7, 8, 10)");

    g_assert_cmpint (expected, >, 0);
    g_assert_cmpuint (timeline_count (book, &filter), ==, expected);
  }
  sqlite3_close (before);
}

/* A step 4 that fails leaves the v3 file whole: contact log and
 * inquiries included. */
static void
test_v3_failed_step_rolls_back (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  sqlite3 *raw = lia_test_sqlite_open (f->migrated);
  gint64 n_log = lia_test_sql_int (raw, "SELECT count(*) FROM contact_log");
  gint64 n_inquiries = lia_test_sql_int (raw, "SELECT count(*) FROM inquiries");

  /* Something already holds a name step 4 wants, after it moved the rows. */
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE event_fts (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = lia_database_open (f->migrated, &error);
  g_assert_null (db);
  g_assert_nonnull (error);

  raw = lia_test_sqlite_open (f->migrated);
  g_assert_cmpint (lia_test_sql_int (raw, "PRAGMA user_version"), ==, 3);
  g_assert_false (has_object (raw, "events"));
  g_assert_false (has_object (raw, "vendors"));
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM pragma_table_info ('service_plans')"
                                          " WHERE name = 'business_hours'"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM contact_log"), ==, n_log);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM inquiries"), ==, n_inquiries);
  g_assert_true (has_object (raw, "contact_log_insert"));
  sqlite3_close (raw);
}

/* --- classified fields, credentials, an erasable trail (schema 6) --- */

static void
test_v5_keeps_every_row (Fixture       *f,
                         gconstpointer  data)
{
  const char *counts = "SELECT state, n FROM account_state_counts";   /* WITHOUT ROWID */
  const char *targets = "SELECT * FROM sla_targets";                   /* WITHOUT ROWID */
  sqlite3 *before, *after;

  assert_keeps_every_row (f, v5_tables, G_N_ELEMENTS (v5_tables));

  before = lia_test_sqlite_open (f->original);
  after = lia_test_sqlite_open (f->migrated);
  assert_same_rows (before, counts, after, counts, "account_state_counts");
  assert_same_rows (before, targets, after, targets, "sla_targets");

  /* The new tables: the default classes, one identity row, nothing else. */
  g_assert_cmpint (lia_test_sql_int (after, "SELECT count(*) FROM field_classes"), ==, 8);
  g_assert_cmpint (lia_test_sql_int (after, "SELECT count(*) FROM field_classes"
                                            " WHERE level = 'confidential'"), ==, 5);
  g_assert_cmpint (lia_test_sql_int (after, "SELECT count(*) FROM field_values"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (after, "SELECT count(*) FROM credentials"), ==, 0);
  g_assert_cmpint (lia_test_sql_int (after, "SELECT count(*) FROM book_meta"), ==, 1);
  g_assert_cmpint (lia_test_sql_int (after, "PRAGMA foreign_key_check"), ==, -1);   /* no row */
  sqlite3_close (after);
  sqlite3_close (before);
}

/* The migrated rows read back through the model, new repositories too. */
static void
test_v5_model_reads_migrated (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = lia_test_book_open (f->migrated, NULL, "Migrator");
  LiaAccountRepository *repo = lia_book_get_accounts (book);
  g_autoptr(LiaAccount) account = lia_account_repository_lookup_by_number (repo, "V5-1", &error);
  g_autoptr(GListModel) values = NULL;
  g_autoptr(LiaPersonalData) greta = NULL;
  g_autoptr(LiaFieldValue) registration = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lia_account_get_name (account), ==, "Fünf & Söhne GmbH");
  g_assert_cmpstr (lia_account_get_address (account), ==, "Line one\nLine two");
  g_assert_cmpint (lia_account_get_contract_value (account), ==, 1250000);

  values = lia_field_repository_list_values (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT,
                                             lia_account_get_id (account), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 5);
  g_assert_true (lia_field_repository_set_value (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT,
                                                 lia_account_get_id (account), "registration_number",
                                                 "HRB 55555", &error));
  g_assert_no_error (error);
  g_clear_object (&values);
  values = lia_field_repository_list_values (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT,
                                             lia_account_get_id (account), &error);
  registration = g_list_model_get_item (values, 0);
  g_assert_cmpstr (lia_field_value_get_text (registration), ==, "HRB 55555");

  /* What schema 5 held about a person is all found. */
  greta = lia_personal_data_collect (book, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_personal_data_get_name (greta), ==, "Greta Hansen");
  {
    GListModel *items = lia_personal_data_get_items (greta);
    guint per_section[LIA_PERSONAL_DATA_SECTION_AUDIT + 1] = { 0 };

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(LiaPersonalDataItem) item = g_list_model_get_item (items, i);
        per_section[lia_personal_data_item_get_section (item)]++;
      }
    g_assert_cmpuint (per_section[LIA_PERSONAL_DATA_SECTION_EMPLOYMENTS], ==, 1);
    g_assert_cmpuint (per_section[LIA_PERSONAL_DATA_SECTION_EVENTS], ==, 2);
    g_assert_cmpuint (per_section[LIA_PERSONAL_DATA_SECTION_MEETINGS], ==, 1);
    g_assert_cmpuint (per_section[LIA_PERSONAL_DATA_SECTION_AUDIT], ==, 1);
  }
}

/* Whether @sql runs on @db; a refusal must name the append-only rule. */
static gboolean
runs (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_test_message ("refused: %s (%s)", sql, message);
      g_assert_nonnull (strstr (message, "append-only"));
    }
  sqlite3_free (message);
  return rc == SQLITE_OK;
}

static GPtrArray *
trail_of (sqlite3 *db)
{
  return rows_of (db, "SELECT id, account_id, entity, entity_id, field, old_value, new_value,"
                      " actor, changed_at FROM audit_log ORDER BY id");
}

static void
assert_same_trail (GPtrArray *before,
                   GPtrArray *after)
{
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after, i), ==, g_ptr_array_index (before, i));
}

/* After the migration the trail is still append-only, but for the one
 * update an erasure needs: both values blanked, nothing else changed. */
static void
test_v6_audit_append_only (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const refused[] = {
    "UPDATE audit_log SET actor = 'Mallory' WHERE id = 2",
    "UPDATE audit_log SET changed_at = changed_at + 1 WHERE id = 2",
    "UPDATE audit_log SET field = 'removed' WHERE id = 2",
    "UPDATE audit_log SET entity = 'account' WHERE id = 2",
    "UPDATE audit_log SET entity_id = 2 WHERE id = 2",
    "UPDATE audit_log SET account_id = NULL WHERE id = 2",
    "UPDATE audit_log SET id = 99 WHERE id = 2",
    "UPDATE audit_log SET new_value = 'forged' WHERE id = 2",
    "UPDATE audit_log SET new_value = NULL WHERE id = 3",                 /* old_value stays */
    "UPDATE audit_log SET old_value = NULL, new_value = NULL, actor = 'Mallory' WHERE id = 2",
    "DELETE FROM audit_log WHERE id = 2",
    "DELETE FROM audit_log",
    "INSERT OR REPLACE INTO audit_log (id, entity, field, actor, changed_at)"
    "  VALUES (2, 'contact', 'added', 'Mallory', 1)",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = lia_database_open (f->migrated, &error);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  sqlite3 *raw;

  g_assert_no_error (error);
  raw = lia_test_sqlite_open (f->migrated);
  before = trail_of (raw);
  g_assert_cmpuint (before->len, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (runs (raw, refused[i]))
      g_error ("the trail accepted: %s", refused[i]);
  after = trail_of (raw);
  assert_same_trail (before, after);

  /* Blanking both values of a line is the one change allowed, and only
   * once the trail records the erasure of what the line is about, and
   * that contact is gone. */
  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 2"));
  g_assert_true (runs (raw, "INSERT INTO audit_log (account_id, entity, entity_id, field, actor, changed_at)"
                            " VALUES (1, 'contact', 2, 'erased', 'Alice Martin', 1700000000)"));
  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 2"));
  /* Anyone can append a line saying so: not proof while the contact is there. */
  g_assert_true (runs (raw, "INSERT INTO audit_log (account_id, entity, entity_id, field, actor, changed_at)"
                            " VALUES (1, 'contact', 1, 'erased', 'Alice Martin', 1700000000)"));
  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 2"));
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM contacts WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 2"));
  /* Even then the rest of the line stays as it was. */
  g_assert_false (runs (raw, "UPDATE audit_log SET actor = 'Mallory' WHERE id = 2"));
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM audit_log WHERE id = 2"
                                          " AND old_value IS NULL AND new_value IS NULL"
                                          " AND entity = 'contact' AND entity_id = 1 AND field = 'added'"
                                          " AND actor = 'Alice Martin' AND changed_at = 1600000100"), ==, 1);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM audit_log"), ==, 5);

  /* An erasure covers the lines before it, not one written after it
   * (a new contact that got the id, a forged line). */
  g_assert_true (runs (raw, "INSERT INTO audit_log (id, account_id, entity, entity_id, field, new_value,"
                            " actor, changed_at)"
                            " VALUES (6, 1, 'contact', 1, 'added', 'Later Person', 'Alice Martin', 1700000100)"));
  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 6"));
  /* Erasure is of contacts only: an 'erased' line about an account
   * proves nothing. */
  g_assert_true (runs (raw, "INSERT INTO audit_log (account_id, entity, entity_id, field, actor, changed_at)"
                            " VALUES (1, 'account', 1, 'erased', 'Mallory', 1700000200)"));
  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 1"));

  /* A field made confidential takes its earlier texts out of the trail:
   * its lines may be blanked, those of a field that is not may not. */
  g_assert_true (runs (raw, "INSERT INTO audit_log (id, account_id, entity, entity_id, field, old_value,"
                            " new_value, actor, changed_at) VALUES"
                            " (20, 1, 'account', 1, 'tax_id', 'DE 1', 'DE 2', 'Alice Martin', 1700000300),"
                            " (21, 1, 'account', 1, 'billing_address', 'A', 'B', 'Alice Martin', 1700000300),"
                            " (22, 1, 'contact', 2, 'tax_id', 'DE 3', 'DE 4', 'Alice Martin', 1700000300)"));
  g_assert_true (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 20"));
  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 21"));
  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 22"));
  g_assert_false (runs (raw, "UPDATE audit_log SET actor = 'Mallory', old_value = NULL, new_value = NULL"
                             " WHERE id = 20"));
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM audit_log WHERE old_value IS NULL"
                                          " AND new_value IS NULL AND id IN (2, 20)"), ==, 2);
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM audit_log"), ==, 10);
  /* Appending still works. */
  g_assert_true (runs (raw, "INSERT INTO audit_log (entity, field, actor, changed_at)"
                            " VALUES ('book', 'data-key-created', 'Alice Martin', 1700000000)"));
  sqlite3_close (raw);
}

/* Schema 5's trail refused even the blanking: the rule changed with the
 * step, so a failed step leaves the stricter one. */
static void
test_v6_failed_step_rolls_back (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDatabase) db = NULL;
  sqlite3 *raw = lia_test_sqlite_open (f->migrated);

  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 2"));
  /* Something already holds a name step 6 wants, late in the step. */
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE field_values (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = lia_database_open (f->migrated, &error);
  g_assert_null (db);
  g_assert_nonnull (error);

  raw = lia_test_sqlite_open (f->migrated);
  g_assert_cmpint (lia_test_sql_int (raw, "PRAGMA user_version"), ==, 5);
  g_assert_false (has_object (raw, "credentials"));
  g_assert_false (has_object (raw, "field_classes"));
  g_assert_false (has_object (raw, "book_meta"));
  g_assert_false (runs (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 2"));
  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM audit_log"), ==, 3);
  sqlite3_close (raw);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/migrations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("v1/keeps-every-row", test_keeps_every_row);
  ADD ("v1/model-reads-old-rows", test_model_reads_old_rows);
  ADD ("v1/search-finds-old-rows", test_search_finds_old_rows);
  ADD ("v1/same-schema-as-new", test_same_schema_as_new);
  ADD ("v1/failed-step-rolls-back", test_failed_step_rolls_back);
  ADD ("step-by-step", test_step_by_step);

#define ADD_V2(name, func) \
  g_test_add ("/migrations/v2/" name, Fixture, &source_v2, fixture_set_up, func, fixture_tear_down)

  ADD_V2 ("keeps-every-row", test_v2_keeps_every_row);
  ADD_V2 ("portfolio-columns", test_v2_portfolio_columns);
  ADD_V2 ("model-reads-old-rows", test_v2_model_reads_old_rows);
  ADD_V2 ("same-schema-as-new", test_same_schema_as_new);
  ADD_V2 ("failed-step-rolls-back", test_v2_failed_step_rolls_back);
  ADD_V2 ("inquiries-moved", test_inquiries_moved);

#undef ADD_V2

  g_test_add ("/migrations/v1/inquiries-moved", Fixture, &source_v1, fixture_set_up,
              test_inquiries_moved, fixture_tear_down);

#define ADD_V3(name, func) \
  g_test_add ("/migrations/v3/" name, Fixture, &source_v3, fixture_set_up, func, fixture_tear_down)

  ADD_V3 ("keeps-every-row", test_v3_keeps_every_row);
  ADD_V3 ("contact-log-moved", test_v3_contact_log_moved);
  ADD_V3 ("last-contact", test_v3_last_contact);
  ADD_V3 ("model-reads-migrated", test_v3_model_reads_migrated);
  ADD_V3 ("same-schema-as-new", test_same_schema_as_new);
  ADD_V3 ("failed-step-rolls-back", test_v3_failed_step_rolls_back);

#undef ADD_V3

#define ADD_V5(name, func) \
  g_test_add ("/migrations/v5/" name, Fixture, &source_v5, fixture_set_up, func, fixture_tear_down)

  ADD_V5 ("keeps-every-row", test_v5_keeps_every_row);
  ADD_V5 ("model-reads-migrated", test_v5_model_reads_migrated);
  ADD_V5 ("same-schema-as-new", test_same_schema_as_new);
  ADD_V5 ("audit-append-only", test_v6_audit_append_only);
  ADD_V5 ("failed-step-rolls-back", test_v6_failed_step_rolls_back);

#undef ADD_V5

#undef ADD

  return g_test_run ();
}
