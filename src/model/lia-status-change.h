/* lia-status-change.h — one status an event went through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_STATUS_CHANGE (lia_status_change_get_type ())

G_DECLARE_FINAL_TYPE (LiaStatusChange, lia_status_change, LIA, STATUS_CHANGE, GObject)

gint64          lia_status_change_get_event_id   (LiaStatusChange *self);
gint64          lia_status_change_get_changed_at (LiaStatusChange *self);
LiaEventStatus  lia_status_change_get_from       (LiaStatusChange *self);
LiaEventStatus  lia_status_change_get_to         (LiaStatusChange *self);
const char     *lia_status_change_get_actor      (LiaStatusChange *self);

G_END_DECLS
