/* lia-recurrence.c — occurrences of an RRULE in the series' own time
 * zone: simple rules by date arithmetic, the rest with libical
 *
 * Times cross this file as Unix seconds; inside, they are wall-clock
 * times in the series' zone (libical's builtin zones, which on Debian
 * read the system's tzdata), so a 10:00 meeting stays at 10:00 when the
 * clocks change. libical 3.0 returns a time from
 * icaltime_from_timet_with_zone() with its fields in the zone but marked
 * UTC, which makes UNTIL compare against the wrong instant: every time
 * made here gets its zone set again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-recurrence"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "lia-enums.h"
#include "lia-meeting-private.h"
#include "lia-recurrence.h"

/* A rule giving more occurrences than this is treated as endless, and
 * an expansion stops after this many steps. */
#define MAX_STEPS 100000

/* Where a zone's clocks skip forward: from a wall time of day, for how
 * long (a day or more: a date skipped). */
typedef struct
{
  int from;
  int length;
} Gap;

/* Whether @c, an observance of a VTIMEZONE, applies after 1970: the
 * dates a rule expands are not needed before. */
static gboolean
is_recent (icalcomponent *c)
{
  icalproperty *p;

  if (icalcomponent_get_dtstart (c).year >= 1970)
    return TRUE;
  if ((p = icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY)) != NULL)
    {
      struct icalrecurrencetype rule = icalproperty_get_rrule (p);

      if (icaltime_is_null_time (rule.until) || rule.until.year >= 1970)
        return TRUE;
    }
  for (p = icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_RDATE_PROPERTY))
    if (icalproperty_get_rdate (p).time.year >= 1970)
      return TRUE;
  return FALSE;
}

static void
add_gap (GArray              *gaps,
         struct icaltimetype  at,
         int                  length)
{
  Gap gap = { at.hour * 3600 + at.minute * 60 + at.second, length };

  g_array_append_val (gaps, gap);
}

/* The gaps of @zone since 1970, from libical's VTIMEZONE: each
 * observance that puts the clocks forward, at the wall time of its
 * DTSTART and of each RDATE (an RRULE keeps DTSTART's). */
static GArray *
find_gaps (icaltimezone *zone)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (Gap));
  icalcomponent *vtimezone = icaltimezone_get_component (zone);

  for (icalcomponent *c = vtimezone ? icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT) : NULL;
       c != NULL; c = icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT))
    {
      icalproperty *from = icalcomponent_get_first_property (c, ICAL_TZOFFSETFROM_PROPERTY);
      icalproperty *to = icalcomponent_get_first_property (c, ICAL_TZOFFSETTO_PROPERTY);
      int length;

      if (from == NULL || to == NULL || !is_recent (c) ||
          (length = icalproperty_get_tzoffsetto (to) - icalproperty_get_tzoffsetfrom (from)) <= 0)
        continue;
      add_gap (gaps, icalcomponent_get_dtstart (c), length);
      for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY); p != NULL;
           p = icalcomponent_get_next_property (c, ICAL_RDATE_PROPERTY))
        add_gap (gaps, icalproperty_get_rdate (p).time, length);
    }
  return gaps;
}

/* A zone libical knows, with where its clocks skip. */
typedef struct
{
  icaltimezone *ical;
  GArray       *gaps;     /* Gap */
} Zone;

G_LOCK_DEFINE_STATIC (zones);
static GHashTable *zones;          /* tzid → Zone, of those libical knows */

/* libical looks a name up among some 600 zones one by one: the zones
 * found are kept, as libical keeps its builtin zones, for the process'
 * life; so are their gaps, read once. NULL for a zone libical does not
 * know. */
