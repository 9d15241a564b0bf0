/* test-meetings.c — meetings through LiaMeetingRepository: recurrence
 * expanded with libical across daylight saving, COUNT and UNTIL,
 * exceptions, the three edit scopes and deletes against a series with
 * exceptions, range queries that read only the series they need, held
 * meetings as contacts and reviews, review cadence, and the portfolio
 * roll-ups of next review and overdue follow-ups
 *
 * The local zone is Europe/Berlin (set before GLib reads it). Dates are
 * in 2026: clocks spring forward on Sunday 29 March and fall back on
 * Sunday 25 October. Every expected instant is made here from a wall
 * time with GDateTime, never read back from the code under test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-follow-up-repository.h"
#include "lia-meeting-repository.h"
#include "lia-meeting-store.h"
#include "lia-recurrence.h"
#include "lia-sample-data.h"

#include "test-book.h"

#define HOURS(n) ((gint64)(n) * 3600)
#define DAYS(n)  ((gint64)(n) * 86400)
#define ZONE     "Europe/Berlin"

/* 10:00 on the 10th of each month of 2026, from January: the series
 * most tests edit. */
#define MONTHLY_12 "FREQ=MONTHLY;COUNT=12"

typedef struct
{
  char                   *dir;
  LiaBook                *book;
  LiaMeetingRepository   *meetings;
  LiaFollowUpRepository  *follow_ups;
  LiaPortfolioRepository *portfolios;
  gint64                  now;
  gint64                  alice;
  gint64                  account;     /* a key account */
  guint                   n_changed;
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

/* Major accounts need a manager: Alice. */
static gint64
create_account (Fixture    *f,
                const char *name,
                const char *segment)
{
  static guint serial = 0;
  g_autofree char *number = g_strdup_printf ("M-%u", ++serial);
  g_autoptr(LiaAccount) account = lia_test_account_new (number, name, segment);

  lia_account_set_manager_id (account, f->alice);
  return lia_test_account_create (f->book, account);
}

static void
on_meeting_changed (LiaMeetingRepository *meetings,
                    gint64                meeting_id,
                    gint64                account_id,
                    Fixture              *f)
{
  f->n_changed++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = at (1, 1, 9, 0);
  f->book = lia_test_book_new (&f->dir, NULL, &f->now, "Test Actor");
  f->meetings = lia_book_get_meetings (f->book);
  f->follow_ups = lia_book_get_follow_ups (f->book);
  f->portfolios = lia_book_get_portfolios (f->book);
  g_assert_nonnull (f->meetings);
  g_assert_nonnull (f->follow_ups);

  f->alice = lia_test_add_staff (f->book, "Alice Martin", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->account = create_account (f, "Northwind Logistics", "key-account");
  g_signal_connect (f->meetings, "meeting-changed", G_CALLBACK (on_meeting_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, NULL);
}

/* A meeting of @account in Berlin from @start for @minutes; @rrule NULL
 * for a single one. */
static gint64
add_meeting (Fixture    *f,
             gint64      account,
             const char *title,
             gint64      start,
             int         minutes,
             const char *rrule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaMeeting) meeting = lia_meeting_new (account, title, start, start + minutes * 60);

  lia_meeting_set_tzid (meeting, ZONE);
  lia_meeting_set_rrule (meeting, rrule);
  g_assert_true (lia_meeting_repository_add (f->meetings, meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_meeting_get_id (meeting), >, 0);
  g_assert_nonnull (lia_meeting_get_uid (meeting));
  return lia_meeting_get_id (meeting);
}

static GListModel *
range (Fixture *f,
       gint64   from,
       gint64   to)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = lia_meeting_repository_list_range (f->meetings, from, to, 0, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static LiaOccurrence *
nth (GListModel *list,
     guint       i)
{
  LiaOccurrence *occurrence = g_list_model_get_item (list, i);

  g_object_unref (occurrence);   /* the list keeps it */
  return occurrence;
}

/* The occurrences of 2026 of @meeting_id (0: all) start exactly at
 * @expected, in order. */
static void
assert_starts (Fixture      *f,
               gint64        meeting_id,
               const gint64 *expected,
               guint         n_expected)
{
  g_autoptr(GListModel) list = range (f, at (1, 1, 0, 0), lia_test_wall (ZONE, 2027, 1, 1, 0, 0));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    if (meeting_id == 0 || lia_occurrence_get_meeting_id (nth (list, i)) == meeting_id)
      {
        gint64 start = lia_occurrence_get_starts_at (nth (list, i));
        g_array_append_val (starts, start);
      }

  for (guint i = 0; i < MIN (starts->len, n_expected); i++)
    if (g_array_index (starts, gint64, i) != expected[i])
      {
        g_autoptr(GDateTime) got = g_date_time_new_from_unix_local (g_array_index (starts, gint64, i));
        g_autoptr(GDateTime) want = g_date_time_new_from_unix_local (expected[i]);
        g_autofree char *got_text = g_date_time_format (got, "%F %T %Z");
        g_autofree char *want_text = g_date_time_format (want, "%F %T %Z");

        g_error ("occurrence %u starts %s, expected %s", i, got_text, want_text);
      }
  g_assert_cmpuint (starts->len, ==, n_expected);
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
set_status (Fixture          *f,
            gint64            meeting_id,
            gint64            recurrence_id,
            LiaMeetingStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_meeting_repository_set_status (f->meetings, meeting_id, recurrence_id, status,
                                                    &error));
  g_assert_no_error (error);
}

static gint64
add_follow_up (Fixture    *f,
               gint64      account,
               gint64      meeting_id,
               gint64      occurrence_at,
               const char *summary,
               int         month,
               int         day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) due = g_date_new_dmy (day, month, 2026);
  g_autoptr(LiaFollowUp) follow_up = lia_follow_up_new (account, summary, due);

  lia_follow_up_set_meeting (follow_up, meeting_id, occurrence_at);
  g_assert_true (lia_follow_up_repository_add (f->follow_ups, follow_up, &error));
  g_assert_no_error (error);
  return lia_follow_up_get_id (follow_up);
}

/* Recurrence ---------------------------------------------------------- */

static void
test_dst (Fixture       *f,
          gconstpointer  data)
{
  /* The 10th at 10:00, and the last Sunday (the changeover days). */
  gint64 monthly = add_meeting (f, f->account, "Monthly review", at (1, 10, 10, 0), 60, "FREQ=MONTHLY");
  gint64 sunday = add_meeting (f, f->account, "Sunday call", at (1, 25, 10, 0), 30, "FREQ=MONTHLY;BYDAY=-1SU");
  gint64 expected[12], sundays[12];
  static const int last_sundays[12] = { 25, 22, 29, 26, 31, 28, 26, 30, 27, 25, 29, 27 };
  g_autoptr(GArray) direct = NULL;

  for (int m = 1; m <= 12; m++)
    {
      expected[m - 1] = at (m, 10, 10, 0);
      sundays[m - 1] = at (m, last_sundays[m - 1], 10, 0);
    }
  assert_starts (f, monthly, expected, 12);
  assert_starts (f, sunday, sundays, 12);

  /* 10:00 CET is 09:00 UTC, 10:00 CEST 08:00 UTC: the instants differ by
   * the offset, the wall clock does not. */
  g_assert_cmpint (sundays[2] % DAYS (1), ==, HOURS (8));   /* 29 March, CEST from 02:00 */
  g_assert_cmpint (sundays[9] % DAYS (1), ==, HOURS (9));   /* 25 October, CET from 03:00 */
  g_assert_cmpint (expected[3] - expected[2], ==, DAYS (31) - HOURS (1));

  /* libical directly, in the meeting's zone while the process is in UTC's
   * terms: the same answer. */
  direct = lia_recurrence_expand ("FREQ=MONTHLY", at (1, 10, 10, 0), ZONE, at (3, 1, 0, 0), at (5, 1, 0, 0));
  g_assert_cmpuint (direct->len, ==, 2);
  g_assert_cmpint (g_array_index (direct, gint64, 0), ==, at (3, 10, 10, 0));
  g_assert_cmpint (g_array_index (direct, gint64, 1), ==, at (4, 10, 10, 0));

  /* A series in New York keeps New York's 09:00 through both countries'
   * (different) changeover weeks. */
  {
    g_autoptr(GArray) ny = lia_recurrence_expand ("FREQ=WEEKLY;COUNT=5",
                                                  lia_test_wall ("America/New_York", 2026, 3, 2, 9, 0),
                                                  "America/New_York", G_MININT64, G_MAXINT64);
    g_assert_cmpuint (ny->len, ==, 5);
    for (guint i = 0; i < ny->len; i++)
      g_assert_cmpint (g_array_index (ny, gint64, i), ==,
                       lia_test_wall ("America/New_York", 2026, 3, 2 + 7 * i, 9, 0));
  }
}

static void
test_count_until (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ended = NULL;
  g_autofree char *carried = NULL;
  gint64 three = add_meeting (f, f->account, "Three times", at (1, 10, 10, 0), 60, "FREQ=MONTHLY;COUNT=3");
  /* UNTIL is inclusive: 08:00 UTC is 10:00 CEST on 10 May. */
  gint64 until = add_meeting (f, f->account, "Until May", at (2, 10, 10, 0), 60,
                              "FREQ=MONTHLY;UNTIL=20260510T080000Z");
  gint64 before = add_meeting (f, f->account, "Until before May", at (2, 11, 10, 0), 60,
                               "FREQ=MONTHLY;UNTIL=20260511T075959Z");
  gint64 once = add_meeting (f, f->account, "Once", at (6, 1, 15, 0), 90, NULL);
  gint64 expected_three[] = { at (1, 10, 10, 0), at (2, 10, 10, 0), at (3, 10, 10, 0) };
  gint64 expected_until[] = { at (2, 10, 10, 0), at (3, 10, 10, 0), at (4, 10, 10, 0), at (5, 10, 10, 0) };
  gint64 expected_before[] = { at (2, 11, 10, 0), at (3, 11, 10, 0), at (4, 11, 10, 0) };
  gint64 expected_once[] = { at (6, 1, 15, 0) };
  gint64 last = 0;

  assert_starts (f, three, expected_three, 3);
  assert_starts (f, until, expected_until, 4);
  assert_starts (f, before, expected_before, 3);
  assert_starts (f, once, expected_once, 1);

  /* until_at is the last start; a single meeting's is its start; an
   * endless one has none. */
  g_assert_cmpint (sql_int (f, "SELECT until_at FROM meetings WHERE id = %" G_GINT64_FORMAT, three), ==,
                   at (3, 10, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT until_at FROM meetings WHERE id = %" G_GINT64_FORMAT, until), ==,
                   at (5, 10, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT until_at FROM meetings WHERE id = %" G_GINT64_FORMAT, once), ==,
                   at (6, 1, 15, 0));
  add_meeting (f, f->account, "Forever", at (1, 5, 10, 0), 30, "FREQ=WEEKLY");
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings WHERE title = 'Forever'"
                               " AND until_at IS NULL"), ==, 1);

  g_assert_true (lia_recurrence_check ("FREQ=MONTHLY;COUNT=3", at (1, 10, 10, 0), ZONE, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, at (3, 10, 10, 0));

  /* Ending before an occurrence drops COUNT for an UNTIL just before it;
   * carrying on from an occurrence lowers COUNT by those before it. */
  ended = lia_recurrence_end_before ("FREQ=MONTHLY;COUNT=12", at (5, 10, 10, 0), ZONE);
  g_assert_null (strstr (ended, "COUNT"));
  g_assert_true (lia_recurrence_check (ended, at (1, 10, 10, 0), ZONE, &last, &error));
  g_assert_cmpint (last, ==, at (4, 10, 10, 0));
  carried = lia_recurrence_continue ("FREQ=MONTHLY;COUNT=12", at (1, 10, 10, 0), ZONE,
                                     at (5, 10, 10, 0), at (5, 10, 9, 0));
  g_assert_nonnull (strstr (carried, "COUNT=8"));
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  struct { const char *title; gint64 start; gint64 end; const char *tzid; const char *rrule;
           int rating; const char *needle; } cases[] = {
    { "Review", at (2, 1, 10, 0), at (2, 1, 11, 0), ZONE, "FREQ=SOMETIMES", 0, "FREQ=SOMETIMES" },
    { "Review", at (2, 1, 10, 0), at (2, 1, 11, 0), ZONE, "FREQ=HOURLY", 0, "daily" },
    { "Review", at (2, 1, 10, 0), at (2, 1, 11, 0), ZONE, "FREQ=MONTHLY;BYYEARDAY=10", 0, "together" },
    { "Review", at (2, 1, 10, 0), at (2, 1, 11, 0), ZONE, "FREQ=MONTHLY;UNTIL=20250101T000000Z", 0, "no meeting" },
    { "Review", at (2, 1, 10, 0), at (2, 1, 11, 0), "Mars/Olympus_Mons", NULL, 0, "Mars/Olympus_Mons" },
    { "   ", at (2, 1, 10, 0), at (2, 1, 11, 0), ZONE, NULL, 0, "title" },
    { "Review", at (2, 1, 10, 0), at (2, 1, 9, 0), ZONE, NULL, 0, "end before" },
    { "Review", at (2, 1, 10, 0), at (2, 1, 11, 0), ZONE, NULL, 6, "rating" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaMeeting) meeting = lia_meeting_new (f->account, cases[i].title, cases[i].start,
                                                       cases[i].end);

      lia_meeting_set_tzid (meeting, cases[i].tzid);
      lia_meeting_set_rrule (meeting, cases[i].rrule);
      lia_meeting_set_rating (meeting, cases[i].rating);
      g_assert_false (lia_meeting_repository_add (f->meetings, meeting, &error));
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].needle);
    }
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* A draft is in the local zone (Berlin here) and a review. */
  {
    g_autoptr(LiaMeeting) draft = lia_meeting_new (f->account, "Draft", at (2, 1, 10, 0), at (2, 1, 11, 0));
    g_assert_cmpstr (lia_meeting_get_tzid (draft), ==, ZONE);
    g_assert_true (lia_meeting_get_is_review (draft));
    g_assert_null (lia_meeting_get_rrule (draft));
  }
}

/* The starts of @rule (from @start in @zone) in [@from, @to) are those
 * of @reference in that range. */
static void
assert_same_starts (const char *rule,
                    gint64      start,
                    const char *zone,
                    gint64      from,
                    gint64      to,
                    GArray     *reference)
{
  g_autoptr(GArray) fast = lia_recurrence_expand (rule, start, zone, from, to);
  guint k = 0;

  for (guint i = 0; i < reference->len; i++)
    {
      gint64 expected = g_array_index (reference, gint64, i);

      if (expected < from || expected >= to)
        continue;
      if (k >= fast->len || g_array_index (fast, gint64, k) != expected)
        g_error ("%s from %" G_GINT64_FORMAT " in %s over [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                 "): occurrence %u is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, rule, start,
                 zone, from, to, k, k < fast->len ? g_array_index (fast, gint64, k) : 0, expected);
      k++;
    }
  if (k != fast->len)
    g_error ("%s from %" G_GINT64_FORMAT " in %s over [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
             "): %u occurrences, expected %u", rule, start, zone, from, to, fast->len, k);
}

/* libical jumps to the range instead of stepping there when it can: the
 * same occurrences as stepping all the way, for rules of every shape. */
static void
test_jump (Fixture       *f,
           gconstpointer  data)
{
  static const char * const rules[] = {
    "FREQ=DAILY;INTERVAL=5", "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=MO,WE",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR", "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=3",
    "FREQ=MONTHLY;BYDAY=-1SU", "FREQ=MONTHLY;BYDAY=2TH", "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=YEARLY", "FREQ=YEARLY;BYMONTH=3,9;BYDAY=1MO",
    "FREQ=MONTHLY;INTERVAL=6;UNTIL=20301231T230000Z", "FREQ=WEEKLY;COUNT=40",
    "FREQ=MONTHLY;BYMONTH=1,4,7,10",
    /* No 31 June: none at all, and libical's jump crashes on it. */
    "FREQ=YEARLY;BYMONTH=6",
  };
  gint64 start = lia_test_wall (ZONE, 2024, 1, 31, 10, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      g_autoptr(GArray) all = lia_recurrence_expand (rules[r], start, ZONE, start,
                                                     lia_test_wall (ZONE, 2031, 1, 1, 0, 0));
      if (r < G_N_ELEMENTS (rules) - 1)
        g_assert_cmpuint (all->len, >, 0);

      for (guint trial = 0; trial < 25; trial++)
        {
          gint64 from = start + g_rand_int_range (rand, -30, 6 * 366) * DAYS (1) +
                        g_rand_int_range (rand, 0, 24) * HOURS (1);
          gint64 to = from + g_rand_int_range (rand, 1, 100) * DAYS (1);

          assert_same_starts (rules[r], start, ZONE, from, to, all);
        }
    }
}

/* Simple rules (a period at a time, nothing chosen within it) are
 * counted out by date arithmetic, the rest by libical: the same starts
 * as libical's iterator stepping from the start, for rules of both
 * kinds, in zones with and without daylight saving (north and south,
 * half-hour and 45-minute offsets), from starts on the 29th to 31st and
 * on 29 February. Starts at 02:30 run daily and weekly rules into hours
 * clock changes skip or repeat; from the start, the answer is libical's
 * there too. Ranges starting later are checked for the other starts:
 * libical's own jump to a range is unsure in a skipped hour. */
static void
test_fast_path (Fixture       *f,
                gconstpointer  data)
{
  static const char * const zones[] = {
    "Europe/Berlin", "America/New_York", "Australia/Sydney", "UTC", "Pacific/Chatham",
    "Australia/Lord_Howe", "America/Sao_Paulo",
  };
  static const struct { int year, month, day, hour, minute; } starts[] = {
    { 2024, 1, 31, 10, 0 }, { 2024, 2, 29, 9, 0 }, { 2024, 5, 30, 0, 0 }, { 2024, 8, 29, 23, 30 },
    { 2025, 1, 1, 12, 15 }, { 2023, 12, 30, 17, 45 },
    /* Whole ranges only. */
    { 2024, 3, 25, 2, 30 }, { 2024, 10, 21, 2, 30 }, { 2025, 9, 28, 2, 30 }, { 2022, 3, 31, 2, 30 },
  };
  /* %s: the start's weekday, %d: its day of the month, %m: its month. */
  static const char * const rules[] = {
    "FREQ=DAILY", "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;COUNT=400", "FREQ=DAILY;UNTIL=20250330T013000Z",
    "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;BYDAY=%s", "FREQ=WEEKLY;INTERVAL=3;BYDAY=%s;WKST=SU",
    "FREQ=WEEKLY;COUNT=30", "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=3", "FREQ=MONTHLY;INTERVAL=6;COUNT=9",
    "FREQ=MONTHLY;COUNT=14", "FREQ=MONTHLY;UNTIL=20270101T000000Z", "FREQ=MONTHLY;UNTIL=20261230",
    "FREQ=MONTHLY;UNTIL=20261230T093000", "FREQ=MONTHLY;BYMONTHDAY=%d", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=%d",
    "FREQ=YEARLY", "FREQ=YEARLY;INTERVAL=2;COUNT=5", "FREQ=YEARLY;BYMONTH=%m", "FREQ=YEARLY;UNTIL=20400101T000000Z",
    "FREQ=YEARLY;BYMONTH=%m;BYMONTHDAY=%d",
    /* Not simple: libical's alone. */
    "FREQ=MONTHLY;BYDAY=-1SU", "FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=DAILY;BYMONTH=3,10",
    "FREQ=YEARLY;BYMONTH=2,8", "FREQ=MONTHLY;BYMONTHDAY=1,15",
  };
  static const char * const weekdays[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5545);

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
      {
        g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);
        g_autoptr(GDateTime) wall = g_date_time_new (tz, starts[s].year, starts[s].month, starts[s].day,
                                                     starts[s].hour, starts[s].minute, 0);
        gint64 start = g_date_time_to_unix (wall);
        gint64 end = start + DAYS (5 * 366);

        for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
          {
            g_autoptr(GString) rule = g_string_new (rules[r]);
            g_autoptr(GArray) reference = NULL;
            char day[4], month[4];

            g_snprintf (day, sizeof day, "%d", g_date_time_get_day_of_month (wall));
            g_snprintf (month, sizeof month, "%d", g_date_time_get_month (wall));
            g_string_replace (rule, "%s", weekdays[g_date_time_get_day_of_week (wall) - 1], 0);
            g_string_replace (rule, "%d", day, 0);
            g_string_replace (rule, "%m", month, 0);

            reference = lia_recurrence_expand_libical (rule->str, start, zones[z], start, end);
            assert_same_starts (rule->str, start, zones[z], start, end, reference);
            assert_same_starts (rule->str, start, zones[z], G_MININT64, start + DAYS (500), reference);
            for (guint trial = 0; starts[s].hour != 2 && trial < 8; trial++)
              {
                gint64 from = start + g_rand_int_range (rand, -40, 4 * 366) * DAYS (1) +
                              g_rand_int_range (rand, 0, 48) * HOURS (1) / 2;

                assert_same_starts (rule->str, start, zones[z], from,
                                    from + g_rand_int_range (rand, 1, 120) * DAYS (1), reference);
              }
          }
      }
}

