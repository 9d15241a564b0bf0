/* test-personal-data.c — everything the book holds about one person, and
 * its erasure: nothing of it left, not even in free pages or the -wal,
 * and nothing else touched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-attendee.h"
#include "lia-event.h"
#include "lia-field-repository.h"
#include "lia-meeting-repository.h"
#include "lia-personal-data.h"

#include "test-book.h"
#include "test-classified.h"

/* Words found nowhere else in the book, so finding one means a copy. */
#define NAME          "Zacharias Quillfeather"
#define EMAIL         "zq.works@quill-example.org"
#define PRIVATE_EMAIL "zacq.home@private-example.net"
#define PHONE         "+49 40 5556 0172"

typedef struct
{
  char    *dir;
  char    *path;
  gint64   now;
  LiaBook *book;
  gint64   account;     /* the person's first employer */
  gint64   employer;    /* where the person works now */
  gint64   person;      /* the contact to erase */
  gint64   colleague;   /* another contact of the first employer */
  gint64   meeting;
  gint64   event;       /* an incident the person reported */
} Fixture;

static LiaContact *
add_contact (Fixture    *f,
             gint64      account,
             const char *name,
             const char *email,
             const char *phone)
{
  LiaContact *contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;

  lia_contact_set_account_id (contact, account);
  lia_contact_set_name (contact, name);
  lia_contact_set_role (contact, "Head of Facilities");
  lia_contact_set_email (contact, email);
  lia_contact_set_phone (contact, phone);
  g_assert_true (lia_account_repository_add_contact (lia_book_get_accounts (f->book), contact, &error));
  g_assert_no_error (error);
  return contact;
}

static void
add_meeting (Fixture *f)
{
  g_autoptr(LiaMeeting) meeting = lia_meeting_new (f->account, "Quarterly review",
                                                   f->now - 86400, f->now - 86400 + 3600);
  g_autoptr(GListStore) attendees = g_list_store_new (LIA_TYPE_ATTENDEE);
  g_autoptr(LiaAttendee) person = lia_attendee_new_contact (f->person);
  g_autoptr(LiaAttendee) colleague = lia_attendee_new_contact (f->colleague);
  /* The same person once more, as an imported invitation had them. */
  g_autoptr(LiaAttendee) imported = lia_attendee_new_address ("Z. Quillfeather", PRIVATE_EMAIL);
  LiaMeetingRepository *meetings = lia_book_get_meetings (f->book);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_meeting_repository_add (meetings, meeting, &error));
  g_assert_no_error (error);
  f->meeting = lia_meeting_get_id (meeting);
  g_list_store_append (attendees, person);
  g_list_store_append (attendees, colleague);
  g_list_store_append (attendees, imported);
  g_assert_true (lia_meeting_repository_set_attendees (meetings, f->meeting, G_LIST_MODEL (attendees), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("P-1", "Harbourside Storage Ltd", "small-business");
  g_autoptr(LiaAccount) employer = lia_test_account_new ("P-2", "Northgate Depots plc", "small-business");
  g_autoptr(LiaContact) person = NULL;
  g_autoptr(LiaContact) colleague = NULL;
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  f->now = 1767225600;   /* 2026-01-01 */
  f->book = lia_test_book_new (&f->dir, &f->path, &f->now, "Tester");
  f->account = lia_test_account_create (f->book, account);
  f->employer = lia_test_account_create (f->book, employer);
  person = add_contact (f, f->account, NAME, EMAIL, PHONE);
  colleague = add_contact (f, f->account, "Olive Otherperson", "olive@harbourside.example", "");
  f->person = lia_contact_get_id (person);
  f->colleague = lia_contact_get_id (colleague);

  g_assert_true (lia_field_repository_set_value (lia_book_get_fields (f->book), LIA_FIELD_ENTITY_CONTACT,
                                                 f->person, "personal_email", PRIVATE_EMAIL, &error));
  g_assert_no_error (error);

  /* A call, an incident they reported, a meeting they attended. */
  lia_test_log_contact (f->book, f->account, LIA_CONTACT_KIND_CALL, f->now - 7200, f->person, "Renewal call");
  event = lia_event_new (f->account, LIA_EVENT_KIND_INCIDENT, "Gate 3 sensor offline");
  lia_event_set_contact_id (event, f->person);
  g_assert_true (lia_event_repository_add (lia_book_get_events (f->book), event, &error));
  g_assert_no_error (error);
  f->event = lia_event_get_id (event);
  add_meeting (f);

  /* Then they moved on: a second employment, the first one ended. */
  f->now += 3600;
  g_assert_true (lia_portfolio_repository_move_contact (lia_book_get_portfolios (f->book), person,
                                                        f->employer, &error));
  g_assert_no_error (error);
  f->now += 3600;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_forget_book_key (f->book);
  lia_test_book_close (&f->book, &f->dir, &f->path);
}

/* The items of one section, as "label=value" lines. */
static char *
section_text (LiaPersonalData        *data,
              LiaPersonalDataSection  section)
{
  GListModel *items = lia_personal_data_get_items (data);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LiaPersonalDataItem) item = g_list_model_get_item (items, i);

      if (lia_personal_data_item_get_section (item) != section)
        continue;
      g_string_append_printf (text, "%s=%s\n", lia_personal_data_item_get_label (item),
                              lia_personal_data_item_is_confidential (item)
                              ? "(confidential)" : lia_personal_data_item_get_value (item));
    }
  return g_string_free (text, FALSE);
}

