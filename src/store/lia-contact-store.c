/* lia-contact-store.c — SQL for an account's contacts and inquiries
 * (inquiries are events of kind 'inquiry' since schema 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-contact-store.h"
#include "lia-database-private.h"

#define CONTACT_COLUMNS \
  "id, account_id, name, role, email, phone, preferred_channel, created_at, key_contact"

static void
bind_contact (sqlite3_stmt           *stmt,
              const LiaContactValues *v)
{
  lia_bind_optional_id (stmt, 1, v->id);
  sqlite3_bind_int64 (stmt, 2, v->account_id);
  lia_bind_text (stmt, 3, v->name);
  lia_bind_text (stmt, 4, v->role ? v->role : "");
  lia_bind_text (stmt, 5, v->email ? v->email : "");
  lia_bind_text (stmt, 6, v->phone ? v->phone : "");
  lia_bind_text (stmt, 7, v->preferred_channel ? v->preferred_channel : "email");
  sqlite3_bind_int64 (stmt, 8, v->created_at);
  sqlite3_bind_int (stmt, 9, v->key_contact ? 1 : 0);
}

gboolean
lia_contact_store_insert (LiaDatabase             *db,
                          const LiaContactValues  *values,
                          gint64                  *out_id,
                          GError                 **error)
{
  /* A new contact never gets an id the trail has seen: a removed or
   * erased contact's lines would read as the new person's (in Personal
   * Data, and in the next erasure). The trail keeps every id, so its
   * highest is the floor; audit_log_entity makes that one index probe.
   * A contact put back by Undo brings its own id. */
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO contacts (" CONTACT_COLUMNS ") VALUES (coalesce (?1,"
    "  max ((SELECT coalesce (max (id), 0) FROM contacts),"
    "       (SELECT coalesce (max (entity_id), 0) FROM audit_log WHERE entity = 'contact')) + 1),"
    " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;

  bind_contact (stmt, values);
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_contact_store_update (LiaDatabase             *db,
                          const LiaContactValues  *values,
                          GError                 **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "UPDATE contacts SET account_id = ?2, name = ?3, role = ?4, email = ?5, phone = ?6,"
    " preferred_channel = ?7, created_at = ?8, key_contact = ?9 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  bind_contact (stmt, values);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_contact_store_delete (LiaDatabase  *db,
                          gint64        id,
                          GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "DELETE FROM contacts WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;

  /* Deleting what is not there must not be audited as a removal. */
  if (sqlite3_changes (lia_database_get_handle (db)) == 0)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("No contact with id %lld"), (long long) id);
      return FALSE;
    }

  return TRUE;
}

gboolean
lia_contact_store_employer (LiaDatabase  *db,
                            gint64        contact_id,
                            gint64       *out_account_id,
                            GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT account_id FROM contacts WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, contact_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *out_account_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                   _("No contact with id %lld"), (long long) contact_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (db, rc, error, "contact");
      return FALSE;
    }

  return TRUE;
}

/* The contact's past stays with its employer of the time: the current
 * employment ends, a new one starts, inquiries keep their account. */
gboolean
lia_contact_store_move (LiaDatabase  *db,
                        gint64        contact_id,
                        gint64        new_account_id,
                        gint64        moved_at,
                        GError      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = lia_database_get_statement (db,
          "UPDATE contact_employments SET ended_at = ?2"
          " WHERE contact_id = ?1 AND ended_at IS NULL", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, moved_at);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;

  if (!(stmt = lia_database_get_statement (db,
          "INSERT INTO contact_employments (contact_id, account_id, role, started_at)"
          " SELECT id, ?2, role, ?3 FROM contacts WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, new_account_id);
  sqlite3_bind_int64 (stmt, 3, moved_at);
  if (!lia_database_step_done (db, stmt, error))
    return FALSE;

  if (!(stmt = lia_database_get_statement (db,
          "UPDATE contacts SET account_id = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, new_account_id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_contact_store_get (LiaDatabase  *db,
                       gint64        id,
                       LiaRowFunc    func,
                       gpointer      user_data,
                       GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " CONTACT_COLUMNS " FROM contacts WHERE id = ?", error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found = TRUE;
      func ((LiaRow *)stmt, user_data);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lia_database_set_error (db, rc, error, "contact");
      return FALSE;
    }
  if (!found)
    g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_NOT_FOUND,
                 _("No contact with id %lld"), (long long) id);
  return found;
}

gboolean
lia_contact_store_for_account (LiaDatabase  *db,
                               gint64        account_id,
                               LiaRowFunc    func,
                               gpointer      user_data,
                               GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT " CONTACT_COLUMNS " FROM contacts WHERE account_id = ?"
    " ORDER BY name COLLATE NOCASE, id", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}

gboolean
lia_inquiry_store_insert (LiaDatabase             *db,
                          const LiaInquiryValues  *v,
                          gint64                  *out_id,
                          GError                 **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "INSERT INTO events (id, account_id, kind, opened_at, source, summary, details, staff_id,"
    "                    status, resolved_at)"
    " VALUES (?1, ?2, 'inquiry', ?3, ?4, ?5, ?6, ?7, 'resolved', ?3)", error);

  if (stmt == NULL)
    return FALSE;

  lia_bind_optional_id (stmt, 1, v->id);
  sqlite3_bind_int64 (stmt, 2, v->account_id);
  sqlite3_bind_int64 (stmt, 3, v->asked_at);
  lia_bind_text (stmt, 4, v->channel ? v->channel : "phone");
  lia_bind_text (stmt, 5, v->question);
  lia_bind_text (stmt, 6, v->advice ? v->advice : "");
  lia_bind_optional_id (stmt, 7, v->staff_id);
  return lia_database_step_insert (db, stmt, out_id, error);
}

gboolean
lia_inquiry_store_delete (LiaDatabase  *db,
                          gint64        id,
                          GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "DELETE FROM events WHERE id = ? AND kind = 'inquiry'", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return lia_database_step_done (db, stmt, error);
}

gboolean
lia_inquiry_store_for_account (LiaDatabase  *db,
                               gint64        account_id,
                               LiaRowFunc    func,
                               gpointer      user_data,
                               GError      **error)
{
  sqlite3_stmt *stmt = lia_database_get_statement (db,
    "SELECT i.id, i.account_id, i.opened_at, i.source, i.summary, i.details, i.staff_id, s.name"
    " FROM events i LEFT JOIN staff s ON s.id = i.staff_id"
    " WHERE i.account_id = ? AND i.kind = 'inquiry' ORDER BY i.opened_at DESC, i.id DESC", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  return lia_database_each_row (db, stmt, func, user_data, error);
}
