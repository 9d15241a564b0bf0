/* lia-bench-calendar.c — the calendar area: the month view's range query
 * and expansion over 50,000 meetings (a fifth of them recurring) beside
 * the same SQL on a bare sqlite3 connection, and the iCalendar export of
 * them all
 *
 * The book: the sample-data accounts (their own meetings removed), then,
 * in one raw transaction, half as many meetings as accounts (50,000 at the
 * default 100,000) spread over two years either side of
 * BOOK_NOW, on weekdays in office hours of their own time zones. A fifth
 * are series (monthly, quarterly, half-yearly; some end by COUNT, some by
 * UNTIL, the rest run on) with until_at from the model's own
 * lia_recurrence_check(); a quarter of the series have occurrences moved
 * or deleted, and past occurrences are now and then minuted on their
 * own, each a meeting_occurrences row keyed by the occurrence's start as
 * lia_recurrence_expand() gives it. Every meeting has its organizer and
 * some of the account's contacts as attendees.
 *
 * The month figures are for a grid drawn again (the target's case), for
 * its first draw (a cold page cache) and for paging on month by month; the export goes to a stream that keeps nothing, then
 * once to a file for its size and contents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <malloc.h>
#include <sqlite3.h>
#include <string.h>

#include "lia-bench.h"
#include "lia-book.h"
#include "lia-ics.h"
#include "lia-meeting-repository.h"
#include "lia-meeting-store.h"
#include "lia-recurrence.h"

#define AREA                "calendar"

#define BOOK_SEED           20240603
#define MEETING_SEED        43
/* Monday 2 June 2025, 08:00 UTC: generation and measurement share it. */
#define BOOK_NOW            G_GINT64_CONSTANT (1748851200)
#define SPREAD_DAYS         (2 * 365)
#define RECURRING_ONE_IN    5
#define GRID_DAYS           42          /* six weeks, as a month view shows */
#define GRID_ZONE           "Europe/Berlin"
#define PAGED_MONTHS        12

#define WARM_UPS            2
#define RUNS                20
#define EXPORT_WARM_UPS     1
#define EXPORT_RUNS         5
#define TARGET_MONTH_MS     30.0
#define TARGET_EXPORT_MS    150.0

#define MINUTE              60
#define HOUR                (60 * MINUTE)
#define DAY                 (24 * HOUR)

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* --- the book ----------------------------------------------------------------- */

/* Out of 100. */
static const struct { const char *tzid; int percent; } zone_mix[] = {
  { "Europe/Berlin", 60 }, { "Europe/London", 12 }, { "Europe/Zurich", 8 },
  { "America/New_York", 8 }, { "Asia/Tokyo", 4 }, { "UTC", 8 },
};

static const char * const single_titles[] = {
  "Contract renewal meeting", "Project kick-off", "Site walk-through", "Roadmap workshop",
  "Onboarding session", "Escalation review", "Annual business review", "Introduction of the new engineer",
};

static const char * const locations[] = {
  "Customer site", "Our office, room 2", "Video call", "Video call", "Phone conference", "",
};

static const char * const agendas[] = {
  "1. Service report\n2. Open incidents\n3. Roadmap",
  "1. Contract status\n2. Renewal terms\n3. Next steps",
  "1. Introductions\n2. Scope and timeline\n3. Responsibilities",
  "",
};

static const char * const minutes_texts[] = {
  "Went through the service report; no open escalations.",
  "Customer asked for a quote for a second site.",
  "Agreed to move the maintenance window to Saturdays.",
  "Renewal terms accepted; paperwork follows by mail.",
};

static const char * const outcomes[] = {
  "Follow-up quote promised", "No action needed", "Upgrade discussed", "Escalation closed",
};

typedef struct
{
  gint64    id;
  gint64    manager_id;     /* 0: none */
  guint     first_contact;  /* into contacts */
  guint     n_contacts;
  gboolean  major;          /* key account or corporate: where reviews recur */
  gboolean  heads_group;
} Account;

typedef struct
{
  gint64  id;
  char   *name;
  char   *email;
} Person;

/* One meeting as it is planned, before its row is written. */
typedef struct
{
  const Account *account;
  const char    *tzid;
  gint64         starts_at;
  gint64         ends_at;
  gboolean       all_day;
  char          *rrule;     /* NULL: a single meeting */
  int            interval;  /* months between occurrences */
  gint64         until_at;  /* 0: never ends */
} Plan;

typedef struct
{
  sqlite3       *db;
  GRand         *rand;
  GArray        *accounts;       /* of Account, by id */
  GArray        *majors;         /* of guint: indexes of major accounts */
  GArray        *contacts;       /* of Person, by account */
  GArray        *managers;       /* of Person */
  GTimeZone     *zones[G_N_ELEMENTS (zone_mix)];
  sqlite3_stmt  *insert_meeting;
  sqlite3_stmt  *insert_exception;
  sqlite3_stmt  *insert_attendee;
  guint          n_series;
  guint64        n_series_occurrences;
  guint          n_exceptions;
  guint          n_moved;
  guint          n_deleted;
  guint          n_minuted;
  guint          n_attendees;
} Generator;

static void
person_clear (gpointer data)
{
  Person *person = data;

  g_free (person->name);
  g_free (person->email);
}

static GArray *
people_new (void)
{
  GArray *people = g_array_new (FALSE, FALSE, sizeof (Person));

  g_array_set_clear_func (people, person_clear);
  return people;
}

