/* test-events.c — maintenance events through LiaEventRepository: SLA
 * clocks at their edges (targets, at risk, business hours, weekends,
 * holidays, daylight saving, waiting on the customer), times that cannot
 * be, the status history, vendor compliance, portfolio and workload
 * roll-ups, and contacts logged as events
 *
 * Time is held still with an injected clock and moved by hand; every
 * expected instant is made here with GDateTime from a wall time in the
 * plan's zone, every expected count and median is worked out here from
 * the events the test put in, never read back from the code under test.
 * Dates are in 2026: Europe/Berlin springs forward on Sunday 29 March and
 * falls back on Sunday 25 October; Whit Monday is 25 May.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "lia-enum-types.h"
#include "lia-status-change.h"
#include "lia-workload-entry.h"

#include "test-book.h"

#define MINUTES(n) ((gint64)(n) * 60)
#define HOURS(n)   ((gint64)(n) * 3600)
#define DAYS(n)    ((gint64)(n) * 86400)

#define WEEKDAYS "tz=Europe/Berlin;mon-fri=08:00-18:00"

typedef struct
{
  char                   *dir;
  LiaBook                *book;
  LiaAccountRepository   *accounts;
  LiaPortfolioRepository *portfolios;
  LiaEventRepository     *events;
  gint64                  now;
  gint64                  alice;    /* account managers */
  gint64                  bruno;
  gint64                  carla;
  gint64                  ivo;      /* an engineer: own staff doing the work */
  guint                   n_changed;
  gint64                  changed_event;
  gint64                  changed_account;
} Fixture;

static void
on_event_changed (LiaEventRepository *repository,
                  gint64              event_id,
                  gint64              account_id,
                  Fixture            *f)
{
  f->n_changed++;
  f->changed_event = event_id;
  f->changed_account = account_id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = lia_test_berlin (1, 5, 9, 0);
  f->book = lia_test_book_new (&f->dir, NULL, &f->now, "Test Actor");
  f->accounts = lia_book_get_accounts (f->book);
  f->portfolios = lia_book_get_portfolios (f->book);
  f->events = lia_book_get_events (f->book);
  g_assert_nonnull (f->events);

  f->alice = lia_test_add_staff (f->book, "Alice Martin", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->bruno = lia_test_add_staff (f->book, "Bruno Keller", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->carla = lia_test_add_staff (f->book, "Carla Nemeth", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->ivo = lia_test_add_staff (f->book, "Ivo Brandt", LIA_STAFF_ROLE_ENGINEER);

  /* Premium counts around the clock in these tests, whatever the default. */
  lia_test_set_business_hours (f->book, "premium", NULL);
  g_signal_connect (f->events, "event-changed", G_CALLBACK (on_event_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, NULL);
}

/* A small-business account on @plan (NULL: none) managed by @manager (0: nobody). */
static gint64
create_account (Fixture    *f,
                const char *name,
                const char *plan,
                gint64      manager)
{
  static guint serial = 0;
  g_autofree char *number = g_strdup_printf ("E-%u", ++serial);
  g_autoptr(LiaAccount) account = lia_test_account_new (number, name, "small-business");

  lia_account_set_service_plan_id (account, plan);
  lia_account_set_manager_id (account, manager);
  return lia_test_account_create (f->book, account);
}

/* Opens an event at @opened_at (the clock is moved there), performed by
 * @staff or @vendor (0: nobody). */
static gint64
open_full (Fixture      *f,
           gint64        account,
           LiaEventKind  kind,
           LiaSeverity   severity,
           gint64        opened_at,
           gint64        staff,
           gint64        vendor,
           const char   *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaEvent) event = lia_event_new (account, kind, summary);

  if (severity != LIA_SEVERITY_NONE)
    lia_event_set_severity (event, severity);
  lia_event_set_opened_at (event, opened_at);
  if (staff)
    lia_event_set_staff_id (event, staff);
  if (vendor)
    lia_event_set_vendor_id (event, vendor);

  f->now = opened_at;
  g_assert_true (lia_event_repository_add (f->events, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_event_get_id (event), >, 0);
  g_assert_cmpint (lia_event_get_opened_at (event), ==, opened_at);
  return lia_event_get_id (event);
}

static gint64
open_incident (Fixture *f,
               gint64   account,
               gint64   opened_at)
{
  return open_full (f, account, LIA_EVENT_KIND_INCIDENT, LIA_SEVERITY_HIGH, opened_at,
                    0, 0, "Heating plant down");
}

/* The event as the book shows it at @at. */
static LiaEvent *
lookup_at (Fixture *f,
           gint64   id,
           gint64   at)
{
  g_autoptr(GError) error = NULL;
  LiaEvent *event;

  f->now = at;
  event = lia_event_repository_lookup (f->events, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);
  return event;
}

static LiaSlaState
state_at (Fixture *f,
          gint64   id,
          gint64   at)
{
  g_autoptr(LiaEvent) event = lookup_at (f, id, at);

  return lia_event_get_sla_state (event);
}

static void
assert_state_at (Fixture     *f,
                 gint64       id,
                 gint64       at,
                 LiaSlaState  expected,
                 const char  *what,
                 int          line)
{
  LiaSlaState state = state_at (f, id, at);

  if (state != expected)
    g_error ("line %d: event %" G_GINT64_FORMAT " at %s: SLA state %d, expected %s",
             line, id, what, state, lia_enum_to_nick (LIA_TYPE_SLA_STATE, expected));
}

#define assert_state(f, id, at, expected) \
  assert_state_at ((f), (id), (at), (expected), #at, __LINE__)

/* --- SLA at the edges --- */

/* Resolved exactly at the target is met; a second later is breached. */
static void
test_sla_met_at_target (Fixture       *f,
                        gconstpointer  data)
{
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 t = lia_test_berlin (6, 1, 9, 0);
  gint64 on_time, late, running, closed;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));

  on_time = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, on_time, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (10));
  lia_test_set_status_at (f->book, &f->now, on_time, LIA_EVENT_STATUS_RESOLVED, t + HOURS (4));
  {
    g_autoptr(LiaEvent) e = lookup_at (f, on_time, t + HOURS (100));

    g_assert_cmpint (lia_event_get_status (e), ==, LIA_EVENT_STATUS_RESOLVED);
    g_assert_cmpint (lia_event_get_response_target (e), ==, HOURS (1));
    g_assert_cmpint (lia_event_get_resolution_target (e), ==, HOURS (4));
    g_assert_null (lia_event_get_business_hours (e));
    g_assert_cmpint (lia_event_get_responded_at (e), ==, t + MINUTES (10));
    g_assert_cmpint (lia_event_get_resolved_at (e), ==, t + HOURS (4));
    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, 0);
    g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, 0);
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_MET);
  }

  late = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (10));
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_RESOLVED, t + HOURS (4) + 1);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, late, t + HOURS (100));

    g_assert_cmpint (lia_event_get_resolved_at (e), ==, t + HOURS (4) + 1);
    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, 0);
    g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, t + HOURS (4) + 1);
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_BREACHED);
  }

  /* Still running: at the target it is at risk, a second later breached. */
  running = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, running, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (10));
  assert_state (f, running, t + HOURS (4), LIA_SLA_STATE_AT_RISK);
  assert_state (f, running, t + HOURS (4) + 1, LIA_SLA_STATE_BREACHED);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, running, t + HOURS (5));

    g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, t + HOURS (4) + 1);
    g_assert_cmpint (lia_event_get_resolved_at (e), ==, 0);
  }

  /* Closed straight from open at the resolution target: resolving also
   * records the response then, four hours after the opening, which
   * breaches the one-hour response target. */
  closed = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, closed, LIA_EVENT_STATUS_CLOSED, t + HOURS (4));
  {
    g_autoptr(LiaEvent) e = lookup_at (f, closed, t + HOURS (100));

    g_assert_cmpint (lia_event_get_status (e), ==, LIA_EVENT_STATUS_CLOSED);
    g_assert_cmpint (lia_event_get_resolved_at (e), ==, t + HOURS (4));
    g_assert_cmpint (lia_event_get_responded_at (e), ==, t + HOURS (4));
    g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, 0);
    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, t + HOURS (1) + 1);
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_BREACHED);
  }
}