static void
test_collect (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPersonalData) collected = lia_personal_data_collect (f->book, f->person, &error);
  g_autofree char *contact = NULL, *fields = NULL, *employments = NULL;
  g_autofree char *events = NULL, *meetings = NULL, *audit = NULL;
  GListModel *items;
  LiaPersonalDataSection last = 0;

  g_assert_no_error (error);
  g_assert_cmpint (lia_personal_data_get_contact_id (collected), ==, f->person);
  g_assert_cmpstr (lia_personal_data_get_name (collected), ==, NAME);

  contact = section_text (collected, LIA_PERSONAL_DATA_SECTION_CONTACT);
  g_assert_nonnull (strstr (contact, "Name=" NAME "\n"));
  g_assert_nonnull (strstr (contact, "E-mail=" EMAIL "\n"));
  g_assert_nonnull (strstr (contact, "Phone=" PHONE "\n"));
  g_assert_nonnull (strstr (contact, "Role=Head of Facilities\n"));
  g_assert_nonnull (strstr (contact, "Account=Northgate Depots plc (P-2)\n"));

  fields = section_text (collected, LIA_PERSONAL_DATA_SECTION_FIELDS);
  g_assert_cmpstr (fields, ==, "Personal e-mail=" PRIVATE_EMAIL "\n");

  employments = section_text (collected, LIA_PERSONAL_DATA_SECTION_EMPLOYMENTS);
  g_assert_nonnull (strstr (employments, "Employed at=Harbourside Storage Ltd, Head of Facilities, until "));
  g_assert_nonnull (strstr (employments, "Employed at=Northgate Depots plc, Head of Facilities\n"));

  events = section_text (collected, LIA_PERSONAL_DATA_SECTION_EVENTS);
  g_assert_nonnull (strstr (events, "Gate 3 sensor offline=Incident, Harbourside Storage Ltd\n"));
  g_assert_nonnull (strstr (events, "Call, Harbourside Storage Ltd\n"));

  /* Linked by the contact, and the imported copy by the private address. */
  meetings = section_text (collected, LIA_PERSONAL_DATA_SECTION_MEETINGS);
  g_assert_nonnull (strstr (meetings, "Quarterly review=" NAME " <" EMAIL ">\n"));
  g_assert_nonnull (strstr (meetings, "Quarterly review=Z. Quillfeather <" PRIVATE_EMAIL ">\n"));
  g_assert_null (strstr (meetings, "Olive"));

  audit = section_text (collected, LIA_PERSONAL_DATA_SECTION_AUDIT);
  g_assert_nonnull (strstr (audit, "added=" NAME " <" EMAIL "> " PHONE "\n"));
  g_assert_nonnull (strstr (audit, "personal_email=" PRIVATE_EMAIL "\n"));

  /* Section by section, in the header's order. */
  items = lia_personal_data_get_items (collected);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LiaPersonalDataItem) item = g_list_model_get_item (items, i);

      g_assert_cmpint (lia_personal_data_item_get_section (item), >=, last);
      last = lia_personal_data_item_get_section (item);
    }

  /* Nobody at that id: a clear error. */
  {
    g_autoptr(GError) missing = NULL;
    g_autoptr(LiaPersonalData) none = lia_personal_data_collect (f->book, 4040, &missing);

    g_assert_null (none);
    g_assert_nonnull (missing);
    g_assert_nonnull (strstr (missing->message, "4040"));
  }
}

