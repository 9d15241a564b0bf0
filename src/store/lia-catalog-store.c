/* lia-catalog-store.c — SQL for the reference data: staff, segments, plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-catalog-store"

#include "config.h"

#include "lia-catalog-store.h"
#include "lia-database-private.h"

gboolean
lia_catalog_store_add_staff (LiaDatabase  *db,
                             const char   *name,
                             const char   *role,
                             const char   *email,
                             gint64       *out_id,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO staff (name, role, email) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, name);
  lia_bind_text (stmt, 2, role ? role : "account-manager");
  lia_bind_text (stmt, 3, email ? email : "");
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_catalog_store_staff (LiaDatabase  *db,
                         LiaRowFunc    func,
                         gpointer      user_data,
                         GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id, name, role, email, active FROM staff ORDER BY name COLLATE NOCASE, id", error);

  if (stmt == NULL)
    return FALSE;

  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* Sets *@out_id to 0 when nobody has that name. */
gboolean
lia_catalog_store_staff_by_name (LiaDatabase  *db,
                                 const char   *name,
                                 gint64       *out_id,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id FROM staff WHERE name = ? COLLATE NOCASE ORDER BY active DESC, id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  *out_id = 0;
  lia_bind_text (stmt, 1, name);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lia_database_set_error (db, rc, error, "staff");
      return FALSE;
    }

  return TRUE;
}

gboolean
lia_catalog_store_update_staff (LiaDatabase  *db,
                                gint64        id,
                                const char   *name,
                                const char   *role,
                                const char   *email,
                                gboolean      active,
                                GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE staff SET name = ?, role = ?, email = ?, active = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, name);
  lia_bind_text (stmt, 2, role);
  lia_bind_text (stmt, 3, email ? email : "");
  sqlite3_bind_int (stmt, 4, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_catalog_store_segments (LiaDatabase  *db,
                            LiaRowFunc    func,
                            gpointer      user_data,
                            GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id, name, contact_cadence_days, requires_manager FROM segments"
    " ORDER BY position, id", error);

  if (stmt == NULL)
    return FALSE;

  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_catalog_store_service_plans (LiaDatabase  *db,
                                 LiaRowFunc    func,
                                 gpointer      user_data,
                                 GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT id, name FROM service_plans ORDER BY position, id", error);

  if (stmt == NULL)
    return FALSE;

  return lia_database_each_row (db, stmt, func, user_data, error);
}
