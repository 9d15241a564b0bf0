/* test-sla.c — business calendars and SLA clocks
 *
 * Every expected instant is made here with GDateTime from a wall time in
 * the calendar's zone, never taken from the code under test. Dates are in
 * 2026: Europe/Berlin springs forward on Sunday 29 March (02:00 CET →
 * 03:00 CEST) and falls back on Sunday 25 October (03:00 CEST → 02:00 CET).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-business-calendar.h"
#include "lia-enums.h"
#include "lia-sla.h"

#include "test-common.h"

#define HOURS(n)   ((gint64)(n) * 3600)
#define MINUTES(n) ((gint64)(n) * 60)

#define WEEKDAYS "tz=Europe/Berlin;mon-fri=08:00-18:00"

static LiaBusinessCalendar *
calendar (const char *text)
{
  g_autoptr(GError) error = NULL;
  LiaBusinessCalendar *cal = lia_business_calendar_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cal);
  return cal;
}

static LiaSlaResult
evaluate (LiaBusinessCalendar *cal,
          gint64               target,
          gint64               start,
          gint64               stop,
          const LiaSlaPause   *pauses,
          guint                n_pauses,
          gint64               now)
{
  LiaSlaResult result = { 0 };

  lia_sla_evaluate (cal, target, start, stop, pauses, n_pauses, now, &result);
  return result;
}

/* --- states at the edges --- */

static void
test_state_at_target (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar ("tz=UTC");
  gint64 start = lia_test_wall ("UTC", 2026, 6, 1, 9, 0);
  gint64 target = HOURS (4);
  LiaSlaResult r;

  r = evaluate (cal, target, start, start + target, NULL, 0, start + HOURS (100));
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_MET);
  g_assert_cmpint (r.elapsed, ==, target);
  g_assert_cmpint (r.remaining, ==, 0);
  g_assert_cmpint (r.due_at, ==, start + target);

  r = evaluate (cal, target, start, start + target + 1, NULL, 0, start + HOURS (100));
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_BREACHED);
  g_assert_cmpint (r.remaining, ==, -1);

  /* Running: at the target it is not breached yet, one second later it is. */
  r = evaluate (cal, target, start, 0, NULL, 0, start + target);
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_AT_RISK);
  r = evaluate (cal, target, start, 0, NULL, 0, start + target + 1);
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_BREACHED);
  g_assert_false (r.paused);
}

static void
test_state_at_risk (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar ("tz=UTC");
  gint64 start = lia_test_wall ("UTC", 2026, 6, 1, 9, 0);
  LiaSlaResult r;

  /* Exactly 20 % of 10 h left is on track; one second less is at risk. */
  r = evaluate (cal, HOURS (10), start, 0, NULL, 0, start + HOURS (8));
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_RUNNING);
  g_assert_cmpint (r.remaining, ==, HOURS (2));
  r = evaluate (cal, HOURS (10), start, 0, NULL, 0, start + HOURS (8) + 1);
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_AT_RISK);

  /* A target that 5 does not divide: 20 % of 1001 s is 200.2 s. */
  r = evaluate (cal, 1001, start, 0, NULL, 0, start + 800);
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_RUNNING);
  r = evaluate (cal, 1001, start, 0, NULL, 0, start + 801);
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_AT_RISK);

  /* Stopped clocks are never at risk. */
  r = evaluate (cal, HOURS (10), start, start + HOURS (9), NULL, 0, start + HOURS (9));
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_MET);
}

/* --- weekends and holidays --- */

static void
test_weekend (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS);
  gint64 opened = lia_test_berlin (5, 22, 17, 0);  /* a Friday */
  gint64 due = lia_test_berlin (5, 25, 11, 0);
  LiaSlaResult r;

  g_assert_cmpint (lia_business_calendar_add (cal, opened, HOURS (4)), ==, due);
  g_assert_cmpint (lia_business_calendar_elapsed (cal, opened, due), ==, HOURS (4));

  r = evaluate (cal, HOURS (4), opened, 0, NULL, 0, lia_test_berlin (5, 23, 12, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (1));
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_RUNNING);
  g_assert_cmpint (r.due_at, ==, due);

  r = evaluate (cal, HOURS (4), opened, due, NULL, 0, due);
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_MET);
  r = evaluate (cal, HOURS (4), opened, due + 1, NULL, 0, due + 1);
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_BREACHED);

  /* Using up the last second of Friday is due on Friday, not Monday. */
  g_assert_cmpint (lia_business_calendar_add (cal, opened, HOURS (1)), ==, lia_test_berlin (5, 22, 18, 0));
}

