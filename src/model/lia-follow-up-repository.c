/* lia-follow-up-repository.c — follow-ups of meetings and events
 *
 * "Today" is the local calendar day of the book's clock: a follow-up is
 * overdue once a day after its due day has begun, and the SQL compares
 * due days as "YYYY-MM-DD" text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-follow-up-repository"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-book-private.h"
#include "lia-enum-types.h"
#include "lia-follow-up-repository.h"
#include "lia-meeting-private.h"
#include "lia-meeting-repository.h"
#include "lia-meeting-store.h"
#include "lia-model-private.h"

#define MAX_SUMMARY_CHARS 1000

struct _LiaFollowUpRepository
{
  GObject  parent_instance;
  LiaBook *book;   /* unowned: the book owns us */
};

G_DEFINE_FINAL_TYPE (LiaFollowUpRepository, lia_follow_up_repository, G_TYPE_OBJECT)

enum {
  FOLLOW_UP_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
lia_follow_up_repository_class_init (LiaFollowUpRepositoryClass *klass)
{
  signals[FOLLOW_UP_CHANGED] =
    g_signal_new ("follow-up-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
lia_follow_up_repository_init (LiaFollowUpRepository *self)
{
}

LiaFollowUpRepository *
lia_follow_up_repository_new (LiaBook *book)
{
  LiaFollowUpRepository *self = g_object_new (LIA_TYPE_FOLLOW_UP_REPOSITORY, NULL);

  self->book = book;
  return self;
}

static LiaDatabase *
db_of (LiaFollowUpRepository *self)
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

/* Commits and tells listeners, or rolls back. */
static gboolean
finish (LiaFollowUpRepository  *self,
        gboolean                ok,
        gint64                  follow_up_id,
        gint64                  account_id,
        GError                **error)
{
  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  if (!lia_database_in_transaction (db_of (self)))
    g_signal_emit (self, signals[FOLLOW_UP_CHANGED], 0, follow_up_id, account_id);
  return TRUE;
}

/* Checks @follow_up and trims its summary; one from a meeting belongs to
 * the meeting's account unless it names one. */
static gboolean
validate (LiaFollowUpRepository  *self,
          LiaFollowUp            *follow_up,
          GError                **error)
{
  g_autofree char *summary = g_strstrip (g_strdup (lia_follow_up_get_summary (follow_up)));
  gint64 owner_id = lia_follow_up_get_owner_id (follow_up);
  gint64 meeting_id = lia_follow_up_get_meeting_id (follow_up);
  g_autoptr(LiaStaffMember) owner = NULL;

  if (*summary == '\0')
    return invalid (error, _("A follow-up needs a summary of what was requested or proposed"));
  if (g_utf8_strlen (summary, -1) > MAX_SUMMARY_CHARS)
    return invalid (error, _("The summary is longer than 1000 characters"));
  if (!g_date_valid (lia_follow_up_get_due_date (follow_up)))
    return invalid (error, _("A follow-up needs a valid due date"));
  if (owner_id != 0 && !(owner = lia_book_lookup_staff (self->book, owner_id)))
    return invalid (error, _("The owner is not on the staff"));

  if (meeting_id != 0)
    {
      g_autoptr(LiaMeeting) meeting = lia_meeting_repository_lookup (lia_book_get_meetings (self->book),
                                                                      meeting_id, error);
      if (meeting == NULL)
        return FALSE;
      if (lia_follow_up_get_account_id (follow_up) == 0)
        lia_follow_up_set_account_id (follow_up, lia_meeting_get_account_id (meeting));
    }
  if (lia_follow_up_get_account_id (follow_up) == 0)
    return invalid (error, _("A follow-up needs an account"));

  lia_follow_up_set_summary (follow_up, summary);
  return TRUE;
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
fill_values (LiaFollowUp       *follow_up,
             const char        *due_date,
             LiaFollowUpValues *v)
{
  v->id = lia_follow_up_get_id (follow_up);
  v->account_id = lia_follow_up_get_account_id (follow_up);
  v->meeting_id = lia_follow_up_get_meeting_id (follow_up);
  v->occurrence_at = lia_follow_up_get_occurrence_at (follow_up);
  v->event_id = lia_follow_up_get_event_id (follow_up);
  v->summary = lia_follow_up_get_summary (follow_up);
  v->owner_id = lia_follow_up_get_owner_id (follow_up);
  v->due_date = due_date;
  v->status = lia_enum_to_nick (LIA_TYPE_FOLLOW_UP_STATUS, lia_follow_up_get_status (follow_up));
  v->done_at = lia_follow_up_get_done_at (follow_up);
}

/**
 * lia_follow_up_repository_add:
 * @follow_up: a draft from lia_follow_up_new(); gets its id
 *
 * A draft created done is stamped done now.
 */
gboolean
lia_follow_up_repository_add (LiaFollowUpRepository  *self,
                              LiaFollowUp            *follow_up,
                              GError                **error)
{
  g_autofree char *due_date = NULL;
  LiaFollowUpValues values = { 0, };
  gint64 now, id = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_FOLLOW_UP_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_FOLLOW_UP (follow_up), FALSE);

  if (!validate (self, follow_up, error))
    return FALSE;

  now = lia_book_now (self->book);
  if (lia_follow_up_get_status (follow_up) == LIA_FOLLOW_UP_STATUS_DONE &&
      lia_follow_up_get_done_at (follow_up) == 0)
    lia_follow_up_set_status (follow_up, LIA_FOLLOW_UP_STATUS_DONE, now);
  due_date = format_day (lia_follow_up_get_due_date (follow_up));
  fill_values (follow_up, due_date, &values);
  values.created_at = now;

  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_follow_up_store_insert (db_of (self), &values, &id, error);
  if (!finish (self, ok, id, values.account_id, error))
    return FALSE;

  lia_follow_up_set_id (follow_up, id);
  return TRUE;
}

/* Writes what it says and where it came from, not its status. */
gboolean
lia_follow_up_repository_update (LiaFollowUpRepository  *self,
                                 LiaFollowUp            *follow_up,
                                 GError                **error)
{
  g_autofree char *due_date = NULL;
  LiaFollowUpValues values = { 0, };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_FOLLOW_UP_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_FOLLOW_UP (follow_up), FALSE);

  if (!validate (self, follow_up, error))
    return FALSE;

  due_date = format_day (lia_follow_up_get_due_date (follow_up));
  fill_values (follow_up, due_date, &values);
  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_follow_up_store_update (db_of (self), &values, error);
  return finish (self, ok, values.id, values.account_id, error);
}

static void
keep_follow_up (LiaRow   *row,
                gpointer  user_data)
{
  LiaFollowUp **out = user_data;

  g_clear_object (out);
  *out = lia_follow_up_new_from_row (row);
}

LiaFollowUp *
lia_follow_up_repository_lookup (LiaFollowUpRepository  *self,
                                 gint64                  follow_up_id,
                                 GError                **error)
{
  LiaFollowUp *follow_up = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIA_IS_FOLLOW_UP_REPOSITORY (self), NULL);

  if (!lia_follow_up_store_get (db_of (self), follow_up_id, keep_follow_up, &follow_up, &local_error))
    {
      g_clear_object (&follow_up);
      if (g_error_matches (local_error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND))
        g_set_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND,
                     _("No follow-up with id %lld"), (long long) follow_up_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return follow_up;
}

gboolean
lia_follow_up_repository_set_status (LiaFollowUpRepository  *self,
                                     gint64                  follow_up_id,
                                     LiaFollowUpStatus       status,
                                     GError                **error)
{
  g_autoptr(LiaFollowUp) follow_up = NULL;
  gint64 done_at = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_FOLLOW_UP_REPOSITORY (self), FALSE);

  if (!(follow_up = lia_follow_up_repository_lookup (self, follow_up_id, error)))
    return FALSE;
  if (lia_follow_up_get_status (follow_up) == status)
    return TRUE;

  /* Done is stamped now; reopened or dropped, it is not done. */
  if (status == LIA_FOLLOW_UP_STATUS_DONE)
    done_at = lia_book_now (self->book);

  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_follow_up_store_set_status (db_of (self), follow_up_id,
                                       lia_enum_to_nick (LIA_TYPE_FOLLOW_UP_STATUS, status),
                                       done_at, error);
  return finish (self, ok, follow_up_id, lia_follow_up_get_account_id (follow_up), error);
}

static GListModel *
to_model (GPtrArray *rows)
{
  GListStore *store = g_list_store_new (LIA_TYPE_FOLLOW_UP);

  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

typedef gboolean (*IdQuery) (LiaDatabase *, gint64, LiaRowFunc, gpointer, GError **);

static GListModel *
list_by_id (LiaFollowUpRepository  *self,
            IdQuery                 query,
            gint64                  id,
            GError                **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_follow_up_new_from_row, rows };

  if (!query (db_of (self), id, lia_collect_row, &collect, error))
    return NULL;
  return to_model (rows);
}

/* By due day, so the overdue ones come first. */
GListModel *
lia_follow_up_repository_list_open (LiaFollowUpRepository  *self,
                                    gint64                  owner_id,
                                    GError                **error)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_REPOSITORY (self), NULL);
  return list_by_id (self, lia_follow_up_store_open, owner_id, error);
}