static const Zone *
zone_lookup (const char *tzid)
{
  static Zone utc = { NULL, NULL };
  icaltimezone *ical;
  Zone *zone;

  if (tzid == NULL || *tzid == '\0' || g_str_equal (tzid, "UTC"))
    {
      if (g_once_init_enter (&utc.gaps))
        {
          utc.ical = icaltimezone_get_utc_timezone ();
          g_once_init_leave (&utc.gaps, g_array_new (FALSE, FALSE, sizeof (Gap)));
        }
      return &utc;
    }

  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if ((zone = g_hash_table_lookup (zones, tzid)) == NULL &&
      (ical = icaltimezone_get_builtin_timezone (tzid)) != NULL)
    {
      zone = g_new (Zone, 1);
      zone->ical = ical;
      zone->gaps = find_gaps (ical);
      g_hash_table_insert (zones, g_strdup (tzid), zone);
    }
  G_UNLOCK (zones);
  return zone;
}

static icaltimezone *
zone_for (const char *tzid)
{
  const Zone *zone = zone_lookup (tzid);

  return zone ? zone->ical : NULL;
}

/* Whether the wall time of day of @tt falls in an hour @zone skips on
 * some date. libical's iterator keeps the time of day on a calendar
 * (ICU's) in the zone, which moves a skipped time on, and for some rules
 * keeps it moved; it also passes over dates in between, such as the 1st
 * of each month. So a series at such a time of day is libical's alone. */
static gboolean
is_ever_skipped (const Zone          *zone,
                 struct icaltimetype  tt)
{
  int time_of_day = tt.hour * 3600 + tt.minute * 60 + tt.second;

  for (guint i = 0; i < zone->gaps->len; i++)
    {
      const Gap *gap = &g_array_index (zone->gaps, Gap, i);

      if (((time_of_day - gap->from) % 86400 + 86400) % 86400 < gap->length)
        return TRUE;
    }
  return FALSE;
}

gboolean
lia_recurrence_is_known_tzid (const char *tzid)
{
  return tzid != NULL && *tzid != '\0' && zone_for (tzid) != NULL;
}

/* The local zone's IANA name when libical knows it, else "UTC". */
const char *
lia_recurrence_local_tzid (void)
{
  static char *local = NULL;

  if (g_once_init_enter (&local))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      const char *id = g_time_zone_get_identifier (tz);
      char *name;

      if (id != NULL && *id == ':')
        id++;
      name = g_strdup (lia_recurrence_is_known_tzid (id) ? id : "UTC");
      g_once_init_leave (&local, name);
    }
  return local;
}

static struct icaltimetype
local_time (gint64        unix_time,
            icaltimezone *zone)
{
  struct icaltimetype tt = icaltime_from_timet_with_zone ((time_t)unix_time, 0, zone);

  icaltime_set_timezone (&tt, zone);
  return tt;
}

#define HAS_PART(array) ((array)[0] != ICAL_RECURRENCE_ARRAY_MAX)

static gboolean
parse (const char                 *rrule,
       struct icalrecurrencetype  *out,
       GError                    **error)
{
  icalerror_clear_errno ();
  *out = icalrecurrencetype_from_string (rrule);
  if (out->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is not a repeat rule Liaison understands"), rrule);
      return FALSE;
    }
  /* Meetings repeat daily at most: an hourly rule would flood the calendar. */
  if (out->freq < ICAL_DAILY_RECURRENCE)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("Meetings can repeat at most daily, not “%s”"), rrule);
      return FALSE;
    }
  /* RFC 5545 allows days of the year and week numbers only in larger
   * periods; libical follows such rules into a crash. */
  if ((HAS_PART (out->by_year_day) && out->freq < ICAL_YEARLY_RECURRENCE) ||
      (HAS_PART (out->by_week_no) && out->freq != ICAL_YEARLY_RECURRENCE))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” combines parts a repeat rule cannot have together"), rrule);
      return FALSE;
    }
  return TRUE;
}

/* libical's jump to a date crashes on some yearly rules and leaves
 * others wrong: only daily, weekly and monthly rules by weekday or day of
 * the month jump; the rest step from the start (a yearly rule takes a
 * step a year). */
static gboolean
can_jump (const struct icalrecurrencetype *recur)
{
  return recur->count == 0 && recur->freq <= ICAL_MONTHLY_RECURRENCE &&
         !HAS_PART (recur->by_month) && !HAS_PART (recur->by_year_day) &&
         !HAS_PART (recur->by_week_no);
}