static void
test_holiday (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS ";holidays=2026-05-25");
  gint64 opened = lia_test_berlin (5, 22, 17, 0);
  LiaSlaResult r;

  g_assert_cmpint (lia_business_calendar_add (cal, opened, HOURS (4)), ==, lia_test_berlin (5, 26, 11, 0));
  g_assert_false (lia_business_calendar_is_open (cal, lia_test_berlin (5, 25, 11, 0)));
  g_assert_true (lia_business_calendar_is_open (cal, lia_test_berlin (5, 26, 11, 0)));

  /* All of Whit Monday counts for nothing. */
  r = evaluate (cal, HOURS (4), opened, 0, NULL, 0, lia_test_berlin (5, 25, 23, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (1));
  g_assert_cmpint (r.due_at, ==, lia_test_berlin (5, 26, 11, 0));
}

/* Business days × hours of 2026, counted with GDate here. */
static void
test_long_span (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS ";holidays=2026-01-01,2026-12-25,2026-12-26");
  GDate date;
  gint64 expected = 0;

  g_date_clear (&date, 1);
  for (g_date_set_dmy (&date, 1, 1, 2026); g_date_get_year (&date) == 2026; g_date_add_days (&date, 1))
    if (g_date_get_weekday (&date) <= G_DATE_FRIDAY)
      expected += HOURS (10);
  expected -= HOURS (10) * 2;  /* 26 December 2026 is a Saturday */

  g_assert_cmpint (lia_business_calendar_elapsed (cal, lia_test_berlin (1, 1, 0, 0),
                                                  lia_test_wall ("Europe/Berlin", 2027, 1, 1, 0, 0)),
                   ==, expected);
  g_assert_cmpint (lia_business_calendar_add (cal, lia_test_berlin (1, 1, 0, 0), expected),
                   ==, lia_test_berlin (12, 31, 18, 0));

  /* A target no calendar can reach before the year 9999 is never due. */
  g_assert_cmpint (lia_business_calendar_add (cal, lia_test_berlin (1, 1, 0, 0), G_MAXINT64), ==, G_MAXINT64);
}

/* --- daylight saving in Europe/Berlin --- */

static void
test_dst_weekends (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS);
  gint64 spring_open = lia_test_berlin (3, 27, 15, 0);
  gint64 spring_due = lia_test_berlin (3, 30, 15, 0);
  gint64 autumn_open = lia_test_berlin (10, 23, 15, 0);
  gint64 autumn_due = lia_test_berlin (10, 26, 15, 0);

  /* 3 h on Friday, 7 h on Monday; the lost or won hour is on Sunday. */
  g_assert_cmpint (lia_business_calendar_add (cal, spring_open, HOURS (10)), ==, spring_due);
  g_assert_cmpint (spring_due - spring_open, ==, 3 * 86400 - HOURS (1));
  g_assert_cmpint (lia_business_calendar_elapsed (cal, spring_open, spring_due), ==, HOURS (10));

  g_assert_cmpint (lia_business_calendar_add (cal, autumn_open, HOURS (10)), ==, autumn_due);
  g_assert_cmpint (autumn_due - autumn_open, ==, 3 * 86400 + HOURS (1));
  g_assert_cmpint (lia_business_calendar_elapsed (cal, autumn_open, autumn_due), ==, HOURS (10));
}

