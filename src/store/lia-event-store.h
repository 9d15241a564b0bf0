/* lia-event-store.h — SQL for maintenance events, their status history,
 * vendors, SLA targets and the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-database.h"
#include "lia-row.h"

G_BEGIN_DECLS

/* The columns of an event row, in this order. */
enum
{
  LIA_EVENT_COLUMN_ID,
  LIA_EVENT_COLUMN_ACCOUNT_ID,
  LIA_EVENT_COLUMN_ACCOUNT_NAME,
  LIA_EVENT_COLUMN_KIND,
  LIA_EVENT_COLUMN_SUMMARY,
  LIA_EVENT_COLUMN_DETAILS,
  LIA_EVENT_COLUMN_SEVERITY,
  LIA_EVENT_COLUMN_STATUS,
  LIA_EVENT_COLUMN_SOURCE,
  LIA_EVENT_COLUMN_OPENED_AT,
  LIA_EVENT_COLUMN_RESPONDED_AT,
  LIA_EVENT_COLUMN_RESOLVED_AT,
  LIA_EVENT_COLUMN_STAFF_ID,
  LIA_EVENT_COLUMN_STAFF_NAME,
  LIA_EVENT_COLUMN_VENDOR_ID,
  LIA_EVENT_COLUMN_VENDOR_NAME,
  LIA_EVENT_COLUMN_CONTACT_ID,
  LIA_EVENT_COLUMN_CONTACT_NAME,
  LIA_EVENT_COLUMN_RESPONSE_TARGET,
  LIA_EVENT_COLUMN_RESOLUTION_TARGET,
  LIA_EVENT_COLUMN_BUSINESS_HOURS,
  LIA_EVENT_COLUMN_RESPONSE_BREACH_AT,
  LIA_EVENT_COLUMN_RESOLUTION_BREACH_AT,
  LIA_EVENT_COLUMN_BREACH_AT,
  LIA_EVENT_COLUMN_RISK_AT,
  LIA_EVENT_COLUMN_SLA_STATE,   /* at the "now" given to the query */
};

/* Strings are the database's vocabulary (the enums' nicks); 0 and NULL
 * mean "none" for the optional ones. */
typedef struct
{
  gint64      id;                 /* 0: a new row; set to restore a deleted one */
  gint64      account_id;
  const char *kind;
  const char *summary;
  const char *details;
  const char *severity;
  const char *status;
  const char *source;
  gint64      opened_at;
  gint64      responded_at;
  gint64      resolved_at;
  gint64      staff_id;
  gint64      vendor_id;
  gint64      contact_id;
  gint64      response_target;    /* seconds; 0: no SLA */
  gint64      resolution_target;
  const char *business_hours;     /* NULL: around the clock */
} LiaEventValues;

typedef struct
{
  gint64 response_breach_at;
  gint64 resolution_breach_at;
  gint64 breach_at;
  gint64 risk_at;
} LiaEventSchedule;

enum
{
  LIA_STATUS_CHANGE_COLUMN_ID,
  LIA_STATUS_CHANGE_COLUMN_EVENT_ID,
  LIA_STATUS_CHANGE_COLUMN_CHANGED_AT,
  LIA_STATUS_CHANGE_COLUMN_FROM,
  LIA_STATUS_CHANGE_COLUMN_TO,
  LIA_STATUS_CHANGE_COLUMN_ACTOR,
};

enum
{
  LIA_VENDOR_COLUMN_ID,
  LIA_VENDOR_COLUMN_NAME,
  LIA_VENDOR_COLUMN_CONTACT_NAME,
  LIA_VENDOR_COLUMN_EMAIL,
  LIA_VENDOR_COLUMN_PHONE,
  LIA_VENDOR_COLUMN_SLA_PLAN_ID,
  LIA_VENDOR_COLUMN_ACTIVE,
};

typedef struct
{
  gint64      id;                 /* 0: a new row */
  const char *name;
  const char *contact_name;
  const char *email;
  const char *phone;
  const char *sla_plan_id;        /* NULL: each customer's plan */
  gboolean    active;
} LiaVendorValues;

enum
{
  LIA_SLA_TARGET_COLUMN_PLAN_ID,
  LIA_SLA_TARGET_COLUMN_SEVERITY,
  LIA_SLA_TARGET_COLUMN_RESPONSE,
  LIA_SLA_TARGET_COLUMN_RESOLUTION,
  LIA_SLA_TARGET_COLUMN_BUSINESS_HOURS,
};

/* One event handled in a period, for compliance figures. */
enum
{
  LIA_HANDLED_COLUMN_VENDOR_ID,     /* NULL: own staff */
  LIA_HANDLED_COLUMN_OPENED_AT,
  LIA_HANDLED_COLUMN_RESPONDED_AT,
  LIA_HANDLED_COLUMN_RESOLVED_AT,
  LIA_HANDLED_COLUMN_RESPONSE_TARGET,
  LIA_HANDLED_COLUMN_RESOLUTION_TARGET,
  LIA_HANDLED_COLUMN_RESPONSE_BREACH_AT,
  LIA_HANDLED_COLUMN_RESOLUTION_BREACH_AT,
};

/* The timeline's rows: events and notes (what people did and wrote),
 * status changes and audit entries (what the system recorded). Rows
 * sharing a second are shown by source, highest first: a status change
 * above the event it changed. */
typedef enum
{
  LIA_TIMELINE_SOURCE_EVENT,
  LIA_TIMELINE_SOURCE_NOTE,
  LIA_TIMELINE_SOURCE_STATUS_CHANGE,
  LIA_TIMELINE_SOURCE_AUDIT,
  LIA_TIMELINE_N_SOURCES,
} LiaTimelineSource;

