/* lia-meeting-series.c — a series with its exceptions: read, expanded,
 * and edited for one occurrence, it and later ones, or all
 *
 * A meeting row is a series (or a single meeting); libical expands it
 * (lia-recurrence.c) and an occurrence with anything of its own is a row
 * of meeting_occurrences keyed by the start the series gave it. Edits
 * name their scope:
 *
 *  - THIS writes the occurrence's exception (a removal is an exception
 *    marked cancelled: an EXDATE);
 *  - THIS_AND_LATER splits: the series ends just before the occurrence
 *    and a new series (a new UID) starts there carrying the edits, the
 *    exceptions and the follow-ups of the occurrences from there on;
 *  - ALL writes the series; a moved start moves every occurrence by the
 *    same wall-clock shift, exceptions and follow-ups with them.
 *
 * An edit to all occurrences of a field an exception overrides leaves
 * that exception's own value, except on the occurrence edited. Status is
 * always one occurrence's: held records a contact made, a visit at its
 * start (so contact coverage counts it), and taking it back removes that
 * contact.
 *
 * These run inside the repository's transaction; LiaMeetingRepository
 * validates, begins, refreshes the review bookkeeping and commits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-meeting-series"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-book-private.h"
#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-store.h"
#include "lia-meeting-private.h"
#include "lia-meeting-store.h"
#include "lia-model-private.h"
#include "lia-recurrence.h"

static LiaDatabase *
db_of (LiaBook *book)
{
  return lia_book_get_database (book);
}

static const char *
status_nick (LiaMeetingStatus status)
{
  return lia_enum_to_nick (LIA_TYPE_MEETING_STATUS, status);
}

/* Reading ------------------------------------------------------------- */

static void
keep_meeting (LiaRow   *row,
              gpointer  user_data)
{
  LiaMeeting **out = user_data;

  g_clear_object (out);
  *out = lia_meeting_new_from_row (row);
}

LiaMeeting *
lia_meeting_series_load (LiaBook               *book,
                         gint64                 meeting_id,
                         GError               **error)
{
  LiaMeeting *meeting = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!lia_meeting_store_get (db_of (book), meeting_id, keep_meeting, &meeting, &local_error))
    {
      g_clear_object (&meeting);
      if (g_error_matches (local_error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND))
        g_set_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND,
                     _("No meeting with id %" G_GINT64_FORMAT), meeting_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return meeting;
}

/* NULL without an error when no meeting has @uid. */
LiaMeeting *
lia_meeting_series_load_uid (LiaBook     *book,
                             const char  *uid,
                             GError     **error)
{
  LiaMeeting *meeting = NULL;

  if (!lia_meeting_store_get_by_uid (db_of (book), uid, keep_meeting, &meeting, error))
    g_clear_object (&meeting);
  return meeting;
}

gboolean
lia_meeting_series_load_attendees (LiaBook               *book,
                                   LiaMeeting            *meeting,
                                   GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_attendee_new_from_row, rows };

  if (!lia_meeting_store_attendees (db_of (book), lia_meeting_get_id (meeting),
                                    lia_collect_row, &collect, error))
    return FALSE;
  lia_meeting_take_attendees (meeting, rows);
  return TRUE;
}

