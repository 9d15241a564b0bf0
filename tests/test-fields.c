/* test-fields.c — classified fields: plain or sealed by their level,
 * masked until revealed, audited, tamper-evident, and locked without
 * the book's key
 *
 * Tests that seal need the book's data key, so a keyring: .ci/test-session
 * starts one (and sets LIAISON_TEST_KEYRING=required, so there they fail
 * without it); elsewhere they skip. Each book has its own key, removed
 * from the keyring when the test ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-cipher.h"
#include "lia-field-repository.h"
#include "lia-vault.h"

#include "test-book.h"
#include "test-classified.h"

typedef struct
{
  char    *dir;
  char    *path;
  gint64   now;
  LiaBook *book;
  gint64   account;      /* two accounts, a contact of the first */
  gint64   other;
  gint64   contact;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("F-1", "Fieldwork Ltd", "small-business");
  g_autoptr(LiaAccount) other = lia_test_account_new ("F-2", "Other Fields plc", "small-business");
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;

  f->now = 1767225600;   /* 2026-01-01 */
  f->book = lia_test_book_new (&f->dir, &f->path, &f->now, "Tester");
  f->account = lia_test_account_create (f->book, account);
  f->other = lia_test_account_create (f->book, other);

  lia_contact_set_account_id (contact, f->account);
  lia_contact_set_name (contact, "Petra Field");
  g_assert_true (lia_account_repository_add_contact (lia_book_get_accounts (f->book), contact, &error));
  g_assert_no_error (error);
  f->contact = lia_contact_get_id (contact);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_forget_book_key (f->book);
  lia_test_book_close (&f->book, &f->dir, &f->path);
}

static LiaFieldRepository *
fields (Fixture *f)
{
  return lia_book_get_fields (f->book);
}

static void
set_value (Fixture        *f,
           LiaFieldEntity  entity,
           gint64          row_id,
           const char     *field,
           const char     *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_field_repository_set_value (fields (f), entity, row_id, field, text, &error));
  g_assert_no_error (error);
}

static char *
reveal (Fixture        *f,
        LiaFieldEntity  entity,
        gint64          row_id,
        const char     *field)
{
  g_autoptr(GError) error = NULL;
  char *text = lia_field_repository_reveal (fields (f), entity, row_id, field, &error);

  g_assert_no_error (error);
  return text;
}

