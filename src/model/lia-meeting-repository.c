/* lia-meeting-repository.c — meetings, their series and exceptions, and
 * review cadence
 *
 * The repository checks what it is given, runs each write in one
 * transaction (the edits themselves are lia-meeting-series.c's), and
 * after every write brings the account's review bookkeeping up to date:
 * the last review held and the next one planned (accounts.last_review_at
 * and next_review_at), so roll-ups read them from an index. Listeners
 * hear of a write once it is committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-meeting-repository"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "lia-account-repository.h"
#include "lia-book-private.h"
#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-store.h"
#include "lia-meeting-private.h"
#include "lia-meeting-repository.h"
#include "lia-meeting-store.h"
#include "lia-model-private.h"
#include "lia-recurrence.h"

#define MAX_TITLE_CHARS    300
#define MAX_LOCATION_CHARS 1000
#define DAY                (G_GINT64_CONSTANT (24) * 60 * 60)
/* The next planned review is looked for this far ahead, a window at a time. */
#define REVIEW_WINDOW      (400 * DAY)
#define REVIEW_HORIZON     (10 * 366 * DAY)

struct _LiaMeetingRepository
{
  GObject  parent_instance;
  LiaBook *book;   /* unowned: the book owns us */
};

G_DEFINE_FINAL_TYPE (LiaMeetingRepository, lia_meeting_repository, G_TYPE_OBJECT)

enum {
  MEETING_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* What a write touched, for the signals after its commit. */
typedef struct
{
  gint64   meeting_id;
  gint64   account_id;
  gint64   new_meeting_id;    /* the second half of a split */
  gint64   old_account_id;    /* the account a meeting moved from */
  gint64   contact_event_id;  /* a contact recorded or taken back */
} Change;

static void
lia_meeting_repository_class_init (LiaMeetingRepositoryClass *klass)
{
  signals[MEETING_CHANGED] =
    g_signal_new ("meeting-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
lia_meeting_repository_init (LiaMeetingRepository *self)
{
}

LiaMeetingRepository *
lia_meeting_repository_new (LiaBook *book)
{
  LiaMeetingRepository *self = g_object_new (LIA_TYPE_MEETING_REPOSITORY, NULL);

  self->book = book;
  return self;
}

static LiaDatabase *
db_of (LiaMeetingRepository *self)
{
  return lia_book_get_database (self->book);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, message);
  return FALSE;
}

/* A range being expanded: the exceptions are read first, so a series
 * with nothing in the range is passed over without an object. */
typedef struct
{
  gint64      from;
  gint64      to;
  GHashTable *exceptions;    /* meeting id → GPtrArray of LiaException */
  GPtrArray  *occurrences;
  GArray     *starts;        /* the series at hand's, gint64 */
} Range;

static void
collect_exception (LiaRow   *row,
                   gpointer  user_data)
{
  Range *range = user_data;
  LiaException *e = lia_exception_new_from_row (row);
  GPtrArray *list = g_hash_table_lookup (range->exceptions, &e->meeting_id);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_exception_free);
      /* The key lives in the first exception, which the list keeps. */
      g_hash_table_insert (range->exceptions, &e->meeting_id, list);
    }
  g_ptr_array_add (list, e);
}

static void
expand_row (LiaRow   *row,
            gpointer  user_data)
{
  Range *range = user_data;
  gint64 id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ID);
  GPtrArray *exceptions = g_hash_table_lookup (range->exceptions, &id);
  GArray *starts = range->starts;
  g_autoptr(LiaMeeting) series = NULL;

  g_array_set_size (starts, 0);
  lia_recurrence_expand_into (lia_row_is_null (row, LIA_MEETING_COLUMN_RRULE)
                              ? NULL : lia_row_get_string (row, LIA_MEETING_COLUMN_RRULE),
                              lia_row_get_int64 (row, LIA_MEETING_COLUMN_STARTS_AT),
                              lia_row_get_string (row, LIA_MEETING_COLUMN_TZID),
                              range->from, range->to, starts);
  if (starts->len == 0 && exceptions == NULL)
    return;

  series = lia_meeting_new_from_row (row);
  lia_meeting_series_apply_exceptions (series, starts,
                                       exceptions ? (LiaException **)exceptions->pdata : NULL,
                                       exceptions ? exceptions->len : 0,
                                       range->from, range->to, range->occurrences);
}

/* An occurrence's place in the calendar's order (lia_occurrence_compare()'s). */
typedef struct
{
  gint64         starts_at;
  gint64         meeting_id;
  gint64         recurrence_id;
  LiaOccurrence *occurrence;
} Place;

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *x = a, *y = b;

  if (x->starts_at != y->starts_at)
    return x->starts_at < y->starts_at ? -1 : 1;
  if (x->meeting_id != y->meeting_id)
    return x->meeting_id < y->meeting_id ? -1 : 1;
  return (x->recurrence_id > y->recurrence_id) - (x->recurrence_id < y->recurrence_id);
}

