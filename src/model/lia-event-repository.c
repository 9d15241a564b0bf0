/* lia-event-repository.c — maintenance events, vendors and SLA targets
 *
 * An event takes its SLA targets from its account's service plan when it
 * opens (and when it is reclassified), and keeps them: later changes to
 * the plan do not rewrite history. After every change the SLA clocks are
 * re-run (lia-sla.c) and the instants at which the event falls at risk
 * or is breached are stored, so the timeline and the roll-ups can ask
 * SQL for SLA states at any "now".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-event-repository"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lia-account-repository.h"
#include "lia-book-private.h"
#include "lia-business-calendar.h"
#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-repository.h"
#include "lia-event-store.h"
#include "lia-model-private.h"

#define MAX_SUMMARY_CHARS 300
#define MAX_DETAILS_CHARS LIA_MAX_NOTES_LENGTH
#define MAX_VENDOR_FIELD_CHARS 200

struct _LiaEventRepository
{
  GObject     parent_instance;
  LiaBook    *book;      /* unowned: the book owns us */
  GListStore *vendors;   /* loaded on first use */
};

G_DEFINE_FINAL_TYPE (LiaEventRepository, lia_event_repository, G_TYPE_OBJECT)

enum {
  EVENT_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
lia_event_repository_finalize (GObject *object)
{
  g_clear_object (&LIA_EVENT_REPOSITORY (object)->vendors);
  G_OBJECT_CLASS (lia_event_repository_parent_class)->finalize (object);
}

static void
lia_event_repository_class_init (LiaEventRepositoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_event_repository_finalize;

  signals[EVENT_CHANGED] =
    g_signal_new ("event-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
lia_event_repository_init (LiaEventRepository *self)
{
}

LiaEventRepository *
lia_event_repository_new (LiaBook *book)
{
  LiaEventRepository *self = g_object_new (LIA_TYPE_EVENT_REPOSITORY, NULL);

  self->book = book;
  return self;
}

static LiaDatabase *
db_of (LiaEventRepository *self)
{
  return lia_book_get_database (self->book);
}

void
lia_event_repository_emit_changed (LiaEventRepository *self,
                                   gint64              event_id,
                                   gint64              account_id)
{
  g_signal_emit (self, signals[EVENT_CHANGED], 0, event_id, account_id);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, message);
  return FALSE;
}

/* SLA clocks --------------------------------------------------------- */

static void
collect_pauses (LiaRow   *row,
                gpointer  user_data)
{
  GArray *pauses = user_data;
  const char *from = lia_row_is_null (row, LIA_STATUS_CHANGE_COLUMN_FROM)
                     ? NULL : lia_row_get_string (row, LIA_STATUS_CHANGE_COLUMN_FROM);
  const char *to = lia_row_get_string (row, LIA_STATUS_CHANGE_COLUMN_TO);
  gint64 at = lia_row_get_int64 (row, LIA_STATUS_CHANGE_COLUMN_CHANGED_AT);
  LiaSlaPause *last = pauses->len ? &g_array_index (pauses, LiaSlaPause, pauses->len - 1) : NULL;

  /* A pause is open (to = 0) from entering "waiting" until leaving it. */
  if (g_strcmp0 (to, "waiting") == 0 && g_strcmp0 (from, "waiting") != 0)
    {
      LiaSlaPause pause = { at, 0 };
      g_array_append_val (pauses, pause);
    }
  else if (g_strcmp0 (from, "waiting") == 0 && last != NULL && last->to == 0)
    last->to = MAX (at, last->from);
}

static LiaBusinessCalendar *
calendar_for (LiaEvent *event)
{
  const char *hours = lia_event_get_business_hours (event);
  g_autoptr(GError) error = NULL;
  LiaBusinessCalendar *calendar = NULL;

  if (hours != NULL && !(calendar = lia_business_calendar_parse (hours, &error)))
    g_warning ("Event %" G_GINT64_FORMAT " has unreadable business hours, counting around "
               "the clock: %s", lia_event_get_id (event), error->message);
  if (calendar == NULL)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      calendar = lia_business_calendar_new (utc);
    }
  return calendar;
}

static gint64
earliest (gint64 a,
          gint64 b)
{
  if (a == 0)
    return b;
  if (b == 0)
    return a;
  return MIN (a, b);
}

/* Re-runs both clocks of @event_id and stores when they fall at risk
 * and are breached. */
static gboolean
reschedule (LiaEventRepository  *self,
            gint64               event_id,
            GError             **error)
{
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(LiaBusinessCalendar) calendar = NULL;
  g_autoptr(GArray) pauses = g_array_new (FALSE, FALSE, sizeof (LiaSlaPause));
  LiaEventSchedule schedule = { 0, };
  gint64 now = lia_book_now (self->book);
  gint64 response_risk = 0, resolution_risk = 0;

  if (!(event = lia_event_repository_lookup (self, event_id, error)))
    return FALSE;

  if (lia_event_get_response_target (event) != 0 || lia_event_get_resolution_target (event) != 0)
    {
      if (!lia_event_store_status_history (db_of (self), event_id, collect_pauses, pauses, error))
        return FALSE;
      calendar = calendar_for (event);
    }

  if (lia_event_get_response_target (event) != 0)
    lia_sla_schedule (calendar, lia_event_get_response_target (event),
                      lia_event_get_opened_at (event), lia_event_get_responded_at (event),
                      (LiaSlaPause *)pauses->data, pauses->len, now,
                      &schedule.response_breach_at, &response_risk);
  if (lia_event_get_resolution_target (event) != 0)
    lia_sla_schedule (calendar, lia_event_get_resolution_target (event),
                      lia_event_get_opened_at (event), lia_event_get_resolved_at (event),
                      (LiaSlaPause *)pauses->data, pauses->len, now,
                      &schedule.resolution_breach_at, &resolution_risk);

  schedule.breach_at = earliest (schedule.response_breach_at, schedule.resolution_breach_at);
  schedule.risk_at = earliest (response_risk, resolution_risk);
  return lia_event_store_set_schedule (db_of (self), event_id, &schedule, error);
}

/* Writing events ------------------------------------------------------ */

static gboolean
validate (LiaEventRepository  *self,
          LiaEvent            *event,
          GError             **error)
{
  LiaEventKind kind = lia_event_get_kind (event);
  gint64 now = lia_book_now (self->book);
  g_autofree char *summary = g_strstrip (g_strdup (lia_event_get_summary (event)));

  if (lia_event_get_account_id (event) == 0)
    return invalid (error, _("An event needs an account"));
  /* Contacts made may go without a summary: the kind says what happened. */
  if (*summary == '\0' && !lia_event_kind_is_contact (kind))
    return invalid (error, _("An event needs a summary"));
  /* An inquiry's summary is the customer's question, as long as ever. */
  if (g_utf8_strlen (summary, -1) > (kind == LIA_EVENT_KIND_INQUIRY ? LIA_MAX_NOTES_LENGTH
                                                                     : MAX_SUMMARY_CHARS))
    return invalid (error, kind == LIA_EVENT_KIND_INQUIRY
                           ? _("The question is longer than 20000 characters")
                           : _("The summary is longer than 300 characters"));
  if (g_utf8_strlen (lia_event_get_details (event), -1) > MAX_DETAILS_CHARS)
    return invalid (error, _("The details are longer than 20000 characters"));
  lia_event_set_summary (event, summary);

  if (!lia_event_kind_has_severity (kind))
    lia_event_set_severity (event, LIA_SEVERITY_NONE);
  else if (lia_event_get_severity (event) == LIA_SEVERITY_NONE)
    lia_event_set_severity (event, LIA_SEVERITY_MEDIUM);

  /* Scheduled work may be planned ahead; everything else has happened. */
  if (kind == LIA_EVENT_KIND_MAINTENANCE)
    now = MAX (now, lia_event_get_opened_at (event));
  return lia_sla_check_times (lia_event_get_opened_at (event), lia_event_get_responded_at (event),
                              lia_event_get_resolved_at (event), now, error);
}

/* Copies the targets of the account's plan for the event's severity. */
static gboolean
apply_targets (LiaEventRepository  *self,
               LiaEvent            *event,
               GError             **error)
{
  g_autofree char *hours = NULL;
  gint64 response = 0, resolution = 0;

  if (lia_event_kind_has_severity (lia_event_get_kind (event)) &&
      !lia_event_store_plan_targets (db_of (self), lia_event_get_account_id (event),
                                     lia_enum_to_nick (LIA_TYPE_SEVERITY,
                                                       lia_event_get_severity (event)),
                                     &response, &resolution, &hours, error))
    return FALSE;

  lia_event_set_targets (event, response, resolution, hours);
  return TRUE;
}

static void
fill_values (LiaEvent       *event,
             LiaEventValues *v)
{
  v->id = lia_event_get_id (event);
  v->account_id = lia_event_get_account_id (event);
  v->kind = lia_enum_to_nick (LIA_TYPE_EVENT_KIND, lia_event_get_kind (event));
  v->summary = lia_event_get_summary (event);
  v->details = lia_event_get_details (event);
  v->severity = lia_event_get_severity (event) == LIA_SEVERITY_NONE
                ? NULL : lia_enum_to_nick (LIA_TYPE_SEVERITY, lia_event_get_severity (event));
  v->status = lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, lia_event_get_status (event));
  v->source = lia_enum_to_nick (LIA_TYPE_EVENT_SOURCE, lia_event_get_source (event));
  v->opened_at = lia_event_get_opened_at (event);
  v->responded_at = lia_event_get_responded_at (event);
  v->resolved_at = lia_event_get_resolved_at (event);
  v->staff_id = lia_event_get_staff_id (event);
  v->vendor_id = lia_event_get_vendor_id (event);
  v->contact_id = lia_event_get_contact_id (event);
  v->response_target = lia_event_get_response_target (event);
  v->resolution_target = lia_event_get_resolution_target (event);
  v->business_hours = lia_event_get_business_hours (event);
}