static icalrecur_iterator *
iterator_new (struct icalrecurrencetype  recur,
              gint64                     starts_at,
              icaltimezone              *zone)
{
  return icalrecur_iterator_new (recur, local_time (starts_at, zone));
}

/* The next start, or FALSE at the end of the series. */
static gboolean
next_start (icalrecur_iterator *it,
            icaltimezone       *zone,
            gint64             *out_start)
{
  struct icaltimetype next = icalrecur_iterator_next (it);

  if (icaltime_is_null_time (next))
    return FALSE;
  *out_start = (gint64)icaltime_as_timet_with_zone (next, zone);
  return TRUE;
}

/* Steps @it to its end: the last start (or @last when none is left), 0
 * when there are too many to count. */
static gint64
last_start (icalrecur_iterator *it,
            icaltimezone       *zone,
            gint64              last)
{
  gint64 start = 0;

  for (guint i = 0; i < MAX_STEPS; i++)
    {
      if (!next_start (it, zone, &start))
        return last;
      last = start;
    }
  return 0;
}

gboolean
lia_recurrence_check (const char  *rrule,
                      gint64       starts_at,
                      const char  *tzid,
                      gint64      *out_last,
                      GError     **error)
{
  struct icalrecurrencetype recur;
  icaltimezone *zone = zone_for (tzid);
  icalrecur_iterator *it;
  gint64 first = 0;

  *out_last = 0;
  if (zone == NULL)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is not a time zone Liaison knows"), tzid);
      return FALSE;
    }
  if (rrule == NULL || *rrule == '\0')
    {
      *out_last = starts_at;
      return TRUE;
    }
  if (!parse (rrule, &recur, error))
    return FALSE;

  if ((it = iterator_new (recur, starts_at, zone)) == NULL || !next_start (it, zone, &first))
    {
      g_clear_pointer (&it, icalrecur_iterator_free);
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("The repeat rule “%s” gives no meeting at all"), rrule);
      return FALSE;
    }
  if (recur.count != 0 || !icaltime_is_null_time (recur.until))
    *out_last = last_start (it, zone, first);
  icalrecur_iterator_free (it);
  return TRUE;
}

/* Appends the starts in [@from, @to) to @starts, asking libical. */
static void
expand_libical (struct icalrecurrencetype  recur,
                icaltimezone              *zone,
                gint64                     starts_at,
                gint64                     from,
                gint64                     to,
                GArray                    *starts)
{
  icalrecur_iterator *it;
  gint64 start = 0;

  if ((it = iterator_new (recur, starts_at, zone)) == NULL)
    return;

  /* A refused jump (past UNTIL) leaves it at the start. */
  if (can_jump (&recur) && from > starts_at)
    icalrecur_iterator_set_start (it, local_time (from, zone));

  for (guint i = 0; i < MAX_STEPS && next_start (it, zone, &start) && start < to; i++)
    if (start >= from)
      g_array_append_val (starts, start);

  icalrecur_iterator_free (it);
}

/* The fast path --------------------------------------------------------
 *
 * Most rules choose nothing within a period: FREQ with INTERVAL, COUNT or
 * UNTIL, and no BY* part but those DTSTART implies (a weekly rule on the
 * start's weekday, a monthly one on its day of the month, a yearly one
 * in its month). Their occurrences are the start's wall time on every
 * INTERVAL-th day, week, month or year, so they are counted out here by
 * date arithmetic instead of starting libical's iterator (some 25 µs a
 * series, with ICU underneath: most of what a month view cost). What
 * libical decides is still libical's: each wall time becomes an instant
 * with icaltime_as_timet_with_zone() (a time a clock change repeats
 * included) and is held against UNTIL as its iterator does; a date a
 * month or year does not have (31 April, 29 February 2027) is skipped and
 * not counted (RFC 5545 3.3.10), as libical skips it. A series at a time
 * of day its zone's clocks ever skip (is_ever_skipped()) and every other
 * rule go to libical; test-meetings.c compares both over many rules and
 * zones. */

