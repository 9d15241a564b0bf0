/* lia-recurrence.h — occurrences of an RRULE in the series' own time
 * zone: simple rules by date arithmetic, the rest with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks @rrule (an RFC 5545 RRULE value) and gives the start of the
 * series' last occurrence in @out_last (0: it never ends). */
gboolean  lia_recurrence_check  (const char  *rrule,
                                 gint64       starts_at,
                                 const char  *tzid,
                                 gint64      *out_last,
                                 GError     **error);
/* The starts (UTC seconds, ascending) of the occurrences of the series
 * beginning at @starts_at in @tzid that start in [@from, @to); with
 * @rrule NULL, the single start if it is in range. Wall-clock times stay
 * put across daylight-saving changes. */
GArray   *lia_recurrence_expand (const char  *rrule,
                                 gint64       starts_at,
                                 const char  *tzid,
                                 gint64       from,
                                 gint64       to);
/* The same appended to @starts (of gint64): a range expands many series. */
void      lia_recurrence_expand_into (const char *rrule,
                                      gint64      starts_at,
                                      const char *tzid,
                                      gint64      from,
                                      gint64      to,
                                      GArray     *starts);
/* The same from libical's iterator alone, never by the date arithmetic
 * lia_recurrence_expand() uses for simple rules: for tests. */
GArray   *lia_recurrence_expand_libical (const char *rrule,
                                         gint64      starts_at,
                                         const char *tzid,
                                         gint64      from,
                                         gint64      to);
/* Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * civil_from_days): the date arithmetic of simple rules, and of a fast
 * writer of times. */
void      lia_recurrence_date_from_days (gint64  days,
                                         int    *year,
                                         int    *month,
                                         int    *day);
/* @rrule ending before @before (for "this and later" splits): the same
 * rule with UNTIL set, COUNT dropped. */
char     *lia_recurrence_end_before (const char *rrule,
                                     gint64      before,
                                     const char *tzid);
/* The rule of the series that carries on the one beginning at
 * @starts_at from its occurrence @from, now starting at @new_start (the
 * second half of a split, or a whole series moved): COUNT lowered by
 * the occurrences before @from, UNTIL moved as @from moved. */
char     *lia_recurrence_continue   (const char *rrule,
                                     gint64      starts_at,
                                     const char *tzid,
                                     gint64      from,
                                     gint64      new_start);
/* @time moved by the wall-clock difference from @old_ref to @new_ref in
 * @tzid: a day later stays at the same hour across a DST change. */
gint64    lia_recurrence_shift      (gint64      time,
                                     const char *tzid,
                                     gint64      old_ref,
                                     gint64      new_ref);

G_END_DECLS
