/* lia-meeting-store.h — SQL for meetings, their exceptions and attendees,
 * follow-ups, and review cadence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-account-store.h"
#include "lia-row.h"

G_BEGIN_DECLS

/* The columns of a meeting (series) row, in this order. */
enum
{
  LIA_MEETING_COLUMN_ID,
  LIA_MEETING_COLUMN_UID,
  LIA_MEETING_COLUMN_ACCOUNT_ID,
  LIA_MEETING_COLUMN_ACCOUNT_NAME,
  LIA_MEETING_COLUMN_FOR_PORTFOLIO,
  LIA_MEETING_COLUMN_TITLE,
  LIA_MEETING_COLUMN_STARTS_AT,
  LIA_MEETING_COLUMN_ENDS_AT,
  LIA_MEETING_COLUMN_TZID,
  LIA_MEETING_COLUMN_ALL_DAY,
  LIA_MEETING_COLUMN_LOCATION,
  LIA_MEETING_COLUMN_RRULE,
  LIA_MEETING_COLUMN_UNTIL_AT,
  LIA_MEETING_COLUMN_IS_REVIEW,
  LIA_MEETING_COLUMN_AGENDA,
  LIA_MEETING_COLUMN_MINUTES,
  LIA_MEETING_COLUMN_OUTCOME,
  LIA_MEETING_COLUMN_RATING,
  LIA_MEETING_COLUMN_STATUS,
  LIA_MEETING_COLUMN_ORGANIZER_ID,
  LIA_MEETING_COLUMN_SEQUENCE,
  LIA_MEETING_COLUMN_CONTACT_EVENT_ID,
  LIA_MEETING_COLUMN_CREATED_AT,
  LIA_MEETING_COLUMN_UPDATED_AT,
};

/* An occurrence with something of its own (meeting_occurrences); NULL
 * columns take the series' value. */
enum
{
  LIA_EXCEPTION_COLUMN_ID,
  LIA_EXCEPTION_COLUMN_MEETING_ID,
  LIA_EXCEPTION_COLUMN_RECURRENCE_ID,
  LIA_EXCEPTION_COLUMN_STARTS_AT,
  LIA_EXCEPTION_COLUMN_ENDS_AT,
  LIA_EXCEPTION_COLUMN_CANCELLED,
  LIA_EXCEPTION_COLUMN_TITLE,
  LIA_EXCEPTION_COLUMN_LOCATION,
  LIA_EXCEPTION_COLUMN_AGENDA,
  LIA_EXCEPTION_COLUMN_MINUTES,
  LIA_EXCEPTION_COLUMN_OUTCOME,
  LIA_EXCEPTION_COLUMN_RATING,
  LIA_EXCEPTION_COLUMN_STATUS,
  LIA_EXCEPTION_COLUMN_CONTACT_EVENT_ID,
};

/* Name and email come from the contact or staff member when there is one. */
enum
{
  LIA_ATTENDEE_COLUMN_MEETING_ID,
  LIA_ATTENDEE_COLUMN_CONTACT_ID,
  LIA_ATTENDEE_COLUMN_STAFF_ID,
  LIA_ATTENDEE_COLUMN_NAME,
  LIA_ATTENDEE_COLUMN_EMAIL,
};

enum
{
  LIA_FOLLOW_UP_COLUMN_ID,
  LIA_FOLLOW_UP_COLUMN_ACCOUNT_ID,
  LIA_FOLLOW_UP_COLUMN_ACCOUNT_NAME,
  LIA_FOLLOW_UP_COLUMN_MEETING_ID,
  LIA_FOLLOW_UP_COLUMN_OCCURRENCE_AT,
  LIA_FOLLOW_UP_COLUMN_MEETING_TITLE,
  LIA_FOLLOW_UP_COLUMN_EVENT_ID,
  LIA_FOLLOW_UP_COLUMN_SUMMARY,
  LIA_FOLLOW_UP_COLUMN_OWNER_ID,
  LIA_FOLLOW_UP_COLUMN_OWNER_NAME,
  LIA_FOLLOW_UP_COLUMN_DUE_DATE,    /* "YYYY-MM-DD" */
  LIA_FOLLOW_UP_COLUMN_STATUS,
  LIA_FOLLOW_UP_COLUMN_DONE_AT,
  LIA_FOLLOW_UP_COLUMN_CREATED_AT,
};

/* Columns of a reviews-due row: account columns (LiaAccountColumn),
 * then these. */
enum
{
  LIA_REVIEW_DUE_COLUMN_CADENCE_DAYS = LIA_ACCOUNT_N_COLUMNS,
  LIA_REVIEW_DUE_COLUMN_LAST_REVIEW_AT,
  LIA_REVIEW_DUE_COLUMN_DUE_AT,
};