/* libical returns nothing after this year (MAX_TIME_T_YEAR). */
#define LAST_YEAR 2582

/* What the fast path needs of a rule, parsed once and kept by its text:
 * a calendar expands the same rules at every draw, and parsing one took
 * a third of its expansion. */
typedef struct
{
  gboolean                     valid;      /* parse() takes it */
  gboolean                     steps;      /* a period at a time, nothing but DTSTART's chosen */
  gboolean                     jumps;      /* can_jump() */
  icalrecurrencetype_frequency freq;
  int                          interval;
  int                          count;
  struct icaltimetype          until;
  gboolean                     until_utc;  /* a UTC date-time, compared as an instant */
  gint64                       until_at;
  short                        by_day;     /* the one value of each, 0 for none */
  short                        by_month_day;
  short                        by_month;
} Rule;

/* The one value of @part in @out; FALSE for more. */
static gboolean
one_value (const short *part,
           short       *out)
{
  *out = HAS_PART (part) ? part[0] : 0;
  return !HAS_PART (part) || part[1] == ICAL_RECURRENCE_ARRAY_MAX;
}

static void
rule_init (Rule                            *rule,
           const struct icalrecurrencetype *r)
{
  rule->valid = TRUE;
  rule->jumps = can_jump (r);
  rule->freq = r->freq;
  rule->interval = r->interval;
  rule->count = r->count;
  rule->until = r->until;
  rule->until_utc = !icaltime_is_null_time (r->until) && !r->until.is_date && icaltime_is_utc (r->until);
  rule->until_at = rule->until_utc ? (gint64)icaltime_as_timet (r->until) : 0;
  rule->steps = r->freq >= ICAL_DAILY_RECURRENCE && r->freq <= ICAL_YEARLY_RECURRENCE &&
                r->rscale == NULL && r->skip == ICAL_SKIP_OMIT && r->interval >= 1 && r->count >= 0 &&
                !HAS_PART (r->by_second) && !HAS_PART (r->by_minute) && !HAS_PART (r->by_hour) &&
                !HAS_PART (r->by_year_day) && !HAS_PART (r->by_week_no) && !HAS_PART (r->by_set_pos);
  rule->steps &= one_value (r->by_day, &rule->by_day);
  rule->steps &= one_value (r->by_month_day, &rule->by_month_day);
  rule->steps &= one_value (r->by_month, &rule->by_month);
}

#define MAX_RULES 8192              /* then the rules kept start over */

G_LOCK_DEFINE_STATIC (rules);
static GHashTable *rules;          /* text → Rule */

/* @rrule parsed, as kept or now; not valid when parse() refuses it. */
static Rule
rule_for (const char *rrule)
{
  struct icalrecurrencetype recur;
  Rule rule = { FALSE, }, *kept = NULL;

  G_LOCK (rules);
  if (rules != NULL && (kept = g_hash_table_lookup (rules, rrule)) != NULL)
    rule = *kept;
  G_UNLOCK (rules);
  if (kept != NULL)
    return rule;

  if (parse (rrule, &recur, NULL))
    rule_init (&rule, &recur);
  G_LOCK (rules);
  if (rules == NULL || g_hash_table_size (rules) >= MAX_RULES)
    {
      g_clear_pointer (&rules, g_hash_table_unref);
      rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }
  g_hash_table_replace (rules, g_strdup (rrule), g_memdup2 (&rule, sizeof rule));
  G_UNLOCK (rules);
  return rule;
}

/* Whether @rule steps whole periods from @start with nothing chosen in
 * them: a BYDAY, BYMONTHDAY or BYMONTH only as DTSTART implies it. */