static gint64 audit_count (Fixture    *f,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

/* How many trail lines match the SQL condition made from @format. */
static gint64
audit_count (Fixture    *f,
             const char *format,
             ...)
{
  g_autofree char *where = NULL;
  va_list args;

  va_start (args, format);
  where = g_strdup_vprintf (format, args);
  va_end (args);
  return lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log WHERE %s", where);
}

/* The trail lines that hold @text anywhere. */
static gint64
audit_holding (Fixture    *f,
               const char *text)
{
  char *quoted = sqlite3_mprintf ("%q", text);
  gint64 n = audit_count (f, "instr (coalesce (old_value, '') || '|' || coalesce (new_value, ''), '%s') > 0",
                          quoted);

  sqlite3_free (quoted);
  return n;
}

/* The stored sealed bytes of one value (NULL when there are none). */
static GBytes *
stored_sealed (Fixture    *f,
               const char *entity,
               gint64      row_id,
               const char *field)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (lia_test_book_handle (f->book),
                                       "SELECT sealed FROM field_values"
                                       " WHERE entity = ? AND row_id = ? AND field = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  return bytes;
}

/* Writes @sealed as the stored value, behind the model's back. */
static void
put_sealed (Fixture    *f,
            const char *entity,
            gint64      row_id,
            const char *field,
            GBytes     *sealed)
{
  sqlite3_stmt *stmt = NULL;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (sealed, &size);

  g_assert_cmpint (sqlite3_prepare_v2 (lia_test_book_handle (f->book),
                                       "INSERT OR REPLACE INTO field_values"
                                       " (entity, row_id, field, plain, sealed, updated_at)"
                                       " VALUES (?, ?, ?, NULL, ?, 1)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row_id);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 4, data, (int)size, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Writes @text as an account's stored plain value, behind the model's
 * back (no trail line). */
static void
put_plain (Fixture    *f,
           gint64      row_id,
           const char *field,
           const char *text)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (lia_test_book_handle (f->book),
                                       "INSERT OR REPLACE INTO field_values"
                                       " (entity, row_id, field, plain, sealed, updated_at)"
                                       " VALUES ('account', ?, ?, ?, NULL, 1)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, row_id);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
assert_tampered (Fixture        *f,
                 LiaFieldEntity  entity,
                 gint64          row_id,
                 const char     *field,
                 const char     *secret)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) export_error = NULL;
  g_autofree char *text = lia_field_repository_reveal (fields (f), entity, row_id, field, &error);
  g_autofree char *exported = lia_field_repository_get_for_export (fields (f), entity, row_id, field,
                                                                   TRUE, &export_error);

  g_assert_null (text);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_TAMPERED);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_null (strstr (error->message, secret));
  g_assert_null (exported);
  g_assert_error (export_error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_TAMPERED);
}

/* --- classes ---------------------------------------------------------- */

static void
assert_classes (Fixture             *f,
                LiaFieldEntity       entity,
                const char * const  *names,
                const LiaFieldLevel *levels,
                guint                n)
{
  g_autoptr(GListModel) classes = lia_field_repository_list_classes (fields (f), entity);

  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaFieldClass) class = g_list_model_get_item (classes, i);

      g_assert_cmpstr (lia_field_class_get_field (class), ==, names[i]);
      g_assert_cmpint (lia_field_class_get_level (class), ==, levels[i]);
      g_assert_cmpint (lia_field_class_get_entity (class), ==, entity);
      g_assert_cmpint (lia_field_repository_get_level (fields (f), entity, names[i]), ==, levels[i]);
    }
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  static const char * const account_fields[] = {
    "registration_number", "billing_address", "tax_id", "bank_details", "private_notes",
  };
  static const LiaFieldLevel account_levels[] = {
    LIA_FIELD_LEVEL_PUBLIC, LIA_FIELD_LEVEL_INTERNAL, LIA_FIELD_LEVEL_CONFIDENTIAL,
    LIA_FIELD_LEVEL_CONFIDENTIAL, LIA_FIELD_LEVEL_CONFIDENTIAL,
  };
  static const char * const contact_fields[] = { "personal_email", "personal_phone", "private_notes" };
  static const LiaFieldLevel contact_levels[] = {
    LIA_FIELD_LEVEL_INTERNAL, LIA_FIELD_LEVEL_CONFIDENTIAL, LIA_FIELD_LEVEL_CONFIDENTIAL,
  };
  g_autoptr(GListModel) values = NULL;
  g_autoptr(GError) error = NULL;

  assert_classes (f, LIA_FIELD_ENTITY_ACCOUNT, account_fields, account_levels, G_N_ELEMENTS (account_fields));
  assert_classes (f, LIA_FIELD_ENTITY_CONTACT, contact_fields, contact_levels, G_N_ELEMENTS (contact_fields));

  g_assert_cmpstr (lia_field_label (LIA_FIELD_ENTITY_ACCOUNT, "tax_id"), ==, "Tax ID");
  g_assert_cmpstr (lia_field_label (LIA_FIELD_ENTITY_CONTACT, "personal_phone"), ==, "Personal phone");
  g_assert_cmpstr (lia_field_label (LIA_FIELD_ENTITY_ACCOUNT, "shoe_size"), ==, "shoe_size");
  /* What the book does not know is treated as the strictest. */
  g_assert_cmpint (lia_field_repository_get_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "shoe_size"),
                   ==, LIA_FIELD_LEVEL_CONFIDENTIAL);

  /* Every class shows for a row, none set yet. */
  values = lia_field_repository_list_values (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, G_N_ELEMENTS (account_fields));
  for (guint i = 0; i < G_N_ELEMENTS (account_fields); i++)
    {
      g_autoptr(LiaFieldValue) value = g_list_model_get_item (values, i);

      g_assert_cmpstr (lia_field_value_get_field (value), ==, account_fields[i]);
      g_assert_false (lia_field_value_has_value (value));
      g_assert_null (lia_field_value_get_text (value));
    }
}

/* --- public and internal ---------------------------------------------- */

static void
on_value_changed_cb (LiaFieldRepository *repository,
                     LiaFieldEntity      entity,
                     gint64              row_id,
                     gpointer            user_data)
{
  GString *heard = user_data;

  g_string_append_printf (heard, "%d/%" G_GINT64_FORMAT " ", entity, row_id);
}

