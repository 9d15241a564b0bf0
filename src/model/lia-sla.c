/* lia-sla.c — one SLA clock (response or resolution) of an event
 *
 * A clock runs from the event's opening (start) until its response or
 * resolution (stop, 0 while running) and counts business seconds of the
 * plan's calendar only, leaving out spans in which the event waited on
 * the customer. Its state, exactly:
 * - elapsed > target, stopped or running: breached;
 * - stopped with elapsed <= target: met (reaching the target is met);
 * - running with less than 20 % of the target left: at risk (exactly
 *   20 % left is still on track), otherwise running.
 * Pure arithmetic on the calendar: no database, no clock of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-sla"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-enums.h"
#include "lia-sla.h"

static gint
compare_pause (gconstpointer a,
               gconstpointer b)
{
  const LiaSlaPause *pa = a;
  const LiaSlaPause *pb = b;

  return pa->from < pb->from ? -1 : pa->from > pb->from;
}

/* The pauses clipped to [@start, @end] (an open pause ends at @end,
 * backwards ones are dropped), sorted, with overlaps merged. */
static GArray *
normalise_pauses (const LiaSlaPause *pauses,
                  guint              n_pauses,
                  gint64             start,
                  gint64             end)
{
  GArray *clipped = g_array_sized_new (FALSE, FALSE, sizeof (LiaSlaPause), n_pauses);
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (LiaSlaPause), n_pauses);

  for (guint i = 0; i < n_pauses; i++)
    {
      LiaSlaPause p;

      p.from = MAX (pauses[i].from, start);
      p.to = pauses[i].to == 0 ? end : MIN (pauses[i].to, end);
      if (p.to > p.from)
        g_array_append_val (clipped, p);
    }
  g_array_sort (clipped, compare_pause);

  for (guint i = 0; i < clipped->len; i++)
    {
      const LiaSlaPause *p = &g_array_index (clipped, LiaSlaPause, i);
      LiaSlaPause *last = merged->len ? &g_array_index (merged, LiaSlaPause, merged->len - 1) : NULL;

      if (last != NULL && p->from <= last->to)
        last->to = MAX (last->to, p->to);
      else
        g_array_append_val (merged, *p);
    }

  g_array_unref (clipped);
  return merged;
}

/* Waiting on the customer at @end: a pause began by then and has not
 * ended before it. */
static gboolean
is_paused_at (const LiaSlaPause *pauses,
              guint              n_pauses,
              gint64             end)
{
  for (guint i = 0; i < n_pauses; i++)
    if (pauses[i].from <= end && (pauses[i].to == 0 || pauses[i].to > end))
      return TRUE;
  return FALSE;
}

/* Business seconds in [@start, @end) outside the (normalised) pauses. */
static gint64
active_elapsed (LiaBusinessCalendar *calendar,
                gint64               start,
                gint64               end,
                GArray              *pauses)
{
  gint64 cursor = start;
  gint64 total = 0;

  for (guint i = 0; i < pauses->len; i++)
    {
      const LiaSlaPause *p = &g_array_index (pauses, LiaSlaPause, i);

      total += lia_business_calendar_elapsed (calendar, cursor, p->from);
      cursor = p->to;
    }
  return total + lia_business_calendar_elapsed (calendar, cursor, end);
}

/* When @target business seconds are used up, counting the pauses so far
 * and assuming no more: a clock paused now resumes now. */
static gint64
compute_due (LiaBusinessCalendar *calendar,
             gint64               target,
             gint64               start,
             GArray              *pauses)
{
  gint64 cursor = start;
  gint64 left = target;

  for (guint i = 0; i < pauses->len; i++)
    {
      const LiaSlaPause *p = &g_array_index (pauses, LiaSlaPause, i);
      gint64 active = lia_business_calendar_elapsed (calendar, cursor, p->from);

      if (left <= active)
        return lia_business_calendar_add (calendar, cursor, left);
      left -= active;
      cursor = p->to;
    }
  return lia_business_calendar_add (calendar, cursor, left);
}

static LiaSlaState
state_for (gint64   target,
           gint64   elapsed,
           gboolean stopped)
{
  if (elapsed > target)
    return LIA_SLA_STATE_BREACHED;
  if (stopped)
    return LIA_SLA_STATE_MET;
  /* remaining / target < 1/5, in integers so the edge is exact. */
  return (target - elapsed) * 5 < target ? LIA_SLA_STATE_AT_RISK : LIA_SLA_STATE_RUNNING;
}

/* Evaluates a clock with @target business seconds that started at
 * @started_at and stopped at @stopped_at (0: still running, counted up
 * to @now). @pauses may be unsorted and overlap; see LiaSlaPause. */
