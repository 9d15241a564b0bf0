/* lia-portfolio-store.c — SQL for corporate groups: the account hierarchy,
 * its roll-ups, contact coverage, workload and reassignment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-portfolio-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-store-private.h"
#include "lia-database-private.h"
#include "lia-portfolio-store.h"

/* The roll-up of every node in `roots` over its whole subtree, in one
 * recursive query: for a node's own children when a group is expanded.
 * Closed accounts are part of the tree but not counted. Open events and
 * SLA breaches (of the last 90 days, up to :now) count each member's
 * events through their partial indexes; the next review is the earliest
 * planned one not yet passed (the model keeps next_review_at current),
 * overdue follow-ups those still open due before :today, the local day
 * ("YYYY-MM-DD"). */
#define SUBTREE_ROLLUP_SQL(roots_cte)                                          \
  "WITH RECURSIVE roots (id) AS (" roots_cte "),"                              \
  " sub (root, id) AS ("                                                       \
  "   SELECT id, id FROM roots"                                                \
  "   UNION ALL SELECT sub.root, c.id FROM accounts c JOIN sub ON c.parent_id = sub.id)," \
  " agg (root, n, total, ncur, last_contact, open_events, breaches,"         \
  "      next_review, overdue) AS ("                                           \
  "   SELECT sub.root,"                                                        \
  "     count (*) FILTER (WHERE m.state <> 'closed'),"                         \
  "     coalesce (sum (m.contract_value) FILTER (WHERE m.state <> 'closed'), 0)," \
  "     count (DISTINCT m.currency) FILTER (WHERE m.state <> 'closed'),"       \
  "     max (m.last_contact_at)," MEMBER_EVENT_COUNTS                           \
  "   FROM sub JOIN accounts m ON m.id = sub.id GROUP BY sub.root)"            \
  ROLLUP_SELECT

#define MEMBER_EVENT_COUNTS                                                    \
  "   sum ((SELECT count (*) FROM events e WHERE e.account_id = m.id"          \
  "         AND e.status IN ('open', 'in-progress', 'waiting'))),"             \
  "   sum ((SELECT count (*) FROM events e WHERE e.account_id = m.id"          \
  "         AND e.breach_at > :now - 90 * 86400 AND e.breach_at <= :now)),"    \
  "   min (m.next_review_at) FILTER (WHERE m.next_review_at >= :now),"        \
  "   sum ((SELECT count (*) FROM follow_ups f WHERE f.account_id = m.id"      \
  "         AND f.status = 'open' AND f.due_date < :today))"

#define ROLLUP_SELECT                                                          \
  " SELECT " LIA_ACCOUNT_COLUMNS ","                                           \
  "   EXISTS (SELECT 1 FROM accounts c WHERE c.parent_id = a.id),"             \
  "   agg.n, agg.total, agg.ncur, agg.last_contact, agg.open_events, agg.breaches," \
  "   agg.next_review, agg.overdue"                                            \
  " FROM agg JOIN accounts a ON a.id = agg.root"                               \
  LIA_ACCOUNT_STAFF_JOINS                                                      \
  " ORDER BY a.name COLLATE NOCASE, a.id"

/* Every group at once: a group is a top-level account with subsidiaries
 * or sites, and root_id names each member's group, so one pass over the
 * accounts_root index rolls them all up. */
static const char groups_sql[] =
  "WITH agg (root, n, total, ncur, last_contact, open_events, breaches,"
  "          next_review, overdue) AS ("
  "  SELECT m.root_id,"
  "    count (*) FILTER (WHERE m.state <> 'closed'),"
  "    coalesce (sum (m.contract_value) FILTER (WHERE m.state <> 'closed'), 0),"
  "    count (DISTINCT m.currency) FILTER (WHERE m.state <> 'closed'),"
  "    max (m.last_contact_at)," MEMBER_EVENT_COUNTS
  "  FROM accounts m"
  "  WHERE m.root_id IN (SELECT root_id FROM accounts WHERE parent_id IS NOT NULL)"
  "  GROUP BY m.root_id)"
  ROLLUP_SELECT;

static const char children_sql[] = SUBTREE_ROLLUP_SQL (
  "SELECT id FROM accounts WHERE parent_id = :id");

static const char node_sql[] = SUBTREE_ROLLUP_SQL ("SELECT :id");

static gboolean
step_int64 (LiaDatabase   *db,
            sqlite3_stmt  *stmt,
            gint64        *out_value,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lia_database_set_error (db, rc, error, "portfolio");
      return FALSE;
    }

  return TRUE;
}

