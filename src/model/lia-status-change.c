/* lia-status-change.c — one status an event went through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-store.h"

struct _LiaStatusChange
{
  GObject         parent_instance;
  gint64          event_id;
  gint64          changed_at;
  LiaEventStatus  from;
  LiaEventStatus  to;
  char           *actor;
};

G_DEFINE_FINAL_TYPE (LiaStatusChange, lia_status_change, G_TYPE_OBJECT)

static void
lia_status_change_finalize (GObject *object)
{
  g_free (LIA_STATUS_CHANGE (object)->actor);
  G_OBJECT_CLASS (lia_status_change_parent_class)->finalize (object);
}

static void
lia_status_change_class_init (LiaStatusChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lia_status_change_finalize;
}

static void
lia_status_change_init (LiaStatusChange *self)
{
}

static LiaEventStatus
status_from_nick (const char *nick)
{
  int value = LIA_EVENT_STATUS_OPEN;

  if (nick)
    lia_enum_from_nick (LIA_TYPE_EVENT_STATUS, nick, &value);
  return value;
}

LiaStatusChange *
lia_status_change_new_from_row (LiaRow *row)
{
  LiaStatusChange *self = g_object_new (LIA_TYPE_STATUS_CHANGE, NULL);

  self->event_id = lia_row_get_int64 (row, LIA_STATUS_CHANGE_COLUMN_EVENT_ID);
  self->changed_at = lia_row_get_int64 (row, LIA_STATUS_CHANGE_COLUMN_CHANGED_AT);
  self->from = status_from_nick (lia_row_get_string (row, LIA_STATUS_CHANGE_COLUMN_FROM));
  self->to = status_from_nick (lia_row_get_string (row, LIA_STATUS_CHANGE_COLUMN_TO));
  self->actor = g_strdup (lia_row_get_string (row, LIA_STATUS_CHANGE_COLUMN_ACTOR));
  return self;
}

gint64         lia_status_change_get_event_id   (LiaStatusChange *self) { return self->event_id; }
gint64         lia_status_change_get_changed_at (LiaStatusChange *self) { return self->changed_at; }
LiaEventStatus lia_status_change_get_from       (LiaStatusChange *self) { return self->from; }
LiaEventStatus lia_status_change_get_to         (LiaStatusChange *self) { return self->to; }
const char    *lia_status_change_get_actor      (LiaStatusChange *self) { return self->actor; }
