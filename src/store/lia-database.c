/* lia-database.c — one SQLite connection: pragmas, migrations, statement cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lia-database-private.h"

struct _LiaDatabase
{
  GObject       parent_instance;

  sqlite3      *handle;
  char         *path;
  GHashTable   *statements; /* SQL text → sqlite3_stmt */
  int           schema_version;
  guint         depth;  /* open transactions: 1 is BEGIN, more are savepoints */
};

G_DEFINE_FINAL_TYPE (LiaDatabase, lia_database, G_TYPE_OBJECT)

/* How long a statement waits for another program's write lock. */
#define BUSY_TIMEOUT_MS       5000
/* How long a checkpoint waits for other readers: not long, the window
 * waits with it, and the book tries again when it closes. */
#define CHECKPOINT_TIMEOUT_MS 250

static gboolean checkpoint (LiaDatabase *self, GError **error);

G_DEFINE_QUARK (lia-database-error-quark, lia_database_error)

static LiaDatabaseError
error_code_for_rc (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:     return LIA_DATABASE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:    return LIA_DATABASE_ERROR_CORRUPT;
    case SQLITE_READONLY:   return LIA_DATABASE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:     return LIA_DATABASE_ERROR_BUSY;
    case SQLITE_CONSTRAINT: return LIA_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:       return LIA_DATABASE_ERROR_OPEN;
    default:                return LIA_DATABASE_ERROR_FAILED;
    }
}

/* Turns an SQLite result code into a typed GError that names the file, so
 * every message a person sees says which data file is at fault. */
void
lia_database_set_error (LiaDatabase  *self,
                        int           rc,
                        GError      **error,
                        const char   *what)
{
  LiaDatabaseError code = error_code_for_rc (rc);
  const char *detail = self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

  switch (code)
    {
    case LIA_DATABASE_ERROR_NOT_A_DATABASE:
      g_set_error (error, LIA_DATABASE_ERROR, code,
                   _("“%s” is not a Liaison database (or it is encrypted or damaged)"),
                   self->path);
      break;
    case LIA_DATABASE_ERROR_CORRUPT:
      g_set_error (error, LIA_DATABASE_ERROR, code,
                   _("The database “%s” is damaged: %s"), self->path, detail);
      break;
    case LIA_DATABASE_ERROR_READ_ONLY:
      g_set_error (error, LIA_DATABASE_ERROR, code,
                   _("The database “%s” is read-only; changes cannot be saved"), self->path);
      break;
    default:
      g_set_error (error, LIA_DATABASE_ERROR, code, "%s: %s", what, detail);
      break;
    }
}

static void
lia_database_finalize (GObject *object)
{
  LiaDatabase *self = (LiaDatabase *)object;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* The last try at emptying the -wal of what an erasure or a re-seal
   * replaced: SQLite only does so itself when no other connection is
   * open on the file. */
  if (self->handle != NULL && self->depth == 0 && !lia_database_is_read_only (self) &&
      !checkpoint (self, &error))
    g_message ("%s", error->message);
  g_clear_pointer (&self->handle, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (lia_database_parent_class)->finalize (object);
}

static void
lia_database_class_init (LiaDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lia_database_init (LiaDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

sqlite3 *
lia_database_get_handle (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);

  return self->handle;
}

const char *
lia_database_get_path (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), NULL);

  return self->path;
}

int
lia_database_get_schema_version (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), 0);

  return self->schema_version;
}

gboolean
lia_database_is_read_only (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), TRUE);

  return sqlite3_db_readonly (self->handle, "main") == 1;
}

gint64
lia_database_last_insert_id (LiaDatabase *self)
{
  return sqlite3_last_insert_rowid (self->handle);
}

gboolean
lia_database_exec (LiaDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      lia_database_set_error (self, rc, error, "exec");
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
lia_database_prepare (LiaDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      lia_database_set_error (self, rc, error, "prepare");
      return NULL;
    }

  return stmt;
}

/* Returns the cached statement for @sql, prepared on first use. It comes
 * back reset with its bindings cleared, so a caller never sees a previous
 * caller's values. Keyed by the text so that the few filter combinations
 * the account list builds are cached too. */