static void
generator_clear (Generator *gen)
{
  g_clear_pointer (&gen->insert_meeting, sqlite3_finalize);
  g_clear_pointer (&gen->insert_exception, sqlite3_finalize);
  g_clear_pointer (&gen->insert_attendee, sqlite3_finalize);
  g_clear_pointer (&gen->db, lia_bench_load_close);
  g_clear_pointer (&gen->rand, g_rand_free);
  g_clear_pointer (&gen->accounts, g_array_unref);
  g_clear_pointer (&gen->majors, g_array_unref);
  g_clear_pointer (&gen->contacts, g_array_unref);
  g_clear_pointer (&gen->managers, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (gen->zones); i++)
    g_clear_pointer (&gen->zones[i], g_time_zone_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Generator, generator_clear)

static void
read_person (sqlite3_stmt *stmt,
             int           first_column,
             GArray       *people)
{
  Person person = {
    sqlite3_column_int64 (stmt, first_column),
    g_strdup ((const char *)sqlite3_column_text (stmt, first_column + 1)),
    g_strdup ((const char *)sqlite3_column_text (stmt, first_column + 2)),
  };

  g_array_append_val (people, person);
}

/* Accounts by id, each with the range of its contacts. */
static gboolean
read_accounts (Generator  *gen,
               GError    **error)
{
  sqlite3_stmt *accounts = lia_bench_prepare (gen->db,
    "SELECT a.id, coalesce (a.manager_id, 0), a.segment_id IN ('key-account', 'corporate'),"
    "  EXISTS (SELECT 1 FROM accounts c WHERE c.parent_id = a.id)"
    " FROM accounts a ORDER BY a.id", error);
  sqlite3_stmt *contacts = accounts ? lia_bench_prepare (gen->db,
    "SELECT account_id, id, name, email FROM contacts ORDER BY account_id, id", error) : NULL;
  int contact_rc = contacts ? sqlite3_step (contacts) : SQLITE_DONE;

  while (contacts && sqlite3_step (accounts) == SQLITE_ROW)
    {
      Account account = {
        sqlite3_column_int64 (accounts, 0), sqlite3_column_int64 (accounts, 1),
        gen->contacts->len, 0, sqlite3_column_int (accounts, 2), sqlite3_column_int (accounts, 3),
      };
      guint index = gen->accounts->len;

      /* Both ordered by account: a merge. */
      for (; contact_rc == SQLITE_ROW && sqlite3_column_int64 (contacts, 0) <= account.id;
           contact_rc = sqlite3_step (contacts))
        if (sqlite3_column_int64 (contacts, 0) == account.id)
          {
            read_person (contacts, 1, gen->contacts);
            account.n_contacts++;
          }
      g_array_append_val (gen->accounts, account);
      if (account.major)
        g_array_append_val (gen->majors, index);
    }
  sqlite3_finalize (accounts);
  sqlite3_finalize (contacts);
  return contacts != NULL;
}

static gboolean
read_managers (Generator  *gen,
               GError    **error)
{
  sqlite3_stmt *stmt = lia_bench_prepare (gen->db, "SELECT id, name, email FROM staff"
                                                   " WHERE role = 'account-manager' ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    read_person (stmt, 0, gen->managers);
  sqlite3_finalize (stmt);

  if (gen->accounts->len == 0 || gen->majors->len == 0 || gen->managers->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "the sample book has %u accounts, %u of them major, and %u account managers",
                   gen->accounts->len, gen->majors->len, gen->managers->len);
      return FALSE;
    }
  return TRUE;
}

static guint
pick_zone (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (zone_mix); i++)
    {
      if (roll < zone_mix[i].percent)
        return i;
      roll -= zone_mix[i].percent;
    }
  return 0;
}

/* A weekday within SPREAD_DAYS of BOOK_NOW, at a quarter hour between
 * 08:00 and 17:00 local time (one in thirty all day), 30 minutes to two
 * hours long. */
static void
pick_times (Generator *gen,
            GTimeZone *zone,
            Plan      *plan)
{
  static const int durations[] = { 30, 45, 60, 60, 60, 90, 120 };
  gint64 day = BOOK_NOW + (gint64)g_rand_int_range (gen->rand, -SPREAD_DAYS, SPREAD_DAYS) * DAY;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (day);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  int weekday = g_date_time_get_day_of_week (local);
  int hour = g_rand_int_range (gen->rand, 8, 17);
  int minute = 15 * g_rand_int_range (gen->rand, 0, 4);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) weekday_start = NULL;

  plan->all_day = g_rand_int_range (gen->rand, 0, 30) == 0;
  start = g_date_time_new (zone, g_date_time_get_year (local), g_date_time_get_month (local),
                           g_date_time_get_day_of_month (local),
                           plan->all_day ? 0 : hour, plan->all_day ? 0 : minute, 0);
  /* Saturday and Sunday move to the Monday after. */
  weekday_start = g_date_time_add_days (start, weekday == 6 ? 2 : weekday == 7 ? 1 : 0);
  plan->starts_at = g_date_time_to_unix (weekday_start);
  if (plan->all_day)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (weekday_start, 1);

      plan->ends_at = g_date_time_to_unix (next);
    }
  else
    plan->ends_at = plan->starts_at + PICK (gen->rand, durations) * MINUTE;
}

