/* lia-sla-target.c — a service plan's targets for one severity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-store.h"

struct _LiaSlaTarget
{
  GObject      parent_instance;
  char        *plan_id;
  LiaSeverity  severity;
  gint64       response;
  gint64       resolution;
  char        *business_hours;
};

G_DEFINE_FINAL_TYPE (LiaSlaTarget, lia_sla_target, G_TYPE_OBJECT)

static void
lia_sla_target_finalize (GObject *object)
{
  LiaSlaTarget *self = (LiaSlaTarget *)object;

  g_free (self->plan_id);
  g_free (self->business_hours);
  G_OBJECT_CLASS (lia_sla_target_parent_class)->finalize (object);
}

static void
lia_sla_target_class_init (LiaSlaTargetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_sla_target_finalize;
}

static void
lia_sla_target_init (LiaSlaTarget *self)
{
}

LiaSlaTarget *
lia_sla_target_new_from_row (LiaRow *row)
{
  LiaSlaTarget *self = g_object_new (LIA_TYPE_SLA_TARGET, NULL);
  int severity = LIA_SEVERITY_NONE;

  self->plan_id = g_strdup (lia_row_get_string (row, LIA_SLA_TARGET_COLUMN_PLAN_ID));
  lia_enum_from_nick (LIA_TYPE_SEVERITY, lia_row_get_string (row, LIA_SLA_TARGET_COLUMN_SEVERITY),
                      &severity);
  self->severity = severity;
  self->response = lia_row_get_int64 (row, LIA_SLA_TARGET_COLUMN_RESPONSE);
  self->resolution = lia_row_get_int64 (row, LIA_SLA_TARGET_COLUMN_RESOLUTION);
  if (!lia_row_is_null (row, LIA_SLA_TARGET_COLUMN_BUSINESS_HOURS))
    self->business_hours = g_strdup (lia_row_get_string (row, LIA_SLA_TARGET_COLUMN_BUSINESS_HOURS));
  return self;
}

const char  *lia_sla_target_get_plan_id        (LiaSlaTarget *self) { return self->plan_id; }
LiaSeverity  lia_sla_target_get_severity       (LiaSlaTarget *self) { return self->severity; }
gint64       lia_sla_target_get_response       (LiaSlaTarget *self) { return self->response; }
gint64       lia_sla_target_get_resolution     (LiaSlaTarget *self) { return self->resolution; }
const char  *lia_sla_target_get_business_hours (LiaSlaTarget *self) { return self->business_hours; }