/* The exception rows of @meeting_id, by recurrence id. */
GPtrArray *
lia_meeting_series_load_exceptions (LiaBook               *book,
                                    gint64                 meeting_id,
                                    GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)lia_exception_free);
  LiaCollect collect = { (LiaFromRowFunc)lia_exception_new_from_row, rows };

  if (!lia_meeting_store_exceptions (db_of (book), meeting_id, lia_collect_row, &collect, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* Binary search in @items, sorted by recurrence id. */
static LiaException *
find_exception (LiaException **items,
                guint          n_items,
                gint64         recurrence_id)
{
  guint lo = 0, hi = n_items;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (items[mid]->recurrence_id == recurrence_id)
        return items[mid];
      if (items[mid]->recurrence_id < recurrence_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static gboolean
is_occurrence (LiaMeeting *series,
               gint64      recurrence_id)
{
  g_autoptr(GArray) starts = lia_recurrence_expand (lia_meeting_get_rrule (series),
                                                    lia_meeting_get_starts_at (series),
                                                    lia_meeting_get_tzid (series),
                                                    recurrence_id, recurrence_id + 1);
  return starts->len == 1;
}

/* Appends the occurrences of @series at @starts (its starts in [@from,
 * @to)) to @out, with its exceptions (by recurrence id) applied:
 * cancelled ones left out, moved ones where they were moved to. */
void
lia_meeting_series_apply_exceptions (LiaMeeting    *series,
                                     GArray        *starts,
                                     LiaException **exceptions,
                                     guint          n_exceptions,
                                     gint64         from,
                                     gint64         to,
                                     GPtrArray     *out)
{
  for (guint i = 0; i < starts->len; i++)
    {
      gint64 rid = g_array_index (starts, gint64, i);
      LiaException *e = find_exception (exceptions, n_exceptions, rid);

      if (e != NULL && (e->cancelled || (e->starts_at != 0 && (e->starts_at < from || e->starts_at >= to))))
        continue;
      g_ptr_array_add (out, lia_occurrence_new (series, rid, e));
    }

  /* Moved here from outside the range. */
  for (guint i = 0; i < n_exceptions; i++)
    {
      LiaException *e = exceptions[i];

      if (e->cancelled || e->starts_at == 0 || e->starts_at < from || e->starts_at >= to ||
          (e->recurrence_id >= from && e->recurrence_id < to) ||
          !is_occurrence (series, e->recurrence_id))
        continue;
      g_ptr_array_add (out, lia_occurrence_new (series, e->recurrence_id, e));
    }
}

void
lia_meeting_series_expand (LiaMeeting    *series,
                           LiaException **exceptions,
                           guint          n_exceptions,
                           gint64         from,
                           gint64         to,
                           GPtrArray     *out)
{
  g_autoptr(GArray) starts = lia_recurrence_expand (lia_meeting_get_rrule (series),
                                                    lia_meeting_get_starts_at (series),
                                                    lia_meeting_get_tzid (series), from, to);

  lia_meeting_series_apply_exceptions (series, starts, exceptions, n_exceptions, from, to, out);
}

/* @recurrence_id of @series, with its exception from @exceptions. */
static LiaOccurrence *
occurrence_of (LiaMeeting  *series,
               GPtrArray   *exceptions,
               gint64       recurrence_id,
               GError     **error)
{
  LiaException *e = find_exception ((LiaException **)exceptions->pdata, exceptions->len,
                                    recurrence_id);

  if (!is_occurrence (series, recurrence_id))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND,
                   _("“%s” has no meeting at that time"), lia_meeting_get_title (series));
      return NULL;
    }
  if (e != NULL && e->cancelled)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND,
                   _("That meeting of “%s” was removed from the series"),
                   lia_meeting_get_title (series));
      return NULL;
    }
  return lia_occurrence_new (series, recurrence_id, e);
}

/* Occurrence @recurrence_id of @meeting_id as stored, with its series
 * and the series' exceptions for the caller's edits. */
LiaOccurrence *
lia_meeting_series_load_occurrence (LiaBook               *book,
                                    gint64                 meeting_id,
                                    gint64                 recurrence_id,
                                    LiaMeeting           **out_series,
                                    GPtrArray            **out_exceptions,
                                    GError               **error)
{
  if (!(*out_series = lia_meeting_series_load (book, meeting_id, error)) ||
      !(*out_exceptions = lia_meeting_series_load_exceptions (book, meeting_id, error)))
    return NULL;
  return occurrence_of (*out_series, *out_exceptions, recurrence_id, error);
}

char *
lia_meeting_series_new_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (uuid, "@liaison", NULL);
}

static void
fill_values (LiaMeeting       *m,
             gint64            now,
             LiaMeetingValues *v)
{
  v->id = lia_meeting_get_id (m);
  v->uid = lia_meeting_get_uid (m);
  v->account_id = lia_meeting_get_account_id (m);
  v->for_portfolio = lia_meeting_get_for_portfolio (m);
  v->title = lia_meeting_get_title (m);
  v->starts_at = lia_meeting_get_starts_at (m);
  v->ends_at = lia_meeting_get_ends_at (m);
  v->tzid = lia_meeting_get_tzid (m);
  v->all_day = lia_meeting_get_all_day (m);
  v->location = lia_meeting_get_location (m);
  v->rrule = lia_meeting_get_rrule (m);
  v->until_at = lia_meeting_get_until_at (m);
  v->is_review = lia_meeting_get_is_review (m);
  v->agenda = lia_meeting_get_agenda (m);
  v->minutes = lia_meeting_get_minutes (m);
  v->outcome = lia_meeting_get_outcome (m);
  v->rating = lia_meeting_get_rating (m);
  v->status = status_nick (lia_meeting_get_status (m));
  v->organizer_id = lia_meeting_get_organizer_id (m);
  v->contact_event_id = lia_meeting_get_contact_event_id (m);
  v->now = now;
}