/* Monthly, quarterly or half-yearly; a third end by COUNT, a third by
 * UNTIL, a third run on. */
static char *
make_rrule (Generator *gen,
            Plan      *plan)
{
  int roll = g_rand_int_range (gen->rand, 0, 100);
  int max_times;
  GString *rule = g_string_new ("FREQ=MONTHLY");

  plan->interval = roll < 45 ? 1 : roll < 85 ? 3 : 6;
  max_times = 24 / plan->interval;
  if (plan->interval > 1)
    g_string_append_printf (rule, ";INTERVAL=%d", plan->interval);

  roll = g_rand_int_range (gen->rand, 0, 3);
  if (roll == 0)
    g_string_append_printf (rule, ";COUNT=%d", g_rand_int_range (gen->rand, 2, max_times + 1));
  else if (roll == 1)
    {
      gint64 months = (gint64)g_rand_int_range (gen->rand, 2, max_times + 1) * plan->interval;
      g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (plan->starts_at + months * 30 * DAY);
      /* Of the same type as DTSTART (RFC 5545 3.3.10). */
      g_autofree char *text = g_date_time_format (until, plan->all_day ? "%Y%m%d" : "%Y%m%dT%H%M%SZ");

      g_string_append_printf (rule, ";UNTIL=%s", text);
    }
  return g_string_free (rule, FALSE);
}

static gboolean
plan_meeting (Generator  *gen,
              Plan       *plan,
              GError    **error)
{
  gboolean recurring = g_rand_int_range (gen->rand, 0, RECURRING_ONE_IN) == 0;
  guint zone = pick_zone (gen->rand);
  guint index;

  /* Seven in ten series are reviews of major accounts. */
  if (recurring && g_rand_int_range (gen->rand, 0, 10) < 7)
    index = g_array_index (gen->majors, guint, g_rand_int_range (gen->rand, 0, gen->majors->len));
  else
    index = g_rand_int_range (gen->rand, 0, gen->accounts->len);

  memset (plan, 0, sizeof *plan);
  plan->account = &g_array_index (gen->accounts, Account, index);
  plan->tzid = zone_mix[zone].tzid;
  pick_times (gen, gen->zones[zone], plan);
  if (!recurring)
    {
      plan->until_at = plan->starts_at;
      return TRUE;
    }

  plan->rrule = make_rrule (gen, plan);
  return lia_recurrence_check (plan->rrule, plan->starts_at, plan->tzid, &plan->until_at, error);
}

static const char *
series_title (const Plan *plan)
{
  return plan->interval == 1 ? "Monthly service review"
         : plan->interval == 3 ? "Quarterly business review" : "Half-yearly account review";
}

/* A single meeting in the past was mostly held and minuted. */
static void
bind_outcome (Generator    *gen,
              sqlite3_stmt *stmt,
              int           first,
              gboolean      held)
{
  gboolean rated = held && g_rand_int_range (gen->rand, 0, 10) < 6;

  sqlite3_bind_text (stmt, first, held ? PICK (gen->rand, minutes_texts) : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, held ? PICK (gen->rand, outcomes) : "", -1, SQLITE_STATIC);
  lia_bench_bind_id (stmt, first + 2, rated ? g_rand_int_range (gen->rand, 1, 6) : 0);
}

static gboolean
insert_meeting (Generator    *gen,
                const Plan   *plan,
                guint         serial,
                const Person *organizer,
                GError      **error)
{
  sqlite3_stmt *stmt = gen->insert_meeting;
  gboolean past = plan->rrule == NULL && plan->ends_at <= BOOK_NOW;
  int roll = g_rand_int_range (gen->rand, 0, 100);
  const char *status = !past ? "planned" : roll < 80 ? "held" : roll < 87 ? "cancelled" : "planned";
  gint64 created = MIN (plan->starts_at, BOOK_NOW) - g_rand_int_range (gen->rand, 1, 30) * (gint64)DAY;
  g_autofree char *uid = g_strdup_printf ("%08x-%04x-4%03x-b%03x-%06x%06x@liaison.example",
                                          g_rand_int (gen->rand), serial >> 16, serial & 0xfff,
                                          g_rand_int_range (gen->rand, 0, 0x1000),
                                          g_rand_int_range (gen->rand, 0, 0x1000000), serial);
  const char *title = plan->rrule ? series_title (plan) : PICK (gen->rand, single_titles);

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, plan->account->id);
  sqlite3_bind_int (stmt, 3, plan->account->heads_group && g_rand_int_range (gen->rand, 0, 3) == 0);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, plan->starts_at);
  sqlite3_bind_int64 (stmt, 6, plan->ends_at);
  sqlite3_bind_text (stmt, 7, plan->tzid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, plan->all_day);
  sqlite3_bind_text (stmt, 9, PICK (gen->rand, locations), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, plan->rrule, -1, SQLITE_STATIC);
  lia_bench_bind_id (stmt, 11, plan->until_at);
  sqlite3_bind_int (stmt, 12, plan->rrule != NULL || strstr (title, "review") != NULL);
  sqlite3_bind_text (stmt, 13, PICK (gen->rand, agendas), -1, SQLITE_STATIC);
  bind_outcome (gen, stmt, 14, g_str_equal (status, "held"));
  sqlite3_bind_text (stmt, 17, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 18, organizer->id);
  sqlite3_bind_int64 (stmt, 19, created);
  sqlite3_bind_int64 (stmt, 20, past ? plan->ends_at : created);
  return lia_bench_step_done (gen->db, stmt, error);
}

