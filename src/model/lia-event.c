/* lia-event.c — one maintenance-related event of a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-store.h"

struct _LiaEvent
{
  GObject         parent_instance;
  gint64          id;
  gint64          account_id;
  char           *account_name;
  LiaEventKind    kind;
  char           *summary;
  char           *details;
  LiaSeverity     severity;
  LiaEventStatus  status;
  LiaEventSource  source;
  gint64          opened_at;
  gint64          responded_at;
  gint64          resolved_at;
  gint64          staff_id;
  char           *staff_name;
  gint64          vendor_id;
  char           *vendor_name;
  gint64          contact_id;
  char           *contact_name;
  gint64          response_target;
  gint64          resolution_target;
  char           *business_hours;
  gint64          response_breach_at;
  gint64          resolution_breach_at;
  LiaSlaState     sla_state;
};

G_DEFINE_FINAL_TYPE (LiaEvent, lia_event, G_TYPE_OBJECT)

/* g_set_str() is GLib 2.76. */
static void
set_str (char       **field,
         const char  *value)
{
  if (*field != value)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_NAME,
  PROP_KIND,
  PROP_SUMMARY,
  PROP_SEVERITY,
  PROP_STATUS,
  PROP_OPENED_AT,
  PROP_PERFORMER_NAME,
  PROP_SLA_STATE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_event_finalize (GObject *object)
{
  LiaEvent *self = (LiaEvent *)object;

  g_free (self->account_name);
  g_free (self->summary);
  g_free (self->details);
  g_free (self->staff_name);
  g_free (self->vendor_name);
  g_free (self->contact_name);
  g_free (self->business_hours);
  G_OBJECT_CLASS (lia_event_parent_class)->finalize (object);
}

static void
lia_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LiaEvent *self = LIA_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:             g_value_set_int64 (value, self->id); break;
    case PROP_ACCOUNT_NAME:   g_value_set_string (value, self->account_name); break;
    case PROP_KIND:           g_value_set_enum (value, self->kind); break;
    case PROP_SUMMARY:        g_value_set_string (value, self->summary); break;
    case PROP_SEVERITY:       g_value_set_enum (value, self->severity); break;
    case PROP_STATUS:         g_value_set_enum (value, self->status); break;
    case PROP_OPENED_AT:      g_value_set_int64 (value, self->opened_at); break;
    case PROP_PERFORMER_NAME: g_value_set_string (value, lia_event_get_performer_name (self)); break;
    case PROP_SLA_STATE:      g_value_set_enum (value, self->sla_state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_event_class_init (LiaEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_event_finalize;
  object_class->get_property = lia_event_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, LIA_TYPE_EVENT_KIND,
                                             LIA_EVENT_KIND_INCIDENT, ro);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  properties[PROP_SEVERITY] = g_param_spec_enum ("severity", NULL, NULL, LIA_TYPE_SEVERITY,
                                                 LIA_SEVERITY_NONE, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, LIA_TYPE_EVENT_STATUS,
                                               LIA_EVENT_STATUS_OPEN, ro);
  properties[PROP_OPENED_AT] = g_param_spec_int64 ("opened-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PERFORMER_NAME] = g_param_spec_string ("performer-name", NULL, NULL, NULL, ro);
  properties[PROP_SLA_STATE] = g_param_spec_enum ("sla-state", NULL, NULL, LIA_TYPE_SLA_STATE,
                                                  LIA_SLA_STATE_NONE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_event_init (LiaEvent *self)
{
  self->severity = LIA_SEVERITY_NONE;
  self->status = LIA_EVENT_STATUS_OPEN;
  self->source = LIA_EVENT_SOURCE_PHONE;
  self->sla_state = LIA_SLA_STATE_NONE;
  self->summary = g_strdup ("");
  self->details = g_strdup ("");
}

LiaEvent *
lia_event_new (gint64        account_id,
               LiaEventKind  kind,
               const char   *summary)
{
  LiaEvent *self = g_object_new (LIA_TYPE_EVENT, NULL);

  self->account_id = account_id;
  self->kind = kind;
  set_str (&self->summary, summary ? summary : "");
  if (lia_event_kind_has_severity (kind))
    self->severity = LIA_SEVERITY_MEDIUM;
  return self;
}

/* The nick in @column as a value of @type; @fallback when NULL. */
int
lia_row_get_enum (GType   type,
                  LiaRow *row,
                  int     column,
                  int     fallback)
{
  int value = fallback;

  if (!lia_row_is_null (row, column))
    lia_enum_from_nick (type, lia_row_get_string (row, column), &value);
  return value;
}

char *
lia_row_dup_string (LiaRow *row,
                    int     column)
{
  return lia_row_is_null (row, column) ? NULL : g_strdup (lia_row_get_string (row, column));
}

LiaEvent *
lia_event_new_from_row (LiaRow *row)
{
  LiaEvent *self = g_object_new (LIA_TYPE_EVENT, NULL);

  self->id = lia_row_get_int64 (row, LIA_EVENT_COLUMN_ID);
  self->account_id = lia_row_get_int64 (row, LIA_EVENT_COLUMN_ACCOUNT_ID);
  self->account_name = lia_row_dup_string (row, LIA_EVENT_COLUMN_ACCOUNT_NAME);
  self->kind = lia_row_get_enum (LIA_TYPE_EVENT_KIND, row, LIA_EVENT_COLUMN_KIND, 0);
  set_str (&self->summary, lia_row_get_string (row, LIA_EVENT_COLUMN_SUMMARY));
  set_str (&self->details, lia_row_get_string (row, LIA_EVENT_COLUMN_DETAILS));
  self->severity = lia_row_get_enum (LIA_TYPE_SEVERITY, row, LIA_EVENT_COLUMN_SEVERITY, LIA_SEVERITY_NONE);
  self->status = lia_row_get_enum (LIA_TYPE_EVENT_STATUS, row, LIA_EVENT_COLUMN_STATUS, 0);
  self->source = lia_row_get_enum (LIA_TYPE_EVENT_SOURCE, row, LIA_EVENT_COLUMN_SOURCE, 0);
  self->opened_at = lia_row_get_int64 (row, LIA_EVENT_COLUMN_OPENED_AT);
  self->responded_at = lia_row_get_int64 (row, LIA_EVENT_COLUMN_RESPONDED_AT);
  self->resolved_at = lia_row_get_int64 (row, LIA_EVENT_COLUMN_RESOLVED_AT);
  self->staff_id = lia_row_get_int64 (row, LIA_EVENT_COLUMN_STAFF_ID);
  self->staff_name = lia_row_dup_string (row, LIA_EVENT_COLUMN_STAFF_NAME);
  self->vendor_id = lia_row_get_int64 (row, LIA_EVENT_COLUMN_VENDOR_ID);
  self->vendor_name = lia_row_dup_string (row, LIA_EVENT_COLUMN_VENDOR_NAME);
  self->contact_id = lia_row_get_int64 (row, LIA_EVENT_COLUMN_CONTACT_ID);
  self->contact_name = lia_row_dup_string (row, LIA_EVENT_COLUMN_CONTACT_NAME);
  self->response_target = lia_row_get_int64 (row, LIA_EVENT_COLUMN_RESPONSE_TARGET);
  self->resolution_target = lia_row_get_int64 (row, LIA_EVENT_COLUMN_RESOLUTION_TARGET);
  self->business_hours = lia_row_dup_string (row, LIA_EVENT_COLUMN_BUSINESS_HOURS);
  self->response_breach_at = lia_row_get_int64 (row, LIA_EVENT_COLUMN_RESPONSE_BREACH_AT);
  self->resolution_breach_at = lia_row_get_int64 (row, LIA_EVENT_COLUMN_RESOLUTION_BREACH_AT);
  self->sla_state = lia_row_get_enum (LIA_TYPE_SLA_STATE, row, LIA_EVENT_COLUMN_SLA_STATE,
                                   LIA_SLA_STATE_NONE);
  return self;
}

void
lia_event_set_id (LiaEvent *self,
                  gint64    id)
{
  self->id = id;
}

void
lia_event_set_status (LiaEvent       *self,
                      LiaEventStatus  status)
{
  self->status = status;
}

void
lia_event_set_targets (LiaEvent   *self,
                       gint64      response,
                       gint64      resolution,
                       const char *business_hours)
{
  self->response_target = response;
  self->resolution_target = resolution;
  set_str (&self->business_hours, business_hours);
}

#define GETTER(type, name, field, fallback)                                    \
  type                                                                         \
  lia_event_get_##name (LiaEvent *self)                                        \
  {                                                                            \
    g_return_val_if_fail (LIA_IS_EVENT (self), fallback);                     \
    return self->field;                                                        \
  }

GETTER (gint64, id, id, 0)
GETTER (gint64, account_id, account_id, 0)
GETTER (const char *, account_name, account_name, NULL)
GETTER (LiaEventKind, kind, kind, 0)
GETTER (const char *, summary, summary, NULL)
GETTER (const char *, details, details, NULL)
GETTER (LiaSeverity, severity, severity, LIA_SEVERITY_NONE)
GETTER (LiaEventStatus, status, status, 0)
GETTER (LiaEventSource, source, source, 0)
GETTER (gint64, opened_at, opened_at, 0)
GETTER (gint64, responded_at, responded_at, 0)
GETTER (gint64, resolved_at, resolved_at, 0)
GETTER (gint64, staff_id, staff_id, 0)
GETTER (const char *, staff_name, staff_name, NULL)
GETTER (gint64, vendor_id, vendor_id, 0)
GETTER (const char *, vendor_name, vendor_name, NULL)
GETTER (gint64, contact_id, contact_id, 0)
GETTER (const char *, contact_name, contact_name, NULL)
GETTER (gint64, response_target, response_target, 0)
GETTER (gint64, resolution_target, resolution_target, 0)
GETTER (const char *, business_hours, business_hours, NULL)
GETTER (gint64, response_breach_at, response_breach_at, 0)
GETTER (gint64, resolution_breach_at, resolution_breach_at, 0)
GETTER (LiaSlaState, sla_state, sla_state, LIA_SLA_STATE_NONE)

#undef GETTER

const char *
lia_event_get_performer_name (LiaEvent *self)
{
  g_return_val_if_fail (LIA_IS_EVENT (self), NULL);
  return self->vendor_id ? self->vendor_name : self->staff_name;
}

/* Drafts are plain data: the repository validates on write. */
#define SETTER(type, name, field)                                              \
  void                                                                         \
  lia_event_set_##name (LiaEvent *self,                                        \
                        type      value)                                       \
  {                                                                            \
    g_return_if_fail (LIA_IS_EVENT (self));                                    \
    self->field = value;                                                       \
  }

SETTER (gint64, account_id, account_id)
SETTER (LiaEventKind, kind, kind)
SETTER (LiaSeverity, severity, severity)
SETTER (LiaEventSource, source, source)
SETTER (gint64, opened_at, opened_at)
SETTER (gint64, responded_at, responded_at)
SETTER (gint64, resolved_at, resolved_at)
SETTER (gint64, contact_id, contact_id)

#undef SETTER

void
lia_event_set_summary (LiaEvent   *self,
                       const char *summary)
{
  g_return_if_fail (LIA_IS_EVENT (self));
  set_str (&self->summary, summary ? summary : "");
}

void
lia_event_set_details (LiaEvent   *self,
                       const char *details)
{
  g_return_if_fail (LIA_IS_EVENT (self));
  set_str (&self->details, details ? details : "");
}

void
lia_event_set_staff_id (LiaEvent *self,
                        gint64    staff_id)
{
  g_return_if_fail (LIA_IS_EVENT (self));
  self->staff_id = staff_id;
  if (staff_id != 0)
    self->vendor_id = 0;
}

void
lia_event_set_vendor_id (LiaEvent *self,
                         gint64    vendor_id)
{
  g_return_if_fail (LIA_IS_EVENT (self));
  self->vendor_id = vendor_id;
  if (vendor_id != 0)
    self->staff_id = 0;
}