/* By start, then series and recurrence id: sorted on their keys, read
 * once each, rather than through the objects at every comparison. */
static void
sort_occurrences (GPtrArray *occurrences)
{
  g_autofree Place *places = g_new (Place, occurrences->len);

  for (guint i = 0; i < occurrences->len; i++)
    {
      LiaOccurrence *o = g_ptr_array_index (occurrences, i);

      places[i] = (Place) { lia_occurrence_get_starts_at (o), lia_occurrence_get_meeting_id (o),
                            lia_occurrence_get_recurrence_id (o), o };
    }
  qsort (places, occurrences->len, sizeof (Place), compare_places);
  for (guint i = 0; i < occurrences->len; i++)
    occurrences->pdata[i] = places[i].occurrence;
}

GListModel *
lia_meeting_repository_list_range (LiaMeetingRepository  *self,
                                   gint64                 from,
                                   gint64                 to,
                                   gint64                 account_id,
                                   gboolean               with_subsidiaries,
                                   GError               **error)
{
  LiaMeetingRange query = { from, to, account_id, with_subsidiaries };
  g_autoptr(GHashTable) exceptions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                            (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) occurrences = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  Range range = { from, to, exceptions, occurrences, starts };
  GListStore *store;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), NULL);

  if (!lia_meeting_store_range_exceptions (db_of (self), &query, collect_exception, &range, error) ||
      !lia_meeting_store_range (db_of (self), &query, expand_row, &range, error))
    return NULL;

  sort_occurrences (occurrences);
  store = g_list_store_new (LIA_TYPE_OCCURRENCE);
  g_list_store_splice (store, 0, 0, occurrences->pdata, occurrences->len);
  return G_LIST_MODEL (store);
}

LiaOccurrence *
lia_meeting_repository_lookup_occurrence (LiaMeetingRepository  *self,
                                          gint64                 meeting_id,
                                          gint64                 recurrence_id,
                                          GError               **error)
{
  g_autoptr(LiaMeeting) series = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), NULL);

  return lia_meeting_series_load_occurrence (self->book, meeting_id, recurrence_id, &series, &exceptions, error);
}

LiaMeeting *
lia_meeting_repository_lookup (LiaMeetingRepository  *self,
                               gint64                 meeting_id,
                               GError               **error)
{
  g_autoptr(LiaMeeting) meeting = NULL;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), NULL);

  if (!(meeting = lia_meeting_series_load (self->book, meeting_id, error)) ||
      !lia_meeting_series_load_attendees (self->book, meeting, error))
    return NULL;
  return g_steal_pointer (&meeting);
}

LiaMeeting *
lia_meeting_repository_lookup_uid (LiaMeetingRepository  *self,
                                   const char            *uid,
                                   GError               **error)
{
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  if (!(meeting = lia_meeting_series_load_uid (self->book, uid, &local_error)))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND, _("No meeting has the UID “%s”"), uid);
      return NULL;
    }
  if (!lia_meeting_series_load_attendees (self->book, meeting, error))
    return NULL;
  return g_steal_pointer (&meeting);
}

/* Bulk reads ---------------------------------------------------------- */

/* The meeting being read: its own row stays where the statement is until
 * it is complete; its exceptions' and attendees' rows go as theirs step
 * on, so their text is copied into one buffer, and pointed into (it may
 * have moved meanwhile) once the meeting is complete. */
typedef struct
{
  gint64  recurrence_id;
  gint64  starts_at;        /* 0: not moved */
  gint64  ends_at;
  gssize  text[5];          /* title, location, agenda, minutes, outcome: -1 for NULL */
  int     rating;
  int     status;           /* -1: the series' */
} ExceptionRow;

typedef struct
{
  LiaMeetingSeriesFunc  func;
  gpointer              user_data;
  GArray               *account_ids;      /* gint64, ascending */
  GArray               *account_numbers;  /* gsize: where in numbers, by the same index */
  GArray               *by_id;            /* guint32: where in numbers + 1, at id - first id; or NULL */
  GString              *numbers;
  LiaSeriesRecord       series;
  GArray               *exception_rows;   /* ExceptionRow */
  GArray               *exceptions;       /* LiaOccurrenceRecord */
  GArray               *deleted;          /* gint64 */
  GArray               *attendee_text;    /* gsize pairs: name, email */
  GArray               *attendees;        /* LiaAttendeeRecord */
  GString              *text;
} SeriesReader;

