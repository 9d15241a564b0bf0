/* lia-recurrence.h — occurrences of an RRULE, expanded with libical in
 * the series' own time zone
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
