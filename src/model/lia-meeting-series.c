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
 * A shift must land every occurrence on one the moved series has, or its
 * exceptions and follow-ups would be left on starts that no longer
 * exist: a series that repeats on set days (BYDAY and the like) cannot
 * move its date, only its hour, and any other shift that would not map
 * the occurrences one to one is refused before anything is written. A
 * held occurrence stays where it was held (with its contact) when the
 * others move, unless it is the one edited.
 *
 * A new repeat rule never loses what happened: an occurrence it no longer
 * has that was held, minuted, rated or followed up becomes a meeting of
 * its own (with its contact and follow-ups); only plain moves, titles and
 * removals of lost occurrences go. Removing a held occurrence, by any
 * scope, removes the contact it recorded (the events' triggers then
 * recompute last_contact_at) and tells the account's listeners once the
 * write is committed.
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
                     _("No meeting with id %lld"), (long long) meeting_id);
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

/* An occurrence that happened: held, with the contact it recorded. */
static gboolean
is_held (const LiaException *e)
{
  return e->status == LIA_MEETING_STATUS_HELD || e->contact_event_id != 0;
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Held, minuted or rated: what a change of rule must not lose. */
static gboolean
has_records (const LiaException *e)
{
  return !e->cancelled &&
         (is_held (e) || is_set (e->minutes) || is_set (e->outcome) || e->rating != 0);
}

/* Whether @rrule picks its days within a period (BYDAY=2TU,
 * BYMONTHDAY=15, ...) rather than counting them from its start: moving
 * the start's date cannot move those. */
static gboolean
rule_picks_days (const char *rrule)
{
  g_auto(GStrv) parts = NULL;

  if (rrule == NULL)
    return FALSE;
  parts = g_strsplit (rrule, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      if (g_ascii_strncasecmp (part, "RRULE:", 6) == 0)
        part += 6;
      if (g_ascii_strncasecmp (part, "BY", 2) == 0 &&
          g_ascii_strncasecmp (part, "BYHOUR=", 7) != 0 &&
          g_ascii_strncasecmp (part, "BYMINUTE=", 9) != 0 &&
          g_ascii_strncasecmp (part, "BYSECOND=", 9) != 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether @a and @b fall on the same calendar day in @tzid. */
static gboolean
same_local_day (gint64      a,
                gint64      b,
                const char *tzid)
{
  g_autoptr(GTimeZone) tz = tzid ? g_time_zone_new_identifier (tzid) : NULL;
  g_autoptr(GDateTime) x = NULL;
  g_autoptr(GDateTime) y = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  x = g_date_time_new_from_unix_utc (a);
  y = g_date_time_new_from_unix_utc (b);
  if (x == NULL || y == NULL)
    return a == b;
  {
    g_autoptr(GDateTime) lx = g_date_time_to_timezone (x, tz);
    g_autoptr(GDateTime) ly = g_date_time_to_timezone (y, tz);

    return g_date_time_get_year (lx) == g_date_time_get_year (ly) &&
           g_date_time_get_day_of_year (lx) == g_date_time_get_day_of_year (ly);
  }
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
 * nothing of its own goes. Either way the series' sequence goes up. */
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

  /* An override changed is a change of the series to a calendar: a new
   * SEQUENCE. */
  if (!lia_meeting_store_set_sequence (db_of (book), e->meeting_id, -1, error))
    return FALSE;
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
 * each shifted as @old_ref moved to @new_ref. A held one keeps the time
 * it was held at (its start becomes its own), unless it is @edited_rid,
 * the occurrence whose edit made the shift. Within one series, the
 * later ones move first when shifting later, so no two meet. */
static gboolean
shift_exceptions (LiaBook               *book,
                  LiaMeeting            *series,
                  gint64                 to_meeting_id,
                  gint64                 from_rid,
                  gint64                 old_ref,
                  gint64                 new_ref,
                  gint64                 edited_rid,
                  GError               **error)
{
  g_autoptr(GPtrArray) exceptions = lia_meeting_series_load_exceptions (book, lia_meeting_get_id (series), error);
  const char *tz = lia_meeting_get_tzid (series);
  gint64 duration = lia_meeting_get_ends_at (series) - lia_meeting_get_starts_at (series);
  gboolean backwards = new_ref > old_ref;

  if (exceptions == NULL)
    return FALSE;

  for (guint i = 0; i < exceptions->len; i++)
    {
      LiaException *e = g_ptr_array_index (exceptions, backwards ? exceptions->len - 1 - i : i);
      gint64 rid = lia_recurrence_shift (e->recurrence_id, tz, old_ref, new_ref);
      gint64 starts_at = 0, ends_at = 0;

      if (e->recurrence_id < from_rid)
        continue;
      if (is_held (e) && !e->cancelled && e->recurrence_id != edited_rid)
        {
          /* It happened then: only its place in the series moves. */
          starts_at = e->starts_at != 0 ? e->starts_at : e->recurrence_id;
          ends_at = e->starts_at != 0 ? e->ends_at : e->recurrence_id + duration;
          if (starts_at == rid && ends_at == rid + duration)
            starts_at = ends_at = 0;
        }
      else if (e->starts_at != 0)
        {
          starts_at = lia_recurrence_shift (e->starts_at, tz, old_ref, new_ref);
          ends_at = starts_at + (e->ends_at - e->starts_at);
        }
      if (!lia_meeting_store_move_exception (db_of (book), e->id, to_meeting_id, rid,
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

static GPtrArray *
load_follow_ups (LiaBook     *book,
                 gint64       meeting_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_follow_up_new_from_row, rows };

  if (!lia_follow_up_store_for_meeting (db_of (book), meeting_id, 0, lia_collect_row, &collect, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* Checks, before anything is written, that moving the occurrences of
 * @series from @from_rid on (G_MININT64: all) by the wall-clock shift
 * from @old_ref to @new_ref lands each on an occurrence of @moved (the
 * series as it will be written: its start and rule) and that @moved has
 * no other, up to two years past the latest of today, the exceptions
 * and the follow-ups: otherwise exceptions and follow-ups would be left
 * on starts the series no longer has, and dropped. */
static gboolean
check_shift (LiaBook               *book,
             LiaMeeting            *series,
             LiaMeeting            *moved,
             gint64                 from_rid,
             gint64                 old_ref,
             gint64                 new_ref,
             GError               **error)
{
  const char *tz = lia_meeting_get_tzid (series);
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  gint64 horizon = MAX (lia_book_now (book), MAX (from_rid, lia_meeting_get_starts_at (series)));

  if (old_ref == new_ref || !lia_meeting_get_is_recurring (series))
    return TRUE;

  if (!(exceptions = lia_meeting_series_load_exceptions (book, lia_meeting_get_id (series), error)) ||
      !(follow_ups = load_follow_ups (book, lia_meeting_get_id (series), error)))
    return FALSE;
  if (exceptions->len > 0)
    horizon = MAX (horizon, ((LiaException *)g_ptr_array_index (exceptions, exceptions->len - 1))->recurrence_id);
  for (guint i = 0; i < follow_ups->len; i++)
    horizon = MAX (horizon, lia_follow_up_get_occurrence_at (g_ptr_array_index (follow_ups, i)));
  horizon += (gint64)731 * 24 * 3600;

  before = lia_recurrence_expand (lia_meeting_get_rrule (series), lia_meeting_get_starts_at (series), tz,
                                  from_rid, horizon);
  if (before->len == 0)
    return TRUE;
  /* Its occurrences share an hour: the first tells whether the shift
   * changes their day. */
  if (rule_picks_days (lia_meeting_get_rrule (series)) &&
      !same_local_day (g_array_index (before, gint64, 0),
                       lia_recurrence_shift (g_array_index (before, gint64, 0), tz, old_ref, new_ref), tz))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("This series repeats on set days; change its repeat rule instead of moving its date"));
      return FALSE;
    }
  after = lia_recurrence_expand (lia_meeting_get_rrule (moved), lia_meeting_get_starts_at (moved),
                                 lia_meeting_get_tzid (moved), G_MININT64,
                                 lia_recurrence_shift (g_array_index (before, gint64, before->len - 1), tz,
                                                       old_ref, new_ref) + 1);
  if (after->len == before->len)
    {
      guint i = 0;

      while (i < before->len &&
             lia_recurrence_shift (g_array_index (before, gint64, i), tz, old_ref, new_ref) ==
             g_array_index (after, gint64, i))
        i++;
      if (i == before->len)
        return TRUE;
    }

  g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                       _("Moving this series would change the days its meetings fall on; change its repeat rule instead"));
  return FALSE;
}

/* Occurrence @recurrence_id of @series (with @e, its exception, or
 * NULL) becomes a single meeting with everything it had: times, title,
 * notes, rating, status and the contact it recorded, the series'
 * attendees (@attendees_of: @series or a copy with them read), and its
 * follow-ups (of @follow_ups); its exception row goes. */
static gboolean
detach_occurrence (LiaBook               *book,
                   LiaMeeting            *series,
                   LiaMeeting            *attendees_of,
                   GPtrArray             *follow_ups,
                   LiaException          *e,
                   gint64                 recurrence_id,
                   GError               **error)
{
  g_autoptr(LiaOccurrence) occurrence = lia_occurrence_new (series, recurrence_id, e);
  g_autoptr(LiaMeeting) single = lia_meeting_copy (series);
  g_autofree char *uid = lia_meeting_series_new_uid ();
  gint64 start = lia_occurrence_get_starts_at (occurrence);
  LiaMeetingValues values = { 0, };
  gint64 id = 0;

  lia_meeting_set_uid (single, uid);
  lia_meeting_set_rrule (single, NULL);
  lia_meeting_set_times (single, start, lia_occurrence_get_ends_at (occurrence));
  lia_meeting_set_until_at (single, start);
  lia_meeting_set_title (single, lia_occurrence_get_title (occurrence));
  lia_meeting_set_location (single, lia_occurrence_get_location (occurrence));
  lia_meeting_set_agenda (single, lia_occurrence_get_agenda (occurrence));
  lia_meeting_set_minutes (single, lia_occurrence_get_minutes (occurrence));
  lia_meeting_set_outcome (single, lia_occurrence_get_outcome (occurrence));
  lia_meeting_set_rating (single, lia_occurrence_get_rating (occurrence));
  lia_meeting_set_status (single, lia_occurrence_get_status (occurrence));
  lia_meeting_set_contact_event_id (single, e != NULL ? e->contact_event_id : 0);
  fill_values (single, lia_book_now (book), &values);
  values.id = 0;

  if (!lia_meeting_store_insert (db_of (book), &values, &id, error) ||
      !lia_meeting_series_write_attendees (book, id, lia_meeting_get_attendees (attendees_of), error))
    return FALSE;

  for (guint i = 0; i < follow_ups->len; i++)
    {
      LiaFollowUp *follow_up = g_ptr_array_index (follow_ups, i);

      if (lia_follow_up_get_meeting_id (follow_up) == lia_meeting_get_id (series) &&
          lia_follow_up_get_occurrence_at (follow_up) == recurrence_id &&
          !lia_follow_up_store_set_meeting (db_of (book), lia_follow_up_get_id (follow_up), id, start, error))
        return FALSE;
    }
  return e == NULL ||
         lia_meeting_store_delete_exception (db_of (book), e->meeting_id, e->recurrence_id, error);
}

/* Before @old is rewritten as @row with another rule (or none): each
 * occurrence it loses that was held, minuted, rated or followed up
 * becomes a meeting of its own at the time it had. An occurrence keeps
 * its place when @row has it after the start's shift. */
static gboolean
detach_lost (LiaBook               *book,
             LiaMeeting            *old,
             LiaMeeting            *row,
             GError               **error)
{
  gint64 meeting_id = lia_meeting_get_id (old);
  g_autoptr(GPtrArray) exceptions = lia_meeting_series_load_exceptions (book, meeting_id, error);
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GArray) rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LiaMeeting) attendees_of = NULL;
  const char *tz = lia_meeting_get_tzid (old);
  gint64 old_start = lia_meeting_get_starts_at (old);
  gint64 new_start = lia_meeting_get_starts_at (row);

  if (exceptions == NULL || !(follow_ups = load_follow_ups (book, meeting_id, error)))
    return FALSE;

  for (guint i = 0; i < exceptions->len; i++)
    {
      LiaException *e = g_ptr_array_index (exceptions, i);

      if (has_records (e))
        g_array_append_val (rids, e->recurrence_id);
    }
  for (guint i = 0; i < follow_ups->len; i++)
    {
      gint64 at = lia_follow_up_get_occurrence_at (g_ptr_array_index (follow_ups, i));
      LiaException *e = find_exception ((LiaException **)exceptions->pdata, exceptions->len, at);

      /* Only of an occurrence there is: one removed has nothing to keep. */
      if (at != 0 && (e == NULL || !e->cancelled) && is_occurrence (old, at))
        g_array_append_val (rids, at);
    }

  for (guint i = 0; i < rids->len; i++)
    {
      gint64 rid = g_array_index (rids, gint64, i);
      gint64 target = lia_recurrence_shift (rid, tz, old_start, new_start);
      gboolean seen = FALSE;

      for (guint j = 0; j < i; j++)
        seen |= g_array_index (rids, gint64, j) == rid;
      if (seen || (lia_meeting_get_is_recurring (row) && is_occurrence (row, target)))
        continue;

      if (attendees_of == NULL)
        {
          attendees_of = lia_meeting_copy (old);
          if (!lia_meeting_series_load_attendees (book, attendees_of, error))
            return FALSE;
        }
      if (!detach_occurrence (book, old, attendees_of, follow_ups,
                              find_exception ((LiaException **)exceptions->pdata, exceptions->len, rid),
                              rid, error))
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
 * exceptions and follow-ups by the same wall-clock shift (held ones but
 * @edited_rid stay where they were held), and an UNTIL with it when the
 * rule itself is unchanged, so no occurrence falls off the end; a shift
 * that would not keep the occurrences is refused. A new rule (or none)
 * first detaches what it would lose (detach_lost()). A single meeting's
 * status changes through lia_meeting_series_set_status(). */
static gboolean
write_series (LiaBook               *book,
              LiaMeeting            *old,
              LiaMeeting            *updated,
              gint64                 edited_rid,
              GError               **error)
{
  g_autoptr(LiaMeeting) row = lia_meeting_copy (updated);
  gint64 old_start = lia_meeting_get_starts_at (old);
  gint64 new_start = lia_meeting_get_starts_at (row);
  gboolean same_rule = g_strcmp0 (lia_meeting_get_rrule (old), lia_meeting_get_rrule (row)) == 0;
  gint64 last = 0;

  if (new_start != old_start && lia_meeting_get_is_recurring (row) && same_rule)
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

  if (lia_meeting_get_is_recurring (old) && same_rule &&
      !check_shift (book, old, row, G_MININT64, old_start, new_start, error))
    return FALSE;
  if (lia_meeting_get_is_recurring (old) && !same_rule && !detach_lost (book, old, row, error))
    return FALSE;

  if (!update_row (book, row, error))
    return FALSE;
  if (new_start != old_start)
    {
      if (lia_meeting_get_is_recurring (old) &&
          !shift_exceptions (book, old, lia_meeting_get_id (old), G_MININT64, old_start, new_start,
                             edited_rid, error))
        return FALSE;
      if (!shift_follow_ups (book, old, lia_meeting_get_id (old), G_MININT64, old_start, new_start, error))
        return FALSE;
    }
  return drop_lost_exceptions (book, row, error);
}

gboolean
lia_meeting_series_write (LiaBook               *book,
                          LiaMeeting            *old,
                          LiaMeeting            *updated,
                          GError               **error)
{
  return write_series (book, old, updated, 0, error);
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

  return write_series (book, series, updated, lia_occurrence_get_recurrence_id (stored), error) &&
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

  /* The new series first, to check the shift before anything is written. */
  lia_meeting_set_uid (tail, uid);
  lia_meeting_set_times (tail, start, start + duration);
  lia_meeting_set_rrule (tail, tail_rule);
  lia_meeting_set_contact_event_id (tail, 0);
  apply_edits (tail, edits, edited);
  if (!lia_recurrence_check (tail_rule, start, tz, &last, error))
    return FALSE;
  lia_meeting_set_until_at (tail, last);
  if (!check_shift (book, series, tail, rid, rid, start, error))
    return FALSE;

  lia_meeting_set_rrule (head, head_rule);
  if (!lia_recurrence_check (head_rule, lia_meeting_get_starts_at (head), tz, &last, error))
    return FALSE;
  lia_meeting_set_until_at (head, last);
  if (!update_row (book, head, error))
    return FALSE;

  fill_values (tail, lia_book_now (book), &values);
  values.id = 0;
  if (!lia_meeting_store_insert (db_of (book), &values, &tail_id, error))
    return FALSE;
  lia_meeting_set_id (tail, tail_id);

  *out_meeting_id = tail_id;
  *out_rid = start;
  return lia_meeting_series_load_attendees (book, series, error) &&
         lia_meeting_series_write_attendees (book, tail_id, lia_meeting_get_attendees (series), error) &&
         shift_exceptions (book, series, tail_id, rid, rid, start, rid, error) &&
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

/* A held meeting removed takes its contact with it: the events' triggers
 * recompute the account's last contact, and its listeners hear of it
 * once the write is committed (the book holds the signal until then). */
static gboolean
forget_contact (LiaBook               *book,
                LiaMeeting            *series,
                gint64                 event_id,
                GError               **error)
{
  if (event_id == 0)
    return TRUE;
  if (!lia_event_store_delete (db_of (book), event_id, error))
    return FALSE;
  lia_book_emit_account_changed (book, lia_meeting_get_account_id (series), FALSE);
  return TRUE;
}

static gboolean
delete_later (LiaBook               *book,
              LiaMeeting            *series,
              GPtrArray             *exceptions,
              gint64                 recurrence_id,
              GError               **error)
{
  g_autofree char *rule = lia_recurrence_end_before (lia_meeting_get_rrule (series), recurrence_id,
                                                     lia_meeting_get_tzid (series));
  gint64 last = 0;

  for (guint i = 0; i < exceptions->len; i++)
    {
      LiaException *e = g_ptr_array_index (exceptions, i);

      if (e->recurrence_id >= recurrence_id && !forget_contact (book, series, e->contact_event_id, error))
        return FALSE;
    }

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
      /* Removed, it was never held: no contact, no held status. */
      e = exception_at (exceptions, lia_meeting_get_id (series), recurrence_id);
      if (!forget_contact (book, series, e->contact_event_id, error))
        return FALSE;
      e->contact_event_id = 0;
      if (e->status == LIA_MEETING_STATUS_HELD)
        e->status = -1;
      e->cancelled = TRUE;
      return save_exception (book, series, e, error);
    case LIA_EDIT_SCOPE_THIS_AND_LATER:
      return delete_later (book, series, exceptions, recurrence_id, error);
    case LIA_EDIT_SCOPE_ALL:
    default:
      if (!forget_contact (book, series, lia_meeting_get_contact_event_id (series), error))
        return FALSE;
      for (guint i = 0; i < exceptions->len; i++)
        if (!forget_contact (book, series, ((LiaException *)g_ptr_array_index (exceptions, i))->contact_event_id,
                             error))
          return FALSE;
      return lia_meeting_store_delete (db_of (book), lia_meeting_get_id (series), error);
    }
}