static gsize
keep_text (GString    *text,
           const char *value)
{
  gsize at = text->len;

  g_string_append_len (text, value ? value : "", value ? (gssize)strlen (value) + 1 : 1);
  return at;
}

static void
read_account (LiaRow   *row,
              gpointer  user_data)
{
  SeriesReader *reader = user_data;
  gint64 id = lia_row_get_int64 (row, 0);
  gsize at = keep_text (reader->numbers, lia_row_get_string (row, 1));

  g_array_append_val (reader->account_ids, id);
  g_array_append_val (reader->account_numbers, at);
}

/* Ids are mostly dense (INTEGER PRIMARY KEY): then an array indexed by
 * id finds a number at once, where a search over 100,000 ids took a
 * third of the time an export may. */
static void
index_accounts (SeriesReader *reader)
{
  const gint64 *ids = (const gint64 *)(gpointer)reader->account_ids->data;
  guint n = reader->account_ids->len;
  gint64 span = n > 0 ? ids[n - 1] - ids[0] + 1 : 0;

  if (n == 0 || span > 4 * (gint64)n + 1024 || reader->numbers->len >= G_MAXUINT32)
    return;
  reader->by_id = g_array_new (FALSE, TRUE, sizeof (guint32));
  g_array_set_size (reader->by_id, (guint)span);
  for (guint i = 0; i < n; i++)
    g_array_index (reader->by_id, guint32, ids[i] - ids[0]) =
      (guint32)g_array_index (reader->account_numbers, gsize, i) + 1;
}

static const char *
account_number (SeriesReader *reader,
                gint64        account_id)
{
  const gint64 *ids = (const gint64 *)(gpointer)reader->account_ids->data;
  guint lo = 0, hi = reader->account_ids->len;

  if (reader->by_id != NULL)
    {
      gint64 at = hi > 0 ? account_id - ids[0] : -1;
      guint32 where = at >= 0 && at < reader->by_id->len ? g_array_index (reader->by_id, guint32, at) : 0;

      return where > 0 ? reader->numbers->str + where - 1 : "";
    }
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] == account_id)
        return reader->numbers->str + g_array_index (reader->account_numbers, gsize, mid);
      if (ids[mid] < account_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return "";
}

static const char *
nullable_string (LiaRow *row,
                 int     column)
{
  return lia_row_is_null (row, column) ? NULL : lia_row_get_string (row, column);
}

static void
read_series (LiaRow   *row,
             gpointer  user_data)
{
  SeriesReader *reader = user_data;
  LiaSeriesRecord *s = &reader->series;

  memset (s, 0, sizeof *s);
  s->id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ID);
  s->uid = lia_row_get_string (row, LIA_MEETING_COLUMN_UID);
  s->account_id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ACCOUNT_ID);
  s->account_number = account_number (reader, s->account_id);
  s->for_portfolio = lia_row_get_int64 (row, LIA_MEETING_COLUMN_FOR_PORTFOLIO) != 0;
  s->title = lia_row_get_string (row, LIA_MEETING_COLUMN_TITLE);
  s->starts_at = lia_row_get_int64 (row, LIA_MEETING_COLUMN_STARTS_AT);
  s->ends_at = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ENDS_AT);
  s->tzid = lia_row_get_string (row, LIA_MEETING_COLUMN_TZID);
  s->all_day = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ALL_DAY) != 0;
  s->location = lia_row_get_string (row, LIA_MEETING_COLUMN_LOCATION);
  s->rrule = nullable_string (row, LIA_MEETING_COLUMN_RRULE);
  s->is_review = lia_row_get_int64 (row, LIA_MEETING_COLUMN_IS_REVIEW) != 0;
  s->agenda = lia_row_get_string (row, LIA_MEETING_COLUMN_AGENDA);
  s->minutes = lia_row_get_string (row, LIA_MEETING_COLUMN_MINUTES);
  s->outcome = lia_row_get_string (row, LIA_MEETING_COLUMN_OUTCOME);
  s->rating = (int)lia_row_get_int64 (row, LIA_MEETING_COLUMN_RATING);
  s->status = lia_row_get_enum (LIA_TYPE_MEETING_STATUS, row, LIA_MEETING_COLUMN_STATUS,
                                LIA_MEETING_STATUS_PLANNED);
  s->organizer_id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ORGANIZER_ID);
  s->sequence = lia_row_get_int64 (row, LIA_MEETING_COLUMN_SEQUENCE);

  g_string_truncate (reader->text, 0);
  g_array_set_size (reader->exception_rows, 0);
  g_array_set_size (reader->deleted, 0);
  g_array_set_size (reader->attendee_text, 0);
}

/* A cancelled occurrence is an EXDATE; the others are as the model's
 * own exceptions (LiaException) have them. */
