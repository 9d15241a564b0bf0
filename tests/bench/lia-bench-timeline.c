/* lia-bench-timeline.c — the timeline area: pages of a history of ten
 * events an account (a million over 100,000 accounts), each beside the
 * same SQL run on a bare sqlite3 connection, and the memory a long
 * scroll costs
 *
 * The book: the sample-data accounts (one in twenty heads a portfolio of
 * six), then, in one raw transaction, events over three years stamped to
 * the minute (many share a second, some arrive in bursts, a few are
 * entered late so ids do not follow time), their status changes, SLA
 * clocks scheduled by the model's own lia_sla_schedule(), some vendors
 * and notes. The FTS trigger and the two tables' indexes are dropped for
 * the load and made again from their own SQL after it, the FTS index
 * rebuilt, so the file ends as the app would have it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "lia-bench.h"
#include "lia-book.h"
#include "lia-business-calendar.h"
#include "lia-event-store.h"
#include "lia-sla.h"
#include "lia-timeline.h"

#define AREA                "timeline"

#define BOOK_SEED           20240602
#define EVENT_SEED          41
/* Monday 2 June 2025, 08:00 UTC: generation and measurement share it. */
#define BOOK_NOW            G_GINT64_CONSTANT (1748851200)
#define EVENTS_PER_ACCOUNT  10
#define NOTES_PER_ACCOUNT   0.2
#define HISTORY_DAYS        (3 * 365)
#define DEEP_DAYS           (5 * 365 / 2)
#define N_VENDORS           12

#define WARM_UPS            2
#define RUNS                20
#define TARGET_PAGE_MS      30.0
#define TARGET_RSS_MB       50.0

#define MINUTE              60
#define HOUR                (60 * MINUTE)
#define DAY                 (24 * HOUR)

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const gint64 book_now = BOOK_NOW;

/* --- the book ----------------------------------------------------------------- */

static const char * const kind_summaries[][6] = {
  { "incident", "Printer offline", "Network outage at the main site", "VPN drops every hour",
    "Backup job failed", "Phone system down" },
  { "maintenance", "Quarterly air conditioning service", "Firmware update on the switches",
    "Annual fire alarm inspection", "Replace UPS batteries", "Patch day for the servers" },
  { "request", "New user account", "Extra licence seats", "Move desk phones upstairs",
    "Access card for a new employee", "Quote for more storage" },
  { "proposal", "Proposal for a managed firewall", "Renewal offer for the service contract",
    "Upgrade to the premium plan", "Offer for a second site", "Training package" },
  { "inquiry", "Question about the last invoice", "How to add a site to the contract",
    "Response times at weekends", "Data retention in the portal", "Change of billing address" },
  { "call", "Quarterly check-in call", "Follow-up call on an open invoice",
    "Call about the contract renewal", "Introduced the new engineer", "Call about the roadmap" },
  { "visit", "Site visit with the account manager", "On-site review of the installation",
    "Workshop on the new portal", "Annual business review", "Visit to the new warehouse" },
  { "email", "Sent the monthly service report", "Answered a question about the roadmap",
    "Sent the renewal documents", "Shared the maintenance schedule", "Confirmed the meeting" },
};

/* Out of 100, in the order above. */
static const int kind_percent[] = { 25, 15, 15, 5, 10, 15, 5, 10 };

static const char * const details_texts[] = {
  "Customer reports it started after the weekend.",
  "Engineer on site confirmed the fault.",
  "Waiting for spare parts from the vendor.",
  "Second report this month; check the cabling.",
  "Affects the whole accounting department.",
};

static const char * const note_bodies[] = {
  "Prefers to be called before 10:00.",
  "Budget for next year is decided in October.",
  "Plans to open a second site next spring.",
  "Wants all invoices by post as well.",
  "Interested in the premium plan once the contract renews.",
};

static const char * const vendor_names[N_VENDORS] = {
  "Nordtech Services", "Hanse IT Care", "Elbe Facility", "Kieler Netzwerk", "Alster Print",
  "Brandt Klima", "Weser Security", "Baltic Fibre", "Süderelbe Power", "Harbour Cloud",
  "Ostsee Telecom", "Lüneburg Systems",
};

/* The severity mix for incidents, maintenance and requests. */
static const char * const severities[] = {
  "critical", "high", "high", "high", "high",
  "medium", "medium", "medium", "medium", "medium", "medium", "medium", "medium", "medium", "medium",
  "low", "low", "low", "low", "low",
};

typedef struct
{
  char                *id;
  LiaBusinessCalendar *calendar;       /* around the clock when the plan has no hours */
  char                *business_hours;
  gint64               response[4];    /* seconds by severity, critical first; 0: none */
  gint64               resolution[4];
} Plan;

typedef struct
{
  gint64  id;
  int     plan;           /* index into plans, -1: none */
} Account;

typedef struct
{
  guint first;            /* into accounts */
  guint n_members;
} Group;

