/* lia-timeline-item.c — one row of the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-store.h"

struct _LiaTimelineItem
{
  GObject              parent_instance;
  LiaTimelineItemType  type;
  gint64               id;
  gint64               time;
  gint64               account_id;
  char                *account_name;
  char                *kind_nick;
  char                *summary;
  char                *old_value;
  char                *new_value;
  char                *performer;
  LiaEventKind         event_kind;
  LiaEventStatus       status;
  LiaSeverity          severity;
  LiaSlaState          sla_state;
  gint64               event_id;
  guint                by_vendor : 1;
  guint                starts_day : 1;
};

G_DEFINE_FINAL_TYPE (LiaTimelineItem, lia_timeline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_TIME,
  PROP_STATUS,
  PROP_SLA_STATE,
  PROP_STARTS_DAY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_timeline_item_finalize (GObject *object)
{
  LiaTimelineItem *self = (LiaTimelineItem *)object;

  g_free (self->account_name);
  g_free (self->kind_nick);
  g_free (self->summary);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->performer);
  G_OBJECT_CLASS (lia_timeline_item_parent_class)->finalize (object);
}

static void
lia_timeline_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaTimelineItem *self = LIA_TIMELINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:    g_value_set_string (value, self->summary); break;
    case PROP_TIME:       g_value_set_int64 (value, self->time); break;
    case PROP_STATUS:     g_value_set_enum (value, self->status); break;
    case PROP_SLA_STATE:  g_value_set_enum (value, self->sla_state); break;
    case PROP_STARTS_DAY: g_value_set_boolean (value, self->starts_day); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_timeline_item_class_init (LiaTimelineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_timeline_item_finalize;
  object_class->get_property = lia_timeline_item_get_property;

  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  properties[PROP_TIME] = g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, LIA_TYPE_EVENT_STATUS,
                                               LIA_EVENT_STATUS_OPEN, ro);
  properties[PROP_SLA_STATE] = g_param_spec_enum ("sla-state", NULL, NULL, LIA_TYPE_SLA_STATE,
                                                  LIA_SLA_STATE_NONE, ro);
  properties[PROP_STARTS_DAY] = g_param_spec_boolean ("starts-day", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_timeline_item_init (LiaTimelineItem *self)
{
  self->severity = LIA_SEVERITY_NONE;
  self->sla_state = LIA_SLA_STATE_NONE;
}

LiaTimelineItem *
lia_timeline_item_new_from_row (LiaRow *row)
{
  LiaTimelineItem *self = g_object_new (LIA_TYPE_TIMELINE_ITEM, NULL);

  self->type = lia_row_get_int64 (row, LIA_TIMELINE_COLUMN_SOURCE);
  self->id = lia_row_get_int64 (row, LIA_TIMELINE_COLUMN_ID);
  self->time = lia_row_get_int64 (row, LIA_TIMELINE_COLUMN_TIME);
  self->account_id = lia_row_get_int64 (row, LIA_TIMELINE_COLUMN_ACCOUNT_ID);
  self->account_name = lia_row_dup_string (row, LIA_TIMELINE_COLUMN_ACCOUNT_NAME);
  self->kind_nick = lia_row_dup_string (row, LIA_TIMELINE_COLUMN_KIND);
  self->summary = lia_row_dup_string (row, LIA_TIMELINE_COLUMN_SUMMARY);
  self->old_value = lia_row_dup_string (row, LIA_TIMELINE_COLUMN_OLD_VALUE);
  self->new_value = lia_row_dup_string (row, LIA_TIMELINE_COLUMN_NEW_VALUE);
  self->performer = lia_row_dup_string (row, LIA_TIMELINE_COLUMN_PERFORMER);
  self->event_id = lia_row_get_int64 (row, LIA_TIMELINE_COLUMN_EVENT_ID);
  if (self->event_id != 0)
    self->event_kind = lia_row_get_enum (LIA_TYPE_EVENT_KIND, row, LIA_TIMELINE_COLUMN_KIND, 0);
  self->status = lia_row_get_enum (LIA_TYPE_EVENT_STATUS, row, LIA_TIMELINE_COLUMN_STATUS, 0);
  self->severity = lia_row_get_enum (LIA_TYPE_SEVERITY, row, LIA_TIMELINE_COLUMN_SEVERITY,
                                  LIA_SEVERITY_NONE);
  self->sla_state = lia_row_get_enum (LIA_TYPE_SLA_STATE, row, LIA_TIMELINE_COLUMN_SLA_STATE,
                                   LIA_SLA_STATE_NONE);
  self->by_vendor = lia_row_get_int64 (row, LIA_TIMELINE_COLUMN_BY_VENDOR) != 0;
  return self;
}

void
lia_timeline_item_set_starts_day (LiaTimelineItem *self,
                                  gboolean         starts_day)
{
  self->starts_day = !!starts_day;
}

gboolean
lia_timeline_item_is_system (LiaTimelineItem *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ITEM (self), FALSE);
  return self->type == LIA_TIMELINE_ITEM_STATUS_CHANGE || self->type == LIA_TIMELINE_ITEM_AUDIT;
}

#define GETTER(type, name, field, fallback)                                    \
  type                                                                         \
  lia_timeline_item_get_##name (LiaTimelineItem *self)                         \
  {                                                                            \
    g_return_val_if_fail (LIA_IS_TIMELINE_ITEM (self), fallback);              \
    return self->field;                                                        \
  }

GETTER (LiaTimelineItemType, item_type, type, 0)
GETTER (gint64, id, id, 0)
GETTER (gint64, time, time, 0)
GETTER (gint64, account_id, account_id, 0)
GETTER (const char *, account_name, account_name, NULL)
GETTER (LiaEventKind, event_kind, event_kind, 0)
GETTER (gint64, event_id, event_id, 0)
GETTER (const char *, kind_nick, kind_nick, NULL)
GETTER (const char *, summary, summary, NULL)
GETTER (const char *, old_value, old_value, NULL)
GETTER (const char *, new_value, new_value, NULL)
GETTER (LiaEventStatus, status, status, 0)
GETTER (LiaSeverity, severity, severity, LIA_SEVERITY_NONE)
GETTER (const char *, performer, performer, NULL)
GETTER (gboolean, by_vendor, by_vendor, FALSE)
GETTER (LiaSlaState, sla_state, sla_state, LIA_SLA_STATE_NONE)
GETTER (gboolean, starts_day, starts_day, FALSE)

#undef GETTER