static void
read_exception (LiaRow   *row,
                gpointer  user_data)
{
  static const int columns[] = {
    LIA_EXCEPTION_COLUMN_TITLE, LIA_EXCEPTION_COLUMN_LOCATION, LIA_EXCEPTION_COLUMN_AGENDA,
    LIA_EXCEPTION_COLUMN_MINUTES, LIA_EXCEPTION_COLUMN_OUTCOME,
  };
  SeriesReader *reader = user_data;
  ExceptionRow e = { lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_RECURRENCE_ID), };

  if (lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_CANCELLED) != 0)
    {
      g_array_append_val (reader->deleted, e.recurrence_id);
      return;
    }
  e.starts_at = lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_STARTS_AT);
  e.ends_at = lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_ENDS_AT);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    e.text[i] = lia_row_is_null (row, columns[i]) ? -1
                : (gssize)keep_text (reader->text, lia_row_get_string (row, columns[i]));
  e.rating = (int)lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_RATING);
  e.status = lia_row_get_enum (LIA_TYPE_MEETING_STATUS, row, LIA_EXCEPTION_COLUMN_STATUS, -1);
  g_array_append_val (reader->exception_rows, e);
}

static void
read_attendee (LiaRow   *row,
               gpointer  user_data)
{
  SeriesReader *reader = user_data;
  gsize text[2] = {
    keep_text (reader->text, lia_row_get_string (row, LIA_ATTENDEE_COLUMN_NAME)),
    keep_text (reader->text, lia_row_get_string (row, LIA_ATTENDEE_COLUMN_EMAIL)),
  };

  g_array_append_vals (reader->attendee_text, text, 2);
}

static const char *
own_or (SeriesReader *reader,
        gssize        own,
        const char   *series)
{
  return own >= 0 ? reader->text->str + own : series;
}

/* As lia_occurrence_new() applies an exception to its series. */
static void
resolve_exceptions (SeriesReader *reader)
{
  LiaSeriesRecord *s = &reader->series;

  g_array_set_size (reader->exceptions, reader->exception_rows->len);
  for (guint i = 0; i < reader->exception_rows->len; i++)
    {
      const ExceptionRow *e = &g_array_index (reader->exception_rows, ExceptionRow, i);
      LiaOccurrenceRecord *o = &g_array_index (reader->exceptions, LiaOccurrenceRecord, i);

      o->recurrence_id = e->recurrence_id;
      o->starts_at = e->starts_at != 0 ? e->starts_at : e->recurrence_id;
      o->ends_at = e->starts_at != 0 ? MAX (e->ends_at, e->starts_at)
                                     : e->recurrence_id + s->ends_at - s->starts_at;
      o->title = own_or (reader, e->text[0], s->title);
      o->location = own_or (reader, e->text[1], s->location);
      o->agenda = own_or (reader, e->text[2], s->agenda);
      o->minutes = own_or (reader, e->text[3], s->minutes);
      o->outcome = own_or (reader, e->text[4], s->outcome);
      o->rating = e->rating != 0 ? e->rating : s->rating;
      o->status = e->status >= 0 ? (LiaMeetingStatus)e->status : s->status;
    }
}

static gboolean
series_done (gpointer user_data)
{
  SeriesReader *reader = user_data;
  LiaSeriesRecord *s = &reader->series;
  guint n_attendees = reader->attendee_text->len / 2;

  resolve_exceptions (reader);
  g_array_set_size (reader->attendees, n_attendees);
  for (guint i = 0; i < n_attendees; i++)
    {
      LiaAttendeeRecord *a = &g_array_index (reader->attendees, LiaAttendeeRecord, i);

      a->name = reader->text->str + g_array_index (reader->attendee_text, gsize, 2 * i);
      a->email = reader->text->str + g_array_index (reader->attendee_text, gsize, 2 * i + 1);
    }

  s->exceptions = (const LiaOccurrenceRecord *)(gpointer)reader->exceptions->data;
  s->n_exceptions = reader->exceptions->len;
  s->deleted = (const gint64 *)(gpointer)reader->deleted->data;
  s->n_deleted = reader->deleted->len;
  s->attendees = (const LiaAttendeeRecord *)(gpointer)reader->attendees->data;
  s->n_attendees = n_attendees;
  return reader->func (s, reader->user_data);
}