/* @occurrence_at 0: of every occurrence of the meeting. */
GListModel *
lia_follow_up_repository_list_for_meeting (LiaFollowUpRepository  *self,
                                           gint64                  meeting_id,
                                           gint64                  occurrence_at,
                                           GError                **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_follow_up_new_from_row, rows };

  g_return_val_if_fail (LIA_IS_FOLLOW_UP_REPOSITORY (self), NULL);

  if (!lia_follow_up_store_for_meeting (db_of (self), meeting_id, occurrence_at,
                                        lia_collect_row, &collect, error))
    return NULL;
  return to_model (rows);
}

GListModel *
lia_follow_up_repository_list_for_event (LiaFollowUpRepository  *self,
                                         gint64                  event_id,
                                         GError                **error)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP_REPOSITORY (self), NULL);
  return list_by_id (self, lia_follow_up_store_for_event, event_id, error);
}

guint
lia_follow_up_repository_count_overdue (LiaFollowUpRepository *self,
                                        gint64                 owner_id)
{
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_return_val_if_fail (LIA_IS_FOLLOW_UP_REPOSITORY (self), 0);

  today = lia_follow_up_local_day (lia_book_now (self->book));
  if (!lia_follow_up_store_count_overdue (db_of (self), owner_id, today, &count, &error))
    g_warning ("Cannot count overdue follow-ups: %s", error->message);
  return count;
}
