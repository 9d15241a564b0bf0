/* lia-meeting-repository.h — meetings, their series and exceptions, and
 * review cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"
#include "lia-meeting.h"
#include "lia-occurrence.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_REPOSITORY (lia_meeting_repository_get_type ())

G_DECLARE_FINAL_TYPE (LiaMeetingRepository, lia_meeting_repository, LIA, MEETING_REPOSITORY, GObject)

/* Emits "meeting-changed" (gint64 meeting_id, gint64 account_id) after
 * every committed write; 0, 0 after imports. */
LiaMeetingRepository *lia_meeting_repository_new (LiaBook *book);

/* Records @meeting (and its attendees); gives it an id and, unless it
 * has one, a new UID. */
gboolean       lia_meeting_repository_add               (LiaMeetingRepository  *self,
                                                         LiaMeeting            *meeting,
                                                         GError               **error);
LiaMeeting    *lia_meeting_repository_lookup            (LiaMeetingRepository  *self,
                                                         gint64                 meeting_id,
                                                         GError               **error);
LiaMeeting    *lia_meeting_repository_lookup_uid        (LiaMeetingRepository  *self,
                                                         const char            *uid,
                                                         GError               **error);
/* Writes the series' own fields and attendees (a change of start or
 * rule keeps exceptions whose occurrences still exist). */
gboolean       lia_meeting_repository_update            (LiaMeetingRepository  *self,
                                                         LiaMeeting            *meeting,
                                                         GError               **error);
gboolean       lia_meeting_repository_set_attendees     (LiaMeetingRepository  *self,
                                                         gint64                 meeting_id,
                                                         GListModel            *attendees,
                                                         GError               **error);

/* Sets the iCalendar SEQUENCE of @meeting_id (an import keeps the
 * file's); every other write raises it by itself. */
gboolean       lia_meeting_repository_set_sequence      (LiaMeetingRepository  *self,
                                                         gint64                 meeting_id,
                                                         gint64                 sequence,
                                                         GError               **error);

/* Occurrences starting in [@from, @to), by start: only series that can
 * have one there are read and expanded. @account_id 0: every account;
 * else that account, and with @with_subsidiaries its portfolio. They
 * carry what a calendar shows (title, times, status, location, account,
 * zone, repeat rule), not the agenda, minutes, outcome or rating, and
 * cannot be edited: lia_meeting_repository_lookup_occurrence() reads one
 * whole. */
GListModel    *lia_meeting_repository_list_range        (LiaMeetingRepository  *self,
                                                         gint64                 from,
                                                         gint64                 to,
                                                         gint64                 account_id,
                                                         gboolean               with_subsidiaries,
                                                         GError               **error);
LiaOccurrence *lia_meeting_repository_lookup_occurrence (LiaMeetingRepository  *self,
                                                         gint64                 meeting_id,
                                                         gint64                 recurrence_id,
                                                         GError               **error);
/* Applies @occurrence's edits (times, title, location, agenda, minutes,
 * outcome, rating, status) to it alone, to it and later ones (the series
 * splits in two: a new series with a new UID starts there), or to all. */
gboolean       lia_meeting_repository_update_occurrence (LiaMeetingRepository  *self,
                                                         LiaOccurrence         *occurrence,
                                                         LiaEditScope           scope,
                                                         GError               **error);
/* Removes it alone (an EXDATE), it and later ones (the series ends
 * before it), or the whole series. */
gboolean       lia_meeting_repository_delete_occurrence (LiaMeetingRepository  *self,
                                                         gint64                 meeting_id,
                                                         gint64                 recurrence_id,
                                                         LiaEditScope           scope,
                                                         GError               **error);
/* Held, it counts as a contact made and, for a review, as the
 * account's last review. */
gboolean       lia_meeting_repository_set_status        (LiaMeetingRepository  *self,
                                                         gint64                 meeting_id,
                                                         gint64                 recurrence_id,
                                                         LiaMeetingStatus       status,
                                                         GError               **error);

/* Bulk reads ------------------------------------------------------------
 *
 * An export of every meeting reads 50,000 series, their exceptions and
 * some 125,000 attendees: as objects, that alone would take longer than
 * the whole export may. So lia_meeting_repository_foreach_series() hands
 * out plain values, valid during the call only. */

/* An occurrence with something of its own (moved, or edited on its
 * own): every value as it is, its own or the series'. */
typedef struct
{
  gint64            recurrence_id;
  gint64            starts_at;
  gint64            ends_at;
  const char       *title;
  const char       *location;
  const char       *agenda;
  const char       *minutes;
  const char       *outcome;
  int               rating;          /* 0: none */
  LiaMeetingStatus  status;
} LiaOccurrenceRecord;

typedef struct
{
  const char *name;
  const char *email;
} LiaAttendeeRecord;

/* A meeting (a series, or a single meeting) with its exceptions. */
typedef struct
{
  gint64                     id;
  const char                *uid;
  gint64                     account_id;
  const char                *account_number;
  gboolean                   for_portfolio;
  const char                *title;
  gint64                     starts_at;
  gint64                     ends_at;
  const char                *tzid;
  gboolean                   all_day;
  const char                *location;
  const char                *rrule;           /* NULL: a single meeting */
  gboolean                   is_review;
  const char                *agenda;
  const char                *minutes;
  const char                *outcome;
  int                        rating;          /* 0: none */
  LiaMeetingStatus           status;
  gint64                     organizer_id;    /* 0: none */
  gint64                     sequence;        /* the iCalendar SEQUENCE */
  const LiaOccurrenceRecord *exceptions;      /* moved or edited, by recurrence id */
  guint                      n_exceptions;
  const gint64              *deleted;         /* recurrence ids removed (EXDATEs), ascending */
  guint                      n_deleted;
  const LiaAttendeeRecord   *attendees;       /* in order */
  guint                      n_attendees;
} LiaSeriesRecord;

/* Returns FALSE to stop. */
typedef gboolean (*LiaMeetingSeriesFunc) (const LiaSeriesRecord *series,
                                          gpointer               user_data);

/* Calls @func for each meeting of @account_id (0: all), or with
 * @meeting_id not 0 for that one (of @account_id, unless 0), by id, as
 * it reads them: three passes in meeting order (meetings, exceptions,
 * attendees) beside one over account numbers, nothing expanded, one
 * meeting held at a time. FALSE only when reading failed. */
gboolean       lia_meeting_repository_foreach_series    (LiaMeetingRepository  *self,
                                                         gint64                 account_id,
                                                         gint64                 meeting_id,
                                                         LiaMeetingSeriesFunc   func,
                                                         gpointer               user_data,
                                                         GError               **error);

/* The time zones of the meetings foreach_series() gives that are not
 * all day, in the order it first gives them. */
GStrv          lia_meeting_repository_list_zones        (LiaMeetingRepository  *self,
                                                         gint64                 account_id,
                                                         gint64                 meeting_id,
                                                         GError               **error);

/* Review cadence: when the next review of @account_id is due (from the
 * last review held, else from now), 0 when its segment expects none. */
gint64         lia_meeting_repository_next_review_due   (LiaMeetingRepository  *self,
                                                         gint64                 account_id,
                                                         GError               **error);
/* LiaAccount items of segments with a review cadence that have no review
 * planned before it falls due, most overdue first. */
GListModel    *lia_meeting_repository_list_reviews_due  (LiaMeetingRepository  *self,
                                                         GError               **error);

G_END_DECLS
