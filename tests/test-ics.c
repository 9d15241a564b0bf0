/* test-ics.c — iCalendar export and import of meetings, with libical
 *
 * Every test has a book with the same accounts, contacts and staff, so a
 * file written from one book reads into another. The samples in
 * fixtures/ics/ are written by hand after what Evolution, Google
 * Calendar, Outlook and GNOME Calendar export. Local time is Berlin's
 * (TZ is set before anything reads it), which is where dates and
 * floating times of a file land.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libical/ical.h>

#include "lia-attendee.h"
#include "lia-ics.h"
#include "lia-meeting-repository.h"

#include "test-book.h"

#define SAMPLE(name) LIA_TEST_FIXTURES_DIR "/ics/" name

static const char * const meeting_tables[] = {
  "meetings", "meeting_occurrences", "meeting_attendees", NULL
};

typedef struct
{
  char    *dir;
  LiaBook *book;
  gint64   now;
  gint64   acme;
  gint64   globex;
  gint64   initech;
  gint64   bob;       /* a contact at Acme */
  gint64   anna;      /* staff */
} Fixture;

static gint64
add_contact (LiaBook    *book,
             gint64      account_id,
             const char *name,
             const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) contact = lia_contact_new ();

  lia_contact_set_account_id (contact, account_id);
  lia_contact_set_name (contact, name);
  lia_contact_set_email (contact, email);
  g_assert_true (lia_account_repository_add_contact (lia_book_get_accounts (book), contact, &error));
  g_assert_no_error (error);
  return lia_contact_get_id (contact);
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
fill_book (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->acme = add_account (f->book, "K-1001", "Acme Industries");
  f->globex = add_account (f->book, "K-2002", "Globex GmbH");
  f->initech = add_account (f->book, "K-3003", "Initech");
  f->bob = add_contact (f->book, f->acme, "Bob Miller", "bob.miller@acme.example");
  add_contact (f->book, f->acme, "Carla Diaz", "carla.diaz@acme.example");
  add_contact (f->book, f->globex, "Hans Weber", "h.weber@globex.example");
  add_contact (f->book, f->initech, "Peter Gibbons", "peter@initech.example");
  g_assert_true (lia_book_add_staff (f->book, "Anna Schmidt", LIA_STAFF_ROLE_ACCOUNT_MANAGER,
                                     "anna.schmidt@liaison.example", &f->anna, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = lia_test_wall ("UTC", 2026, 7, 1, 12, 0);
  f->book = lia_test_book_new (&f->dir, NULL, &f->now, "tester");
  fill_book (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, NULL);
}

static gboolean
import (Fixture     *f,
        const char  *path,
        gint64       fallback_account_id,
        guint       *added,
        guint       *updated,
        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return lia_ics_import_file (f->book, file, fallback_account_id, added, updated, error);
}

/* Imports @path, which must add @n_added series. */
static void
import_ok (Fixture    *f,
           const char *path,
           gint64      fallback_account_id,
           guint       n_added)
{
  g_autoptr(GError) error = NULL;
  guint added = 0, updated = 0;

  g_assert_true (import (f, path, fallback_account_id, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, n_added);
  g_assert_cmpuint (updated, ==, 0);
}

static char *
write_temp (Fixture    *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);

  lia_test_write_file (path, text, strlen (text));
  return path;
}

static LiaMeeting *
meeting_by_uid (LiaBook    *book,
                const char *uid)
{
  g_autoptr(GError) error = NULL;
  LiaMeeting *meeting = lia_meeting_repository_lookup_uid (lia_book_get_meetings (book), uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

/* The occurrences of @meeting from 2025 to 2028, by start. */
static GPtrArray *
occurrences_of (LiaBook    *book,
                LiaMeeting *meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all =
    lia_meeting_repository_list_range (lia_book_get_meetings (book), lia_test_wall ("UTC", 2025, 1, 1, 0, 0),
                                       lia_test_wall ("UTC", 2028, 1, 1, 0, 0), 0, FALSE, &error);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LiaOccurrence) o = g_list_model_get_item (all, i);

      if (lia_occurrence_get_meeting_id (o) == lia_meeting_get_id (meeting))
        g_ptr_array_add (found, g_steal_pointer (&o));
    }
  return found;
}

static char *
utc_text (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (dt, "%Y-%m-%dT%H:%MZ");
}

/* "2026-03-10T09:00Z 2026-04-10T08:00Z …": when the occurrences of
 * the meeting @uid start. */
static char *
starts_of (LiaBook    *book,
           const char *uid)
{
  g_autoptr(LiaMeeting) meeting = meeting_by_uid (book, uid);
  g_autoptr(GPtrArray) occurrences = occurrences_of (book, meeting);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < occurrences->len; i++)
    {
      g_autofree char *start = utc_text (lia_occurrence_get_starts_at (g_ptr_array_index (occurrences, i)));

      g_string_append_printf (text, "%s%s", i ? " " : "", start);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "contact Bob Miller <bob.miller@acme.example>, staff …". */
static char *
attendees_text (LiaMeeting *meeting)
{
  GListModel *attendees = lia_meeting_get_attendees (meeting);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; attendees && i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(LiaAttendee) a = g_list_model_get_item (attendees, i);
      const char *kind = lia_attendee_get_contact_id (a) ? "contact" : lia_attendee_get_staff_id (a) ? "staff" : "address";

      g_string_append_printf (text, "%s%s %s <%s>", i ? ", " : "", kind,
                              lia_attendee_get_name (a), lia_attendee_get_email (a));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
berlin (int year,
        int month,
        int day,
        int hour,
        int minute)
{
  return lia_test_wall ("Europe/Berlin", year, month, day, hour, minute);
}

/* --- samples from other calendars --- */

static void
test_evolution (Fixture       *f,
                gconstpointer  data)
{
  const char *uid = "20260302T081512Z-4711-1000-1-7@workstation.example";
  g_autoptr(LiaMeeting) m = NULL;
  g_autofree char *starts = NULL, *attendees = NULL;

  import_ok (f, SAMPLE ("evolution-berlin.ics"), 0, 1);
  m = meeting_by_uid (f->book, uid);

  /* Bob's address finds Acme; the prefixed TZID is Berlin. */
  g_assert_cmpint (lia_meeting_get_account_id (m), ==, f->acme);
  g_assert_cmpstr (lia_meeting_get_tzid (m), ==, "Europe/Berlin");
  g_assert_cmpstr (lia_meeting_get_title (m), ==, "Monthly service review – Acme");
  g_assert_cmpstr (lia_meeting_get_location (m), ==, "Acme HQ, Room 4.12");
  g_assert_cmpstr (lia_meeting_get_agenda (m), ==,
                   "1. Open incidents\n2. SLA figures for the month\n3. Renewal of the maintenance contract");
  g_assert_cmpint (lia_meeting_get_organizer_id (m), ==, f->anna);
  g_assert_cmpint (lia_meeting_get_ends_at (m) - lia_meeting_get_starts_at (m), ==, 90 * 60);
  attendees = attendees_text (m);
  g_assert_cmpstr (attendees, ==, "contact Bob Miller <bob.miller@acme.example>");

  /* 10:00 in Berlin each time, before and after the clocks go forward. */
  starts = starts_of (f->book, uid);
  g_assert_cmpstr (starts, ==, "2026-03-10T09:00Z 2026-04-10T08:00Z 2026-05-10T08:00Z 2026-06-10T08:00Z");
}

static void
test_google (Fixture       *f,
             gconstpointer  data)
{
  const char *uid = "4k2n8v1q7s0d5m3c9b6x1z2y4w@google.com";
  g_autoptr(LiaMeeting) m = NULL;
  g_autofree char *starts = NULL, *attendees = NULL;

  import_ok (f, SAMPLE ("google-utc.ics"), 0, 1);
  m = meeting_by_uid (f->book, uid);

  /* UTC times repeat in UTC (RFC 5545), UNTIL counting its own day. */
  g_assert_cmpint (lia_meeting_get_account_id (m), ==, f->globex);
  g_assert_cmpstr (lia_meeting_get_tzid (m), ==, "UTC");
  g_assert_cmpstr (lia_meeting_get_location (m), ==, "https://meet.google.com/abc-defg-hij");
  g_assert_cmpint (lia_meeting_get_organizer_id (m), ==, f->anna);
  attendees = attendees_text (m);
  g_assert_cmpstr (attendees, ==, "contact Hans Weber <h.weber@globex.example>, "
                                  "staff Anna Schmidt <anna.schmidt@liaison.example>");
  starts = starts_of (f->book, uid);
  g_assert_cmpstr (starts, ==, "2026-01-05T09:00Z 2026-01-12T09:00Z 2026-01-19T09:00Z "
                               "2026-01-26T09:00Z 2026-02-02T09:00Z");
}

static void
test_outlook (Fixture       *f,
              gconstpointer  data)
{
  const char *quarterly = "040000008200E00074C5B7101A82E0080000000010B1A2C3D4E5F601000000000000000"
                          "010000000A1B2C3D4E5F60718293A4B5C6D7E8F90";
  const char *sync = "040000008200E00074C5B7101A82E00800000000A0C1B2D3E4F5F601000000000000000"
                     "01000000011223344556677889900AABBCCDDEEFF";
  g_autoptr(LiaMeeting) m = NULL, custom = NULL;
  g_autofree char *starts = NULL;

  import_ok (f, SAMPLE ("outlook-windows.ics"), 0, 2);

  /* "W. Europe Standard Time" is Berlin; COUNT=3 every third month. */
  m = meeting_by_uid (f->book, quarterly);
  g_assert_cmpint (lia_meeting_get_account_id (m), ==, f->initech);
  g_assert_cmpstr (lia_meeting_get_tzid (m), ==, "Europe/Berlin");
  g_assert_cmpstr (lia_meeting_get_title (m), ==, "Quartalsgespräch Initech");
  g_assert_cmpstr (lia_meeting_get_agenda (m), ==,
                   "Quarterly business review with Initech.\n\nAgenda: service levels, roadmap, invoices.\n");
  starts = starts_of (f->book, quarterly);
  g_assert_cmpstr (starts, ==, "2026-03-02T13:00Z 2026-06-02T12:00Z 2026-09-02T12:00Z");

  /* A zone known only by the file's VTIMEZONE (+05:30): kept in UTC. */
  custom = meeting_by_uid (f->book, sync);
  g_assert_cmpstr (lia_meeting_get_tzid (custom), ==, "UTC");
  g_assert_cmpint (lia_meeting_get_starts_at (custom), ==, lia_test_wall ("UTC", 2026, 3, 12, 5, 0));
  g_assert_cmpint (lia_meeting_get_ends_at (custom), ==, lia_test_wall ("UTC", 2026, 3, 12, 6, 0));
}

static void
test_all_day (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(LiaMeeting) m = NULL;

  import_ok (f, SAMPLE ("all-day.ics"), 0, 1);
  m = meeting_by_uid (f->book, "8f0d5b9a-3c1e-4c57-9a8e-2f1e6b7d4c21");

  /* Dates are local days: two of them, midnight to midnight. */
  g_assert_true (lia_meeting_get_all_day (m));
  g_assert_cmpint (lia_meeting_get_account_id (m), ==, f->acme);
  g_assert_cmpstr (lia_meeting_get_tzid (m), ==, "Europe/Berlin");
  g_assert_cmpint (lia_meeting_get_starts_at (m), ==, berlin (2026, 4, 15, 0, 0));
  g_assert_cmpint (lia_meeting_get_ends_at (m), ==, berlin (2026, 4, 17, 0, 0));
  g_assert_cmpstr (lia_meeting_get_location (m), ==, "Acme plant, Duisburg");
}

static void
test_exceptions (Fixture       *f,
                 gconstpointer  data)
{
  const char *uid = "b7e1c0de-5a4f-4e0b-8d2a-stand-up@globex";
  g_autoptr(LiaMeeting) m = NULL;
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autofree char *starts = NULL;
  LiaOccurrence *moved;

  import_ok (f, SAMPLE ("exceptions.ics"), 0, 1);
  m = meeting_by_uid (f->book, uid);

  /* May 18 is gone (EXDATE); May 25 moved to Tuesday 11:00. */
  starts = starts_of (f->book, uid);
  g_assert_cmpstr (starts, ==, "2026-05-04T07:00Z 2026-05-11T07:00Z 2026-05-26T09:00Z "
                               "2026-06-01T07:00Z 2026-06-08T07:00Z");

  occurrences = occurrences_of (f->book, m);
  moved = g_ptr_array_index (occurrences, 2);
  g_assert_true (lia_occurrence_get_is_exception (moved));
  g_assert_cmpint (lia_occurrence_get_recurrence_id (moved), ==, berlin (2026, 5, 25, 9, 0));
  g_assert_cmpint (lia_occurrence_get_ends_at (moved), ==, berlin (2026, 5, 26, 11, 30));
  g_assert_cmpstr (lia_occurrence_get_title (moved), ==, "Weekly stand-up with Globex (Whit Monday: Tuesday)");
  g_assert_cmpstr (lia_occurrence_get_location (moved), ==, "Phone");
  g_assert_false (lia_occurrence_get_is_exception (g_ptr_array_index (occurrences, 3)));
  g_assert_cmpstr (lia_occurrence_get_title (g_ptr_array_index (occurrences, 3)), ==, "Weekly stand-up with Globex");
}

/* --- refusals: nothing written --- */

static void
assert_refused (Fixture    *f,
                const char *path,
                gint64      fallback_account_id,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  LiaTestSnapshot before = lia_test_snapshot (f->book, meeting_tables);
  guint added = 7, updated = 7;

  g_assert_false (import (f, path, fallback_account_id, &added, &updated, &error));
  g_assert_error (error, LIA_ICS_ERROR, code);
  if (!strstr (error->message, needle))
    g_error ("“%s” does not say “%s”", error->message, needle);
  g_assert_cmpuint (added, ==, 7);
  lia_test_assert_unchanged (f->book, &before);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *hourly = write_temp (f, "hourly.ics",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
    "UID:hourly@test\r\nDTSTART:20260301T090000Z\r\nRRULE:FREQ=HOURLY\r\n"
    "ATTENDEE:mailto:bob.miller@acme.example\r\nSUMMARY:Hourly\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  g_autofree char *garbage = write_temp (f, "garbage.ics",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:g@test\nDTSTART;VALUE=DATE:next tuesday\n"
    "SUMMARY:Garbage\nEND:VEVENT\nEND:VCALENDAR\n");
  g_autofree char *stray = write_temp (f, "stray.ics", "Subject: meeting\nBEGIN:VCALENDAR\nEND:VCALENDAR\n");

  /* Each file's first event is fine: it must not be imported either. */
  assert_refused (f, SAMPLE ("malformed-folding.ics"), f->acme, LIA_ICS_ERROR_MALFORMED, "line 16:");
  assert_refused (f, SAMPLE ("malformed-missing-end.ics"), f->acme, LIA_ICS_ERROR_MALFORMED, "line 4:");
  assert_refused (f, SAMPLE ("malformed-dtstart.ics"), f->acme, LIA_ICS_ERROR_MALFORMED, "line 12:");
  assert_refused (f, hourly, 0, LIA_ICS_ERROR_MALFORMED, "line 7:");
  assert_refused (f, garbage, 0, LIA_ICS_ERROR_MALFORMED, "line 5:");
  assert_refused (f, stray, 0, LIA_ICS_ERROR_MALFORMED, "line 1:");
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM meetings"), ==, 0);
}

static void
test_unmatched (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaMeeting) m = NULL;

  /* Neither an attendee nor the account property says whose they are. */
  assert_refused (f, SAMPLE ("unmatched.ics"), 0, LIA_ICS_ERROR_UNMATCHED, "“Intro call with a prospect”");
  assert_refused (f, SAMPLE ("unmatched.ics"), 0, LIA_ICS_ERROR_UNMATCHED, "“Trade fair debrief”");

  import_ok (f, SAMPLE ("unmatched.ics"), f->initech, 2);
  m = meeting_by_uid (f->book, "unmatched-2@google.com");
  g_assert_cmpint (lia_meeting_get_account_id (m), ==, f->initech);
}

/* The model refuses the second event while the first is written: the
 * transaction takes the first back. */
static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *title = g_strnfill (301, 'x');
  g_autofree char *text = g_strdup_printf (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:fine@test\r\nDTSTART:20260301T090000Z\r\nSUMMARY:Fine\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:long@test\r\nDTSTART:20260302T090000Z\r\nSUMMARY:%s\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n", title);
  g_autofree char *path = write_temp (f, "long.ics", text);
  g_autoptr(GError) error = NULL;

  g_assert_false (import (f, path, f->acme, NULL, NULL, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "line 9, “xxx"));
  /* Rows only: SQLite counts the changes it rolled back too. */
  for (guint i = 0; meeting_tables[i]; i++)
    g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM %s", meeting_tables[i]), ==, 0);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = write_temp (f, "empty.ics",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nEND:VCALENDAR\r\n");

  assert_refused (f, path, f->acme, LIA_ICS_ERROR_EMPTY, "no events");
}

/* --- importing again --- */

static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  const char *uid = "4k2n8v1q7s0d5m3c9b6x1z2y4w@google.com";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *changed = NULL, *path = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(LiaMeeting) m = NULL;
  guint added = 0, updated = 0;
  gint64 rows;

  import_ok (f, SAMPLE ("google-utc.ics"), 0, 1);
  import_ok (f, SAMPLE ("exceptions.ics"), 0, 1);
  rows = lia_test_book_sql_int (f->book, "SELECT count(*) FROM meeting_occurrences");

  /* The same files again: the same series, updated, no duplicates. */
  g_assert_true (import (f, SAMPLE ("exceptions.ics"), 0, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM meeting_occurrences"), ==, rows);

  /* An edited file changes the series it names. */
  g_assert_true (g_file_get_contents (SAMPLE ("google-utc.ics"), &text, NULL, NULL));
  edited = g_string_new (text);
  g_string_replace (edited, "weekly check-in", "weekly sync", 0);
  path = write_temp (f, "edited.ics", edited->str);
  g_assert_true (import (f, path, 0, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (updated, ==, 1);

  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM meetings"), ==, 2);
  m = meeting_by_uid (f->book, uid);
  g_assert_cmpstr (lia_meeting_get_title (m), ==, "Globex migration – weekly sync");
  changed = starts_of (f->book, "b7e1c0de-5a4f-4e0b-8d2a-stand-up@globex");
  g_assert_cmpstr (changed, ==, "2026-05-04T07:00Z 2026-05-11T07:00Z 2026-05-26T09:00Z "
                                "2026-06-01T07:00Z 2026-06-08T07:00Z");
}

/* --- export, and back --- */

static LiaMeeting *
add_meeting (Fixture    *f,
             gint64      account_id,
             const char *title,
             gint64      starts_at,
             gint64      ends_at,
             const char *tzid,
             const char *rrule)
{
  LiaMeeting *m = lia_meeting_new (account_id, title, starts_at, ends_at);

  lia_meeting_set_tzid (m, tzid);
  lia_meeting_set_rrule (m, rrule);
  return m;
}

static void
save_meeting (Fixture    *f,
              LiaMeeting *m)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_meeting_repository_add (lia_book_get_meetings (f->book), m, &error));
  g_assert_no_error (error);
}

static LiaOccurrence *
occurrence (Fixture    *f,
            LiaMeeting *m,
            gint64      recurrence_id)
{
  g_autoptr(GError) error = NULL;
  LiaOccurrence *o = lia_meeting_repository_lookup_occurrence (lia_book_get_meetings (f->book),
                                                               lia_meeting_get_id (m), recurrence_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (o);
  return o;
}

static void
save_occurrence (Fixture       *f,
                 LiaOccurrence *o)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_meeting_repository_update_occurrence (lia_book_get_meetings (f->book), o,
                                                           LIA_EDIT_SCOPE_THIS, &error));
  g_assert_no_error (error);
}

/* A single meeting with every field and all three kinds of attendee. */
static void
make_single (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaMeeting) m = add_meeting (f, f->acme, "Kick-off; scope, budget \\ risks",
                                         berlin (2026, 3, 3, 10, 0), berlin (2026, 3, 3, 11, 30),
                                         "Europe/Berlin", NULL);
  g_autoptr(GListStore) attendees = g_list_store_new (LIA_TYPE_ATTENDEE);
  g_autoptr(LiaAttendee) bob = lia_attendee_new_contact (f->bob);
  g_autoptr(LiaAttendee) anna = lia_attendee_new_staff (f->anna);
  g_autoptr(LiaAttendee) zoe = lia_attendee_new_address ("Zoë External", "zoe@partner.example");

  lia_meeting_set_location (m, "Acme HQ, Room 4.12; Duisburg");
  lia_meeting_set_agenda (m, "Überblick über die Wartungsverträge, Preise in €, offene Störungen, "
                             "Eskalationswege und die Termine für das nächste Quartal; danach: "
                             "Fragen der Kundschaft.\nZweiter Punkt: \"Rechenzentrum\" Süd.");
  lia_meeting_set_minutes (m, "Agreed: phase 1 in Q2.\nOpen: pricing, staffing.");
  lia_meeting_set_outcome (m, "Go");
  lia_meeting_set_rating (m, 4);
  lia_meeting_set_status (m, LIA_MEETING_STATUS_HELD);
  lia_meeting_set_organizer_id (m, f->anna);
  lia_meeting_set_is_review (m, FALSE);
  save_meeting (f, m);

  g_list_store_append (attendees, bob);
  g_list_store_append (attendees, anna);
  g_list_store_append (attendees, zoe);
  g_assert_true (lia_meeting_repository_set_attendees (lia_book_get_meetings (f->book), lia_meeting_get_id (m),
                                                       G_LIST_MODEL (attendees), &error));
  g_assert_no_error (error);
}

/* A monthly series with one occurrence moved, one deleted, one held
 * and minuted, one cancelled. */
static void
make_series (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaMeeting) m = add_meeting (f, f->globex, "Monthly review", berlin (2026, 1, 15, 14, 0),
                                         berlin (2026, 1, 15, 15, 0), "Europe/Berlin", "FREQ=MONTHLY;COUNT=6");
  g_autoptr(LiaOccurrence) moved = NULL, held = NULL, cancelled = NULL;

  lia_meeting_set_location (m, "Globex, Frankfurt");
  save_meeting (f, m);

  moved = occurrence (f, m, berlin (2026, 2, 15, 14, 0));
  lia_occurrence_set_times (moved, berlin (2026, 2, 16, 15, 0), berlin (2026, 2, 16, 16, 0));
  lia_occurrence_set_title (moved, "Monthly review (moved)");
  save_occurrence (f, moved);

  g_assert_true (lia_meeting_repository_delete_occurrence (lia_book_get_meetings (f->book), lia_meeting_get_id (m),
                                                           berlin (2026, 3, 15, 14, 0), LIA_EDIT_SCOPE_THIS, &error));
  g_assert_no_error (error);

  held = occurrence (f, m, berlin (2026, 4, 15, 14, 0));
  lia_occurrence_set_minutes (held, "Went well");
  lia_occurrence_set_rating (held, 5);
  lia_occurrence_set_status (held, LIA_MEETING_STATUS_HELD);
  save_occurrence (f, held);

  cancelled = occurrence (f, m, berlin (2026, 5, 15, 14, 0));
  lia_occurrence_set_status (cancelled, LIA_MEETING_STATUS_CANCELLED);
  save_occurrence (f, cancelled);
}