gboolean
lia_meeting_repository_foreach_series (LiaMeetingRepository  *self,
                                       gint64                 account_id,
                                       gint64                 meeting_id,
                                       LiaMeetingSeriesFunc   func,
                                       gpointer               user_data,
                                       GError               **error)
{
  static const LiaMeetingExportFuncs funcs = { read_series, read_exception, read_attendee, series_done };
  SeriesReader reader = {
    func, user_data,
    g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gsize)), NULL,
    g_string_new (NULL), { 0, },
    g_array_new (FALSE, FALSE, sizeof (ExceptionRow)), g_array_new (FALSE, FALSE, sizeof (LiaOccurrenceRecord)),
    g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gsize)),
    g_array_new (FALSE, FALSE, sizeof (LiaAttendeeRecord)), g_string_new (NULL),
  };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  ok = lia_meeting_store_list_accounts (db_of (self), account_id, meeting_id, read_account, &reader, error);
  if (ok)
    index_accounts (&reader);
  ok = ok && lia_meeting_store_export (db_of (self), account_id, meeting_id, &funcs, &reader, error);

  g_array_unref (reader.account_ids);
  g_array_unref (reader.account_numbers);
  g_clear_pointer (&reader.by_id, g_array_unref);
  g_string_free (reader.numbers, TRUE);
  g_array_unref (reader.exception_rows);
  g_array_unref (reader.exceptions);
  g_array_unref (reader.deleted);
  g_array_unref (reader.attendee_text);
  g_array_unref (reader.attendees);
  g_string_free (reader.text, TRUE);
  return ok;
}

static void
collect_zone (LiaRow   *row,
              gpointer  user_data)
{
  g_ptr_array_add (user_data, g_strdup (lia_row_get_string (row, 0)));
}

GStrv
lia_meeting_repository_list_zones (LiaMeetingRepository  *self,
                                   gint64                 account_id,
                                   gint64                 meeting_id,
                                   GError               **error)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), NULL);

  if (!lia_meeting_store_list_zones (db_of (self), account_id, meeting_id, collect_zone, zones, error))
    return NULL;
  g_ptr_array_add (zones, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&zones), FALSE);
}

/* Reviews ------------------------------------------------------------- */

/* The start of @series' first planned occurrence at or after @after,
 * 0 when there is none within the horizon. */
static gboolean
next_planned (LiaMeetingRepository  *self,
              LiaMeeting            *series,
              gint64                 after,
              gint64                *out_next,
              GError               **error)
{
  g_autoptr(GPtrArray) exceptions = lia_meeting_series_load_exceptions (self->book, lia_meeting_get_id (series), error);
  gint64 end = MAX (after, lia_meeting_get_starts_at (series)) + REVIEW_HORIZON;

  *out_next = 0;
  if (exceptions == NULL)
    return FALSE;

  /* A window at a time: the first of a monthly series is in the first. */
  gint64 window = lia_meeting_get_is_recurring (series) ? REVIEW_WINDOW : end - after;

  for (gint64 from = after; *out_next == 0 && from < end; from += window)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

      lia_meeting_series_expand (series, (LiaException **)exceptions->pdata, exceptions->len,
                                 from, from + window, found);
      for (guint i = 0; i < found->len; i++)
        {
          LiaOccurrence *occurrence = g_ptr_array_index (found, i);
          gint64 start = lia_occurrence_get_starts_at (occurrence);

          if (lia_occurrence_get_status (occurrence) == LIA_MEETING_STATUS_PLANNED &&
              (*out_next == 0 || start < *out_next))
            *out_next = start;
        }
    }
  return TRUE;
}

static gboolean
refresh_next_review (LiaMeetingRepository  *self,
                     gint64                 account_id,
                     GError               **error)
{
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_meeting_new_from_row, series };
  gint64 now = lia_book_now (self->book);
  gint64 best = 0;

  if (!lia_meeting_store_review_series (db_of (self), account_id, now, lia_collect_row,
                                        &collect, error))
    return FALSE;

  for (guint i = 0; i < series->len; i++)
    {
      gint64 next = 0;

      if (!next_planned (self, g_ptr_array_index (series, i), now, &next, error))
        return FALSE;
      if (next != 0 && (best == 0 || next < best))
        best = next;
    }
  return lia_meeting_store_set_next_review (db_of (self), account_id, best, error);
}

/* The last review held and the next one planned, after a write. */
static gboolean
refresh_account (LiaMeetingRepository  *self,
                 gint64                 account_id,
                 GError               **error)
{
  if (account_id == 0)
    return TRUE;
  return lia_meeting_store_update_last_review (db_of (self), account_id, error) &&
         refresh_next_review (self, account_id, error);
}

static void
collect_id (LiaRow   *row,
            gpointer  user_data)
{
  gint64 id = lia_row_get_int64 (row, 0);

  g_array_append_val ((GArray *)user_data, id);
}