/* Business time is real seconds between the open and close instants. */
static void
test_dst_inside_hours (void)
{
  g_autoptr(LiaBusinessCalendar) night = calendar ("tz=Europe/Berlin;mon-sun=00:00-06:00");
  g_autoptr(LiaBusinessCalendar) sunday = calendar ("tz=Europe/Berlin;sun=08:00-18:00");

  g_assert_cmpint (lia_business_calendar_elapsed (night, lia_test_berlin (3, 29, 0, 0),
                                                  lia_test_berlin (3, 30, 0, 0)),
                   ==, HOURS (5));
  g_assert_cmpint (lia_business_calendar_elapsed (night, lia_test_berlin (10, 25, 0, 0),
                                                  lia_test_berlin (10, 26, 0, 0)),
                   ==, HOURS (7));

  /* 6 h on Saturday, then 4 real hours from Sunday midnight. */
  g_assert_cmpint (lia_business_calendar_add (night, lia_test_berlin (3, 28, 0, 0), HOURS (10)),
                   ==, lia_test_berlin (3, 29, 5, 0));
  g_assert_cmpint (lia_business_calendar_add (night, lia_test_berlin (10, 24, 0, 0), HOURS (10)),
                   ==, lia_test_berlin (10, 25, 3, 0));

  /* Both ends exist and the jump is outside: a full 10 h day. */
  g_assert_cmpint (lia_business_calendar_elapsed (sunday, lia_test_berlin (3, 29, 0, 0),
                                                  lia_test_berlin (3, 30, 0, 0)),
                   ==, HOURS (10));
}

/* An opening at a skipped wall time starts when the clocks jump; one at a
 * repeated wall time means the second (standard-time) occurrence. */
static void
test_dst_missing_and_repeated_times (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar ("tz=Europe/Berlin;sun=02:30-04:00");
  gint64 jump = lia_test_wall ("UTC", 2026, 3, 29, 1, 0);
  gint64 second_half_past_two = lia_test_wall ("UTC", 2026, 10, 25, 1, 30);

  g_assert_cmpint (lia_business_calendar_add (cal, lia_test_berlin (3, 29, 0, 0), 1), ==, jump + 1);
  g_assert_cmpint (lia_business_calendar_elapsed (cal, lia_test_berlin (3, 29, 0, 0),
                                                  lia_test_berlin (3, 30, 0, 0)),
                   ==, HOURS (1));
  g_assert_cmpint (lia_business_calendar_add (cal, lia_test_berlin (10, 25, 0, 0), 1), ==, second_half_past_two + 1);
  g_assert_cmpint (lia_business_calendar_elapsed (cal, lia_test_berlin (10, 25, 0, 0),
                                                  lia_test_berlin (10, 26, 0, 0)),
                   ==, MINUTES (90));
}

/* The opening hours of "mon-fri=08:00-18:00;sun=01:00-05:00" as a wall
 * clock reads them, for the brute-force count below. */
static gboolean
wall_clock_open (GDateTime *local)
{
  int weekday = g_date_time_get_day_of_week (local);
  int minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  if (weekday <= 5)
    return minute >= 8 * 60 && minute < 18 * 60;
  return weekday == 7 && minute >= 60 && minute < 5 * 60;
}

/* Steps through DST weeks a real minute at a time and counts the minutes
 * whose wall-clock time is open: an answer independent of the code. */
static void
test_dst_brute_force (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS ";sun=01:00-05:00");
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  const gint64 weeks[][2] = {
    { lia_test_berlin (3, 24, 13, 7), lia_test_berlin (3, 31, 9, 41) },
    { lia_test_berlin (10, 20, 6, 3), lia_test_berlin (10, 28, 19, 59) },
  };

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    {
      gint64 expected = 0;

      for (gint64 t = weeks[w][0]; t < weeks[w][1]; t += 60)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

          if (wall_clock_open (local))
            expected += 60;
        }
      g_assert_cmpint (lia_business_calendar_elapsed (cal, weeks[w][0], weeks[w][1]), ==, expected);
    }
}

/* --- around the clock --- */