/* Exceptions and edits ------------------------------------------------- */

typedef struct
{
  gint64 id;
  gint64 feb_follow_up;
  gint64 nov_follow_up;
} Series;

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

/* A monthly review on the 10th at 10:00, twelve times, with exceptions:
 * March moved to the 12th at 14:00, May cancelled, April minuted,
 * September moved to the 15th, October cancelled; follow-ups from the
 * February and November meetings. */
static Series
series_with_exceptions (Fixture *f)
{
  Series s = { 0, };
  g_autoptr(LiaOccurrence) april = NULL;

  s.id = add_meeting (f, f->account, "Quarterly review", at (1, 10, 10, 0), 60, MONTHLY_12);
  move_one (f, s.id, at (3, 10, 10, 0), at (3, 12, 14, 0));
  delete (f, s.id, at (5, 10, 10, 0), LIA_EDIT_SCOPE_THIS);
  april = occurrence_at (f, s.id, at (4, 10, 10, 0));
  lia_occurrence_set_minutes (april, "April minutes");
  edit (f, april, LIA_EDIT_SCOPE_THIS);
  move_one (f, s.id, at (9, 10, 10, 0), at (9, 15, 10, 0));
  delete (f, s.id, at (10, 10, 10, 0), LIA_EDIT_SCOPE_THIS);
  s.feb_follow_up = add_follow_up (f, 0, s.id, at (2, 10, 10, 0), "Send the February figures", 2, 20);
  s.nov_follow_up = add_follow_up (f, 0, s.id, at (11, 10, 10, 0), "Quote for the new site", 11, 20);
  return s;
}

