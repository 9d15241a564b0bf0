/* lia-event.h — one maintenance-related event of a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"
#include "lia-sla.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVENT (lia_event_get_type ())

G_DECLARE_FINAL_TYPE (LiaEvent, lia_event, LIA, EVENT, GObject)

/* A draft for lia_event_repository_add(): opened now, status open,
 * source phone, no severity (medium for incidents and requests). */
LiaEvent       *lia_event_new                    (gint64          account_id,
                                                  LiaEventKind    kind,
                                                  const char     *summary);
gint64          lia_event_get_id                 (LiaEvent       *self);
gint64          lia_event_get_account_id         (LiaEvent       *self);
const char     *lia_event_get_account_name       (LiaEvent       *self);
LiaEventKind    lia_event_get_kind               (LiaEvent       *self);
const char     *lia_event_get_summary            (LiaEvent       *self);
const char     *lia_event_get_details            (LiaEvent       *self);
LiaSeverity     lia_event_get_severity           (LiaEvent       *self);
LiaEventStatus  lia_event_get_status             (LiaEvent       *self);
LiaEventSource  lia_event_get_source             (LiaEvent       *self);
gint64          lia_event_get_opened_at          (LiaEvent       *self);
gint64          lia_event_get_responded_at       (LiaEvent       *self);   /* 0: not yet */
gint64          lia_event_get_resolved_at        (LiaEvent       *self);   /* 0: not yet */
gint64          lia_event_get_staff_id           (LiaEvent       *self);
const char     *lia_event_get_staff_name         (LiaEvent       *self);
gint64          lia_event_get_vendor_id          (LiaEvent       *self);
const char     *lia_event_get_vendor_name        (LiaEvent       *self);
const char     *lia_event_get_performer_name     (LiaEvent       *self);   /* vendor or staff; NULL */
gint64          lia_event_get_contact_id         (LiaEvent       *self);
const char     *lia_event_get_contact_name       (LiaEvent       *self);
gint64          lia_event_get_response_target    (LiaEvent       *self);   /* seconds; 0: none */
gint64          lia_event_get_resolution_target  (LiaEvent       *self);
const char     *lia_event_get_business_hours     (LiaEvent       *self);   /* NULL: around the clock */
gint64          lia_event_get_response_breach_at (LiaEvent       *self);   /* 0: not (yet) */
gint64          lia_event_get_resolution_breach_at (LiaEvent     *self);
LiaSlaState     lia_event_get_sla_state          (LiaEvent       *self);   /* when loaded */

void            lia_event_set_account_id         (LiaEvent       *self,
                                                  gint64          account_id);
void            lia_event_set_kind               (LiaEvent       *self,
                                                  LiaEventKind    kind);
void            lia_event_set_summary            (LiaEvent       *self,
                                                  const char     *summary);
void            lia_event_set_details            (LiaEvent       *self,
                                                  const char     *details);
void            lia_event_set_severity           (LiaEvent       *self,
                                                  LiaSeverity     severity);
void            lia_event_set_source             (LiaEvent       *self,
                                                  LiaEventSource  source);
void            lia_event_set_opened_at          (LiaEvent       *self,
                                                  gint64          opened_at);
void            lia_event_set_responded_at       (LiaEvent       *self,
                                                  gint64          responded_at);
void            lia_event_set_resolved_at        (LiaEvent       *self,
                                                  gint64          resolved_at);
/* Performed by one staff member or one vendor: setting one clears the other. */
void            lia_event_set_staff_id           (LiaEvent       *self,
                                                  gint64          staff_id);
void            lia_event_set_vendor_id          (LiaEvent       *self,
                                                  gint64          vendor_id);
void            lia_event_set_contact_id         (LiaEvent       *self,
                                                  gint64          contact_id);

G_END_DECLS
