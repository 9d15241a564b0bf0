/* lia-business-calendar.c — opening hours and holidays in a time zone
 *
 * A ref-counted boxed type, not a GObject: a calendar is a value with no
 * properties to watch and no signals, built once (usually by
 * lia_business_calendar_parse()) and then shared read-only by every SLA
 * computation, possibly from a thread that loads a page of events.
 * Atomic references make that sharing cheap and safe; do not add
 * openings or holidays once a calendar is shared.
 *
 * What business time means here:
 * - Opening hours are wall-clock intervals [open, close) per weekday, in
 *   minutes from 00:00 to 24:00. A calendar without any is open around
 *   the clock. Holidays close whole local days, also around the clock.
 * - Business time is the real number of seconds between the instants of
 *   a day's open and close wall times. A daylight-saving change inside
 *   opening hours makes that day an hour shorter (spring) or longer
 *   (autumn). A wall time skipped in spring means the instant the clocks
 *   jump; one that occurs twice in autumn means its second (standard
 *   time) occurrence. Both are g_date_time_new()'s rules.
 * - The work walks local days, O(days in the span), and makes instants
 *   only for open days. A year is a few hundred days; that is cheap
 *   enough, and simpler than skipping weeks around holidays and DST.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-business-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-business-calendar.h"
#include "lia-enums.h"

#define MINUTES_PER_DAY 1440

/* GDateTime covers the years 1–9999; keep two days of margin so that the
 * local day of any instant in range, and the day after it, exist. */
#define FIRST_INSTANT (G_GINT64_CONSTANT (-62135596800) + 2 * 86400)
#define LAST_INSTANT  (G_GINT64_CONSTANT (253402300800) - 2 * 86400)

typedef struct
{
  guint16 open;   /* minutes after local midnight */
  guint16 close;  /* up to MINUTES_PER_DAY (24:00) */
} Opening;

typedef struct
{
  gint64 open;    /* Unix seconds */
  gint64 close;
} Span;

struct _LiaBusinessCalendar
{
  gatomicrefcount  ref_count;
  GTimeZone       *tz;
  GArray          *openings[7];  /* of Opening, sorted; 0 is Monday */
  GArray          *holidays;     /* of guint32 Julian days, sorted, unique */
  gboolean         has_openings;
};

G_DEFINE_BOXED_TYPE (LiaBusinessCalendar, lia_business_calendar,
                     lia_business_calendar_ref, lia_business_calendar_unref)

static const Opening all_day = { 0, MINUTES_PER_DAY };

static const char * const day_keys[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static const char * const day_names[7] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

/* A calendar open around the clock in @tz, until openings are added. */
LiaBusinessCalendar *
lia_business_calendar_new (GTimeZone *tz)
{
  LiaBusinessCalendar *self;

  g_return_val_if_fail (tz != NULL, NULL);

  self = g_new0 (LiaBusinessCalendar, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->tz = g_time_zone_ref (tz);
  for (guint i = 0; i < 7; i++)
    self->openings[i] = g_array_new (FALSE, FALSE, sizeof (Opening));
  self->holidays = g_array_new (FALSE, FALSE, sizeof (guint32));
  return self;
}

LiaBusinessCalendar *
lia_business_calendar_ref (LiaBusinessCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lia_business_calendar_unref (LiaBusinessCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_time_zone_unref (self->tz);
  for (guint i = 0; i < 7; i++)
    g_array_unref (self->openings[i]);
  g_array_unref (self->holidays);
  g_free (self);
}

GTimeZone *
lia_business_calendar_get_timezone (LiaBusinessCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tz;
}

/* TRUE when no opening hours are set; holidays still close whole days. */
gboolean
lia_business_calendar_is_around_the_clock (LiaBusinessCalendar *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !self->has_openings;
}

/* --- building --- */

static void
format_minute (guint  minute,
               char   buf[6])
{
  g_snprintf (buf, 6, "%02u:%02u", minute / 60, minute % 60);
}

static char *
format_opening (guint open,
                guint close)
{
  char a[6], b[6];

  format_minute (open, a);
  format_minute (close, b);
  return g_strdup_printf ("%s-%s", a, b);
}

static gboolean
check_opening (GArray  *list,
               guint    weekday_index,
               guint    open,
               guint    close,
               GError **error)
{
  g_autofree char *text = format_opening (open, close);

  if (close > MINUTES_PER_DAY || close <= open)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("Opening hours %s must end after they start and by 24:00"), text);
      return FALSE;
    }

  for (guint i = 0; i < list->len; i++)
    {
      const Opening *o = &g_array_index (list, Opening, i);

      if (open < o->close && o->open < close)
        {
          g_autofree char *other = format_opening (o->open, o->close);

          g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                       _("Opening hours %s and %s overlap on %s"),
                       other, text, _(day_names[weekday_index]));
          return FALSE;
        }
    }

  return TRUE;
}