static gboolean
insert_attendee (Generator     *gen,
                 gint64         meeting_id,
                 gint64         contact_id,
                 gint64         staff_id,
                 const char    *name,
                 const char    *email,
                 GError       **error)
{
  sqlite3_stmt *stmt = gen->insert_attendee;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  lia_bench_bind_id (stmt, 2, contact_id);
  lia_bench_bind_id (stmt, 3, staff_id);
  sqlite3_bind_text (stmt, 4, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, email, -1, SQLITE_STATIC);
  gen->n_attendees++;
  return lia_bench_step_done (gen->db, stmt, error);
}

/* The organizer, each of the account's contacts seven times in ten, and
 * one meeting in ten a guest from outside. */
static gboolean
add_attendees (Generator     *gen,
               gint64         meeting_id,
               const Plan    *plan,
               const Person  *organizer,
               GError       **error)
{
  const Account *account = plan->account;

  if (!insert_attendee (gen, meeting_id, 0, organizer->id, organizer->name, organizer->email, error))
    return FALSE;
  for (guint i = 0; i < account->n_contacts; i++)
    {
      const Person *contact = &g_array_index (gen->contacts, Person, account->first_contact + i);

      if (g_rand_int_range (gen->rand, 0, 10) < 7 &&
          !insert_attendee (gen, meeting_id, contact->id, 0, contact->name, contact->email, error))
        return FALSE;
    }
  if (g_rand_int_range (gen->rand, 0, 10) == 0 &&
      !insert_attendee (gen, meeting_id, 0, 0, "Guest Consultant", "guest@consulting.example", error))
    return FALSE;
  return TRUE;
}

/* What happens to one occurrence of a series on its own. */
typedef struct
{
  gint64       starts_at;   /* 0: as the series says */
  gint64       ends_at;
  gboolean     deleted;
  const char  *status;      /* NULL: as the series says */
} Exception;

static gboolean
insert_exception (Generator        *gen,
                  gint64            meeting_id,
                  gint64            recurrence_id,
                  const Exception  *ex,
                  GError          **error)
{
  sqlite3_stmt *stmt = gen->insert_exception;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, recurrence_id);
  lia_bench_bind_id (stmt, 3, ex->starts_at);
  lia_bench_bind_id (stmt, 4, ex->ends_at);
  sqlite3_bind_int (stmt, 5, ex->deleted);
  if (ex->status != NULL && g_str_equal (ex->status, "held"))
    bind_outcome (gen, stmt, 6, TRUE);
  else
    for (int i = 6; i <= 8; i++)
      sqlite3_bind_null (stmt, i);
  sqlite3_bind_text (stmt, 9, ex->status, -1, SQLITE_STATIC);
  gen->n_exceptions++;
  return lia_bench_step_done (gen->db, stmt, error);
}

/* A quarter of the series have one occurrence in eight moved (by hours
 * or days, either way) and one in sixteen deleted; one past occurrence
 * in five was minuted on its own. */
