/* lia-database.h — one SQLite connection: pragmas, migrations, statement cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_DATABASE_ERROR (lia_database_error_quark ())

typedef enum
{
  LIA_DATABASE_ERROR_OPEN,        /* cannot open or create the file */
  LIA_DATABASE_ERROR_NOT_A_DATABASE,
  LIA_DATABASE_ERROR_CORRUPT,
  LIA_DATABASE_ERROR_TOO_NEW,     /* written by a newer Liaison */
  LIA_DATABASE_ERROR_READ_ONLY,
  LIA_DATABASE_ERROR_BUSY,
  LIA_DATABASE_ERROR_CONSTRAINT,  /* unique / foreign key / check failed */
  LIA_DATABASE_ERROR_NOT_FOUND,
  LIA_DATABASE_ERROR_FAILED,
} LiaDatabaseError;

/* The newest schema this build knows. Bump it with a new step in lia-migrations.c. */
#define LIA_SCHEMA_VERSION 6

#define LIA_TYPE_DATABASE (lia_database_get_type ())

G_DECLARE_FINAL_TYPE (LiaDatabase, lia_database, LIA, DATABASE, GObject)

GQuark       lia_database_error_quark        (void);
LiaDatabase *lia_database_open               (const char   *path,
                                              GError      **error);
LiaDatabase *lia_database_open_at_version    (const char   *path,
                                              int           max_version,
                                              GError      **error);
const char  *lia_database_get_path           (LiaDatabase  *self);
int          lia_database_get_schema_version (LiaDatabase  *self);
gboolean     lia_database_is_read_only       (LiaDatabase  *self);
gboolean     lia_database_in_transaction (LiaDatabase  *self);
gboolean     lia_database_begin              (LiaDatabase  *self,
                                              GError      **error);
gboolean     lia_database_commit             (LiaDatabase  *self,
                                              GError      **error);
void         lia_database_rollback           (LiaDatabase  *self);
gint64       lia_database_last_insert_id     (LiaDatabase  *self);
gboolean     lia_database_checkpoint         (LiaDatabase  *self,
                                              GError      **error);

G_END_DECLS