static const gint64 *
base_starts (void)
{
  static gint64 starts[10];

  starts[0] = at (1, 10, 10, 0);
  starts[1] = at (2, 10, 10, 0);
  starts[2] = at (3, 12, 14, 0);
  starts[3] = at (4, 10, 10, 0);
  starts[4] = at (6, 10, 10, 0);
  starts[5] = at (7, 10, 10, 0);
  starts[6] = at (8, 10, 10, 0);
  starts[7] = at (9, 15, 10, 0);
  starts[8] = at (11, 10, 10, 0);
  starts[9] = at (12, 10, 10, 0);
  return starts;
}

static void
assert_follow_up (Fixture *f,
                  gint64   id,
                  gint64   meeting_id,
                  gint64   occurrence_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaFollowUp) follow_up = lia_follow_up_repository_lookup (f->follow_ups, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lia_follow_up_get_meeting_id (follow_up), ==, meeting_id);
  g_assert_cmpint (lia_follow_up_get_occurrence_at (follow_up), ==, occurrence_at);
}

static void
test_exceptions (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Series s = series_with_exceptions (f);
  g_autoptr(GListModel) march = NULL;
  g_autoptr(GListModel) tenth = NULL;
  g_autoptr(LiaOccurrence) april = NULL;
  g_autoptr(LiaOccurrence) gone = NULL;

  assert_starts (f, s.id, base_starts (), 10);

  /* Moved into a range it did not start in; moved out of its own. */
  march = range (f, at (3, 12, 0, 0), at (3, 13, 0, 0));
  g_assert_cmpuint (g_list_model_get_n_items (march), ==, 1);
  g_assert_cmpint (lia_occurrence_get_recurrence_id (nth (march, 0)), ==, at (3, 10, 10, 0));
  g_assert_true (lia_occurrence_get_is_exception (nth (march, 0)));
  g_assert_true (lia_occurrence_get_is_recurring (nth (march, 0)));
  g_assert_cmpint (lia_occurrence_get_ends_at (nth (march, 0)), ==, at (3, 12, 15, 0));
  tenth = range (f, at (3, 10, 0, 0), at (3, 11, 0, 0));
  g_assert_cmpuint (g_list_model_get_n_items (tenth), ==, 0);

  april = occurrence_at (f, s.id, at (4, 10, 10, 0));
  g_assert_cmpstr (lia_occurrence_get_minutes (april), ==, "April minutes");
  g_assert_cmpstr (lia_occurrence_get_title (april), ==, "Quarterly review");
  g_assert_true (lia_occurrence_get_is_exception (april));

  gone = lia_meeting_repository_lookup_occurrence (f->meetings, s.id, at (5, 10, 10, 0), &error);
  g_assert_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  g_assert_null (lia_meeting_repository_lookup_occurrence (f->meetings, s.id, at (5, 11, 10, 0), &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);

  /* Five rows of exceptions: moved, cancelled, minuted, moved, cancelled. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences"), ==, 5);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled"), ==, 2);
  /* Moving one back where it was leaves nothing of its own. */
  move_one (f, s.id, at (9, 10, 10, 0), at (9, 10, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences"), ==, 4);
}

static void
test_edit_this (Fixture       *f,
                gconstpointer  data)
{
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) july = occurrence_at (f, s.id, at (7, 10, 10, 0));
  g_autoptr(GListModel) year = NULL;
  gint64 expected[10];

  memcpy (expected, base_starts (), sizeof expected);
  lia_occurrence_set_title (july, "Special: site visit");
  lia_occurrence_set_times (july, at (7, 10, 11, 0), at (7, 10, 13, 0));
  edit (f, july, LIA_EDIT_SCOPE_THIS);

  expected[5] = at (7, 10, 11, 0);
  assert_starts (f, s.id, expected, 10);
  year = range (f, at (1, 1, 0, 0), lia_test_wall (ZONE, 2027, 1, 1, 0, 0));
  for (guint i = 0; i < g_list_model_get_n_items (year); i++)
    g_assert_cmpstr (lia_occurrence_get_title (nth (year, i)), ==,
                     i == 5 ? "Special: site visit" : "Quarterly review");
  g_assert_cmpint (lia_occurrence_get_ends_at (nth (year, 5)), ==, at (7, 10, 13, 0));
  g_assert_cmpint (lia_occurrence_get_ends_at (nth (year, 6)), ==, at (8, 10, 11, 0));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 1);
  assert_follow_up (f, s.nov_follow_up, s.id, at (11, 10, 10, 0));
}

static void
test_edit_all (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) june = occurrence_at (f, s.id, at (6, 10, 10, 0));
  g_autoptr(LiaOccurrence) april = NULL;
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autoptr(GListModel) year = NULL;
  /* An hour later, every one: March's own move keeps its shift. */
  gint64 expected[] = {
    at (1, 10, 11, 0), at (2, 10, 11, 0), at (3, 12, 15, 0), at (4, 10, 11, 0), at (6, 10, 11, 0),
    at (7, 10, 11, 0), at (8, 10, 11, 0), at (9, 15, 11, 0), at (11, 10, 11, 0), at (12, 10, 11, 0),
  };
  const char *uid_before;
  g_autofree char *uid = NULL;

  meeting = lia_meeting_repository_lookup (f->meetings, s.id, &error);
  uid_before = lia_meeting_get_uid (meeting);
  uid = g_strdup (uid_before);
  g_clear_object (&meeting);

  lia_occurrence_set_times (june, at (6, 10, 11, 0), at (6, 10, 12, 30));
  lia_occurrence_set_title (june, "Service review");
  edit (f, june, LIA_EDIT_SCOPE_ALL);

  assert_starts (f, s.id, expected, 10);
  year = range (f, at (1, 1, 0, 0), lia_test_wall (ZONE, 2027, 1, 1, 0, 0));
  for (guint i = 0; i < g_list_model_get_n_items (year); i++)
    {
      g_assert_cmpstr (lia_occurrence_get_title (nth (year, i)), ==, "Service review");
      /* The new length, except March's and September's, which were
       * moved and have times of their own. */
      g_assert_cmpint (lia_occurrence_get_ends_at (nth (year, i)) - lia_occurrence_get_starts_at (nth (year, i)),
                       ==, i == 2 || i == 7 ? HOURS (1) : HOURS (1) + 30 * 60);
    }

  april = occurrence_at (f, s.id, at (4, 10, 11, 0));
  g_assert_cmpstr (lia_occurrence_get_minutes (april), ==, "April minutes");
  meeting = lia_meeting_repository_lookup (f->meetings, s.id, &error);
  g_assert_cmpint (lia_meeting_get_starts_at (meeting), ==, at (1, 10, 11, 0));
  g_assert_cmpstr (lia_meeting_get_uid (meeting), ==, uid);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 1);
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 10, 11, 0));
  assert_follow_up (f, s.nov_follow_up, s.id, at (11, 10, 11, 0));
  /* The cancelled ones stay cancelled where they moved to. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE cancelled"
                               " AND recurrence_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                            at (5, 10, 11, 0), at (10, 10, 11, 0)), ==, 2);
}

static void
test_edit_later (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Series s = series_with_exceptions (f);
  g_autoptr(LiaOccurrence) august = occurrence_at (f, s.id, at (8, 10, 10, 0));
  g_autoptr(LiaOccurrence) november = NULL;
  g_autoptr(LiaOccurrence) gone = NULL;
  g_autoptr(LiaMeeting) head = NULL;
  g_autoptr(LiaMeeting) tail = NULL;
  gint64 before[] = {
    at (1, 10, 10, 0), at (2, 10, 10, 0), at (3, 12, 14, 0), at (4, 10, 10, 0), at (6, 10, 10, 0),
    at (7, 10, 10, 0),
  };
  /* An hour earlier from August on; September's own move goes along. */
  gint64 after[] = { at (8, 10, 9, 0), at (9, 15, 9, 0), at (11, 10, 9, 0), at (12, 10, 9, 0) };
  gint64 all[] = {
    at (1, 10, 10, 0), at (2, 10, 10, 0), at (3, 12, 14, 0), at (4, 10, 10, 0), at (6, 10, 10, 0),
    at (7, 10, 10, 0), at (8, 10, 9, 0), at (9, 15, 9, 0), at (11, 10, 9, 0), at (12, 10, 9, 0),
  };
  gint64 tail_id;

  lia_occurrence_set_times (august, at (8, 10, 9, 0), at (8, 10, 10, 0));
  lia_occurrence_set_title (august, "Review, new format");
  edit (f, august, LIA_EDIT_SCOPE_THIS_AND_LATER);

  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 2);
  tail_id = sql_int (f, "SELECT id FROM meetings WHERE id <> %" G_GINT64_FORMAT, s.id);
  assert_starts (f, s.id, before, G_N_ELEMENTS (before));
  assert_starts (f, tail_id, after, G_N_ELEMENTS (after));
  assert_starts (f, 0, all, G_N_ELEMENTS (all));

  head = lia_meeting_repository_lookup (f->meetings, s.id, &error);
  tail = lia_meeting_repository_lookup (f->meetings, tail_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_meeting_get_uid (head), !=, lia_meeting_get_uid (tail));
  g_assert_cmpstr (lia_meeting_get_title (head), ==, "Quarterly review");
  g_assert_cmpstr (lia_meeting_get_title (tail), ==, "Review, new format");
  g_assert_cmpint (lia_meeting_get_starts_at (tail), ==, at (8, 10, 9, 0));
  g_assert_null (strstr (lia_meeting_get_rrule (head), "COUNT"));
  g_assert_nonnull (strstr (lia_meeting_get_rrule (head), "UNTIL="));
  /* Twelve in all: seven before August, five from it (Aug–Dec). */
  g_assert_nonnull (strstr (lia_meeting_get_rrule (tail), "COUNT=5"));
  g_assert_cmpint (sql_int (f, "SELECT until_at FROM meetings WHERE id = %" G_GINT64_FORMAT, s.id), ==,
                   at (7, 10, 10, 0));

  /* Exceptions from August on went with the occurrences: none is left
   * on the first half after its end; October is still cancelled. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE meeting_id = %"
                               G_GINT64_FORMAT " AND recurrence_id >= %" G_GINT64_FORMAT,
                            s.id, at (8, 10, 10, 0)), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE meeting_id = %"
                               G_GINT64_FORMAT " AND cancelled AND recurrence_id = %" G_GINT64_FORMAT,
                            tail_id, at (10, 10, 9, 0)), ==, 1);
  november = occurrence_at (f, tail_id, at (11, 10, 9, 0));
  g_assert_cmpstr (lia_occurrence_get_title (november), ==, "Review, new format");
  assert_follow_up (f, s.feb_follow_up, s.id, at (2, 10, 10, 0));
  assert_follow_up (f, s.nov_follow_up, tail_id, at (11, 10, 9, 0));

  gone = lia_meeting_repository_lookup_occurrence (f->meetings, s.id, at (8, 10, 10, 0), &error);
  g_assert_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* From the first occurrence on is the whole series: no split. */
  {
    g_autoptr(LiaOccurrence) first = occurrence_at (f, s.id, at (1, 10, 10, 0));
    lia_occurrence_set_location (first, "Head office");
    edit (f, first, LIA_EDIT_SCOPE_THIS_AND_LATER);
    g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 2);
    g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings WHERE location = 'Head office'"), ==, 1);
  }
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Series s = series_with_exceptions (f);
  gint64 expected[10];
  gint64 later[] = {
    at (1, 10, 10, 0), at (2, 10, 10, 0), at (3, 12, 14, 0), at (4, 10, 10, 0), at (7, 10, 10, 0),
    at (8, 10, 10, 0),
  };

  /* This one: June goes, nothing else. */
  memcpy (expected, base_starts (), sizeof expected);
  delete (f, s.id, at (6, 10, 10, 0), LIA_EDIT_SCOPE_THIS);
  memmove (expected + 4, expected + 5, 5 * sizeof (gint64));
  assert_starts (f, s.id, expected, 9);

  /* Removed twice: there is nothing left to remove. */
  g_assert_false (lia_meeting_repository_delete_occurrence (f->meetings, s.id, at (6, 10, 10, 0),
                                                            LIA_EDIT_SCOPE_THIS, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* This and later from September: its move and October's removal go too. */
  delete (f, s.id, at (9, 10, 10, 0), LIA_EDIT_SCOPE_THIS_AND_LATER);
  assert_starts (f, s.id, later, G_N_ELEMENTS (later));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences WHERE recurrence_id >= %"
                               G_GINT64_FORMAT, at (9, 10, 10, 0)), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences"), ==, 4);
  assert_follow_up (f, s.nov_follow_up, s.id, at (11, 10, 10, 0));

  /* All: the meeting goes, its follow-ups stay without it. */
  delete (f, s.id, at (2, 10, 10, 0), LIA_EDIT_SCOPE_ALL);
  assert_starts (f, 0, NULL, 0);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM follow_ups WHERE meeting_id IS NULL"), ==, 2);
}