gboolean
lia_meeting_repository_refresh_reviews (LiaMeetingRepository  *self,
                                        GError               **error)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = TRUE;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);

  if (!lia_meeting_store_stale_reviews (db_of (self), lia_book_now (self->book),
                                        collect_id, stale, error))
    return FALSE;
  /* A read-only book shows what it has: roll-ups skip past dates. */
  if (stale->len == 0 || lia_book_is_read_only (self->book))
    return TRUE;

  if (!lia_book_begin (self->book, error))
    return FALSE;
  for (guint i = 0; ok && i < stale->len; i++)
    ok = refresh_next_review (self, g_array_index (stale, gint64, i), error);
  return lia_book_finish (self->book, ok, error);
}

gint64
lia_meeting_repository_next_review_due (LiaMeetingRepository  *self,
                                        gint64                 account_id,
                                        GError               **error)
{
  guint cadence = 0;
  gint64 last = 0;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), 0);

  if (!lia_meeting_store_review_cadence (db_of (self), account_id, &cadence, &last, error) ||
      cadence == 0)
    return 0;
  /* From the last review actually held: a late one moves the next on. */
  return (last != 0 ? last : lia_book_now (self->book)) + cadence * DAY;
}

GListModel *
lia_meeting_repository_list_reviews_due (LiaMeetingRepository  *self,
                                         GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_account_new_from_row, rows };
  g_autoptr(GError) refresh_error = NULL;
  GListStore *store;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), NULL);

  if (!lia_meeting_repository_refresh_reviews (self, &refresh_error))
    g_warning ("Cannot bring the next reviews up to date: %s", refresh_error->message);
  if (!lia_meeting_store_reviews_due (db_of (self), lia_book_now (self->book),
                                      lia_collect_row, &collect, error))
    return NULL;

  store = g_list_store_new (LIA_TYPE_ACCOUNT);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

/* Validation ---------------------------------------------------------- */

static gboolean
validate_fields (const char  *title,
                 gint64       starts_at,
                 gint64       ends_at,
                 int          rating,
                 const char  *location,
                 const char  *agenda,
                 const char  *minutes,
                 const char  *outcome,
                 GError     **error)
{
  const char *notes[] = { agenda, minutes, outcome };

  if (title == NULL || *title == '\0')
    return invalid (error, _("A meeting needs a title"));
  if (g_utf8_strlen (title, -1) > MAX_TITLE_CHARS)
    return invalid (error, _("The title is longer than 300 characters"));
  if (ends_at < starts_at)
    return invalid (error, _("A meeting cannot end before it starts"));
  if (rating < 0 || rating > 5)
    return invalid (error, _("A rating is from 1 to 5 stars, or none"));
  if (location != NULL && g_utf8_strlen (location, -1) > MAX_LOCATION_CHARS)
    return invalid (error, _("The location is longer than 1000 characters"));
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    if (notes[i] != NULL && g_utf8_strlen (notes[i], -1) > LIA_MAX_NOTES_LENGTH)
      return invalid (error, _("The agenda, minutes and outcome are limited to 20000 characters each"));
  return TRUE;
}

static gboolean
is_staff (LiaBook *book,
          gint64   staff_id)
{
  g_autoptr(LiaStaffMember) member = lia_book_lookup_staff (book, staff_id);

  return member != NULL;
}

/* Checks @meeting, trims its title and gives it its last start. */
static gboolean
validate_meeting (LiaMeetingRepository  *self,
                  LiaMeeting            *meeting,
                  GError               **error)
{
  g_autofree char *title = g_strstrip (g_strdup (lia_meeting_get_title (meeting)));
  g_autoptr(LiaAccount) account = NULL;
  gint64 organizer = lia_meeting_get_organizer_id (meeting);
  gint64 last = 0;

  if (lia_meeting_get_account_id (meeting) == 0)
    return invalid (error, _("A meeting needs an account"));
  if (!validate_fields (title, lia_meeting_get_starts_at (meeting), lia_meeting_get_ends_at (meeting),
                        lia_meeting_get_rating (meeting), lia_meeting_get_location (meeting),
                        lia_meeting_get_agenda (meeting), lia_meeting_get_minutes (meeting),
                        lia_meeting_get_outcome (meeting), error) ||
      !lia_recurrence_check (lia_meeting_get_rrule (meeting), lia_meeting_get_starts_at (meeting),
                             lia_meeting_get_tzid (meeting), &last, error))
    return FALSE;
  if (organizer != 0 && !is_staff (self->book, organizer))
    return invalid (error, _("The organizer is not on the staff"));
  if (!(account = lia_account_repository_lookup (lia_book_get_accounts (self->book),
                                                 lia_meeting_get_account_id (meeting), error)))
    return FALSE;

  lia_meeting_set_title (meeting, title);
  lia_meeting_set_until_at (meeting, last);
  return TRUE;
}