static void
test_plain_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) heard = g_string_new (NULL);
  g_autoptr(GListModel) values = NULL;
  g_autoptr(LiaFieldValue) registration = NULL;
  g_autoptr(LiaFieldValue) billing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  gint64 lines;

  g_signal_connect (fields (f), "value-changed", G_CALLBACK (on_value_changed_cb), heard);

  /* No keyring was asked: public and internal fields need no key. */
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number", "  HRB 4711 ");
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "billing_address", "PO Box 12\n20095 Hamburg");
  set_value (f, LIA_FIELD_ENTITY_CONTACT, f->contact, "personal_email", "petra@home.example");
  g_assert_cmpint (lia_vault_get_state (lia_book_get_vault (f->book)), ==, LIA_VAULT_STATE_CLOSED);
  {
    g_autofree char *expected = g_strdup_printf ("0/%" G_GINT64_FORMAT " 0/%" G_GINT64_FORMAT
                                                 " 1/%" G_GINT64_FORMAT " ", f->account, f->account, f->contact);
    g_assert_cmpstr (heard->str, ==, expected);
  }

  values = lia_field_repository_list_values (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account, &error);
  g_assert_no_error (error);
  registration = g_list_model_get_item (values, 0);
  billing = g_list_model_get_item (values, 1);
  g_assert_true (lia_field_value_has_value (registration));
  g_assert_cmpstr (lia_field_value_get_text (registration), ==, "HRB 4711");   /* trimmed */
  g_assert_cmpstr (lia_field_value_get_text (billing), ==, "PO Box 12\n20095 Hamburg");
  g_assert_cmpstr (lia_field_value_get_label (billing), ==, "Billing address");

  /* Stored in clear, not sealed, and the other account has none. */
  stored = lia_test_sql_text (lia_test_book_handle (f->book),
                              "SELECT plain FROM field_values WHERE field = 'registration_number'");
  g_assert_cmpstr (stored, ==, "HRB 4711");
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM field_values WHERE sealed IS NOT NULL"), ==, 0);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM field_values WHERE row_id = %"
                                          G_GINT64_FORMAT " AND entity = 'account'", f->other), ==, 0);

  /* The trail has the texts; a reveal of a plain field is not news. */
  g_assert_cmpint (audit_count (f, "entity = 'account' AND field = 'registration_number'"
                                   " AND old_value IS NULL AND new_value = 'HRB 4711'"), ==, 1);
  g_assert_cmpint (audit_count (f, "entity = 'contact' AND field = 'personal_email'"
                                   " AND new_value = 'petra@home.example'"), ==, 1);
  text = reveal (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number");
  g_assert_cmpstr (text, ==, "HRB 4711");
  g_assert_cmpint (audit_count (f, "field = 'revealed'"), ==, 0);

  /* The same text again writes nothing; a change and a clear are traced. */
  lines = audit_count (f, "1");
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number", "HRB 4711");
  g_assert_cmpint (audit_count (f, "1"), ==, lines);
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number", "HRB 4712");
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number", "   ");
  g_assert_cmpint (audit_count (f, "field = 'registration_number' AND old_value = 'HRB 4711'"
                                   " AND new_value = 'HRB 4712'"), ==, 1);
  g_assert_cmpint (audit_count (f, "field = 'registration_number' AND old_value = 'HRB 4712'"
                                   " AND new_value IS NULL"), ==, 1);
  g_assert_null (reveal (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number"));
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM field_values"
                                          " WHERE field = 'registration_number'"), ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *longest = g_strnfill (200, 'x');
  g_autofree char *too_long = g_strnfill (201, 'x');
  g_autofree char *long_notes = g_strnfill (2000, 'n');
  g_autofree char *too_long_notes = g_strnfill (2001, 'n');
  const char *tables[] = { "field_values", "audit_log", NULL };
  LiaTestSnapshot before;

  /* Private notes become internal (no value yet: no key needed), so the
   * length limit can be tried without a keyring. */
  g_assert_true (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "private_notes",
                                                 LIA_FIELD_LEVEL_INTERNAL, NULL));
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number", longest);
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "private_notes", long_notes);

  before = lia_test_snapshot (f->book, tables);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_field_repository_set_value (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account,
                                                    "registration_number", too_long, &error));
    g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "Registration number"));
    g_assert_nonnull (strstr (error->message, "200"));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_field_repository_set_value (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account,
                                                    "private_notes", too_long_notes, &error));
    g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "2000"));
  }
  {
    g_autoptr(GError) error = NULL;

    /* A length is checked before the key: the message is the useful one. */
    g_assert_false (lia_field_repository_set_value (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account,
                                                    "tax_id", too_long, &error));
    g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_field_repository_set_value (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account,
                                                    "shoe_size", "42", &error));
    g_assert_nonnull (error);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_field_repository_set_value (fields (f), LIA_FIELD_ENTITY_ACCOUNT, 4040,
                                                    "registration_number", "HRB 1", &error));
    g_assert_nonnull (error);
    g_assert_null (lia_field_repository_list_values (fields (f), LIA_FIELD_ENTITY_CONTACT, 4040, NULL));
  }
  lia_test_assert_unchanged (f->book, &before);
}