/* The response clock at its target. */
static void
test_sla_response_edge (Fixture       *f,
                        gconstpointer  data)
{
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 t = lia_test_berlin (6, 1, 9, 0);
  gint64 on_time, late, silent;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));

  on_time = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, on_time, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (1));
  {
    g_autoptr(LiaEvent) e = lookup_at (f, on_time, t + HOURS (1));

    g_assert_cmpint (lia_event_get_responded_at (e), ==, t + HOURS (1));
    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, 0);
    /* 3 of 4 hours of resolution left. */
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_RUNNING);
  }

  late = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (1) + 1);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, late, t + HOURS (1) + 1);

    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, t + HOURS (1) + 1);
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_BREACHED);
  }

  /* Nobody answers: at risk at the target, breached a second later. */
  silent = open_incident (f, account, t);
  assert_state (f, silent, t + HOURS (1), LIA_SLA_STATE_AT_RISK);
  assert_state (f, silent, t + HOURS (1) + 1, LIA_SLA_STATE_BREACHED);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, silent, t + HOURS (2));

    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, t + HOURS (1) + 1);
    g_assert_cmpint (lia_event_get_responded_at (e), ==, 0);
  }
}

/* Exactly 20 % of a target left is still on track; a second less is at risk. */
static void
test_sla_at_risk_edge (Fixture       *f,
                       gconstpointer  data)
{
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 t = lia_test_berlin (6, 1, 9, 0);
  gint64 answered, silent, odd;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (10));
  /* 20 % of 1001 s is 200.2 s: 201 s left is on track, 200 s is not. */
  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_CRITICAL, 1001, 5000);

  /* Answered at once: only the 10 h resolution clock runs. */
  answered = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, answered, LIA_EVENT_STATUS_IN_PROGRESS, t);
  assert_state (f, answered, t + HOURS (1), LIA_SLA_STATE_RUNNING);
  assert_state (f, answered, t + HOURS (8), LIA_SLA_STATE_RUNNING);
  assert_state (f, answered, t + HOURS (8) + 1, LIA_SLA_STATE_AT_RISK);
  assert_state (f, answered, t + HOURS (10), LIA_SLA_STATE_AT_RISK);
  assert_state (f, answered, t + HOURS (10) + 1, LIA_SLA_STATE_BREACHED);

  /* Unanswered: the 1 h response clock is the first at risk (12 min left). */
  silent = open_incident (f, account, t);
  assert_state (f, silent, t + MINUTES (48), LIA_SLA_STATE_RUNNING);
  assert_state (f, silent, t + MINUTES (48) + 1, LIA_SLA_STATE_AT_RISK);

  odd = open_full (f, account, LIA_EVENT_KIND_INCIDENT, LIA_SEVERITY_CRITICAL, t, 0, 0, "Odd target");
  {
    g_autoptr(LiaEvent) e = lookup_at (f, odd, t);
    g_assert_cmpint (lia_event_get_response_target (e), ==, 1001);
  }
  assert_state (f, odd, t + 800, LIA_SLA_STATE_RUNNING);
  assert_state (f, odd, t + 801, LIA_SLA_STATE_AT_RISK);
  assert_state (f, odd, t + 1001, LIA_SLA_STATE_AT_RISK);
  assert_state (f, odd, t + 1002, LIA_SLA_STATE_BREACHED);
}

/* Opened on Friday afternoon before the weekend of a daylight-saving
 * change, on weekday hours: 3 h on Friday and 7 h on Monday, with an
 * hour less (spring) or more (autumn) of real time between them. */
static void
test_sla_dst_weekend (Fixture       *f,
                      gconstpointer  data)
{
  gint64 account = create_account (f, "Hamburg Works", "standard", 0);
  struct { gint64 opened, due, real; } seasons[] = {
    { lia_test_berlin (3, 27, 15, 0), lia_test_berlin (3, 30, 15, 0), DAYS (3) - HOURS (1) },
    { lia_test_berlin (10, 23, 15, 0), lia_test_berlin (10, 26, 15, 0), DAYS (3) + HOURS (1) },
  };

  lia_test_set_business_hours (f->book, "standard", WEEKDAYS);
  lia_test_set_sla_target (f->book, "standard", LIA_SEVERITY_HIGH, HOURS (1), HOURS (10));

  for (guint i = 0; i < G_N_ELEMENTS (seasons); i++)
    {
      gint64 opened = seasons[i].opened, due = seasons[i].due;
      gint64 met, breached, running;

      g_assert_cmpint (due - opened, ==, seasons[i].real);

      met = open_incident (f, account, opened);
      lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_IN_PROGRESS, opened + MINUTES (30));
      lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_RESOLVED, due);
      {
        g_autoptr(LiaEvent) e = lookup_at (f, met, due + DAYS (10));

        g_assert_nonnull (lia_event_get_business_hours (e));
        g_assert_nonnull (strstr (lia_event_get_business_hours (e), "Europe/Berlin"));
        g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_MET);
      }

      breached = open_incident (f, account, opened);
      lia_test_set_status_at (f->book, &f->now, breached, LIA_EVENT_STATUS_IN_PROGRESS, opened + MINUTES (30));
      lia_test_set_status_at (f->book, &f->now, breached, LIA_EVENT_STATUS_RESOLVED, due + 1);
      {
        g_autoptr(LiaEvent) e = lookup_at (f, breached, due + DAYS (10));

        g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, due + 1);
        g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_BREACHED);
      }

      running = open_incident (f, account, opened);
      lia_test_set_status_at (f->book, &f->now, running, LIA_EVENT_STATUS_IN_PROGRESS, opened + MINUTES (30));
      /* Sunday noon: 3 of 10 business hours used. */
      assert_state (f, running, opened + DAYS (2) - HOURS (3), LIA_SLA_STATE_RUNNING);
      assert_state (f, running, due, LIA_SLA_STATE_AT_RISK);
      assert_state (f, running, due + 1, LIA_SLA_STATE_BREACHED);
    }
}

/* Hours that contain the change: Sunday 00:00–06:00 has 5 real hours in
 * spring and 7 in autumn. */
