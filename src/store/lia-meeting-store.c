/* lia-meeting-store.c — SQL for meetings, their exceptions and attendees,
 * follow-ups, and review cadence
 *
 * The store never expands a recurrence (that is the model's): it
 * narrows a range to the series that can have an occurrence in it,
 * using until_at, the start of a series' last occurrence. A calendar's
 * range reads what a calendar shows, from covering indexes where it can
 * (a month of 50,000 meetings is some 5,000 rows); an export reads every
 * meeting, exception and attendee in three passes in meeting order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-meeting-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-store-private.h"
#include "lia-database-private.h"
#include "lia-meeting-store.h"

#define MEETING_COLUMNS                                                        \
  "m.id, m.uid, m.account_id, a.name, m.for_portfolio, m.title, m.starts_at," \
  " m.ends_at, m.tzid, m.all_day, m.location, m.rrule, m.until_at,"           \
  " m.is_review, m.agenda, m.minutes, m.outcome, m.rating, m.status,"         \
  " m.organizer_id, m.sequence, m.contact_event_id, m.created_at, m.updated_at"

#define MEETING_FROM " FROM meetings m JOIN accounts a ON a.id = m.account_id"

#define EXCEPTION_COLUMNS                                                      \
  "o.id, o.meeting_id, o.recurrence_id, o.starts_at, o.ends_at, o.cancelled," \
  " o.title, o.location, o.agenda, o.minutes, o.outcome, o.rating, o.status," \
  " o.contact_event_id"

/* meeting_attendees keeps a copy of the contact's or staff member's name
 * and address (see schema 5): one meeting's attendees read them from
 * the people themselves, an export from the copies. */
#define ATTENDEE_SELECT                                                        \
  "SELECT t.meeting_id, t.contact_id, t.staff_id,"                             \
  " coalesce (c.name, s.name, t.name), coalesce (nullif (c.email, ''), nullif (s.email, ''), t.email)" \
  " FROM meeting_attendees t LEFT JOIN contacts c ON c.id = t.contact_id"      \
  " LEFT JOIN staff s ON s.id = t.staff_id"

#define FOLLOW_UP_SELECT                                                       \
  "SELECT f.id, f.account_id, a.name, f.meeting_id, f.occurrence_at,"          \
  " coalesce (o.title, m.title), f.event_id, f.summary, f.owner_id, s.name,"   \
  " f.due_date, f.status, f.done_at, f.created_at"                             \
  " FROM follow_ups f JOIN accounts a ON a.id = f.account_id"                  \
  " LEFT JOIN meetings m ON m.id = f.meeting_id"                               \
  " LEFT JOIN meeting_occurrences o ON o.meeting_id = f.meeting_id"            \
  "   AND o.recurrence_id = f.occurrence_at"                                   \
  " LEFT JOIN staff s ON s.id = f.owner_id"

#define SUBTREE_SQL                                                            \
  "WITH RECURSIVE sub (id) AS (SELECT ?1"                                      \
  "   UNION ALL SELECT c.id FROM accounts c JOIN sub ON c.parent_id = sub.id)"

/* A missing row is an error only where the caller asked for one id.
 * @missing is an untranslated whole sentence with %lld for the id:
 * "No %s with id" around a noun could not be translated. */
static gboolean
not_found (GError     **error,
           const char  *missing,
           gint64       id)
{
  g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND, _(missing), (long long) id);
  return FALSE;
}

static gboolean
changed_one (LiaDatabase  *db,
             const char   *missing,
             gint64        id,
             GError      **error)
{
  if (sqlite3_changes (lia_database_get_handle (db)) == 0)
    return not_found (error, missing, id);
  return TRUE;
}

/* Prepares @sql and binds @id as its only parameter. */
static sqlite3_stmt *
statement_with_id (LiaDatabase  *db,
                   const char   *sql,
                   gint64        id,
                   GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, sql, error);

  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  return stmt;
}

static gboolean
one_with_id (LiaDatabase  *db,
             const char   *sql,
             gint64        id,
             LiaRowFunc    func,
             gpointer      user_data,
             gboolean     *found,
             GError      **error)
{
  sqlite3_stmt *stmt = statement_with_id (db, sql, id, error);

  return stmt != NULL && lia_database_one_row (db, stmt, func, user_data, found, error);
}

static gboolean
each_with_id (LiaDatabase  *db,
              const char   *sql,
              gint64        id,
              LiaRowFunc    func,
              gpointer      user_data,
              GError      **error)
{
  sqlite3_stmt *stmt = statement_with_id (db, sql, id, error);

  return stmt != NULL && lia_database_each_row (db, stmt, func, user_data, error);
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           index,
                   int           value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int (stmt, index, value);
}

/* Meetings ------------------------------------------------------------ */