/* Strings are the database's vocabulary; 0 and NULL mean "none". */
typedef struct
{
  gint64      id;              /* 0: a new row */
  const char *uid;
  gint64      account_id;
  gboolean    for_portfolio;
  const char *title;
  gint64      starts_at;
  gint64      ends_at;
  const char *tzid;
  gboolean    all_day;
  const char *location;
  const char *rrule;           /* NULL: a single meeting */
  gint64      until_at;        /* the last start; 0: never ends */
  gboolean    is_review;
  const char *agenda;
  const char *minutes;
  const char *outcome;
  int         rating;          /* 0: none */
  const char *status;
  gint64      organizer_id;
  gint64      contact_event_id;
  gint64      now;             /* created_at on insert, updated_at always */
} LiaMeetingValues;

/* What an occurrence has of its own; NULL, 0 and FALSE: the series'. */
typedef struct
{
  gint64      meeting_id;
  gint64      recurrence_id;
  gint64      starts_at;       /* 0: not moved */
  gint64      ends_at;
  gboolean    cancelled;       /* removed from the series (EXDATE) */
  const char *title;
  const char *location;
  const char *agenda;
  const char *minutes;
  const char *outcome;
  int         rating;
  const char *status;
  gint64      contact_event_id;
} LiaExceptionValues;

typedef struct
{
  gint64      id;              /* 0: a new row */
  gint64      account_id;
  gint64      meeting_id;
  gint64      occurrence_at;
  gint64      event_id;
  const char *summary;
  gint64      owner_id;
  const char *due_date;        /* "YYYY-MM-DD" */
  const char *status;
  gint64      done_at;
  gint64      created_at;
} LiaFollowUpValues;

/* A range of the calendar: occurrences starting in [from, to). */
typedef struct
{
  gint64   from;
  gint64   to;
  gint64   account_id;         /* 0: every account */
  gboolean with_subsidiaries;
} LiaMeetingRange;

gboolean    lia_meeting_store_insert           (LiaDatabase               *db,
                                                const LiaMeetingValues    *values,
                                                gint64                    *out_id,
                                                GError                   **error);
/* Every column but uid and created_at; bumps the sequence. */
gboolean    lia_meeting_store_update           (LiaDatabase               *db,
                                                const LiaMeetingValues    *values,
                                                GError                   **error);
gboolean    lia_meeting_store_delete           (LiaDatabase               *db,
                                                gint64                     id,
                                                GError                   **error);
/* The iCalendar SEQUENCE: @sequence, or with -1 one more than it was
 * (an exception of the series written or removed). */
gboolean    lia_meeting_store_set_sequence     (LiaDatabase               *db,
                                                gint64                     id,
                                                gint64                     sequence,
                                                GError                   **error);