static void
test_around_the_clock (void)
{
  g_autoptr(LiaBusinessCalendar) utc = calendar ("tz=UTC");
  g_autoptr(LiaBusinessCalendar) berlin_all = calendar ("tz=Europe/Berlin");
  g_autoptr(LiaBusinessCalendar) christmas = calendar ("tz=Europe/Berlin;holidays=2026-12-25");
  gint64 saturday = lia_test_berlin (3, 28, 20, 0);

  g_assert_true (lia_business_calendar_is_around_the_clock (utc));
  g_assert_true (lia_business_calendar_is_open (utc, saturday));
  g_assert_cmpint (lia_business_calendar_elapsed (utc, saturday, saturday + 12345), ==, 12345);
  g_assert_cmpint (lia_business_calendar_elapsed (utc, saturday, saturday - 1), ==, 0);

  /* Over the spring change: 10 h are 10 real hours, 07:00 on the wall. */
  g_assert_cmpint (lia_business_calendar_add (berlin_all, saturday, HOURS (10)), ==, lia_test_berlin (3, 29, 7, 0));
  g_assert_cmpint (saturday + HOURS (10), ==, lia_test_berlin (3, 29, 7, 0));

  /* Around the clock but for a holiday: 12 h + 0 + 12 h. */
  g_assert_true (lia_business_calendar_is_around_the_clock (christmas));
  g_assert_cmpint (lia_business_calendar_elapsed (christmas, lia_test_berlin (12, 24, 12, 0),
                                                  lia_test_berlin (12, 26, 12, 0)),
                   ==, HOURS (24));
  g_assert_cmpint (lia_business_calendar_add (christmas, lia_test_berlin (12, 24, 12, 0), HOURS (13)),
                   ==, lia_test_berlin (12, 26, 1, 0));
}

/* --- pauses while waiting on the customer --- */

static void
test_pause_inside_hours (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS);
  LiaSlaPause pause = { lia_test_berlin (6, 1, 10, 0), lia_test_berlin (6, 1, 11, 0) };
  LiaSlaResult r;

  r = evaluate (cal, HOURS (4), lia_test_berlin (6, 1, 9, 0), 0, &pause, 1, lia_test_berlin (6, 1, 12, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (2));
  g_assert_cmpint (r.due_at, ==, lia_test_berlin (6, 1, 14, 0));
  g_assert_false (r.paused);

  /* Stopped inside the pause: counted up to its start. */
  r = evaluate (cal, HOURS (4), lia_test_berlin (6, 1, 9, 0), lia_test_berlin (6, 1, 10, 30), &pause, 1,
                lia_test_berlin (6, 1, 12, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (1));
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_MET);
}

static void
test_pause_outside_hours (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS);
  LiaSlaPause pause = { lia_test_berlin (6, 1, 17, 0), lia_test_berlin (6, 2, 9, 0) };
  gint64 opened = lia_test_berlin (6, 1, 16, 0);
  LiaSlaResult r;

  r = evaluate (cal, HOURS (4), opened, 0, NULL, 0, lia_test_berlin (6, 2, 10, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (4));
  g_assert_cmpint (r.due_at, ==, lia_test_berlin (6, 2, 10, 0));

  /* Only the business hours of the pause, 17–18 and 08–09, are left out. */
  r = evaluate (cal, HOURS (4), opened, 0, &pause, 1, lia_test_berlin (6, 2, 10, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (2));
  g_assert_cmpint (r.due_at, ==, lia_test_berlin (6, 2, 12, 0));
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_RUNNING);
}

static void
test_pause_open_ended (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS);
  LiaSlaPause pause = { lia_test_berlin (6, 1, 10, 0), 0 };
  gint64 opened = lia_test_berlin (6, 1, 9, 0);
  LiaSlaResult r;

  /* Paused now: the due time assumes the clock resumes now. */
  r = evaluate (cal, HOURS (4), opened, 0, &pause, 1, lia_test_berlin (6, 1, 15, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (1));
  g_assert_true (r.paused);
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_RUNNING);
  g_assert_cmpint (r.due_at, ==, lia_test_berlin (6, 1, 18, 0));

  r = evaluate (cal, HOURS (4), opened, 0, &pause, 1, lia_test_berlin (6, 2, 12, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (1));
  g_assert_cmpint (r.due_at, ==, lia_test_berlin (6, 2, 15, 0));

  /* Stopped while still waiting: the pause ends with the clock. */
  r = evaluate (cal, HOURS (4), opened, lia_test_berlin (6, 1, 15, 0), &pause, 1, lia_test_berlin (6, 2, 12, 0));
  g_assert_cmpint (r.elapsed, ==, HOURS (1));
  g_assert_cmpint (r.state, ==, LIA_SLA_STATE_MET);
  g_assert_false (r.paused);
}