/* --- without the key -------------------------------------------------- */

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  const char *tables[] = { "field_values", "audit_log", "field_classes", NULL };
  g_autofree char *wal = g_strdup_printf ("%s-wal", f->path);
  g_autofree char *db_before = NULL, *wal_before = NULL, *db_after = NULL, *wal_after = NULL;
  g_autoptr(GBytes) fake = g_bytes_new_static ("\001not really sealed, but stored as if", 36);
  LiaTestSnapshot before;

  /* A value stored sealed, as a book with a key would have it. */
  put_sealed (f, "account", f->account, "bank_details", fake);
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->other, "billing_address", "Somewhere 1");
  lia_database_checkpoint (lia_book_get_database (f->book), NULL);

  before = lia_test_snapshot (f->book, tables);
  db_before = lia_test_checksum (f->path);
  wal_before = lia_test_checksum (wal);

  /* The vault was never opened: writing, revealing, exporting or
   * reclassifying what needs the key fails, saying it is locked. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_field_repository_set_value (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account,
                                                    "tax_id", "DE999999999", &error));
    g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
    g_assert_cmpuint (strlen (error->message), >, 0);
    g_assert_null (strstr (error->message, "DE999999999"));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = lia_field_repository_reveal (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account,
                                                         "bank_details", &error);

    g_assert_null (text);
    g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = lia_field_repository_get_for_export (fields (f), LIA_FIELD_ENTITY_ACCOUNT,
                                                                 f->account, "bank_details", TRUE, &error);

    g_assert_null (text);
    g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address",
                                                    LIA_FIELD_LEVEL_CONFIDENTIAL, &error));
    g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
    g_assert_cmpint (lia_field_repository_get_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address"),
                     ==, LIA_FIELD_LEVEL_INTERNAL);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "bank_details",
                                                    LIA_FIELD_LEVEL_PUBLIC, &error));
    g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED);
  }

  /* Nothing was written: not a row, not a byte. */
  lia_test_assert_unchanged (f->book, &before);
  db_after = lia_test_checksum (f->path);
  wal_after = lia_test_checksum (wal);
  g_assert_cmpstr (db_after, ==, db_before);
  g_assert_cmpstr (wal_after, ==, wal_before);

  /* The masked list still says a value is there; public fields work. */
  {
    g_autoptr(GListModel) values = lia_field_repository_list_values (fields (f), LIA_FIELD_ENTITY_ACCOUNT,
                                                                     f->account, NULL);
    g_autoptr(LiaFieldValue) bank = g_list_model_get_item (values, 3);

    g_assert_cmpstr (lia_field_value_get_field (bank), ==, "bank_details");
    g_assert_true (lia_field_value_has_value (bank));
    g_assert_null (lia_field_value_get_text (bank));
  }
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number", "HRB 1");
  {
    g_autofree char *text = reveal (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number");
    g_assert_cmpstr (text, ==, "HRB 1");
  }
}

/* --- confidential, with the key --------------------------------------- */