static gboolean
validate_occurrence (LiaOccurrence  *occurrence,
                     GError        **error)
{
  g_autofree char *title = g_strstrip (g_strdup (lia_occurrence_get_title (occurrence)));

  if (!validate_fields (title, lia_occurrence_get_starts_at (occurrence),
                        lia_occurrence_get_ends_at (occurrence), lia_occurrence_get_rating (occurrence),
                        lia_occurrence_get_location (occurrence), lia_occurrence_get_agenda (occurrence),
                        lia_occurrence_get_minutes (occurrence), lia_occurrence_get_outcome (occurrence),
                        error))
    return FALSE;
  if (g_strcmp0 (title, lia_occurrence_get_title (occurrence)) != 0)
    lia_occurrence_set_title (occurrence, title);
  return TRUE;
}

/* Writing ------------------------------------------------------------- */

/* Commits and tells listeners, or rolls back. */
static gboolean
finish (LiaMeetingRepository  *self,
        gboolean               ok,
        const Change          *change,
        GError               **error)
{
  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  /* A contact recorded or taken back changes the account's last contact. */
  if (change->contact_event_id != 0)
    lia_book_emit_account_changed (self->book, change->account_id, FALSE);

  /* Inside a larger write (an import, sample data) its author tells
   * listeners once, at the end. */
  if (lia_database_in_transaction (db_of (self)))
    return TRUE;

  g_signal_emit (self, signals[MEETING_CHANGED], 0, change->meeting_id, change->account_id);
  if (change->new_meeting_id != 0)
    g_signal_emit (self, signals[MEETING_CHANGED], 0, change->new_meeting_id, change->account_id);
  if (change->old_account_id != 0 && change->old_account_id != change->account_id)
    g_signal_emit (self, signals[MEETING_CHANGED], 0, change->meeting_id, change->old_account_id);
  if (change->contact_event_id != 0)
    lia_event_repository_emit_changed (lia_book_get_events (self->book),
                                       change->contact_event_id, change->account_id);
  return TRUE;
}

/* Public writes ------------------------------------------------------- */

gboolean
lia_meeting_repository_add (LiaMeetingRepository  *self,
                            LiaMeeting            *meeting,
                            GError               **error)
{
  g_autoptr(LiaMeeting) existing = NULL;
  g_autoptr(LiaMeeting) row = NULL;
  g_autoptr(GError) local_error = NULL;
  LiaMeetingStatus status = lia_meeting_get_status (meeting);
  /* A single meeting recorded as held is held through set_status. */
  gboolean held_later = !lia_meeting_get_is_recurring (meeting) && status != LIA_MEETING_STATUS_PLANNED;
  Change change = { 0, lia_meeting_get_account_id (meeting), };
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_MEETING (meeting), FALSE);

  if (!validate_meeting (self, meeting, error))
    return FALSE;
  if (lia_meeting_get_uid (meeting) == NULL)
    {
      g_autofree char *uid = lia_meeting_series_new_uid ();
      lia_meeting_set_uid (meeting, uid);
    }
  if (!lia_book_begin (self->book, error))
    return FALSE;

  existing = lia_meeting_series_load_uid (self->book, lia_meeting_get_uid (meeting), &local_error);
  if (!(ok = local_error == NULL))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (existing != NULL)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_DUPLICATE,
                   _("There is already a meeting with the UID “%s”"), lia_meeting_get_uid (meeting));
      ok = FALSE;
    }
  if (ok)
    {
      row = lia_meeting_copy (meeting);
      lia_meeting_set_contact_event_id (row, 0);
      if (held_later)
        lia_meeting_set_status (row, LIA_MEETING_STATUS_PLANNED);
      ok = lia_meeting_series_insert (self->book, row, &id, error);
    }
  change.meeting_id = id;
  ok = ok && lia_meeting_series_write_attendees (self->book, id, lia_meeting_get_attendees (meeting), error) &&
       (!held_later ||
        lia_meeting_series_set_status (self->book, id, lia_meeting_get_starts_at (meeting), status,
                                       &change.account_id, &change.contact_event_id, error)) &&
       refresh_account (self, change.account_id, error);
  if (!finish (self, ok, &change, error))
    return FALSE;

  lia_meeting_set_id (meeting, id);
  return TRUE;
}

