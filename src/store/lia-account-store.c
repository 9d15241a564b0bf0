/* lia-account-store.c — SQL for accounts, their lifecycle history and audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-account-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-store.h"
#include "lia-account-store-private.h"
#include "lia-database-private.h"


static void
bind_values (sqlite3_stmt           *stmt,
             const LiaAccountValues *v)
{
  lia_bind_text (stmt, 1, v->number);
  lia_bind_text (stmt, 2, v->name);
  lia_bind_text (stmt, 3, v->segment_id);
  lia_bind_text (stmt, 4, v->service_plan_id);
  lia_bind_text (stmt, 5, v->channel ? v->channel : "direct");
  lia_bind_text (stmt, 6, v->state ? v->state : "prospect");
  lia_bind_optional_id (stmt, 7, v->manager_id);
  sqlite3_bind_int64 (stmt, 8, v->contract_value);
  lia_bind_text (stmt, 9, v->currency ? v->currency : "EUR");
  lia_bind_text (stmt, 10, v->address ? v->address : "");
  lia_bind_text (stmt, 11, v->notes ? v->notes : "");
  sqlite3_bind_int64 (stmt, 12, v->created_at);
  sqlite3_bind_int64 (stmt, 13, v->updated_at);
  lia_bind_optional_id (stmt, 14, v->last_verified_at);
  lia_bind_text (stmt, 15, v->unit_kind ? v->unit_kind : "company");
  lia_bind_optional_id (stmt, 16, v->deputy_id);
  lia_bind_optional_id (stmt, 17, v->contact_cadence_days);
}

gboolean
lia_account_store_insert (LiaDatabase             *db,
                          const LiaAccountValues  *values,
                          gint64                  *out_id,
                          GError                 **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO accounts (number, name, segment_id, service_plan_id, channel, state,"
    " manager_id, contract_value, currency, address, notes, created_at, updated_at,"
    " last_verified_at, unit_kind, deputy_id, contact_cadence_days)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, values);
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_account_store_update (LiaDatabase             *db,
                          gint64                   id,
                          const LiaAccountValues  *values,
                          GError                 **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE accounts SET number = ?, name = ?, segment_id = ?, service_plan_id = ?,"
    " channel = ?, state = ?, manager_id = ?, contract_value = ?, currency = ?,"
    " address = ?, notes = ?, created_at = ?, updated_at = ?, last_verified_at = ?,"
    " unit_kind = ?, deputy_id = ?, contact_cadence_days = ?"
    " WHERE id = ?18", error);

  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, values);
  sqlite3_bind_int64 (stmt, 18, id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_account_store_set_state (LiaDatabase  *db,
                             gint64        id,
                             const char   *state,
                             gint64        updated_at,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE accounts SET state = ?, updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, state);
  sqlite3_bind_int64 (stmt, 2, updated_at);
  sqlite3_bind_int64 (stmt, 3, id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_account_store_set_verified (LiaDatabase  *db,
                                gint64        id,
                                gint64        verified_at,
                                GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE accounts SET last_verified_at = ?1, updated_at = ?1 WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, verified_at);
  sqlite3_bind_int64 (stmt, 2, id);
  return lia_database_step_done (db, stmt, error);
}

/* Runs a query expected to return at most one account row; @missing is
 * the whole (translated) message for none. */
static gboolean
get_one (LiaDatabase   *db,
         sqlite3_stmt  *stmt,
         LiaRowFunc     func,
         gpointer       user_data,
         const char    *missing,
         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    func ((LiaRow *)stmt, user_data);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "account");
      return FALSE;
    }

  return TRUE;
}

gboolean
lia_account_store_get (LiaDatabase  *db,
                       gint64        id,
                       LiaRowFunc    func,
                       gpointer      user_data,
                       GError      **error)
{
  g_autofree char *missing = NULL;
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " LIA_ACCOUNT_COLUMNS LIA_ACCOUNT_FROM " WHERE a.id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  missing = g_strdup_printf (_("No account with id %lld"), (long long) id);
  return get_one (db, stmt, func, user_data, missing, error);
}

