/* lia-event-store.c — SQL for maintenance events, their status history,
 * vendors, SLA targets and the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-event-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-database-private.h"
#include "lia-event-store.h"

/* An event's SLA state at :now from the instants the model stored (see
 * schema 4): the nicks of LiaSlaState. */
#define SLA_STATE_SQL                                                          \
  "CASE WHEN e.response_target IS NULL AND e.resolution_target IS NULL THEN 'none'" \
  " WHEN e.breach_at <= :now THEN 'breached'"                                  \
  " WHEN e.resolved_at IS NOT NULL THEN 'met'"                                 \
  " WHEN e.risk_at <= :now THEN 'at-risk'"                                     \
  " WHEN e.status = 'waiting' THEN 'paused'"                                   \
  " ELSE 'running' END"

#define EVENT_COLUMNS                                                          \
  "e.id, e.account_id, a.name, e.kind, e.summary, e.details, e.severity,"     \
  " e.status, e.source, e.opened_at, e.responded_at, e.resolved_at,"          \
  " e.staff_id, s.name, e.vendor_id, v.name, e.contact_id, c.name,"           \
  " e.response_target, e.resolution_target, e.business_hours,"                \
  " e.response_breach_at, e.resolution_breach_at, e.breach_at, e.risk_at, "   \
  SLA_STATE_SQL

#define EVENT_JOINS                                                            \
  " JOIN accounts a ON a.id = e.account_id"                                    \
  " LEFT JOIN staff s ON s.id = e.staff_id"                                    \
  " LEFT JOIN vendors v ON v.id = e.vendor_id"                                 \
  " LEFT JOIN contacts c ON c.id = e.contact_id"

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, index);
  else
    lia_bind_text (stmt, index, value);
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* The columns both insert and update write, as ?2…?17. */
static void
bind_values (sqlite3_stmt         *stmt,
             const LiaEventValues *v)
{
  sqlite3_bind_int64 (stmt, 2, v->account_id);
  lia_bind_text (stmt, 3, v->kind);
  lia_bind_text (stmt, 4, v->summary ? v->summary : "");
  lia_bind_text (stmt, 5, v->details ? v->details : "");
  bind_optional_text (stmt, 6, v->severity);
  lia_bind_text (stmt, 7, v->status ? v->status : "open");
  lia_bind_text (stmt, 8, v->source ? v->source : "phone");
  sqlite3_bind_int64 (stmt, 9, v->opened_at);
  lia_bind_optional_id (stmt, 10, v->responded_at);
  lia_bind_optional_id (stmt, 11, v->resolved_at);
  lia_bind_optional_id (stmt, 12, v->staff_id);
  lia_bind_optional_id (stmt, 13, v->vendor_id);
  lia_bind_optional_id (stmt, 14, v->contact_id);
  lia_bind_optional_id (stmt, 15, v->response_target);
  lia_bind_optional_id (stmt, 16, v->resolution_target);
  bind_optional_text (stmt, 17, v->business_hours);
}