static void
test_pause_overlapping (void)
{
  g_autoptr(LiaBusinessCalendar) cal = calendar (WEEKDAYS);
  gint64 opened = lia_test_berlin (6, 1, 9, 0);
  gint64 now = lia_test_berlin (6, 1, 14, 0);
  const LiaSlaPause messy[] = {
    { lia_test_berlin (6, 1, 11, 0), lia_test_berlin (6, 1, 12, 0) },
    { lia_test_berlin (5, 31, 10, 0), lia_test_berlin (5, 31, 20, 0) },  /* before the opening */
    { lia_test_berlin (6, 1, 10, 0), lia_test_berlin (6, 1, 11, 30) },
    { lia_test_berlin (6, 1, 13, 0), lia_test_berlin (6, 1, 12, 30) },   /* backwards: ignored */
    { lia_test_berlin (6, 1, 10, 30), lia_test_berlin (6, 1, 10, 45) },
    { lia_test_berlin (6, 1, 16, 0), lia_test_berlin (6, 1, 17, 0) },    /* after now */
  };
  const LiaSlaPause clean = { lia_test_berlin (6, 1, 10, 0), lia_test_berlin (6, 1, 12, 0) };
  LiaSlaResult a, b;

  a = evaluate (cal, HOURS (4), opened, 0, messy, G_N_ELEMENTS (messy), now);
  b = evaluate (cal, HOURS (4), opened, 0, &clean, 1, now);
  g_assert_cmpint (a.elapsed, ==, HOURS (3));
  g_assert_cmpint (a.elapsed, ==, b.elapsed);
  g_assert_cmpint (a.due_at, ==, lia_test_berlin (6, 1, 15, 0));
  g_assert_cmpint (a.due_at, ==, b.due_at);
  g_assert_cmpint (a.state, ==, LIA_SLA_STATE_RUNNING);

  /* A pause straddling the opening counts from the opening. */
  {
    LiaSlaPause straddle = { lia_test_berlin (6, 1, 8, 0), lia_test_berlin (6, 1, 10, 0) };

    a = evaluate (cal, HOURS (4), opened, 0, &straddle, 1, now);
    g_assert_cmpint (a.elapsed, ==, HOURS (4));
    g_assert_cmpint (a.state, ==, LIA_SLA_STATE_AT_RISK);
  }
}

/* --- elapsed and add are inverse --- */

static void
check_inverse (LiaBusinessCalendar *cal,
               GRand               *rand,
               guint               *n_business_instants)
{
  gint64 year_start = lia_test_berlin (1, 1, 0, 0);
  gint64 from = year_start + g_rand_int_range (rand, 0, 365 * 86400);
  gint64 seconds = g_rand_int_range (rand, 0, (gint32)HOURS (300));
  gint64 to = from + g_rand_int_range (rand, 0, 60 * 86400);
  gint64 due = lia_business_calendar_add (cal, from, seconds);

  g_assert_cmpint (lia_business_calendar_elapsed (cal, from, due), ==, seconds);
  g_assert_true (seconds == 0 || lia_business_calendar_is_open (cal, due - 1));

  /* The other way only holds inside opening hours: add() finds the
   * earliest instant, which is a close when @to is on a closed stretch. */
  if (lia_business_calendar_is_open (cal, to) && lia_business_calendar_is_open (cal, to - 1))
    {
      g_assert_cmpint (lia_business_calendar_add (cal, from, lia_business_calendar_elapsed (cal, from, to)),
                       ==, to);
      (*n_business_instants)++;
    }
}

static void
test_inverse (void)
{
  const char *texts[] = {
    WEEKDAYS ";holidays=2026-04-03,2026-04-06,2026-05-01,2026-12-25",
    "tz=Europe/Berlin;mon-fri=08:00-12:00,13:00-17:00;sat=09:00-12:00;sun=01:00-04:00",
    "tz=America/New_York;tue-thu=00:00-24:00;sun=01:30-02:30",
    "tz=Europe/Berlin;holidays=2026-03-29,2026-10-24",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260329);

  for (guint c = 0; c < G_N_ELEMENTS (texts); c++)
    {
      g_autoptr(LiaBusinessCalendar) cal = calendar (texts[c]);
      guint n_business_instants = 0;

      for (guint i = 0; i < 500; i++)
        check_inverse (cal, rand, &n_business_instants);
      g_assert_cmpuint (n_business_instants, >, 20);
    }
}

/* --- impossible times --- */

