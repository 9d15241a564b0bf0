/* lia-timeline-item.h — one row of the timeline: an event or a note
 * (what people did and wrote), or a status change or audit entry (what
 * the system recorded)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"
#include "lia-sla.h"

G_BEGIN_DECLS

typedef enum /*< prefix=LIA_TIMELINE_ITEM >*/
{
  LIA_TIMELINE_ITEM_EVENT,         /*< nick=event >*/
  LIA_TIMELINE_ITEM_NOTE,          /*< nick=note >*/
  LIA_TIMELINE_ITEM_STATUS_CHANGE, /*< nick=status-change >*/
  LIA_TIMELINE_ITEM_AUDIT,         /*< nick=audit >*/
} LiaTimelineItemType;

#define LIA_TYPE_TIMELINE_ITEM (lia_timeline_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaTimelineItem, lia_timeline_item, LIA, TIMELINE_ITEM, GObject)

LiaTimelineItemType lia_timeline_item_get_item_type   (LiaTimelineItem *self);
gint64              lia_timeline_item_get_id          (LiaTimelineItem *self);
gint64              lia_timeline_item_get_time        (LiaTimelineItem *self);
gint64              lia_timeline_item_get_account_id  (LiaTimelineItem *self);
const char         *lia_timeline_item_get_account_name (LiaTimelineItem *self);  /* NULL: none */
/* Events and status changes: the event's kind; others: INCIDENT, unused. */
LiaEventKind        lia_timeline_item_get_event_kind  (LiaTimelineItem *self);
gint64              lia_timeline_item_get_event_id    (LiaTimelineItem *self);   /* 0: not an event's */
/* Notes: "preference" or "anticipated-need"; audit entries: the entity. */
const char         *lia_timeline_item_get_kind_nick   (LiaTimelineItem *self);
/* Events: summary; notes: body; status changes: the event's summary;
 * audit entries: the field. */
const char         *lia_timeline_item_get_summary     (LiaTimelineItem *self);
/* Status changes (status nicks) and audit entries; NULL otherwise. */
const char         *lia_timeline_item_get_old_value   (LiaTimelineItem *self);
const char         *lia_timeline_item_get_new_value   (LiaTimelineItem *self);
LiaEventStatus      lia_timeline_item_get_status      (LiaTimelineItem *self);   /* events */
LiaSeverity         lia_timeline_item_get_severity    (LiaTimelineItem *self);
const char         *lia_timeline_item_get_performer   (LiaTimelineItem *self);   /* NULL: nobody */
gboolean            lia_timeline_item_get_by_vendor   (LiaTimelineItem *self);
LiaSlaState         lia_timeline_item_get_sla_state   (LiaTimelineItem *self);
/* Status changes and audit entries are the system lane. */
gboolean            lia_timeline_item_is_system       (LiaTimelineItem *self);
/* The newest item of its local day: the row shows the day header. */
gboolean            lia_timeline_item_get_starts_day  (LiaTimelineItem *self);

G_END_DECLS