static gboolean
update_row (LiaBook               *book,
            LiaMeeting            *meeting,
            GError               **error)
{
  LiaMeetingValues values = { 0, };

  fill_values (meeting, lia_book_now (book), &values);
  return lia_meeting_store_update (db_of (book), &values, error);
}

gboolean
lia_meeting_series_write_attendees (LiaBook               *book,
                                    gint64                 meeting_id,
                                    GListModel            *attendees,
                                    GError               **error)
{
  guint n = attendees ? g_list_model_get_n_items (attendees) : 0;

  if (!lia_meeting_store_clear_attendees (db_of (book), meeting_id, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAttendee) attendee = g_list_model_get_item (attendees, i);
      gint64 contact_id = lia_attendee_get_contact_id (attendee);
      gint64 staff_id = lia_attendee_get_staff_id (attendee);
      /* A contact's or staff member's name and address are read from them. */
      gboolean named = contact_id == 0 && staff_id == 0;

      if (!lia_meeting_store_add_attendee (db_of (book), meeting_id, contact_id, staff_id,
                                           named ? lia_attendee_get_name (attendee) : "",
                                           named ? lia_attendee_get_email (attendee) : "",
                                           error))
        return FALSE;
    }
  return TRUE;
}

/* Exceptions ---------------------------------------------------------- */

static void
clear_if_same (char       **own,
               const char  *series)
{
  if (*own != NULL && g_strcmp0 (*own, series) == 0)
    g_clear_pointer (own, g_free);
}