void
lia_sla_evaluate (LiaBusinessCalendar *calendar,
                  gint64               target,
                  gint64               started_at,
                  gint64               stopped_at,
                  const LiaSlaPause   *pauses,
                  guint                n_pauses,
                  gint64               now,
                  LiaSlaResult        *result)
{
  g_autoptr(GArray) normal = NULL;
  gboolean stopped = stopped_at != 0;
  gint64 end;

  g_return_if_fail (calendar != NULL);
  g_return_if_fail (target >= 0);
  g_return_if_fail (pauses != NULL || n_pauses == 0);
  g_return_if_fail (result != NULL);

  end = MAX (stopped ? stopped_at : now, started_at);
  normal = normalise_pauses (pauses, n_pauses, started_at, end);

  result->elapsed = active_elapsed (calendar, started_at, end, normal);
  result->remaining = target - result->elapsed;
  result->due_at = compute_due (calendar, target, started_at, normal);
  result->state = state_for (target, result->elapsed, stopped);
  result->paused = !stopped && is_paused_at (pauses, n_pauses, end);
}

/**
 * lia_sla_schedule:
 * @out_breach_at: (out): the first instant at which the clock is
 *   breached, or 0 when it will not be as things stand
 * @out_risk_at: (out): the first instant at which it is at risk, or 0
 *
 * The instants at which lia_sla_evaluate() would change its answer if
 * nothing else happened, so the store can compare them with any "now":
 * a stopped clock has a breach instant only if it was breached (never a
 * risk instant); a clock paused at @now keeps only instants already
 * passed, since its future ones move when it resumes.
 */
void
lia_sla_schedule (LiaBusinessCalendar *calendar,
                  gint64               target,
                  gint64               started_at,
                  gint64               stopped_at,
                  const LiaSlaPause   *pauses,
                  guint                n_pauses,
                  gint64               now,
                  gint64              *out_breach_at,
                  gint64              *out_risk_at)
{
  g_autoptr(GArray) normal = NULL;
  gboolean stopped = stopped_at != 0;
  gboolean paused;
  gint64 end, breach_at, risk_at;

  g_return_if_fail (calendar != NULL);
  g_return_if_fail (target >= 0);
  g_return_if_fail (out_breach_at != NULL && out_risk_at != NULL);

  end = MAX (stopped ? stopped_at : now, started_at);
  normal = normalise_pauses (pauses, n_pauses, started_at, end);
  paused = !stopped && is_paused_at (pauses, n_pauses, end);

  /* Breached once more than @target seconds are used; at risk once more
   * than four fifths are, matching state_for() to the second. */
  breach_at = compute_due (calendar, target + 1, started_at, normal);
  risk_at = compute_due (calendar, target * 4 / 5 + 1, started_at, normal);

  if (stopped)
    {
      *out_breach_at = breach_at <= stopped_at ? breach_at : 0;
      *out_risk_at = 0;
    }
  else if (paused)
    {
      *out_breach_at = breach_at <= end ? breach_at : 0;
      *out_risk_at = risk_at <= end ? risk_at : 0;
    }
  else
    {
      *out_breach_at = breach_at;
      *out_risk_at = risk_at;
    }
}

static char *
format_time (gint64 instant)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (instant);

  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

static gboolean
refuse (GError     **error,
        const char  *format,
        gint64       first,
        gint64       second)
{
  g_autofree char *a = format_time (first);
  g_autofree char *b = format_time (second);

  g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, format, a, b);
  return FALSE;
}

/* Refuses times no event can have. @responded_at and @resolved_at are 0
 * when not yet set; equal times are allowed. */
gboolean
lia_sla_check_times (gint64   opened_at,
                     gint64   responded_at,
                     gint64   resolved_at,
                     gint64   now,
                     GError **error)
{
  if (opened_at == 0)
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("An event needs the time it was opened"));
      return FALSE;
    }
  if (opened_at > now)
    return refuse (error, _("The event is opened in the future (%s, now is %s)"), opened_at, now);
  if (resolved_at != 0 && resolved_at < opened_at)
    return refuse (error, _("The event is resolved (%s) before it was opened (%s)"),
                   resolved_at, opened_at);
  if (responded_at != 0 && responded_at < opened_at)
    return refuse (error, _("The event is responded to (%s) before it was opened (%s)"),
                   responded_at, opened_at);
  if (responded_at != 0 && resolved_at != 0 && responded_at > resolved_at)
    return refuse (error, _("The event is responded to (%s) after it was resolved (%s)"),
                   responded_at, resolved_at);
  if (responded_at > now)
    return refuse (error, _("The response is in the future (%s, now is %s)"), responded_at, now);
  if (resolved_at > now)
    return refuse (error, _("The resolution is in the future (%s, now is %s)"), resolved_at, now);
  return TRUE;
}