/* Resolving stamps the resolution (and a response, if none was
 * recorded) at @now; reopening clears the resolution. */
static void
stamp_times (LiaEvent       *event,
             LiaEventStatus  status,
             gint64          now)
{
  now = MAX (now, lia_event_get_opened_at (event));

  if (lia_event_status_is_open (status))
    lia_event_set_resolved_at (event, 0);
  if (status == LIA_EVENT_STATUS_IN_PROGRESS && lia_event_get_responded_at (event) == 0)
    lia_event_set_responded_at (event, now);
  if (!lia_event_status_is_open (status) && lia_event_get_resolved_at (event) == 0)
    lia_event_set_resolved_at (event, now);
  if (!lia_event_status_is_open (status) && lia_event_get_responded_at (event) == 0)
    lia_event_set_responded_at (event, lia_event_get_resolved_at (event));
  lia_event_set_status (event, status);
}

/* Commits and tells listeners, or rolls back. */
static gboolean
finish (LiaEventRepository  *self,
        gboolean             ok,
        LiaEvent            *event,
        GError             **error)
{
  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  /* Inside a larger write (an import, sample data) its author tells
   * listeners once, at the end. */
  if (!lia_database_in_transaction (db_of (self)))
    lia_event_repository_emit_changed (self, lia_event_get_id (event),
                                       lia_event_get_account_id (event));
  return TRUE;
}