static gboolean
search_finds (Fixture    *f,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lia_account_repository_search (lia_book_get_accounts (f->book), text, 50, &error);

  g_assert_no_error (error);
  return found->len > 0;
}

/* Everything of the person is gone, everything else is as it was. */
static void
assert_erased (Fixture *f)
{
  LiaBook *book = f->book;

  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM contacts WHERE id = %" G_GINT64_FORMAT, f->person), ==, 0);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM field_values WHERE entity = 'contact'"
                                          " AND row_id = %" G_GINT64_FORMAT, f->person), ==, 0);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM contact_employments WHERE contact_id = %"
                                          G_GINT64_FORMAT, f->person), ==, 0);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM meeting_attendees WHERE contact_id = %"
                                          G_GINT64_FORMAT " OR email IN ('" EMAIL "', '" PRIVATE_EMAIL "')",
                                          f->person), ==, 0);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM events WHERE contact_id = %" G_GINT64_FORMAT,
                                          f->person), ==, 0);
  /* The trail keeps that things happened, not what they were. */
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM audit_log WHERE entity = 'contact'"
                                          " AND entity_id = %" G_GINT64_FORMAT
                                          " AND (old_value IS NOT NULL OR new_value IS NOT NULL)", f->person), ==, 0);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM audit_log WHERE entity = 'contact'"
                                          " AND entity_id = %" G_GINT64_FORMAT
                                          " AND field IN ('added', 'personal_email', 'employer')",
                                          f->person), >=, 2);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM audit_log WHERE field = 'erased'"
                                          " AND entity = 'contact' AND entity_id = %" G_GINT64_FORMAT
                                          " AND account_id = %" G_GINT64_FORMAT " AND actor = 'Tester'"
                                          " AND old_value IS NULL AND new_value IS NULL",
                                          f->person, f->employer), ==, 1);
  g_assert_false (search_finds (f, "Quillfeather"));
  g_assert_false (search_finds (f, "zq.works"));

  /* The rest of the accounts is intact. */
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM accounts"), ==, 2);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM contacts WHERE id = %" G_GINT64_FORMAT
                                          " AND name = 'Olive Otherperson'", f->colleague), ==, 1);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM events WHERE account_id = %" G_GINT64_FORMAT,
                                          f->account), ==, 2);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM events WHERE id = %" G_GINT64_FORMAT
                                          " AND summary = 'Gate 3 sensor offline'", f->event), ==, 1);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM meeting_attendees WHERE meeting_id = %"
                                          G_GINT64_FORMAT " AND contact_id = %" G_GINT64_FORMAT,
                                          f->meeting, f->colleague), ==, 1);
  g_assert_cmpint (lia_test_book_sql_int (book, "SELECT count(*) FROM audit_log WHERE entity = 'contact'"
                                          " AND entity_id = %" G_GINT64_FORMAT " AND new_value LIKE 'Olive%%'",
                                          f->colleague), ==, 1);
  g_assert_true (search_finds (f, "Otherperson"));
  g_assert_true (search_finds (f, "Harbourside"));
  {
    g_autofree char *integrity = lia_test_sql_text (lia_test_book_handle (book), "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
    g_assert_cmpint (sqlite3_exec (lia_test_book_handle (book),
                                   "INSERT INTO account_fts (account_fts) VALUES ('integrity-check')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  const char * const words[] = { "Zacharias", "Quillfeather", EMAIL, PRIVATE_EMAIL, PHONE };
  g_autoptr(GError) error = NULL;

  /* Before: the person is findable, and on disk. */
  g_assert_true (search_finds (f, "Quillfeather"));
  lia_database_checkpoint (lia_book_get_database (f->book), NULL);
  g_assert_true (lia_test_book_files_hold (f->path, "Quillfeather"));

  g_assert_true (lia_personal_data_erase (f->book, f->person, &error));
  g_assert_no_error (error);
  assert_erased (f);

  /* secure_delete zeroed the freed cells and pages, the index was merged
   * and the -wal emptied: no byte of the person is left. */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_assert_false (lia_test_book_files_hold (f->path, words[i]));

  /* And after a close, too (the -wal is checkpointed again then). */
  g_clear_object (&f->book);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_assert_false (lia_test_book_files_hold (f->path, words[i]));
  f->book = lia_test_book_open (f->path, &f->now, "Tester");

  /* Twice: nobody is there any more. */
  g_assert_false (lia_personal_data_erase (f->book, f->person, &error));
  g_assert_nonnull (error);
}

/* A sealed value goes with the rest; its ciphertext leaves no copy. */
static void
test_erase_confidential (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("private-notes");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaPersonalData) collected = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *sealed_hex = NULL;

  if (!lia_test_open_vault (f->book))
    return;

  g_assert_true (lia_field_repository_set_value (lia_book_get_fields (f->book), LIA_FIELD_ENTITY_CONTACT,
                                                 f->person, "private_notes", secret, &error));
  g_assert_no_error (error);

  /* Listed masked, by field name. */
  collected = lia_personal_data_collect (f->book, f->person, &error);
  g_assert_no_error (error);
  fields = section_text (collected, LIA_PERSONAL_DATA_SECTION_FIELDS);
  g_assert_nonnull (strstr (fields, "Private notes=(confidential)\n"));
  {
    GListModel *items = lia_personal_data_get_items (collected);
    gboolean named = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(LiaPersonalDataItem) item = g_list_model_get_item (items, i);

        if (lia_personal_data_item_is_confidential (item))
          {
            g_assert_null (lia_personal_data_item_get_value (item));
            named |= g_strcmp0 (lia_personal_data_item_get_field (item), "private_notes") == 0;
          }
      }
    g_assert_true (named);
  }

  /* The ciphertext's own bytes, to look for them afterwards. */
  sealed_hex = lia_test_sql_text (lia_test_book_handle (f->book),
                                  "SELECT hex (substr (sealed, 14, 16)) FROM field_values"
                                  " WHERE field = 'private_notes'");
  g_assert_nonnull (sealed_hex);

  g_assert_true (lia_personal_data_erase (f->book, f->person, &error));
  g_assert_no_error (error);
  assert_erased (f);
  {
    g_autofree char *db = NULL;
    gsize length = 0;
    guint8 needle[16];

    for (guint i = 0; i < 16; i++)
      needle[i] = (g_ascii_xdigit_value (sealed_hex[2 * i]) << 4) | g_ascii_xdigit_value (sealed_hex[2 * i + 1]);
    g_assert_true (g_file_get_contents (f->path, &db, &length, NULL));
    g_assert_null (memmem (db, length, needle, sizeof needle));
  }
}

/* Whether any item of @data holds @text in its label or value. */
static gboolean
items_hold (LiaPersonalData *data,
            const char      *text)
{
  GListModel *items = lia_personal_data_get_items (data);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LiaPersonalDataItem) item = g_list_model_get_item (items, i);

      if (strstr (lia_personal_data_item_get_label (item), text) ||
          (lia_personal_data_item_get_value (item) && strstr (lia_personal_data_item_get_value (item), text)))
        return TRUE;
    }
  return FALSE;
}