static gboolean
add_exceptions (Generator   *gen,
                gint64       meeting_id,
                const Plan  *plan,
                GError     **error)
{
  /* A year at least (as when lia-recurrence.c cached expansions and ran
   * wider ranges apart: the book stays the same). */
  gint64 end = MAX (plan->until_at ? plan->until_at + 1 : BOOK_NOW + (SPREAD_DAYS + 365) * (gint64)DAY,
                    plan->starts_at + 366 * (gint64)DAY);
  g_autoptr(GArray) starts = lia_recurrence_expand (plan->rrule, plan->starts_at, plan->tzid,
                                                    plan->starts_at, end);
  gboolean troubled = g_rand_int_range (gen->rand, 0, 4) == 0;
  gint64 length = plan->ends_at - plan->starts_at;

  gen->n_series++;
  gen->n_series_occurrences += starts ? starts->len : 0;
  for (guint i = 0; starts != NULL && i < starts->len; i++)
    {
      gint64 recurrence_id = g_array_index (starts, gint64, i);
      int roll = troubled ? g_rand_int_range (gen->rand, 0, 16) : 16;
      Exception ex = { 0 };

      if (roll < 2)
        {
          gint64 unit = g_rand_boolean (gen->rand) ? HOUR : DAY;

          ex.starts_at = recurrence_id + unit * (g_rand_boolean (gen->rand) ? 1 : -1)
                         * g_rand_int_range (gen->rand, 1, 4);
          ex.ends_at = ex.starts_at + length;
          gen->n_moved++;
        }
      ex.deleted = roll == 2;
      gen->n_deleted += ex.deleted;
      if (!ex.deleted && recurrence_id < BOOK_NOW && g_rand_int_range (gen->rand, 0, 5) == 0)
        {
          ex.status = "held";
          gen->n_minuted++;
        }

      if ((ex.starts_at || ex.deleted || ex.status) &&
          !insert_exception (gen, meeting_id, recurrence_id, &ex, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_meeting (Generator  *gen,
             guint       serial,
             GError    **error)
{
  Plan plan;
  const Person *organizer;
  gint64 meeting_id;
  gboolean ok;

  if (!plan_meeting (gen, &plan, error))
    {
      g_prefix_error (error, "RRULE %s from %" G_GINT64_FORMAT " in %s: ", plan.rrule, plan.starts_at,
                      plan.tzid);
      g_free (plan.rrule);
      return FALSE;
    }

  organizer = &g_array_index (gen->managers, Person, g_rand_int_range (gen->rand, 0, gen->managers->len));
  for (guint i = 0; plan.account->manager_id && i < gen->managers->len; i++)
    if (g_array_index (gen->managers, Person, i).id == plan.account->manager_id)
      organizer = &g_array_index (gen->managers, Person, i);

  ok = insert_meeting (gen, &plan, serial, organizer, error);
  meeting_id = sqlite3_last_insert_rowid (gen->db);
  ok = ok && add_attendees (gen, meeting_id, &plan, organizer, error) &&
       (plan.rrule == NULL || add_exceptions (gen, meeting_id, &plan, error));
  g_free (plan.rrule);
  return ok;
}

static gboolean
prepare_inserts (Generator  *gen,
                 GError    **error)
{
  return (gen->insert_meeting = lia_bench_prepare (gen->db,
            "INSERT INTO meetings (uid, account_id, for_portfolio, title, starts_at, ends_at, tzid,"
            "  all_day, location, rrule, until_at, is_review, agenda, minutes, outcome, rating, status,"
            "  organizer_id, created_at, updated_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
            "  ?19, ?20)", error)) &&
         (gen->insert_exception = lia_bench_prepare (gen->db,
            "INSERT INTO meeting_occurrences (meeting_id, recurrence_id, starts_at, ends_at, cancelled,"
            "  minutes, outcome, rating, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) &&
         (gen->insert_attendee = lia_bench_prepare (gen->db,
            "INSERT INTO meeting_attendees (meeting_id, contact_id, staff_id, name, email)"
            " VALUES (?, ?, ?, ?, ?)", error));
}

/* The sample data's own meetings (mostly series, a few of each kind of
 * account) make way, so the book has the mix above: removed with what
 * hangs on them, in the load's transaction. */
static gboolean
remove_sample_meetings (Generator  *gen,
                        GError    **error)
{
  gint64 n_meetings = lia_bench_count_rows (gen->db, "SELECT count(*) FROM meetings");
  gint64 n_series = lia_bench_count_rows (gen->db, "SELECT count(*) FROM meetings WHERE rrule IS NOT NULL");

  if (n_meetings <= 0)
    return TRUE;
  if (!lia_bench_exec (gen->db, "DELETE FROM follow_ups WHERE meeting_id IS NOT NULL;"
                                " DELETE FROM meeting_occurrences; DELETE FROM meeting_attendees;"
                                " DELETE FROM meetings", error))
    return FALSE;
  lia_bench_comment ("book: the sample data's %" G_GINT64_FORMAT " meetings (%" G_GINT64_FORMAT
                     " series) removed", n_meetings, n_series);
  return TRUE;
}

/* @n_meetings meetings, in one transaction. */
static gboolean
load_meetings (Generator  *gen,
               guint       n_meetings,
               GError    **error)
{
  gint64 start = lia_bench_now_ns ();

  if (!read_accounts (gen, error) || !read_managers (gen, error) ||
      !lia_bench_exec (gen->db, "BEGIN", error) || !remove_sample_meetings (gen, error) ||
      !prepare_inserts (gen, error))
    return FALSE;
  for (guint i = 0; i < n_meetings; i++)
    if (!add_meeting (gen, i, error))
      return FALSE;
  if (!lia_bench_exec (gen->db, "COMMIT", error))
    return FALSE;

  lia_bench_comment ("book: %u meetings over %u accounts, %u of them series expanding to %" G_GUINT64_FORMAT
                     " occurrences; %u exception rows (%u moved, %u deleted, %u minuted on their own), "
                     "%u attendees; inserted in %.1f s", n_meetings, gen->accounts->len, gen->n_series,
                     gen->n_series_occurrences, gen->n_exceptions, gen->n_moved, gen->n_deleted,
                     gen->n_minuted, gen->n_attendees, (lia_bench_now_ns () - start) / 1e9);
  return TRUE;
}

static gboolean
open_zones (Generator  *gen,
            GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (zone_mix); i++)
    {
      gen->zones[i] = g_time_zone_new_identifier (zone_mix[i].tzid);
      if (gen->zones[i] == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no time zone %s (is tzdata installed?)",
                       zone_mix[i].tzid);
          return FALSE;
        }
    }
  return TRUE;
}

/* The book at @path: accounts from the sample data (the app's own code,
 * with its migrations), then half as many meetings in bulk, on a raw
 * connection with the book closed. */
static gboolean
generate (const char    *path,
          guint          scale,
          const gint64  *now,
          GError       **error)
{
  g_autoptr(LiaBook) book = lia_bench_generate_book (path, scale, BOOK_SEED, now, error);
  g_auto(Generator) gen = { NULL };

  if (book == NULL)
    return FALSE;
  g_clear_object (&book);

  gen.rand = g_rand_new_with_seed (MEETING_SEED);
  gen.accounts = g_array_new (FALSE, FALSE, sizeof (Account));
  gen.majors = g_array_new (FALSE, FALSE, sizeof (guint));
  gen.contacts = people_new ();
  gen.managers = people_new ();

  return open_zones (&gen, error) &&
         (gen.db = lia_bench_load_open (path, error)) &&
         load_meetings (&gen, MAX (scale / 2, 1), error) &&
         lia_bench_load_finish (gen.db, error);
}

/* --- the month view -------------------------------------------------------------- */

typedef struct
{
  LiaBook               *book;
  LiaMeetingRepository  *repo;
  sqlite3               *floor;
  sqlite3_stmt          *stmt;        /* the store's range query: series */
  sqlite3_stmt          *exceptions;  /* and their exceptions */
  gint64                 from;
  gint64                 to;
  guint                  model_rows;  /* occurrences */
  guint                  floor_rows;  /* series read by the range query */
  guint                  floor_exceptions;
  guint64                exported;    /* bytes of the last export */
  char                  *export_path;
} Calendar;

/* The six-week grid a month view shows for the month @months after
 * @now's, in GRID_ZONE: from the Monday on or before the 1st, GRID_DAYS
 * days. */
static void
month_grid (gint64  now,
            int     months,
            gint64 *out_from,
            gint64 *out_to)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (GRID_ZONE);
  g_autoptr(GTimeZone) fallback = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone ? zone : fallback);
  g_autoptr(GDateTime) first_now = g_date_time_new (zone ? zone : fallback, g_date_time_get_year (local),
                                                    g_date_time_get_month (local), 1, 0, 0, 0);
  g_autoptr(GDateTime) first = g_date_time_add_months (first_now, months);
  g_autoptr(GDateTime) monday = g_date_time_add_days (first, 1 - g_date_time_get_day_of_week (first));
  g_autoptr(GDateTime) end = g_date_time_add_days (monday, GRID_DAYS);

  *out_from = g_date_time_to_unix (monday);
  *out_to = g_date_time_to_unix (end);
}

/* What the month view does on every change of month or book. */
static gboolean
model_month (gpointer data)
{
  Calendar *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) occurrences = lia_meeting_repository_list_range (self->repo, self->from, self->to,
                                                                          0, FALSE, &error);

  if (occurrences == NULL)
    {
      lia_bench_comment ("month: %s", error ? error->message : "no list");
      return FALSE;
    }
  self->model_rows = g_list_model_get_n_items (occurrences);
  return TRUE;
}

/* The same two statements as the model, every column read, nothing
 * expanded. */
static gboolean
floor_month (gpointer data)
{
  Calendar *self = data;

  return lia_bench_drain (self->stmt, &self->floor_rows) &&
         lia_bench_drain (self->exceptions, &self->floor_exceptions);
}

/* A parameter the statement lacks has index 0: a harmless SQLITE_RANGE. */
static void
bind_range (sqlite3_stmt *stmt,
            gint64        from,
            gint64        to)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to);
}

