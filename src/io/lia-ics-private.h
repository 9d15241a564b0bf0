/* lia-ics-private.h — what the iCalendar files share: time zones and a
 * fast writer of content lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "lia-meeting-repository.h"

G_BEGIN_DECLS

/* lia-ics-zones.c */

/* The IANA name (interned) for a TZID as calendars write it: an IANA
 * name, one behind a prefix ("/freeassociation.sourceforge.net/…"), a
 * common Windows name ("W. Europe Standard Time"), or "UTC"; NULL when
 * none is known. */
const char    *lia_ics_zone_to_iana      (const char     *tzid);
/* libical's VTIMEZONE for @iana_tzid, with TZID exactly @iana_tzid (not
 * behind libical's prefix), or NULL when libical has no such zone. */
icalcomponent *lia_ics_zone_component    (const char     *iana_tzid);

/* The IANA name of the local time zone when libical knows it, else "UTC". */
const char    *lia_ics_zone_local        (void);

/* lia-ics-parse.c */

/* Where a VEVENT's parts stand in the file (0: absent). */
typedef struct
{
  guint begin;
  guint dtstart;
  guint dtend;
  guint recurrence_id;
  guint rrule;
  guint exdate;
} LiaIcsEventLines;

/* Reads @text with libical one unfolded line at a time, so that what
 * libical finds wrong (an X-LIC-ERROR) or a BEGIN without its END is
 * refused as LIA_ICS_ERROR_MALFORMED naming its line. Returns the
 * top-level components (icalcomponent_free), and in @out_event_lines
 * a LiaIcsEventLines per VEVENT in the order the file has them. */
GPtrArray     *lia_ics_parse             (const char     *text,
                                          GArray        **out_event_lines,
                                          GError        **error);
/* Sets LIA_ICS_ERROR_MALFORMED, "line N: …"; always FALSE, for
 * `return lia_ics_malformed (…)`. */
gboolean       lia_ics_malformed         (GError        **error,
                                          guint           line,
                                          const char     *format,
                                          ...) G_GNUC_PRINTF (3, 4);
/* Whether libical's reading of a date or date-time is a real one (it
 * takes "20261345" without complaint). */
gboolean       lia_ics_time_is_valid     (struct icaltimetype tt);

/* lia-ics-writer.c: RFC 5545 content lines, escaped and folded at 75
 * octets, buffered and written to a stream in large blocks. libical
 * builds a component per event, ten times slower than this: exports of
 * a whole book go through here. */
typedef struct _LiaIcsWriter LiaIcsWriter;

LiaIcsWriter  *lia_ics_writer_new        (GOutputStream  *stream,
                                          GCancellable   *cancellable);
/* Writes out what is buffered; FALSE once any write failed. */
gboolean       lia_ics_writer_finish     (LiaIcsWriter   *self,
                                          GError        **error);
void           lia_ics_writer_free       (LiaIcsWriter   *self);
/* Appends text as is: only for lines libical wrote (VTIMEZONE). */
void           lia_ics_writer_raw        (LiaIcsWriter   *self,
                                          const char     *text);
/* NAME:VALUE with @value written as is (already valid for its type). */
void           lia_ics_writer_line       (LiaIcsWriter   *self,
                                          const char     *name,
                                          const char     *value);
/* NAME:VALUE with @value escaped as TEXT; nothing for NULL or "". */
void           lia_ics_writer_text       (LiaIcsWriter   *self,
                                          const char     *name,
                                          const char     *value);
/* NAME;CN="…":mailto:EMAIL for ORGANIZER and ATTENDEE. */
void           lia_ics_writer_address    (LiaIcsWriter   *self,
                                          const char     *name,
                                          const char     *common_name,
                                          const char     *email);
/* NAME:20260105T093000Z for UTC, NAME;TZID=Z:20260105T103000 in a zone,
 * NAME;VALUE=DATE:20260105 for a day; @unix_time seen in @tz. */
void           lia_ics_writer_time       (LiaIcsWriter   *self,
                                          const char     *name,
                                          gint64          unix_time,
                                          GTimeZone      *tz,
                                          const char     *tzid,
                                          gboolean        date_only);
/* EXDATE: several times of one kind on one line. */
void           lia_ics_writer_times      (LiaIcsWriter   *self,
                                          const char     *name,
                                          const gint64   *unix_times,
                                          guint           n_times,
                                          GTimeZone      *tz,
                                          const char     *tzid,
                                          gboolean        date_only);
gboolean       lia_ics_writer_failed     (LiaIcsWriter   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaIcsWriter, lia_ics_writer_free)

/* lia-ics-pipeline.c: series read on the calling thread (the model's
 * lia_meeting_repository_foreach_series() with lia_ics_pipeline_push()
 * as its function), copied, and handed to @write on a thread of the
 * pipeline's own, in order. */
typedef struct _LiaIcsPipeline LiaIcsPipeline;

LiaIcsPipeline *lia_ics_pipeline_new     (LiaMeetingSeriesFunc   write,
                                          gpointer               user_data);
/* FALSE once @write returned FALSE: the series after are passed over. */
gboolean       lia_ics_pipeline_push     (const LiaSeriesRecord *series,
                                          gpointer               pipeline);
/* Writes what is left, waits and frees: FALSE when @write stopped. */
gboolean       lia_ics_pipeline_finish   (LiaIcsPipeline        *self);

G_END_DECLS
