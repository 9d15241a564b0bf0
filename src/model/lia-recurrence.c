/* lia-recurrence.c — occurrences of an RRULE, expanded with libical in
 * the series' own time zone
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

static icaltimezone *
zone_for (const char *tzid)
{
  if (tzid == NULL || *tzid == '\0' || g_str_equal (tzid, "UTC"))
    return icaltimezone_get_utc_timezone ();
  return icaltimezone_get_builtin_timezone (tzid);
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

/* The starts in [@from, @to), asking libical. */
static GArray *
expand_direct (const char *rrule,
               gint64      starts_at,
               const char *tzid,
               gint64      from,
               gint64      to)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  struct icalrecurrencetype recur;
  icaltimezone *zone = zone_for (tzid);
  icalrecur_iterator *it;
  gint64 start = 0;

  if (zone == NULL || !parse (rrule, &recur, NULL) ||
      (it = iterator_new (recur, starts_at, zone)) == NULL)
    {
      g_debug ("Cannot expand “%s” in “%s”", rrule, tzid);
      return starts;
    }

  /* A refused jump (past UNTIL) leaves it at the start. */
  if (can_jump (&recur) && from > starts_at)
    icalrecur_iterator_set_start (it, local_time (from, zone));

  for (guint i = 0; i < MAX_STEPS && next_start (it, zone, &start) && start < to; i++)
    if (start >= from)
      g_array_append_val (starts, start);

  icalrecur_iterator_free (it);
  return starts;
}

/* Expansions are remembered. libical (with ICU underneath) takes some
 * 25 µs to start a series, which a month of 10,000 series would repeat
 * every time the calendar is drawn. A series' occurrences depend on its
 * rule, start and zone alone, so those make the key and an entry never
 * goes stale; ranges are cut into fixed blocks of about seven weeks. */
#define BLOCK            (G_GINT64_CONSTANT (1) << 22)
#define MAX_BLOCKS       4         /* wider ranges go to libical directly */
#define MAX_CACHED       100000    /* then the cache starts over */

G_LOCK_DEFINE_STATIC (cache);
static GHashTable *cache;          /* "rule\nstart\nzone\nblock" → GArray */

static gint64
block_of (gint64 time)
{
  return time >= 0 ? time / BLOCK : -((-time + BLOCK - 1) / BLOCK);
}

static char *
cache_key (const char *rrule,
           gint64      starts_at,
           const char *tzid,
           gint64      block)
{
  return g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%s\n%" G_GINT64_FORMAT,
                          rrule, starts_at, tzid ? tzid : "", block);
}

/* Blocks @first…@last of the series, from the cache or from one run of
 * libical over those missing; appends their starts in [@from, @to). */
static void
expand_blocks (const char *rrule,
               gint64      starts_at,
               const char *tzid,
               gint64      first,
               gint64      last,
               gint64      from,
               gint64      to,
               GArray     *out)
{
  GArray *blocks[MAX_BLOCKS] = { NULL, };
  gint64 missing_from = G_MAXINT64, missing_to = G_MININT64;
  guint n = (guint)(last - first + 1);

  G_LOCK (cache);
  if (cache == NULL || g_hash_table_size (cache) > MAX_CACHED)
    {
      g_clear_pointer (&cache, g_hash_table_unref);
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = cache_key (rrule, starts_at, tzid, first + i);

      if ((blocks[i] = g_hash_table_lookup (cache, key)) != NULL)
        g_array_ref (blocks[i]);
      else
        {
          missing_from = MIN (missing_from, (first + i) * BLOCK);
          missing_to = MAX (missing_to, (first + i + 1) * BLOCK);
        }
    }
  G_UNLOCK (cache);

  if (missing_from < missing_to)
    {
      g_autoptr(GArray) found = expand_direct (rrule, starts_at, tzid, missing_from, missing_to);
      guint k = 0;

      G_LOCK (cache);
      for (guint i = 0; i < n; i++)
        {
          gint64 end = (first + i + 1) * BLOCK;

          if (blocks[i] != NULL)
            {
              /* Already known: step over its part of the run. */
              for (; k < found->len && g_array_index (found, gint64, k) < end; k++)
                ;
              continue;
            }
          blocks[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
          for (; k < found->len && g_array_index (found, gint64, k) < end; k++)
            g_array_append_val (blocks[i], g_array_index (found, gint64, k));
          g_hash_table_replace (cache, cache_key (rrule, starts_at, tzid, first + i),
                                g_array_ref (blocks[i]));
        }
      G_UNLOCK (cache);
    }

  for (guint i = 0; i < n; i++)
    {
      for (guint j = 0; j < blocks[i]->len; j++)
        {
          gint64 start = g_array_index (blocks[i], gint64, j);

          if (start >= from && start < to)
            g_array_append_val (out, start);
        }
      g_array_unref (blocks[i]);
    }
}

GArray *
lia_recurrence_expand (const char *rrule,
                       gint64      starts_at,
                       const char *tzid,
                       gint64      from,
                       gint64      to)
{
  GArray *starts;
  gint64 first, last;

  if (rrule == NULL || *rrule == '\0')
    {
      starts = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (starts_at >= from && starts_at < to)
        g_array_append_val (starts, starts_at);
      return starts;
    }

  /* Nothing comes before the series' start. */
  from = MAX (from, starts_at);
  if (from >= to || (last = block_of (to - 1)) - (first = block_of (from)) >= MAX_BLOCKS)
    return expand_direct (rrule, starts_at, tzid, from, MAX (from, to));

  starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  expand_blocks (rrule, starts_at, tzid, first, last, from, to, starts);
  return starts;
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