/* The store's own two range queries, lia_meeting_store_range() and
 * lia_meeting_store_range_exceptions(), as they are. */
static gboolean
prepare_floor (Calendar *self)
{
  if (sqlite3_prepare_v2 (self->floor, lia_meeting_store_range_sql (), -1, &self->stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->floor, lia_meeting_store_range_exceptions_sql (), -1, &self->exceptions,
                          NULL) != SQLITE_OK)
    {
      lia_bench_comment ("month: cannot prepare the store's SQL: %s", sqlite3_errmsg (self->floor));
      return FALSE;
    }
  bind_range (self->stmt, self->from, self->to);
  bind_range (self->exceptions, self->from, self->to);
  return TRUE;
}

static int
column_named (sqlite3_stmt *stmt,
              const char   *name)
{
  for (int col = 0; col < sqlite3_column_count (stmt); col++)
    if (g_strcmp0 (sqlite3_column_name (stmt, col), name) == 0)
      return col;
  return -1;
}

/* libical alone: the floor's series expanded over the grid, without the
 * exceptions, objects or list around them. */
static void
time_expansion (Calendar *self)
{
  int rrule = column_named (self->stmt, "rrule");
  int starts = column_named (self->stmt, "starts_at");
  int tzid = column_named (self->stmt, "tzid");
  guint n_series = 0, n_single = 0, n_occurrences = 0;
  gint64 start;

  if (rrule < 0 || starts < 0 || tzid < 0)
    {
      lia_bench_comment ("month: the range query has no rrule, starts_at or tzid column");
      return;
    }

  start = lia_bench_now_ns ();
  while (sqlite3_step (self->stmt) == SQLITE_ROW)
    {
      const char *rule = (const char *)sqlite3_column_text (self->stmt, rrule);
      g_autoptr(GArray) occurrences = NULL;

      if (rule == NULL)
        {
          n_single++;
          continue;
        }
      occurrences = lia_recurrence_expand (rule, sqlite3_column_int64 (self->stmt, starts),
                                           (const char *)sqlite3_column_text (self->stmt, tzid),
                                           self->from, self->to);
      n_series++;
      n_occurrences += occurrences ? occurrences->len : 0;
    }
  sqlite3_reset (self->stmt);

  lia_bench_comment ("month: reading the range query and expanding its %u series with "
                     "lia_recurrence_expand() alone took %.2f ms "
                     "(%u occurrences; %u single meetings)",
                     n_series, (lia_bench_now_ns () - start) / 1e6, n_occurrences, n_single);
}