static void
test_sla_dst_inside_hours (Fixture       *f,
                           gconstpointer  data)
{
  gint64 account = create_account (f, "Night Shift", "enterprise", 0);
  struct { gint64 opened, due; } seasons[] = {
    /* 6 h on Saturday night, then 4 real hours: 00:00–02:00, 03:00–05:00. */
    { lia_test_berlin (3, 28, 0, 0), lia_test_berlin (3, 29, 5, 0) },
    /* 6 h on Saturday night, then 4 real hours: 00:00 CEST to 03:00 CET. */
    { lia_test_berlin (10, 24, 0, 0), lia_test_berlin (10, 25, 3, 0) },
  };

  lia_test_set_business_hours (f->book, "enterprise", "tz=Europe/Berlin;mon-sun=00:00-06:00");
  lia_test_set_sla_target (f->book, "enterprise", LIA_SEVERITY_HIGH, HOURS (1), HOURS (10));

  g_assert_cmpint (seasons[0].due - lia_test_berlin (3, 29, 0, 0), ==, HOURS (4));
  g_assert_cmpint (seasons[1].due - lia_test_berlin (10, 25, 0, 0), ==, HOURS (4));

  for (guint i = 0; i < G_N_ELEMENTS (seasons); i++)
    {
      gint64 opened = seasons[i].opened, due = seasons[i].due;
      gint64 met, breached, running;

      met = open_incident (f, account, opened);
      lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_IN_PROGRESS, opened);
      lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_RESOLVED, due);
      assert_state (f, met, due + DAYS (1), LIA_SLA_STATE_MET);

      breached = open_incident (f, account, opened);
      lia_test_set_status_at (f->book, &f->now, breached, LIA_EVENT_STATUS_IN_PROGRESS, opened);
      lia_test_set_status_at (f->book, &f->now, breached, LIA_EVENT_STATUS_RESOLVED, due + 1);
      {
        g_autoptr(LiaEvent) e = lookup_at (f, breached, due + DAYS (1));

        g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, due + 1);
        g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_BREACHED);
      }

      running = open_incident (f, account, opened);
      lia_test_set_status_at (f->book, &f->now, running, LIA_EVENT_STATUS_IN_PROGRESS, opened);
      assert_state (f, running, due, LIA_SLA_STATE_AT_RISK);
      assert_state (f, running, due + 1, LIA_SLA_STATE_BREACHED);
    }
}

/* Weekday hours with Whit Monday a holiday: opened Friday 22 May at
 * 17:00, one business hour is left on Friday and none until Tuesday. */
static void
test_sla_weekend_and_holiday (Fixture       *f,
                              gconstpointer  data)
{
  gint64 account = create_account (f, "Bakery", "basic", 0);
  gint64 opened = lia_test_berlin (5, 22, 17, 0);
  gint64 response_due = lia_test_berlin (5, 26, 9, 0);
  gint64 resolution_due = lia_test_berlin (5, 26, 11, 0);
  gint64 silent, met, late;

  lia_test_set_business_hours (f->book, "basic", WEEKDAYS ";holidays=2026-05-25");
  lia_test_set_sla_target (f->book, "basic", LIA_SEVERITY_HIGH, HOURS (2), HOURS (4));

  silent = open_incident (f, account, opened);
  assert_state (f, silent, lia_test_berlin (5, 23, 12, 0), LIA_SLA_STATE_RUNNING);
  assert_state (f, silent, lia_test_berlin (5, 25, 17, 0), LIA_SLA_STATE_RUNNING);   /* the holiday */
  /* 24 min (20 % of 2 h) left at 08:36 on Tuesday. */
  assert_state (f, silent, lia_test_berlin (5, 26, 8, 36), LIA_SLA_STATE_RUNNING);
  assert_state (f, silent, lia_test_berlin (5, 26, 8, 36) + 1, LIA_SLA_STATE_AT_RISK);
  assert_state (f, silent, response_due, LIA_SLA_STATE_AT_RISK);
  assert_state (f, silent, response_due + 1, LIA_SLA_STATE_BREACHED);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, silent, response_due + 1);
    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, response_due + 1);
  }

  met = open_incident (f, account, opened);
  lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_IN_PROGRESS, lia_test_berlin (5, 26, 8, 30));
  lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_RESOLVED, resolution_due);
  assert_state (f, met, resolution_due + DAYS (1), LIA_SLA_STATE_MET);

  late = open_incident (f, account, opened);
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_IN_PROGRESS, lia_test_berlin (5, 26, 8, 30));
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_RESOLVED, resolution_due + 1);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, late, resolution_due + DAYS (1));

    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, 0);
    g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, resolution_due + 1);
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_BREACHED);
  }
}

/* Time spent waiting on the customer is not counted. */
static void
test_sla_paused_while_waiting (Fixture       *f,
                               gconstpointer  data)
{
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 t = lia_test_berlin (6, 1, 9, 0);
  gint64 met, late, waiting, twice, before_response;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));

  /* Waiting from 1 h to 3 h: 4 business hours are used up at 6 h. */
  met = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (10));
  lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_WAITING, t + HOURS (1));
  lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (3));
  lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_RESOLVED, t + HOURS (6));
  assert_state (f, met, t + HOURS (100), LIA_SLA_STATE_MET);

  late = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (10));
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_WAITING, t + HOURS (1));
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (3));
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_RESOLVED, t + HOURS (6) + 1);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, late, t + HOURS (100));

    g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, t + HOURS (6) + 1);
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_BREACHED);
  }

  /* While it waits the clock stands still, however long that takes. */
  waiting = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, waiting, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (10));
  lia_test_set_status_at (f->book, &f->now, waiting, LIA_EVENT_STATUS_WAITING, t + HOURS (1));
  assert_state (f, waiting, t + HOURS (2), LIA_SLA_STATE_PAUSED);
  assert_state (f, waiting, t + HOURS (10), LIA_SLA_STATE_PAUSED);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, waiting, t + HOURS (10));
    g_assert_cmpint (lia_event_get_resolution_breach_at (e), ==, 0);
  }
  /* Resumed at 3 h with 3 h left: at risk after 3 h 12 min used (5 h 12 min). */
  lia_test_set_status_at (f->book, &f->now, waiting, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (3));
  assert_state (f, waiting, t + HOURS (5) + MINUTES (12), LIA_SLA_STATE_RUNNING);
  assert_state (f, waiting, t + HOURS (5) + MINUTES (12) + 1, LIA_SLA_STATE_AT_RISK);
  assert_state (f, waiting, t + HOURS (6), LIA_SLA_STATE_AT_RISK);
  assert_state (f, waiting, t + HOURS (6) + 1, LIA_SLA_STATE_BREACHED);

  /* Two pauses, 1 h and 30 min: due at 5 h 30 min. */
  twice = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, twice, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (10));
  lia_test_set_status_at (f->book, &f->now, twice, LIA_EVENT_STATUS_WAITING, t + HOURS (1));
  lia_test_set_status_at (f->book, &f->now, twice, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (2));
  lia_test_set_status_at (f->book, &f->now, twice, LIA_EVENT_STATUS_WAITING, t + HOURS (3));
  lia_test_set_status_at (f->book, &f->now, twice, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (3) + MINUTES (30));
  assert_state (f, twice, t + HOURS (5) + MINUTES (30), LIA_SLA_STATE_AT_RISK);
  assert_state (f, twice, t + HOURS (5) + MINUTES (30) + 1, LIA_SLA_STATE_BREACHED);

  /* Waiting before anyone answered pauses the response clock as well:
   * answered at 2 h, of which 10 min counted. */
  before_response = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, before_response, LIA_EVENT_STATUS_WAITING, t + MINUTES (10));
  lia_test_set_status_at (f->book, &f->now, before_response, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (2));
  {
    g_autoptr(LiaEvent) e = lookup_at (f, before_response, t + HOURS (2));

    g_assert_cmpint (lia_event_get_responded_at (e), ==, t + HOURS (2));
    g_assert_cmpint (lia_event_get_response_breach_at (e), ==, 0);
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_RUNNING);
  }
}