/**
 * lia_event_repository_add:
 * @event: a draft from lia_event_new(); gets its id and targets
 *
 * Records @event. A draft without an opening time opens now; one
 * created resolved or closed is stamped like lia_event_repository_set_status().
 */
gboolean
lia_event_repository_add (LiaEventRepository  *self,
                          LiaEvent            *event,
                          GError             **error)
{
  LiaEventValues values = { 0, };
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_EVENT (event), FALSE);

  if (lia_event_get_opened_at (event) == 0)
    lia_event_set_opened_at (event, lia_book_now (self->book));
  if (!lia_event_status_is_open (lia_event_get_status (event)))
    stamp_times (event, lia_event_get_status (event), lia_book_now (self->book));
  if (!validate (self, event, error))
    return FALSE;

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = apply_targets (self, event, error);
  if (ok)
    {
      fill_values (event, &values);
      values.id = 0;
      ok = lia_event_store_insert (db_of (self), &values, &id, error);
    }
  if (ok)
    {
      lia_event_set_id (event, id);
      ok = reschedule (self, id, error);
    }
  return finish (self, ok, event, error);
}

static gboolean
needs_new_targets (LiaEvent *before,
                   LiaEvent *after)
{
  return lia_event_get_account_id (before) != lia_event_get_account_id (after) ||
         lia_event_get_kind (before) != lia_event_get_kind (after) ||
         lia_event_get_severity (before) != lia_event_get_severity (after);
}