static gboolean
is_simple (const Rule          *rule,
           const Zone          *zone,
           struct icaltimetype  start)
{
  if (!rule->steps || start.is_date || start.year < 1970 || start.year > LAST_YEAR)
    return FALSE;
  /* A weekday of 1 (Sunday) to 7 has no position: "TU", not "2TU". */
  if (rule->by_day != 0 &&
      (rule->freq != ICAL_WEEKLY_RECURRENCE || rule->by_day != icaltime_day_of_week (start)))
    return FALSE;
  if (rule->by_month_day != 0 &&
      (rule->freq < ICAL_MONTHLY_RECURRENCE || rule->by_month_day != start.day))
    return FALSE;
  if (rule->by_month != 0 &&
      (rule->freq != ICAL_YEARLY_RECURRENCE || rule->by_month != start.month))
    return FALSE;
  return !is_ever_skipped (zone, start);
}

/* Days since 1970-01-01 of a proleptic Gregorian date and back (H.
 * Hinnant's days_from_civil and civil_from_days). */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
lia_recurrence_date_from_days (gint64  days,
                               int    *year,
                               int    *month,
                               int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;

  *day = (int)(doy - (153 * mp + 2) / 5 + 1);
  *month = (int)(mp < 10 ? mp + 3 : mp - 9);
  *year = (int)(yoe + era * 400 + (*month <= 2));
}

/* A simple rule walked from its start: occurrence k is the start moved
 * by k steps of days or months. */
typedef struct
{
  struct icaltimetype start;      /* in the zone, as libical's iterator has it */
  gint64              start_day;  /* or month: year * 12 + month - 1 */
  gint64              step;
  gboolean            by_month;
} Walk;

static void
walk_init (Walk                *w,
           const Rule          *r,
           struct icaltimetype  start)
{
  w->start = start;
  w->by_month = r->freq >= ICAL_MONTHLY_RECURRENCE;
  w->step = (gint64)r->interval * (r->freq == ICAL_WEEKLY_RECURRENCE ? 7 :
                                   r->freq == ICAL_YEARLY_RECURRENCE ? 12 : 1);
  w->start_day = w->by_month ? (gint64)start.year * 12 + start.month - 1
                             : days_from_civil (start.year, start.month, start.day);
}

/* Where to start walking for occurrences from @time: a step before the
 * day (or month) of @time in UTC less a day, which is not after the day
 * it is anywhere (offsets are less than a day). */
static gint64
first_step (const Walk *w,
            gint64      time)
{
  /* After LAST_YEAR nothing is found: no further than that is needed. */
  gint64 day = MIN (time / 86400, days_from_civil (LAST_YEAR + 1, 1, 1)) - 1;
  gint64 position = day;

  if (w->by_month)
    {
      int year, month, unused;

      lia_recurrence_date_from_days (day, &year, &month, &unused);
      position = (gint64)year * 12 + month - 1;
    }
  return MAX (0, (position - 1 - w->start_day) / w->step);
}

/* Occurrence @k on the wall clock; FALSE for a date that does not exist. */
static gboolean
walk_nth (const Walk          *w,
          gint64               k,
          struct icaltimetype *out)
{
  gint64 position = w->start_day + k * w->step;

  *out = w->start;
  if (!w->by_month)
    {
      lia_recurrence_date_from_days (position, &out->year, &out->month, &out->day);
      return TRUE;
    }
  out->year = (int)(position / 12);
  out->month = (int)(position % 12) + 1;
  return w->start.day <= icaltime_days_in_month (out->month, out->year);
}

/* Whether @tt, made instant @time, reads the same on the zone's clock:
 * not when a clock change skips it. */
static gboolean
is_on_clock (struct icaltimetype  tt,
             gint64               time,
             icaltimezone        *zone)
{
  struct icaltimetype back = local_time (time, zone);

  return back.day == tt.day && back.hour == tt.hour && back.minute == tt.minute &&
         back.second == tt.second;
}

/* Appends the starts of a simple rule in [@from, @to), @from not before
 * the start, to @starts, with expand_libical()'s limits: at most
 * MAX_STEPS occurrences counted from the start, or from @from where
 * libical jumps there. FALSE, with nothing appended, when an occurrence
 * falls in an hour a clock change skips:
 * libical's calendar moves it (RFC 5545 3.3.5: by the offset before the
 * change), and a daily or weekly walk stays moved, so those go to
 * libical. Such a walk counted from the start is checked from there. */