/* An event keeps the targets and hours it opened with; reclassifying it
 * gives it those of its new class. */
static void
test_sla_targets_kept (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 no_plan = create_account (f, "Walk-in", NULL, 0);
  gint64 t = lia_test_berlin (6, 1, 9, 0);
  gint64 old, fresh, planless, visit;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));
  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_CRITICAL, MINUTES (30), HOURS (2));
  old = open_incident (f, account, t);

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (2), HOURS (8));
  lia_test_set_business_hours (f->book, "premium", WEEKDAYS);
  fresh = open_incident (f, account, t + HOURS (1));
  {
    g_autoptr(LiaEvent) a = lookup_at (f, old, t + HOURS (1));
    g_autoptr(LiaEvent) b = lookup_at (f, fresh, t + HOURS (1));

    g_assert_cmpint (lia_event_get_response_target (a), ==, HOURS (1));
    g_assert_cmpint (lia_event_get_resolution_target (a), ==, HOURS (4));
    g_assert_null (lia_event_get_business_hours (a));
    g_assert_cmpint (lia_event_get_response_target (b), ==, HOURS (2));
    g_assert_cmpint (lia_event_get_resolution_target (b), ==, HOURS (8));
    g_assert_nonnull (lia_event_get_business_hours (b));
  }

  /* Raised to critical: the critical targets of the plan. */
  {
    g_autoptr(LiaEvent) a = lookup_at (f, old, t + MINUTES (20));

    lia_event_set_severity (a, LIA_SEVERITY_CRITICAL);
    g_assert_true (lia_event_repository_update (f->events, a, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(LiaEvent) a = lookup_at (f, old, t + MINUTES (20));

    g_assert_cmpint (lia_event_get_severity (a), ==, LIA_SEVERITY_CRITICAL);
    g_assert_cmpint (lia_event_get_response_target (a), ==, MINUTES (30));
    g_assert_cmpint (lia_event_get_resolution_target (a), ==, HOURS (2));
  }
  assert_state (f, old, t + MINUTES (30), LIA_SLA_STATE_AT_RISK);
  assert_state (f, old, t + MINUTES (30) + 1, LIA_SLA_STATE_BREACHED);

  /* No plan, or a kind without severity: no clocks at all. */
  planless = open_incident (f, no_plan, t);
  visit = open_full (f, account, LIA_EVENT_KIND_VISIT, LIA_SEVERITY_NONE, t, 0, 0, "Site visit");
  {
    g_autoptr(LiaEvent) a = lookup_at (f, planless, t + DAYS (30));
    g_autoptr(LiaEvent) b = lookup_at (f, visit, t + DAYS (30));

    g_assert_cmpint (lia_event_get_response_target (a), ==, 0);
    g_assert_cmpint (lia_event_get_resolution_target (a), ==, 0);
    g_assert_cmpint (lia_event_get_sla_state (a), ==, LIA_SLA_STATE_NONE);
    g_assert_cmpint (lia_event_get_severity (b), ==, LIA_SEVERITY_NONE);
    g_assert_cmpint (lia_event_get_resolution_target (b), ==, 0);
    g_assert_cmpint (lia_event_get_sla_state (b), ==, LIA_SLA_STATE_NONE);
  }
}

/* --- times that cannot be --- */

typedef struct
{
  gint64 total_changes;
  gint64 history;
  guint  n_changed;
} Written;

static Written
written (Fixture *f,
         gint64   id)
{
  return (Written) {
    .total_changes = sqlite3_total_changes (lia_test_book_handle (f->book)),
    .history = lia_test_book_sql_int (f->book, "SELECT count(*) FROM event_status_history"
                                      " WHERE event_id = %" G_GINT64_FORMAT, id),
    .n_changed = f->n_changed,
  };
}

/* Refused with a message naming what is wrong, and nothing written. */
static void
assert_update_refused (Fixture    *f,
                       gint64      id,
                       gint64      responded_at,
                       gint64      resolved_at,
                       const char *expected_words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaEvent) event = lookup_at (f, id, f->now);
  g_autoptr(LiaEvent) after = NULL;
  Written before = written (f, id);
  Written now;

  lia_event_set_responded_at (event, responded_at);
  lia_event_set_resolved_at (event, resolved_at);
  g_assert_false (lia_event_repository_update (f->events, event, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_test_message ("refused: %s", error->message);
  if (strstr (error->message, expected_words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected_words);

  now = written (f, id);
  g_assert_cmpint (now.total_changes, ==, before.total_changes);
  g_assert_cmpint (now.history, ==, before.history);
  g_assert_cmpuint (now.n_changed, ==, before.n_changed);

  after = lookup_at (f, id, f->now);
  g_assert_cmpint (lia_event_get_responded_at (after), ==, 0);
  g_assert_cmpint (lia_event_get_resolved_at (after), ==, 0);
  g_assert_cmpint (lia_event_get_status (after), ==, LIA_EVENT_STATUS_OPEN);
}

static void
test_times_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 t = lia_test_berlin (6, 1, 9, 0);
  gint64 id;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));
  id = open_incident (f, account, t);
  f->now = t + HOURS (2);

  assert_update_refused (f, id, 0, t - 1, "before it was opened");
  assert_update_refused (f, id, t - 60, 0, "before it was opened");
  assert_update_refused (f, id, t + MINUTES (90), t + HOURS (1), "after it was resolved");
  assert_update_refused (f, id, 0, t + HOURS (3), "future");
  assert_update_refused (f, id, t + HOURS (2) + 1, 0, "future");

  /* A draft opened in the future is refused before anything is written. */
  {
    g_autoptr(LiaEvent) draft = lia_event_new (account, LIA_EVENT_KIND_INCIDENT, "Not yet");
    Written before = written (f, 0);
    gint64 n_events = lia_test_book_sql_int (f->book, "SELECT count(*) FROM events");

    lia_event_set_opened_at (draft, f->now + 1);
    g_assert_false (lia_event_repository_add (f->events, draft, &error));
    g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM events"), ==, n_events);
    g_assert_cmpint (sqlite3_total_changes (lia_test_book_handle (f->book)), ==, before.total_changes);
    g_assert_cmpuint (f->n_changed, ==, before.n_changed);
  }

  /* Times that can be are corrected, and the clocks follow them. */
  {
    g_autoptr(LiaEvent) event = lookup_at (f, id, t + HOURS (2));
    guint n_changed = f->n_changed;

    lia_event_set_responded_at (event, t + MINUTES (61));
    g_assert_true (lia_event_repository_update (f->events, event, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (f->n_changed, ==, n_changed + 1);
    g_assert_cmpint (f->changed_event, ==, id);
    g_assert_cmpint (f->changed_account, ==, account);
  }
  {
    g_autoptr(LiaEvent) event = lookup_at (f, id, t + HOURS (2));

    g_assert_cmpint (lia_event_get_responded_at (event), ==, t + MINUTES (61));
    g_assert_cmpint (lia_event_get_response_breach_at (event), ==, t + HOURS (1) + 1);
    g_assert_cmpint (lia_event_get_sla_state (event), ==, LIA_SLA_STATE_BREACHED);
  }
}

/* --- status history --- */

static void
test_status_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 t = lia_test_berlin (6, 1, 9, 0);
  const struct { LiaEventStatus from, to; gint64 at; } steps[] = {
    { LIA_EVENT_STATUS_OPEN, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (1) },
    { LIA_EVENT_STATUS_IN_PROGRESS, LIA_EVENT_STATUS_WAITING, t + MINUTES (2) },
    { LIA_EVENT_STATUS_WAITING, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (3) },
    { LIA_EVENT_STATUS_IN_PROGRESS, LIA_EVENT_STATUS_RESOLVED, t + MINUTES (4) },
    { LIA_EVENT_STATUS_RESOLVED, LIA_EVENT_STATUS_CLOSED, t + MINUTES (5) },
  };
  guint n, skip;
  gint64 id, direct, reopened;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));
  id = open_incident (f, account, t);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    lia_test_set_status_at (f->book, &f->now, id, steps[i].to, steps[i].at);
  /* The same status again is no change. */
  lia_test_set_status_at (f->book, &f->now, id, LIA_EVENT_STATUS_CLOSED, t + MINUTES (6));

  history = lia_event_repository_list_status_changes (f->events, id, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (history);
  /* Allowed: one line for the opening itself, before the changes. */
  g_assert_true (n == G_N_ELEMENTS (steps) || n == G_N_ELEMENTS (steps) + 1);
  skip = n - G_N_ELEMENTS (steps);
  if (skip)
    {
      g_autoptr(LiaStatusChange) first = g_list_model_get_item (history, 0);

      g_assert_cmpint (lia_status_change_get_to (first), ==, LIA_EVENT_STATUS_OPEN);
      g_assert_cmpint (lia_status_change_get_changed_at (first), ==, t);
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(LiaStatusChange) change = g_list_model_get_item (history, i + skip);

      g_assert_cmpint (lia_status_change_get_event_id (change), ==, id);
      g_assert_cmpint (lia_status_change_get_from (change), ==, steps[i].from);
      g_assert_cmpint (lia_status_change_get_to (change), ==, steps[i].to);
      g_assert_cmpint (lia_status_change_get_changed_at (change), ==, steps[i].at);
      g_assert_cmpstr (lia_status_change_get_actor (change), ==, "Test Actor");
    }

  /* The first response stays the response; resolving stamps the resolution. */
  {
    g_autoptr(LiaEvent) e = lookup_at (f, id, t + HOURS (1));

    g_assert_cmpint (lia_event_get_status (e), ==, LIA_EVENT_STATUS_CLOSED);
    g_assert_cmpint (lia_event_get_responded_at (e), ==, t + MINUTES (1));
    g_assert_cmpint (lia_event_get_resolved_at (e), ==, t + MINUTES (4));
  }

  /* Resolved straight from open: responded then too. */
  direct = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, direct, LIA_EVENT_STATUS_RESOLVED, t + MINUTES (20));
  {
    g_autoptr(LiaEvent) e = lookup_at (f, direct, t + HOURS (1));

    g_assert_cmpint (lia_event_get_responded_at (e), ==, t + MINUTES (20));
    g_assert_cmpint (lia_event_get_resolved_at (e), ==, t + MINUTES (20));
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_MET);
  }

  /* Reopened: the resolution is gone, the response stays. */
  reopened = open_incident (f, account, t);
  lia_test_set_status_at (f->book, &f->now, reopened, LIA_EVENT_STATUS_IN_PROGRESS, t + MINUTES (5));
  lia_test_set_status_at (f->book, &f->now, reopened, LIA_EVENT_STATUS_RESOLVED, t + HOURS (1));
  lia_test_set_status_at (f->book, &f->now, reopened, LIA_EVENT_STATUS_IN_PROGRESS, t + HOURS (2));
  {
    g_autoptr(LiaEvent) e = lookup_at (f, reopened, t + HOURS (2));

    g_assert_cmpint (lia_event_get_responded_at (e), ==, t + MINUTES (5));
    g_assert_cmpint (lia_event_get_resolved_at (e), ==, 0);
    g_assert_cmpint (lia_event_get_status (e), ==, LIA_EVENT_STATUS_IN_PROGRESS);
  }
}

