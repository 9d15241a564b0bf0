/* lia-field-store.c — SQL for classified fields, and for everything the
 * book holds about one person (a data-subject request)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-field-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-database-private.h"
#include "lia-field-store.h"

#define VALUE_SELECT                                                           \
  "SELECT c.field, c.level, v.row_id, v.plain, v.sealed FROM field_classes c"  \
  " LEFT JOIN field_values v"                                                  \
  "   ON v.entity = c.entity AND v.field = c.field AND v.row_id = ?2"          \
  " WHERE c.entity = ?1"

/* Attendee rows of one person: linked to the contact, or unlinked with
 * one of its addresses (?2, ?3). Staff attendees are never the person. */
#define ATTENDANCE_WHERE                                                       \
  " WHERE t.contact_id = ?1"                                                   \
  "    OR (t.contact_id IS NULL AND t.staff_id IS NULL AND t.email <> ''"      \
  "        AND (t.email = ?2 COLLATE NOCASE OR t.email = ?3 COLLATE NOCASE))"

GBytes *
lia_field_store_row_dup_blob (LiaRow *row,
                              int     column)
{
  sqlite3_stmt *stmt = (sqlite3_stmt *)row;
  const void *data;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  data = sqlite3_column_blob (stmt, column);
  return g_bytes_new (data, sqlite3_column_bytes (stmt, column));
}

/* Binds @id as ?1 and runs @sql, each row to @func. */
static gboolean
each_with_id (LiaDatabase  *db,
              const char   *sql,
              gint64        id,
              LiaRowFunc    func,
              gpointer      user_data,
              GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_field_store_classes (LiaDatabase  *db,
                         const char   *entity,
                         LiaRowFunc    func,
                         gpointer      user_data,
                         GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT field, level, position FROM field_classes WHERE entity = ?"
    " ORDER BY position, field", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, entity);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

static gboolean
no_field (const char  *field,
          GError     **error)
{
  g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
               _("There is no field “%s”"), field);
  return FALSE;
}

gboolean
lia_field_store_set_level (LiaDatabase  *db,
                           const char   *entity,
                           const char   *field,
                           const char   *level,
                           GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE field_classes SET level = ?3 WHERE entity = ?1 AND field = ?2", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, entity);
  lia_bind_text (stmt, 2, field);
  lia_bind_text (stmt, 3, level);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (lia_database_get_handle (db)) == 0)
    return no_field (field, error);
  return TRUE;
}

gboolean
lia_field_store_values (LiaDatabase  *db,
                        const char   *entity,
                        gint64        row_id,
                        LiaRowFunc    func,
                        gpointer      user_data,
                        GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    VALUE_SELECT " ORDER BY c.position, c.field", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, row_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_field_store_value (LiaDatabase  *db,
                       const char   *entity,
                       gint64        row_id,
                       const char   *field,
                       LiaRowFunc    func,
                       gpointer      user_data,
                       GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, VALUE_SELECT " AND c.field = ?3", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, row_id);
  lia_bind_text (stmt, 3, field);
  if (!lia_database_one_row (db, stmt, func, user_data, &found, error))
    return FALSE;
  return found || no_field (field, error);
}

gboolean
lia_field_store_field_values (LiaDatabase  *db,
                              const char   *entity,
                              const char   *field,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT c.field, c.level, v.row_id, v.plain, v.sealed FROM field_values v"
    " JOIN field_classes c ON c.entity = v.entity AND c.field = v.field"
    " WHERE v.entity = ?1 AND v.field = ?2 ORDER BY v.row_id", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, entity);
  lia_bind_text (stmt, 2, field);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_field_store_put (LiaDatabase  *db,
                     const char   *entity,
                     gint64        row_id,
                     const char   *field,
                     const char   *plain,
                     GBytes       *sealed,
                     gint64        updated_at,
                     GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail ((plain == NULL) != (sealed == NULL), FALSE);

  /* An update in place: with secure_delete the old cell is zeroed, so a
   * value re-sealed leaves no clear copy in the page. */
  stmt = lia_database_get_statement (db,
    "INSERT INTO field_values (entity, row_id, field, plain, sealed, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (entity, row_id, field) DO UPDATE"
    " SET plain = excluded.plain, sealed = excluded.sealed, updated_at = excluded.updated_at",
    error);
  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, row_id);
  lia_bind_text (stmt, 3, field);
  lia_bind_text (stmt, 4, plain);
  if (sealed != NULL)
    {
      gsize size = 0;
      gconstpointer data = g_bytes_get_data (sealed, &size);

      sqlite3_bind_blob (stmt, 5, data, (int)size, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, updated_at);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_field_store_clear (LiaDatabase  *db,
                       const char   *entity,
                       gint64        row_id,
                       const char   *field,
                       gboolean     *out_removed,
                       GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "DELETE FROM field_values WHERE entity = ?1 AND row_id = ?2 AND field = ?3", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, row_id);
  lia_bind_text (stmt, 3, field);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;
  if (out_removed)
    *out_removed = sqlite3_changes (lia_database_get_handle (db)) > 0;
  return TRUE;
}

gboolean
lia_field_store_owner (LiaDatabase  *db,
                       const char   *entity,
                       gint64        row_id,
                       gint64       *out_account_id,
                       GError      **error)
{
  gboolean is_account = g_strcmp0 (entity, "account") == 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!is_account && g_strcmp0 (entity, "contact") != 0)
    return no_field (entity, error);

  stmt = lia_database_get_statement (db, is_account ? "SELECT id FROM accounts WHERE id = ?"
                                                    : "SELECT account_id FROM contacts WHERE id = ?",
                                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, row_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_account_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   is_account ? _("No account with id %lld") : _("No contact with id %lld"),
                   (long long) row_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "owner");
      return FALSE;
    }
  return TRUE;
}