typedef struct
{
  sqlite3       *db;
  GRand         *rand;
  GArray        *accounts;      /* of Account, by (root_id, id) */
  GArray        *groups;        /* of Group: portfolios of two accounts or more */
  GPtrArray     *plans;         /* of Plan */
  GArray        *staff_ids;     /* of gint64 */
  GPtrArray     *staff_names;
  gint64         vendor_ids[N_VENDORS];
  int            vendor_plans[N_VENDORS];
  sqlite3_stmt  *insert_event;
  sqlite3_stmt  *insert_change;
  sqlite3_stmt  *insert_note;
  guint64        n_changes;
} Generator;

static void
plan_free (gpointer data)
{
  Plan *plan = data;

  g_free (plan->id);
  g_free (plan->business_hours);
  g_clear_pointer (&plan->calendar, lia_business_calendar_unref);
  g_free (plan);
}

static int
severity_index (const char *severity)
{
  static const char * const order[] = { "critical", "high", "medium", "low" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (severity, order[i]) == 0)
      return i;
  return -1;
}

static int
plan_index (Generator  *gen,
            const char *id)
{
  for (guint i = 0; id != NULL && i < gen->plans->len; i++)
    if (g_str_equal (((Plan *)gen->plans->pdata[i])->id, id))
      return i;
  return -1;
}