/* --- vendor compliance --- */

/* An event handled from @opened: answered after @respond, resolved after
 * @resolve (0: still open). */
static gint64
handled (Fixture *f,
         gint64   account,
         gint64   opened,
         gint64   respond,
         gint64   resolve,
         gint64   staff,
         gint64   vendor)
{
  gint64 id = open_full (f, account, LIA_EVENT_KIND_INCIDENT, LIA_SEVERITY_HIGH, opened,
                         staff, vendor, "Handled");

  if (respond)
    lia_test_set_status_at (f->book, &f->now, id, LIA_EVENT_STATUS_IN_PROGRESS, opened + respond);
  if (resolve)
    lia_test_set_status_at (f->book, &f->now, id, LIA_EVENT_STATUS_RESOLVED, opened + resolve);
  return id;
}

static void
compliance (Fixture       *f,
            gint64         vendor,
            gint64         from,
            gint64         to,
            LiaCompliance *out_vendor,
            LiaCompliance *out_staff)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_event_repository_compliance (f->events, vendor, from, to,
                                                  out_vendor, out_staff, &error));
  g_assert_no_error (error);
}

static void
assert_compliance (const LiaCompliance *c,
                   guint                handled,
                   guint                responses_counted,
                   guint                responses_met,
                   guint                resolutions_counted,
                   guint                resolutions_met,
                   gint64               median_response,
                   gint64               median_resolution)
{
  g_assert_cmpuint (c->handled, ==, handled);
  g_assert_cmpuint (c->responses_counted, ==, responses_counted);
  g_assert_cmpuint (c->responses_met, ==, responses_met);
  g_assert_cmpuint (c->resolutions_counted, ==, resolutions_counted);
  g_assert_cmpuint (c->resolutions_met, ==, resolutions_met);
  g_assert_cmpint (c->median_response, ==, median_response);
  g_assert_cmpint (c->median_resolution, ==, median_resolution);
}

/* A vendor and own staff over one period, every figure by hand.
 * Medians of an even count are the lower middle value (lia-event-repository.c). */
