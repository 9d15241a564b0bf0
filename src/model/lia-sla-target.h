/* lia-sla-target.h — a service plan's response and resolution targets
 * for one severity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_SLA_TARGET (lia_sla_target_get_type ())

G_DECLARE_FINAL_TYPE (LiaSlaTarget, lia_sla_target, LIA, SLA_TARGET, GObject)

const char  *lia_sla_target_get_plan_id        (LiaSlaTarget *self);
LiaSeverity  lia_sla_target_get_severity       (LiaSlaTarget *self);
gint64       lia_sla_target_get_response       (LiaSlaTarget *self);   /* seconds */
gint64       lia_sla_target_get_resolution     (LiaSlaTarget *self);
const char  *lia_sla_target_get_business_hours (LiaSlaTarget *self);   /* the plan's; NULL: 24/7 */

G_END_DECLS
