/* test-meeting-edits.c — the edit contract of a meeting series: one
 * occurrence, this and later ones, or all of them, and the deletes, each
 * against a series that already has exceptions of every kind
 *
 * The series (series_with_exceptions()) is a monthly review on the 10th
 * at 10:00 in Berlin, twelve times in 2026, with: March moved to the
 * 12th at 14:00, May cancelled, June retitled "Site visit", February
 * held with minutes and a rating (so a contact event) and a follow-up,
 * and a follow-up from November. Every test asserts exactly which
 * occurrences exist afterwards (times, titles, statuses, minutes), on
 * both halves of a split; that nothing held or minuted is lost; that
 * follow-ups point at occurrences that exist; and that contact events
 * and last_contact_at follow the held meetings deleted.
 *
 * A held occurrence happened when it happened: moving the rest of its
 * series leaves it (and its contact) where it was.
 *
 * The local zone is Europe/Berlin; expected instants are made here from
 * wall times, never read back from the code under test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-follow-up-repository.h"
#include "lia-meeting-repository.h"

#include "test-book.h"

#define HOURS(n) ((gint64)(n) * 3600)
#define ZONE     "Europe/Berlin"
#define TITLE    "Monthly review"

typedef struct
{
  char                  *dir;
  LiaBook               *book;
  LiaMeetingRepository  *meetings;
  LiaFollowUpRepository *follow_ups;
  gint64                 now;
  gint64                 alice;
  gint64                 account;
  guint                  n_meeting_changed;
  guint                  n_account_changed;
  gboolean               changed_in_transaction;
} Fixture;

static gint64
at (int month,
    int day,
    int hour,
    int minute)
{
  return lia_test_wall (ZONE, 2026, month, day, hour, minute);
}

#define sql_int(f, ...) lia_test_book_sql_int ((f)->book, __VA_ARGS__)

static void
on_meeting_changed (LiaMeetingRepository *meetings,
                    gint64                meeting_id,
                    gint64                account_id,
                    Fixture              *f)
{
  f->n_meeting_changed++;
}

/* Listeners must hear of a change once it is committed, not before. */
static void
on_account_changed (LiaBook  *book,
                    gint64    account_id,
                    gboolean  inserted,
                    Fixture  *f)
{
  if (account_id != f->account)
    return;
  f->n_account_changed++;
  f->changed_in_transaction |= lia_database_in_transaction (lia_book_get_database (book));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("E-1", "Northwind Logistics", "key-account");

  f->now = at (1, 1, 9, 0);
  f->book = lia_test_book_new (&f->dir, NULL, &f->now, "Test Actor");
  f->meetings = lia_book_get_meetings (f->book);
  f->follow_ups = lia_book_get_follow_ups (f->book);
  f->alice = lia_test_add_staff (f->book, "Alice Martin", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  lia_account_set_manager_id (account, f->alice);
  f->account = lia_test_account_create (f->book, account);
  g_signal_connect (f->meetings, "meeting-changed", G_CALLBACK (on_meeting_changed), f);
  g_signal_connect (f->book, "account-changed", G_CALLBACK (on_account_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, NULL);
}

/* Helpers -------------------------------------------------------------- */

static gint64
add_meeting (Fixture    *f,
             const char *title,
             gint64      start,
             const char *rrule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaMeeting) meeting = lia_meeting_new (f->account, title, start, start + HOURS (1));

  lia_meeting_set_tzid (meeting, ZONE);
  lia_meeting_set_rrule (meeting, rrule);
  g_assert_true (lia_meeting_repository_add (f->meetings, meeting, &error));
  g_assert_no_error (error);
  return lia_meeting_get_id (meeting);
}

static LiaOccurrence *
occurrence_at (Fixture *f,
               gint64   meeting_id,
               gint64   recurrence_id)
{
  g_autoptr(GError) error = NULL;
  LiaOccurrence *occurrence = lia_meeting_repository_lookup_occurrence (f->meetings, meeting_id,
                                                                        recurrence_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (occurrence);
  return occurrence;
}

static void
edit (Fixture       *f,
      LiaOccurrence *occurrence,
      LiaEditScope   scope)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_meeting_repository_update_occurrence (f->meetings, occurrence, scope, &error));
  g_assert_no_error (error);
}

static void
delete (Fixture      *f,
        gint64        meeting_id,
        gint64        recurrence_id,
        LiaEditScope  scope)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_meeting_repository_delete_occurrence (f->meetings, meeting_id, recurrence_id,
                                                           scope, &error));
  g_assert_no_error (error);
}

static void
move_one (Fixture *f,
          gint64   meeting_id,
          gint64   recurrence_id,
          gint64   to)
{
  g_autoptr(LiaOccurrence) occurrence = occurrence_at (f, meeting_id, recurrence_id);

  lia_occurrence_set_times (occurrence, to, to + HOURS (1));
  edit (f, occurrence, LIA_EDIT_SCOPE_THIS);
}