sqlite3_stmt *
lia_database_get_statement (LiaDatabase  *self,
                            const char   *sql,
                            GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if ((stmt = lia_database_prepare (self, sql, error)))
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

/* Steps @stmt to the end, handing each row to @func, then resets it. */
gboolean
lia_database_each_row (LiaDatabase   *self,
                       sqlite3_stmt  *stmt,
                       LiaRowFunc     func,
                       gpointer       user_data,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((LiaRow *)stmt, user_data);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      lia_database_set_error (self, rc, error, "query");
      return FALSE;
    }

  return TRUE;
}

/* The first row of @stmt, if any, to @func; @found says whether there
 * was one. For lookups by key, where "no such row" is the caller's to
 * word. */
gboolean
lia_database_one_row (LiaDatabase   *self,
                      sqlite3_stmt  *stmt,
                      LiaRowFunc     func,
                      gpointer       user_data,
                      gboolean      *found,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  *found = rc == SQLITE_ROW;
  if (*found)
    func ((LiaRow *)stmt, user_data);

  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      lia_database_set_error (self, rc, error, "query");
      return FALSE;
    }

  return TRUE;
}

/* A LiaRow is the statement itself, read only while a LiaRowFunc runs. */
gint64
lia_row_get_int64 (LiaRow *row,
                   int     column)
{
  return sqlite3_column_int64 ((sqlite3_stmt *)row, column);
}

const char *
lia_row_get_string (LiaRow *row,
                    int     column)
{
  return (const char *)sqlite3_column_text ((sqlite3_stmt *)row, column);
}

gboolean
lia_row_is_null (LiaRow *row,
                 int     column)
{
  return sqlite3_column_type ((sqlite3_stmt *)row, column) == SQLITE_NULL;
}

/* Steps a statement that returns no rows, then resets it so it releases
 * its read lock at once. */
gboolean
lia_database_step_done (LiaDatabase   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      lia_database_set_error (self, rc, error, "step");
      return FALSE;
    }

  return TRUE;
}

void
lia_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* Steps an INSERT and gives the new row's id in @out_id (may be NULL). */
gboolean
lia_database_step_insert (LiaDatabase   *self,
                          sqlite3_stmt  *stmt,
                          gint64        *out_id,
                          GError       **error)
{
  if (!lia_database_step_done (self, stmt, error))
    return FALSE;

  if (out_id)
    *out_id = lia_database_last_insert_id (self);
  return TRUE;
}

void
lia_bind_optional_id (sqlite3_stmt *stmt,
                      int           index,
                      gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

gboolean
lia_database_in_transaction (LiaDatabase *self)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);
  return self->depth > 0;
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE (taking the write
 * lock up front, so a busy file fails here and not half-way through), the
 * inner ones savepoints. So a command or an import can wrap several
 * repository writes, each with its own transaction, into one that
 * commits or rolls back whole. */