/* The trail never shows a confidential field's text: the lines written
 * while it was internal are blanked when it becomes confidential, and a
 * line that holds one anyway (appended behind the model's back) is
 * listed masked. */
static void
test_confidential_trail_masked (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(LiaPersonalData) before = NULL;
  g_autoptr(LiaPersonalData) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (!lia_test_open_vault (f->book))
    return;

  before = lia_personal_data_collect (f->book, f->person, &error);
  g_assert_no_error (error);
  g_assert_true (items_hold (before, PRIVATE_EMAIL));

  g_assert_true (lia_field_repository_set_level (lia_book_get_fields (f->book), LIA_FIELD_ENTITY_CONTACT,
                                                 "personal_email", LIA_FIELD_LEVEL_CONFIDENTIAL, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO audit_log (account_id, entity, entity_id, field, old_value, new_value,"
                         " actor, changed_at) VALUES (%" G_GINT64_FORMAT ", 'contact', %" G_GINT64_FORMAT
                         ", 'personal_phone', 'PLANTED-OLD', 'PLANTED-NEW', 'Mallory', 1)",
                         f->employer, f->person);
  g_assert_cmpint (sqlite3_exec (lia_test_book_handle (f->book), sql, NULL, NULL, NULL), ==, SQLITE_OK);

  after = lia_personal_data_collect (f->book, f->person, &error);
  g_assert_no_error (error);
  /* The meetings section still names the imported attendee as the
   * meeting recorded them; the trail and the fields hold nothing. */
  {
    g_autofree char *audit = section_text (after, LIA_PERSONAL_DATA_SECTION_AUDIT);
    g_autofree char *fields = section_text (after, LIA_PERSONAL_DATA_SECTION_FIELDS);

    g_assert_null (strstr (audit, PRIVATE_EMAIL));
    g_assert_null (strstr (audit, "PLANTED"));
    g_assert_nonnull (strstr (audit, "personal_phone=(confidential)\n"));
    g_assert_nonnull (strstr (fields, "Personal e-mail=(confidential)\n"));
  }
  g_assert_false (items_hold (after, "PLANTED"));
}

/* The checkpoint after an erasure cannot finish while another reader
 * holds an older snapshot: the erasure stands, the log says the -wal
 * still holds old pages, and closing the book finishes the job. */
static void
test_erase_with_reader (Fixture       *f,
                        gconstpointer  data)
{
  const char * const words[] = { "Zacharias", "Quillfeather", EMAIL, PRIVATE_EMAIL, PHONE };
  g_autoptr(GError) error = NULL;
  sqlite3 *reader;

  lia_database_checkpoint (lia_book_get_database (f->book), NULL);
  reader = lia_test_sqlite_open (f->path);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count(*) FROM contacts;", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  g_test_expect_message ("lia-personal-data", G_LOG_LEVEL_WARNING, "*erasure*-wal*");
  g_assert_true (lia_personal_data_erase (f->book, f->person, &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();
  assert_erased (f);

  /* Incomplete, and said so. */
  g_assert_false (lia_database_checkpoint (lia_book_get_database (f->book), &error));
  g_assert_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (lia_test_book_files_hold (f->path, "Quillfeather"));

  /* The reader ends (its connection stays open), the book closes. */
  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&f->book);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_assert_false (lia_test_book_files_hold (f->path, words[i]));
  sqlite3_close (reader);
  f->book = lia_test_book_open (f->path, &f->now, "Tester");
}

/* A confidential personal e-mail still finds the attendances under it
 * when the book's key is there (without a reveal line: the erasure line
 * covers it). */
static void
test_erase_confidential_email (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!lia_test_open_vault (f->book))
    return;

  g_assert_true (lia_field_repository_set_level (lia_book_get_fields (f->book), LIA_FIELD_ENTITY_CONTACT,
                                                 "personal_email", LIA_FIELD_LEVEL_CONFIDENTIAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM meeting_attendees"
                                          " WHERE email = '" PRIVATE_EMAIL "'"), ==, 1);

  g_assert_true (lia_personal_data_erase (f->book, f->person, &error));
  g_assert_no_error (error);
  assert_erased (f);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log WHERE field = 'revealed'"), ==, 0);
  g_assert_false (lia_test_book_files_hold (f->path, PRIVATE_EMAIL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/personal-data/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("collect", test_collect);
  ADD ("erase", test_erase);
  ADD ("erase-confidential", test_erase_confidential);
  ADD ("confidential-trail-masked", test_confidential_trail_masked);
  ADD ("erase-with-reader", test_erase_with_reader);
  ADD ("erase-confidential-email", test_erase_confidential_email);

#undef ADD

  return g_test_run ();
}