/* The columns insert and update both write, as ?2…?20. */
static void
bind_meeting (sqlite3_stmt           *stmt,
              const LiaMeetingValues *v)
{
  sqlite3_bind_int64 (stmt, 2, v->account_id);
  sqlite3_bind_int (stmt, 3, v->for_portfolio ? 1 : 0);
  lia_bind_text (stmt, 4, v->title);
  sqlite3_bind_int64 (stmt, 5, v->starts_at);
  sqlite3_bind_int64 (stmt, 6, v->ends_at);
  lia_bind_text (stmt, 7, v->tzid ? v->tzid : "UTC");
  sqlite3_bind_int (stmt, 8, v->all_day ? 1 : 0);
  lia_bind_text (stmt, 9, v->location ? v->location : "");
  lia_bind_text (stmt, 10, v->rrule);
  lia_bind_optional_id (stmt, 11, v->until_at);
  sqlite3_bind_int (stmt, 12, v->is_review ? 1 : 0);
  lia_bind_text (stmt, 13, v->agenda ? v->agenda : "");
  lia_bind_text (stmt, 14, v->minutes ? v->minutes : "");
  lia_bind_text (stmt, 15, v->outcome ? v->outcome : "");
  bind_optional_int (stmt, 16, v->rating);
  lia_bind_text (stmt, 17, v->status ? v->status : "planned");
  lia_bind_optional_id (stmt, 18, v->organizer_id);
  lia_bind_optional_id (stmt, 19, v->contact_event_id);
  sqlite3_bind_int64 (stmt, 20, v->now);
}

gboolean
lia_meeting_store_insert (LiaDatabase             *db,
                          const LiaMeetingValues  *values,
                          gint64                  *out_id,
                          GError                 **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO meetings (uid, account_id, for_portfolio, title, starts_at, ends_at, tzid,"
    "  all_day, location, rrule, until_at, is_review, agenda, minutes, outcome, rating,"
    "  status, organizer_id, contact_event_id, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    "  ?17, ?18, ?19, ?20, ?20)", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, values->uid);
  bind_meeting (stmt, values);
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_meeting_store_update (LiaDatabase             *db,
                          const LiaMeetingValues  *values,
                          GError                 **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE meetings SET account_id = ?2, for_portfolio = ?3, title = ?4, starts_at = ?5,"
    "  ends_at = ?6, tzid = ?7, all_day = ?8, location = ?9, rrule = ?10, until_at = ?11,"
    "  is_review = ?12, agenda = ?13, minutes = ?14, outcome = ?15, rating = ?16,"
    "  status = ?17, organizer_id = ?18, contact_event_id = ?19, updated_at = ?20,"
    "  sequence = sequence + 1"
    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->id);
  bind_meeting (stmt, values);
  return lia_database_step_done (db, stmt, error) &&
         changed_one (db, N_("No meeting with id %lld"), values->id, error);
}

gboolean
lia_meeting_store_delete (LiaDatabase  *db,
                          gint64        id,
                          GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, "DELETE FROM meetings WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_meeting_store_set_sequence (LiaDatabase  *db,
                                gint64        id,
                                gint64        sequence,
                                GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE meetings SET sequence = CASE WHEN ?2 < 0 THEN sequence + 1 ELSE ?2 END"
    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, sequence);
  return lia_database_step_done (db, stmt, error) &&
         changed_one (db, N_("No meeting with id %lld"), id, error);
}

gboolean
lia_meeting_store_get (LiaDatabase  *db,
                       gint64        id,
                       LiaRowFunc    func,
                       gpointer      user_data,
                       GError      **error)
{
  gboolean found = FALSE;

  if (!one_with_id (db, "SELECT " MEETING_COLUMNS MEETING_FROM " WHERE m.id = ?",
                    id, func, user_data, &found, error))
    return FALSE;
  return found || not_found (error, N_("No meeting with id %lld"), id);
}