/* Opens on every @weekday from @open_minute to @close_minute after local
 * midnight (1440 is 24:00). Intervals of one day must not overlap; ones
 * that touch (08:00-12:00, 12:00-18:00) are fine. */
gboolean
lia_business_calendar_add_opening (LiaBusinessCalendar  *self,
                                   GDateWeekday          weekday,
                                   guint                 open_minute,
                                   guint                 close_minute,
                                   GError              **error)
{
  GArray *list;
  Opening opening;
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_date_valid_weekday (weekday), FALSE);

  list = self->openings[weekday - G_DATE_MONDAY];
  if (!check_opening (list, weekday - G_DATE_MONDAY, open_minute, close_minute, error))
    return FALSE;

  opening.open = (guint16)open_minute;
  opening.close = (guint16)close_minute;
  for (i = 0; i < list->len && g_array_index (list, Opening, i).open < opening.open; i++)
    ;
  g_array_insert_val (list, i, opening);
  self->has_openings = TRUE;
  return TRUE;
}

/* Index of the first holiday on or after @jd. */
static guint
holiday_lower_bound (LiaBusinessCalendar *self,
                     guint32              jd)
{
  guint lo = 0, hi = self->holidays->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->holidays, guint32, mid) < jd)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
is_holiday (LiaBusinessCalendar *self,
            guint32              jd)
{
  guint i = holiday_lower_bound (self, jd);

  return i < self->holidays->len && g_array_index (self->holidays, guint32, i) == jd;
}

/* Closes the local day @year-@month-@day. Naming a day twice is harmless. */
gboolean
lia_business_calendar_add_holiday (LiaBusinessCalendar  *self,
                                   GDateYear             year,
                                   GDateMonth            month,
                                   GDateDay              day,
                                   GError              **error)
{
  GDate date;
  guint32 jd;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!g_date_valid_dmy (day, month, year) || year > 9999)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("%04u-%02u-%02u is not a date"), year, (guint)month, (guint)day);
      return FALSE;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  jd = g_date_get_julian (&date);
  if (!is_holiday (self, jd))
    g_array_insert_val (self->holidays, holiday_lower_bound (self, jd), jd);
  return TRUE;
}

/* --- days and instants --- */

static gboolean
is_always_open (LiaBusinessCalendar *self)
{
  return !self->has_openings && self->holidays->len == 0;
}

/* The local date of @instant, as a GDate Julian day (1 is 0001-01-01). */
static guint32
local_julian (LiaBusinessCalendar *self,
              gint64               instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);
  int year, month, day;
  GDate date;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return g_date_get_julian (&date);
}

/* The instant at which the wall clock of day @jd shows @minute (1440 is
 * the next midnight); gaps and repeats as g_date_time_new() resolves. */
static gint64
wall_instant (LiaBusinessCalendar *self,
              guint32              jd,
              guint                minute)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, jd + minute / MINUTES_PER_DAY);
  minute %= MINUTES_PER_DAY;
  dt = g_date_time_new (self->tz, g_date_get_year (&date), g_date_get_month (&date),
                        g_date_get_day (&date), (int)(minute / 60), (int)(minute % 60), 0);
  return g_date_time_to_unix (dt);
}

/* The openings of local day @jd: none on a holiday, all day without hours.
 * GDate's Julian day 1 is a Monday, as in g_date_get_weekday(). */
static const Opening *
day_openings (LiaBusinessCalendar *self,
              guint32              jd,
              guint               *n_openings)
{
  GArray *list;

  if (is_holiday (self, jd))
    {
      *n_openings = 0;
      return NULL;
    }
  if (!self->has_openings)
    {
      *n_openings = 1;
      return &all_day;
    }

  list = self->openings[(jd - 1) % 7];
  *n_openings = list->len;
  return (const Opening *)(gpointer)list->data;
}

/* Fills @spans with the open instants of local day @jd, in order. An
 * opening that lies wholly in a skipped hour is empty and left out. */