/* --- one person ---------------------------------------------------- */

gboolean
lia_person_store_employments (LiaDatabase  *db,
                              gint64        contact_id,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  return each_with_id (db,
    "SELECT e.account_id, a.name, e.role, e.started_at, e.ended_at"
    " FROM contact_employments e JOIN accounts a ON a.id = e.account_id"
    " WHERE e.contact_id = ? ORDER BY e.started_at, e.id",
    contact_id, func, user_data, error);
}

gboolean
lia_person_store_events (LiaDatabase  *db,
                         gint64        contact_id,
                         LiaRowFunc    func,
                         gpointer      user_data,
                         GError      **error)
{
  return each_with_id (db,
    "SELECT e.id, e.kind, e.summary, e.opened_at, a.name"
    " FROM events e JOIN accounts a ON a.id = e.account_id"
    " WHERE e.contact_id = ? ORDER BY e.opened_at, e.id",
    contact_id, func, user_data, error);
}

static void
bind_person (sqlite3_stmt *stmt,
             gint64        contact_id,
             const char   *email,
             const char   *other_email)
{
  sqlite3_bind_int64 (stmt, 1, contact_id);
  /* NULL matches nothing, where "" could match an empty address. */
  lia_bind_text (stmt, 2, email && *email ? email : NULL);
  lia_bind_text (stmt, 3, other_email && *other_email ? other_email : NULL);
}

gboolean
lia_person_store_attendances (LiaDatabase  *db,
                              gint64        contact_id,
                              const char   *email,
                              const char   *other_email,
                              LiaRowFunc    func,
                              gpointer      user_data,
                              GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT m.id, m.title, m.starts_at, t.name, t.email"
    " FROM meeting_attendees t JOIN meetings m ON m.id = t.meeting_id"
    ATTENDANCE_WHERE " ORDER BY m.starts_at, m.id", error);

  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, contact_id, email, other_email);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_person_store_audit (LiaDatabase  *db,
                        gint64        contact_id,
                        LiaRowFunc    func,
                        gpointer      user_data,
                        GError      **error)
{
  return each_with_id (db,
    "SELECT id, field, old_value, new_value, actor, changed_at FROM audit_log"
    " WHERE entity = 'contact' AND entity_id = ? ORDER BY changed_at, id",
    contact_id, func, user_data, error);
}

static gboolean
run_with_id (LiaDatabase  *db,
             const char   *sql,
             gint64        id,
             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return lia_database_step_done (db, stmt, error);
}

/* Deleting the contact would keep the attendees' copies of its name and
 * address (the foreign key only sets contact_id NULL): they go first. */
static gboolean
delete_attendances (LiaDatabase  *db,
                    gint64        contact_id,
                    const char   *email,
                    const char   *other_email,
                    GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "DELETE FROM meeting_attendees AS t" ATTENDANCE_WHERE, error);

  if (stmt == NULL)
    return FALSE;

  bind_person (stmt, contact_id, email, other_email);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_person_store_erase (LiaDatabase  *db,
                        gint64        contact_id,
                        const char   *email,
                        const char   *other_email,
                        GError      **error)
{
  g_return_val_if_fail (lia_database_in_transaction (db), FALSE);

  if (!delete_attendances (db, contact_id, email, other_email, error) ||
      !run_with_id (db, "UPDATE events SET contact_id = NULL WHERE contact_id = ?", contact_id, error) ||
      !run_with_id (db, "DELETE FROM field_values WHERE entity = 'contact' AND row_id = ?",
                    contact_id, error) ||
      !run_with_id (db, "DELETE FROM contact_employments WHERE contact_id = ?", contact_id, error) ||
      !run_with_id (db, "DELETE FROM contacts WHERE id = ?", contact_id, error))
    return FALSE;

  if (sqlite3_changes (lia_database_get_handle (db)) == 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("No contact with id %lld"), (long long) contact_id);
      return FALSE;
    }

  /* The one update the trail allows: both values blanked, once the
   * contact is gone and an erasure of it is on the trail after them. */
  return run_with_id (db, "UPDATE audit_log SET old_value = NULL, new_value = NULL"
                          " WHERE entity = 'contact' AND entity_id = ?"
                          " AND (old_value IS NOT NULL OR new_value IS NOT NULL)",
                      contact_id, error);
}

/* Lines about @field of @entity lose their values: written while it was
 * public or internal, they held its texts. The trail allows it while
 * the field is confidential; the markers of confidential edits, which
 * hold no text, stay. */
gboolean
lia_field_store_blank_audit (LiaDatabase  *db,
                             const char   *entity,
                             const char   *field,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE audit_log SET old_value = NULL, new_value = NULL"
    " WHERE entity = ?1 AND field = ?2"
    " AND (old_value IS NOT NULL OR new_value IS NOT NULL)"
    " AND NOT (old_value IS NULL AND new_value IN ('(set)', '(cleared)'))", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, entity);
  lia_bind_text (stmt, 2, field);
  return lia_database_step_done (db, stmt, error);
}

/* Whether any value of the book is sealed: a book that holds no
 * ciphertext loses nothing when it is given a new data key. */
gboolean
lia_field_store_has_sealed (LiaDatabase  *db,
                            gboolean     *out_has_sealed,
                            GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT EXISTS (SELECT 1 FROM field_values WHERE sealed IS NOT NULL)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_has_sealed = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "sealed values");
      return FALSE;
    }
  return TRUE;
}

gboolean
lia_person_store_optimize_search (LiaDatabase  *db,
                                  GError      **error)
{
  return lia_database_exec (db, "INSERT INTO account_fts (account_fts) VALUES ('optimize')", error);
}
