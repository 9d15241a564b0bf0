/* lia-meeting-private.h — what the meeting and follow-up files of the
 * model share: rows into objects, exceptions, review bookkeeping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-attendee.h"
#include "lia-book.h"
#include "lia-follow-up.h"
#include "lia-meeting.h"
#include "lia-occurrence.h"
#include "lia-row.h"

G_BEGIN_DECLS

typedef struct _LiaMeetingRepository LiaMeetingRepository;

/* One row of meeting_occurrences: what an occurrence has of its own;
 * NULL strings, 0 and -1 take the series' value. */
typedef struct
{
  gint64   id;
  gint64   meeting_id;
  gint64   recurrence_id;
  gint64   starts_at;        /* 0: not moved */
  gint64   ends_at;
  gboolean cancelled;
  char    *title;
  char    *location;
  char    *agenda;
  char    *minutes;
  char    *outcome;
  int      rating;           /* 0: the series' */
  int      status;           /* a LiaMeetingStatus, -1: the series' */
  gint64   contact_event_id;
} LiaException;

LiaException  *lia_exception_new_from_row      (LiaRow          *row);
LiaException  *lia_exception_new               (gint64           meeting_id,
                                                gint64           recurrence_id);
void           lia_exception_free              (LiaException    *self);
/* Nothing of its own left: the row can go. */
gboolean       lia_exception_is_empty          (const LiaException *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaException, lia_exception_free)

/* Each reads the columns lia-meeting-store.h declares. */
LiaMeeting    *lia_meeting_new_from_row        (LiaRow          *row);
LiaMeeting    *lia_meeting_copy                (LiaMeeting      *self);
void           lia_meeting_set_id              (LiaMeeting      *self,
                                                gint64           id);
gint64         lia_meeting_get_until_at        (LiaMeeting      *self);
void           lia_meeting_set_until_at        (LiaMeeting      *self,
                                                gint64           until_at);
gint64         lia_meeting_get_contact_event_id (LiaMeeting     *self);
void           lia_meeting_set_contact_event_id (LiaMeeting     *self,
                                                gint64           event_id);
/* Takes the attendees in @attendees (LiaAttendee). */
void           lia_meeting_take_attendees      (LiaMeeting      *self,
                                                GPtrArray       *attendees);
gboolean       lia_meeting_get_is_recurring    (LiaMeeting      *self);

LiaAttendee   *lia_attendee_new_from_row       (LiaRow          *row);

/* An occurrence of @series at @recurrence_id with @exception (may be
 * NULL) applied. */
LiaOccurrence *lia_occurrence_new              (LiaMeeting         *series,
                                                gint64              recurrence_id,
                                                const LiaException *exception);
LiaMeeting    *lia_occurrence_get_series       (LiaOccurrence   *self);
/* For g_ptr_array_sort(): by start, then meeting and recurrence id. */
int            lia_occurrence_compare          (gconstpointer    a,
                                                gconstpointer    b);
gint64         lia_occurrence_get_contact_event_id (LiaOccurrence *self);

LiaFollowUp   *lia_follow_up_new_from_row      (LiaRow          *row);
void           lia_follow_up_set_id            (LiaFollowUp     *self,
                                                gint64           id);
void           lia_follow_up_set_account_id    (LiaFollowUp     *self,
                                                gint64           account_id);
void           lia_follow_up_set_status        (LiaFollowUp     *self,
                                                LiaFollowUpStatus status,
                                                gint64           done_at);
/* "YYYY-MM-DD" of the local day @now falls on. */
char          *lia_follow_up_local_day         (gint64           now);

/* lia-meeting-series.c: a series read with its exceptions, and edited
 * inside the repository's transaction. */
LiaMeeting    *lia_meeting_series_load         (LiaBook         *book,
                                                gint64           meeting_id,
                                                GError         **error);
LiaMeeting    *lia_meeting_series_load_uid     (LiaBook         *book,
                                                const char      *uid,
                                                GError         **error);
gboolean       lia_meeting_series_load_attendees (LiaBook       *book,
                                                LiaMeeting      *meeting,
                                                GError         **error);
/* LiaException rows of @meeting_id, by recurrence id. */
GPtrArray     *lia_meeting_series_load_exceptions (LiaBook      *book,
                                                gint64           meeting_id,
                                                GError         **error);
LiaOccurrence *lia_meeting_series_load_occurrence (LiaBook      *book,
                                                gint64           meeting_id,
                                                gint64           recurrence_id,
                                                LiaMeeting     **out_series,
                                                GPtrArray      **out_exceptions,
                                                GError         **error);
void           lia_meeting_series_expand       (LiaMeeting      *series,
                                                LiaException   **exceptions,
                                                guint            n_exceptions,
                                                gint64           from,
                                                gint64           to,
                                                GPtrArray       *out);
void           lia_meeting_series_apply_exceptions (LiaMeeting  *series,
                                                GArray          *starts,
                                                LiaException   **exceptions,
                                                guint            n_exceptions,
                                                gint64           from,
                                                gint64           to,
                                                GPtrArray       *out);
char          *lia_meeting_series_new_uid      (void);
gboolean       lia_meeting_series_insert       (LiaBook         *book,
                                                LiaMeeting      *meeting,
                                                gint64          *out_id,
                                                GError         **error);
gboolean       lia_meeting_series_write        (LiaBook         *book,
                                                LiaMeeting      *old,
                                                LiaMeeting      *updated,
                                                GError         **error);
gboolean       lia_meeting_series_write_attendees (LiaBook      *book,
                                                gint64           meeting_id,
                                                GListModel      *attendees,
                                                GError         **error);
gboolean       lia_meeting_series_edit         (LiaBook         *book,
                                                LiaMeeting      *series,
                                                LiaOccurrence   *stored,
                                                LiaOccurrence   *edited,
                                                LiaEditScope     scope,
                                                gint64          *out_new_meeting_id,
                                                gint64          *out_event_id,
                                                GError         **error);
gboolean       lia_meeting_series_delete       (LiaBook         *book,
                                                LiaMeeting      *series,
                                                GPtrArray       *exceptions,
                                                gint64           recurrence_id,
                                                LiaEditScope     scope,
                                                GError         **error);
gboolean       lia_meeting_series_set_status   (LiaBook         *book,
                                                gint64           meeting_id,
                                                gint64           recurrence_id,
                                                LiaMeetingStatus status,
                                                gint64          *out_account_id,
                                                gint64          *out_event_id,
                                                GError         **error);

/* lia-recurrence.c */
gboolean       lia_recurrence_is_known_tzid    (const char      *tzid);
const char    *lia_recurrence_local_tzid       (void);

/* lia-meeting-repository.c: brings next_review_at up to date where it
 * has passed, before roll-ups read it. */
gboolean       lia_meeting_repository_refresh_reviews (LiaMeetingRepository *self,
                                                GError         **error);

G_END_DECLS