static void
day_spans (LiaBusinessCalendar *self,
           guint32              jd,
           GArray              *spans)
{
  guint n_openings;
  const Opening *openings = day_openings (self, jd, &n_openings);

  g_array_set_size (spans, 0);
  for (guint i = 0; i < n_openings; i++)
    {
      Span span;

      span.open = wall_instant (self, jd, openings[i].open);
      span.close = wall_instant (self, jd, openings[i].close);
      if (span.close > span.open)
        g_array_append_val (spans, span);
    }
}

gboolean
lia_business_calendar_is_open (LiaBusinessCalendar *self,
                               gint64               instant)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));

  g_return_val_if_fail (self != NULL, FALSE);

  instant = CLAMP (instant, FIRST_INSTANT, LAST_INSTANT);
  day_spans (self, local_julian (self, instant), spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (span->open <= instant && instant < span->close)
        return TRUE;
    }
  return FALSE;
}

/* Business seconds in [@from, @to), 0 when @to is not after @from. Days
 * before the local day of @from close by its midnight, so the walk can
 * start there and stop at the local day of @to. */
gint64
lia_business_calendar_elapsed (LiaBusinessCalendar *self,
                               gint64               from,
                               gint64               to)
{
  g_autoptr(GArray) spans = NULL;
  gint64 total = 0;
  guint32 last;

  g_return_val_if_fail (self != NULL, 0);

  from = CLAMP (from, FIRST_INSTANT, LAST_INSTANT);
  to = CLAMP (to, FIRST_INSTANT, LAST_INSTANT);
  if (to <= from)
    return 0;
  if (is_always_open (self))
    return to - from;

  spans = g_array_new (FALSE, FALSE, sizeof (Span));
  last = local_julian (self, to);
  for (guint32 jd = local_julian (self, from); jd <= last; jd++)
    {
      day_spans (self, jd, spans);
      for (guint i = 0; i < spans->len; i++)
        {
          const Span *span = &g_array_index (spans, Span, i);
          gint64 start = MAX (span->open, from);
          gint64 end = MIN (span->close, to);

          if (end > start)
            total += end - start;
        }
    }
  return total;
}

/* More business seconds than the days from @jd up to @last can hold,
 * with two hours of DST slack per opening: a cheap refusal of absurd
 * targets, which would otherwise walk every day up to the year 9999. */
static gboolean
beyond_reach (LiaBusinessCalendar *self,
              guint32              jd,
              guint32              last,
              gint64               business_seconds)
{
  gint64 weekly = 0;

  for (guint day = 0; day < 7; day++)
    {
      guint n_openings;
      const Opening *openings = self->has_openings
        ? (const Opening *)(gpointer)self->openings[day]->data : &all_day;

      n_openings = self->has_openings ? self->openings[day]->len : 1;
      for (guint i = 0; i < n_openings; i++)
        weekly += 60 * (openings[i].close - openings[i].open) + 2 * 3600;
    }

  return business_seconds / weekly > ((gint64)last - jd) / 7 + 1;
}

/* The earliest instant at which @business_seconds have elapsed since
 * @from: @from itself for 0, the close of a span when it uses the last
 * second of one. G_MAXINT64 when that lies beyond the year 9999. */
gint64
lia_business_calendar_add (LiaBusinessCalendar *self,
                           gint64               from,
                           gint64               business_seconds)
{
  g_autoptr(GArray) spans = NULL;
  guint32 first, last;

  g_return_val_if_fail (self != NULL, from);

  from = CLAMP (from, FIRST_INSTANT, LAST_INSTANT);
  if (business_seconds <= 0)
    return from;
  if (is_always_open (self))
    return business_seconds <= LAST_INSTANT - from ? from + business_seconds : G_MAXINT64;

  first = local_julian (self, from);
  last = local_julian (self, LAST_INSTANT);
  if (beyond_reach (self, first, last, business_seconds))
    return G_MAXINT64;

  spans = g_array_new (FALSE, FALSE, sizeof (Span));
  for (guint32 jd = first; jd <= last; jd++)
    {
      day_spans (self, jd, spans);
      for (guint i = 0; i < spans->len; i++)
        {
          const Span *span = &g_array_index (spans, Span, i);
          gint64 start = MAX (span->open, from);

          if (span->close <= start)
            continue;
          if (business_seconds <= span->close - start)
            return start + business_seconds;
          business_seconds -= span->close - start;
        }
    }
  return G_MAXINT64;
}

/* --- text --- */

static gboolean
set_invalid (GError     **error,
              const char  *format,
              ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
              const char  *format,
              ...)
{
  va_list args;

  va_start (args, format);
  if (error)
    *error = g_error_new_valist (LIA_ERROR, LIA_ERROR_INVALID_VALUE, format, args);
  va_end (args);
  return FALSE;
}