/* Held (the clock past its start), with minutes and a rating. */
static void
hold (Fixture    *f,
      gint64      meeting_id,
      gint64      recurrence_id,
      const char *minutes,
      int         rating)
{
  g_autoptr(LiaOccurrence) occurrence = occurrence_at (f, meeting_id, recurrence_id);

  lia_occurrence_set_status (occurrence, LIA_MEETING_STATUS_HELD);
  lia_occurrence_set_minutes (occurrence, minutes);
  lia_occurrence_set_rating (occurrence, rating);
  edit (f, occurrence, LIA_EDIT_SCOPE_THIS);
}

static gint64
add_follow_up (Fixture    *f,
               gint64      meeting_id,
               gint64      occurrence_at,
               const char *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) due = g_date_new_dmy (20, 12, 2026);
  g_autoptr(LiaFollowUp) follow_up = lia_follow_up_new (0, summary, due);

  lia_follow_up_set_meeting (follow_up, meeting_id, occurrence_at);
  g_assert_true (lia_follow_up_repository_add (f->follow_ups, follow_up, &error));
  g_assert_no_error (error);
  return lia_follow_up_get_id (follow_up);
}

static void
assert_follow_up (Fixture *f,
                  gint64   id,
                  gint64   meeting_id,
                  gint64   occurrence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaFollowUp) follow_up = lia_follow_up_repository_lookup (f->follow_ups, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lia_follow_up_get_meeting_id (follow_up), ==, meeting_id);
  g_assert_cmpint (lia_follow_up_get_occurrence_at (follow_up), ==, occurrence);
  /* ... and that occurrence exists. */
  if (meeting_id != 0)
    g_object_unref (occurrence_at (f, meeting_id, occurrence));
}

typedef struct
{
  gint64 id;
  gint64 feb_follow_up;
  gint64 nov_follow_up;
  gint64 feb_event;
} Series;

/* The series of the header comment; the clock is left on 11 February. */
static Series
series_with_exceptions (Fixture *f)
{
  Series s = { 0, };
  g_autoptr(LiaOccurrence) june = NULL;

  s.id = add_meeting (f, TITLE, at (1, 10, 10, 0), "FREQ=MONTHLY;COUNT=12");
  move_one (f, s.id, at (3, 10, 10, 0), at (3, 12, 14, 0));
  delete (f, s.id, at (5, 10, 10, 0), LIA_EDIT_SCOPE_THIS);
  june = occurrence_at (f, s.id, at (6, 10, 10, 0));
  lia_occurrence_set_title (june, "Site visit");
  edit (f, june, LIA_EDIT_SCOPE_THIS);
  s.nov_follow_up = add_follow_up (f, s.id, at (11, 10, 10, 0), "Quote for the new site");

  f->now = at (2, 11, 9, 0);
  hold (f, s.id, at (2, 10, 10, 0), "February minutes", 4);
  s.feb_follow_up = add_follow_up (f, s.id, at (2, 10, 10, 0), "Send the February figures");
  s.feb_event = sql_int (f, "SELECT contact_event_id FROM meeting_occurrences WHERE meeting_id = %"
                            G_GINT64_FORMAT " AND recurrence_id = %" G_GINT64_FORMAT,
                         s.id, at (2, 10, 10, 0));
  g_assert_cmpint (s.feb_event, >, 0);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);
  return s;
}

/* What an occurrence must look like; minutes NULL: none. */
typedef struct
{
  gint64            recurrence_id;
  gint64            starts_at;
  gint64            ends_at;
  const char       *title;
  LiaMeetingStatus  status;
  const char       *minutes;
  int               rating;
} Expect;

#define PLAIN(m, d, h) { at (m, d, h, 0), at (m, d, h, 0), at (m, d, (h) + 1, 0), TITLE, \
                         LIA_MEETING_STATUS_PLANNED, NULL, 0 }

static char *
show (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (t);

  return g_date_time_format (dt, "%F %R");
}

/* Meeting @meeting_id has exactly the occurrences @expected from 2025
 * to 2027, in order. */
static void
assert_occurrences (Fixture      *f,
                    gint64        meeting_id,
                    const Expect *expected,
                    guint         n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = lia_meeting_repository_list_range (f->meetings,
                                                                  lia_test_wall (ZONE, 2025, 1, 1, 0, 0),
                                                                  lia_test_wall (ZONE, 2028, 1, 1, 0, 0),
                                                                  0, FALSE, &error);
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LiaOccurrence) o = g_list_model_get_item (list, i);

      if (lia_occurrence_get_meeting_id (o) == meeting_id)
        g_ptr_array_add (mine, g_steal_pointer (&o));
    }

  for (guint i = 0; i < MAX (mine->len, n_expected); i++)
    {
      LiaOccurrence *o = i < mine->len ? g_ptr_array_index (mine, i) : NULL;
      const Expect *e = i < n_expected ? &expected[i] : NULL;
      g_autoptr(LiaOccurrence) whole = NULL;
      g_autofree char *got = o ? show (lia_occurrence_get_starts_at (o)) : g_strdup ("nothing");
      g_autofree char *want = e ? show (e->starts_at) : g_strdup ("nothing");

      if (o == NULL || e == NULL || lia_occurrence_get_starts_at (o) != e->starts_at ||
          lia_occurrence_get_recurrence_id (o) != e->recurrence_id)
        g_error ("meeting %" G_GINT64_FORMAT ", occurrence %u: starts %s, expected %s", meeting_id, i,
                 got, want);
      g_assert_cmpint (lia_occurrence_get_ends_at (o), ==, e->ends_at);
      g_assert_cmpstr (lia_occurrence_get_title (o), ==, e->title);
      g_assert_cmpint (lia_occurrence_get_status (o), ==, e->status);

      /* The notes are read whole, one occurrence at a time. */
      whole = occurrence_at (f, meeting_id, e->recurrence_id);
      g_assert_cmpint (lia_occurrence_get_starts_at (whole), ==, e->starts_at);
      g_assert_cmpstr (lia_occurrence_get_minutes (whole), ==, e->minutes ? e->minutes : "");
      g_assert_cmpint (lia_occurrence_get_rating (whole), ==, e->rating);
      g_assert_cmpint (lia_occurrence_get_status (whole), ==, e->status);
    }
}