static void
replace_str (char       **field,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* Writes @e, keeping only what differs from @series; a row left with
 * nothing of its own goes. */
static gboolean
save_exception (LiaBook               *book,
                LiaMeeting            *series,
                LiaException          *e,
                GError               **error)
{
  gint64 duration = lia_meeting_get_ends_at (series) - lia_meeting_get_starts_at (series);
  LiaExceptionValues v = { 0, };

  if (e->starts_at == e->recurrence_id && e->ends_at == e->recurrence_id + duration)
    e->starts_at = e->ends_at = 0;
  clear_if_same (&e->title, lia_meeting_get_title (series));
  clear_if_same (&e->location, lia_meeting_get_location (series));
  clear_if_same (&e->agenda, lia_meeting_get_agenda (series));
  clear_if_same (&e->minutes, lia_meeting_get_minutes (series));
  clear_if_same (&e->outcome, lia_meeting_get_outcome (series));
  if (e->rating == lia_meeting_get_rating (series))
    e->rating = 0;
  if (e->status == (int)lia_meeting_get_status (series))
    e->status = -1;

  if (lia_exception_is_empty (e))
    return lia_meeting_store_delete_exception (db_of (book), e->meeting_id, e->recurrence_id, error);

  v.meeting_id = e->meeting_id;
  v.recurrence_id = e->recurrence_id;
  v.starts_at = e->starts_at;
  v.ends_at = e->ends_at;
  v.cancelled = e->cancelled;
  v.title = e->title;
  v.location = e->location;
  v.agenda = e->agenda;
  v.minutes = e->minutes;
  v.outcome = e->outcome;
  v.rating = e->rating;
  v.status = e->status >= 0 ? status_nick (e->status) : NULL;
  v.contact_event_id = e->contact_event_id;
  return lia_meeting_store_put_exception (db_of (book), &v, error);
}

/* The exception of @recurrence_id in @exceptions, added in its place
 * when the occurrence has none yet. */
static LiaException *
exception_at (GPtrArray *exceptions,
              gint64     meeting_id,
              gint64     recurrence_id)
{
  LiaException *e = find_exception ((LiaException **)exceptions->pdata, exceptions->len,
                                    recurrence_id);
  guint at = 0;

  if (e != NULL)
    return e;

  while (at < exceptions->len &&
         ((LiaException *)exceptions->pdata[at])->recurrence_id < recurrence_id)
    at++;
  e = lia_exception_new (meeting_id, recurrence_id);
  g_ptr_array_insert (exceptions, at, e);
  return e;
}

/* Moves the exceptions of @series from @from_rid on to @to_meeting_id,
 * each shifted as @old_ref moved to @new_ref. Within one series, the
 * later ones move first when shifting later, so no two meet. */
static gboolean
shift_exceptions (LiaBook               *book,
                  LiaMeeting            *series,
                  gint64                 to_meeting_id,
                  gint64                 from_rid,
                  gint64                 old_ref,
                  gint64                 new_ref,
                  GError               **error)
{
  g_autoptr(GPtrArray) exceptions = lia_meeting_series_load_exceptions (book, lia_meeting_get_id (series), error);
  const char *tz = lia_meeting_get_tzid (series);
  gboolean backwards = new_ref > old_ref;

  if (exceptions == NULL)
    return FALSE;

  for (guint i = 0; i < exceptions->len; i++)
    {
      LiaException *e = g_ptr_array_index (exceptions, backwards ? exceptions->len - 1 - i : i);
      gint64 starts_at = 0, ends_at = 0;

      if (e->recurrence_id < from_rid)
        continue;
      if (e->starts_at != 0)
        {
          starts_at = lia_recurrence_shift (e->starts_at, tz, old_ref, new_ref);
          ends_at = starts_at + (e->ends_at - e->starts_at);
        }
      if (!lia_meeting_store_move_exception (db_of (book), e->id, to_meeting_id,
                                             lia_recurrence_shift (e->recurrence_id, tz, old_ref, new_ref),
                                             starts_at, ends_at, error))
        return FALSE;
    }
  return TRUE;
}

/* Follow-ups of the occurrences of @series from @from_rid on go with
 * them to @to_meeting_id. */
static gboolean
shift_follow_ups (LiaBook               *book,
                  LiaMeeting            *series,
                  gint64                 to_meeting_id,
                  gint64                 from_rid,
                  gint64                 old_ref,
                  gint64                 new_ref,
                  GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_follow_up_new_from_row, rows };

  if (!lia_follow_up_store_for_meeting (db_of (book), lia_meeting_get_id (series), 0,
                                        lia_collect_row, &collect, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      LiaFollowUp *follow_up = g_ptr_array_index (rows, i);
      gint64 at = lia_follow_up_get_occurrence_at (follow_up);

      if (at == 0 || at < from_rid)
        continue;
      if (!lia_follow_up_store_set_meeting (db_of (book), lia_follow_up_get_id (follow_up), to_meeting_id,
                                            lia_recurrence_shift (at, lia_meeting_get_tzid (series),
                                                                  old_ref, new_ref),
                                            error))
        return FALSE;
    }
  return TRUE;
}

/* Exceptions of occurrences @series no longer has go; a single meeting
 * keeps none (its own row says everything). */
static gboolean
drop_lost_exceptions (LiaBook               *book,
                      LiaMeeting            *series,
                      GError               **error)
{
  g_autoptr(GPtrArray) exceptions = lia_meeting_series_load_exceptions (book, lia_meeting_get_id (series), error);

  if (exceptions == NULL)
    return FALSE;

  for (guint i = 0; i < exceptions->len; i++)
    {
      LiaException *e = g_ptr_array_index (exceptions, i);

      if ((!lia_meeting_get_is_recurring (series) || !is_occurrence (series, e->recurrence_id)) &&
          !lia_meeting_store_delete_exception (db_of (book), e->meeting_id, e->recurrence_id, error))
        return FALSE;
    }
  return TRUE;
}

/* Series -------------------------------------------------------------- */

/* Writes @updated over @old (the same meeting): a moved start moves the
 * exceptions and follow-ups by the same wall-clock shift, and an UNTIL
 * with it when the rule itself is unchanged, so no occurrence falls off
 * the end. A single meeting's status changes through
 * lia_meeting_series_set_status(). */
gboolean
lia_meeting_series_write (LiaBook               *book,
                          LiaMeeting            *old,
                          LiaMeeting            *updated,
                          GError               **error)
{
  g_autoptr(LiaMeeting) row = lia_meeting_copy (updated);
  gint64 old_start = lia_meeting_get_starts_at (old);
  gint64 new_start = lia_meeting_get_starts_at (row);
  gint64 last = 0;

  if (new_start != old_start && lia_meeting_get_is_recurring (row) &&
      g_strcmp0 (lia_meeting_get_rrule (old), lia_meeting_get_rrule (row)) == 0)
    {
      g_autofree char *rule = lia_recurrence_continue (lia_meeting_get_rrule (old), old_start,
                                                       lia_meeting_get_tzid (old), old_start, new_start);
      lia_meeting_set_rrule (row, rule);
    }
  if (!lia_recurrence_check (lia_meeting_get_rrule (row), new_start, lia_meeting_get_tzid (row),
                             &last, error))
    return FALSE;
  lia_meeting_set_until_at (row, last);
  if (!lia_meeting_get_is_recurring (row))
    lia_meeting_set_status (row, lia_meeting_get_status (old));
  lia_meeting_set_contact_event_id (row, lia_meeting_get_contact_event_id (old));

  if (!update_row (book, row, error))
    return FALSE;
  if (new_start != old_start)
    {
      if (lia_meeting_get_is_recurring (old) &&
          !shift_exceptions (book, old, lia_meeting_get_id (old), G_MININT64, old_start, new_start, error))
        return FALSE;
      if (!shift_follow_ups (book, old, lia_meeting_get_id (old), G_MININT64, old_start, new_start, error))
        return FALSE;
    }
  return drop_lost_exceptions (book, row, error);
}

/* Which fields of an occurrence an edit changed. */
typedef struct
{
  gboolean times;
  gboolean title;
  gboolean location;
  gboolean agenda;
  gboolean minutes;
  gboolean outcome;
  gboolean rating;
  gboolean status;
} Edits;

static void
find_edits (LiaOccurrence *stored,
            LiaOccurrence *edited,
            Edits         *out)
{
  out->times = lia_occurrence_get_starts_at (stored) != lia_occurrence_get_starts_at (edited) ||
               lia_occurrence_get_ends_at (stored) != lia_occurrence_get_ends_at (edited);
  out->title = g_strcmp0 (lia_occurrence_get_title (stored), lia_occurrence_get_title (edited)) != 0;
  out->location = g_strcmp0 (lia_occurrence_get_location (stored), lia_occurrence_get_location (edited)) != 0;
  out->agenda = g_strcmp0 (lia_occurrence_get_agenda (stored), lia_occurrence_get_agenda (edited)) != 0;
  out->minutes = g_strcmp0 (lia_occurrence_get_minutes (stored), lia_occurrence_get_minutes (edited)) != 0;
  out->outcome = g_strcmp0 (lia_occurrence_get_outcome (stored), lia_occurrence_get_outcome (edited)) != 0;
  out->rating = lia_occurrence_get_rating (stored) != lia_occurrence_get_rating (edited);
  out->status = lia_occurrence_get_status (stored) != lia_occurrence_get_status (edited);
}

/* Gives @meeting the fields @edits changed on @edited (not its times or
 * status: those have their own rules). */
static void
apply_edits (LiaMeeting    *meeting,
             const Edits   *edits,
             LiaOccurrence *edited)
{
  if (edits->title)
    lia_meeting_set_title (meeting, lia_occurrence_get_title (edited));
  if (edits->location)
    lia_meeting_set_location (meeting, lia_occurrence_get_location (edited));
  if (edits->agenda)
    lia_meeting_set_agenda (meeting, lia_occurrence_get_agenda (edited));
  if (edits->minutes)
    lia_meeting_set_minutes (meeting, lia_occurrence_get_minutes (edited));
  if (edits->outcome)
    lia_meeting_set_outcome (meeting, lia_occurrence_get_outcome (edited));
  if (edits->rating)
    lia_meeting_set_rating (meeting, lia_occurrence_get_rating (edited));
}

/* The occurrence edited for a whole (part of a) series drops its own
 * values of the fields edited: it shows what the series now says. */
static gboolean
forget_edited (LiaBook               *book,
               LiaMeeting            *series,
               gint64                 recurrence_id,
               const Edits           *edits,
               GError               **error)
{
  g_autoptr(GPtrArray) exceptions = lia_meeting_series_load_exceptions (book, lia_meeting_get_id (series), error);
  LiaException *e;

  if (exceptions == NULL)
    return FALSE;
  if (!(e = find_exception ((LiaException **)exceptions->pdata, exceptions->len, recurrence_id)))
    return TRUE;

  if (edits->title)
    g_clear_pointer (&e->title, g_free);
  if (edits->location)
    g_clear_pointer (&e->location, g_free);
  if (edits->agenda)
    g_clear_pointer (&e->agenda, g_free);
  if (edits->minutes)
    g_clear_pointer (&e->minutes, g_free);
  if (edits->outcome)
    g_clear_pointer (&e->outcome, g_free);
  if (edits->rating)
    e->rating = 0;
  return save_exception (book, series, e, error);
}

static gboolean
write_this (LiaBook               *book,
            LiaMeeting            *series,
            LiaOccurrence         *edited,
            const Edits           *edits,
            GError               **error)
{
  gint64 rid = lia_occurrence_get_recurrence_id (edited);
  g_autoptr(GPtrArray) exceptions = lia_meeting_series_load_exceptions (book, lia_meeting_get_id (series), error);
  LiaException *e;

  if (exceptions == NULL)
    return FALSE;

  e = exception_at (exceptions, lia_meeting_get_id (series), rid);
  if (edits->times)
    {
      e->starts_at = lia_occurrence_get_starts_at (edited);
      e->ends_at = lia_occurrence_get_ends_at (edited);
    }
  if (edits->title)
    replace_str (&e->title, lia_occurrence_get_title (edited));
  if (edits->location)
    replace_str (&e->location, lia_occurrence_get_location (edited));
  if (edits->agenda)
    replace_str (&e->agenda, lia_occurrence_get_agenda (edited));
  if (edits->minutes)
    replace_str (&e->minutes, lia_occurrence_get_minutes (edited));
  if (edits->outcome)
    replace_str (&e->outcome, lia_occurrence_get_outcome (edited));
  if (edits->rating)
    e->rating = lia_occurrence_get_rating (edited);
  return save_exception (book, series, e, error);
}

/* The series moves by the wall-clock shift the edited occurrence made;
 * gives where the edited occurrence now is in @out_rid. */
static gboolean
write_all (LiaBook               *book,
           LiaMeeting            *series,
           LiaOccurrence         *stored,
           LiaOccurrence         *edited,
           const Edits           *edits,
           gint64                *out_rid,
           GError               **error)
{
  g_autoptr(LiaMeeting) updated = lia_meeting_copy (series);
  const char *tz = lia_meeting_get_tzid (series);
  gint64 old_ref = lia_occurrence_get_starts_at (stored);
  gint64 new_ref = lia_occurrence_get_starts_at (edited);

  apply_edits (updated, edits, edited);
  if (edits->times)
    {
      gint64 start = lia_recurrence_shift (lia_meeting_get_starts_at (series), tz, old_ref, new_ref);

      lia_meeting_set_times (updated, start, start + lia_occurrence_get_ends_at (edited) - new_ref);
    }
  *out_rid = lia_recurrence_shift (lia_occurrence_get_recurrence_id (stored), tz, old_ref,
                                   edits->times ? new_ref : old_ref);

  return lia_meeting_series_write (book, series, updated, error) &&
         (!lia_meeting_get_is_recurring (updated) ||
          forget_edited (book, updated, *out_rid, edits, error));
}

/* The series ends before the edited occurrence; a new one (a new UID)
 * starts there with the edits, and takes the exceptions and follow-ups
 * of the occurrences from there on. */
static gboolean
write_later (LiaBook               *book,
             LiaMeeting            *series,
             LiaOccurrence         *stored,
             LiaOccurrence         *edited,
             const Edits           *edits,
             gint64                *out_meeting_id,
             gint64                *out_rid,
             GError               **error)
{
  const char *tz = lia_meeting_get_tzid (series);
  const char *rrule = lia_meeting_get_rrule (series);
  gint64 rid = lia_occurrence_get_recurrence_id (stored);
  gint64 start = edits->times
                 ? lia_recurrence_shift (rid, tz, lia_occurrence_get_starts_at (stored),
                                         lia_occurrence_get_starts_at (edited))
                 : rid;
  gint64 duration = edits->times
                    ? lia_occurrence_get_ends_at (edited) - lia_occurrence_get_starts_at (edited)
                    : lia_meeting_get_ends_at (series) - lia_meeting_get_starts_at (series);
  g_autoptr(LiaMeeting) head = lia_meeting_copy (series);
  g_autoptr(LiaMeeting) tail = lia_meeting_copy (series);
  g_autofree char *head_rule = lia_recurrence_end_before (rrule, rid, tz);
  g_autofree char *tail_rule = lia_recurrence_continue (rrule, lia_meeting_get_starts_at (series), tz,
                                                        rid, start);
  g_autofree char *uid = lia_meeting_series_new_uid ();
  LiaMeetingValues values = { 0, };
  gint64 last = 0, tail_id = 0;

  lia_meeting_set_rrule (head, head_rule);
  if (!lia_recurrence_check (head_rule, lia_meeting_get_starts_at (head), tz, &last, error))
    return FALSE;
  lia_meeting_set_until_at (head, last);
  if (!update_row (book, head, error))
    return FALSE;

  lia_meeting_set_uid (tail, uid);
  lia_meeting_set_times (tail, start, start + duration);
  lia_meeting_set_rrule (tail, tail_rule);
  lia_meeting_set_contact_event_id (tail, 0);
  apply_edits (tail, edits, edited);
  if (!lia_recurrence_check (tail_rule, start, tz, &last, error))
    return FALSE;
  lia_meeting_set_until_at (tail, last);
  fill_values (tail, lia_book_now (book), &values);
  values.id = 0;
  if (!lia_meeting_store_insert (db_of (book), &values, &tail_id, error))
    return FALSE;
  lia_meeting_set_id (tail, tail_id);

  *out_meeting_id = tail_id;
  *out_rid = start;
  return lia_meeting_series_load_attendees (book, series, error) &&
         lia_meeting_series_write_attendees (book, tail_id, lia_meeting_get_attendees (series), error) &&
         shift_exceptions (book, series, tail_id, rid, rid, start, error) &&
         shift_follow_ups (book, series, tail_id, rid, rid, start, error) &&
         forget_edited (book, tail, start, edits, error);
}

/* An edit of a single meeting, or of a series from its first
 * occurrence on, is an edit of all. */
static LiaEditScope
effective_scope (LiaMeeting   *series,
                 gint64        recurrence_id,
                 LiaEditScope  scope)
{
  g_autoptr(GArray) before = NULL;

  if (!lia_meeting_get_is_recurring (series))
    return LIA_EDIT_SCOPE_ALL;
  if (scope != LIA_EDIT_SCOPE_THIS_AND_LATER)
    return scope;

  before = lia_recurrence_expand (lia_meeting_get_rrule (series), lia_meeting_get_starts_at (series),
                                  lia_meeting_get_tzid (series), G_MININT64, recurrence_id);
  return before->len == 0 ? LIA_EDIT_SCOPE_ALL : scope;
}

/* Held ---------------------------------------------------------------- */

/* A held meeting is a contact made: a visit at its start, named after it,
 * that keeps the account's last contact (schema 3's triggers). */
static gboolean
record_contact (LiaBook               *book,
                LiaMeeting            *series,
                LiaOccurrence         *occurrence,
                gint64                *out_event_id,
                GError               **error)
{
  /* Titles are checked to fit an event's summary (300 characters). */
  const char *summary = lia_occurrence_get_title (occurrence);
  LiaEventValues values = {
    .account_id = lia_meeting_get_account_id (series),
    .kind = "visit",
    .summary = summary,
    .details = "",
    .status = "closed",
    .source = "meeting",
    .opened_at = lia_occurrence_get_starts_at (occurrence),
    .resolved_at = lia_occurrence_get_starts_at (occurrence),
    .staff_id = lia_meeting_get_organizer_id (series),
  };

  return lia_event_store_insert (db_of (book), &values, out_event_id, error);
}

/* Sets one occurrence's status; held records a contact, leaving held
 * takes it back. */
gboolean
lia_meeting_series_set_status (LiaBook           *book,
                               gint64             meeting_id,
                               gint64             recurrence_id,
                               LiaMeetingStatus   status,
                               gint64            *out_account_id,
                               gint64            *out_event_id,
                               GError           **error)
{
  g_autoptr(LiaMeeting) series = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(LiaOccurrence) occurrence = NULL;
  gint64 event_id;
  LiaException *e;

  if (!(occurrence = lia_meeting_series_load_occurrence (book, meeting_id, recurrence_id, &series, &exceptions, error)))
    return FALSE;
  *out_account_id = lia_meeting_get_account_id (series);
  if (lia_occurrence_get_status (occurrence) == status)
    return TRUE;
  if (status == LIA_MEETING_STATUS_HELD &&
      lia_occurrence_get_starts_at (occurrence) > lia_book_now (book))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("A meeting can be marked held only once it has begun"));
      return FALSE;
    }

  if ((event_id = lia_occurrence_get_contact_event_id (occurrence)) != 0)
    {
      if (!lia_event_store_delete (db_of (book), event_id, error))
        return FALSE;
      *out_event_id = event_id;
      event_id = 0;
    }
  if (status == LIA_MEETING_STATUS_HELD)
    {
      if (!record_contact (book, series, occurrence, &event_id, error))
        return FALSE;
      *out_event_id = event_id;
    }

  if (!lia_meeting_get_is_recurring (series))
    {
      lia_meeting_set_status (series, status);
      lia_meeting_set_contact_event_id (series, event_id);
      return update_row (book, series, error);
    }
  e = exception_at (exceptions, meeting_id, recurrence_id);
  e->status = status;
  e->contact_event_id = event_id;
  return save_exception (book, series, e, error);
}