static void
test_compliance_known_answers (Fixture       *f,
                               gconstpointer  data)
{
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 from = lia_test_berlin (6, 1, 0, 0);
  gint64 to = from + DAYS (30);
  gint64 fixit, other;
  LiaCompliance v, s;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (8));
  fixit = lia_test_add_vendor (f->book, "FixIt Services", NULL);
  other = lia_test_add_vendor (f->book, "Other Contractors", NULL);

  /* The vendor: responses 30, 45, 45 min met, 2 h breached (3 of 4);
   * resolutions 6 h, 8 h (exactly) met, 10 h, 12 h breached (2 of 4). */
  handled (f, account, from, MINUTES (30), HOURS (6), 0, fixit);           /* at from: inside */
  handled (f, account, from + DAYS (2), MINUTES (45), HOURS (8), 0, fixit);
  handled (f, account, from + DAYS (3), MINUTES (45), HOURS (10), 0, fixit);
  handled (f, account, from + DAYS (4), HOURS (2), HOURS (12), 0, fixit);
  /* Outside the period, by another vendor, or without targets: not counted. */
  handled (f, account, from - 1, MINUTES (5), HOURS (1), 0, fixit);
  handled (f, account, to, HOURS (3), HOURS (30), 0, fixit);
  handled (f, account, from + DAYS (5), HOURS (5), HOURS (50), 0, other);
  open_full (f, account, LIA_EVENT_KIND_MAINTENANCE, LIA_SEVERITY_NONE, from + DAYS (6),
             0, fixit, "Planned filter change");

  /* Own staff: responses 20 min met, 90 min breached, 40 min met;
   * resolutions 3 h, 5 h met, 9 h breached. */
  handled (f, account, from + DAYS (1), MINUTES (20), HOURS (3), f->ivo, 0);
  handled (f, account, from + DAYS (5), MINUTES (90), HOURS (5), f->ivo, 0);
  handled (f, account, from + DAYS (6), MINUTES (40), HOURS (9), f->alice, 0);
  handled (f, account, to + 1, HOURS (9), HOURS (90), f->ivo, 0);
  handled (f, account, from - DAYS (1), HOURS (9), HOURS (90), f->ivo, 0);
  /* Nobody's: neither side. */
  handled (f, account, from + DAYS (7), HOURS (9), HOURS (90), 0, 0);

  f->now = to + DAYS (30);
  compliance (f, fixit, from, to, &v, &s);
  /* Responses sorted 1800, 2700, 2700, 7200; resolutions 21600, 28800,
   * 36000, 43200: lower middles 2700 and 28800. */
  assert_compliance (&v, 4, 4, 3, 4, 2, MINUTES (45), HOURS (8));
  g_assert_cmpfloat (lia_compliance_response_share (&v), ==, 0.75);
  g_assert_cmpfloat (lia_compliance_resolution_share (&v), ==, 0.5);
  /* Responses 1200, 2400, 5400; resolutions 10800, 18000, 32400. */
  assert_compliance (&s, 3, 3, 2, 3, 2, MINUTES (40), HOURS (5));
  g_assert_cmpfloat (fabs (lia_compliance_response_share (&s) - 2.0 / 3.0), <, 1e-12);
  g_assert_cmpfloat (fabs (lia_compliance_resolution_share (&s) - 2.0 / 3.0), <, 1e-12);

  /* [from + 2 d, from + 4 d): the vendor's second and third only, no staff. */
  compliance (f, fixit, from + DAYS (2), from + DAYS (4), &v, &s);
  g_assert_cmpuint (v.handled, ==, 2);
  g_assert_cmpuint (v.responses_met, ==, 2);
  g_assert_cmpuint (v.resolutions_counted, ==, 2);
  g_assert_cmpuint (v.resolutions_met, ==, 1);
  g_assert_cmpint (v.median_response, ==, MINUTES (45));
  assert_compliance (&s, 0, 0, 0, 0, 0, -1, -1);
  g_assert_cmpfloat (lia_compliance_response_share (&s), ==, -1);
  g_assert_cmpfloat (lia_compliance_resolution_share (&s), ==, -1);

  /* The other vendor over the whole period: one event, both breached. */
  compliance (f, other, from, to, &v, &s);
  assert_compliance (&v, 1, 1, 0, 1, 0, HOURS (5), HOURS (50));
  g_assert_cmpfloat (lia_compliance_response_share (&v), ==, 0);

  /* A period with nothing in it. */
  compliance (f, fixit, from - DAYS (20), from - DAYS (10), &v, &s);
  assert_compliance (&v, 0, 0, 0, 0, 0, -1, -1);
  assert_compliance (&s, 0, 0, 0, 0, 0, -1, -1);
}

/* Met or not is judged in business time against the event's targets;
 * the medians are wall-clock seconds from opening (lia-event-repository.h).
 * On weekday hours, opened Friday 5 June at 17:00, answered Monday at
 * 08:30 (1 h 30 min of business time: the 1 h target missed; 63 h 30 min
 * on the wall) and resolved Monday at 12:00 (5 business hours: the 10 h
 * target met; 67 h on the wall). */
static void
test_compliance_wall_clock_medians (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 account = create_account (f, "Hamburg Works", "standard", 0);
  gint64 opened = lia_test_berlin (6, 5, 17, 0);
  gint64 fixit;
  LiaCompliance v, s;

  lia_test_set_business_hours (f->book, "standard", WEEKDAYS);
  lia_test_set_sla_target (f->book, "standard", LIA_SEVERITY_HIGH, HOURS (1), HOURS (10));
  fixit = lia_test_add_vendor (f->book, "FixIt Services", NULL);

  handled (f, account, opened, lia_test_berlin (6, 8, 8, 30) - opened, lia_test_berlin (6, 8, 12, 0) - opened,
           0, fixit);
  f->now = lia_test_berlin (7, 1, 0, 0);
  compliance (f, fixit, lia_test_berlin (6, 1, 0, 0), lia_test_berlin (7, 1, 0, 0), &v, &s);
  assert_compliance (&v, 1, 1, 0, 1, 1, HOURS (63) + MINUTES (30), HOURS (67));
  assert_compliance (&s, 0, 0, 0, 0, 0, -1, -1);
}

/* A vendor is held to the customer's SLA; the plan it committed to is
 * informative (lia-event-repository.h). Committed to Enterprise (30 min /
 * 2 h) on a Premium customer (1 h / 4 h), answering in 45 min and
 * resolving in 3 h: both met. */
static void
test_compliance_vendor_plan (Fixture       *f,
                             gconstpointer  data)
{
  gint64 account = create_account (f, "Acme", "premium", 0);
  gint64 from = lia_test_berlin (6, 1, 0, 0);
  gint64 rapid, id;
  LiaCompliance v, s;

  lia_test_set_business_hours (f->book, "enterprise", NULL);
  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));
  lia_test_set_sla_target (f->book, "enterprise", LIA_SEVERITY_HIGH, MINUTES (30), HOURS (2));
  rapid = lia_test_add_vendor (f->book, "Rapid Response Ltd", "enterprise");

  id = handled (f, account, from + DAYS (1), MINUTES (45), HOURS (3), 0, rapid);
  {
    g_autoptr(LiaVendor) vendor = lia_event_repository_lookup_vendor (f->events, rapid);
    g_autoptr(LiaEvent) event = lookup_at (f, id, from + DAYS (10));

    g_assert_nonnull (vendor);
    g_assert_cmpstr (lia_vendor_get_sla_plan_id (vendor), ==, "enterprise");
    g_assert_cmpint (lia_event_get_vendor_id (event), ==, rapid);
    g_assert_cmpstr (lia_event_get_vendor_name (event), ==, "Rapid Response Ltd");
    g_assert_cmpstr (lia_event_get_performer_name (event), ==, "Rapid Response Ltd");
    g_assert_cmpint (lia_event_get_staff_id (event), ==, 0);
    g_assert_cmpint (lia_event_get_response_target (event), ==, HOURS (1));
    g_assert_cmpint (lia_event_get_resolution_target (event), ==, HOURS (4));
    g_assert_cmpint (lia_event_get_sla_state (event), ==, LIA_SLA_STATE_MET);
  }

  f->now = from + DAYS (30);
  compliance (f, rapid, from, from + DAYS (30), &v, &s);
  assert_compliance (&v, 1, 1, 1, 1, 1, MINUTES (45), HOURS (3));
}