gboolean
lia_database_begin (LiaDatabase  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT lia_%u", self->depth);
  if (!lia_database_exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
lia_database_commit (LiaDatabase  *self,
                     GError      **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE lia_%u", self->depth - 1);
  if (!lia_database_exec (self, sql, error))
    {
      lia_database_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
lia_database_rollback (LiaDatabase *self)
{
  g_autofree char *sql = NULL;

  if (self->depth == 0)
    return;

  sql = self->depth == 1 ? g_strdup ("ROLLBACK")
                         : g_strdup_printf ("ROLLBACK TO lia_%u; RELEASE lia_%u",
                                            self->depth - 1, self->depth - 1);
  sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  self->depth--;
}

/* Creates a missing file with mode 0600 ourselves: SQLite would use the
 * umask, and the book holds customer data. Its -wal and -shm files take
 * the same mode from it. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    return g_close (fd, error);

  if (errno == EEXIST)
    return TRUE;

  {
    int saved_errno = errno;
    g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_OPEN,
                 _("Cannot create the database “%s”: %s"), path, g_strerror (saved_errno));
  }
  return FALSE;
}

static gboolean
read_user_version (LiaDatabase  *self,
                   int          *version,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = lia_database_prepare (self, "PRAGMA user_version", &local_error)))
    {
      /* A file that is not SQLite fails on the first read of its header. */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    {
      lia_database_set_error (self, rc, error, "user_version");
      return FALSE;
    }

  return TRUE;
}

/* LIAISON_TRACE_SQL=1 prints each statement with its time on stderr:
 * the first thing to look at when something is slow. */
static int
trace_cb (unsigned  type,
          void     *user_data,
          void     *stmt,
          void     *nanoseconds)
{
  char *sql = sqlite3_expanded_sql (stmt);

  g_printerr ("sql %8.3f ms  %s\n", *(sqlite3_int64 *)nanoseconds / 1e6, sql ? sql : "");
  sqlite3_free (sql);
  return 0;
}

static gboolean
apply_pragmas (LiaDatabase  *self,
               GError      **error)
{
  /* WAL lets readers go on while a write commits; NORMAL is durable enough
   * with WAL (a power cut may lose the last commit, never corrupt). The
   * page cache is set explicitly (Debian's default is 2 MB): 8 MB holds
   * the indexes the list and roll-ups read, and the OS caches the rest;
   * mmap stays off so start-up touches no more of the file than it needs.
   * secure_delete zeroes what a delete or update frees, so an erased
   * person or a value re-sealed as confidential leaves no copy in free
   * pages. */
  return lia_database_exec (self,
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA busy_timeout = " G_STRINGIFY (BUSY_TIMEOUT_MS) ";"
                            "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = NORMAL;"
                            "PRAGMA cache_size = -8000;"
                            "PRAGMA temp_store = MEMORY;"
                            "PRAGMA secure_delete = ON;",
                            error);
}

/**
 * lia_database_open_at_version:
 * @max_version: migrate no further than this (tests build old files with it)
 *
 * Opens or creates the book at @path. The file is only read until it is
 * known to be a Liaison database this build understands: a foreign,
 * damaged or newer file is refused untouched.
 */
LiaDatabase *
lia_database_open_at_version (const char  *path,
                              int          max_version,
                              GError     **error)
{
  g_autoptr(LiaDatabase) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (max_version <= LIA_SCHEMA_VERSION, NULL);

  self = g_object_new (LIA_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!ensure_private_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), path, sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->handle, TRUE);
  if (g_getenv ("LIAISON_TRACE_SQL"))
    sqlite3_trace_v2 (self->handle, SQLITE_TRACE_PROFILE, trace_cb, NULL);

  if (!read_user_version (self, &self->schema_version, error))
    return NULL;

  if (self->schema_version > LIA_SCHEMA_VERSION)
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Liaison "
                     "(schema %d; this version knows up to %d). Update Liaison to open it."),
                   path, self->schema_version, LIA_SCHEMA_VERSION);
      return NULL;
    }

  if (!apply_pragmas (self, error))
    return NULL;

  if (self->schema_version < max_version)
    {
      if (!lia_migrations_run (self, self->schema_version, max_version, error))
        return NULL;
      self->schema_version = max_version;
    }

  return g_steal_pointer (&self);
}

LiaDatabase *
lia_database_open (const char  *path,
                   GError     **error)
{
  return lia_database_open_at_version (path, LIA_SCHEMA_VERSION, error);
}

static gboolean
checkpoint (LiaDatabase  *self,
            GError      **error)
{
  int n_log = -1, n_done = -1;
  int rc;

  sqlite3_busy_timeout (self->handle, CHECKPOINT_TIMEOUT_MS);
  rc = sqlite3_wal_checkpoint_v2 (self->handle, NULL, SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_done);
  sqlite3_busy_timeout (self->handle, BUSY_TIMEOUT_MS);

  /* BUSY: a reader on an older snapshot kept frames from being copied
   * or the log from being emptied; the -wal still holds them. */
  if (rc == SQLITE_BUSY || (rc == SQLITE_OK && n_done < n_log))
    {
      g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_BUSY,
                   _("The write-ahead log of “%s” still holds replaced data: another program "
                     "is reading the book. It is emptied when the book is closed."), self->path);
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      lia_database_set_error (self, rc, error, "checkpoint");
      return FALSE;
    }
  return TRUE;
}

/* Copies the write-ahead log into the file and empties it: after an
 * erasure or a re-seal the old plain text must not linger in the -wal.
 * FALSE with LIA_DATABASE_ERROR_BUSY when another reader prevented it
 * (the change is committed all the same; closing the book tries again). */
gboolean
lia_database_checkpoint (LiaDatabase  *self,
                         GError      **error)
{
  g_return_val_if_fail (LIA_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!lia_database_in_transaction (self), FALSE);

  return checkpoint (self, error);
}