static void
test_delete_later_first (Fixture       *f,
                         gconstpointer  data)
{
  Series s = series_with_exceptions (f);

  /* From the first occurrence on is the whole series. */
  delete (f, s.id, at (1, 10, 10, 0), LIA_EDIT_SCOPE_THIS_AND_LATER);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meetings"), ==, 0);
}

/* update() with a shorter rule keeps the exceptions of occurrences that
 * still exist, drops the others. */
static void
test_update_rule (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Series s = series_with_exceptions (f);
  g_autoptr(LiaMeeting) meeting = lia_meeting_repository_lookup (f->meetings, s.id, &error);
  gint64 expected[] = { at (1, 10, 10, 0), at (2, 10, 10, 0), at (3, 12, 14, 0), at (4, 10, 10, 0) };

  lia_meeting_set_rrule (meeting, "FREQ=MONTHLY;COUNT=5");
  g_assert_true (lia_meeting_repository_update (f->meetings, meeting, &error));
  g_assert_no_error (error);
  assert_starts (f, s.id, expected, G_N_ELEMENTS (expected));
  /* March moved, April minuted, May cancelled are kept; September and
   * October's are gone with their occurrences. */
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM meeting_occurrences"), ==, 3);
}

/* Range queries -------------------------------------------------------- */

