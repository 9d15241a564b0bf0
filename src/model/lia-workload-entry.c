/* lia-workload-entry.c — what one account manager carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-model-private.h"
#include "lia-portfolio-node.h"
#include "lia-portfolio-store.h"
#include "lia-workload-entry.h"

struct _LiaWorkloadEntry
{
  GObject   parent_instance;
  gint64    staff_id;
  char     *name;
  gboolean  active;
  guint     major_accounts;
  guint     portfolios;
  gint64    total_value;
  gint64    open_events;
  gint64    meetings_next_30_days;
  char     *currency;
};

G_DEFINE_FINAL_TYPE (LiaWorkloadEntry, lia_workload_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAFF_ID,
  PROP_NAME,
  PROP_ACTIVE,
  PROP_MAJOR_ACCOUNTS,
  PROP_PORTFOLIOS,
  PROP_TOTAL_VALUE,
  PROP_OPEN_EVENTS,
  PROP_MEETINGS_NEXT_30_DAYS,
  PROP_CURRENCY,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_workload_entry_finalize (GObject *object)
{
  g_free (LIA_WORKLOAD_ENTRY (object)->name);
  g_free (LIA_WORKLOAD_ENTRY (object)->currency);
  G_OBJECT_CLASS (lia_workload_entry_parent_class)->finalize (object);
}

static void
lia_workload_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaWorkloadEntry *self = LIA_WORKLOAD_ENTRY (object);

  switch (prop_id)
    {
    case PROP_STAFF_ID:              g_value_set_int64 (value, self->staff_id); break;
    case PROP_NAME:                  g_value_set_string (value, self->name); break;
    case PROP_ACTIVE:                g_value_set_boolean (value, self->active); break;
    case PROP_MAJOR_ACCOUNTS:        g_value_set_uint (value, self->major_accounts); break;
    case PROP_PORTFOLIOS:            g_value_set_uint (value, self->portfolios); break;
    case PROP_TOTAL_VALUE:           g_value_set_int64 (value, self->total_value); break;
    case PROP_OPEN_EVENTS:           g_value_set_int64 (value, self->open_events); break;
    case PROP_MEETINGS_NEXT_30_DAYS: g_value_set_int64 (value, self->meetings_next_30_days); break;
    case PROP_CURRENCY:              g_value_set_string (value, self->currency); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_workload_entry_class_init (LiaWorkloadEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_workload_entry_finalize;
  object_class->get_property = lia_workload_entry_get_property;

  properties[PROP_STAFF_ID] = g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, ro);
  properties[PROP_MAJOR_ACCOUNTS] = g_param_spec_uint ("major-accounts", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PORTFOLIOS] = g_param_spec_uint ("portfolios", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TOTAL_VALUE] = g_param_spec_int64 ("total-value", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_OPEN_EVENTS] = g_param_spec_int64 ("open-events", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_MEETINGS_NEXT_30_DAYS] =
    g_param_spec_int64 ("meetings-next-30-days", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_workload_entry_init (LiaWorkloadEntry *self)
{
}

LiaWorkloadEntry *
lia_workload_entry_new_from_row (LiaRow *row)
{
  LiaWorkloadEntry *self = g_object_new (LIA_TYPE_WORKLOAD_ENTRY, NULL);

  self->staff_id = lia_row_get_int64 (row, LIA_WORKLOAD_COLUMN_STAFF_ID);
  self->name = g_strdup (lia_row_get_string (row, LIA_WORKLOAD_COLUMN_NAME));
  self->active = lia_row_get_int64 (row, LIA_WORKLOAD_COLUMN_ACTIVE) != 0;
  self->major_accounts = (guint)lia_row_get_int64 (row, LIA_WORKLOAD_COLUMN_MAJOR_ACCOUNTS);
  self->portfolios = (guint)lia_row_get_int64 (row, LIA_WORKLOAD_COLUMN_PORTFOLIOS);
  self->total_value = lia_row_get_int64 (row, LIA_WORKLOAD_COLUMN_TOTAL_VALUE);
  self->open_events = lia_row_is_null (row, LIA_WORKLOAD_COLUMN_OPEN_EVENTS)
                      ? LIA_ROLLUP_UNKNOWN : lia_row_get_int64 (row, LIA_WORKLOAD_COLUMN_OPEN_EVENTS);
  self->meetings_next_30_days = lia_row_is_null (row, LIA_WORKLOAD_COLUMN_MEETINGS_NEXT_30_DAYS)
                                ? LIA_ROLLUP_UNKNOWN
                                : lia_row_get_int64 (row, LIA_WORKLOAD_COLUMN_MEETINGS_NEXT_30_DAYS);
  if (!lia_row_is_null (row, LIA_WORKLOAD_COLUMN_CURRENCY))
    self->currency = g_strdup (lia_row_get_string (row, LIA_WORKLOAD_COLUMN_CURRENCY));
  return self;
}

gint64
lia_workload_entry_get_staff_id (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), 0);
  return self->staff_id;
}

const char *
lia_workload_entry_get_name (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), NULL);
  return self->name;
}

gboolean
lia_workload_entry_get_active (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), FALSE);
  return self->active;
}

guint
lia_workload_entry_get_major_accounts (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), 0);
  return self->major_accounts;
}

guint
lia_workload_entry_get_portfolios (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), 0);
  return self->portfolios;
}

gint64
lia_workload_entry_get_total_value (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), 0);
  return self->total_value;
}

const char *
lia_workload_entry_get_currency (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), NULL);
  return self->currency;
}

gint64
lia_workload_entry_get_open_events (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), LIA_ROLLUP_UNKNOWN);
  return self->open_events;
}

gint64
lia_workload_entry_get_meetings_next_30_days (LiaWorkloadEntry *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_ENTRY (self), LIA_ROLLUP_UNKNOWN);
  return self->meetings_next_30_days;
}