static gboolean
expand_simple (const Rule          *r,
               struct icaltimetype  start,
               icaltimezone        *zone,
               gint64               starts_at,
               gint64               from,
               gint64               to,
               GArray              *starts)
{
  guint before = starts->len;
  gboolean numbered = !r->jumps || from <= starts_at;
  gboolean has_until = !icaltime_is_null_time (r->until);
  /* Where a day can be missing, only a count from the start numbers them. */
  gboolean skips = start.day > 28 && r->freq >= ICAL_MONTHLY_RECURRENCE;
  gboolean from_start = (skips && (numbered || r->count != 0)) ||
                        (r->count != 0 && r->freq < ICAL_MONTHLY_RECURRENCE);
  struct icaltimetype tt;
  gint64 k = 0, n = 0;
  guint emitted = 0;
  Walk w;

  walk_init (&w, r, start);
  if (!from_start)
    k = n = first_step (&w, from);

  for (;; k++)
    {
      gboolean exists = walk_nth (&w, k, &tt);
      gint64 time;

      if (tt.year > LAST_YEAR)
        break;
      if (!exists)
        continue;
      if ((r->count != 0 && n >= r->count) || (numbered && n >= MAX_STEPS))
        break;
      time = (gint64)icaltime_as_timet_with_zone (tt, zone);
      /* As libical's icaltime_compare(), which for a UTC UNTIL compares
       * the instants. */
      if (has_until && (r->until_utc ? time > r->until_at : icaltime_compare (tt, r->until) > 0))
        break;
      n++;
      if (!is_on_clock (tt, time, zone))
        {
          g_array_set_size (starts, before);
          return FALSE;
        }
      if (time >= to)
        break;
      if (time < from)
        continue;
      g_array_append_val (starts, time);
      if (!numbered && ++emitted >= MAX_STEPS)
        break;
    }
  return TRUE;
}

/* Appends the starts in [@from, @to): by date arithmetic for a simple
 * rule, else from libical. */
static void
expand_rule (const char *rrule,
             gint64      starts_at,
             const char *tzid,
             gint64      from,
             gint64      to,
             gboolean    fast,
             GArray     *starts)
{
  struct icalrecurrencetype recur;
  const Zone *zone = zone_lookup (tzid);
  struct icaltimetype start;
  Rule rule;

  if (zone == NULL || !(rule = rule_for (rrule)).valid)
    {
      g_debug ("Cannot expand “%s” in “%s”", rrule, tzid);
      return;
    }
  start = local_time (starts_at, zone->ical);
  if (fast && from < to && is_simple (&rule, zone, start) &&
      expand_simple (&rule, start, zone->ical, starts_at, from, to, starts))
    return;
  if (parse (rrule, &recur, NULL))
    expand_libical (recur, zone->ical, starts_at, from, to, starts);
}

static void
expand (const char *rrule,
        gint64      starts_at,
        const char *tzid,
        gint64      from,
        gint64      to,
        gboolean    fast,
        GArray     *starts)
{
  if (rrule == NULL || *rrule == '\0')
    {
      if (starts_at >= from && starts_at < to)
        g_array_append_val (starts, starts_at);
      return;
    }

  /* Nothing comes before the series' start. */
  expand_rule (rrule, starts_at, tzid, MAX (from, starts_at), to, fast, starts);
}

static GArray *
expand_new (const char *rrule,
            gint64      starts_at,
            const char *tzid,
            gint64      from,
            gint64      to,
            gboolean    fast)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));

  expand (rrule, starts_at, tzid, from, to, fast, starts);
  return starts;
}

GArray *
lia_recurrence_expand (const char *rrule,
                       gint64      starts_at,
                       const char *tzid,
                       gint64      from,
                       gint64      to)
{
  return expand_new (rrule, starts_at, tzid, from, to, TRUE);
}