gboolean
lia_event_store_insert (LiaDatabase           *db,
                        const LiaEventValues  *values,
                        gint64                *out_id,
                        GError               **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO events (id, account_id, kind, summary, details, severity, status, source,"
    "  opened_at, responded_at, resolved_at, staff_id, vendor_id, contact_id,"
    "  response_target, resolution_target, business_hours)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_optional_id (stmt, 1, values->id);
  bind_values (stmt, values);
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_event_store_update (LiaDatabase           *db,
                        const LiaEventValues  *values,
                        GError               **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE events SET account_id = ?2, kind = ?3, summary = ?4, details = ?5,"
    "  severity = ?6, status = ?7, source = ?8, opened_at = ?9, responded_at = ?10,"
    "  resolved_at = ?11, staff_id = ?12, vendor_id = ?13, contact_id = ?14,"
    "  response_target = ?15, resolution_target = ?16, business_hours = ?17"
    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->id);
  bind_values (stmt, values);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_event_store_set_schedule (LiaDatabase             *db,
                              gint64                   id,
                              const LiaEventSchedule  *schedule,
                              GError                 **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE events SET response_breach_at = ?2, resolution_breach_at = ?3,"
    "  breach_at = ?4, risk_at = ?5 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  lia_bind_optional_id (stmt, 2, schedule->response_breach_at);
  lia_bind_optional_id (stmt, 3, schedule->resolution_breach_at);
  lia_bind_optional_id (stmt, 4, schedule->breach_at);
  lia_bind_optional_id (stmt, 5, schedule->risk_at);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_event_store_delete (LiaDatabase  *db,
                        gint64        id,
                        GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "DELETE FROM events WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_event_store_get (LiaDatabase  *db,
                     gint64        id,
                     gint64        now,
                     LiaRowFunc    func,
                     gpointer      user_data,
                     GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " EVENT_COLUMNS " FROM events e" EVENT_JOINS " WHERE e.id = :id", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;

  bind_named_int64 (stmt, ":id", id);
  bind_named_int64 (stmt, ":now", now);
  if (!lia_database_one_row (db, stmt, func, user_data, &found, error))
    return FALSE;

  if (!found)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("No event with id %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
lia_event_store_add_status_change (LiaDatabase  *db,
                                   gint64        event_id,
                                   gint64        changed_at,
                                   const char   *from_status,
                                   const char   *to_status,
                                   const char   *actor,
                                   GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO event_status_history (event_id, account_id, changed_at, from_status,"
    "  to_status, actor)"
    " SELECT id, account_id, ?2, ?3, ?4, ?5 FROM events WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, changed_at);
  bind_optional_text (stmt, 3, from_status);
  lia_bind_text (stmt, 4, to_status);
  lia_bind_text (stmt, 5, actor);
  return lia_database_step_done (db, stmt, error);
}

/* Oldest first: the order pauses are rebuilt in and a page reads. */
gboolean
lia_event_store_status_history (LiaDatabase  *db,
                                gint64        event_id,
                                LiaRowFunc    func,
                                gpointer      user_data,
                                GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id, event_id, changed_at, from_status, to_status, actor"
    " FROM event_status_history WHERE event_id = ? ORDER BY changed_at, id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* The targets an event of @severity on @account_id gets when it opens:
 * its service plan's; 0 for both when there is no plan or no target. */
gboolean
lia_event_store_plan_targets (LiaDatabase  *db,
                              gint64        account_id,
                              const char   *severity,
                              gint64       *out_response,
                              gint64       *out_resolution,
                              char        **out_business_hours,
                              GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT t.response_secs, t.resolution_secs, p.business_hours"
    " FROM accounts a JOIN service_plans p ON p.id = a.service_plan_id"
    " JOIN sla_targets t ON t.plan_id = p.id AND t.severity = ?2"
    " WHERE a.id = ?1", error);
  int rc;

  *out_response = *out_resolution = 0;
  *out_business_hours = NULL;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  lia_bind_text (stmt, 2, severity);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_response = sqlite3_column_int64 (stmt, 0);
      *out_resolution = sqlite3_column_int64 (stmt, 1);
      *out_business_hours = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lia_database_set_error (db, rc, error, "SLA targets");
      return FALSE;
    }
  return TRUE;
}

/* Every plan with its targets per severity, most urgent first. */
gboolean
lia_event_store_sla_targets (LiaDatabase  *db,
                             LiaRowFunc    func,
                             gpointer      user_data,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT p.id, t.severity, t.response_secs, t.resolution_secs, p.business_hours"
    " FROM service_plans p JOIN sla_targets t ON t.plan_id = p.id"
    " ORDER BY p.position, p.id,"
    "   CASE t.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END",
    error);

  if (stmt == NULL)
    return FALSE;

  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_event_store_set_sla_target (LiaDatabase  *db,
                                const char   *plan_id,
                                const char   *severity,
                                gint64        response,
                                gint64        resolution,
                                GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO sla_targets (plan_id, severity, response_secs, resolution_secs)"
    " VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (plan_id, severity) DO UPDATE SET"
    "   response_secs = excluded.response_secs, resolution_secs = excluded.resolution_secs",
    error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, plan_id);
  lia_bind_text (stmt, 2, severity);
  sqlite3_bind_int64 (stmt, 3, response);
  sqlite3_bind_int64 (stmt, 4, resolution);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_event_store_set_business_hours (LiaDatabase  *db,
                                    const char   *plan_id,
                                    const char   *business_hours,
                                    GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE service_plans SET business_hours = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, plan_id);
  bind_optional_text (stmt, 2, business_hours);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (lia_database_get_handle (db)) == 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("No service plan “%s”"), plan_id);
      return FALSE;
    }
  return TRUE;
}

/* Events with SLA targets opened in [@from, @to) and handled by
 * @vendor_id or by own staff (vendor NULL in the row), for comparing
 * the two over the same period. */
gboolean
lia_event_store_handled (LiaDatabase  *db,
                         gint64        vendor_id,
                         gint64        from,
                         gint64        to,
                         LiaRowFunc    func,
                         gpointer      user_data,
                         GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT vendor_id, opened_at, responded_at, resolved_at, response_target,"
    "  resolution_target, response_breach_at, resolution_breach_at"
    " FROM events INDEXED BY events_time"
    " WHERE opened_at >= ?2 AND opened_at < ?3"
    "   AND (response_target IS NOT NULL OR resolution_target IS NOT NULL)"
    "   AND (vendor_id = ?1 OR (vendor_id IS NULL AND staff_id IS NOT NULL))", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, vendor_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_vendor_store_insert (LiaDatabase            *db,
                         const LiaVendorValues  *v,
                         gint64                 *out_id,
                         GError                **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO vendors (name, contact_name, email, phone, sla_plan_id, active)"
    " VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, v->name);
  lia_bind_text (stmt, 2, v->contact_name ? v->contact_name : "");
  lia_bind_text (stmt, 3, v->email ? v->email : "");
  lia_bind_text (stmt, 4, v->phone ? v->phone : "");
  bind_optional_text (stmt, 5, v->sla_plan_id);
  sqlite3_bind_int (stmt, 6, v->active);
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_vendor_store_update (LiaDatabase            *db,
                         const LiaVendorValues  *v,
                         GError                **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE vendors SET name = ?2, contact_name = ?3, email = ?4, phone = ?5,"
    "  sla_plan_id = ?6, active = ?7 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, v->id);
  lia_bind_text (stmt, 2, v->name);
  lia_bind_text (stmt, 3, v->contact_name ? v->contact_name : "");
  lia_bind_text (stmt, 4, v->email ? v->email : "");
  lia_bind_text (stmt, 5, v->phone ? v->phone : "");
  bind_optional_text (stmt, 6, v->sla_plan_id);
  sqlite3_bind_int (stmt, 7, v->active);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;

  if (sqlite3_changes (lia_database_get_handle (db)) == 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("No vendor with id %lld"), (long long) v->id);
      return FALSE;
    }
  return TRUE;
}

gboolean
lia_vendor_store_all (LiaDatabase  *db,
                      LiaRowFunc    func,
                      gpointer      user_data,
                      GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id, name, contact_name, email, phone, sla_plan_id, active FROM vendors"
    " ORDER BY name COLLATE NOCASE, id", error);

  if (stmt == NULL)
    return FALSE;

  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* Timeline ------------------------------------------------------------ */

static gboolean
has_event_filter (const LiaTimelineQuery *q)
{
  return q->kinds || q->statuses || q->sla_states || q->staff_id || q->vendor_id ||
         (q->match && *q->match);
}

/* "'a', 'b'" for the set bits of @mask, by the nicks in @nicks. */
static void
append_nick_list (GString            *sql,
                  guint               mask,
                  const char * const *nicks,
                  guint               n_nicks)
{
  gboolean first = TRUE;

  for (guint i = 0; i < n_nicks; i++)
    if (mask & (1u << i))
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ", ", nicks[i]);
        first = FALSE;
      }
}

/* The order of LiaEventKind, LiaEventStatus and LiaSlaState. */
static const char * const kind_nicks[] = {
  "incident", "maintenance", "request", "proposal", "inquiry", "call", "visit", "email",
};
static const char * const status_nicks[] = {
  "open", "in-progress", "waiting", "resolved", "closed",
};
static const char * const sla_conditions[] = {
  /* running */  "(e.resolved_at IS NULL AND e.status <> 'waiting'"
                 " AND coalesce (e.breach_at > :now, 1) AND coalesce (e.risk_at > :now, 1)"
                 " AND (e.response_target IS NOT NULL OR e.resolution_target IS NOT NULL))",
  /* at-risk */  "(e.resolved_at IS NULL AND e.risk_at <= :now AND coalesce (e.breach_at > :now, 1))",
  /* met */      "(e.resolved_at IS NOT NULL AND e.breach_at IS NULL"
                 " AND (e.response_target IS NOT NULL OR e.resolution_target IS NOT NULL))",
  /* breached */ "(e.breach_at <= :now)",
  /* none */     "(e.response_target IS NULL AND e.resolution_target IS NULL)",
  /* paused */   "(e.resolved_at IS NULL AND e.status = 'waiting'"
                 " AND coalesce (e.breach_at > :now, 1) AND coalesce (e.risk_at > :now, 1)"
                 " AND (e.response_target IS NOT NULL OR e.resolution_target IS NOT NULL))",
};

#define SUBTREE_SQL                                                            \
  "WITH RECURSIVE sub (id) AS (SELECT :account"                                \
  "   UNION ALL SELECT c.id FROM accounts c JOIN sub ON c.parent_id = sub.id)" \
  " SELECT id FROM sub"

static void
append_account_filter (GString                *sql,
                       const LiaTimelineQuery *q,
                       const char             *column)
{
  if (q->account_id == 0)
    return;

  if (q->with_subsidiaries)
    g_string_append_printf (sql, " AND %s IN (" SUBTREE_SQL ")", column);
  else
    g_string_append_printf (sql, " AND %s = :account", column);
}

/* A portfolio's rows merge several accounts' index ranges, which SQLite
 * reads whole and sorts. Picking the page's ids first from the covering
 * (account, time, id) index reads index entries only, not rows. */
static void
append_subtree_page (GString                *sql,
                     const LiaTimelineQuery *q,
                     const char             *alias,
                     const char             *table,
                     const char             *time_column,
                     const char             *bound,
                     const char             *extra)
{
  g_string_append_printf (sql,
    " AND %s.id IN (SELECT y.id FROM %s y WHERE y.account_id IN (" SUBTREE_SQL ")"
    "   AND (y.%s, y.id) < (:t, %s)%s", alias, table, time_column, bound, extra);
  if (q->from)
    g_string_append_printf (sql, " AND y.%s >= :from", time_column);
  g_string_append_printf (sql, " ORDER BY y.%s DESC, y.id DESC LIMIT :limit)", time_column);
}

/* The upper end of the range is folded into the cursor's bound (see
 * lia_timeline_store_page()): a second upper bound would be checked row
 * by row along the index instead of ending the scan. */
static void
append_range (GString                *sql,
              const LiaTimelineQuery *q,
              const char             *column)
{
  if (q->from)
    g_string_append_printf (sql, " AND %s >= :from", column);
}

/* "IN (a, b)" on an indexed column makes SQLite read each value's whole
 * index range and sort; with "+" it walks the time index instead and
 * stops after a page. One value is an equality and keeps its index. */
static void
append_in_list (GString            *sql,
                const char         *column,
                guint               mask,
                const char * const *nicks,
                guint               n_nicks)
{
  g_string_append_printf (sql, " AND %s%s IN (", (mask & (mask - 1)) ? "+" : "", column);
  append_nick_list (sql, mask, nicks, n_nicks);
  g_string_append (sql, ")");
}

/* One arm per source: its own newest-first LIMIT through a (time, id)
 * index, so the merge above never reads more than a page from each. */
static void
append_arm (GString                *sql,
            const LiaTimelineQuery *q,
            LiaTimelineSource       source)
{
  const char *time_column = NULL;

  if (sql->len > 0)
    g_string_append (sql, " UNION ALL ");
  g_string_append (sql, "SELECT * FROM (SELECT ");

  switch (source)
    {
    case LIA_TIMELINE_SOURCE_EVENT:
      time_column = "e.opened_at";
      g_string_append (sql,
        "0, e.id, e.opened_at, e.account_id, a.name, e.kind,"
        " coalesce (nullif (e.summary, ''), substr (e.details, 1, 300)), NULL, NULL,"
        " e.status, e.severity, coalesce (v.name, s.name), e.vendor_id IS NOT NULL, "
        SLA_STATE_SQL ", e.id"
        " FROM events e JOIN accounts a ON a.id = e.account_id"
        " LEFT JOIN staff s ON s.id = e.staff_id LEFT JOIN vendors v ON v.id = e.vendor_id"
        " WHERE (e.opened_at, e.id) < (:t, :i0)");
      /* Other filters would drop rows from a preselected page. */
      if (q->with_subsidiaries && q->account_id != 0 && !has_event_filter (q))
        append_subtree_page (sql, q, "e", "events", "opened_at", ":i0", "");
      else
        append_account_filter (sql, q, "e.account_id");
      if (q->kinds)
        append_in_list (sql, "e.kind", q->kinds, kind_nicks, G_N_ELEMENTS (kind_nicks));
      if (q->statuses)
        append_in_list (sql, "e.status", q->statuses, status_nicks, G_N_ELEMENTS (status_nicks));
      if (q->sla_states)
        {
          gboolean first = TRUE;

          g_string_append (sql, " AND (");
          for (guint i = 0; i < G_N_ELEMENTS (sla_conditions); i++)
            if (q->sla_states & (1u << i))
              {
                g_string_append_printf (sql, "%s%s", first ? "" : " OR ", sla_conditions[i]);
                first = FALSE;
              }
          g_string_append (sql, ")");
        }
      if (q->staff_id)
        g_string_append (sql, " AND e.staff_id = :staff");
      if (q->vendor_id)
        g_string_append (sql, " AND e.vendor_id = :vendor");
      if (q->match && *q->match)
        g_string_append (sql, " AND e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH :match)");
      break;

    case LIA_TIMELINE_SOURCE_NOTE:
      time_column = "n.noted_at";
      g_string_append (sql,
        "1, n.id, n.noted_at, n.account_id, a.name, n.kind, n.body, NULL, NULL,"
        " NULL, NULL, n.author, 0, 'none', NULL"
        " FROM account_notes n JOIN accounts a ON a.id = n.account_id"
        " WHERE (n.noted_at, n.id) < (:t, :i1)");
      if (q->with_subsidiaries && q->account_id != 0)
        append_subtree_page (sql, q, "n", "account_notes", "noted_at", ":i1", "");
      else
        append_account_filter (sql, q, "n.account_id");
      break;

    case LIA_TIMELINE_SOURCE_STATUS_CHANGE:
      time_column = "h.changed_at";
      g_string_append (sql,
        "2, h.id, h.changed_at, h.account_id, a.name, e.kind, e.summary, h.from_status,"
        " h.to_status, NULL, NULL, h.actor, 0, 'none', h.event_id"
        " FROM event_status_history h JOIN events e ON e.id = h.event_id"
        " JOIN accounts a ON a.id = h.account_id"
        " WHERE (h.changed_at, h.id) < (:t, :i2) AND h.from_status IS NOT NULL");
      if (q->with_subsidiaries && q->account_id != 0)
        append_subtree_page (sql, q, "h", "event_status_history", "changed_at", ":i2",
                             " AND y.from_status IS NOT NULL");
      else
        append_account_filter (sql, q, "h.account_id");
      break;

    case LIA_TIMELINE_SOURCE_AUDIT:
      time_column = "l.changed_at";
      g_string_append (sql,
        "3, l.id, l.changed_at, l.account_id, a.name, l.entity, l.field, l.old_value,"
        " l.new_value, NULL, NULL, l.actor, 0, 'none', NULL"
        " FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id"
        " WHERE (l.changed_at, l.id) < (:t, :i3)");
      if (q->with_subsidiaries && q->account_id != 0)
        append_subtree_page (sql, q, "l", "audit_log", "changed_at", ":i3", "");
      else
        append_account_filter (sql, q, "l.account_id");
      break;

    case LIA_TIMELINE_N_SOURCES:
    default:
      g_assert_not_reached ();
    }

  append_range (sql, q, time_column);
  g_string_append_printf (sql, " ORDER BY %s DESC, 2 DESC LIMIT :limit)", time_column);
}

/**
 * lia_timeline_store_page_sql:
 *
 * The statement for @query: the few shapes a person can choose are each
 * prepared once and cached by their text. Parameters: :t and :i0…:i3
 * (the cursor), :limit, :now and the filters' own.
 */
char *
lia_timeline_store_page_sql (const LiaTimelineQuery *query)
{
  GString *sql = g_string_new (NULL);
  gboolean events_only = has_event_filter (query);

  append_arm (sql, query, LIA_TIMELINE_SOURCE_EVENT);
  if (!events_only)
    {
      append_arm (sql, query, LIA_TIMELINE_SOURCE_NOTE);
      if (query->show_system)
        {
          append_arm (sql, query, LIA_TIMELINE_SOURCE_STATUS_CHANGE);
          append_arm (sql, query, LIA_TIMELINE_SOURCE_AUDIT);
        }
    }
  g_string_append (sql, " ORDER BY 3 DESC, 1 DESC, 2 DESC LIMIT :limit");
  return g_string_free (sql, FALSE);
}

/* Up to @limit rows after @after (NULL: from the newest). For each
 * source, the rows after the cursor are those with (time, id) below a
 * bound: (t, +inf) for sources sorting below the cursor's within its
 * second, (t, id) for its own, (t, -inf) above. */
gboolean
lia_timeline_store_page (LiaDatabase              *db,
                         const LiaTimelineQuery   *query,
                         const LiaTimelineCursor  *after,
                         guint                     limit,
                         gint64                    now,
                         LiaRowFunc                func,
                         gpointer                  user_data,
                         GError                  **error)
{
  g_autofree char *sql = lia_timeline_store_page_sql (query);
  sqlite3_stmt *stmt = lia_database_get_statement (db, sql, error);
  int index;

  if (stmt == NULL)
    return FALSE;

  /* Rows before `to` are those below (to, -inf): when that is the
   * tighter bound it replaces the cursor. */
  gboolean to_bound = query->to != 0 && (after == NULL || query->to <= after->time);

  bind_named_int64 (stmt, ":t", to_bound ? query->to : after ? after->time : G_MAXINT64);
  for (int source = 0; source < LIA_TIMELINE_N_SOURCES; source++)
    {
      char name[8];
      gint64 bound;

      g_snprintf (name, sizeof name, ":i%d", source);
      if (to_bound)
        bound = G_MININT64;
      else if (after == NULL || source < after->source)
        bound = G_MAXINT64;
      else if (source == after->source)
        bound = after->id;
      else
        bound = G_MININT64;
      bind_named_int64 (stmt, name, bound);
    }
  bind_named_int64 (stmt, ":limit", limit);
  bind_named_int64 (stmt, ":now", now);
  bind_named_int64 (stmt, ":account", query->account_id);
  bind_named_int64 (stmt, ":staff", query->staff_id);
  bind_named_int64 (stmt, ":vendor", query->vendor_id);
  bind_named_int64 (stmt, ":from", query->from);
  if ((index = sqlite3_bind_parameter_index (stmt, ":match")) > 0)
    lia_bind_text (stmt, index, query->match);

  return lia_database_each_row (db, stmt, func, user_data, error);
}