static void
count_row (LiaRow   *row,
           gpointer  user_data)
{
  GArray *ids = user_data;
  gint64 id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ID);

  g_array_append_val (ids, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static GArray *
series_read (Fixture *f,
             gint64   from,
             gint64   to,
             gint64   account,
             gboolean subsidiaries)
{
  g_autoptr(GError) error = NULL;
  LiaMeetingRange query = { from, to, account, subsidiaries };
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (lia_meeting_store_range (lia_book_get_database (f->book), &query, count_row, ids, &error));
  g_assert_no_error (error);
  /* The store reads them in no particular order. */
  g_array_sort (ids, compare_ids);
  return ids;
}

static void
assert_ids (GArray       *ids,
            const gint64 *expected,
            guint         n_expected)
{
  g_assert_cmpuint (ids->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, expected[i]);
}

static void
test_range (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 sub = create_account (f, "Northwind Freight", "corporate");
  gint64 other = create_account (f, "Kestrel Foods", "corporate");
  gint64 ended, past, future, endless, relevant, single, moved, theirs;
  g_autoptr(GArray) month = NULL;
  g_autoptr(GArray) mine = NULL;
  g_autoptr(GArray) group = NULL;
  g_autoptr(GListModel) march = NULL;
  g_autoptr(GListModel) group_march = NULL;

  lia_test_move_under (f->book, sub, f->account);
  f->now = lia_test_wall (ZONE, 2024, 1, 1, 9, 0);
  ended = add_meeting (f, f->account, "Ended 2025", lia_test_wall (ZONE, 2024, 1, 5, 10, 0), 60,
                       "FREQ=MONTHLY;UNTIL=20251231T000000Z");
  past = add_meeting (f, f->account, "Last year", lia_test_wall (ZONE, 2025, 3, 5, 10, 0), 60, NULL);
  future = add_meeting (f, f->account, "Next year", lia_test_wall (ZONE, 2027, 3, 5, 10, 0), 60, "FREQ=WEEKLY");
  endless = add_meeting (f, sub, "Weekly stand-up", lia_test_wall (ZONE, 2024, 6, 3, 9, 0), 15, "FREQ=WEEKLY");
  relevant = add_meeting (f, f->account, "Quarterly", lia_test_wall (ZONE, 2025, 12, 15, 10, 0), 60,
                          "FREQ=MONTHLY;INTERVAL=3");
  single = add_meeting (f, other, "Kick-off", at (3, 20, 14, 0), 60, NULL);
  moved = add_meeting (f, f->account, "Moved into March", lia_test_wall (ZONE, 2025, 6, 1, 10, 0), 60,
                       "FREQ=MONTHLY;COUNT=6");
  theirs = add_meeting (f, other, "Their April", at (4, 2, 10, 0), 60, NULL);
  (void)theirs;
  (void)future;
  (void)past;
  (void)ended;
  /* The last (November 2025) occurrence moved to March 2026. */
  move_one (f, moved, lia_test_wall (ZONE, 2025, 11, 1, 10, 0), at (3, 3, 10, 0));

  /* March 2026 reads four series: the stand-up (endless), the quarterly
   * one (March 15), the single kick-off, and the one moved in. */
  month = series_read (f, at (3, 1, 0, 0), at (4, 1, 0, 0), 0, FALSE);
  {
    gint64 expected[] = { endless, relevant, single, moved };
    assert_ids (month, expected, G_N_ELEMENTS (expected));
  }
  march = lia_meeting_repository_list_range (f->meetings, at (3, 1, 0, 0), at (4, 1, 0, 0), 0, FALSE, &error);
  g_assert_no_error (error);
  /* 5 stand-ups (2, 9, 16, 23, 30), the 3rd moved in, 15th, 20th. */
  g_assert_cmpuint (g_list_model_get_n_items (march), ==, 8);
  g_assert_cmpint (lia_occurrence_get_starts_at (nth (march, 0)), ==, at (3, 2, 9, 0));
  g_assert_cmpint (lia_occurrence_get_starts_at (nth (march, 1)), ==, at (3, 3, 10, 0));
  g_assert_cmpstr (lia_occurrence_get_title (nth (march, 1)), ==, "Moved into March");
  g_assert_cmpstr (lia_occurrence_get_account_name (nth (march, 1)), ==, "Northwind Logistics");

  /* The key account alone, then with its subsidiary. */
  mine = series_read (f, at (3, 1, 0, 0), at (4, 1, 0, 0), f->account, FALSE);
  {
    gint64 expected[] = { relevant, moved };
    assert_ids (mine, expected, G_N_ELEMENTS (expected));
  }
  group = series_read (f, at (3, 1, 0, 0), at (4, 1, 0, 0), f->account, TRUE);
  {
    gint64 expected[] = { endless, relevant, moved };
    assert_ids (group, expected, G_N_ELEMENTS (expected));
  }
  group_march = lia_meeting_repository_list_range (f->meetings, at (3, 1, 0, 0), at (4, 1, 0, 0),
                                                   f->account, TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (group_march), ==, 7);

  /* No arm scans the meetings or their exceptions, and no row of a
   * meeting starting in the range is read: their indexes hold what the
   * range shows. */
  {
    const char *queries[] = { lia_meeting_store_range_sql (), lia_meeting_store_range_exceptions_sql () };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", queries[q], NULL);
        sqlite3_stmt *stmt = NULL;
        guint covered = q == 1 ? 2 : 0;

        g_assert_cmpint (sqlite3_prepare_v2 (lia_test_book_handle (f->book), sql, -1, &stmt, NULL), ==, SQLITE_OK);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            const char *detail = (const char *)sqlite3_column_text (stmt, 3);

            if (g_str_has_prefix (detail, "SCAN "))
              g_error ("a range query scans: %s", detail);
            covered += strstr (detail, "COVERING INDEX meetings_range") != NULL;
            covered += strstr (detail, "COVERING INDEX meetings_series") != NULL;
          }
        sqlite3_finalize (stmt);
        g_assert_cmpuint (covered, ==, 2);
      }
  }
}

