/* lia-event-private.h — what the event repository and the timeline
 * share about events, vendors and their rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-event.h"
#include "lia-sla-target.h"
#include "lia-status-change.h"
#include "lia-timeline-item.h"
#include "lia-vendor.h"
#include "lia-row.h"

G_BEGIN_DECLS

typedef struct _LiaEventRepository LiaEventRepository;

/* For writes to events made elsewhere (contacts logged). */
void             lia_event_repository_emit_changed (LiaEventRepository *self,
                                                 gint64           event_id,
                                                 gint64           account_id);

int              lia_row_get_enum               (GType            type,
                                                 LiaRow          *row,
                                                 int              column,
                                                 int              fallback);
char            *lia_row_dup_string             (LiaRow          *row,
                                                 int              column);

/* Each reads the columns lia-event-store.h declares. */
LiaEvent        *lia_event_new_from_row         (LiaRow          *row);
void             lia_event_set_id               (LiaEvent        *self,
                                                 gint64           id);
void             lia_event_set_status           (LiaEvent        *self,
                                                 LiaEventStatus   status);
void             lia_event_set_targets          (LiaEvent        *self,
                                                 gint64           response,
                                                 gint64           resolution,
                                                 const char      *business_hours);
LiaVendor       *lia_vendor_new_from_row        (LiaRow          *row);
void             lia_vendor_set_id              (LiaVendor       *self,
                                                 gint64           id);
LiaSlaTarget    *lia_sla_target_new_from_row    (LiaRow          *row);
LiaStatusChange *lia_status_change_new_from_row (LiaRow          *row);
LiaTimelineItem *lia_timeline_item_new_from_row (LiaRow          *row);
void             lia_timeline_item_set_starts_day (LiaTimelineItem *self,
                                                 gboolean         starts_day);

G_END_DECLS