/* Whether @ancestor_id is @id itself or above it in the hierarchy. */
gboolean
lia_portfolio_store_is_ancestor (LiaDatabase  *db,
                                 gint64        ancestor_id,
                                 gint64        id,
                                 gboolean     *out_is_ancestor,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "WITH RECURSIVE up (id, parent_id) AS ("
    "  SELECT id, parent_id FROM accounts WHERE id = ?2"
    "  UNION SELECT a.id, a.parent_id FROM accounts a JOIN up ON a.id = up.parent_id)"
    " SELECT count (*) FROM up WHERE id = ?1", error);
  gint64 count = 0;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ancestor_id);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!step_int64 (db, stmt, &count, error))
    return FALSE;

  *out_is_ancestor = count > 0;
  return TRUE;
}

/* Moves @id under @parent_id (0: makes it top-level), and gives it and
 * everything below it the new group root. The caller has checked for
 * cycles in the same transaction. */
gboolean
lia_portfolio_store_set_parent (LiaDatabase  *db,
                                gint64        id,
                                gint64        parent_id,
                                gint64        updated_at,
                                GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE accounts SET parent_id = ?2, updated_at = ?3 WHERE id = ?1", error);
  gint64 old_root = id;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  lia_bind_optional_id (stmt, 2, parent_id);
  sqlite3_bind_int64 (stmt, 3, updated_at);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;

  if (!(stmt = lia_database_get_statement (db, "SELECT root_id FROM accounts WHERE id = ?", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_int64 (db, stmt, &old_root, error))
    return FALSE;

  stmt = lia_database_get_statement (db,
    "WITH RECURSIVE sub (id) AS ("
    "  SELECT ?1 UNION ALL SELECT c.id FROM accounts c JOIN sub ON c.parent_id = sub.id)"
    " UPDATE accounts SET root_id = coalesce ((SELECT root_id FROM accounts WHERE id = ?2), ?1)"
    " WHERE id IN sub", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  lia_bind_optional_id (stmt, 2, parent_id);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;

  /* Both groups' latest contact may have changed with the members. */
  stmt = lia_database_get_statement (db,
    "UPDATE accounts SET group_last_contact_at ="
    "  (SELECT max (m.last_contact_at) FROM accounts m WHERE m.root_id = accounts.id)"
    " WHERE id IN (?1, (SELECT root_id FROM accounts WHERE id = ?2))", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, old_root);
  sqlite3_bind_int64 (stmt, 2, id);
  return lia_database_step_done (db, stmt, error);
}

static gboolean
run_rollup (LiaDatabase  *db,
            const char   *sql,
            gint64        id,
            gint64        now,
            const char   *today,
            LiaRowFunc    func,
            gpointer      user_data,
            GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, sql, error);
  int index;

  if (stmt == NULL)
    return FALSE;

  if ((index = sqlite3_bind_parameter_index (stmt, ":id")) > 0)
    sqlite3_bind_int64 (stmt, index, id);
  if ((index = sqlite3_bind_parameter_index (stmt, ":now")) > 0)
    sqlite3_bind_int64 (stmt, index, now);
  if ((index = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    lia_bind_text (stmt, index, today);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_portfolio_store_groups (LiaDatabase  *db,
                            gint64        now,
                            const char   *today,
                            LiaRowFunc    func,
                            gpointer      user_data,
                            GError      **error)
{
  return run_rollup (db, groups_sql, 0, now, today, func, user_data, error);
}

gboolean
lia_portfolio_store_children (LiaDatabase  *db,
                              gint64        parent_id,
                              gint64        now,
                              const char   *today,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  return run_rollup (db, children_sql, parent_id, now, today, func, user_data, error);
}

gboolean
lia_portfolio_store_node (LiaDatabase  *db,
                          gint64        id,
                          gint64        now,
                          const char   *today,
                          LiaRowFunc    func,
                          gpointer      user_data,
                          GError      **error)
{
  return run_rollup (db, node_sql, id, now, today, func, user_data, error);
}

/* @root_id and everything below it, parents before children. */
gboolean
lia_portfolio_store_subtree (LiaDatabase  *db,
                             gint64        root_id,
                             LiaRowFunc    func,
                             gpointer      user_data,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "WITH RECURSIVE sub (id, depth) AS ("
    "  SELECT ?, 0"
    "  UNION ALL SELECT c.id, sub.depth + 1 FROM accounts c JOIN sub ON c.parent_id = sub.id)"
    " SELECT a.id, a.name, a.manager_id, sub.depth FROM sub JOIN accounts a ON a.id = sub.id"
    " ORDER BY sub.depth, a.name COLLATE NOCASE, a.id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, root_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_portfolio_store_root_of (LiaDatabase  *db,
                             gint64        id,
                             gint64       *out_root_id,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT root_id FROM accounts WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  *out_root_id = id;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_int64 (db, stmt, out_root_id, error);
}

/* The major accounts: top-level, not closed, with a contact cadence of
 * their own or from their segment. Two arms so each reads an index. */
#define COVERAGE_UNITS_CTE                                                     \
  "units (id, cadence, created_at, last_contact) AS ("                         \
  "  SELECT a.id, coalesce (a.contact_cadence_days, g.contact_cadence_days),"  \
  "    a.created_at, a.group_last_contact_at"                                  \
  /* CROSS JOIN keeps segments outside: a few segments, then the     */       \
  /* accounts_segment index, not all 95k top-level accounts.         */       \
  "  FROM segments g CROSS JOIN accounts a ON a.segment_id = g.id"             \
  "  WHERE g.contact_cadence_days IS NOT NULL"                                 \
  "    AND a.parent_id IS NULL AND a.state <> 'closed'"                        \
  "  UNION ALL"                                                                \
  "  SELECT a.id, a.contact_cadence_days, a.created_at, a.group_last_contact_at" \
  "  FROM accounts a INDEXED BY accounts_own_cadence"                          \
  "    JOIN segments g ON g.id = a.segment_id"                                 \
  "  WHERE a.contact_cadence_days IS NOT NULL AND g.contact_cadence_days IS NULL" \
  "    AND a.parent_id IS NULL AND a.state <> 'closed'),"                      \
  /* A group is in touch when anyone in it was contacted: its top      */     \
  /* account's group_last_contact_at says when.                       */     \
  " covered (id, cadence, last_contact, due_at) AS ("                          \
  "  SELECT id, cadence, last_contact, coalesce (last_contact, created_at) + cadence * 86400" \
  "  FROM units)"

static const char coverage_sql[] =
  "WITH " COVERAGE_UNITS_CTE
  " SELECT " LIA_ACCOUNT_COLUMNS ", c.cadence, c.last_contact, c.due_at"
  " FROM covered c JOIN accounts a ON a.id = c.id" LIA_ACCOUNT_STAFF_JOINS
  " WHERE NOT ?1 OR c.due_at < ?2"
  " ORDER BY c.due_at, a.id LIMIT ?3";

static const char coverage_counts_sql[] =
  "WITH " COVERAGE_UNITS_CTE
  " SELECT count (*) FILTER (WHERE due_at >= ?1), count (*) FROM covered";

const char *
lia_portfolio_store_coverage_counts_sql (void)
{
  return coverage_counts_sql;
}

const char *
lia_portfolio_store_coverage_sql (void)
{
  return coverage_sql;
}

const char *
lia_portfolio_store_groups_sql (void)
{
  return groups_sql;
}

/**
 * lia_portfolio_store_coverage:
 * @only_overdue: leave out the accounts still within their cadence
 * @limit: at most this many rows
 *
 * Major accounts with the latest contact anywhere in their group and the
 * time the next one is due: the cadence counts from that contact (from
 * the account's creation when there was none). Most overdue first.
 */
gboolean
lia_portfolio_store_coverage (LiaDatabase  *db,
                              gint64        now,
                              gboolean      only_overdue,
                              guint         limit,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, coverage_sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, only_overdue ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, limit);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* How many major accounts there are, and how many are within cadence. */
gboolean
lia_portfolio_store_coverage_counts (LiaDatabase  *db,
                                     gint64        now,
                                     guint        *out_on_time,
                                     guint        *out_total,
                                     GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, coverage_counts_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out_on_time = (guint)sqlite3_column_int64 (stmt, 0);
      *out_total = (guint)sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "coverage");
      return FALSE;
    }

  return TRUE;
}

/* Per account manager (active or not, so departed staff's accounts
 * show), in one pass over the accounts_manager index. */
gboolean
lia_portfolio_store_workload (LiaDatabase  *db,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "WITH load (manager_id, major, portfolios, total, currency) AS ("
    "  SELECT a.manager_id,"
    "    count (*) FILTER (WHERE g.requires_manager),"
    "    count (*) FILTER (WHERE a.parent_id IS NULL AND a.id IN"
    "      (SELECT root_id FROM accounts WHERE parent_id IS NOT NULL)),"
    "    sum (a.contract_value),"
    "    CASE WHEN min (a.currency) = max (a.currency) THEN min (a.currency) END"
    "  FROM accounts a JOIN segments g ON g.id = a.segment_id"
    "  WHERE a.manager_id IS NOT NULL AND a.state <> 'closed'"
    "  GROUP BY a.manager_id)"
    " SELECT s.id, s.name, s.active, coalesce (l.major, 0), coalesce (l.portfolios, 0),"
    "   coalesce (l.total, 0),"
    "   (SELECT count (*) FROM accounts m JOIN events e ON e.account_id = m.id"
    "    WHERE m.manager_id = s.id AND e.status IN ('open', 'in-progress', 'waiting')),"
    "   NULL, l.currency"
    " FROM staff s LEFT JOIN load l ON l.manager_id = s.id"
    " WHERE s.role = 'account-manager' OR l.manager_id IS NOT NULL"
    " ORDER BY s.name COLLATE NOCASE, s.id", error);

  if (stmt == NULL)
    return FALSE;

  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_portfolio_store_set_manager (LiaDatabase  *db,
                                 gint64        id,
                                 gint64        manager_id,
                                 gint64        updated_at,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE accounts SET manager_id = ?, updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_optional_id (stmt, 1, manager_id);
  sqlite3_bind_int64 (stmt, 2, updated_at);
  sqlite3_bind_int64 (stmt, 3, id);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;

  /* A plan naming an account that is gone must fail, not audit a change. */
  if (sqlite3_changes (lia_database_get_handle (db)) != 1)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("No account with id %lld"), (long long) id);
      return FALSE;
    }

  return TRUE;
}

gboolean
lia_portfolio_store_log_contact (LiaDatabase  *db,
                                 gint64        account_id,
                                 gint64        contact_id,
                                 const char   *kind,
                                 gint64        happened_at,
                                 gint64        staff_id,
                                 const char   *notes,
                                 gint64       *out_id,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO events (account_id, contact_id, kind, opened_at, resolved_at, staff_id,"
    "                    summary, details, status, source)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?5, '', ?6, 'closed',"
    "         CASE ?3 WHEN 'call' THEN 'phone' WHEN 'email' THEN 'email' ELSE 'visit' END)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  lia_bind_optional_id (stmt, 2, contact_id);
  lia_bind_text (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, happened_at);
  lia_bind_optional_id (stmt, 5, staff_id);
  lia_bind_text (stmt, 6, notes ? notes : "");
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_portfolio_store_contact_log (LiaDatabase  *db,
                                 gint64        account_id,
                                 LiaRowFunc    func,
                                 gpointer      user_data,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id, account_id, contact_id, kind, opened_at, staff_id, details FROM events"
    " WHERE account_id = ? AND kind IN ('call', 'visit', 'email')"
    " ORDER BY opened_at DESC, id DESC", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_portfolio_store_add_note (LiaDatabase  *db,
                              gint64        account_id,
                              gint64        noted_at,
                              const char   *kind,
                              const char   *body,
                              const char   *author,
                              gint64       *out_id,
                              GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO account_notes (account_id, noted_at, kind, body, author) VALUES (?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, noted_at);
  lia_bind_text (stmt, 3, kind);
  lia_bind_text (stmt, 4, body);
  lia_bind_text (stmt, 5, author);
  return lia_database_step_insert (db, stmt, out_id, error);
}

/* Notes on @root_id and every account below it, newest first. */
gboolean
lia_portfolio_store_group_notes (LiaDatabase  *db,
                                 gint64        root_id,
                                 LiaRowFunc    func,
                                 gpointer      user_data,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "WITH RECURSIVE sub (id) AS ("
    "  SELECT ? UNION ALL SELECT c.id FROM accounts c JOIN sub ON c.parent_id = sub.id)"
    " SELECT n.id, n.account_id, n.noted_at, n.kind, n.body, n.author"
    " FROM account_notes n JOIN sub ON sub.id = n.account_id"
    " ORDER BY n.noted_at DESC, n.id DESC", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, root_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* Contacts across the group, key contacts first; rows are contact rows
 * (lia-contact-store.h) with the account's name appended. */
gboolean
lia_portfolio_store_group_key_contacts (LiaDatabase  *db,
                                        gint64        root_id,
                                        LiaRowFunc    func,
                                        gpointer      user_data,
                                        GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "WITH RECURSIVE sub (id) AS ("
    "  SELECT ? UNION ALL SELECT c.id FROM accounts c JOIN sub ON c.parent_id = sub.id)"
    " SELECT c.id, c.account_id, c.name, c.role, c.email, c.phone, c.preferred_channel,"
    "   c.created_at, c.key_contact, a.name"
    " FROM contacts c JOIN sub ON sub.id = c.account_id JOIN accounts a ON a.id = c.account_id"
    " ORDER BY c.key_contact DESC, c.name COLLATE NOCASE, c.id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, root_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* @days <= 0 clears the segment's cadence. */
gboolean
lia_portfolio_store_set_segment_cadence (LiaDatabase  *db,
                                         const char   *segment_id,
                                         int           days,
                                         GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE segments SET contact_cadence_days = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  if (days > 0)
    sqlite3_bind_int (stmt, 1, days);
  else
    sqlite3_bind_null (stmt, 1);
  lia_bind_text (stmt, 2, segment_id);
  return lia_database_step_done (db, stmt, error);
}