enum
{
  LIA_TIMELINE_COLUMN_SOURCE,
  LIA_TIMELINE_COLUMN_ID,
  LIA_TIMELINE_COLUMN_TIME,
  LIA_TIMELINE_COLUMN_ACCOUNT_ID,
  LIA_TIMELINE_COLUMN_ACCOUNT_NAME,
  LIA_TIMELINE_COLUMN_KIND,         /* event kind, note kind, event kind, audited entity */
  LIA_TIMELINE_COLUMN_SUMMARY,      /* summary (else details), body, event summary, field */
  LIA_TIMELINE_COLUMN_OLD_VALUE,    /* status changes and audit entries */
  LIA_TIMELINE_COLUMN_NEW_VALUE,
  LIA_TIMELINE_COLUMN_STATUS,       /* events */
  LIA_TIMELINE_COLUMN_SEVERITY,
  LIA_TIMELINE_COLUMN_PERFORMER,    /* staff or vendor name, author, actor */
  LIA_TIMELINE_COLUMN_BY_VENDOR,
  LIA_TIMELINE_COLUMN_SLA_STATE,
  LIA_TIMELINE_COLUMN_EVENT_ID,     /* events and their status changes */
};

/* Sorted newest first by (time, source, id); a cursor is the last row
 * of the page before. */
typedef struct
{
  gint64 time;
  int    source;
  gint64 id;
} LiaTimelineCursor;

/* What the timeline shows. Masks are bits of the enums' values (kinds,
 * statuses, SLA states); 0 means no filter. Event-only filters (kinds,
 * statuses, performer, SLA, text) leave out notes and system rows. */
typedef struct
{
  gint64      account_id;         /* 0: every account */
  gboolean    with_subsidiaries;  /* the account's whole portfolio below it */
  guint       kinds;
  guint       statuses;
  guint       sla_states;
  gint64      staff_id;
  gint64      vendor_id;
  gint64      from;               /* opened or recorded at >= from; 0: no bound */
  gint64      to;                 /* < to; 0: no bound */
  const char *match;              /* an FTS5 expression over events */
  gboolean    show_system;
} LiaTimelineQuery;

gboolean lia_event_store_insert          (LiaDatabase             *db,
                                          const LiaEventValues    *values,
                                          gint64                  *out_id,
                                          GError                 **error);
gboolean lia_event_store_update          (LiaDatabase             *db,
                                          const LiaEventValues    *values,
                                          GError                 **error);
gboolean lia_event_store_set_schedule    (LiaDatabase             *db,
                                          gint64                   id,
                                          const LiaEventSchedule  *schedule,
                                          GError                 **error);
gboolean lia_event_store_delete          (LiaDatabase             *db,
                                          gint64                   id,
                                          GError                 **error);
gboolean lia_event_store_get             (LiaDatabase             *db,
                                          gint64                   id,
                                          gint64                   now,
                                          LiaRowFunc               func,
                                          gpointer                 user_data,
                                          GError                 **error);
gboolean lia_event_store_add_status_change (LiaDatabase           *db,
                                          gint64                   event_id,
                                          gint64                   changed_at,
                                          const char              *from_status,
                                          const char              *to_status,
                                          const char              *actor,
                                          GError                 **error);
gboolean lia_event_store_status_history  (LiaDatabase             *db,
                                          gint64                   event_id,
                                          LiaRowFunc               func,
                                          gpointer                 user_data,
                                          GError                 **error);
gboolean lia_event_store_plan_targets    (LiaDatabase             *db,
                                          gint64                   account_id,
                                          const char              *severity,
                                          gint64                  *out_response,
                                          gint64                  *out_resolution,
                                          char                   **out_business_hours,
                                          GError                 **error);
gboolean lia_event_store_sla_targets     (LiaDatabase             *db,
                                          LiaRowFunc               func,
                                          gpointer                 user_data,
                                          GError                 **error);
gboolean lia_event_store_set_sla_target  (LiaDatabase             *db,
                                          const char              *plan_id,
                                          const char              *severity,
                                          gint64                   response,
                                          gint64                   resolution,
                                          GError                 **error);
gboolean lia_event_store_set_business_hours (LiaDatabase          *db,
                                          const char              *plan_id,
                                          const char              *business_hours,
                                          GError                 **error);
gboolean lia_event_store_handled         (LiaDatabase             *db,
                                          gint64                   vendor_id,
                                          gint64                   from,
                                          gint64                   to,
                                          LiaRowFunc               func,
                                          gpointer                 user_data,
                                          GError                 **error);

gboolean lia_vendor_store_insert         (LiaDatabase             *db,
                                          const LiaVendorValues   *values,
                                          gint64                  *out_id,
                                          GError                 **error);
gboolean lia_vendor_store_update         (LiaDatabase             *db,
                                          const LiaVendorValues   *values,
                                          GError                 **error);
gboolean lia_vendor_store_all            (LiaDatabase             *db,
                                          LiaRowFunc               func,
                                          gpointer                 user_data,
                                          GError                 **error);

gboolean lia_timeline_store_page         (LiaDatabase             *db,
                                          const LiaTimelineQuery  *query,
                                          const LiaTimelineCursor *after,
                                          guint                    limit,
                                          gint64                   now,
                                          LiaRowFunc               func,
                                          gpointer                 user_data,
                                          GError                 **error);
char    *lia_timeline_store_page_sql     (const LiaTimelineQuery  *query);

G_END_DECLS