/* --- roll-ups --- */

static void
assert_rollup (Fixture *f,
               gint64   id,
               gint64   open_events,
               gint64   breaches)
{
  g_autoptr(LiaPortfolioNode) node = lia_test_lookup_node (f->book, id);

  g_assert_cmpint (lia_portfolio_node_get_open_events (node), ==, open_events);
  g_assert_cmpint (lia_portfolio_node_get_sla_breaches (node), ==, breaches);
}

/* G ← S1 ← T, G ← S2; X alone. Open events count every open, in-progress
 * or waiting event below a node; breaches are those of the last 90 days
 * up to now. */
static void
test_rollups_portfolio (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = NULL;
  gint64 n = lia_test_berlin (6, 15, 12, 0);
  gint64 g, s1, s2, t, x, e3;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));
  g = create_account (f, "Granite Group", "premium", 0);
  s1 = create_account (f, "Granite North", "premium", 0);
  s2 = create_account (f, "Granite South", "premium", 0);
  t = create_account (f, "Granite North Site", "premium", 0);
  x = create_account (f, "Standalone", "premium", 0);
  lia_test_move_under (f->book, s1, g);
  lia_test_move_under (f->book, s2, g);
  lia_test_move_under (f->book, t, s1);

  /* Before any event every figure is a real zero, not "unknown". */
  f->now = n;
  assert_rollup (f, g, 0, 0);
  assert_rollup (f, x, 0, 0);

  /* T: open, never answered: breached 9 h ago. */
  handled (f, t, n - HOURS (10), 0, 0, 0, 0);
  /* S1: resolved late five days ago: breached, not open. */
  handled (f, s1, n - DAYS (5), MINUTES (10), HOURS (5), 0, 0);
  /* S2: waiting on the customer: open, paused. */
  e3 = handled (f, s2, n - HOURS (1), MINUTES (10), 0, 0, 0);
  lia_test_set_status_at (f->book, &f->now, e3, LIA_EVENT_STATUS_WAITING, n - MINUTES (40));
  /* S2: resolved late 100 days ago: outside the 90 days. */
  handled (f, s2, n - DAYS (100), MINUTES (10), HOURS (5), 0, 0);
  /* G: a call (closed), a running incident, planned maintenance (open). */
  f->now = n - DAYS (2);
  lia_test_log_contact (f->book, g, LIA_CONTACT_KIND_CALL, n - DAYS (2), 0, "Quarterly call");
  handled (f, g, n - MINUTES (30), MINUTES (5), 0, 0, 0);
  open_full (f, g, LIA_EVENT_KIND_MAINTENANCE, LIA_SEVERITY_NONE, n - DAYS (1), 0, 0, "Filter change");
  /* X: open, answered, not yet breached. */
  handled (f, x, n - MINUTES (10), MINUTES (1), 0, 0, 0);

  f->now = n;
  assert_rollup (f, t, 1, 1);
  assert_rollup (f, s1, 1, 2);
  assert_rollup (f, s2, 1, 0);
  assert_rollup (f, g, 4, 2);
  assert_rollup (f, x, 1, 0);

  groups = lia_portfolio_repository_list_groups (f->portfolios, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 1);
  {
    g_autoptr(LiaPortfolioNode) group = g_list_model_get_item (groups, 0);

    g_assert_cmpint (lia_account_get_id (lia_portfolio_node_get_account (group)), ==, g);
    g_assert_cmpint (lia_portfolio_node_get_open_events (group), ==, 4);
    g_assert_cmpint (lia_portfolio_node_get_sla_breaches (group), ==, 2);
  }
  {
    g_autoptr(GListModel) children = lia_portfolio_repository_list_children (f->portfolios, g, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (children), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(LiaPortfolioNode) child = g_list_model_get_item (children, i);
        gint64 id = lia_account_get_id (lia_portfolio_node_get_account (child));

        g_assert_true (id == s1 || id == s2);
        g_assert_cmpint (lia_portfolio_node_get_open_events (child), ==, 1);
        g_assert_cmpint (lia_portfolio_node_get_sla_breaches (child), ==, id == s1 ? 2 : 0);
      }
  }

  /* Four hours later, with nothing written: G's running incident (due
   * 3 h 30 min after n) and X's (due 3 h 50 min after n) are breached;
   * the one waiting on the customer is not. */
  f->now = n + HOURS (4);
  assert_rollup (f, g, 4, 3);
  assert_rollup (f, s2, 1, 0);
  assert_rollup (f, x, 1, 1);

  /* S1's breach (at n - 5 d + 4 h + 1 s) leaves the 90 days exactly 90
   * days after it happened. */
  f->now = n - DAYS (5) + HOURS (4) + 1 + DAYS (90) - 1;
  assert_rollup (f, s1, 1, 2);
  f->now = n - DAYS (5) + HOURS (4) + 1 + DAYS (90);
  assert_rollup (f, s1, 1, 1);
}

static LiaWorkloadEntry *
workload_of (GListModel *workload,
             gint64      staff_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (workload); i++)
    {
      g_autoptr(LiaWorkloadEntry) entry = g_list_model_get_item (workload, i);

      if (lia_workload_entry_get_staff_id (entry) == staff_id)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

static void
test_rollups_workload (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workload = NULL;
  gint64 n = lia_test_berlin (6, 15, 12, 0);
  gint64 a1, a2, b1, waiting;

  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));
  a1 = create_account (f, "Alpha One", "premium", f->alice);
  a2 = create_account (f, "Alpha Two", "premium", f->alice);
  b1 = create_account (f, "Bravo", "premium", f->bruno);

  handled (f, a1, n - HOURS (3), 0, 0, 0, 0);                         /* open */
  waiting = handled (f, a1, n - HOURS (2), MINUTES (5), 0, 0, 0);     /* waiting */
  lia_test_set_status_at (f->book, &f->now, waiting, LIA_EVENT_STATUS_WAITING, n - HOURS (1));
  handled (f, a2, n - HOURS (2), MINUTES (5), 0, f->ivo, 0);          /* in progress */
  handled (f, a2, n - DAYS (3), MINUTES (5), HOURS (1), 0, 0);        /* resolved */
  f->now = n;
  lia_test_log_contact (f->book, a2, LIA_CONTACT_KIND_VISIT, n - DAYS (1), 0, NULL);
  handled (f, b1, n - DAYS (3), MINUTES (5), HOURS (1), 0, 0);        /* resolved */
  {
    gint64 closed = handled (f, b1, n - DAYS (2), MINUTES (5), HOURS (1), 0, 0);
    lia_test_set_status_at (f->book, &f->now, closed, LIA_EVENT_STATUS_CLOSED, n - DAYS (1));
  }

  f->now = n;
  workload = lia_portfolio_repository_list_workload (f->portfolios, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LiaWorkloadEntry) alice = workload_of (workload, f->alice);
    g_autoptr(LiaWorkloadEntry) bruno = workload_of (workload, f->bruno);
    g_autoptr(LiaWorkloadEntry) carla = workload_of (workload, f->carla);

    g_assert_nonnull (alice);
    g_assert_nonnull (bruno);
    g_assert_nonnull (carla);
    g_assert_cmpint (lia_workload_entry_get_open_events (alice), ==, 3);
    g_assert_cmpint (lia_workload_entry_get_open_events (bruno), ==, 0);
    g_assert_cmpint (lia_workload_entry_get_open_events (carla), ==, 0);
  }
}