static gint64
last_contact (Fixture *f)
{
  return sql_int (f, "SELECT coalesce (last_contact_at, 0) FROM accounts WHERE id = %" G_GINT64_FORMAT,
                  f->account);
}

static const char * const watched[] = {
  "meetings", "meeting_occurrences", "meeting_attendees", "follow_ups", "events", NULL,
};

/* @occurrence's edit in @scope is refused as invalid, and nothing changed. */
static void
assert_refused (Fixture       *f,
                LiaOccurrence *occurrence,
                LiaEditScope   scope)
{
  g_autoptr(GError) error = NULL;
  LiaTestSnapshot before = lia_test_snapshot (f->book, watched);
  guint changed = f->n_meeting_changed;

  g_assert_false (lia_meeting_repository_update_occurrence (f->meetings, occurrence, scope, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_test_message ("refused: %s", error->message);
  lia_test_assert_unchanged (f->book, &before);
  g_assert_cmpuint (f->n_meeting_changed, ==, changed);
}

/* The series as series_with_exceptions() leaves it. */
static void
assert_untouched (Fixture      *f,
                  const Series *s)
{
  const Expect expected[] = {
    PLAIN (1, 10, 10),
    { at (2, 10, 10, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), TITLE, LIA_MEETING_STATUS_HELD, "February minutes", 4 },
    { at (3, 10, 10, 0), at (3, 12, 14, 0), at (3, 12, 15, 0), TITLE, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (4, 10, 10),
    { at (6, 10, 10, 0), at (6, 10, 10, 0), at (6, 10, 11, 0), "Site visit", LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (7, 10, 10), PLAIN (8, 10, 10), PLAIN (9, 10, 10), PLAIN (10, 10, 10), PLAIN (11, 10, 10),
    PLAIN (12, 10, 10),
  };

  assert_occurrences (f, s->id, expected, G_N_ELEMENTS (expected));
  assert_follow_up (f, s->feb_follow_up, s->id, at (2, 10, 10, 0));
  assert_follow_up (f, s->nov_follow_up, s->id, at (11, 10, 10, 0));
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
}

/* This one ------------------------------------------------------------- */

/* Occurrences that already have exceptions of their own, edited again:
 * they keep what they had and take only the edit. */
static void
test_this (Fixture       *f,
           gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) feb = occurrence_at (f, s.id, at (2, 10, 10, 0));
  g_autoptr(LiaOccurrence) march = occurrence_at (f, s.id, at (3, 10, 10, 0));
  g_autoptr(LiaOccurrence) june = occurrence_at (f, s.id, at (6, 10, 10, 0));
  const Expect expected[] = {
    PLAIN (1, 10, 10),
    { at (2, 10, 10, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), "Signed review", LIA_MEETING_STATUS_HELD, "February minutes", 4 },
    { at (3, 10, 10, 0), at (3, 13, 9, 0), at (3, 13, 10, 0), TITLE, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (4, 10, 10),
    { at (6, 10, 10, 0), at (6, 10, 15, 0), at (6, 10, 16, 0), "Site visit", LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (7, 10, 10), PLAIN (8, 10, 10), PLAIN (9, 10, 10), PLAIN (10, 10, 10), PLAIN (11, 10, 10),
    PLAIN (12, 10, 10),
  };

  lia_occurrence_set_title (feb, "Signed review");
  edit (f, feb, LIA_EDIT_SCOPE_THIS);
  lia_occurrence_set_times (march, at (3, 13, 9, 0), at (3, 13, 10, 0));
  edit (f, march, LIA_EDIT_SCOPE_THIS);
  lia_occurrence_set_times (june, at (6, 10, 15, 0), at (6, 10, 16, 0));
  edit (f, june, LIA_EDIT_SCOPE_THIS);

  assert_occurrences (f, s.id, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 1);
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 10, 10, 0));
  assert_follow_up (f, s.nov_follow_up, s.id, at (11, 10, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
}

/* All ------------------------------------------------------------------ */

/* An hour later and a new title for all: the moved March keeps its own
 * shift, June loses its own title (it was the one edited), February
 * stays at the hour it was held, May stays cancelled. */
static void
test_all_time (Fixture       *f,
               gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) june = occurrence_at (f, s.id, at (6, 10, 10, 0));
  const char *t = "Service review";
  const Expect expected[] = {
    { at (1, 10, 11, 0), at (1, 10, 11, 0), at (1, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (2, 10, 11, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), t, LIA_MEETING_STATUS_HELD, "February minutes", 4 },
    { at (3, 10, 11, 0), at (3, 12, 15, 0), at (3, 12, 16, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (4, 10, 11, 0), at (4, 10, 11, 0), at (4, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (6, 10, 11, 0), at (6, 10, 11, 0), at (6, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (7, 10, 11, 0), at (7, 10, 11, 0), at (7, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (8, 10, 11, 0), at (8, 10, 11, 0), at (8, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (9, 10, 11, 0), at (9, 10, 11, 0), at (9, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (10, 10, 11, 0), at (10, 10, 11, 0), at (10, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (11, 10, 11, 0), at (11, 10, 11, 0), at (11, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (12, 10, 11, 0), at (12, 10, 11, 0), at (12, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
  };

  lia_occurrence_set_times (june, at (6, 10, 11, 0), at (6, 10, 12, 0));
  lia_occurrence_set_title (june, t);
  edit (f, june, LIA_EDIT_SCOPE_ALL);

  /* May (and only May) stays cancelled; it is not listed above. */
  assert_occurrences (f, s.id, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled AND recurrence_id = %"
                               G_GINT64_FORMAT, at (5, 10, 11, 0)), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 1);
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 10, 11, 0));
  assert_follow_up (f, s.nov_follow_up, s.id, at (11, 10, 11, 0));
  /* The contact stays where the meeting was held. */
  g_assert_cmpint (sql_int (f, "SELECT opened_at FROM events WHERE id = %" G_GINT64_FORMAT, s.feb_event), ==,
                   at (2, 10, 10, 0));
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
}

/* A day later for all, on a rule that counts days of the month from its
 * start: every occurrence and exception moves a day, but the held one. */
static void
test_all_date (Fixture       *f,
               gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) june = occurrence_at (f, s.id, at (6, 10, 10, 0));
  const Expect expected[] = {
    PLAIN (1, 11, 10),
    { at (2, 11, 10, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), TITLE, LIA_MEETING_STATUS_HELD, "February minutes", 4 },
    { at (3, 11, 10, 0), at (3, 13, 14, 0), at (3, 13, 15, 0), TITLE, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (4, 11, 10),
    { at (6, 11, 10, 0), at (6, 11, 10, 0), at (6, 11, 11, 0), "Site visit", LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (7, 11, 10), PLAIN (8, 11, 10), PLAIN (9, 11, 10), PLAIN (10, 11, 10), PLAIN (11, 11, 10),
    PLAIN (12, 11, 10),
  };

  lia_occurrence_set_times (june, at (6, 11, 10, 0), at (6, 11, 11, 0));
  edit (f, june, LIA_EDIT_SCOPE_ALL);

  assert_occurrences (f, s.id, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled AND recurrence_id = %"
                               G_GINT64_FORMAT, at (5, 11, 10, 0)), ==, 1);
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 11, 10, 0));
  assert_follow_up (f, s.nov_follow_up, s.id, at (11, 11, 10, 0));
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
}

/* Edited for all from occurrences with exceptions of their own: the
 * moved March (its own move is the reference), then the held February. */
static void
test_all_from_exception (Fixture       *f,
                         gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) march = occurrence_at (f, s.id, at (3, 10, 10, 0));
  g_autoptr(LiaOccurrence) feb = NULL;
  const char *t = "Spring review";
  const Expect expected[] = {
    { at (1, 10, 11, 0), at (1, 10, 11, 0), at (1, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (2, 10, 11, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), "Signed", LIA_MEETING_STATUS_HELD, "February minutes", 4 },
    { at (3, 10, 11, 0), at (3, 12, 15, 0), at (3, 12, 16, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (4, 10, 11, 0), at (4, 10, 11, 0), at (4, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (6, 10, 11, 0), at (6, 10, 11, 0), at (6, 10, 12, 0), "Site visit", LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (7, 10, 11, 0), at (7, 10, 11, 0), at (7, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (8, 10, 11, 0), at (8, 10, 11, 0), at (8, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (9, 10, 11, 0), at (9, 10, 11, 0), at (9, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (10, 10, 11, 0), at (10, 10, 11, 0), at (10, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (11, 10, 11, 0), at (11, 10, 11, 0), at (11, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (12, 10, 11, 0), at (12, 10, 11, 0), at (12, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
  };

  lia_occurrence_set_times (march, at (3, 12, 15, 0), at (3, 12, 16, 0));
  lia_occurrence_set_title (march, t);
  edit (f, march, LIA_EDIT_SCOPE_ALL);

  /* The held one's own title, for all: the series' title, but February
   * keeps it as the occurrence edited; the others keep theirs. */
  feb = occurrence_at (f, s.id, at (2, 10, 11, 0));
  g_assert_cmpint (lia_occurrence_get_status (feb), ==, LIA_MEETING_STATUS_HELD);
  lia_occurrence_set_title (feb, "Signed");
  edit (f, feb, LIA_EDIT_SCOPE_THIS);

  assert_occurrences (f, s.id, expected, G_N_ELEMENTS (expected));
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 10, 11, 0));
  assert_follow_up (f, s.nov_follow_up, s.id, at (11, 10, 11, 0));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
}

/* The second Tuesday, six times: 13 Jan, 10 Feb, 10 Mar, 14 Apr, 12 May,
 * 9 Jun; February held, March cancelled, April minuted. Moving its date
 * cannot keep "the second Tuesday": refused, with nothing changed,
 * whatever the scope; moving the hour is fine. */
static void
test_all_byday (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_meeting (f, TITLE, at (1, 13, 10, 0), "FREQ=MONTHLY;BYDAY=2TU;COUNT=6");
  g_autoptr(LiaOccurrence) april = occurrence_at (f, id, at (4, 14, 10, 0));
  g_autoptr(LiaOccurrence) may = NULL;
  g_autoptr(LiaMeeting) meeting = NULL;
  gint64 follow_up;
  const Expect before[] = {
    PLAIN (1, 13, 10),
    { at (2, 10, 10, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), TITLE, LIA_MEETING_STATUS_HELD, "February minutes", 3 },
    { at (4, 14, 10, 0), at (4, 14, 10, 0), at (4, 14, 11, 0), TITLE, LIA_MEETING_STATUS_PLANNED, "April minutes", 0 },
    PLAIN (5, 12, 10), PLAIN (6, 9, 10),
  };
  const Expect after[] = {
    PLAIN (1, 13, 11),
    { at (2, 10, 11, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), TITLE, LIA_MEETING_STATUS_HELD, "February minutes", 3 },
    { at (4, 14, 11, 0), at (4, 14, 11, 0), at (4, 14, 12, 0), TITLE, LIA_MEETING_STATUS_PLANNED, "April minutes", 0 },
    PLAIN (5, 12, 11), PLAIN (6, 9, 11),
  };

  delete (f, id, at (3, 10, 10, 0), LIA_EDIT_SCOPE_THIS);
  lia_occurrence_set_minutes (april, "April minutes");
  edit (f, april, LIA_EDIT_SCOPE_THIS);
  f->now = at (2, 11, 9, 0);
  hold (f, id, at (2, 10, 10, 0), "February minutes", 3);
  follow_up = add_follow_up (f, id, at (2, 10, 10, 0), "Send the figures");
  assert_occurrences (f, id, before, G_N_ELEMENTS (before));

  /* 12 May to Wednesday 13 May, for all and from there on. */
  may = occurrence_at (f, id, at (5, 12, 10, 0));
  lia_occurrence_set_times (may, at (5, 13, 10, 0), at (5, 13, 11, 0));
  assert_refused (f, may, LIA_EDIT_SCOPE_ALL);
  assert_refused (f, may, LIA_EDIT_SCOPE_THIS_AND_LATER);
  g_clear_object (&may);
  assert_occurrences (f, id, before, G_N_ELEMENTS (before));

  /* The series' own start a day on, through the series. */
  {
    LiaTestSnapshot snapshot = lia_test_snapshot (f->book, watched);

    meeting = lia_meeting_repository_lookup (f->meetings, id, &error);
    g_assert_no_error (error);
    lia_meeting_set_times (meeting, at (1, 14, 10, 0), at (1, 14, 11, 0));
    g_assert_false (lia_meeting_repository_update (f->meetings, meeting, &error));
    g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    lia_test_assert_unchanged (f->book, &snapshot);
  }
  assert_occurrences (f, id, before, G_N_ELEMENTS (before));

  /* An hour later, the same days. */
  may = occurrence_at (f, id, at (5, 12, 10, 0));
  lia_occurrence_set_times (may, at (5, 12, 11, 0), at (5, 12, 12, 0));
  edit (f, may, LIA_EDIT_SCOPE_ALL);
  assert_occurrences (f, id, after, G_N_ELEMENTS (after));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled AND recurrence_id = %"
                               G_GINT64_FORMAT, at (3, 10, 11, 0)), ==, 1);
  assert_follow_up (f, follow_up, id, at (2, 10, 11, 0));
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
}

/* Monthly from 30 January (no 30 February): a day later would put it
 * on the 31st, which five months lack: refused, and the minuted April
 * stays. */
static void
test_all_month_end (Fixture       *f,
                    gconstpointer  data)
{
  gint64 id = add_meeting (f, TITLE, at (1, 30, 10, 0), "FREQ=MONTHLY;COUNT=6");
  g_autoptr(LiaOccurrence) april = occurrence_at (f, id, at (4, 30, 10, 0));
  g_autoptr(LiaOccurrence) march = NULL;
  const Expect before[] = {
    PLAIN (1, 30, 10), PLAIN (3, 30, 10),
    { at (4, 30, 10, 0), at (4, 30, 10, 0), at (4, 30, 11, 0), TITLE, LIA_MEETING_STATUS_PLANNED, "April minutes", 0 },
    PLAIN (5, 30, 10), PLAIN (6, 30, 10), PLAIN (7, 30, 10),
  };

  lia_occurrence_set_minutes (april, "April minutes");
  edit (f, april, LIA_EDIT_SCOPE_THIS);
  assert_occurrences (f, id, before, G_N_ELEMENTS (before));

  march = occurrence_at (f, id, at (3, 30, 10, 0));
  lia_occurrence_set_times (march, at (3, 31, 10, 0), at (3, 31, 11, 0));
  assert_refused (f, march, LIA_EDIT_SCOPE_ALL);
  assert_refused (f, march, LIA_EDIT_SCOPE_THIS_AND_LATER);
  assert_occurrences (f, id, before, G_N_ELEMENTS (before));
}

/* This and later ------------------------------------------------------- */

/* Split at August, an hour earlier and retitled. September (moved to the
 * 15th and held there) goes to the new series but stays where it was
 * held; October stays cancelled; the first half keeps its own. */
static void
test_later (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) august = NULL;
  gint64 tail, sep_event;
  const char *t = "New format";
  const Expect head_expected[] = {
    PLAIN (1, 10, 10),
    { at (2, 10, 10, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), TITLE, LIA_MEETING_STATUS_HELD, "February minutes", 4 },
    { at (3, 10, 10, 0), at (3, 12, 14, 0), at (3, 12, 15, 0), TITLE, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (4, 10, 10),
    { at (6, 10, 10, 0), at (6, 10, 10, 0), at (6, 10, 11, 0), "Site visit", LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (7, 10, 10),
  };
  const Expect tail_expected[] = {
    { at (8, 10, 9, 0), at (8, 10, 9, 0), at (8, 10, 10, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (9, 10, 9, 0), at (9, 15, 10, 0), at (9, 15, 11, 0), t, LIA_MEETING_STATUS_HELD, "September minutes", 5 },
    { at (11, 10, 9, 0), at (11, 10, 9, 0), at (11, 10, 10, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (12, 10, 9, 0), at (12, 10, 9, 0), at (12, 10, 10, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
  };

  move_one (f, s.id, at (9, 10, 10, 0), at (9, 15, 10, 0));
  delete (f, s.id, at (10, 10, 10, 0), LIA_EDIT_SCOPE_THIS);
  f->now = at (9, 16, 9, 0);
  hold (f, s.id, at (9, 10, 10, 0), "September minutes", 5);
  sep_event = sql_int (f, "SELECT contact_event_id FROM meeting_occurrences WHERE recurrence_id = %"
                          G_GINT64_FORMAT, at (9, 10, 10, 0));
  g_assert_cmpint (sep_event, >, 0);

  august = occurrence_at (f, s.id, at (8, 10, 10, 0));
  lia_occurrence_set_times (august, at (8, 10, 9, 0), at (8, 10, 10, 0));
  lia_occurrence_set_title (august, t);
  edit (f, august, LIA_EDIT_SCOPE_THIS_AND_LATER);

  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 2);
  tail = sql_int (f, "SELECT id FROM meetings WHERE id <> %" G_GINT64_FORMAT, s.id);
  assert_occurrences (f, s.id, head_expected, G_N_ELEMENTS (head_expected));
  assert_occurrences (f, tail, tail_expected, G_N_ELEMENTS (tail_expected));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled AND meeting_id = %"
                               G_GINT64_FORMAT " AND recurrence_id = %" G_GINT64_FORMAT,
                            tail, at (10, 10, 9, 0)), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled AND meeting_id = %"
                               G_GINT64_FORMAT " AND recurrence_id = %" G_GINT64_FORMAT,
                            s.id, at (5, 10, 10, 0)), ==, 1);
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 10, 10, 0));
  assert_follow_up (f, s.nov_follow_up, tail, at (11, 10, 9, 0));

  /* Both contacts are where they were, each named by its occurrence. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 2);
  g_assert_cmpint (sql_int (f, "SELECT contact_event_id FROM meeting_occurrences WHERE meeting_id = %"
                               G_GINT64_FORMAT " AND recurrence_id = %" G_GINT64_FORMAT,
                            tail, at (9, 10, 9, 0)), ==, sep_event);
  g_assert_cmpint (sql_int (f, "SELECT contact_event_id FROM meeting_occurrences WHERE meeting_id = %"
                               G_GINT64_FORMAT " AND recurrence_id = %" G_GINT64_FORMAT,
                            s.id, at (2, 10, 10, 0)), ==, s.feb_event);
  g_assert_cmpint (last_contact (f), ==, at (9, 15, 10, 0));
  g_assert_no_error (error);
}

/* Split at the moved March, moved an hour on from where it was moved to:
 * the new series starts an hour later on the 10th; March keeps its own
 * day; June keeps its own title. */
static void
test_later_from_exception (Fixture       *f,
                           gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) march = occurrence_at (f, s.id, at (3, 10, 10, 0));
  gint64 tail;
  const char *t = "Spring format";
  const Expect head_expected[] = {
    PLAIN (1, 10, 10),
    { at (2, 10, 10, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), TITLE, LIA_MEETING_STATUS_HELD, "February minutes", 4 },
  };
  const Expect tail_expected[] = {
    { at (3, 10, 11, 0), at (3, 12, 15, 0), at (3, 12, 16, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (4, 10, 11, 0), at (4, 10, 11, 0), at (4, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (6, 10, 11, 0), at (6, 10, 11, 0), at (6, 10, 12, 0), "Site visit", LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (7, 10, 11, 0), at (7, 10, 11, 0), at (7, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (8, 10, 11, 0), at (8, 10, 11, 0), at (8, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (9, 10, 11, 0), at (9, 10, 11, 0), at (9, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (10, 10, 11, 0), at (10, 10, 11, 0), at (10, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (11, 10, 11, 0), at (11, 10, 11, 0), at (11, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    { at (12, 10, 11, 0), at (12, 10, 11, 0), at (12, 10, 12, 0), t, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
  };

  lia_occurrence_set_times (march, at (3, 12, 15, 0), at (3, 12, 16, 0));
  lia_occurrence_set_title (march, t);
  edit (f, march, LIA_EDIT_SCOPE_THIS_AND_LATER);

  tail = sql_int (f, "SELECT id FROM meetings WHERE id <> %" G_GINT64_FORMAT, s.id);
  assert_occurrences (f, s.id, head_expected, G_N_ELEMENTS (head_expected));
  assert_occurrences (f, tail, tail_expected, G_N_ELEMENTS (tail_expected));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled AND meeting_id = %"
                               G_GINT64_FORMAT " AND recurrence_id = %" G_GINT64_FORMAT,
                            tail, at (5, 10, 11, 0)), ==, 1);
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 10, 10, 0));
  assert_follow_up (f, s.nov_follow_up, tail, at (11, 10, 11, 0));
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
}

/* The repeat rule -------------------------------------------------------- */

/* Monthly becomes quarterly (January, April, July, October). February,
 * held and minuted with a follow-up, and November, with a follow-up,
 * are no longer in the series: they become meetings of their own with
 * everything they had; the plain exceptions of lost occurrences go. */
static void
test_rule_change (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Series s = series_with_exceptions (f);
  g_autoptr(LiaMeeting) meeting = lia_meeting_repository_lookup (f->meetings, s.id, &error);
  gint64 feb, nov;
  const Expect expected[] = {
    PLAIN (1, 10, 10), PLAIN (4, 10, 10), PLAIN (7, 10, 10), PLAIN (10, 10, 10),
  };
  const Expect feb_expected[] = {
    { at (2, 10, 10, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), TITLE, LIA_MEETING_STATUS_HELD, "February minutes", 4 },
  };
  const Expect nov_expected[] = { PLAIN (11, 10, 10) };
  gint64 review_before = sql_int (f, "SELECT last_review_at FROM accounts WHERE id = %" G_GINT64_FORMAT, f->account);

  g_assert_no_error (error);
  lia_meeting_set_rrule (meeting, "FREQ=MONTHLY;INTERVAL=3;COUNT=4");
  g_assert_true (lia_meeting_repository_update (f->meetings, meeting, &error));
  g_assert_no_error (error);

  assert_occurrences (f, s.id, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 3);
  feb = sql_int (f, "SELECT id FROM meetings WHERE rrule IS NULL AND starts_at = %" G_GINT64_FORMAT,
                 at (2, 10, 10, 0));
  nov = sql_int (f, "SELECT id FROM meetings WHERE rrule IS NULL AND starts_at = %" G_GINT64_FORMAT,
                 at (11, 10, 10, 0));
  g_assert_cmpint (feb, >, 0);
  g_assert_cmpint (nov, >, 0);
  assert_occurrences (f, feb, feb_expected, 1);
  assert_occurrences (f, nov, nov_expected, 1);

  /* February's contact is the new meeting's, and counts as before. */
  g_assert_cmpint (sql_int (f, "SELECT contact_event_id FROM meetings WHERE id = %" G_GINT64_FORMAT, feb),
                   ==, s.feb_event);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT last_review_at FROM accounts WHERE id = %" G_GINT64_FORMAT, f->account),
                   ==, review_before);
  g_assert_cmpint (review_before, ==, at (2, 10, 10, 0));
  assert_follow_up (f, s.feb_follow_up, feb, at (2, 10, 10, 0));
  assert_follow_up (f, s.nov_follow_up, nov, at (11, 10, 10, 0));

  /* March's move, May's removal and June's title went with them. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences"), ==, 0);
}

/* Deletes -------------------------------------------------------------- */

/* This one: the held February goes with its contact (and the account
 * hears of it once committed); the moved March goes; nothing else. */
static void
test_delete_this (Fixture       *f,
                  gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  const Expect expected[] = {
    PLAIN (1, 10, 10), PLAIN (4, 10, 10),
    { at (6, 10, 10, 0), at (6, 10, 10, 0), at (6, 10, 11, 0), "Site visit", LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (7, 10, 10), PLAIN (8, 10, 10), PLAIN (9, 10, 10), PLAIN (10, 10, 10), PLAIN (11, 10, 10),
    PLAIN (12, 10, 10),
  };

  f->n_account_changed = 0;
  delete (f, s.id, at (2, 10, 10, 0), LIA_EDIT_SCOPE_THIS);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 0);
  g_assert_cmpint (last_contact (f), ==, 0);
  g_assert_cmpuint (f->n_account_changed, >, 0);
  g_assert_false (f->changed_in_transaction);
  delete (f, s.id, at (3, 10, 10, 0), LIA_EDIT_SCOPE_THIS);

  assert_occurrences (f, s.id, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (sql_int (f, "SELECT coalesce (last_review_at, 0) FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, 0);
  /* The cancelled rows keep no contact nor held status. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled"
                               " AND (contact_event_id IS NOT NULL OR status = 'held')"), ==, 0);
  assert_follow_up (f, s.nov_follow_up, s.id, at (11, 10, 10, 0));
}

/* This and later from August: September, held, goes with its contact;
 * February's stays. */
static void
test_delete_later (Fixture       *f,
                   gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  const Expect expected[] = {
    PLAIN (1, 10, 10),
    { at (2, 10, 10, 0), at (2, 10, 10, 0), at (2, 10, 11, 0), TITLE, LIA_MEETING_STATUS_HELD, "February minutes", 4 },
    { at (3, 10, 10, 0), at (3, 12, 14, 0), at (3, 12, 15, 0), TITLE, LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (4, 10, 10),
    { at (6, 10, 10, 0), at (6, 10, 10, 0), at (6, 10, 11, 0), "Site visit", LIA_MEETING_STATUS_PLANNED, NULL, 0 },
    PLAIN (7, 10, 10),
  };

  f->now = at (9, 11, 9, 0);
  hold (f, s.id, at (9, 10, 10, 0), "September minutes", 2);
  g_assert_cmpint (last_contact (f), ==, at (9, 10, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 2);

  f->n_account_changed = 0;
  delete (f, s.id, at (8, 10, 10, 0), LIA_EDIT_SCOPE_THIS_AND_LATER);

  assert_occurrences (f, s.id, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT id FROM events"), ==, s.feb_event);
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));
  g_assert_cmpuint (f->n_account_changed, >, 0);
  g_assert_false (f->changed_in_transaction);
  g_assert_cmpint (sql_int (f, "SELECT last_review_at FROM accounts WHERE id = %" G_GINT64_FORMAT, f->account),
                   ==, at (2, 10, 10, 0));
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 10, 10, 0));
}

/* All: the series goes with its contacts; a single held meeting's
 * contact stays until it goes too. Follow-ups outlive both. */
static void
test_delete_all (Fixture       *f,
                 gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  gint64 single = add_meeting (f, "Site walk", at (2, 5, 10, 0), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_meeting_repository_set_status (f->meetings, single, at (2, 5, 10, 0),
                                                    LIA_MEETING_STATUS_HELD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 2);
  g_assert_cmpint (last_contact (f), ==, at (2, 10, 10, 0));

  f->n_account_changed = 0;
  delete (f, s.id, at (4, 10, 10, 0), LIA_EDIT_SCOPE_ALL);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);
  g_assert_cmpint (last_contact (f), ==, at (2, 5, 10, 0));
  g_assert_cmpuint (f->n_account_changed, >, 0);
  g_assert_false (f->changed_in_transaction);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM follow_ups WHERE meeting_id IS NULL"), ==, 2);

  f->n_account_changed = 0;
  delete (f, single, at (2, 5, 10, 0), LIA_EDIT_SCOPE_THIS);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 0);
  g_assert_cmpint (last_contact (f), ==, 0);
  g_assert_cmpuint (f->n_account_changed, >, 0);
  g_assert_false (f->changed_in_transaction);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 0);
}

/* Nothing else moves when the series is built: the baseline the others
 * start from. */
static void
test_baseline (Fixture       *f,
               gconstpointer  data)
{
  Series s = series_with_exceptions (f);

  assert_untouched (f, &s);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone. */
  g_setenv ("TZ", ZONE, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting-edits/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("baseline", test_baseline);
  ADD ("this", test_this);
  ADD ("all/time", test_all_time);
  ADD ("all/date", test_all_date);
  ADD ("all/from-exception", test_all_from_exception);
  ADD ("all/byday", test_all_byday);
  ADD ("all/month-end", test_all_month_end);
  ADD ("later", test_later);
  ADD ("later/from-exception", test_later_from_exception);
  ADD ("rule-change", test_rule_change);
  ADD ("delete/this", test_delete_this);
  ADD ("delete/later", test_delete_later);
  ADD ("delete/all", test_delete_all);

#undef ADD

  return g_test_run ();
}