static void
test_confidential_sealed (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("taxid");
  g_autofree char *phone = lia_test_distinctive_secret ("phone");
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(LiaFieldValue) tax = NULL;
  g_autofree char *property_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  gsize size = 0;
  const char *bytes;

  if (!lia_test_open_vault (f->book))
    return;

  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", secret);
  set_value (f, LIA_FIELD_ENTITY_CONTACT, f->contact, "personal_phone", phone);

  /* Only the ciphertext is stored: no plain column, no text inside. */
  plain = lia_test_sql_text (lia_test_book_handle (f->book),
                             "SELECT plain FROM field_values WHERE field = 'tax_id'");
  g_assert_null (plain);
  sealed = stored_sealed (f, "account", f->account, "tax_id");
  g_assert_nonnull (sealed);
  bytes = g_bytes_get_data (sealed, &size);
  g_assert_cmpuint (size, ==, strlen (secret) + LIA_CIPHER_OVERHEAD);
  g_assert_null (g_strstr_len (bytes, size, secret));
  g_assert_null (memmem (bytes, size, secret, strlen (secret)));
  g_assert_false (lia_test_file_holds (f->path, secret));
  g_assert_false (lia_test_file_holds (f->path, phone));

  /* Masked in the list, also as a property. */
  values = lia_field_repository_list_values (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account, NULL);
  tax = g_list_model_get_item (values, 2);
  g_assert_cmpstr (lia_field_value_get_field (tax), ==, "tax_id");
  g_assert_true (lia_field_value_has_value (tax));
  g_assert_null (lia_field_value_get_text (tax));
  g_object_get (tax, "text", &property_text, NULL);
  g_assert_null (property_text);

  /* The trail says it was set, not what to; a reveal is traced. */
  g_assert_cmpint (audit_count (f, "entity = 'account' AND field = 'tax_id'"
                                   " AND old_value IS NULL AND new_value = '(set)'"), ==, 1);
  g_assert_cmpint (audit_count (f, "entity = 'contact' AND field = 'personal_phone'"
                                   " AND old_value IS NULL AND new_value = '(set)'"), ==, 1);
  g_assert_cmpint (audit_count (f, "field = 'revealed'"), ==, 0);
  text = reveal (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id");
  g_assert_cmpstr (text, ==, secret);
  g_assert_cmpint (audit_count (f, "field = 'revealed' AND entity = 'account'"
                                   " AND entity_id = %" G_GINT64_FORMAT " AND account_id = %" G_GINT64_FORMAT
                                   " AND new_value = 'tax_id' AND actor = 'Tester'",
                                   f->account, f->account), ==, 1);
  g_clear_pointer (&text, g_free);
  text = reveal (f, LIA_FIELD_ENTITY_CONTACT, f->contact, "personal_phone");
  g_assert_cmpstr (text, ==, phone);
  g_assert_cmpint (audit_count (f, "field = 'revealed' AND entity = 'contact'"
                                   " AND entity_id = %" G_GINT64_FORMAT " AND account_id = %" G_GINT64_FORMAT
                                   " AND new_value = 'personal_phone'", f->contact, f->account), ==, 1);

  /* An export leaves it out unless asked, and then needs no reveal line. */
  g_clear_pointer (&text, g_free);
  text = lia_field_repository_get_for_export (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id",
                                              FALSE, NULL);
  g_assert_null (text);
  text = lia_field_repository_get_for_export (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id",
                                              TRUE, NULL);
  g_assert_cmpstr (text, ==, secret);
  g_assert_cmpint (audit_count (f, "field = 'revealed'"), ==, 2);

  /* Cleared: traced as such, still without the text. */
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", NULL);
  g_assert_cmpint (audit_count (f, "field = 'tax_id' AND old_value IS NULL AND new_value = '(cleared)'"), ==, 1);
  g_assert_cmpint (audit_holding (f, secret), ==, 0);
  g_assert_cmpint (audit_holding (f, phone), ==, 0);
}

static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("iban");
  g_autoptr(GBytes) sealed = NULL;
  gsize size = 0;

  if (!lia_test_open_vault (f->book))
    return;

  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "bank_details", secret);
  sealed = stored_sealed (f, "account", f->account, "bank_details");
  g_bytes_get_data (sealed, &size);

  /* One byte changed anywhere: the version, the nonce, the text, the tag. */
  for (gsize at = 0; at < size; at += 7)
    {
      g_autofree guint8 *flipped = g_memdup2 (g_bytes_get_data (sealed, NULL), size);
      g_autoptr(GBytes) altered = NULL;

      flipped[at] ^= 0x01;
      altered = g_bytes_new (flipped, size);
      put_sealed (f, "account", f->account, "bank_details", altered);
      assert_tampered (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "bank_details", secret);
    }

  /* Put back, it opens again: the failures were the changes. */
  put_sealed (f, "account", f->account, "bank_details", sealed);
  {
    g_autofree char *text = reveal (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "bank_details");
    g_assert_cmpstr (text, ==, secret);
  }
  /* Only that one reveal is in the trail, none of the failed ones. */
  g_assert_cmpint (audit_count (f, "field = 'revealed'"), ==, 1);
}