/**
 * lia_event_repository_update:
 *
 * Writes @event's fields, including corrected response and resolution
 * times, but not its status (see lia_event_repository_set_status()).
 * Reclassifying it (account, kind or severity) gives it the targets of
 * its new class.
 */
gboolean
lia_event_repository_update (LiaEventRepository  *self,
                             LiaEvent            *event,
                             GError             **error)
{
  g_autoptr(LiaEvent) before = NULL;
  LiaEventValues values = { 0, };
  gboolean ok = TRUE;

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_EVENT (event), FALSE);

  if (!(before = lia_event_repository_lookup (self, lia_event_get_id (event), error)))
    return FALSE;
  lia_event_set_status (event, lia_event_get_status (before));
  if (!validate (self, event, error))
    return FALSE;

  if (!lia_book_begin (self->book, error))
    return FALSE;

  if (needs_new_targets (before, event))
    ok = apply_targets (self, event, error);
  if (ok)
    {
      fill_values (event, &values);
      ok = lia_event_store_update (db_of (self), &values, error) &&
           reschedule (self, lia_event_get_id (event), error);
    }
  if (!finish (self, ok, event, error))
    return FALSE;

  /* Moved to another account: the old one's timeline loses it. */
  if (lia_event_get_account_id (before) != lia_event_get_account_id (event) &&
      !lia_database_in_transaction (db_of (self)))
    lia_event_repository_emit_changed (self, lia_event_get_id (event),
                                       lia_event_get_account_id (before));
  return TRUE;
}

gboolean
lia_event_repository_set_status (LiaEventRepository  *self,
                                 gint64               event_id,
                                 LiaEventStatus       status,
                                 GError             **error)
{
  g_autoptr(LiaEvent) event = NULL;
  LiaEventValues values = { 0, };
  LiaEventStatus from;
  gint64 now = lia_book_now (self->book);
  gboolean ok;

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);

  if (!(event = lia_event_repository_lookup (self, event_id, error)))
    return FALSE;
  if ((from = lia_event_get_status (event)) == status)
    return TRUE;
  stamp_times (event, status, now);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  fill_values (event, &values);
  ok = lia_event_store_update (db_of (self), &values, error) &&
       lia_event_store_add_status_change (db_of (self), event_id, MAX (now, values.opened_at),
                                          lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, from),
                                          values.status, lia_book_get_actor (self->book), error) &&
       reschedule (self, event_id, error);
  return finish (self, ok, event, error);
}

gboolean
lia_event_repository_delete (LiaEventRepository  *self,
                             gint64               event_id,
                             GError             **error)
{
  g_autoptr(LiaEvent) event = NULL;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);

  if (!(event = lia_event_repository_lookup (self, event_id, error)))
    return FALSE;
  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_event_store_delete (db_of (self), event_id, error);
  return finish (self, ok, event, error);
}

/* Reading events ------------------------------------------------------ */

static void
keep_event (LiaRow   *row,
            gpointer  user_data)
{
  LiaEvent **out = user_data;

  g_clear_object (out);
  *out = lia_event_new_from_row (row);
}

LiaEvent *
lia_event_repository_lookup (LiaEventRepository  *self,
                             gint64               event_id,
                             GError             **error)
{
  LiaEvent *event = NULL;

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), NULL);

  if (!lia_event_store_get (db_of (self), event_id, lia_book_now (self->book),
                            keep_event, &event, error))
    {
      g_clear_object (&event);
      return NULL;
    }
  return event;
}

