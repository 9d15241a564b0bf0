/* lia-database-private.h — shared by the src/store files that run SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "lia-database.h"
#include "lia-row.h"

G_BEGIN_DECLS


sqlite3_stmt *lia_database_get_statement (LiaDatabase   *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      lia_database_each_row      (LiaDatabase   *self,
                                          sqlite3_stmt  *stmt,
                                          LiaRowFunc     func,
                                          gpointer       user_data,
                                          GError       **error);
gboolean      lia_database_one_row       (LiaDatabase   *self,
                                          sqlite3_stmt  *stmt,
                                          LiaRowFunc     func,
                                          gpointer       user_data,
                                          gboolean      *found,
                                          GError       **error);
sqlite3_stmt *lia_database_prepare       (LiaDatabase   *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      lia_database_step_done     (LiaDatabase   *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      lia_database_step_insert   (LiaDatabase   *self,
                                          sqlite3_stmt  *stmt,
                                          gint64        *out_id,
                                          GError       **error);
gboolean      lia_database_exec          (LiaDatabase   *self,
                                          const char    *sql,
                                          GError       **error);
void          lia_database_set_error     (LiaDatabase   *self,
                                          int            rc,
                                          GError       **error,
                                          const char    *what);
sqlite3      *lia_database_get_handle    (LiaDatabase   *self);

/* Bind helpers: a NULL string binds SQL NULL. */
void          lia_bind_text              (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *value);
void          lia_bind_optional_id       (sqlite3_stmt  *stmt,
                                          int            index,
                                          gint64         id);

/* lia-migrations.c */
gboolean      lia_migrations_run         (LiaDatabase   *self,
                                          int            from_version,
                                          int            to_version,
                                          GError       **error);

G_END_DECLS