static void
test_moved (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("moved");
  g_autoptr(GBytes) sealed = NULL;

  if (!lia_test_open_vault (f->book))
    return;

  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", secret);
  sealed = stored_sealed (f, "account", f->account, "tax_id");

  /* The same ciphertext under another account, another field of the
   * same account, and the same field of a contact with the same id. */
  put_sealed (f, "account", f->other, "tax_id", sealed);
  assert_tampered (f, LIA_FIELD_ENTITY_ACCOUNT, f->other, "tax_id", secret);
  put_sealed (f, "account", f->account, "bank_details", sealed);
  assert_tampered (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "bank_details", secret);
  /* Both have private notes: only the entity tells them apart. */
  g_assert_cmpint (f->contact, ==, f->account);
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "private_notes", secret);
  g_clear_pointer (&sealed, g_bytes_unref);
  sealed = stored_sealed (f, "account", f->account, "private_notes");
  put_sealed (f, "contact", f->contact, "private_notes", sealed);
  assert_tampered (f, LIA_FIELD_ENTITY_CONTACT, f->contact, "private_notes", secret);

  /* Where it belongs it still opens. */
  {
    g_autofree char *text = reveal (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id");
    g_assert_cmpstr (text, ==, secret);
  }
}

static void
on_classes_changed_cb (LiaFieldRepository *repository,
                       gpointer            user_data)
{
  (*(guint *)user_data)++;
}

/* Whether @field of account @row is stored as @expected: "plain:TEXT",
 * "sealed" or "none". */
static void
assert_stored_as (Fixture    *f,
                  gint64      row,
                  const char *field,
                  const char *expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT plain FROM field_values WHERE entity = 'account'"
                                          " AND row_id = %" G_GINT64_FORMAT " AND field = '%s'", row, field);
  g_autofree char *plain = lia_test_sql_text (lia_test_book_handle (f->book), sql);
  g_autoptr(GBytes) sealed = stored_sealed (f, "account", row, field);
  g_autofree char *form = plain ? g_strdup_printf ("plain:%s", plain) : g_strdup (sealed ? "sealed" : "none");

  g_assert_false (plain != NULL && sealed != NULL);
  g_assert_cmpstr (form, ==, expected);
}

