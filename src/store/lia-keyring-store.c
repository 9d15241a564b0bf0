/* lia-keyring-store.c — SQL for what the book knows of the keyring: its
 * own id and data-key check (book_meta) and credentials' metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-keyring-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-database-private.h"
#include "lia-keyring-store.h"

#define CREDENTIAL_COLUMNS                                                     \
  "c.id, c.account_id, a.name, c.label, c.kind, c.username, c.url, c.notes,"  \
  " c.created_at, c.updated_at, c.rotated_at, c.rotation_days, c.rotate_by"

#define CREDENTIAL_FROM " FROM credentials c JOIN accounts a ON a.id = c.account_id"

typedef struct
{
  char *book_id;
  char *check;
} Meta;

static void
read_meta (LiaRow   *row,
           gpointer  user_data)
{
  Meta *meta = user_data;

  meta->book_id = g_strdup (lia_row_get_string (row, 0));
  meta->check = g_strdup (lia_row_get_string (row, 1));
}

gboolean
lia_book_meta_store_get (LiaDatabase  *db,
                         char        **out_book_id,
                         char        **out_data_key_check,
                         GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT book_id, data_key_check FROM book_meta WHERE id = 1", error);
  Meta meta = { NULL, NULL };

  if (stmt == NULL || !lia_database_each_row (db, stmt, read_meta, &meta, error))
    return FALSE;

  *out_book_id = meta.book_id;
  *out_data_key_check = meta.check;
  return TRUE;
}

/* An UPDATE … WHERE column IS NULL, and whether it changed the row. */
static gboolean
set_once (LiaDatabase  *db,
          const char   *sql,
          const char   *value,
          gboolean     *out_set,
          GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, value);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;
  if (out_set != NULL)
    *out_set = sqlite3_changes (lia_database_get_handle (db)) > 0;
  return TRUE;
}

gboolean
lia_book_meta_store_set_book_id (LiaDatabase  *db,
                                 const char   *book_id,
                                 gboolean     *out_set,
                                 GError      **error)
{
  return set_once (db, "UPDATE book_meta SET book_id = ?1 WHERE id = 1 AND book_id IS NULL",
                   book_id, out_set, error);
}

gboolean
lia_book_meta_store_set_data_key_check (LiaDatabase  *db,
                                        const char   *check,
                                        gboolean     *out_set,
                                        GError      **error)
{
  return set_once (db,
                   "UPDATE book_meta SET data_key_check = ?1 WHERE id = 1 AND data_key_check IS NULL",
                   check, out_set, error);
}

/* One statement, so two programs cannot both win: the check moves from
 * @old_check to @new_check only if it still is @old_check and, when it
 * replaces a key's check, only while nothing is sealed (a value sealed
 * with the old key would become unreadable). */
gboolean
lia_book_meta_store_claim_data_key_check (LiaDatabase  *db,
                                          const char   *old_check,
                                          const char   *new_check,
                                          gboolean     *out_claimed,
                                          GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE book_meta SET data_key_check = ?2 WHERE id = 1 AND data_key_check IS ?1"
    " AND (?1 IS NULL OR NOT EXISTS (SELECT 1 FROM field_values WHERE sealed IS NOT NULL))", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_text (stmt, 1, old_check);
  lia_bind_text (stmt, 2, new_check);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;
  *out_claimed = sqlite3_changes (lia_database_get_handle (db)) > 0;
  return TRUE;
}

/* The columns both insert and update write, as ?2…?8; 0 days binds NULL
 * (the schema allows no zero period). */
static void
bind_values (sqlite3_stmt              *stmt,
             const LiaCredentialValues *v)
{
  lia_bind_text (stmt, 2, v->label);
  lia_bind_text (stmt, 3, v->kind);
  lia_bind_text (stmt, 4, v->username ? v->username : "");
  lia_bind_text (stmt, 5, v->url ? v->url : "");
  lia_bind_text (stmt, 6, v->notes ? v->notes : "");
  lia_bind_optional_id (stmt, 7, v->rotation_days);
  sqlite3_bind_int64 (stmt, 8, v->updated_at);
}

gboolean
lia_credential_store_insert (LiaDatabase                *db,
                             const LiaCredentialValues  *values,
                             gint64                      created_at,
                             GError                    **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO credentials (id, label, kind, username, url, notes, rotation_days,"
    "  updated_at, account_id, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->id);
  bind_values (stmt, values);
  sqlite3_bind_int64 (stmt, 9, values->account_id);
  sqlite3_bind_int64 (stmt, 10, created_at);
  return lia_database_step_done (db, stmt, error);
}

static gboolean
require_changed (LiaDatabase  *db,
                 gint64        id,
                 GError      **error)
{
  if (sqlite3_changes (lia_database_get_handle (db)) > 0)
    return TRUE;

  g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
               _("No credential with id %lld"), (long long) id);
  return FALSE;
}