/* Held meetings -------------------------------------------------------- */

static void
test_held (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 single = add_meeting (f, f->account, "Annual review", at (2, 3, 10, 0), 60, NULL);
  gint64 series = add_meeting (f, f->account, "Monthly check-in", at (1, 20, 14, 0), 30, "FREQ=MONTHLY");
  g_autoptr(GListModel) coverage = NULL;
  g_autoptr(LiaOccurrence) held = NULL;

  /* Not before it begins. */
  g_assert_false (lia_meeting_repository_set_status (f->meetings, single, at (2, 3, 10, 0),
                                                     LIA_MEETING_STATUS_HELD, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 0);

  f->now = at (2, 4, 9, 0);
  set_status (f, single, at (2, 3, 10, 0), LIA_MEETING_STATUS_HELD);
  g_assert_cmpint (sql_int (f, "SELECT last_contact_at FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, at (2, 3, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT group_last_contact_at FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, at (2, 3, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT last_review_at FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, at (2, 3, 10, 0));
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events WHERE kind = 'visit' AND source = 'meeting'"
                               " AND summary = 'Annual review' AND opened_at = %" G_GINT64_FORMAT,
                            at (2, 3, 10, 0)), ==, 1);

  /* Coverage sees the contact. */
  coverage = lia_portfolio_repository_list_coverage (f->portfolios, FALSE, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (coverage), ==, 1);
  {
    g_autoptr(LiaCoverageEntry) entry = g_list_model_get_item (coverage, 0);
    g_assert_cmpint (lia_coverage_entry_get_last_contact_at (entry), ==, at (2, 3, 10, 0));
  }

  /* Held twice records one contact. */
  set_status (f, single, at (2, 3, 10, 0), LIA_MEETING_STATUS_HELD);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);

  /* An occurrence of a series: its own exception, its own contact, and
   * the later review the last one. */
  set_status (f, series, at (1, 20, 14, 0), LIA_MEETING_STATUS_HELD);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 2);
  g_assert_cmpint (sql_int (f, "SELECT last_review_at FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, at (2, 3, 10, 0));
  held = occurrence_at (f, series, at (1, 20, 14, 0));
  g_assert_cmpint (lia_occurrence_get_status (held), ==, LIA_MEETING_STATUS_HELD);
  g_clear_object (&held);
  held = occurrence_at (f, series, at (2, 20, 14, 0));
  g_assert_cmpint (lia_occurrence_get_status (held), ==, LIA_MEETING_STATUS_PLANNED);

  /* Taken back, the contact goes and the last review is the series'. */
  set_status (f, single, at (2, 3, 10, 0), LIA_MEETING_STATUS_PLANNED);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT last_contact_at FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, at (1, 20, 14, 0));
  g_assert_cmpint (sql_int (f, "SELECT last_review_at FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, at (1, 20, 14, 0));
  set_status (f, series, at (1, 20, 14, 0), LIA_MEETING_STATUS_CANCELLED);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 0);
  g_assert_cmpint (sql_int (f, "SELECT last_review_at IS NULL AND last_contact_at IS NULL"
                               " FROM accounts WHERE id = %" G_GINT64_FORMAT, f->account), ==, 1);

  /* Held through an edit of the occurrence, with its minutes. */
  g_clear_object (&held);
  held = occurrence_at (f, series, at (1, 20, 14, 0));
  lia_occurrence_set_status (held, LIA_MEETING_STATUS_HELD);
  lia_occurrence_set_minutes (held, "Agreed on a second site.");
  lia_occurrence_set_rating (held, 4);
  edit (f, held, LIA_EDIT_SCOPE_THIS);
  g_clear_object (&held);
  held = occurrence_at (f, series, at (1, 20, 14, 0));
  g_assert_cmpint (lia_occurrence_get_status (held), ==, LIA_MEETING_STATUS_HELD);
  g_assert_cmpstr (lia_occurrence_get_minutes (held), ==, "Agreed on a second site.");
  g_assert_cmpint (lia_occurrence_get_rating (held), ==, 4);
  g_assert_cmpint (sql_int (f, "SELECT count (*) FROM events"), ==, 1);
}

/* Reviews -------------------------------------------------------------- */

static gint64
next_review_due (Fixture *f,
                 gint64   account)
{
  g_autoptr(GError) error = NULL;
  gint64 due = lia_meeting_repository_next_review_due (f->meetings, account, &error);

  g_assert_no_error (error);
  return due;
}

static void
test_next_review (Fixture       *f,
                  gconstpointer  data)
{
  gint64 small = create_account (f, "Corner Shop", "small-business");
  gint64 first, late;

  /* Key accounts every 91 days; none held yet: from now. */
  g_assert_cmpint (next_review_due (f, f->account), ==, f->now + DAYS (91));
  g_assert_cmpint (next_review_due (f, small), ==, 0);

  first = add_meeting (f, f->account, "Q1 review", at (1, 12, 10, 0), 60, NULL);
  f->now = at (1, 12, 12, 0);
  set_status (f, first, at (1, 12, 10, 0), LIA_MEETING_STATUS_HELD);
  g_assert_cmpint (next_review_due (f, f->account), ==, at (1, 12, 10, 0) + DAYS (91));

  /* The next one happens late, on 20 May (due 13 April): the one after
   * counts from 20 May, not from when it was due. */
  late = add_meeting (f, f->account, "Q2 review", at (5, 20, 10, 0), 60, NULL);
  f->now = at (5, 21, 9, 0);
  set_status (f, late, at (5, 20, 10, 0), LIA_MEETING_STATUS_HELD);
  g_assert_cmpint (next_review_due (f, f->account), ==, at (5, 20, 10, 0) + DAYS (91));
  g_assert_cmpint (next_review_due (f, f->account), >, f->now + DAYS (80));

  /* A meeting that is not a review does not count. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LiaMeeting) call = lia_meeting_new (f->account, "Project call", at (5, 21, 8, 0), at (5, 21, 8, 30));
    lia_meeting_set_is_review (call, FALSE);
    lia_meeting_set_tzid (call, ZONE);
    g_assert_true (lia_meeting_repository_add (f->meetings, call, &error));
    set_status (f, lia_meeting_get_id (call), at (5, 21, 8, 0), LIA_MEETING_STATUS_HELD);
    g_assert_cmpint (next_review_due (f, f->account), ==, at (5, 20, 10, 0) + DAYS (91));
  }
}

static GListModel *
reviews_due (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = lia_meeting_repository_list_reviews_due (f->meetings, &error);

  g_assert_no_error (error);
  return list;
}

static gint64
account_at (GListModel *list,
            guint       i)
{
  g_autoptr(LiaAccount) account = g_list_model_get_item (list, i);

  return lia_account_get_id (account);
}

static void
test_reviews_due (Fixture       *f,
                  gconstpointer  data)
{
  /* f->account: a quarterly series planned, the first on 10 February. */
  gint64 unplanned = create_account (f, "Blue Harbor Energy", "key-account");
  gint64 lapsed = create_account (f, "Granite Pharma", "key-account");
  gint64 far = create_account (f, "Meridian Retail", "corporate");
  gint64 small = create_account (f, "Corner Shop", "small-business");
  gint64 old_review, far_review;
  g_autoptr(GListModel) due = NULL;

  (void)small;
  add_meeting (f, f->account, "Quarterly review", at (2, 10, 10, 0), 60, "FREQ=MONTHLY;INTERVAL=3");
  f->now = lia_test_wall (ZONE, 2025, 9, 1, 9, 0);
  old_review = add_meeting (f, lapsed, "Review", lia_test_wall (ZONE, 2025, 9, 1, 10, 0), 60, NULL);
  far_review = add_meeting (f, far, "Review", lia_test_wall (ZONE, 2025, 12, 1, 10, 0), 60, NULL);
  f->now = lia_test_wall (ZONE, 2025, 12, 2, 9, 0);
  set_status (f, old_review, lia_test_wall (ZONE, 2025, 9, 1, 10, 0), LIA_MEETING_STATUS_HELD);
  set_status (f, far_review, lia_test_wall (ZONE, 2025, 12, 1, 10, 0), LIA_MEETING_STATUS_HELD);
  /* Corporate reviews every 182 days: the next one planned a year on is too late. */
  add_meeting (f, far, "Review", at (11, 30, 10, 0), 60, NULL);
  f->now = at (1, 1, 9, 0);

  /* Lapsed: due 1 December (1 Sep + 91 days), already passed. Never
   * reviewed: due 91 days from now. Meridian: due 1 June, next planned
   * in November. The key account with a review planned in February,
   * and the small business, are not listed. */
  due = reviews_due (f);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 3);
  g_assert_cmpint (account_at (due, 0), ==, lapsed);
  g_assert_cmpint (account_at (due, 1), ==, unplanned);
  g_assert_cmpint (account_at (due, 2), ==, far);
  g_assert_cmpint (sql_int (f, "SELECT next_review_at FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, at (2, 10, 10, 0));

  /* Time passes the February review without it being held: the next
   * planned is May's, refreshed when the list is read. */
  f->now = at (2, 11, 9, 0);
  g_clear_object (&due);
  due = reviews_due (f);
  g_assert_cmpint (sql_int (f, "SELECT next_review_at FROM accounts WHERE id = %" G_GINT64_FORMAT,
                            f->account), ==, at (5, 10, 10, 0));
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 3);
}

/* Roll-ups ------------------------------------------------------------- */

#define node_of(f, account) lia_test_lookup_node ((f)->book, (account))

static void
test_rollups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 sub = create_account (f, "Northwind Freight", "corporate");
  gint64 site = create_account (f, "Northwind Depot Hamburg", "corporate");
  g_autoptr(LiaPortfolioNode) node = NULL;
  g_autoptr(GListModel) groups = NULL;
  gint64 done;

  lia_test_move_under (f->book, sub, f->account);
  lia_test_move_under (f->book, site, sub);

  /* Nothing planned or owed yet: no next review, no overdue follow-up. */
  node = node_of (f, f->account);
  g_assert_cmpint (lia_portfolio_node_get_next_review_at (node), ==, LIA_ROLLUP_UNKNOWN);
  g_assert_cmpint (lia_portfolio_node_get_overdue_followups (node), ==, 0);
  g_clear_object (&node);

  add_meeting (f, f->account, "Group review", at (4, 1, 10, 0), 90, NULL);
  add_meeting (f, site, "Depot review", at (3, 10, 10, 0), 60, "FREQ=MONTHLY;INTERVAL=3");
  f->now = at (3, 5, 12, 0);
  add_follow_up (f, sub, 0, 0, "Send the revised quote", 3, 4);       /* overdue */
  add_follow_up (f, f->account, 0, 0, "Book the workshop", 3, 1);     /* overdue */
  add_follow_up (f, site, 0, 0, "Check the alarm contract", 3, 5);   /* due today */
  done = add_follow_up (f, site, 0, 0, "Call the landlord", 2, 1);
  g_assert_true (lia_follow_up_repository_set_status (f->follow_ups, done, LIA_FOLLOW_UP_STATUS_DONE, &error));

  node = node_of (f, f->account);
  g_assert_cmpint (lia_portfolio_node_get_next_review_at (node), ==, at (3, 10, 10, 0));
  g_assert_cmpint (lia_portfolio_node_get_overdue_followups (node), ==, 2);
  g_clear_object (&node);
  node = node_of (f, sub);
  g_assert_cmpint (lia_portfolio_node_get_next_review_at (node), ==, at (3, 10, 10, 0));
  g_assert_cmpint (lia_portfolio_node_get_overdue_followups (node), ==, 1);
  g_clear_object (&node);

  /* The depot review of 10 March passes unheld: the group's next is its
   * own of 1 April, refreshed before the roll-up is read. */
  f->now = at (3, 11, 9, 0);
  groups = lia_portfolio_repository_list_groups (f->portfolios, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 1);
  node = g_list_model_get_item (groups, 0);
  g_assert_cmpint (lia_portfolio_node_get_next_review_at (node), ==, at (4, 1, 10, 0));
  g_assert_cmpint (lia_portfolio_node_get_overdue_followups (node), ==, 3);
  g_clear_object (&node);
  node = node_of (f, site);
  g_assert_cmpint (lia_portfolio_node_get_next_review_at (node), ==, at (6, 10, 10, 0));
}