static void
test_set_level (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *first = lia_test_distinctive_secret ("billing-one");
  g_autofree char *second = lia_test_distinctive_secret ("billing-two");
  g_autofree char *wal = g_strdup_printf ("%s-wal", f->path);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  if (!lia_test_open_vault (f->book))
    return;

  g_signal_connect (fields (f), "classes-changed", G_CALLBACK (on_classes_changed_cb), &changed);
  /* Stored as the internal values they were, but without their trail
   * lines, which keep the texts (the trail allows blanking only for an
   * erasure): then field_values is the one place the file holds them. */
  put_plain (f, f->account, "billing_address", first);
  put_plain (f, f->other, "billing_address", second);
  g_assert_true (lia_test_file_holds (f->path, first) || lia_test_file_holds (wal, first));

  /* internal → confidential: both sealed, no clear copy anywhere. */
  g_assert_true (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address",
                                                 LIA_FIELD_LEVEL_CONFIDENTIAL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (lia_field_repository_get_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address"),
                   ==, LIA_FIELD_LEVEL_CONFIDENTIAL);
  assert_stored_as (f, f->account, "billing_address", "sealed");
  assert_stored_as (f, f->other, "billing_address", "sealed");
  g_assert_false (lia_test_file_holds (f->path, first));
  g_assert_false (lia_test_file_holds (f->path, second));
  g_assert_false (lia_test_file_holds (wal, first));
  g_assert_false (lia_test_file_holds (wal, second));
  g_assert_cmpint (audit_count (f, "entity = 'field-class' AND field = 'account.billing_address'"
                                   " AND old_value = 'internal' AND new_value = 'confidential'"
                                   " AND account_id IS NULL AND entity_id IS NULL"), ==, 1);
  {
    g_autoptr(GListModel) values = lia_field_repository_list_values (fields (f), LIA_FIELD_ENTITY_ACCOUNT,
                                                                     f->account, NULL);
    g_autoptr(LiaFieldValue) billing = g_list_model_get_item (values, 1);

    g_assert_null (lia_field_value_get_text (billing));
    g_assert_true (lia_field_value_has_value (billing));
  }
  {
    g_autofree char *text = reveal (f, LIA_FIELD_ENTITY_ACCOUNT, f->other, "billing_address");
    g_assert_cmpstr (text, ==, second);
  }

  /* The same level again changes nothing. */
  g_assert_true (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address",
                                                 LIA_FIELD_LEVEL_CONFIDENTIAL, NULL));
  g_assert_cmpuint (changed, ==, 1);

  /* And back: the values come out as they went in. */
  g_assert_true (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address",
                                                 LIA_FIELD_LEVEL_INTERNAL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  {
    g_autofree char *plain_first = g_strdup_printf ("plain:%s", first);
    g_autofree char *plain_second = g_strdup_printf ("plain:%s", second);

    assert_stored_as (f, f->account, "billing_address", plain_first);
    assert_stored_as (f, f->other, "billing_address", plain_second);
  }
  g_assert_cmpint (audit_count (f, "entity = 'field-class' AND field = 'account.billing_address'"
                                   " AND old_value = 'confidential' AND new_value = 'internal'"), ==, 1);
}

/* A reclassification that meets a tampered value changes nothing. */
static void
test_set_level_tampered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "field_values", "audit_log", NULL };
  LiaTestSnapshot before;

  if (!lia_test_open_vault (f->book))
    return;

  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", "DE123456789");
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->other, "tax_id", "DE987654321");
  sealed = stored_sealed (f, "account", f->account, "tax_id");
  put_sealed (f, "account", f->other, "tax_id", sealed);

  before = lia_test_snapshot (f->book, tables);
  g_assert_false (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "tax_id",
                                                  LIA_FIELD_LEVEL_INTERNAL, &error));
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_TAMPERED);
  lia_test_assert_unchanged (f->book, &before);
  assert_stored_as (f, f->account, "tax_id", "sealed");
  g_assert_cmpint (lia_field_repository_get_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "tax_id"),
                   ==, LIA_FIELD_LEVEL_CONFIDENTIAL);
}

/* Runs @sql behind the model's back; TRUE when SQLite took it. */
static gboolean
raw_runs (Fixture    *f,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (lia_test_book_handle (f->book), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_test_message ("refused: %s (%s)", sql, message);
  sqlite3_free (message);
  return rc == SQLITE_OK;
}

/* Text in clear where a confidential value belongs is not the value: the
 * schema refuses to store it, and a book whose triggers were removed to
 * put it there gets TAMPERED from every way of reading it. */
static void
test_plain_in_confidential (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("iban");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(LiaFieldValue) tax_id = NULL;
  const char *tables[] = { "field_values", "field_classes", "audit_log", NULL };
  LiaTestSnapshot before;
  g_autofree char *forge = NULL;

  if (!lia_test_open_vault (f->book))
    return;

  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", secret);
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "billing_address", "PO Box 1");
  forge = g_strdup_printf ("UPDATE field_values SET plain = 'IBAN XX99 ATTACKER', sealed = NULL"
                           " WHERE entity = 'account' AND row_id = %" G_GINT64_FORMAT
                           " AND field = 'tax_id'", f->account);

  /* The schema itself refuses: an update, an insert, and a class made
   * confidential while a value of it is in clear. */
  g_assert_false (raw_runs (f, forge));
  g_assert_false (raw_runs (f, "INSERT INTO field_values (entity, row_id, field, plain, updated_at)"
                               " VALUES ('contact', 1, 'private_notes', 'forged', 1)"));
  g_assert_false (raw_runs (f, "UPDATE field_classes SET level = 'confidential'"
                               " WHERE entity = 'account' AND field = 'billing_address'"));
  assert_stored_as (f, f->account, "tax_id", "sealed");
  g_assert_cmpint (lia_field_repository_get_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address"),
                   ==, LIA_FIELD_LEVEL_INTERNAL);

  /* Someone who can write the file can drop triggers too. */
  g_assert_true (raw_runs (f, "DROP TRIGGER field_values_sealed_insert;"
                              "DROP TRIGGER field_values_sealed_update;"));
  g_assert_true (raw_runs (f, forge));
  assert_tampered (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", "ATTACKER");

  /* Listed as set but masked, never as the planted text. */
  values = lia_field_repository_list_values (fields (f), LIA_FIELD_ENTITY_ACCOUNT, f->account, &error);
  g_assert_no_error (error);
  tax_id = g_list_model_get_item (values, 2);
  g_assert_cmpstr (lia_field_value_get_field (tax_id), ==, "tax_id");
  g_assert_null (lia_field_value_get_text (tax_id));

  /* A reclassification does not launder it into a genuine value. */
  before = lia_test_snapshot (f->book, tables);
  g_assert_false (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "tax_id",
                                                  LIA_FIELD_LEVEL_INTERNAL, &error));
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_TAMPERED);
  g_assert_null (strstr (error->message, "ATTACKER"));
  lia_test_assert_unchanged (f->book, &before);

  /* Writing a new value over it is how it is repaired. */
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", secret);
  {
    g_autofree char *text = reveal (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id");
    g_assert_cmpstr (text, ==, secret);
  }
}