static gboolean
measure_month (Calendar *self)
{
  g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (self->from);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (self->to);
  g_autofree char *from_text = g_date_time_format_iso8601 (from);
  g_autofree char *to_text = g_date_time_format_iso8601 (to);
  double median, p95, floor, first;
  gint64 start = lia_bench_now_ns ();

  /* The first draw finds a cold page cache. */
  if (!model_month (self))
    return FALSE;
  first = (lia_bench_now_ns () - start) / 1e6;
  if (!prepare_floor (self) ||
      !lia_bench_time_pair (model_month, floor_month, self, WARM_UPS, RUNS, model_ms, floor_ms))
    return FALSE;

  median = lia_bench_median (model_ms);
  p95 = lia_bench_percentile (model_ms, 95);
  floor = lia_bench_median (floor_ms);
  lia_bench_figure (AREA, "month_ms", median, "ms");
  lia_bench_figure (AREA, "month_p95_ms", p95, "ms");
  lia_bench_figure (AREA, "month_sqlite_ms", floor, "ms");
  lia_bench_figure (AREA, "month_vs_sqlite", median / floor, "x");
  lia_bench_figure (AREA, "month_first_ms", first, "ms");
  lia_bench_comment ("month: %s to %s (%d days, " GRID_ZONE "): %u occurrences from the %u series and "
                     "%u exception rows the store's two range queries read. Drawn again: median of %u "
                     "runs after %u warm-ups with the bare sqlite3 floor in turns, %.2f ms, p95 %.2f ms, "
                     "%.2f× the bare queries (which expand nothing); the first draw, on a cold page "
                     "cache: %.2f ms",
                     from_text, to_text, GRID_DAYS, self->model_rows, self->floor_rows,
                     self->floor_exceptions, RUNS, WARM_UPS, median, p95, median / floor, first);
  lia_bench_comment ("month: p95 %.2f ms, target < %.0f ms: %s", p95, TARGET_MONTH_MS,
                     p95 < TARGET_MONTH_MS ? "met" : "MISSED");
  lia_bench_comment ("month: first draw %.2f ms, target < %.0f ms: %s", first, TARGET_MONTH_MS,
                     first < TARGET_MONTH_MS ? "met" : "MISSED");
  time_expansion (self);
  return TRUE;
}

/* Paging on through the PAGED_MONTHS months after, each drawn once, as
 * someone looking ahead does: each grid new, sharing some expansions
 * with the one before. */
static gboolean
measure_paging (Calendar *self)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_occurrences = 0;
  double p95;

  for (int month = 1; month <= PAGED_MONTHS; month++)
    {
      gint64 start;
      double one;

      month_grid (BOOK_NOW, month, &self->from, &self->to);
      start = lia_bench_now_ns ();
      if (!model_month (self))
        return FALSE;
      one = (lia_bench_now_ns () - start) / 1e6;
      g_array_append_val (ms, one);
      n_occurrences += self->model_rows;
    }

  p95 = lia_bench_percentile (ms, 95);
  lia_bench_figure (AREA, "month_next_p95_ms", p95, "ms");
  lia_bench_comment ("month: paging through the next %d months, %u occurrences a month on average: "
                     "median %.2f ms, p95 %.2f ms; target < %.0f ms: %s", PAGED_MONTHS,
                     n_occurrences / PAGED_MONTHS, lia_bench_median (ms), p95, TARGET_MONTH_MS,
                     p95 < TARGET_MONTH_MS ? "met" : "MISSED");
  return TRUE;
}

/* --- the iCalendar export --------------------------------------------------------- */

/* An output stream that keeps nothing and counts what it was given, so
 * the export is timed without a disk or a growing buffer under it. */
#define LIA_BENCH_TYPE_NULL_STREAM (lia_bench_null_stream_get_type ())
G_DECLARE_FINAL_TYPE (LiaBenchNullStream, lia_bench_null_stream, LIA_BENCH, NULL_STREAM, GOutputStream)

struct _LiaBenchNullStream
{
  GOutputStream  parent_instance;
  guint64        written;
};

G_DEFINE_FINAL_TYPE (LiaBenchNullStream, lia_bench_null_stream, G_TYPE_OUTPUT_STREAM)

static gssize
lia_bench_null_stream_write_fn (GOutputStream  *stream,
                                const void     *buffer,
                                gsize           count,
                                GCancellable   *cancellable,
                                GError        **error)
{
  LIA_BENCH_NULL_STREAM (stream)->written += count;
  return count;
}

static void
lia_bench_null_stream_class_init (LiaBenchNullStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = lia_bench_null_stream_write_fn;
}

static void
lia_bench_null_stream_init (LiaBenchNullStream *self)
{
}

static gboolean
export_all (gpointer data)
{
  Calendar *self = data;
  g_autoptr(LiaBenchNullStream) stream = g_object_new (LIA_BENCH_TYPE_NULL_STREAM, NULL);
  g_autoptr(GError) error = NULL;

  if (!lia_ics_export (self->book, 0, 0, G_OUTPUT_STREAM (stream), NULL, &error))
    {
      lia_bench_comment ("export: %s", error->message);
      return FALSE;
    }
  self->exported = stream->written;
  return TRUE;
}

/* Lines starting with @name in @ics. */
static guint
count_lines (const char *ics,
             const char *name)
{
  g_autofree char *needle = g_strconcat ("\n", name, NULL);
  guint n = g_str_has_prefix (ics, name);

  for (const char *at = ics; (at = strstr (at, needle)) != NULL; at += strlen (needle))
    n++;
  return n;
}