static void
assert_refused (gint64 opened,
                gint64 responded,
                gint64 resolved,
                gint64 now)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lia_sla_check_times (opened, responded, resolved, now, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_false (lia_sla_check_times (opened, responded, resolved, now, NULL));
}

static void
test_check_times (void)
{
  gint64 t = lia_test_berlin (6, 1, 9, 0);
  gint64 now = t + HOURS (10);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_sla_check_times (t, 0, 0, now, &error));
  g_assert_true (lia_sla_check_times (t, t, t, now, &error));
  g_assert_true (lia_sla_check_times (t, t + 1, t + 2, now, &error));
  g_assert_true (lia_sla_check_times (t, 0, t + 2, now, &error));
  g_assert_true (lia_sla_check_times (t, now, now, now, &error));
  g_assert_no_error (error);

  assert_refused (t, 0, t - 1, now);        /* resolved before opened */
  assert_refused (t, t - 1, 0, now);        /* responded before opened */
  assert_refused (t, t + 3, t + 2, now);    /* responded after resolved */
  assert_refused (now + 1, 0, 0, now);      /* opened in the future */
  assert_refused (t, now + 1, 0, now);      /* responded in the future */
  assert_refused (t, 0, now + 1, now);      /* resolved in the future */
  assert_refused (0, 0, 0, now);            /* never opened */

  lia_sla_check_times (t, 0, t - 1, now, &error);
  g_assert_nonnull (strstr (error->message, "before"));
}

/* --- the text form --- */