static GListModel *
collect_into_store (GType       type,
                    GPtrArray  *rows)
{
  GListStore *store = g_list_store_new (type);

  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

GListModel *
lia_event_repository_list_status_changes (LiaEventRepository  *self,
                                          gint64               event_id,
                                          GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_status_change_new_from_row, rows };

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), NULL);

  if (!lia_event_store_status_history (db_of (self), event_id, lia_collect_row, &collect, error))
    return NULL;
  return collect_into_store (LIA_TYPE_STATUS_CHANGE, rows);
}

/* Vendors ------------------------------------------------------------- */

static gboolean
reload_vendors (LiaEventRepository  *self,
                GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_vendor_new_from_row, rows };

  if (!lia_vendor_store_all (db_of (self), lia_collect_row, &collect, error))
    return FALSE;

  if (self->vendors == NULL)
    self->vendors = g_list_store_new (LIA_TYPE_VENDOR);
  g_list_store_splice (self->vendors, 0, g_list_model_get_n_items (G_LIST_MODEL (self->vendors)),
                       rows->pdata, rows->len);
  return TRUE;
}

/* Every vendor, active or not, by name; kept current by this repository. */
GListModel *
lia_event_repository_get_vendors (LiaEventRepository *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), NULL);

  if (self->vendors == NULL && !reload_vendors (self, &error))
    g_warning ("Cannot read vendors: %s", error->message);
  if (self->vendors == NULL)
    self->vendors = g_list_store_new (LIA_TYPE_VENDOR);
  return G_LIST_MODEL (self->vendors);
}

LiaVendor *
lia_event_repository_lookup_vendor (LiaEventRepository *self,
                                    gint64              vendor_id)
{
  GListModel *vendors = lia_event_repository_get_vendors (self);

  for (guint i = 0; i < g_list_model_get_n_items (vendors); i++)
    {
      g_autoptr(LiaVendor) vendor = g_list_model_get_item (vendors, i);

      if (lia_vendor_get_id (vendor) == vendor_id)
        return lia_vendor_copy (vendor);
    }
  return NULL;
}

static gboolean
validate_vendor (LiaVendor  *vendor,
                 GError    **error)
{
  const char *fields[] = {
    lia_vendor_get_name (vendor), lia_vendor_get_contact_name (vendor),
    lia_vendor_get_email (vendor), lia_vendor_get_phone (vendor),
  };
  g_autofree char *name = g_strstrip (g_strdup (lia_vendor_get_name (vendor)));

  if (*name == '\0')
    return invalid (error, _("A vendor needs a name"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_utf8_strlen (fields[i], -1) > MAX_VENDOR_FIELD_CHARS)
      return invalid (error, _("Vendor fields are limited to 200 characters"));
  if (*lia_vendor_get_email (vendor) && !strchr (lia_vendor_get_email (vendor), '@'))
    return invalid (error, _("The email address needs an “@”"));
  lia_vendor_set_name (vendor, name);
  return TRUE;
}

static void
fill_vendor_values (LiaVendor       *vendor,
                    LiaVendorValues *v)
{
  v->id = lia_vendor_get_id (vendor);
  v->name = lia_vendor_get_name (vendor);
  v->contact_name = lia_vendor_get_contact_name (vendor);
  v->email = lia_vendor_get_email (vendor);
  v->phone = lia_vendor_get_phone (vendor);
  v->sla_plan_id = lia_vendor_get_sla_plan_id (vendor);
  v->active = lia_vendor_get_active (vendor);
}

static gboolean
duplicate_vendor (GError     **error,
                  LiaVendor   *vendor)
{
  g_clear_error (error);
  g_set_error (error, LIA_ERROR, LIA_ERROR_DUPLICATE,
               _("There is already a vendor named “%s”"), lia_vendor_get_name (vendor));
  return FALSE;
}

static gboolean
write_vendor (LiaEventRepository  *self,
              LiaVendor           *vendor,
              gboolean             insert,
              GError             **error)
{
  LiaVendorValues values = { 0, };
  g_autoptr(GError) local_error = NULL;
  gint64 id = lia_vendor_get_id (vendor);
  gboolean ok;

  if (!validate_vendor (vendor, error))
    return FALSE;

  fill_vendor_values (vendor, &values);
  ok = insert ? lia_vendor_store_insert (db_of (self), &values, &id, &local_error)
              : lia_vendor_store_update (db_of (self), &values, &local_error);
  if (!ok)
    {
      if (g_error_matches (local_error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CONSTRAINT))
        return duplicate_vendor (error, vendor);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  lia_vendor_set_id (vendor, id);
  if (!reload_vendors (self, error))
    return FALSE;
  /* Timelines show vendors' names. */
  lia_event_repository_emit_changed (self, 0, 0);
  return TRUE;
}

gboolean
lia_event_repository_add_vendor (LiaEventRepository  *self,
                                 LiaVendor           *vendor,
                                 GError             **error)
{
  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_VENDOR (vendor), FALSE);

  return write_vendor (self, vendor, TRUE, error);
}

gboolean
lia_event_repository_update_vendor (LiaEventRepository  *self,
                                    LiaVendor           *vendor,
                                    GError             **error)
{
  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_VENDOR (vendor), FALSE);

  return write_vendor (self, vendor, FALSE, error);
}