gboolean
lia_credential_store_update (LiaDatabase                *db,
                             const LiaCredentialValues  *values,
                             GError                    **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE credentials SET label = ?2, kind = ?3, username = ?4, url = ?5, notes = ?6,"
    "  rotation_days = ?7, updated_at = ?8 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, values->id);
  bind_values (stmt, values);
  return lia_database_step_done (db, stmt, error) && require_changed (db, values->id, error);
}

gboolean
lia_credential_store_set_rotated (LiaDatabase  *db,
                                  gint64        id,
                                  gint64        rotated_at,
                                  GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE credentials SET rotated_at = ?2, updated_at = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, rotated_at);
  return lia_database_step_done (db, stmt, error) && require_changed (db, id, error);
}

gboolean
lia_credential_store_delete (LiaDatabase  *db,
                             gint64        id,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "DELETE FROM credentials WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return lia_database_step_done (db, stmt, error) && require_changed (db, id, error);
}

static void
set_true (LiaRow   *row,
          gpointer  user_data)
{
  *(gboolean *)user_data = TRUE;
}

gboolean
lia_credential_store_exists (LiaDatabase  *db,
                             gint64        id,
                             gboolean     *out_exists,
                             GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT 1 FROM credentials WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  *out_exists = FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return lia_database_each_row (db, stmt, set_true, out_exists, error);
}

gboolean
lia_credential_store_get (LiaDatabase  *db,
                          gint64        id,
                          LiaRowFunc    func,
                          gpointer      user_data,
                          GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " CREDENTIAL_COLUMNS CREDENTIAL_FROM " WHERE c.id = ?", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!lia_database_one_row (db, stmt, func, user_data, &found, error))
    return FALSE;

  if (!found)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("No credential with id %lld"), (long long) id);
      return FALSE;
    }
  return TRUE;
}

gboolean
lia_credential_store_for_account (LiaDatabase  *db,
                                  gint64        account_id,
                                  LiaRowFunc    func,
                                  gpointer      user_data,
                                  GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " CREDENTIAL_COLUMNS CREDENTIAL_FROM
    " WHERE c.account_id = ? ORDER BY c.label COLLATE NOCASE, c.id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

static void
read_count (LiaRow   *row,
            gpointer  user_data)
{
  *(gint64 *)user_data = lia_row_get_int64 (row, 0);
}

gint64
lia_credential_store_count_for_account (LiaDatabase  *db,
                                        gint64        account_id,
                                        GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT count(*) FROM credentials WHERE account_id = ?", error);
  gint64 count = 0;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, account_id);
  if (!lia_database_each_row (db, stmt, read_count, &count, error))
    return -1;
  return count;
}

gboolean
lia_credential_store_all (LiaDatabase  *db,
                          LiaRowFunc    func,
                          gpointer      user_data,
                          GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " CREDENTIAL_COLUMNS CREDENTIAL_FROM
    " ORDER BY a.name COLLATE NOCASE, c.label COLLATE NOCASE, c.id", error);

  if (stmt == NULL)
    return FALSE;

  return lia_database_each_row (db, stmt, func, user_data, error);
}

/* A keyring item no row owns may be this book's leftover, or a copy's
 * credential (copies share the book's keyring id) or one another
 * program is adding. This book can explain it when its trail has the
 * credential (added or deleted here), or when the item's account is not
 * one of its accounts. */
gboolean
lia_credential_store_explains (LiaDatabase  *db,
                               gint64        credential_id,
                               gint64        account_id,
                               gboolean     *out_explained,
                               GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT EXISTS (SELECT 1 FROM audit_log WHERE entity = 'credential' AND entity_id = ?1)"
    "    OR NOT EXISTS (SELECT 1 FROM accounts WHERE id = ?2)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, credential_id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_explained = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "orphans");
      return FALSE;
    }
  return TRUE;
}

/* The partial index on rotate_by serves this: only rows with a period. */
gboolean
lia_credential_store_rotation_due (LiaDatabase  *db,
                                   gint64        now,
                                   LiaRowFunc    func,
                                   gpointer      user_data,
                                   GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " CREDENTIAL_COLUMNS CREDENTIAL_FROM
    " WHERE c.rotation_days IS NOT NULL AND c.rotate_by <= ?"
    " ORDER BY c.rotate_by, c.id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, now);
  return lia_database_each_row (db, stmt, func, user_data, error);
}