/* Sample data ---------------------------------------------------------- */

static void
test_sample_data (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) month = NULL;
  g_autofree char *dir = lia_test_make_tmp ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(LiaBook) book = lia_book_open (path, &error);
  gint64 now = at (3, 16, 9, 0);
  sqlite3 *db;
  gint64 started = g_get_monotonic_time ();

  g_assert_no_error (error);
  lia_book_set_clock (book, lia_test_clock, &now);
  g_assert_true (lia_sample_data_generate (book, 300, 1, &error));
  g_assert_no_error (error);
  g_test_message ("300 accounts in %.2f s", (g_get_monotonic_time () - started) / 1e6);

  db = lia_database_get_handle (lia_book_get_database (book));
  g_assert_cmpint (lia_test_sql_int (db, "SELECT count (*) FROM meetings WHERE rrule LIKE '%INTERVAL=3%'"), >, 0);
  g_assert_cmpint (lia_test_sql_int (db, "SELECT count (*) FROM meetings WHERE rrule IS NULL"), >, 0);
  g_assert_cmpint (lia_test_sql_int (db, "SELECT count (*) FROM meeting_occurrences"
                                         " WHERE status = 'held' AND minutes <> ''"), >, 0);
  g_assert_cmpint (lia_follow_up_repository_count_overdue (lia_book_get_follow_ups (book), 0), >, 0);
  g_assert_cmpint (lia_test_sql_int (db, "SELECT count (*) FROM follow_ups WHERE status = 'open'"),
                   >, lia_follow_up_repository_count_overdue (lia_book_get_follow_ups (book), 0));
  g_assert_cmpint (lia_test_sql_int (db, "SELECT count (*) FROM accounts WHERE next_review_at >= "
                                         "(SELECT max (opened_at) FROM events) AND next_review_at IS NOT NULL"), >, 0);
  month = lia_meeting_repository_list_range (lia_book_get_meetings (book), at (3, 1, 0, 0), at (4, 1, 0, 0),
                                             0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (month), >, 5);

  g_clear_object (&book);
  lia_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone. */
  g_setenv ("TZ", ZONE, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/meetings/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("recurrence/dst", test_dst);
  ADD ("recurrence/count-until", test_count_until);
  ADD ("recurrence/invalid", test_invalid);
  ADD ("recurrence/jump", test_jump);
  ADD ("recurrence/fast-path", test_fast_path);
  ADD ("exceptions", test_exceptions);
  ADD ("edit/this", test_edit_this);
  ADD ("edit/all", test_edit_all);
  ADD ("edit/this-and-later", test_edit_later);
  ADD ("delete", test_delete);
  ADD ("delete/later-from-first", test_delete_later_first);
  ADD ("update/rule", test_update_rule);
  ADD ("range", test_range);
  ADD ("held", test_held);
  ADD ("reviews/next", test_next_review);
  ADD ("reviews/due", test_reviews_due);
  ADD ("rollups", test_rollups);
  ADD ("sample-data", test_sample_data);

#undef ADD

  return g_test_run ();
}