/* VEVENTs in @ics with a line starting with @name (VTIMEZONEs have
 * RRULEs of their own). */
static guint
count_events_with (const char *ics,
                   const char *name)
{
  g_autofree char *needle = g_strconcat ("\n", name, NULL);
  guint n = 0;

  for (const char *at = ics; (at = strstr (at, "BEGIN:VEVENT")) != NULL;)
    {
      const char *end = strstr (at, "END:VEVENT");

      if (end == NULL)
        break;
      n += g_strstr_len (at, end - at, needle) != NULL;
      at = end;
    }
  return n;
}

/* One export to a file, as the app's Export does: its size, and what is
 * in it. */
static gboolean
export_file (Calendar *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->export_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  gsize length = 0;
  gint64 start = lia_bench_now_ns ();
  double ms;

  if (!lia_ics_export_file (self->book, 0, 0, file, &error) ||
      !g_file_get_contents (self->export_path, &ics, &length, &error))
    {
      lia_bench_comment ("export to a file: %s", error->message);
      return FALSE;
    }
  ms = (lia_bench_now_ns () - start) / 1e6;

  lia_bench_figure (AREA, "ics_size_mb", length / 1048576.0, "MB");
  lia_bench_comment ("export to a file: %.1f ms (and reading it back), %" G_GSIZE_FORMAT " bytes: "
                     "%u VEVENTs, of them %u with RRULE and %u overrides (RECURRENCE-ID); %u EXDATE lines, "
                     "%u ATTENDEE lines, %u VTIMEZONEs", ms, length,
                     count_lines (ics, "BEGIN:VEVENT"), count_events_with (ics, "RRULE"),
                     count_lines (ics, "RECURRENCE-ID"), count_lines (ics, "EXDATE"),
                     count_lines (ics, "ATTENDEE"), count_lines (ics, "BEGIN:VTIMEZONE"));
  return TRUE;
}

static gboolean
measure_export (Calendar *self)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 start_kb, peak_kb;
  gboolean hwm;
  double median;

  malloc_trim (0);
  start_kb = lia_bench_rss_kb ();
  hwm = lia_bench_reset_peak_rss ();
  if (!lia_bench_time_pair (export_all, NULL, self, EXPORT_WARM_UPS, EXPORT_RUNS, ms, NULL))
    return FALSE;
  peak_kb = hwm ? lia_bench_peak_rss_kb () : lia_bench_rss_kb ();

  median = lia_bench_median (ms);
  lia_bench_figure (AREA, "ics_export_ms", median, "ms");
  lia_bench_figure (AREA, "ics_export_rss_mb", (MAX (peak_kb, start_kb) - start_kb) / 1024.0, "MB");
  lia_bench_comment ("export: every meeting to a stream that keeps nothing, median of %u runs after %u "
                     "warm-up (%.1f–%.1f ms), %" G_GUINT64_FORMAT " bytes a run; RSS grew %.1f MB "
                     "at the peak (%s)",
                     EXPORT_RUNS, EXPORT_WARM_UPS, g_array_index (ms, double, 0),
                     g_array_index (ms, double, ms->len - 1), self->exported,
                     (MAX (peak_kb, start_kb) - start_kb) / 1024.0,
                     hwm ? "VmHWM" : "VmRSS after the runs");
  lia_bench_comment ("export: median %.1f ms, target ≤ %.0f ms: %s", median, TARGET_EXPORT_MS,
                     median <= TARGET_EXPORT_MS ? "met" : "MISSED");
  return export_file (self);
}

static void
calendar_clear (Calendar *self)
{
  g_clear_pointer (&self->stmt, sqlite3_finalize);
  g_clear_pointer (&self->exceptions, sqlite3_finalize);
  g_clear_pointer (&self->floor, sqlite3_close);
  g_clear_object (&self->book);
  g_clear_pointer (&self->export_path, g_free);
  /* Nothing may be left for a later area's main loop. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * lia_bench_calendar_run:
 * @scale: accounts in the book; half as many meetings, so 100,000
 *   accounts make 50,000 meetings
 *
 * Returns: %FALSE when a figure could not be measured.
 */
gboolean
lia_bench_calendar_run (guint       scale,
                        const char *work_dir)
{
  static const gint64 book_now = BOOK_NOW;
  g_autofree char *dir = g_build_filename (work_dir, AREA, NULL);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(GError) error = NULL;
  Calendar self = { 0 };
  gboolean ok;

  g_mkdir_with_parents (dir, 0700);
  self.export_path = g_build_filename (dir, "all.ics", NULL);
  if (!generate (path, scale, &book_now, &error) ||
      !(self.book = lia_book_open (path, &error)) ||
      !(self.floor = lia_bench_floor_open (path, &error)))
    {
      lia_bench_comment ("cannot make the calendar book: %s", error->message);
      calendar_clear (&self);
      return FALSE;
    }
  lia_book_set_clock (self.book, lia_bench_fixed_clock, (gpointer)&book_now);
  self.repo = lia_book_get_meetings (self.book);
  month_grid (BOOK_NOW, 0, &self.from, &self.to);

  ok = measure_month (&self) && measure_paging (&self);
  ok = measure_export (&self) && ok;

  calendar_clear (&self);
  return ok;
}