gboolean
lia_account_store_get_by_number (LiaDatabase  *db,
                                 const char   *number,
                                 LiaRowFunc    func,
                                 gpointer      user_data,
                                 GError      **error)
{
  g_autofree char *missing = NULL;
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " LIA_ACCOUNT_COLUMNS LIA_ACCOUNT_FROM " WHERE a.number = ?", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, number);
  missing = g_strdup_printf (_("No account numbered “%s”"), number);
  return get_one (db, stmt, func, user_data, missing, error);
}

/**
 * lia_account_store_match_expression:
 *
 * Turns what a person types into an FTS5 expression in which every word
 * is a quoted prefix, so punctuation and FTS operators in the input are
 * taken literally. Returns %NULL when nothing searchable is left.
 */
char *
lia_account_store_match_expression (const char *text)
{
  g_autoptr(GString) expr = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_str_tokenize_and_fold (text, NULL, NULL);
  for (guint i = 0; words[i]; i++)
    {
      if (expr->len > 0)
        g_string_append_c (expr, ' ');
      g_string_append_c (expr, '"');
      for (const char *c = words[i]; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (expr, '"');
          g_string_append_c (expr, *c);
        }
      g_string_append (expr, "\"*");
    }

  if (expr->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&expr), FALSE);
}

/* Builds the WHERE clause for @query; the few combinations a person can
 * choose are each prepared once and cached by their text. */
static void
append_where (GString               *sql,
              const LiaAccountQuery *query,
              gboolean               has_match)
{
  g_string_append (sql, " WHERE 1");
  if (has_match)
    g_string_append (sql, " AND a.id IN (SELECT rowid FROM account_fts"
                          " WHERE account_fts MATCH :match LIMIT "
                          G_STRINGIFY (LIA_ACCOUNT_SEARCH_LIMIT) ")");
  if (query->segment_id)
    g_string_append (sql, " AND a.segment_id = :segment");
  if (query->state)
    g_string_append (sql, " AND a.state = :state");
  else if (!query->include_closed)
    g_string_append (sql, " AND a.state <> 'closed'");
  if (query->manager_id > 0)
    g_string_append (sql, " AND a.manager_id = :manager");
  else if (query->manager_id < 0)
    g_string_append (sql, " AND a.manager_id IS NULL");
  if (query->verified_before > 0)
    g_string_append (sql, " AND (a.last_verified_at IS NULL OR a.last_verified_at < :verified)");
  if (query->needs_manager)
    g_string_append (sql, " AND (a.manager_id IS NULL OR a.manager_id IN"
                          " (SELECT id FROM staff WHERE active = 0))");
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
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

static void
bind_query (sqlite3_stmt          *stmt,
            const LiaAccountQuery *query,
            const char            *match)
{
  bind_named_text (stmt, ":match", match);
  bind_named_text (stmt, ":segment", query->segment_id);
  bind_named_text (stmt, ":state", query->state);
  bind_named_int64 (stmt, ":manager", query->manager_id);
  bind_named_int64 (stmt, ":verified", query->verified_before);
}

/* Prepares @query's statement. Returns %NULL with no error when the search
 * text has no words, which matches nothing. */
static sqlite3_stmt *
prepare_query (LiaDatabase            *db,
               const LiaAccountQuery  *query,
               const char             *select,
               const char             *tail,
               GError                **error)
{
  g_autoptr(GString) sql = g_string_new (select);
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;

  if (query->search && *query->search)
    {
      if (!(match = lia_account_store_match_expression (query->search)))
        return NULL;
    }

  append_where (sql, query, match != NULL);
  if (tail)
    g_string_append (sql, tail);

  if ((stmt = lia_database_get_statement (db, sql->str, error)))
    bind_query (stmt, query, match);

  return stmt;
}

static gboolean
has_words_or_no_search (const LiaAccountQuery *query)
{
  g_autofree char *match = NULL;

  if (query->search == NULL || *query->search == '\0')
    return TRUE;

  match = lia_account_store_match_expression (query->search);
  return match != NULL;
}

static gboolean
step_count (LiaDatabase   *db,
            sqlite3_stmt  *stmt,
            guint         *out_count,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out_count = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "count");
      return FALSE;
    }

  return TRUE;
}

