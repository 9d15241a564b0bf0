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
  g_autoptr(GArray) starts = NULL;
  g_autoptr(LiaMeeting) series = NULL;

  starts = lia_recurrence_expand (lia_row_is_null (row, LIA_MEETING_COLUMN_RRULE)
                                  ? NULL : lia_row_get_string (row, LIA_MEETING_COLUMN_RRULE),
                                  lia_row_get_int64 (row, LIA_MEETING_COLUMN_STARTS_AT),
                                  lia_row_get_string (row, LIA_MEETING_COLUMN_TZID),
                                  range->from, range->to);
  if (starts->len == 0 && exceptions == NULL)
    return;

  series = lia_meeting_new_from_row (row);
  lia_meeting_series_apply_exceptions (series, starts,
                                       exceptions ? (LiaException **)exceptions->pdata : NULL,
                                       exceptions ? exceptions->len : 0,
                                       range->from, range->to, range->occurrences);
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
  Range range = { from, to, exceptions, occurrences };
  GListStore *store;

  g_return_val_if_fail (LIA_IS_MEETING_REPOSITORY (self), NULL);

  if (!lia_meeting_store_range_exceptions (db_of (self), &query, collect_exception, &range, error) ||
      !lia_meeting_store_range (db_of (self), &query, expand_row, &range, error))
    return NULL;

  g_ptr_array_sort (occurrences, lia_occurrence_compare);
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