gboolean
lia_meeting_repository_update (LiaMeetingRepository  *self,
                               LiaMeeting            *meeting,
                               GError               **error)
{
  g_autoptr(LiaMeeting) old = NULL;
  gint64 id = lia_meeting_get_id (meeting);
  Change change = { id, lia_meeting_get_account_id (meeting), };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_MEETING (meeting), FALSE);

  if (!validate_meeting (self, meeting, error) || !lia_book_begin (self->book, error))
    return FALSE;

  ok = (old = lia_meeting_series_load (self->book, id, error)) != NULL;
  if (ok)
    {
      change.old_account_id = lia_meeting_get_account_id (old);
      ok = lia_meeting_series_write (self->book, old, meeting, error) &&
           lia_meeting_series_write_attendees (self->book, id, lia_meeting_get_attendees (meeting), error) &&
           (lia_meeting_get_is_recurring (meeting) ||
            lia_meeting_series_set_status (self->book, id, lia_meeting_get_starts_at (meeting),
                                           lia_meeting_get_status (meeting), &change.account_id,
                                           &change.contact_event_id, error)) &&
           refresh_account (self, change.account_id, error) &&
           (change.old_account_id == change.account_id ||
            refresh_account (self, change.old_account_id, error));
    }
  return finish (self, ok, &change, error);
}

gboolean
lia_meeting_repository_set_attendees (LiaMeetingRepository  *self,
                                      gint64                 meeting_id,
                                      GListModel            *attendees,
                                      GError               **error)
{
  g_autoptr(LiaMeeting) series = NULL;
  Change change = { meeting_id, };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = (series = lia_meeting_series_load (self->book, meeting_id, error)) != NULL &&
       lia_meeting_series_write_attendees (self->book, meeting_id, attendees, error);
  if (series != NULL)
    change.account_id = lia_meeting_get_account_id (series);
  return finish (self, ok, &change, error);
}

gboolean
lia_meeting_repository_set_sequence (LiaMeetingRepository  *self,
                                     gint64                 meeting_id,
                                     gint64                 sequence,
                                     GError               **error)
{
  g_autoptr(LiaMeeting) series = NULL;
  Change change = { meeting_id, };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);
  g_return_val_if_fail (sequence >= 0, FALSE);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = (series = lia_meeting_series_load (self->book, meeting_id, error)) != NULL &&
       lia_meeting_store_set_sequence (db_of (self), meeting_id, sequence, error);
  if (series != NULL)
    change.account_id = lia_meeting_get_account_id (series);
  return finish (self, ok, &change, error);
}

gboolean
lia_meeting_repository_update_occurrence (LiaMeetingRepository  *self,
                                          LiaOccurrence         *occurrence,
                                          LiaEditScope           scope,
                                          GError               **error)
{
  gint64 meeting_id = lia_occurrence_get_meeting_id (occurrence);
  g_autoptr(LiaMeeting) series = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(LiaOccurrence) stored = NULL;
  Change change = { meeting_id, };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_OCCURRENCE (occurrence), FALSE);
  /* One list_range() gave has no notes (nor a UID) to write back. */
  g_return_val_if_fail (lia_meeting_get_uid (lia_occurrence_get_series (occurrence)) != NULL, FALSE);

  if (!validate_occurrence (occurrence, error) || !lia_book_begin (self->book, error))
    return FALSE;

  ok = (stored = lia_meeting_series_load_occurrence (self->book, meeting_id,
                                                     lia_occurrence_get_recurrence_id (occurrence),
                                                     &series, &exceptions, error)) != NULL;
  if (ok)
    {
      change.account_id = lia_meeting_get_account_id (series);
      ok = lia_meeting_series_edit (self->book, series, stored, occurrence, scope,
                                    &change.new_meeting_id, &change.contact_event_id, error);
    }
  ok = ok && refresh_account (self, change.account_id, error);
  return finish (self, ok, &change, error);
}

/* Follow-ups outlive what they came from: they stay, without the meeting
 * when the whole series goes. */
gboolean
lia_meeting_repository_delete_occurrence (LiaMeetingRepository  *self,
                                          gint64                 meeting_id,
                                          gint64                 recurrence_id,
                                          LiaEditScope           scope,
                                          GError               **error)
{
  g_autoptr(LiaMeeting) series = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(LiaOccurrence) stored = NULL;
  Change change = { meeting_id, };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = (stored = lia_meeting_series_load_occurrence (self->book, meeting_id, recurrence_id,
                                                     &series, &exceptions, error)) != NULL;
  if (ok)
    {
      change.account_id = lia_meeting_get_account_id (series);
      ok = lia_meeting_series_delete (self->book, series, exceptions, recurrence_id, scope, error);
    }
  ok = ok && refresh_account (self, change.account_id, error);
  return finish (self, ok, &change, error);
}

gboolean
lia_meeting_repository_set_status (LiaMeetingRepository  *self,
                                   gint64                 meeting_id,
                                   gint64                 recurrence_id,
                                   LiaMeetingStatus       status,
                                   GError               **error)
{
  Change change = { meeting_id, };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), FALSE);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_meeting_series_set_status (self->book, meeting_id, recurrence_id, status,
                                      &change.account_id, &change.contact_event_id, error) &&
       refresh_account (self, change.account_id, error);
  return finish (self, ok, &change, error);
}
