/* lia-event-repository.h — maintenance events, vendors and SLA targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"
#include "lia-event.h"
#include "lia-vendor.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVENT_REPOSITORY (lia_event_repository_get_type ())

G_DECLARE_FINAL_TYPE (LiaEventRepository, lia_event_repository, LIA, EVENT_REPOSITORY, GObject)

/* How one side (a vendor, or own staff) did over a period. Shares are
 * met / counted, judged against each event's own targets (a vendor is
 * held to the customer's SLA; the plan it committed to is informative).
 * Times are medians in wall-clock seconds from opening, -1 when there
 * is nothing to take the median of. */
typedef struct
{
  guint  handled;
  guint  responses_counted;
  guint  responses_met;
  guint  resolutions_counted;
  guint  resolutions_met;
  gint64 median_response;
  gint64 median_resolution;
} LiaCompliance;

double      lia_compliance_response_share   (const LiaCompliance *self);   /* -1: none counted */
double      lia_compliance_resolution_share (const LiaCompliance *self);

/* Emits "event-changed" (gint64 event_id, gint64 account_id) after
 * every committed write to an event; event_id 0 after changes that can
 * touch many rows (vendors' names). SLA targets apply to events opened
 * afterwards and change none. */
LiaEventRepository *lia_event_repository_new      (LiaBook             *book);
gboolean    lia_event_repository_add              (LiaEventRepository  *self,
                                                   LiaEvent            *event,
                                                   GError             **error);
gboolean    lia_event_repository_update           (LiaEventRepository  *self,
                                                   LiaEvent            *event,
                                                   GError             **error);
gboolean    lia_event_repository_set_status       (LiaEventRepository  *self,
                                                   gint64               event_id,
                                                   LiaEventStatus       status,
                                                   GError             **error);
gboolean    lia_event_repository_delete           (LiaEventRepository  *self,
                                                   gint64               event_id,
                                                   GError             **error);
LiaEvent   *lia_event_repository_lookup           (LiaEventRepository  *self,
                                                   gint64               event_id,
                                                   GError             **error);
GListModel *lia_event_repository_list_status_changes (LiaEventRepository *self,
                                                   gint64               event_id,
                                                   GError             **error);

GListModel *lia_event_repository_get_vendors      (LiaEventRepository  *self);
/* A copy: edit it, then lia_event_repository_update_vendor(). */
LiaVendor  *lia_event_repository_lookup_vendor    (LiaEventRepository  *self,
                                                   gint64               vendor_id);
gboolean    lia_event_repository_add_vendor       (LiaEventRepository  *self,
                                                   LiaVendor           *vendor,
                                                   GError             **error);
gboolean    lia_event_repository_update_vendor    (LiaEventRepository  *self,
                                                   LiaVendor           *vendor,
                                                   GError             **error);
gboolean    lia_event_repository_compliance       (LiaEventRepository  *self,
                                                   gint64               vendor_id,
                                                   gint64               from,
                                                   gint64               to,
                                                   LiaCompliance       *out_vendor,
                                                   LiaCompliance       *out_staff,
                                                   GError             **error);

GListModel *lia_event_repository_list_sla_targets (LiaEventRepository  *self,
                                                   GError             **error);
gboolean    lia_event_repository_set_sla_target   (LiaEventRepository  *self,
                                                   const char          *plan_id,
                                                   LiaSeverity          severity,
                                                   gint64               response,
                                                   gint64               resolution,
                                                   GError             **error);
gboolean    lia_event_repository_set_business_hours (LiaEventRepository *self,
                                                   const char          *plan_id,
                                                   const char          *business_hours,
                                                   GError             **error);

G_END_DECLS