static void
test_calendar_round_trip (void)
{
  const char *canonical[] = {
    "tz=Europe/Berlin;mon-fri=08:00-18:00;sat=09:00-12:00;holidays=2026-12-24,2026-12-25",
    "tz=UTC",
    "tz=America/New_York;mon=00:00-24:00;wed-thu=07:30-12:00,12:00-16:45;holidays=2027-01-01",
    "tz=Europe/Berlin;holidays=2026-12-25",
  };
  struct { const char *in, *out; } loose[] = {
    { " TZ = Europe/Berlin ; holidays=2026-12-25, 2026-12-24,2026-12-25; mon=8:00-12:00 ,13:00-17:00;"
      "tue-fri=13:00-17:00,08:00-12:00 ;SUN=00:00-24:00;",
      "tz=Europe/Berlin;mon-fri=08:00-12:00,13:00-17:00;sun=00:00-24:00;holidays=2026-12-24,2026-12-25" },
    { "mon=09:00-17:00;tz=UTC;tue=09:00-17:00;thu=09:00-17:00",
      "tz=UTC;mon-tue=09:00-17:00;thu=09:00-17:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (canonical); i++)
    {
      g_autoptr(LiaBusinessCalendar) cal = calendar (canonical[i]);
      g_autofree char *text = lia_business_calendar_to_string (cal);

      g_assert_cmpstr (text, ==, canonical[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (loose); i++)
    {
      g_autoptr(LiaBusinessCalendar) cal = calendar (loose[i].in);
      g_autofree char *text = lia_business_calendar_to_string (cal);
      g_autoptr(LiaBusinessCalendar) again = calendar (text);
      g_autofree char *text_again = lia_business_calendar_to_string (again);

      g_assert_cmpstr (text, ==, loose[i].out);
      g_assert_cmpstr (text_again, ==, text);
    }
}

static void
test_calendar_built (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(LiaBusinessCalendar) cal = lia_business_calendar_new (tz);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (lia_business_calendar_is_around_the_clock (cal));
  g_assert_true (lia_business_calendar_add_opening (cal, G_DATE_SATURDAY, 9 * 60, 12 * 60, &error));
  g_assert_true (lia_business_calendar_add_opening (cal, G_DATE_MONDAY, 13 * 60, 18 * 60, &error));
  g_assert_true (lia_business_calendar_add_opening (cal, G_DATE_MONDAY, 8 * 60, 12 * 60, &error));
  g_assert_true (lia_business_calendar_add_holiday (cal, 2026, G_DATE_DECEMBER, 24, &error));
  g_assert_no_error (error);
  g_assert_false (lia_business_calendar_is_around_the_clock (cal));
  g_assert_true (lia_business_calendar_get_timezone (cal) == tz);

  text = lia_business_calendar_to_string (cal);
  g_assert_cmpstr (text, ==, "tz=Europe/Berlin;mon=08:00-12:00,13:00-18:00;sat=09:00-12:00;holidays=2026-12-24");

  g_assert_false (lia_business_calendar_add_opening (cal, G_DATE_MONDAY, 11 * 60, 14 * 60, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (lia_business_calendar_add_opening (cal, G_DATE_TUESDAY, 8 * 60, 1441, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (lia_business_calendar_add_holiday (cal, 2026, G_DATE_FEBRUARY, 29, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
}

static void
test_calendar_bad_input (void)
{
  struct { const char *text, *mentions; } bad[] = {
    { "", "tz=" },
    { "mon-fri=08:00-18:00", "tz=" },
    { "tz=Mars/Olympus", "Mars/Olympus" },
    { "tz=", NULL },
    { "tz=UTC;tz=Europe/Berlin", NULL },
    { "tz=UTC;mon=25:00-26:00", "25:00" },
    { "tz=UTC;mon=08:00-24:30", "24:30" },
    { "tz=UTC;mon=08:60-09:00", "08:60" },
    { "tz=UTC;mon=18:00-08:00", "18:00-08:00" },
    { "tz=UTC;mon=08:00-08:00", "08:00-08:00" },
    { "tz=UTC;mon=24:00-24:00", NULL },
    { "tz=UTC;mon=08:00-12:00,11:00-13:00", "11:00-13:00" },
    { "tz=UTC;mon-fri=08:00-18:00;wed=12:00-13:00", "12:00-13:00" },
    { "tz=UTC;mon=8-18", "8" },
    { "tz=UTC;mon=08:00", "08:00" },
    { "tz=UTC;mon=08:00-12:00,", NULL },
    { "tz=UTC;mon=", NULL },
    { "tz=UTC;mon", "mon" },
    { "tz=UTC;fri-mon=08:00-18:00", "fri-mon" },
    { "tz=UTC;xyz=08:00-09:00", "xyz" },
    { "tz=UTC;holidays=2026-02-30", "2026-02-30" },
    { "tz=UTC;holidays=2026-13-01", "2026-13-01" },
    { "tz=UTC;holidays=26-12-24", "26-12-24" },
    { "tz=UTC;holidays=2026-12-24x", "2026-12-24x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaBusinessCalendar) cal = lia_business_calendar_parse (bad[i].text, &error);

      if (cal != NULL)
        g_error ("“%s” accepted", bad[i].text);
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      if (bad[i].mentions && !strstr (error->message, bad[i].mentions))
        g_error ("error for “%s” does not mention “%s”: %s", bad[i].text, bad[i].mentions, error->message);
      g_assert_null (lia_business_calendar_parse (bad[i].text, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sla/state/at-target", test_state_at_target);
  g_test_add_func ("/sla/state/at-risk", test_state_at_risk);
  g_test_add_func ("/sla/hours/weekend", test_weekend);
  g_test_add_func ("/sla/hours/holiday", test_holiday);
  g_test_add_func ("/sla/hours/long-span", test_long_span);
  g_test_add_func ("/sla/dst/weekends", test_dst_weekends);
  g_test_add_func ("/sla/dst/inside-hours", test_dst_inside_hours);
  g_test_add_func ("/sla/dst/missing-and-repeated-times", test_dst_missing_and_repeated_times);
  g_test_add_func ("/sla/dst/brute-force", test_dst_brute_force);
  g_test_add_func ("/sla/around-the-clock", test_around_the_clock);
  g_test_add_func ("/sla/pause/inside-hours", test_pause_inside_hours);
  g_test_add_func ("/sla/pause/outside-hours", test_pause_outside_hours);
  g_test_add_func ("/sla/pause/open-ended", test_pause_open_ended);
  g_test_add_func ("/sla/pause/overlapping", test_pause_overlapping);
  g_test_add_func ("/sla/calendar/inverse", test_inverse);
  g_test_add_func ("/sla/check-times", test_check_times);
  g_test_add_func ("/sla/calendar/round-trip", test_calendar_round_trip);
  g_test_add_func ("/sla/calendar/built", test_calendar_built);
  g_test_add_func ("/sla/calendar/bad-input", test_calendar_bad_input);

  return g_test_run ();
}