static gboolean
delete_later (LiaBook               *book,
              LiaMeeting            *series,
              gint64                 recurrence_id,
              GError               **error)
{
  g_autofree char *rule = lia_recurrence_end_before (lia_meeting_get_rrule (series), recurrence_id,
                                                     lia_meeting_get_tzid (series));
  gint64 last = 0;

  lia_meeting_set_rrule (series, rule);
  if (!lia_recurrence_check (rule, lia_meeting_get_starts_at (series), lia_meeting_get_tzid (series),
                             &last, error))
    return FALSE;
  lia_meeting_set_until_at (series, last);
  /* The exceptions from there on are of occurrences it no longer has. */
  return update_row (book, series, error) && drop_lost_exceptions (book, series, error);
}


/* Whole edits --------------------------------------------------------- */

gboolean
lia_meeting_series_insert (LiaBook     *book,
                           LiaMeeting  *meeting,
                           gint64      *out_id,
                           GError     **error)
{
  LiaMeetingValues values = { 0, };

  fill_values (meeting, lia_book_now (book), &values);
  values.id = 0;
  return lia_meeting_store_insert (db_of (book), &values, out_id, error);
}

/**
 * lia_meeting_series_edit:
 * @stored: the occurrence as stored, of @series (with @exceptions)
 * @edited: the same occurrence with the caller's edits
 * @out_new_meeting_id: the second half of a split, else 0
 * @out_event_id: a contact event recorded or taken back, else untouched
 *
 * Writes what @edited changed, in @scope.
 */