/* Whether the book holds any account at all: one index probe. */
gboolean
lia_account_store_any (LiaDatabase  *db,
                       gboolean     *out_any,
                       GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT EXISTS (SELECT 1 FROM accounts)", error);
  guint any = 0;

  if (stmt == NULL || !step_count (db, stmt, &any, error))
    return FALSE;

  *out_any = any != 0;
  return TRUE;
}

static gboolean
is_unfiltered (const LiaAccountQuery *query)
{
  return (query->search == NULL || *query->search == '\0') && query->segment_id == NULL &&
         query->manager_id == 0 && query->verified_before == 0 && !query->needs_manager;
}

gboolean
lia_account_store_count (LiaDatabase            *db,
                         const LiaAccountQuery  *query,
                         guint                  *out_count,
                         GError                **error)
{
  sqlite3_stmt *stmt;

  *out_count = 0;
  if (!has_words_or_no_search (query))
    return TRUE;

  /* The list as it opens: read the per-state counters, not the index. */
  if (is_unfiltered (query))
    {
      if (!(stmt = lia_database_get_statement (db,
              "SELECT coalesce (sum (n), 0) FROM account_state_counts"
              " WHERE CASE WHEN ?1 IS NOT NULL THEN state = ?1"
              "            WHEN ?2 THEN 1"
              "            ELSE state <> 'closed' END",
              error)))
        return FALSE;
      lia_bind_text (stmt, 1, query->state);
      sqlite3_bind_int (stmt, 2, query->include_closed ? 1 : 0);
      return step_count (db, stmt, out_count, error);
    }

  if (!(stmt = prepare_query (db, query, "SELECT count(*) FROM accounts a", NULL, error)))
    return FALSE;

  return step_count (db, stmt, out_count, error);
}

/**
 * lia_account_store_page:
 * @after_name: (nullable): the name of the row just before the page, for
 *   keyset paging; %NULL to page by @offset instead
 *
 * Reads @limit rows in name order. Walking on from a known row by
 * (name, id) costs the same anywhere in the list; @offset is for jumps.
 */
gboolean
lia_account_store_page (LiaDatabase            *db,
                        const LiaAccountQuery  *query,
                        guint                   offset,
                        const char             *after_name,
                        gint64                  after_id,
                        guint                   limit,
                        LiaRowFunc              func,
                        gpointer                user_data,
                        GError                **error)
{
  sqlite3_stmt *stmt;
  const char *tail;

  if (!has_words_or_no_search (query))
    return TRUE;

  if (after_name)
    /* Spelled out rather than as a row value, which SQLite 3.40 does not
     * turn into an index seek here: the first term bounds the range. */
    tail = " AND a.name COLLATE NOCASE >= :after_name"
           " AND (a.name COLLATE NOCASE > :after_name OR a.id > :after_id)"
           " ORDER BY a.name COLLATE NOCASE, a.id LIMIT :limit";
  else
    tail = " ORDER BY a.name COLLATE NOCASE, a.id LIMIT :limit OFFSET :offset";

  if (!(stmt = prepare_query (db, query, "SELECT " LIA_ACCOUNT_COLUMNS LIA_ACCOUNT_FROM, tail, error)))
    return FALSE;

  bind_named_text (stmt, ":after_name", after_name);
  bind_named_int64 (stmt, ":after_id", after_id);
  bind_named_int64 (stmt, ":limit", limit);
  bind_named_int64 (stmt, ":offset", offset);

  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* Where account @id sits in @query's name order, to select it after a
 * change; fails with NOT_FOUND when the query does not show it. */
gboolean
lia_account_store_position (LiaDatabase            *db,
                            const LiaAccountQuery  *query,
                            gint64                  id,
                            guint                  *out_position,
                            GError                **error)
{
  sqlite3_stmt *stmt;
  guint present = 0;

  if (has_words_or_no_search (query))
    {
      if (!(stmt = prepare_query (db, query, "SELECT count(*) FROM accounts a",
                                  " AND a.id = :id", error)))
        return FALSE;
      bind_named_int64 (stmt, ":id", id);
      if (!step_count (db, stmt, &present, error))
        return FALSE;
    }

  if (present == 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("Account %lld is not in this list"), (long long) id);
      return FALSE;
    }

  if (!(stmt = prepare_query (db, query, "SELECT count(*) FROM accounts a",
                              " AND a.name COLLATE NOCASE <= (SELECT name FROM accounts WHERE id = :id)"
                              " AND (a.name COLLATE NOCASE < (SELECT name FROM accounts WHERE id = :id)"
                              "      OR a.id < :id)", error)))
    return FALSE;
  bind_named_int64 (stmt, ":id", id);

  return step_count (db, stmt, out_position, error);
}