static void
make_meetings (Fixture *f)
{
  g_autoptr(LiaMeeting) days = add_meeting (f, f->initech, "Audit days", berlin (2026, 4, 20, 0, 0),
                                            berlin (2026, 4, 22, 0, 0), "Europe/Berlin", NULL);
  g_autoptr(LiaMeeting) weekly = add_meeting (f, f->acme, "Ops sync", lia_test_wall ("UTC", 2026, 2, 2, 8, 0),
                                              lia_test_wall ("UTC", 2026, 2, 2, 8, 30), "UTC", "FREQ=WEEKLY;BYDAY=MO");

  make_single (f);
  make_series (f);
  lia_meeting_set_all_day (days, TRUE);
  save_meeting (f, days);
  lia_meeting_set_for_portfolio (weekly, TRUE);
  save_meeting (f, weekly);
}

static char *
export_text (LiaBook *book,
             gint64   account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (lia_ics_export (book, account_id, 0, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
staff_name (LiaBook *book,
            gint64   staff_id)
{
  g_autoptr(LiaStaffMember) member = staff_id ? lia_book_lookup_staff (book, staff_id) : NULL;

  return g_strdup (member ? lia_staff_member_get_name (member) : "");
}

static void
assert_same_occurrences (LiaBook    *a,
                         LiaMeeting *ma,
                         LiaBook    *b,
                         LiaMeeting *mb)
{
  g_autoptr(GPtrArray) oa = occurrences_of (a, ma);
  g_autoptr(GPtrArray) ob = occurrences_of (b, mb);

  g_assert_cmpuint (oa->len, ==, ob->len);
  for (guint i = 0; i < oa->len; i++)
    {
      LiaOccurrence *x = g_ptr_array_index (oa, i), *y = g_ptr_array_index (ob, i);

      g_assert_cmpint (lia_occurrence_get_recurrence_id (x), ==, lia_occurrence_get_recurrence_id (y));
      g_assert_cmpint (lia_occurrence_get_starts_at (x), ==, lia_occurrence_get_starts_at (y));
      g_assert_cmpint (lia_occurrence_get_ends_at (x), ==, lia_occurrence_get_ends_at (y));
      g_assert_cmpstr (lia_occurrence_get_title (x), ==, lia_occurrence_get_title (y));
      g_assert_cmpstr (lia_occurrence_get_location (x), ==, lia_occurrence_get_location (y));
      g_assert_cmpstr (lia_occurrence_get_agenda (x), ==, lia_occurrence_get_agenda (y));
      g_assert_cmpstr (lia_occurrence_get_minutes (x), ==, lia_occurrence_get_minutes (y));
      g_assert_cmpstr (lia_occurrence_get_outcome (x), ==, lia_occurrence_get_outcome (y));
      g_assert_cmpint (lia_occurrence_get_rating (x), ==, lia_occurrence_get_rating (y));
      g_assert_cmpint (lia_occurrence_get_status (x), ==, lia_occurrence_get_status (y));
      g_assert_cmpint (lia_occurrence_get_is_exception (x), ==, lia_occurrence_get_is_exception (y));
    }
}

static void
assert_same_meeting (LiaBook    *a,
                     LiaBook    *b,
                     LiaMeeting *ma)
{
  g_autoptr(LiaMeeting) mb = meeting_by_uid (b, lia_meeting_get_uid (ma));
  g_autofree char *people_a = attendees_text (ma), *people_b = attendees_text (mb);
  g_autofree char *organizer_a = staff_name (a, lia_meeting_get_organizer_id (ma));
  g_autofree char *organizer_b = staff_name (b, lia_meeting_get_organizer_id (mb));

  g_assert_cmpstr (lia_meeting_get_account_name (ma), ==, lia_meeting_get_account_name (mb));
  g_assert_cmpstr (lia_meeting_get_title (ma), ==, lia_meeting_get_title (mb));
  g_assert_cmpint (lia_meeting_get_starts_at (ma), ==, lia_meeting_get_starts_at (mb));
  g_assert_cmpint (lia_meeting_get_ends_at (ma), ==, lia_meeting_get_ends_at (mb));
  g_assert_cmpstr (lia_meeting_get_tzid (ma), ==, lia_meeting_get_tzid (mb));
  g_assert_cmpint (lia_meeting_get_all_day (ma), ==, lia_meeting_get_all_day (mb));
  g_assert_cmpstr (lia_meeting_get_location (ma), ==, lia_meeting_get_location (mb));
  g_assert_cmpstr (lia_meeting_get_rrule (ma), ==, lia_meeting_get_rrule (mb));
  g_assert_cmpint (lia_meeting_get_is_review (ma), ==, lia_meeting_get_is_review (mb));
  g_assert_cmpint (lia_meeting_get_for_portfolio (ma), ==, lia_meeting_get_for_portfolio (mb));
  g_assert_cmpstr (lia_meeting_get_agenda (ma), ==, lia_meeting_get_agenda (mb));
  g_assert_cmpstr (lia_meeting_get_minutes (ma), ==, lia_meeting_get_minutes (mb));
  g_assert_cmpstr (lia_meeting_get_outcome (ma), ==, lia_meeting_get_outcome (mb));
  g_assert_cmpint (lia_meeting_get_rating (ma), ==, lia_meeting_get_rating (mb));
  g_assert_cmpint (lia_meeting_get_status (ma), ==, lia_meeting_get_status (mb));
  g_assert_cmpstr (organizer_a, ==, organizer_b);
  g_assert_cmpstr (people_a, ==, people_b);
  assert_same_occurrences (a, ma, b, mb);
}

/* Lines of at most 75 octets, each ended by CRLF (RFC 5545 3.1). */
static void
assert_folded (const char *text)
{
  for (const char *line = text; *line; )
    {
      const char *end = strstr (line, "\r\n");

      g_assert_nonnull (end);
      g_assert_cmpint (end - line, <=, 75);
      g_assert_null (memchr (line, '\n', end - line));
      line = end + 2;
    }
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *again = NULL, *path = NULL;
  g_autoptr(GListModel) all = NULL;
  Fixture other = { 0 };
  guint added = 0, updated = 0;

  make_meetings (f);
  text = export_text (f->book, 0);
  assert_folded (text);
  path = write_temp (f, "export.ics", text);

  /* Into a fresh book with the same accounts, contacts and staff. */
  fixture_set_up (&other, NULL);
  g_assert_true (import (&other, path, 0, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 4);

  all = lia_meeting_repository_list_range (lia_book_get_meetings (f->book), 0, G_MAXINT32, 0, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LiaOccurrence) o = g_list_model_get_item (all, i);
      g_autoptr(LiaMeeting) m = lia_meeting_repository_lookup (lia_book_get_meetings (f->book),
                                                               lia_occurrence_get_meeting_id (o), &error);

      g_assert_no_error (error);
      assert_same_meeting (f->book, other.book, m);
    }

  /* The book read back writes the very same file. */
  again = export_text (other.book, 0);
  g_assert_cmpstr (again, ==, text);
  fixture_tear_down (&other, NULL);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *all = NULL, *globex = NULL;

  make_meetings (f);
  all = export_text (f->book, 0);

  g_assert_true (g_str_has_prefix (all, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liaison//Liaison//EN\r\n"));
  g_assert_true (g_str_has_suffix (all, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (all, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
  g_assert_null (strstr (strstr (all, "TZID:Europe/Berlin\r\n") + 1, "\r\nTZID:Europe/Berlin\r\n"));
  g_assert_nonnull (strstr (all, "\r\nDTSTART;TZID=Europe/Berlin:20260115T140000\r\n"));
  g_assert_nonnull (strstr (all, "\r\nRRULE:FREQ=MONTHLY;COUNT=6\r\n"));
  g_assert_nonnull (strstr (all, "\r\nEXDATE;TZID=Europe/Berlin:20260315T140000\r\n"));
  g_assert_nonnull (strstr (all, "\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260215T140000\r\n"
                                 "DTSTART;TZID=Europe/Berlin:20260216T150000\r\n"));
  g_assert_nonnull (strstr (all, "\r\nDTSTART;VALUE=DATE:20260420\r\nDTEND;VALUE=DATE:20260422\r\n"));
  g_assert_nonnull (strstr (all, "\r\nDTSTART:20260202T080000Z\r\n"));
  g_assert_nonnull (strstr (all, "\r\nSUMMARY:Kick-off\\; scope\\, budget \\\\ risks\r\n"));
  g_assert_nonnull (strstr (all, "\r\nORGANIZER;CN=\"Anna Schmidt\":mailto:anna.schmidt@liaison.example\r\n"));
  g_assert_nonnull (strstr (all, "\r\nATTENDEE;CN=\"Bob Miller\":mailto:bob.miller@acme.example\r\n"));
  g_assert_nonnull (strstr (all, "\r\nX-LIAISON-ACCOUNT:K-2002\r\n"));
  g_assert_nonnull (strstr (all, "\r\nX-LIAISON-STATUS:held\r\n"));
  g_assert_nonnull (strstr (all, "\r\nSTATUS:CANCELLED\r\n"));

  /* One account's meetings only. */
  globex = export_text (f->book, f->globex);
  g_assert_nonnull (strstr (globex, "SUMMARY:Monthly review\r\n"));
  g_assert_null (strstr (globex, "Kick-off"));
  g_assert_null (strstr (globex, "Ops sync"));
  g_assert_null (strstr (globex, "BEGIN:VTIMEZONE\r\nTZID:UTC"));
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (lia_test_book_handle (f->book), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* An export reads attendees' names and addresses from the copies
 * meeting_attendees keeps: they follow the contact and the staff member
 * as they change, and outlive a contact removed. One meeting is
 * exported alone, and a missing one refused. */
static void
test_export_attendees (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *before = NULL, *renamed = NULL, *removed = NULL, *one = NULL;
  g_autofree char *bob_sql = NULL;
  gint64 id;

  make_meetings (f);
  before = export_text (f->book, 0);
  g_assert_nonnull (strstr (before, "\r\nATTENDEE;CN=\"Bob Miller\":mailto:bob.miller@acme.example\r\n"));

  bob_sql = g_strdup_printf ("UPDATE contacts SET name = 'Robert Miller', email = 'rm@acme.example'"
                             " WHERE id = %" G_GINT64_FORMAT, f->bob);
  exec_sql (f, bob_sql);
  g_assert_true (lia_book_update_staff (f->book, f->anna, "Anna Schmidt-Lange", LIA_STAFF_ROLE_ACCOUNT_MANAGER,
                                        "anna.lange@liaison.example", TRUE, &error));
  g_assert_no_error (error);
  renamed = export_text (f->book, 0);
  g_assert_null (strstr (renamed, "Bob Miller"));
  g_assert_nonnull (strstr (renamed, "\r\nATTENDEE;CN=\"Robert Miller\":mailto:rm@acme.example\r\n"));
  g_assert_nonnull (strstr (renamed, "\r\nATTENDEE;CN=\"Anna Schmidt-Lange\":mailto:anna.lange@liaison.ex"));
  g_assert_nonnull (strstr (renamed, "\r\nATTENDEE;CN=\"Zoë External\":mailto:zoe@partner.example\r\n"));

  g_free (bob_sql);
  bob_sql = g_strdup_printf ("DELETE FROM contacts WHERE id = %" G_GINT64_FORMAT, f->bob);
  exec_sql (f, bob_sql);
  removed = export_text (f->book, 0);
  g_assert_nonnull (strstr (removed, "\r\nATTENDEE;CN=\"Robert Miller\":mailto:rm@acme.example\r\n"));

  /* The meeting alone: its zone, its event, nothing else. */
  id = lia_test_book_sql_int (f->book, "SELECT id FROM meetings WHERE title LIKE 'Kick-off%%'");
  g_assert_true (lia_ics_export (f->book, 0, id, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  one = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (one, "SUMMARY:Kick-off"));
  g_assert_null (strstr (one, "Monthly review"));
  g_assert_nonnull (strstr (one, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
  g_assert_false (lia_ics_export (f->book, f->globex, id, out, NULL, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lia_ics_export (f->book, 0, id + 1000, out, NULL, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);
}

/* Other programs' reading of the export: libical's, with no complaint. */
static void
test_export_parses (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = NULL;
  icalcomponent *root;
  guint n = 0;

  make_meetings (f);
  text = export_text (f->book, 0);
  root = icalparser_parse_string (text);
  g_assert_nonnull (root);
  g_assert_null (icalcomponent_get_first_property (root, ICAL_XLICERROR_PROPERTY));
  for (icalcomponent *e = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       e; e = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT), n++)
    {
      g_assert_null (icalcomponent_get_first_property (e, ICAL_XLICERROR_PROPERTY));
      g_assert_nonnull (icalcomponent_get_uid (e));
      g_assert_false (icaltime_is_null_time (icalcomponent_get_dtstamp (e)));
    }
  g_assert_cmpuint (n, ==, 4 + 3);      /* four series, three overrides */
  icalcomponent_free (root);
}

/* The SEQUENCE of the series @uid in @text (its own VEVENT comes first). */
static gint64
sequence_in (const char *text,
             const char *uid)
{
  g_autofree char *line = g_strdup_printf ("\r\nUID:%s\r\n", uid);
  const char *at = strstr (text, line);

  g_assert_nonnull (at);
  at = strstr (at, "\r\nSEQUENCE:");
  g_assert_nonnull (at);
  return g_ascii_strtoll (at + strlen ("\r\nSEQUENCE:"), NULL, 10);
}

/* Calendars take an event again only with a higher SEQUENCE: every
 * change raises it, an override's and an import's too; a file's own
 * SEQUENCE is kept for a new meeting. */
static void
test_sequence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *moved = NULL, *imported = NULL, *path = NULL;
  g_autofree char *single_uid = NULL, *series_uid = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(LiaMeeting) single = NULL, series = NULL, fresh = NULL;
  g_autoptr(LiaOccurrence) o = NULL;
  guint added = 0, updated = 0;
  gint64 id;

  make_meetings (f);
  id = lia_test_book_sql_int (f->book, "SELECT id FROM meetings WHERE title LIKE 'Kick-off%%'");
  single = lia_meeting_repository_lookup (lia_book_get_meetings (f->book), id, &error);
  g_assert_no_error (error);
  single_uid = g_strdup (lia_meeting_get_uid (single));
  id = lia_test_book_sql_int (f->book, "SELECT id FROM meetings WHERE title = 'Monthly review'");
  series = lia_meeting_repository_lookup (lia_book_get_meetings (f->book), id, &error);
  g_assert_no_error (error);
  series_uid = g_strdup (lia_meeting_get_uid (series));
  before = export_text (f->book, 0);
  /* Its overrides were each a change. */
  g_assert_cmpint (sequence_in (before, series_uid), >, 0);

  /* An update of the meeting. */
  lia_meeting_set_title (single, "Kick-off, again");
  g_assert_true (lia_meeting_repository_update (lia_book_get_meetings (f->book), single, &error));
  g_assert_no_error (error);
  after = export_text (f->book, 0);
  g_assert_cmpint (sequence_in (after, single_uid), >, sequence_in (before, single_uid));
  g_assert_cmpint (sequence_in (after, series_uid), ==, sequence_in (before, series_uid));

  /* A change of one occurrence alone. */
  o = occurrence (f, series, berlin (2026, 6, 15, 14, 0));
  lia_occurrence_set_location (o, "Globex, Berlin");
  save_occurrence (f, o);
  moved = export_text (f->book, 0);
  g_assert_cmpint (sequence_in (moved, series_uid), >, sequence_in (after, series_uid));

  /* An import of a known UID raises it, even from a file with the old
   * SEQUENCE; a new one keeps the file's. */
  edited = g_string_new (after);
  g_string_replace (edited, "Kick-off\\, again", "Kick-off\\, third time", 0);
  g_string_replace (edited, "Audit days", "Audit week", 0);
  g_string_replace (edited, series_uid, "new-series@elsewhere", 0);
  path = write_temp (f, "sequence.ics", edited->str);
  g_assert_true (import (f, path, 0, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (updated, ==, 3);
  imported = export_text (f->book, 0);
  g_assert_nonnull (strstr (imported, "SUMMARY:Kick-off\\, third time\r\n"));
  g_assert_cmpint (sequence_in (imported, single_uid), >, sequence_in (after, single_uid));
  fresh = meeting_by_uid (f->book, "new-series@elsewhere");
  g_assert_cmpint (lia_meeting_get_sequence (fresh), ==, sequence_in (after, series_uid));
  g_assert_cmpint (sequence_in (imported, "new-series@elsewhere"), ==, sequence_in (after, series_uid));
}

int
main (int   argc,
      char *argv[])
{
  /* Dates and floating times of a file are local: make that Berlin. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/ics/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sample/evolution", test_evolution);
  ADD ("sample/google", test_google);
  ADD ("sample/outlook", test_outlook);
  ADD ("sample/all-day", test_all_day);
  ADD ("sample/exceptions", test_exceptions);
  ADD ("refused/malformed", test_malformed);
  ADD ("refused/unmatched", test_unmatched);
  ADD ("refused/empty", test_empty);
  ADD ("refused/rollback", test_rollback);
  ADD ("reimport", test_reimport);
  ADD ("export", test_export);
  ADD ("export-parses", test_export_parses);
  ADD ("export-attendees", test_export_attendees);
  ADD ("round-trip", test_round_trip);
  ADD ("sequence", test_sequence);
#undef ADD

  return g_test_run ();
}