static gboolean
read_plans (Generator  *gen,
            GError    **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  sqlite3_stmt *stmt;

  if (!(stmt = lia_bench_prepare (gen->db, "SELECT id, business_hours FROM service_plans ORDER BY id",
                                  error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Plan *plan = g_new0 (Plan, 1);
      const char *hours = (const char *)sqlite3_column_text (stmt, 1);

      plan->id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      plan->business_hours = g_strdup (hours);
      plan->calendar = hours ? lia_business_calendar_parse (hours, NULL) : NULL;
      if (plan->calendar == NULL)
        plan->calendar = lia_business_calendar_new (utc);
      g_ptr_array_add (gen->plans, plan);
    }
  sqlite3_finalize (stmt);

  if (!(stmt = lia_bench_prepare (gen->db, "SELECT plan_id, severity, response_secs, resolution_secs"
                                           " FROM sla_targets", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int plan = plan_index (gen, (const char *)sqlite3_column_text (stmt, 0));
      int severity = severity_index ((const char *)sqlite3_column_text (stmt, 1));

      if (plan < 0 || severity < 0)
        continue;
      ((Plan *)gen->plans->pdata[plan])->response[severity] = sqlite3_column_int64 (stmt, 2);
      ((Plan *)gen->plans->pdata[plan])->resolution[severity] = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Accounts by portfolio, so each group's members stand together. */
static gboolean
read_accounts (Generator  *gen,
               GError    **error)
{
  sqlite3_stmt *stmt = lia_bench_prepare (gen->db, "SELECT id, root_id, service_plan_id FROM accounts"
                                                   " ORDER BY root_id, id", error);
  gint64 root = 0;
  Group group = { 0, 0 };

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Account account = {
        sqlite3_column_int64 (stmt, 0),
        plan_index (gen, (const char *)sqlite3_column_text (stmt, 2)),
      };
      gint64 account_root = sqlite3_column_int64 (stmt, 1);

      if (account_root != root)
        {
          if (group.n_members >= 2)
            g_array_append_val (gen->groups, group);
          group.first = gen->accounts->len;
          group.n_members = 0;
          root = account_root;
        }
      group.n_members++;
      g_array_append_val (gen->accounts, account);
    }
  if (group.n_members >= 2)
    g_array_append_val (gen->groups, group);
  sqlite3_finalize (stmt);

  if (!(stmt = lia_bench_prepare (gen->db, "SELECT id, name FROM staff ORDER BY id", error)))
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (gen->staff_ids, id);
      g_ptr_array_add (gen->staff_names, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  if (gen->accounts->len == 0 || gen->groups->len == 0 || gen->staff_ids->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the sample book has %u accounts, %u portfolios and %u staff",
                   gen->accounts->len, gen->groups->len, gen->staff_ids->len);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_vendors (Generator  *gen,
             GError    **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = lia_bench_prepare (gen->db, "INSERT INTO vendors (name, contact_name, email, sla_plan_id)"
                             " VALUES (?, 'Service desk', ?, ?)", error)))
    return FALSE;
  for (guint i = 0; i < N_VENDORS; i++)
    {
      g_autofree char *email = g_strdup_printf ("desk%u@vendor.example", i + 1);
      /* A third signed up to the premium targets, the rest work to each
       * customer's plan. */
      const char *plan = i % 3 == 0 ? "premium" : NULL;

      sqlite3_bind_text (stmt, 1, vendor_names[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, email, -1, SQLITE_TRANSIENT);
      if (plan)
        sqlite3_bind_text (stmt, 3, plan, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 3);
      if (!lia_bench_step_done (gen->db, stmt, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      gen->vendor_ids[i] = sqlite3_last_insert_rowid (gen->db);
      gen->vendor_plans[i] = plan_index (gen, plan);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static int
compare_times (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* @n opening times, oldest first, over HISTORY_DAYS before BOOK_NOW, on
 * whole minutes: denser towards now (the business grew), one in forty
 * starting a burst of up to a dozen at the same minute, and one in fifty
 * moved back among the few hundred before it, as if entered late. */
static gint64 *
make_times (GRand *rand,
            guint  n)
{
  gint64 *times = g_new (gint64, n);
  gint64 minutes = (gint64)HISTORY_DAYS * DAY / MINUTE;
  gint64 start = BOOK_NOW - minutes * MINUTE;

  for (guint i = 0; i < n;)
    {
      /* The larger of two draws: density growing linearly towards now. */
      double u1 = g_rand_double (rand);
      double u2 = g_rand_double (rand);
      double u = MAX (u1, u2);
      gint64 t = start + (gint64)(minutes * u) * MINUTE;
      guint burst = g_rand_int_range (rand, 0, 40) == 0 ? g_rand_int_range (rand, 2, 13) : 1;

      for (guint j = 0; j < burst && i < n; j++)
        times[i++] = t;
    }
  qsort (times, n, sizeof *times, compare_times);

  for (guint i = 1; i < n; i++)
    if (g_rand_int_range (rand, 0, 50) == 0)
      {
        guint back = g_rand_int_range (rand, 1, 400);
        guint j = i - MIN (i, back);
        gint64 t = times[i];

        times[i] = times[j];
        times[j] = t;
      }

  return times;
}

/* Two in five events fall on portfolios, the biggest customers getting
 * the most (a cubed draw: the first group has a few per cent of them). */
static const Account *
pick_account (Generator *gen)
{
  guint index;

  if (g_rand_int_range (gen->rand, 0, 5) < 2)
    {
      double u = g_rand_double (gen->rand);
      const Group *group = &g_array_index (gen->groups, Group, (guint)(gen->groups->len * u * u * u));

      index = group->first + g_rand_int_range (gen->rand, 0, group->n_members);
    }
  else
    index = g_rand_int_range (gen->rand, 0, gen->accounts->len);

  return &g_array_index (gen->accounts, Account, index);
}

static int
pick_kind (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (kind_percent); i++)
    {
      if (roll < kind_percent[i])
        return i;
      roll -= kind_percent[i];
    }
  return 0;
}

/* What happened to one event, as the model would have written it. */
typedef struct
{
  const char  *status;
  gint64       responded_at;     /* 0: not yet */
  gint64       resolved_at;
  gint64       waiting_since;    /* 0: not waiting */
  gint64       closed_at;        /* 0: not closed */
  LiaSlaPause  pause;
} Course;

static gint64
business_later (const Plan *plan,
                gint64      from,
                gint64      seconds)
{
  return plan ? lia_business_calendar_add (plan->calendar, from, seconds) : from + seconds;
}

/* Responded within 5–115 % of the target and resolved within 15–110 %
 * (so a few in ten breach), or in plausible times without targets; one
 * in 150 is never resolved. Whatever lies after BOOK_NOW has not
 * happened yet. */
static void
run_course (Generator  *gen,
            const Plan *plan,
            int         severity,
            gint64      opened_at,
            Course     *course)
{
  gint64 response = plan && severity >= 0 ? plan->response[severity] : 0;
  gint64 resolution = plan && severity >= 0 ? plan->resolution[severity] : 0;
  gint64 responded, resolved;

  memset (course, 0, sizeof *course);
  responded = response
              ? business_later (plan, opened_at, response * g_rand_double_range (gen->rand, 0.05, 1.15))
              : opened_at + g_rand_int_range (gen->rand, 5 * MINUTE, 8 * HOUR);
  resolved = resolution
             ? business_later (plan, opened_at, resolution * g_rand_double_range (gen->rand, 0.15, 1.1))
             : opened_at + g_rand_int_range (gen->rand, HOUR, 10 * DAY);
  resolved = MAX (resolved, responded);
  if (g_rand_int_range (gen->rand, 0, 150) == 0)
    resolved = G_MAXINT64;

  if (responded > BOOK_NOW)
    {
      course->status = "open";
      return;
    }
  course->responded_at = responded;

  if (resolved > BOOK_NOW)
    {
      course->status = "in-progress";
      if (g_rand_int_range (gen->rand, 0, 4) == 0)
        {
          course->status = "waiting";
          gint64 since = BOOK_NOW - g_rand_int_range (gen->rand, HOUR, 3 * DAY);

          course->waiting_since = MAX (responded, since);
          course->pause.from = course->waiting_since;
        }
      return;
    }

  course->status = "resolved";
  course->resolved_at = resolved;
  course->closed_at = resolved + g_rand_int_range (gen->rand, DAY, 7 * DAY);
  if (course->closed_at <= BOOK_NOW)
    course->status = "closed";
  else
    course->closed_at = 0;
}

static gint64
earliest (gint64 a,
          gint64 b)
{
  return a == 0 ? b : b == 0 ? a : MIN (a, b);
}

static gboolean
add_change (Generator   *gen,
            gint64       event_id,
            gint64       account_id,
            gint64       at,
            const char  *from,
            const char  *to,
            const char  *actor,
            GError     **error)
{
  sqlite3_stmt *stmt = gen->insert_change;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  sqlite3_bind_int64 (stmt, 3, at);
  sqlite3_bind_text (stmt, 4, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, actor, -1, SQLITE_STATIC);
  gen->n_changes++;
  return lia_bench_step_done (gen->db, stmt, error);
}

/* The status changes the model writes as the event moves along: none on
 * creation, one a step after. */
static gboolean
add_changes (Generator     *gen,
             gint64         event_id,
             gint64         account_id,
             const Course  *course,
             const char    *actor,
             GError       **error)
{
  const char *at_status = "in-progress";

  if (course->responded_at == 0)
    return TRUE;
  if (!add_change (gen, event_id, account_id, course->responded_at, "open", "in-progress", actor, error))
    return FALSE;
  if (course->waiting_since != 0 &&
      !add_change (gen, event_id, account_id, course->waiting_since, at_status, "waiting", actor, error))
    return FALSE;
  if (course->resolved_at != 0 &&
      !add_change (gen, event_id, account_id, course->resolved_at, at_status, "resolved", actor, error))
    return FALSE;
  if (course->closed_at != 0 &&
      !add_change (gen, event_id, account_id, course->closed_at, "resolved", "closed", actor, error))
    return FALSE;
  return TRUE;
}

static gboolean
add_event (Generator   *gen,
           gint64       opened_at,
           GError     **error)
{
  const Account *account = pick_account (gen);
  int kind = pick_kind (gen->rand);
  gboolean contact = kind >= LIA_EVENT_KIND_CALL;          /* call, visit, email */
  gboolean severe = kind <= LIA_EVENT_KIND_REQUEST;        /* incident, maintenance, request */
  const char *severity = severe ? PICK (gen->rand, severities) : NULL;
  /* A fifth of the incidents and maintenance go to a vendor. */
  int vendor = kind <= LIA_EVENT_KIND_MAINTENANCE && g_rand_int_range (gen->rand, 0, 5) == 0
               ? g_rand_int_range (gen->rand, 0, N_VENDORS) : -1;
  int plan_i = vendor >= 0 && gen->vendor_plans[vendor] >= 0 ? gen->vendor_plans[vendor] : account->plan;
  const Plan *plan = severe && plan_i >= 0 ? gen->plans->pdata[plan_i] : NULL;
  int severity_i = severity_index (severity);
  guint staff = g_rand_int_range (gen->rand, 0, gen->staff_ids->len);
  const char *actor = vendor >= 0 ? vendor_names[vendor] : gen->staff_names->pdata[staff];
  gint64 response = plan ? plan->response[severity_i] : 0;
  gint64 resolution = plan ? plan->resolution[severity_i] : 0;
  gint64 response_breach = 0, resolution_breach = 0, response_risk = 0, resolution_risk = 0;
  const char *source = kind == LIA_EVENT_KIND_CALL ? "phone"
                       : contact ? kind_summaries[kind][0]           /* "visit", "email" */
                       : g_rand_boolean (gen->rand) ? "phone" : "portal";
  sqlite3_stmt *stmt = gen->insert_event;
  Course course;
  gint64 event_id;

  if (contact)
    {
      /* Logged once done, as the contact log always was. */
      memset (&course, 0, sizeof course);
      course.status = "closed";
      course.resolved_at = opened_at;
    }
  else
    run_course (gen, plan, severity_i, opened_at, &course);

  if (response)
    lia_sla_schedule (plan->calendar, response, opened_at, course.responded_at,
                      &course.pause, course.waiting_since ? 1 : 0, BOOK_NOW,
                      &response_breach, &response_risk);
  if (resolution)
    lia_sla_schedule (plan->calendar, resolution, opened_at, course.resolved_at,
                      &course.pause, course.waiting_since ? 1 : 0, BOOK_NOW,
                      &resolution_breach, &resolution_risk);

  sqlite3_bind_int64 (stmt, 1, account->id);
  sqlite3_bind_text (stmt, 2, kind_summaries[kind][0], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind_summaries[kind][g_rand_int_range (gen->rand, 1, 6)], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, g_rand_int_range (gen->rand, 0, 3) == 0 ? PICK (gen->rand, details_texts) : "",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, severity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, course.status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, source, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, opened_at);
  lia_bench_bind_id (stmt, 9, course.responded_at);
  lia_bench_bind_id (stmt, 10, course.resolved_at);
  lia_bench_bind_id (stmt, 11, vendor >= 0 ? 0 : g_array_index (gen->staff_ids, gint64, staff));
  lia_bench_bind_id (stmt, 12, vendor >= 0 ? gen->vendor_ids[vendor] : 0);
  lia_bench_bind_id (stmt, 13, response);
  lia_bench_bind_id (stmt, 14, resolution);
  if (plan && response)
    sqlite3_bind_text (stmt, 15, plan->business_hours, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 15);
  lia_bench_bind_id (stmt, 16, response_breach);
  lia_bench_bind_id (stmt, 17, resolution_breach);
  lia_bench_bind_id (stmt, 18, earliest (response_breach, resolution_breach));
  lia_bench_bind_id (stmt, 19, earliest (response_risk, resolution_risk));
  if (!lia_bench_step_done (gen->db, stmt, error))
    return FALSE;
  event_id = sqlite3_last_insert_rowid (gen->db);

  return contact || add_changes (gen, event_id, account->id, &course, actor, error);
}

static gboolean
add_note (Generator  *gen,
          gint64      noted_at,
          GError    **error)
{
  sqlite3_stmt *stmt = gen->insert_note;
  const Account *account = pick_account (gen);

  sqlite3_bind_int64 (stmt, 1, account->id);
  sqlite3_bind_int64 (stmt, 2, noted_at);
  sqlite3_bind_text (stmt, 3, g_rand_int_range (gen->rand, 0, 10) < 7 ? "preference" : "anticipated-need",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, PICK (gen->rand, note_bodies), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, gen->staff_names->pdata[g_rand_int_range (gen->rand, 0, gen->staff_names->len)],
                     -1, SQLITE_STATIC);
  return lia_bench_step_done (gen->db, stmt, error);
}

/* The schema objects that would make the load slow, as the migrations
 * wrote them: the FTS trigger and the indexes on the two big tables.
 * Dropped for the load, then made again from the same SQL. */
static GPtrArray *
set_aside (Generator  *gen,
           GError    **error)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = lia_bench_prepare (gen->db,
    "SELECT type, name, sql FROM sqlite_master"
    " WHERE (type = 'trigger' AND name = 'events_fts_insert')"
    "    OR (type = 'index' AND tbl_name IN ('events', 'event_status_history') AND sql IS NOT NULL)"
    " ORDER BY type, name", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s %s", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (saved, g_strdup ((const char *)sqlite3_column_text (stmt, 2)));
    }
  sqlite3_finalize (stmt);

  if (saved->len == 0 || !g_str_has_prefix (drops->pdata[drops->len - 1], "DROP trigger"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no events_fts_insert trigger in the schema");
      return NULL;
    }
  for (guint i = 0; i < drops->len; i++)
    if (!lia_bench_exec (gen->db, drops->pdata[i], error))
      return NULL;

  return g_steal_pointer (&saved);
}

/* Events (topped up to @n_events), status changes and notes; then the
 * indexes and the FTS trigger are made again and the FTS index rebuilt
 * from the table. */
static gboolean
load_events (Generator  *gen,
             guint       n_events,
             guint       n_notes,
             GError    **error)
{
  g_autoptr(GPtrArray) saved = NULL;
  g_autofree gint64 *times = NULL;
  gint64 existing = lia_bench_count_rows (gen->db, "SELECT count(*) FROM events");
  guint n_new = existing >= 0 && existing < n_events ? n_events - (guint)existing : 0;
  gint64 start;

  if (!read_plans (gen, error) || !read_accounts (gen, error) ||
      !lia_bench_exec (gen->db, "BEGIN", error) ||
      !(saved = set_aside (gen, error)) ||
      !add_vendors (gen, error) ||
      !(gen->insert_event = lia_bench_prepare (gen->db,
          "INSERT INTO events (account_id, kind, summary, details, severity, status, source,"
          "  opened_at, responded_at, resolved_at, staff_id, vendor_id, response_target,"
          "  resolution_target, business_hours, response_breach_at, resolution_breach_at,"
          "  breach_at, risk_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
          "  ?17, ?18, ?19)", error)) ||
      !(gen->insert_change = lia_bench_prepare (gen->db,
          "INSERT INTO event_status_history (event_id, account_id, changed_at, from_status,"
          "  to_status, actor) VALUES (?, ?, ?, ?, ?, ?)", error)) ||
      !(gen->insert_note = lia_bench_prepare (gen->db,
          "INSERT INTO account_notes (account_id, noted_at, kind, body, author)"
          " VALUES (?, ?, ?, ?, ?)", error)))
    return FALSE;

  start = lia_bench_now_ns ();
  times = make_times (gen->rand, MAX (n_new, 1));
  for (guint i = 0; i < n_new; i++)
    if (!add_event (gen, times[i], error))
      return FALSE;
  /* Notes at the very minutes of events: rows of two sources tie. */
  for (guint i = 0; i < n_notes; i++)
    if (!add_note (gen, times[g_rand_int_range (gen->rand, 0, MAX (n_new, 1))], error))
      return FALSE;
  lia_bench_comment ("book: %u events (%" G_GINT64_FORMAT " from the sample data), %" G_GUINT64_FORMAT
                     " status changes and %u notes inserted in %.1f s",
                     n_new + (guint)MAX (existing, 0), MAX (existing, 0), gen->n_changes, n_notes,
                     (lia_bench_now_ns () - start) / 1e9);

  start = lia_bench_now_ns ();
  for (guint i = 0; i < saved->len; i++)
    if (!lia_bench_exec (gen->db, saved->pdata[i], error))
      return FALSE;
  if (!lia_bench_exec (gen->db, "INSERT INTO event_fts (event_fts) VALUES ('rebuild')", error) ||
      !lia_bench_exec (gen->db, "COMMIT", error))
    return FALSE;
  lia_bench_comment ("book: %u indexes made again, event search index rebuilt, committed in %.1f s",
                     saved->len - 1, (lia_bench_now_ns () - start) / 1e9);
  return TRUE;
}

static void
generator_clear (Generator *gen)
{
  g_clear_pointer (&gen->insert_event, sqlite3_finalize);
  g_clear_pointer (&gen->insert_change, sqlite3_finalize);
  g_clear_pointer (&gen->insert_note, sqlite3_finalize);
  g_clear_pointer (&gen->db, lia_bench_load_close);
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->accounts, g_array_unref);
  g_clear_pointer (&gen->groups, g_array_unref);
  g_clear_pointer (&gen->plans, g_ptr_array_unref);
  g_clear_pointer (&gen->staff_ids, g_array_unref);
  g_clear_pointer (&gen->staff_names, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Generator, generator_clear)

/* The book at @path: accounts from the sample data (the app's own code,
 * with its migrations), then ten events an account in bulk, on a raw
 * connection with the book closed. */
static gboolean
generate (const char  *path,
          guint        scale,
          GError     **error)
{
  g_autoptr(LiaBook) book = lia_bench_generate_book (path, scale, BOOK_SEED, &book_now, error);
  g_auto(Generator) gen = { NULL };
  gint64 start = lia_bench_now_ns ();

  if (book == NULL)
    return FALSE;
  g_clear_object (&book);

  gen.rand = g_rand_new_with_seed (EVENT_SEED);
  gen.accounts = g_array_new (FALSE, FALSE, sizeof (Account));
  gen.groups = g_array_new (FALSE, FALSE, sizeof (Group));
  gen.plans = g_ptr_array_new_with_free_func (plan_free);
  gen.staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.staff_names = g_ptr_array_new_with_free_func (g_free);

  if (!(gen.db = lia_bench_load_open (path, error)) ||
      !load_events (&gen, scale * EVENTS_PER_ACCOUNT, (guint)(scale * NOTES_PER_ACCOUNT), error) ||
      !lia_bench_load_finish (gen.db, error))
    return FALSE;

  lia_bench_comment ("book: events generated in %.1f s in all", (lia_bench_now_ns () - start) / 1e9);
  return TRUE;
}

/* --- measurements --------------------------------------------------------------- */

typedef struct
{
  LiaBook            *book;
  LiaTimeline        *timeline;   /* kept across runs for the filtered pages */
  sqlite3            *floor;
  sqlite3_stmt       *stmt;       /* the floor's statement for @filter */
  LiaTimelineFilter   filter;
  guint               model_rows;
  guint               floor_rows;
} Timeline;

/* A parameter the statement lacks has index 0: a harmless SQLITE_RANGE. */
static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, name), value);
}

/* The statement lia_timeline_store_page() runs for the first page of
 * @filter, with the parameters it binds (no cursor: every bound +inf). */
static gboolean
prepare_floor (Timeline                *self,
               const LiaTimelineFilter *filter)
{
  LiaTimelineQuery query = {
    .account_id = filter->account_id, .with_subsidiaries = filter->with_subsidiaries,
    .kinds = filter->kinds, .statuses = filter->statuses, .sla_states = filter->sla_states,
    .staff_id = filter->staff_id, .vendor_id = filter->vendor_id,
    .from = filter->from, .to = filter->to, .show_system = filter->show_system,
  };
  g_autofree char *sql = lia_timeline_store_page_sql (&query);

  g_clear_pointer (&self->stmt, sqlite3_finalize);
  self->filter = *filter;
  if (sqlite3_prepare_v2 (self->floor, sql, -1, &self->stmt, NULL) != SQLITE_OK)
    return FALSE;

  bind_named (self->stmt, ":t", G_MAXINT64);
  for (int source = 0; source < LIA_TIMELINE_N_SOURCES; source++)
    {
      char name[8];

      g_snprintf (name, sizeof name, ":i%d", source);
      bind_named (self->stmt, name, G_MAXINT64);
    }
  bind_named (self->stmt, ":limit", LIA_TIMELINE_PAGE_SIZE);
  bind_named (self->stmt, ":now", lia_book_now (self->book));
  bind_named (self->stmt, ":account", query.account_id);
  bind_named (self->stmt, ":staff", query.staff_id);
  bind_named (self->stmt, ":vendor", query.vendor_id);
  bind_named (self->stmt, ":from", query.from);
  bind_named (self->stmt, ":to", query.to);
  return TRUE;
}

static gboolean
floor_page (gpointer data)
{
  Timeline *self = data;

  return lia_bench_drain (self->stmt, &self->floor_rows);
}

/* A timeline as a view makes one: the first page is loaded by then. */
static gboolean
model_first_page (gpointer data)
{
  Timeline *self = data;
  g_autoptr(LiaTimeline) timeline = lia_timeline_new (self->book);

  self->model_rows = g_list_model_get_n_items (G_LIST_MODEL (timeline));
  return self->model_rows > 0;
}

/* A new filter on the open timeline: it reloads its first page. */
static gboolean
model_filtered_page (gpointer data)
{
  Timeline *self = data;

  lia_timeline_set_filter (self->timeline, &self->filter);
  self->model_rows = g_list_model_get_n_items (G_LIST_MODEL (self->timeline));
  return self->model_rows > 0;
}

typedef struct
{
  double model_median;
  double model_p95;
  double floor_median;
} Figures;

static gboolean
measure_page (Timeline                *self,
              const char              *name,
              const LiaTimelineFilter *filter,
              LiaBenchWork             model,
              Figures                 *out)
{
  g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *figure = g_strdup_printf ("%s_ms", name);
  g_autofree char *floor_figure = g_strdup_printf ("%s_sqlite_ms", name);

  if (!prepare_floor (self, filter))
    {
      lia_bench_comment ("%s: cannot prepare the store's SQL: %s", name, sqlite3_errmsg (self->floor));
      return FALSE;
    }
  if (!lia_bench_time_pair (model, floor_page, self, WARM_UPS, RUNS, model_ms, floor_ms))
    {
      lia_bench_comment ("%s: a page could not be read", name);
      return FALSE;
    }

  out->model_median = lia_bench_median (model_ms);
  out->model_p95 = lia_bench_percentile (model_ms, 95);
  out->floor_median = lia_bench_median (floor_ms);
  lia_bench_figure (AREA, figure, out->model_median, "ms");
  lia_bench_figure (AREA, floor_figure, out->floor_median, "ms");
  lia_bench_comment ("%s: %u rows, median %.2f ms, p95 %.2f ms (%.2f× bare sqlite3); "
                     "target < %.0f ms: %s", name, self->model_rows, out->model_median,
                     out->model_p95, out->model_median / out->floor_median, TARGET_PAGE_MS,
                     out->model_p95 < TARGET_PAGE_MS ? "met" : "MISSED");
  if (self->model_rows != self->floor_rows)
    lia_bench_comment ("%s: the model showed %u rows, sqlite3 %u: is the floor's SQL the store's?",
                       name, self->model_rows, self->floor_rows);
  return TRUE;
}

/* The portfolio with the most events, which a big customer's timeline is. */
static gint64
busiest_portfolio (sqlite3 *db,
                   gint64  *out_accounts,
                   gint64  *out_events)
{
  sqlite3_stmt *stmt = NULL;
  gint64 root = 0;

  if (sqlite3_prepare_v2 (db,
        "SELECT a.root_id, count(*) AS n,"
        "  (SELECT count(*) FROM accounts m WHERE m.root_id = a.root_id)"
        " FROM events e JOIN accounts a ON a.id = e.account_id"
        " WHERE a.root_id IN (SELECT root_id FROM accounts WHERE id <> root_id)"
        " GROUP BY a.root_id ORDER BY n DESC, a.root_id LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      root = sqlite3_column_int64 (stmt, 0);
      *out_events = sqlite3_column_int64 (stmt, 1);
      *out_accounts = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_finalize (stmt);
  return root;
}

static gboolean
measure_pages (Timeline *self)
{
  LiaTimelineFilter human = { 0 };
  LiaTimelineFilter deep = { .to = BOOK_NOW - (gint64)DEEP_DAYS * DAY };
  LiaTimelineFilter portfolio = { .with_subsidiaries = TRUE };
  g_autofree char *older = g_strdup_printf ("SELECT count(*) FROM events WHERE opened_at < %" G_GINT64_FORMAT,
                                            deep.to);
  gint64 n_accounts = 0, n_events = 0;
  Figures first, figures;

  if (!measure_page (self, "first_page", &human, model_first_page, &first))
    return FALSE;
  lia_bench_figure (AREA, "page_vs_sqlite", first.model_median / first.floor_median, "x");

  lia_bench_comment ("deep_page: the first page of the timeline moved to %d days back (filter.to), "
                     "%" G_GINT64_FORMAT " events older than that; keyset pages cost the same "
                     "at any depth, and the scroll below times each next page", DEEP_DAYS,
                     lia_bench_count_rows (self->floor, older));
  if (!measure_page (self, "deep_page", &deep, model_filtered_page, &figures))
    return FALSE;

  portfolio.account_id = busiest_portfolio (self->floor, &n_accounts, &n_events);
  lia_bench_comment ("portfolio_page: account %" G_GINT64_FORMAT " with its subsidiaries, the busiest "
                     "portfolio (%" G_GINT64_FORMAT " accounts, %" G_GINT64_FORMAT " events)",
                     portfolio.account_id, n_accounts, n_events);
  return portfolio.account_id != 0 &&
         measure_page (self, "portfolio_page", &portfolio, model_filtered_page, &figures);
}

/* A list view over the newest @rows rows: it asks for each row once,
 * holds none, and the next page comes when it reaches the end. */
static gboolean
measure_scroll (Timeline *self,
                guint     rows)
{
  g_autoptr(LiaTimeline) timeline = lia_timeline_new (self->book);
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  guint64 start_kb, peak_kb;
  gboolean hwm;
  guint position;

  /* What earlier work freed goes back to the system, so what the scroll
   * takes shows as growth. */
  malloc_trim (0);
  start_kb = peak_kb = lia_bench_rss_kb ();
  hwm = lia_bench_reset_peak_rss ();

  for (position = 0; position < rows; position++)
    {
      g_autoptr(GObject) item = NULL;

      if (position == g_list_model_get_n_items (G_LIST_MODEL (timeline)))
        {
          gint64 start = lia_bench_now_ns ();
          guint64 now_kb;
          double ms;

          if (!lia_timeline_load_more (timeline, &error))
            break;
          ms = (lia_bench_now_ns () - start) / 1e6;
          g_array_append_val (page_ms, ms);
          now_kb = lia_bench_rss_kb ();
          peak_kb = MAX (peak_kb, now_kb);
        }
      if (!(item = g_list_model_get_item (G_LIST_MODEL (timeline), position)))
        {
          lia_bench_comment ("scroll: no item at position %u", position);
          return FALSE;
        }
    }
  if (error != NULL)
    {
      lia_bench_comment ("scroll: %s", error->message);
      return FALSE;
    }
  if (hwm)
    {
      guint64 hwm_kb = lia_bench_peak_rss_kb ();

      peak_kb = MAX (peak_kb, hwm_kb);
    }

  lia_bench_figure (AREA, "scroll_rss_growth_mb", (peak_kb - start_kb) / 1024.0, "MB");
  if (page_ms->len > 0)
    lia_bench_figure (AREA, "scroll_page_p95_ms", lia_bench_percentile (page_ms, 95), "ms");
  lia_bench_comment ("scroll: %u rows, %u next pages (median %.2f ms, slowest %.2f ms); "
                     "RSS %.1f MB at the first page, peak %.1f MB (%s); %u pages cached at the end",
                     position, page_ms->len,
                     page_ms->len ? lia_bench_median (page_ms) : 0,
                     page_ms->len ? lia_bench_percentile (page_ms, 100) : 0,
                     start_kb / 1024.0, peak_kb / 1024.0,
                     hwm ? "VmHWM reset after the first page" : "VmRSS sampled after each page",
                     lia_timeline_get_n_cached_pages (timeline));
  lia_bench_comment ("scroll: RSS growth %.1f MB, target < %.0f MB: %s",
                     (peak_kb - start_kb) / 1024.0, TARGET_RSS_MB,
                     (peak_kb - start_kb) / 1024.0 < TARGET_RSS_MB ? "met" : "MISSED");
  if (page_ms->len > 0)
    lia_bench_comment ("scroll: next page p95 %.2f ms, target < %.0f ms: %s",
                       lia_bench_percentile (page_ms, 95), TARGET_PAGE_MS,
                       lia_bench_percentile (page_ms, 95) < TARGET_PAGE_MS ? "met" : "MISSED");
  if (position < rows)
    lia_bench_comment ("scroll: the timeline ended after %u rows", position);
  return TRUE;
}

static void
timeline_clear (Timeline *self)
{
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->stmt, sqlite3_finalize);
  g_clear_pointer (&self->floor, sqlite3_close);
  g_clear_object (&self->book);
  /* Nothing may be left for a later area's main loop. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * lia_bench_timeline_run:
 * @scale: accounts in the book; ten events each, so 100,000 accounts
 *   make a million events
 *
 * Returns: %FALSE when a figure could not be measured.
 */
gboolean
lia_bench_timeline_run (guint       scale,
                        const char *work_dir)
{
  g_autofree char *dir = g_build_filename (work_dir, AREA, NULL);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(GError) error = NULL;
  Timeline self = { 0 };
  gboolean ok;

  g_mkdir_with_parents (dir, 0700);
  if (!generate (path, scale, &error) ||
      !(self.book = lia_book_open (path, &error)) ||
      !(self.floor = lia_bench_floor_open (path, &error)))
    {
      lia_bench_comment ("cannot make the timeline book: %s", error->message);
      timeline_clear (&self);
      return FALSE;
    }
  lia_book_set_clock (self.book, lia_bench_fixed_clock, (gpointer)&book_now);
  self.timeline = lia_timeline_new (self.book);

  lia_bench_comment ("pages: %u rows (LIA_TIMELINE_PAGE_SIZE), median of %u runs after %u warm-ups "
                     "with the bare sqlite3 floor in turns; targets on the p95", LIA_TIMELINE_PAGE_SIZE,
                     RUNS, WARM_UPS);
  ok = measure_pages (&self);
  g_clear_object (&self.timeline);
  ok = ok && measure_scroll (&self, scale);

  timeline_clear (&self);
  return ok;
}