/* "H:MM" or "HH:MM" from 00:00 to 24:00, as minutes. */
static gboolean
parse_minute (const char  *text,
              guint       *out_minute,
              GError     **error)
{
  size_t len = strlen (text);
  size_t colon = len >= 4 ? len - 3 : 0;
  guint hour, minute;

  if (len < 4 || len > 5 || text[colon] != ':'
      || strspn (text, "0123456789") != colon
      || strspn (text + colon + 1, "0123456789") != 2)
    return set_invalid (error, _("“%s” is not a time (HH:MM, from 00:00 to 24:00)"), text);

  hour = (guint)g_ascii_strtoull (text, NULL, 10);
  minute = (guint)g_ascii_strtoull (text + colon + 1, NULL, 10);
  if (minute > 59 || hour > 24 || (hour == 24 && minute != 0))
    return set_invalid (error, _("“%s” is not a time (HH:MM, from 00:00 to 24:00)"), text);

  *out_minute = hour * 60 + minute;
  return TRUE;
}

/* "08:00-12:00,13:00-18:00" on every day from @first to @last. */
static gboolean
parse_openings (LiaBusinessCalendar  *self,
                guint                 first,
                guint                 last,
                const char           *value,
                GError              **error)
{
  g_auto(GStrv) ranges = g_strsplit (value, ",", -1);

  if (ranges[0] == NULL)
    return set_invalid (error, _("No opening hours given for %s"), _(day_names[first]));

  for (guint i = 0; ranges[i]; i++)
    {
      g_auto(GStrv) ends = g_strsplit (g_strstrip (ranges[i]), "-", -1);
      guint open, close;

      if (g_strv_length (ends) != 2)
        return set_invalid (error, _("“%s” is not a range of hours (like 08:00-18:00)"), ranges[i]);
      if (!parse_minute (g_strstrip (ends[0]), &open, error)
          || !parse_minute (g_strstrip (ends[1]), &close, error))
        return FALSE;
      for (guint day = first; day <= last; day++)
        if (!lia_business_calendar_add_opening (self, G_DATE_MONDAY + day, open, close, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
parse_day_key (const char *key,
               guint      *out_day)
{
  for (guint i = 0; i < 7; i++)
    if (g_ascii_strcasecmp (key, day_keys[i]) == 0)
      {
        *out_day = i;
        return TRUE;
      }
  return FALSE;
}

/* "mon" or "mon-fri"; a range runs forward within one week. */
static gboolean
parse_days (const char *key,
            guint      *out_first,
            guint      *out_last)
{
  g_auto(GStrv) ends = g_strsplit (key, "-", -1);
  guint n = g_strv_length (ends);

  if (n == 1)
    return parse_day_key (ends[0], out_first) && parse_day_key (ends[0], out_last);
  return n == 2 && parse_day_key (g_strstrip (ends[0]), out_first)
         && parse_day_key (g_strstrip (ends[1]), out_last) && *out_first <= *out_last;
}

/* "2026-12-24,2026-12-25": strictly YYYY-MM-DD. */
static gboolean
parse_holidays (LiaBusinessCalendar  *self,
                const char           *value,
                GError              **error)
{
  g_auto(GStrv) dates = g_strsplit (value, ",", -1);

  for (guint i = 0; dates[i]; i++)
    {
      const char *d = g_strstrip (dates[i]);

      if (strlen (d) != 10 || d[4] != '-' || d[7] != '-' || strspn (d, "0123456789") != 4
          || strspn (d + 5, "0123456789") != 2 || strspn (d + 8, "0123456789") != 2)
        return set_invalid (error, _("“%s” is not a date (YYYY-MM-DD)"), d);
      if (!lia_business_calendar_add_holiday (self, (GDateYear)g_ascii_strtoull (d, NULL, 10),
                                              (GDateMonth)g_ascii_strtoull (d + 5, NULL, 10),
                                              (GDateDay)g_ascii_strtoull (d + 8, NULL, 10), error))
        return FALSE;
    }
  return TRUE;
}

/* Splits "key=value" in place; both halves stripped. */
static gboolean
split_field (char        *field,
             char       **out_key,
             char       **out_value,
             GError     **error)
{
  char *eq = strchr (field, '=');

  if (eq == NULL)
    return set_invalid (error, _("“%s” is not a setting (like mon-fri=08:00-18:00)"), field);

  *eq = '\0';
  *out_key = g_strstrip (field);
  *out_value = g_strstrip (eq + 1);
  return TRUE;
}

/* The value of the one "tz" field; NULL with @error when there is none
 * or more than one. */
static const char *
find_zone_id (char   **fields,
              GError **error)
{
  const char *id = NULL;

  for (guint i = 0; fields[i]; i++)
    {
      const char *eq = strchr (fields[i], '=');
      g_autofree char *key = NULL;

      if (eq == NULL)
        continue;
      key = g_strstrip (g_strndup (fields[i], (gsize)(eq - fields[i])));
      if (g_ascii_strcasecmp (key, "tz") != 0)
        continue;
      if (id != NULL)
        {
          set_invalid (error, _("The calendar names its time zone twice"));
          return NULL;
        }
      id = eq + 1;
    }

  if (id == NULL)
    set_invalid (error, _("The calendar has no time zone (like tz=Europe/Berlin)"));
  return id;
}

/* The zone comes first because every other field is local to it. */
static GTimeZone *
parse_zone (char   **fields,
            GError **error)
{
  const char *found = find_zone_id (fields, error);
  g_autofree char *id = NULL;
  GTimeZone *tz = NULL;

  if (found == NULL)
    return NULL;

  id = g_strstrip (g_strdup (found));
  if (*id == '\0' || !(tz = g_time_zone_new_identifier (id)))
    set_invalid (error, _("“%s” is not a time zone"), id);
  return tz;
}

static gboolean
parse_field (LiaBusinessCalendar  *self,
             char                 *field,
             GError              **error)
{
  char *key = NULL, *value = NULL;
  guint first, last;

  if (*g_strstrip (field) == '\0')
    return TRUE;
  if (!split_field (field, &key, &value, error))
    return FALSE;

  if (g_ascii_strcasecmp (key, "tz") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (key, "holidays") == 0)
    return parse_holidays (self, value, error);
  if (!parse_days (key, &first, &last))
    return set_invalid (error, _("“%s” is not a weekday or a range of weekdays (like mon-fri)"), key);
  if (*value == '\0')
    return set_invalid (error, _("No opening hours given for %s"), _(day_names[first]));
  return parse_openings (self, first, last, value, error);
}

/* Reads the text form, fields separated by ';' in any order:
 *   tz=Europe/Berlin;mon-fri=08:00-18:00;sat=09:00-12:00;holidays=2026-12-24
 * "tz" is required; days not named are closed; naming no day at all
 * means around the clock. */
LiaBusinessCalendar *
lia_business_calendar_parse (const char  *text,
                             GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (text ? text : "", ";", -1);
  g_autoptr(LiaBusinessCalendar) self = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (!(tz = parse_zone (fields, error)))
    return NULL;

  self = lia_business_calendar_new (tz);
  for (guint i = 0; fields[i]; i++)
    if (!parse_field (self, fields[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

static gboolean
same_openings (GArray *a,
               GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (Opening)) == 0;
}

static void
append_openings (GString *out,
                 GArray  *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *text = NULL;

      text = format_opening (g_array_index (list, Opening, i).open,
                             g_array_index (list, Opening, i).close);
      g_string_append_printf (out, "%s%s", i ? "," : "", text);
    }
}

static void
append_holidays (GString *out,
                 GArray  *holidays)
{
  for (guint i = 0; i < holidays->len; i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, g_array_index (holidays, guint32, i));
      g_string_append_printf (out, "%s%04u-%02u-%02u", i ? "," : ";holidays=",
                              g_date_get_year (&date), (guint)g_date_get_month (&date),
                              (guint)g_date_get_day (&date));
    }
}

/* The canonical text form: zone, runs of weekdays with equal hours
 * ("mon-fri"), then holidays in date order. parse() reads it back. */
char *
lia_business_calendar_to_string (LiaBusinessCalendar *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("tz=");
  g_string_append (out, g_time_zone_get_identifier (self->tz));

  for (guint day = 0; day < 7;)
    {
      guint last = day;

      while (last + 1 < 7 && same_openings (self->openings[day], self->openings[last + 1]))
        last++;
      if (self->openings[day]->len > 0)
        {
          g_string_append_printf (out, ";%s", day_keys[day]);
          if (last > day)
            g_string_append_printf (out, "-%s", day_keys[last]);
          g_string_append_c (out, '=');
          append_openings (out, self->openings[day]);
        }
      day = last + 1;
    }

  append_holidays (out, self->holidays);
  return g_string_free (out, FALSE);
}