gboolean
lia_meeting_series_edit (LiaBook        *book,
                         LiaMeeting     *series,
                         LiaOccurrence  *stored,
                         LiaOccurrence  *edited,
                         LiaEditScope    scope,
                         gint64         *out_new_meeting_id,
                         gint64         *out_event_id,
                         GError        **error)
{
  gint64 meeting_id = lia_meeting_get_id (series);
  gint64 rid = lia_occurrence_get_recurrence_id (stored);
  gint64 account_id = 0;
  Edits edits = { 0, };
  gboolean ok;

  *out_new_meeting_id = 0;
  find_edits (stored, edited, &edits);
  switch (effective_scope (series, rid, scope))
    {
    case LIA_EDIT_SCOPE_THIS:
      ok = write_this (book, series, edited, &edits, error);
      break;
    case LIA_EDIT_SCOPE_THIS_AND_LATER:
      ok = write_later (book, series, stored, edited, &edits, &meeting_id, &rid, error);
      *out_new_meeting_id = meeting_id;
      break;
    case LIA_EDIT_SCOPE_ALL:
    default:
      ok = write_all (book, series, stored, edited, &edits, &rid, error);
      break;
    }

  /* Held or cancelled is one occurrence's, whatever the scope. */
  return ok && (!edits.status ||
                lia_meeting_series_set_status (book, meeting_id, rid, lia_occurrence_get_status (edited),
                                               &account_id, out_event_id, error));
}

/* Removes @recurrence_id of @series alone (an EXDATE), it and later
 * ones (the series ends before it), or the whole series. */
gboolean
lia_meeting_series_delete (LiaBook       *book,
                           LiaMeeting    *series,
                           GPtrArray     *exceptions,
                           gint64         recurrence_id,
                           LiaEditScope   scope,
                           GError       **error)
{
  LiaException *e;

  switch (effective_scope (series, recurrence_id, scope))
    {
    case LIA_EDIT_SCOPE_THIS:
      e = exception_at (exceptions, lia_meeting_get_id (series), recurrence_id);
      e->cancelled = TRUE;
      return save_exception (book, series, e, error);
    case LIA_EDIT_SCOPE_THIS_AND_LATER:
      return delete_later (book, series, recurrence_id, error);
    case LIA_EDIT_SCOPE_ALL:
    default:
      return lia_meeting_store_delete (db_of (book), lia_meeting_get_id (series), error);
    }
}