void
lia_recurrence_expand_into (const char *rrule,
                            gint64      starts_at,
                            const char *tzid,
                            gint64      from,
                            gint64      to,
                            GArray     *starts)
{
  g_return_if_fail (starts != NULL);

  expand (rrule, starts_at, tzid, from, to, TRUE, starts);
}

GArray *
lia_recurrence_expand_libical (const char *rrule,
                               gint64      starts_at,
                               const char *tzid,
                               gint64      from,
                               gint64      to)
{
  return expand_new (rrule, starts_at, tzid, from, to, FALSE);
}

/* @rule's text, in libical's spelling. */
static char *
rule_to_string (struct icalrecurrencetype *recur)
{
  char *text = icalrecurrencetype_as_string_r (recur);
  char *copy = g_strdup (text);

  icalmemory_free_buffer (text);
  return copy;
}

static struct icaltimetype
utc_time (gint64 unix_time)
{
  return local_time (unix_time, icaltimezone_get_utc_timezone ());
}

/* UNTIL as an instant: a floating or all-day one is in the series' zone. */
static gint64
until_instant (struct icaltimetype  until,
               icaltimezone        *zone)
{
  if (until.zone != NULL)
    zone = (icaltimezone *)until.zone;
  return (gint64)icaltime_as_timet_with_zone (until, zone);
}

/* @rrule parsed for rewriting, and its zone (UTC for an unknown one). */
static gboolean
parse_in_zone (const char                 *rrule,
               const char                 *tzid,
               struct icalrecurrencetype  *out_recur,
               icaltimezone              **out_zone)
{
  *out_zone = zone_for (tzid);
  if (*out_zone == NULL)
    *out_zone = icaltimezone_get_utc_timezone ();
  return rrule != NULL && parse (rrule, out_recur, NULL);
}

char *
lia_recurrence_end_before (const char *rrule,
                           gint64      before,
                           const char *tzid)
{
  struct icalrecurrencetype recur;
  icaltimezone *zone;

  if (!parse_in_zone (rrule, tzid, &recur, &zone))
    return NULL;

  if (icaltime_is_null_time (recur.until) || until_instant (recur.until, zone) >= before)
    recur.until = utc_time (before - 1);
  recur.count = 0;
  return rule_to_string (&recur);
}

/* Wall-clock seconds: @unix_time's fields in @zone read as if UTC. */
static gint64
wall (gint64        unix_time,
      icaltimezone *zone)
{
  return (gint64)icaltime_as_timet (local_time (unix_time, zone));
}

static gint64
from_wall (gint64        wall_time,
           icaltimezone *zone)
{
  struct icaltimetype tt = utc_time (wall_time);

  icaltime_set_timezone (&tt, zone);
  return (gint64)icaltime_as_timet_with_zone (tt, zone);
}

gint64
lia_recurrence_shift (gint64      time,
                      const char *tzid,
                      gint64      old_ref,
                      gint64      new_ref)
{
  icaltimezone *zone = zone_for (tzid);

  if (old_ref == new_ref)
    return time;
  if (zone == NULL)
    return time + (new_ref - old_ref);
  return from_wall (wall (time, zone) + wall (new_ref, zone) - wall (old_ref, zone), zone);
}

char *
lia_recurrence_continue (const char *rrule,
                         gint64      starts_at,
                         const char *tzid,
                         gint64      from,
                         gint64      new_start)
{
  struct icalrecurrencetype recur;
  icaltimezone *zone;

  if (!parse_in_zone (rrule, tzid, &recur, &zone))
    return NULL;

  if (recur.count != 0 && from > starts_at)
    {
      g_autoptr(GArray) before = lia_recurrence_expand (rrule, starts_at, tzid, starts_at, from);

      recur.count = MAX (1, recur.count - (int)before->len);
    }
  if (!icaltime_is_null_time (recur.until))
    recur.until = utc_time (lia_recurrence_shift (until_instant (recur.until, zone), tzid,
                                                  from, new_start));
  return rule_to_string (&recur);
}