/* --- contacts made are events --- */

static gint64
last_contact_of (Fixture *f,
                 gint64   account)
{
  return lia_test_book_sql_int (f->book, "SELECT coalesce (last_contact_at, 0) FROM accounts"
                                " WHERE id = %" G_GINT64_FORMAT, account);
}

static gint64
event_at (Fixture    *f,
          gint64      account,
          const char *kind,
          gint64      at)
{
  return lia_test_book_sql_int (f->book, "SELECT coalesce (max (id), 0) FROM events"
                                " WHERE account_id = %" G_GINT64_FORMAT
                                " AND kind = '%s' AND opened_at = %" G_GINT64_FORMAT, account, kind, at);
}

static void
log_contact (Fixture        *f,
             gint64          account,
             LiaContactKind  kind,
             gint64          at,
             gint64          contact,
             const char     *notes)
{
  guint n_changed = f->n_changed;

  lia_test_log_contact (f->book, account, kind, at, contact, notes);
  /* A contact made shows on the timeline: listeners hear of it. */
  g_assert_cmpuint (f->n_changed, ==, n_changed + 1);
  g_assert_cmpint (f->changed_account, ==, account);
}

static void
test_contacts_logged_as_events (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) contact = lia_contact_new ();
  gint64 n = lia_test_berlin (6, 15, 12, 0);
  gint64 group, member, call, visit, email;
  g_autofree char *long_notes = g_strnfill (500, 'n');

  group = create_account (f, "Kestrel Group", "premium", 0);
  member = create_account (f, "Kestrel Site", "premium", 0);
  lia_test_move_under (f->book, member, group);
  lia_contact_set_account_id (contact, member);
  lia_contact_set_name (contact, "Greta Hansen");
  g_assert_true (lia_account_repository_add_contact (f->accounts, contact, &error));
  g_assert_no_error (error);

  f->now = n;
  log_contact (f, member, LIA_CONTACT_KIND_CALL, n - DAYS (5), lia_contact_get_id (contact),
               "Discussed the renewal");
  call = event_at (f, member, "call", n - DAYS (5));
  g_assert_cmpint (call, >, 0);
  g_assert_cmpint (f->changed_event, ==, call);
  {
    g_autoptr(LiaEvent) e = lookup_at (f, call, n);

    g_assert_cmpint (lia_event_get_kind (e), ==, LIA_EVENT_KIND_CALL);
    g_assert_cmpint (lia_event_get_account_id (e), ==, member);
    g_assert_cmpint (lia_event_get_opened_at (e), ==, n - DAYS (5));
    /* The notes are the details: the kind says what happened. */
    g_assert_cmpstr (lia_event_get_summary (e), ==, "");
    g_assert_cmpstr (lia_event_get_details (e), ==, "Discussed the renewal");
    g_assert_cmpint (lia_event_get_contact_id (e), ==, lia_contact_get_id (contact));
    g_assert_cmpstr (lia_event_get_contact_name (e), ==, "Greta Hansen");
    g_assert_false (lia_event_status_is_open (lia_event_get_status (e)));
    g_assert_cmpint (lia_event_get_sla_state (e), ==, LIA_SLA_STATE_NONE);
  }
  g_assert_cmpint (last_contact_of (f, member), ==, n - DAYS (5));
  {
    g_autoptr(LiaPortfolioNode) node = lia_test_lookup_node (f->book, group);

    g_assert_cmpint (lia_portfolio_node_get_last_contact_at (node), ==, n - DAYS (5));
    g_assert_cmpint (lia_portfolio_node_get_open_events (node), ==, 0);
  }

  log_contact (f, member, LIA_CONTACT_KIND_VISIT, n - DAYS (2), 0, NULL);
  visit = event_at (f, member, "visit", n - DAYS (2));
  g_assert_cmpint (visit, >, 0);
  g_assert_cmpint (last_contact_of (f, member), ==, n - DAYS (2));

  /* An older contact entered late does not move the date back. */
  log_contact (f, member, LIA_CONTACT_KIND_EMAIL, n - DAYS (10), 0, "Sent the quote");
  email = event_at (f, member, "email", n - DAYS (10));
  g_assert_cmpint (email, >, 0);
  g_assert_cmpint (last_contact_of (f, member), ==, n - DAYS (2));
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM events WHERE account_id = %" G_GINT64_FORMAT
                                          " AND kind IN ('call', 'visit', 'email')", member), ==, 3);

  /* Other events are not contacts. */
  open_incident (f, member, n - DAYS (1));
  f->now = n;
  g_assert_cmpint (last_contact_of (f, member), ==, n - DAYS (2));

  /* Deleting the latest contact brings the one before back. */
  g_assert_true (lia_event_repository_delete (f->events, visit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last_contact_of (f, member), ==, n - DAYS (5));
  {
    g_autoptr(LiaPortfolioNode) node = lia_test_lookup_node (f->book, group);
    g_assert_cmpint (lia_portfolio_node_get_last_contact_at (node), ==, n - DAYS (5));
  }

  /* Refused in the future, nothing written. */
  {
    gint64 n_events = lia_test_book_sql_int (f->book, "SELECT count(*) FROM events");

    g_assert_false (lia_portfolio_repository_log_contact (f->portfolios, member, LIA_CONTACT_KIND_CALL,
                                                          n + 1, 0, NULL, &error));
    g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
    g_clear_error (&error);
    g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM events"), ==, n_events);
  }

  /* A contact logged with long notes (the log takes up to 20000
   * characters) is an event that can still be edited. */
  log_contact (f, member, LIA_CONTACT_KIND_CALL, n - HOURS (1), 0, long_notes);
  {
    gint64 id = event_at (f, member, "call", n - HOURS (1));
    g_autoptr(LiaEvent) e = lookup_at (f, id, n);
    gboolean ok;

    g_assert_cmpstr (lia_event_get_details (e), ==, long_notes);
    lia_event_set_contact_id (e, lia_contact_get_id (contact));
    ok = lia_event_repository_update (f->events, e, &error);
    g_assert_no_error (error);
    g_assert_true (ok);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/events/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sla/met-at-target", test_sla_met_at_target);
  ADD ("sla/response-edge", test_sla_response_edge);
  ADD ("sla/at-risk-edge", test_sla_at_risk_edge);
  ADD ("sla/dst-weekend", test_sla_dst_weekend);
  ADD ("sla/dst-inside-hours", test_sla_dst_inside_hours);
  ADD ("sla/weekend-and-holiday", test_sla_weekend_and_holiday);
  ADD ("sla/paused-while-waiting", test_sla_paused_while_waiting);
  ADD ("sla/targets-kept", test_sla_targets_kept);
  ADD ("times/refused", test_times_refused);
  ADD ("status/history", test_status_history);
  ADD ("compliance/known-answers", test_compliance_known_answers);
  ADD ("compliance/wall-clock-medians", test_compliance_wall_clock_medians);
  ADD ("compliance/vendor-plan", test_compliance_vendor_plan);
  ADD ("rollups/portfolio", test_rollups_portfolio);
  ADD ("rollups/workload", test_rollups_workload);
  ADD ("contacts/logged-as-events", test_contacts_logged_as_events);

#undef ADD

  return g_test_run ();
}