/* Making a field confidential takes its earlier texts out of the trail
 * too (they were written while it was public or internal), and out of
 * the file: the lines stay, saying what happened, not what it was. */
static void
test_set_level_blanks_trail (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *first = lia_test_distinctive_secret ("billing-one");
  g_autofree char *second = lia_test_distinctive_secret ("billing-two");
  g_autofree char *kept = lia_test_distinctive_secret ("registration");
  g_autoptr(GError) error = NULL;
  gint64 lines;

  if (!lia_test_open_vault (f->book))
    return;

  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "billing_address", first);
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "billing_address", second);
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->other, "registration_number", kept);
  /* Another entity's field keeps its line. */
  set_value (f, LIA_FIELD_ENTITY_CONTACT, f->contact, "personal_email", "petra@home.example");
  g_assert_cmpint (audit_holding (f, first), ==, 2);
  g_assert_cmpint (audit_holding (f, second), ==, 1);
  lines = audit_count (f, "1");

  g_assert_true (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address",
                                                 LIA_FIELD_LEVEL_CONFIDENTIAL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (audit_holding (f, first), ==, 0);
  g_assert_cmpint (audit_holding (f, second), ==, 0);
  g_assert_cmpint (audit_count (f, "entity = 'account' AND field = 'billing_address'"
                                   " AND old_value IS NULL AND new_value IS NULL"), ==, 2);
  /* Lines kept, one more for the change of level; the rest untouched. */
  g_assert_cmpint (audit_count (f, "1"), ==, lines + 1);
  g_assert_cmpint (audit_holding (f, kept), ==, 1);
  g_assert_cmpint (audit_holding (f, "petra@home.example"), ==, 1);
  g_assert_false (lia_test_book_files_hold (f->path, first));
  g_assert_false (lia_test_book_files_hold (f->path, second));

  /* Back to internal and confidential again: nothing left to blank,
   * and the markers of confidential edits stay. */
  g_assert_true (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "billing_address",
                                                 LIA_FIELD_LEVEL_INTERNAL, &error));
  g_assert_no_error (error);
  g_assert_true (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "tax_id",
                                                 LIA_FIELD_LEVEL_INTERNAL, &error));
  set_value (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", "DE 1");
  g_assert_true (lia_field_repository_set_level (fields (f), LIA_FIELD_ENTITY_ACCOUNT, "tax_id",
                                                 LIA_FIELD_LEVEL_CONFIDENTIAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_holding (f, "DE 1"), ==, 0);
}

static void
test_audit_export (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_field_repository_audit_export (fields (f), "account list", 12, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, "entity = 'book' AND field = 'exported-confidential'"
                                   " AND new_value = 'account list (12 rows)' AND old_value IS NULL"
                                   " AND account_id IS NULL AND entity_id IS NULL"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/fields/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("defaults", test_defaults);
  ADD ("plain-round-trip", test_plain_round_trip);
  ADD ("refused", test_refused);
  ADD ("locked", test_locked);
  ADD ("audit-export", test_audit_export);
  ADD ("confidential-sealed", test_confidential_sealed);
  ADD ("tampered", test_tampered);
  ADD ("moved", test_moved);
  ADD ("set-level", test_set_level);
  ADD ("set-level-tampered", test_set_level_tampered);
  ADD ("plain-in-confidential", test_plain_in_confidential);
  ADD ("set-level-blanks-trail", test_set_level_blanks_trail);

#undef ADD

  return g_test_run ();
}