gboolean
lia_meeting_store_get_by_uid (LiaDatabase  *db,
                              const char   *uid,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " MEETING_COLUMNS MEETING_FROM " WHERE m.uid = ?", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, uid);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* Range queries ------------------------------------------------------- */

/* What a calendar shows of a series, in the columns of a meeting row:
 * no UID, agenda, minutes or outcome, nor the bookkeeping after status
 * (lia_meeting_store_get() reads a whole row). */
#define RANGE_COLUMNS                                                          \
  "m.id, NULL, m.account_id, a.name, m.for_portfolio, m.title, m.starts_at,"  \
  " m.ends_at, m.tzid, m.all_day, m.location, m.rrule, m.until_at,"           \
  " m.is_review, '', '', '', NULL, m.status, NULL, 0, NULL, 0, 0"

/* Account names from the index that holds them beside the id: the
 * accounts' own rows, scattered over the file, cost a page read each. */
#define RANGE_ACCOUNT " JOIN accounts a INDEXED BY accounts_names ON a.id = m.account_id"
#define RANGE_FROM    " FROM meetings m" RANGE_ACCOUNT

/* Whether a meeting has an occurrence that may start in [:from, :to)
 * as its series gives it. A single meeting's until_at is its start. */
#define RANGE_MAY_START                                                        \
  "(m.starts_at < :to AND ((m.rrule IS NULL AND m.starts_at >= :from)"        \
  "  OR (m.rrule IS NOT NULL AND (m.until_at IS NULL OR m.until_at >= :from))))"

/* Every account: single meetings and series each from their own
 * partial index by start, which holds all the columns above (a month's
 * thousands need not touch the table), and the few series with an
 * occurrence moved into the range but none starting there. */
#define RANGE_SERIES_ALL                                                       \
  "SELECT " RANGE_COLUMNS " FROM meetings m INDEXED BY meetings_range" RANGE_ACCOUNT \
  " WHERE m.starts_at >= :from AND m.starts_at < :to AND m.rrule IS NULL"      \
  " UNION ALL SELECT " RANGE_COLUMNS " FROM meetings m INDEXED BY meetings_series" RANGE_ACCOUNT \
  " WHERE m.rrule IS NOT NULL AND m.starts_at < :to"                           \
  "   AND (m.until_at IS NULL OR m.until_at >= :from)"                         \
  " UNION ALL SELECT " RANGE_COLUMNS RANGE_FROM                                \
  " WHERE m.id IN (SELECT meeting_id FROM meeting_occurrences"                 \
  "                WHERE starts_at >= :from AND starts_at < :to)"              \
  "   AND NOT " RANGE_MAY_START

/* One account, or its portfolio: its meetings from the account index. */
#define RANGE_IDS_OF(account_match)                                            \
  "WITH RECURSIVE sub (id) AS (SELECT :account"                                \
  "   UNION ALL SELECT c.id FROM accounts c JOIN sub ON c.parent_id = sub.id)," \
  " ids (id) AS ("                                                             \
  "  SELECT m.id FROM meetings m WHERE m.account_id " account_match            \
  "    AND m.starts_at < :to AND (m.until_at IS NULL OR m.until_at >= :from)"  \
  "  UNION SELECT o.meeting_id FROM meeting_occurrences o"                     \
  "  JOIN meetings m ON m.id = o.meeting_id"                                   \
  "  WHERE o.starts_at >= :from AND o.starts_at < :to AND m.account_id " account_match ")"

#define RANGE_SERIES_OF(account_match)                                         \
  RANGE_IDS_OF (account_match) " SELECT " RANGE_COLUMNS RANGE_FROM " WHERE m.id IN ids"

/* What a calendar shows of an exception: not its notes. */
#define RANGE_EXCEPTION_COLUMNS                                                \
  "o.id, o.meeting_id, o.recurrence_id, o.starts_at, o.ends_at, o.cancelled," \
  " o.title, o.location, NULL, NULL, NULL, o.rating, o.status,"               \
  " o.contact_event_id"

/* Only exceptions of occurrences the range can show count: those the
 * series gives in it and those moved into it; each of the two indexes
 * finds its own. Over every account, rows of series not read are
 * passed over by the model. */
#define RANGE_EXCEPTIONS_IN                                                    \
  " FROM meeting_occurrences o"                                                \
  " WHERE ((o.recurrence_id >= :from AND o.recurrence_id < :to)"               \
  "        OR (o.starts_at >= :from AND o.starts_at < :to))"

#define RANGE_EXCEPTIONS_ALL                                                   \
  "SELECT " RANGE_EXCEPTION_COLUMNS RANGE_EXCEPTIONS_IN                        \
  " ORDER BY o.meeting_id, o.recurrence_id"

#define RANGE_EXCEPTIONS_OF(account_match)                                     \
  RANGE_IDS_OF (account_match) " SELECT " RANGE_EXCEPTION_COLUMNS             \
  RANGE_EXCEPTIONS_IN " AND +o.meeting_id IN ids ORDER BY o.meeting_id, o.recurrence_id"

static const char * const range_series_sql[] = {
  RANGE_SERIES_ALL,
  RANGE_SERIES_OF ("= :account"),
  RANGE_SERIES_OF ("IN sub"),
};

static const char * const range_exceptions_sql[] = {
  RANGE_EXCEPTIONS_ALL,
  RANGE_EXCEPTIONS_OF ("= :account"),
  RANGE_EXCEPTIONS_OF ("IN sub"),
};

const char *
lia_meeting_store_range_sql (void)
{
  return range_series_sql[0];
}

const char *
lia_meeting_store_range_exceptions_sql (void)
{
  return range_exceptions_sql[0];
}

/* Binds what @stmt names of :from, :to, :account and :meeting. */
static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static gboolean
run_range (LiaDatabase            *db,
           const char * const     *shapes,
           const LiaMeetingRange  *range,
           LiaRowFunc              func,
           gpointer                user_data,
           GError                **error)
{
  guint shape = range->account_id == 0 ? 0 : range->with_subsidiaries ? 2 : 1;
  sqlite3_stmt *stmt = lia_database_get_statement (db, shapes[shape], error);

  if (stmt == NULL)
    return FALSE;

  bind_named (stmt, ":from", range->from);
  bind_named (stmt, ":to", range->to);
  bind_named (stmt, ":account", range->account_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_meeting_store_range (LiaDatabase            *db,
                         const LiaMeetingRange  *range,
                         LiaRowFunc              func,
                         gpointer                user_data,
                         GError                **error)
{
  return run_range (db, range_series_sql, range, func, user_data, error);
}

gboolean
lia_meeting_store_range_exceptions (LiaDatabase            *db,
                                    const LiaMeetingRange  *range,
                                    LiaRowFunc              func,
                                    gpointer                user_data,
                                    GError                **error)
{
  return run_range (db, range_exceptions_sql, range, func, user_data, error);
}

/* Exports ------------------------------------------------------------- */

/* What an export writes of a meeting, in the columns of a meeting row;
 * the account's number comes from lia_meeting_store_list_accounts(): a
 * join would read an account row for every meeting. */
#define EXPORT_COLUMNS                                                         \
  "m.id, m.uid, m.account_id, NULL, m.for_portfolio, m.title, m.starts_at,"   \
  " m.ends_at, m.tzid, m.all_day, m.location, m.rrule, NULL, m.is_review,"    \
  " m.agenda, m.minutes, m.outcome, m.rating, m.status, m.organizer_id,"      \
  " m.sequence, NULL, NULL, NULL"

/* Each export reads every meeting, the meetings of :account, or meeting
 * :meeting. */
typedef enum
{
  EXPORT_ALL,
  EXPORT_ACCOUNT,
  EXPORT_MEETING,
} ExportShape;

static const char * const export_meetings_sql[] = {
  [EXPORT_ALL] = "SELECT " EXPORT_COLUMNS " FROM meetings m ORDER BY m.id",
  [EXPORT_ACCOUNT] = "SELECT " EXPORT_COLUMNS " FROM meetings m"
                     " WHERE m.account_id = :account ORDER BY m.id",
  [EXPORT_MEETING] = "SELECT " EXPORT_COLUMNS " FROM meetings m"
                     " WHERE m.id = :meeting AND (:account = 0 OR m.account_id = :account)",
};

static const char * const export_exceptions_sql[] = {
  [EXPORT_ALL] = "SELECT " EXCEPTION_COLUMNS " FROM meeting_occurrences o"
                 " ORDER BY o.meeting_id, o.recurrence_id",
  [EXPORT_ACCOUNT] = "SELECT " EXCEPTION_COLUMNS " FROM meeting_occurrences o"
                     " WHERE o.meeting_id IN (SELECT id FROM meetings WHERE account_id = :account)"
                     " ORDER BY o.meeting_id, o.recurrence_id",
  [EXPORT_MEETING] = "SELECT " EXCEPTION_COLUMNS " FROM meeting_occurrences o"
                     " WHERE o.meeting_id = :meeting ORDER BY o.recurrence_id",
};

/* The copies of names and addresses: no row of contacts or staff read. */
#define EXPORT_ATTENDEES                                                       \
  "SELECT t.meeting_id, t.contact_id, t.staff_id, t.name, t.email FROM meeting_attendees t"

static const char * const export_attendees_sql[] = {
  [EXPORT_ALL] = EXPORT_ATTENDEES " ORDER BY t.meeting_id, t.id",
  [EXPORT_ACCOUNT] = EXPORT_ATTENDEES
                     " WHERE t.meeting_id IN (SELECT id FROM meetings WHERE account_id = :account)"
                     " ORDER BY t.meeting_id, t.id",
  [EXPORT_MEETING] = EXPORT_ATTENDEES " WHERE t.meeting_id = :meeting ORDER BY t.id",
};

static sqlite3_stmt *
export_statement (LiaDatabase         *db,
                  const char * const  *shapes,
                  gint64               account_id,
                  gint64               meeting_id,
                  GError             **error)
{
  ExportShape shape = meeting_id != 0 ? EXPORT_MEETING : account_id != 0 ? EXPORT_ACCOUNT : EXPORT_ALL;
  sqlite3_stmt *stmt = lia_database_get_statement (db, shapes[shape], error);

  if (stmt != NULL)
    {
      bind_named (stmt, ":account", account_id);
      bind_named (stmt, ":meeting", meeting_id);
    }
  return stmt;
}

static gboolean
run_export (LiaDatabase         *db,
            const char * const  *shapes,
            gint64               account_id,
            gint64               meeting_id,
            LiaRowFunc           func,
            gpointer             user_data,
            GError             **error)
{
  sqlite3_stmt *stmt = export_statement (db, shapes, account_id, meeting_id, error);

  return stmt != NULL && lia_database_each_row (db, stmt, func, user_data, error);
}

/* Steps @stmt, ordered by meeting id in @column, over the rows of
 * meetings up to @meeting_id, handing those of @meeting_id to @func. */
static int
catch_up (sqlite3_stmt *stmt,
          int           rc,
          int           column,
          gint64        meeting_id,
          LiaRowFunc    func,
          gpointer      user_data)
{
  gint64 id;

  for (; rc == SQLITE_ROW && (id = sqlite3_column_int64 (stmt, column)) <= meeting_id; rc = sqlite3_step (stmt))
    if (id == meeting_id)
      func ((LiaRow *)stmt, user_data);
  return rc;
}

gboolean
lia_meeting_store_export (LiaDatabase                  *db,
                          gint64                        account_id,
                          gint64                        meeting_id,
                          const LiaMeetingExportFuncs  *funcs,
                          gpointer                      user_data,
                          GError                      **error)
{
  static const char * const * const shapes[] = {
    export_meetings_sql, export_exceptions_sql, export_attendees_sql,
  };
  sqlite3_stmt *stmts[G_N_ELEMENTS (shapes)] = { NULL, };
  int rc[G_N_ELEMENTS (shapes)] = { SQLITE_DONE, SQLITE_DONE, SQLITE_DONE };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (shapes); i++)
    ok = (stmts[i] = export_statement (db, shapes[i], account_id, meeting_id, error)) != NULL;

  if (ok)
    {
      rc[1] = sqlite3_step (stmts[1]);
      rc[2] = sqlite3_step (stmts[2]);
    }
  /* The three in meeting order, as a merge: one meeting at a time. */
  while (ok && (rc[0] = sqlite3_step (stmts[0])) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmts[0], LIA_MEETING_COLUMN_ID);

      funcs->meeting ((LiaRow *)stmts[0], user_data);
      rc[1] = catch_up (stmts[1], rc[1], LIA_EXCEPTION_COLUMN_MEETING_ID, id, funcs->exception, user_data);
      rc[2] = catch_up (stmts[2], rc[2], LIA_ATTENDEE_COLUMN_MEETING_ID, id, funcs->attendee, user_data);
      if (!funcs->done (user_data))
        {
          rc[0] = SQLITE_DONE;
          break;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    {
      if (stmts[i] != NULL)
        sqlite3_reset (stmts[i]);
      if (ok && rc[i] != SQLITE_ROW && rc[i] != SQLITE_DONE)
        {
          lia_database_set_error (db, rc[i], error, "meetings for an export");
          ok = FALSE;
        }
    }
  return ok;
}

gboolean
lia_meeting_store_list_accounts (LiaDatabase  *db,
                                 gint64        account_id,
                                 gint64        meeting_id,
                                 LiaRowFunc    func,
                                 gpointer      user_data,
                                 GError      **error)
{
  static const char * const shapes[] = {
    [EXPORT_ALL] = "SELECT id, number FROM accounts ORDER BY id",
    [EXPORT_ACCOUNT] = "SELECT id, number FROM accounts WHERE id = :account",
    [EXPORT_MEETING] = "SELECT a.id, a.number FROM accounts a"
                       " WHERE a.id = (SELECT account_id FROM meetings WHERE id = :meeting)",
  };

  return run_export (db, shapes, account_id, meeting_id, func, user_data, error);
}

/* In the order their first meetings have them. */
gboolean
lia_meeting_store_list_zones (LiaDatabase  *db,
                              gint64        account_id,
                              gint64        meeting_id,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  static const char * const shapes[] = {
    [EXPORT_ALL] = "SELECT tzid FROM meetings WHERE NOT all_day GROUP BY tzid ORDER BY min (id)",
    [EXPORT_ACCOUNT] = "SELECT tzid FROM meetings WHERE account_id = :account AND NOT all_day"
                       " GROUP BY tzid ORDER BY min (id)",
    [EXPORT_MEETING] = "SELECT tzid FROM meetings WHERE id = :meeting AND NOT all_day"
                       " AND (:account = 0 OR account_id = :account)",
  };

  return run_export (db, shapes, account_id, meeting_id, func, user_data, error);
}

/* Exceptions ---------------------------------------------------------- */

gboolean
lia_meeting_store_exceptions (LiaDatabase  *db,
                              gint64        meeting_id,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  return each_with_id (db,
    "SELECT " EXCEPTION_COLUMNS " FROM meeting_occurrences o"
    " WHERE o.meeting_id = ? ORDER BY o.recurrence_id", meeting_id, func, user_data, error);
}

gboolean
lia_meeting_store_put_exception (LiaDatabase               *db,
                                 const LiaExceptionValues  *v,
                                 GError                   **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO meeting_occurrences (meeting_id, recurrence_id, starts_at, ends_at, cancelled,"
    "  title, location, agenda, minutes, outcome, rating, status, contact_event_id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    " ON CONFLICT (meeting_id, recurrence_id) DO UPDATE SET"
    "  starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
    "  cancelled = excluded.cancelled, title = excluded.title, location = excluded.location,"
    "  agenda = excluded.agenda, minutes = excluded.minutes, outcome = excluded.outcome,"
    "  rating = excluded.rating, status = excluded.status,"
    "  contact_event_id = excluded.contact_event_id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, v->meeting_id);
  sqlite3_bind_int64 (stmt, 2, v->recurrence_id);
  lia_bind_optional_id (stmt, 3, v->starts_at);
  lia_bind_optional_id (stmt, 4, v->starts_at ? v->ends_at : 0);
  sqlite3_bind_int (stmt, 5, v->cancelled ? 1 : 0);
  lia_bind_text (stmt, 6, v->title);
  lia_bind_text (stmt, 7, v->location);
  lia_bind_text (stmt, 8, v->agenda);
  lia_bind_text (stmt, 9, v->minutes);
  lia_bind_text (stmt, 10, v->outcome);
  bind_optional_int (stmt, 11, v->rating);
  lia_bind_text (stmt, 12, v->status);
  lia_bind_optional_id (stmt, 13, v->contact_event_id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_meeting_store_delete_exception (LiaDatabase  *db,
                                    gint64        meeting_id,
                                    gint64        recurrence_id,
                                    GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "DELETE FROM meeting_occurrences WHERE meeting_id = ? AND recurrence_id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, recurrence_id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_meeting_store_move_exception (LiaDatabase  *db,
                                  gint64        id,
                                  gint64        meeting_id,
                                  gint64        recurrence_id,
                                  gint64        starts_at,
                                  gint64        ends_at,
                                  GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE meeting_occurrences SET meeting_id = ?2, recurrence_id = ?3,"
    "  starts_at = ?4, ends_at = ?5 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  sqlite3_bind_int64 (stmt, 3, recurrence_id);
  lia_bind_optional_id (stmt, 4, starts_at);
  lia_bind_optional_id (stmt, 5, starts_at ? ends_at : 0);
  return lia_database_step_done (db, stmt, error) &&
         changed_one (db, N_("No meeting occurrence with id %lld"), id, error);
}

/* Attendees ----------------------------------------------------------- */

gboolean
lia_meeting_store_attendees (LiaDatabase  *db,
                             gint64        meeting_id,
                             LiaRowFunc    func,
                             gpointer      user_data,
                             GError      **error)
{
  return each_with_id (db, ATTENDEE_SELECT " WHERE t.meeting_id = ? ORDER BY t.id",
                       meeting_id, func, user_data, error);
}

gboolean
lia_meeting_store_clear_attendees (LiaDatabase  *db,
                                   gint64        meeting_id,
                                   GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "DELETE FROM meeting_attendees WHERE meeting_id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_meeting_store_add_attendee (LiaDatabase  *db,
                                gint64        meeting_id,
                                gint64        contact_id,
                                gint64        staff_id,
                                const char   *name,
                                const char   *email,
                                GError      **error)
{
  /* With ATTENDEE_SELECT's choice of name and address, kept up to date
   * by the triggers of schema 5. */
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO meeting_attendees (meeting_id, contact_id, staff_id, name, email)"
    " SELECT ?1, ?2, ?3,"
    "  coalesce ((SELECT name FROM contacts WHERE id = ?2), (SELECT name FROM staff WHERE id = ?3), ?4),"
    "  coalesce ((SELECT nullif (email, '') FROM contacts WHERE id = ?2),"
    "            (SELECT nullif (email, '') FROM staff WHERE id = ?3), ?5)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  lia_bind_optional_id (stmt, 2, contact_id);
  lia_bind_optional_id (stmt, 3, staff_id);
  lia_bind_text (stmt, 4, name ? name : "");
  lia_bind_text (stmt, 5, email ? email : "");
  return lia_database_step_done (db, stmt, error);
}

/* Reviews ------------------------------------------------------------- */

gboolean
lia_meeting_store_review_series (LiaDatabase  *db,
                                 gint64        account_id,
                                 gint64        after,
                                 LiaRowFunc    func,
                                 gpointer      user_data,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " MEETING_COLUMNS MEETING_FROM
    " WHERE m.account_id = ?1 AND m.is_review"
    "   AND (m.until_at IS NULL OR m.until_at >= ?2"
    "        OR EXISTS (SELECT 1 FROM meeting_occurrences o"
    "                   WHERE o.meeting_id = m.id AND o.starts_at >= ?2))"
    " ORDER BY m.starts_at, m.id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, after);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_meeting_store_set_next_review (LiaDatabase  *db,
                                   gint64        account_id,
                                   gint64        next_review_at,
                                   GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE accounts SET next_review_at = ?2 WHERE id = ?1"
    " AND next_review_at IS NOT ?2", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  lia_bind_optional_id (stmt, 2, next_review_at);
  return lia_database_step_done (db, stmt, error);
}

/* A single meeting is held on its own row, an occurrence of a series on
 * its exception (or, for all of them, on the series). */
gboolean
lia_meeting_store_update_last_review (LiaDatabase  *db,
                                      gint64        account_id,
                                      GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE accounts SET last_review_at = ("
    "  SELECT max (held) FROM ("
    "    SELECT coalesce (o.starts_at, o.recurrence_id) AS held"
    "    FROM meetings m JOIN meeting_occurrences o ON o.meeting_id = m.id"
    "    WHERE m.account_id = ?1 AND m.is_review AND m.rrule IS NOT NULL"
    "      AND NOT o.cancelled AND coalesce (o.status, m.status) = 'held'"
    "    UNION ALL SELECT m.starts_at FROM meetings m"
    "    WHERE m.account_id = ?1 AND m.is_review AND m.rrule IS NULL AND m.status = 'held'))"
    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_meeting_store_stale_reviews (LiaDatabase  *db,
                                 gint64        now,
                                 LiaRowFunc    func,
                                 gpointer      user_data,
                                 GError      **error)
{
  return each_with_id (db,
    "SELECT id FROM accounts INDEXED BY accounts_next_review"
    " WHERE next_review_at IS NOT NULL AND next_review_at < ?", now, func, user_data, error);
}

gboolean
lia_meeting_store_review_cadence (LiaDatabase  *db,
                                  gint64        account_id,
                                  guint        *out_cadence_days,
                                  gint64       *out_last_review_at,
                                  GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    SUBTREE_SQL
    " SELECT g.review_cadence_days, (SELECT max (m.last_review_at) FROM accounts m"
    "                                WHERE m.id IN sub)"
    " FROM accounts a JOIN segments g ON g.id = a.segment_id WHERE a.id = ?1", error);
  int rc;

  *out_cadence_days = 0;
  *out_last_review_at = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *out_cadence_days = (guint)sqlite3_column_int64 (stmt, 0);
      *out_last_review_at = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return not_found (error, N_("No account with id %lld"), account_id);
  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "review cadence");
      return FALSE;
    }
  return TRUE;
}

/* A group reviewed anywhere is reviewed: the latest review held and the
 * next one planned over its members (root_id), as coverage does. With no
 * review held yet, the cadence counts from now. */
gboolean
lia_meeting_store_reviews_due (LiaDatabase  *db,
                               gint64        now,
                               LiaRowFunc    func,
                               gpointer      user_data,
                               GError      **error)
{
  return each_with_id (db,
    "WITH units (id, cadence, last_review, next_review) AS ("
    "  SELECT a.id, g.review_cadence_days,"
    "    (SELECT max (m.last_review_at) FROM accounts m WHERE m.root_id = a.id),"
    "    (SELECT min (m.next_review_at) FROM accounts m"
    "     WHERE m.root_id = a.id AND m.next_review_at >= ?1)"
    "  FROM segments g CROSS JOIN accounts a ON a.segment_id = g.id"
    "  WHERE g.review_cadence_days IS NOT NULL"
    "    AND a.parent_id IS NULL AND a.state <> 'closed'),"
    " due (id, cadence, last_review, next_review, due_at) AS ("
    "  SELECT id, cadence, last_review, next_review,"
    "    coalesce (last_review, ?1) + cadence * 86400 FROM units)"
    " SELECT " LIA_ACCOUNT_COLUMNS ", r.cadence, r.last_review, r.due_at"
    " FROM due r JOIN accounts a ON a.id = r.id" LIA_ACCOUNT_STAFF_JOINS
    " WHERE r.next_review IS NULL OR r.next_review > r.due_at"
    " ORDER BY r.due_at, a.id", now, func, user_data, error);
}

/* Follow-ups ---------------------------------------------------------- */

/* The columns insert and update both write, as ?2…?8. */
static void
bind_follow_up (sqlite3_stmt            *stmt,
                const LiaFollowUpValues *v)
{
  sqlite3_bind_int64 (stmt, 2, v->account_id);
  lia_bind_optional_id (stmt, 3, v->meeting_id);
  lia_bind_optional_id (stmt, 4, v->meeting_id ? v->occurrence_at : 0);
  lia_bind_optional_id (stmt, 5, v->event_id);
  lia_bind_text (stmt, 6, v->summary);
  lia_bind_optional_id (stmt, 7, v->owner_id);
  lia_bind_text (stmt, 8, v->due_date);
}

gboolean
lia_follow_up_store_insert (LiaDatabase              *db,
                            const LiaFollowUpValues  *values,
                            gint64                   *out_id,
                            GError                  **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO follow_ups (account_id, meeting_id, occurrence_at, event_id, summary,"
    "  owner_id, due_date, status, done_at, created_at)"
    " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);

  if (stmt == NULL)
    return FALSE;

  bind_follow_up (stmt, values);
  lia_bind_text (stmt, 9, values->status ? values->status : "open");
  lia_bind_optional_id (stmt, 10, values->done_at);
  sqlite3_bind_int64 (stmt, 11, values->created_at);
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_follow_up_store_update (LiaDatabase              *db,
                            const LiaFollowUpValues  *values,
                            GError                  **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE follow_ups SET account_id = ?2, meeting_id = ?3, occurrence_at = ?4,"
    "  event_id = ?5, summary = ?6, owner_id = ?7, due_date = ?8 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->id);
  bind_follow_up (stmt, values);
  return lia_database_step_done (db, stmt, error) &&
         changed_one (db, N_("No follow-up with id %lld"), values->id, error);
}

gboolean
lia_follow_up_store_set_status (LiaDatabase  *db,
                                gint64        id,
                                const char   *status,
                                gint64        done_at,
                                GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE follow_ups SET status = ?2, done_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  lia_bind_text (stmt, 2, status);
  lia_bind_optional_id (stmt, 3, done_at);
  return lia_database_step_done (db, stmt, error) &&
         changed_one (db, N_("No follow-up with id %lld"), id, error);
}

gboolean
lia_follow_up_store_set_meeting (LiaDatabase  *db,
                                 gint64        id,
                                 gint64        meeting_id,
                                 gint64        occurrence_at,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE follow_ups SET meeting_id = ?2, occurrence_at = ?3 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  lia_bind_optional_id (stmt, 2, meeting_id);
  lia_bind_optional_id (stmt, 3, occurrence_at);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_follow_up_store_get (LiaDatabase  *db,
                         gint64        id,
                         LiaRowFunc    func,
                         gpointer      user_data,
                         GError      **error)
{
  gboolean found = FALSE;

  if (!one_with_id (db, FOLLOW_UP_SELECT " WHERE f.id = ?", id, func, user_data, &found, error))
    return FALSE;
  return found || not_found (error, N_("No follow-up with id %lld"), id);
}

/* Everyone's read the partial index of open ones in due order; one
 * owner's read theirs. */
gboolean
lia_follow_up_store_open (LiaDatabase  *db,
                          gint64        owner_id,
                          LiaRowFunc    func,
                          gpointer      user_data,
                          GError      **error)
{
  if (owner_id == 0)
    return each_with_id (db,
      FOLLOW_UP_SELECT " WHERE f.status = 'open' AND ?1 = 0 ORDER BY f.due_date, f.id",
      owner_id, func, user_data, error);

  return each_with_id (db,
    FOLLOW_UP_SELECT " WHERE f.owner_id = ?1 AND f.status = 'open' ORDER BY f.due_date, f.id",
    owner_id, func, user_data, error);
}

gboolean
lia_follow_up_store_for_meeting (LiaDatabase  *db,
                                 gint64        meeting_id,
                                 gint64        occurrence_at,
                                 LiaRowFunc    func,
                                 gpointer      user_data,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    FOLLOW_UP_SELECT " WHERE f.meeting_id = ?1 AND (?2 = 0 OR f.occurrence_at = ?2)"
    " ORDER BY f.due_date, f.id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, occurrence_at);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_follow_up_store_for_event (LiaDatabase  *db,
                               gint64        event_id,
                               LiaRowFunc    func,
                               gpointer      user_data,
                               GError      **error)
{
  return each_with_id (db, FOLLOW_UP_SELECT " WHERE f.event_id = ? ORDER BY f.due_date, f.id",
                       event_id, func, user_data, error);
}

gboolean
lia_follow_up_store_count_overdue (LiaDatabase  *db,
                                   gint64        owner_id,
                                   const char   *today,
                                   guint        *out_count,
                                   GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, owner_id == 0
    ? "SELECT count (*) FROM follow_ups INDEXED BY follow_ups_open"
      " WHERE status = 'open' AND due_date < ?2 AND ?1 = 0"
    : "SELECT count (*) FROM follow_ups"
      " WHERE owner_id = ?1 AND status = 'open' AND due_date < ?2", error);
  int rc;

  *out_count = 0;
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  lia_bind_text (stmt, 2, today);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_count = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "overdue follow-ups");
      return FALSE;
    }
  return TRUE;
}