/* Type-ahead: the first @limit accounts whose words start with what was
 * typed, in FTS order (cheap to stop early), not sorted. */
gboolean
lia_account_store_search (LiaDatabase  *db,
                          const char   *text,
                          guint         limit,
                          LiaRowFunc    func,
                          gpointer      user_data,
                          GError      **error)
{
  g_autofree char *match = lia_account_store_match_expression (text);
  sqlite3_stmt *stmt;

  if (match == NULL)
    return TRUE;

  stmt = lia_database_get_statement (db,
    "SELECT " LIA_ACCOUNT_COLUMNS " FROM account_fts f"
    " JOIN accounts a ON a.id = f.rowid"
    LIA_ACCOUNT_STAFF_JOINS
    " WHERE account_fts MATCH ? LIMIT ?", error);
  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* Whether @text matches more accounts than a search shows. */
gboolean
lia_account_store_search_is_capped (LiaDatabase  *db,
                                    const char   *text,
                                    gboolean     *out_capped,
                                    GError      **error)
{
  g_autofree char *match = lia_account_store_match_expression (text);
  sqlite3_stmt *stmt;
  guint count = 0;

  *out_capped = FALSE;
  if (match == NULL)
    return TRUE;

  stmt = lia_database_get_statement (db,
    "SELECT count(*) FROM (SELECT 1 FROM account_fts WHERE account_fts MATCH ? LIMIT "
    G_STRINGIFY (LIA_ACCOUNT_SEARCH_LIMIT) " + 1)", error);
  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, match);
  if (!step_count (db, stmt, &count, error))
    return FALSE;

  *out_capped = count > LIA_ACCOUNT_SEARCH_LIMIT;
  return TRUE;
}

gboolean
lia_account_store_add_history (LiaDatabase  *db,
                               gint64        account_id,
                               gint64        changed_at,
                               const char   *actor,
                               const char   *from_state,
                               const char   *to_state,
                               const char   *reason,
                               GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO lifecycle_history (account_id, changed_at, actor, from_state, to_state, reason)"
    " VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, changed_at);
  lia_bind_text (stmt, 3, actor);
  lia_bind_text (stmt, 4, from_state);
  lia_bind_text (stmt, 5, to_state);
  lia_bind_text (stmt, 6, reason ? reason : "");
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_account_store_history (LiaDatabase  *db,
                           gint64        account_id,
                           LiaRowFunc    func,
                           gpointer      user_data,
                           GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id, changed_at, actor, from_state, to_state, reason FROM lifecycle_history"
    " WHERE account_id = ? ORDER BY changed_at DESC, id DESC", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_account_store_add_audit (LiaDatabase  *db,
                             gint64        account_id,
                             const char   *entity,
                             gint64        entity_id,
                             const char   *field,
                             const char   *old_value,
                             const char   *new_value,
                             const char   *actor,
                             gint64        changed_at,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO audit_log (account_id, entity, entity_id, field, old_value, new_value,"
    " actor, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_optional_id (stmt, 1, account_id);
  lia_bind_text (stmt, 2, entity);
  lia_bind_optional_id (stmt, 3, entity_id);
  lia_bind_text (stmt, 4, field);
  lia_bind_text (stmt, 5, old_value);
  lia_bind_text (stmt, 6, new_value);
  lia_bind_text (stmt, 7, actor);
  sqlite3_bind_int64 (stmt, 8, changed_at);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_account_store_audit (LiaDatabase  *db,
                         gint64        account_id,
                         LiaRowFunc    func,
                         gpointer      user_data,
                         GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id, account_id, entity, entity_id, field, old_value, new_value, actor, changed_at"
    " FROM audit_log WHERE account_id = ? ORDER BY changed_at DESC, id DESC", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}