/* Compliance ---------------------------------------------------------- */

typedef struct
{
  LiaCompliance *vendor;
  LiaCompliance *staff;
  GArray        *times[2][2];   /* [vendor?][resolution?] durations */
  gint64         now;
} Tally;

/* A clock counts once it stopped, or once it was breached while still
 * running: it can no longer be met. */
static void
tally_clock (Tally         *tally,
             LiaCompliance *side,
             gboolean       by_vendor,
             gboolean       resolution,
             gint64         opened_at,
             gint64         stopped_at,
             gint64         breach_at)
{
  gboolean breached = breach_at != 0 && breach_at <= (stopped_at ? stopped_at : tally->now);

  if (stopped_at == 0 && !breached)
    return;

  if (resolution)
    side->resolutions_counted++, side->resolutions_met += !breached;
  else
    side->responses_counted++, side->responses_met += !breached;

  if (stopped_at != 0)
    {
      gint64 duration = stopped_at - opened_at;
      g_array_append_val (tally->times[by_vendor][resolution], duration);
    }
}

static void
tally_row (LiaRow   *row,
           gpointer  user_data)
{
  Tally *tally = user_data;
  gboolean by_vendor = !lia_row_is_null (row, LIA_HANDLED_COLUMN_VENDOR_ID);
  LiaCompliance *side = by_vendor ? tally->vendor : tally->staff;
  gint64 opened_at = lia_row_get_int64 (row, LIA_HANDLED_COLUMN_OPENED_AT);

  side->handled++;
  if (!lia_row_is_null (row, LIA_HANDLED_COLUMN_RESPONSE_TARGET))
    tally_clock (tally, side, by_vendor, FALSE, opened_at,
                 lia_row_get_int64 (row, LIA_HANDLED_COLUMN_RESPONDED_AT),
                 lia_row_get_int64 (row, LIA_HANDLED_COLUMN_RESPONSE_BREACH_AT));
  if (!lia_row_is_null (row, LIA_HANDLED_COLUMN_RESOLUTION_TARGET))
    tally_clock (tally, side, by_vendor, TRUE, opened_at,
                 lia_row_get_int64 (row, LIA_HANDLED_COLUMN_RESOLVED_AT),
                 lia_row_get_int64 (row, LIA_HANDLED_COLUMN_RESOLUTION_BREACH_AT));
}

static gint
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* The lower median of an even count: a time that actually occurred. */
static gint64
median (GArray *values)
{
  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_int64);
  return g_array_index (values, gint64, (values->len - 1) / 2);
}

/**
 * lia_event_repository_compliance:
 * @vendor_id: the vendor to compare with own staff
 * @from: (inclusive) and @to: (exclusive): when the events opened
 *
 * How @vendor_id and own staff met the SLA for events with targets opened
 * in the same period. Medians are wall-clock times from opening to
 * response and to resolution.
 */