gboolean    lia_meeting_store_get              (LiaDatabase               *db,
                                                gint64                     id,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* Finds nothing without an error when no meeting has @uid. */
gboolean    lia_meeting_store_get_by_uid       (LiaDatabase               *db,
                                                const char                *uid,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* The series that can have an occurrence starting in the range (their
 * start before its end, their last start not before its beginning), and
 * those with an occurrence moved into it, in no particular order: what a
 * calendar shows of them (no UID, agenda, minutes or outcome; those
 * columns NULL or empty, as are organizer, rating and the bookkeeping). */
gboolean    lia_meeting_store_range            (LiaDatabase               *db,
                                                const LiaMeetingRange     *range,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* The exceptions of occurrences the range can show (the series gives
 * them in it, or they were moved into it), without their notes; by
 * meeting and recurrence id. Over every account, also those of series
 * lia_meeting_store_range() does not read. */
gboolean    lia_meeting_store_range_exceptions (LiaDatabase               *db,
                                                const LiaMeetingRange     *range,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* The two range queries over every account, for a benchmark's
 * bare-sqlite3 floor (parameters :from and :to). */
const char *lia_meeting_store_range_sql        (void);
const char *lia_meeting_store_range_exceptions_sql (void);
/* What an export reads, one meeting at a time. */
typedef struct
{
  LiaRowFunc   meeting;     /* a meeting row, without the account's name,
                             * until_at and the bookkeeping after organizer */
  LiaRowFunc   exception;   /* each of its exception rows, by recurrence id */
  LiaRowFunc   attendee;    /* each of its attendees, in order, with the
                             * names and addresses meeting_attendees keeps */
  gboolean   (*done)      (gpointer user_data);   /* FALSE: stop there */
} LiaMeetingExportFuncs;

/* The meetings of @account_id (0: all), or with @meeting_id not 0 that
 * one (of @account_id unless 0), by id: three queries in meeting order,
 * merged. */
gboolean    lia_meeting_store_export           (LiaDatabase               *db,
                                                gint64                     account_id,
                                                gint64                     meeting_id,
                                                const LiaMeetingExportFuncs *funcs,
                                                gpointer                   user_data,
                                                GError                   **error);
/* The id (column 0) and number (1) of their accounts, by id; for all
 * meetings, of every account. */
gboolean    lia_meeting_store_list_accounts    (LiaDatabase               *db,
                                                gint64                     account_id,
                                                gint64                     meeting_id,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* The time zones (column 0) of those that are not all day, in the
 * order their first meetings have them. */
gboolean    lia_meeting_store_list_zones       (LiaDatabase               *db,
                                                gint64                     account_id,
                                                gint64                     meeting_id,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);

gboolean    lia_meeting_store_exceptions       (LiaDatabase               *db,
                                                gint64                     meeting_id,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* Inserts or replaces the exception of (meeting, recurrence id). */
gboolean    lia_meeting_store_put_exception    (LiaDatabase               *db,
                                                const LiaExceptionValues  *values,
                                                GError                   **error);
gboolean    lia_meeting_store_delete_exception (LiaDatabase               *db,
                                                gint64                     meeting_id,
                                                gint64                     recurrence_id,
                                                GError                   **error);
/* Gives exception row @id another series or recurrence id; its own
 * start, when moved, goes to @starts_at / @ends_at. */
gboolean    lia_meeting_store_move_exception   (LiaDatabase               *db,
                                                gint64                     id,
                                                gint64                     meeting_id,
                                                gint64                     recurrence_id,
                                                gint64                     starts_at,
                                                gint64                     ends_at,
                                                GError                   **error);

gboolean    lia_meeting_store_attendees        (LiaDatabase               *db,
                                                gint64                     meeting_id,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
gboolean    lia_meeting_store_clear_attendees  (LiaDatabase               *db,
                                                gint64                     meeting_id,
                                                GError                   **error);
gboolean    lia_meeting_store_add_attendee     (LiaDatabase               *db,
                                                gint64                     meeting_id,
                                                gint64                     contact_id,
                                                gint64                     staff_id,
                                                const char                *name,
                                                const char                *email,
                                                GError                   **error);

/* Review meetings of @account_id that may still have an occurrence at
 * or after @after: meeting rows. */
gboolean    lia_meeting_store_review_series    (LiaDatabase               *db,
                                                gint64                     account_id,
                                                gint64                     after,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* @next_review_at 0: none planned. */
gboolean    lia_meeting_store_set_next_review  (LiaDatabase               *db,
                                                gint64                     account_id,
                                                gint64                     next_review_at,
                                                GError                   **error);
/* Rewrites last_review_at from the review meetings held. */
gboolean    lia_meeting_store_update_last_review (LiaDatabase             *db,
                                                gint64                     account_id,
                                                GError                   **error);
/* Ids (column 0) of accounts whose next review is before @now. */
gboolean    lia_meeting_store_stale_reviews    (LiaDatabase               *db,
                                                gint64                     now,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* The review cadence of @account_id's segment (0: none) and the last
 * review held on it or below it (0: none). */
gboolean    lia_meeting_store_review_cadence   (LiaDatabase               *db,
                                                gint64                     account_id,
                                                guint                     *out_cadence_days,
                                                gint64                    *out_last_review_at,
                                                GError                   **error);
/* Top-level accounts of segments with a review cadence whose group has
 * no review planned before the next falls due, most overdue first. */
gboolean    lia_meeting_store_reviews_due      (LiaDatabase               *db,
                                                gint64                     now,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);

gboolean    lia_follow_up_store_insert         (LiaDatabase               *db,
                                                const LiaFollowUpValues   *values,
                                                gint64                    *out_id,
                                                GError                   **error);
/* Every column but status, done_at and created_at. */
gboolean    lia_follow_up_store_update         (LiaDatabase               *db,
                                                const LiaFollowUpValues   *values,
                                                GError                   **error);
gboolean    lia_follow_up_store_set_status     (LiaDatabase               *db,
                                                gint64                     id,
                                                const char                *status,
                                                gint64                     done_at,
                                                GError                   **error);
/* Moves a follow-up with the occurrence it came from. */
gboolean    lia_follow_up_store_set_meeting    (LiaDatabase               *db,
                                                gint64                     id,
                                                gint64                     meeting_id,
                                                gint64                     occurrence_at,
                                                GError                   **error);
gboolean    lia_follow_up_store_get            (LiaDatabase               *db,
                                                gint64                     id,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* Open ones of @owner_id (0: everyone's), by due day. */
gboolean    lia_follow_up_store_open           (LiaDatabase               *db,
                                                gint64                     owner_id,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* Of one occurrence of @meeting_id, or with @occurrence_at 0 of all. */
gboolean    lia_follow_up_store_for_meeting    (LiaDatabase               *db,
                                                gint64                     meeting_id,
                                                gint64                     occurrence_at,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
gboolean    lia_follow_up_store_for_event      (LiaDatabase               *db,
                                                gint64                     event_id,
                                                LiaRowFunc                 func,
                                                gpointer                   user_data,
                                                GError                   **error);
/* Open and due before @today ("YYYY-MM-DD"), of @owner_id (0: all). */
gboolean    lia_follow_up_store_count_overdue  (LiaDatabase               *db,
                                                gint64                     owner_id,
                                                const char                *today,
                                                guint                     *out_count,
                                                GError                   **error);

G_END_DECLS