gboolean
lia_event_repository_compliance (LiaEventRepository  *self,
                                 gint64               vendor_id,
                                 gint64               from,
                                 gint64               to,
                                 LiaCompliance       *out_vendor,
                                 LiaCompliance       *out_staff,
                                 GError             **error)
{
  Tally tally = { out_vendor, out_staff, { { NULL, }, }, lia_book_now (self->book) };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (out_vendor != NULL && out_staff != NULL, FALSE);

  *out_vendor = *out_staff = (LiaCompliance) { 0, };
  for (guint i = 0; i < 4; i++)
    tally.times[i / 2][i % 2] = g_array_new (FALSE, FALSE, sizeof (gint64));

  ok = lia_event_store_handled (db_of (self), vendor_id, from, to, tally_row, &tally, error);

  out_vendor->median_response = median (tally.times[1][0]);
  out_vendor->median_resolution = median (tally.times[1][1]);
  out_staff->median_response = median (tally.times[0][0]);
  out_staff->median_resolution = median (tally.times[0][1]);
  for (guint i = 0; i < 4; i++)
    g_array_unref (tally.times[i / 2][i % 2]);
  return ok;
}

double
lia_compliance_response_share (const LiaCompliance *self)
{
  return self->responses_counted ? (double)self->responses_met / self->responses_counted : -1;
}

double
lia_compliance_resolution_share (const LiaCompliance *self)
{
  return self->resolutions_counted ? (double)self->resolutions_met / self->resolutions_counted : -1;
}

/* SLA targets --------------------------------------------------------- */

GListModel *
lia_event_repository_list_sla_targets (LiaEventRepository  *self,
                                       GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_sla_target_new_from_row, rows };

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), NULL);

  if (!lia_event_store_sla_targets (db_of (self), lia_collect_row, &collect, error))
    return NULL;
  return collect_into_store (LIA_TYPE_SLA_TARGET, rows);
}

/**
 * lia_event_repository_set_sla_target:
 * @response: (in seconds) and @resolution: the targets
 *
 * Applies to events opened from now on: each event keeps the targets it
 * opened with.
 */
gboolean
lia_event_repository_set_sla_target (LiaEventRepository  *self,
                                     const char          *plan_id,
                                     LiaSeverity          severity,
                                     gint64               response,
                                     gint64               resolution,
                                     GError             **error)
{
  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);

  if (severity == LIA_SEVERITY_NONE)
    return invalid (error, _("Targets are set per severity"));
  if (response <= 0 || resolution <= 0)
    return invalid (error, _("Targets must be longer than zero"));
  if (resolution < response)
    return invalid (error, _("The resolution target cannot be shorter than the response target"));
  if (lia_book_get_service_plan_name (self->book, plan_id) == NULL)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND, _("No service plan “%s”"), plan_id);
      return FALSE;
    }

  return lia_event_store_set_sla_target (db_of (self), plan_id,
                                         lia_enum_to_nick (LIA_TYPE_SEVERITY, severity),
                                         response, resolution, error);
}

/**
 * lia_event_repository_set_business_hours:
 * @business_hours: (nullable): e.g. "tz=Europe/Berlin;mon-fri=08:00-18:00";
 *   %NULL or "" for around the clock
 */
gboolean
lia_event_repository_set_business_hours (LiaEventRepository  *self,
                                         const char          *plan_id,
                                         const char          *business_hours,
                                         GError             **error)
{
  g_autoptr(LiaBusinessCalendar) calendar = NULL;
  g_autofree char *normal = NULL;

  g_return_val_if_fail (LIA_IS_EVENT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);

  if (business_hours != NULL && *business_hours != '\0')
    {
      if (!(calendar = lia_business_calendar_parse (business_hours, error)))
        return FALSE;
      /* Stored in one spelling, however it was typed. */
      normal = lia_business_calendar_to_string (calendar);
    }

  return lia_event_store_set_business_hours (db_of (self), plan_id, normal, error);
}
