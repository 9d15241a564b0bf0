/* test-common.h — small helpers shared by the test suites
 *
 * Every suite makes its own temporary folder per test and removes it
 * afterwards, so suites can run in parallel and leave nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

G_BEGIN_DECLS

/* A fresh, empty folder of our own. */
static inline char *
lia_test_make_tmp (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("liaison-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes @path and everything below it, giving write permission back
 * first (tests chmod files and folders read-only). */
static G_GNUC_UNUSED void
lia_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (path == NULL || g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      GDir *dir;
      const char *name;

      g_chmod (path, 0700);
      if ((dir = g_dir_open (path, 0, NULL)))
        {
          while ((name = g_dir_read_name (dir)))
            {
              g_autofree char *child = g_build_filename (path, name, NULL);
              lia_test_rm_rf (child);
            }
          g_dir_close (dir);
        }
      g_rmdir (path);
    }
  else
    {
      g_chmod (path, 0600);
      g_unlink (path);
    }
}

/* SHA-256 of a file's bytes, to prove a refused file was not touched. */
static G_GNUC_UNUSED char *
lia_test_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static G_GNUC_UNUSED void
lia_test_write_file (const char   *path,
                     const void   *data,
                     gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* The first column of the first row of @sql, as an integer. */
static G_GNUC_UNUSED gint64
lia_test_sql_int (sqlite3    *db,
                  const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* The first column of the first row of @sql, as text (NULL for none). */
static G_GNUC_UNUSED char *
lia_test_sql_text (sqlite3    *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("cannot prepare “%s”: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* A second, plain connection to a book's file, as another tool would. */
static G_GNUC_UNUSED sqlite3 *
lia_test_sqlite_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);

  if (rc != SQLITE_OK)
    g_error ("cannot open %s: %s", path, sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* How many entries @path (a folder) holds. */
static G_GNUC_UNUSED guint
lia_test_count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir))
    n++;
  return n;
}

/* The instant a wall clock in @zone shows the given time. */
static G_GNUC_UNUSED gint64
lia_test_wall (const char *zone,
               int         year,
               int         month,
               int         day,
               int         hour,
               int         minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (tz);
  dt = g_date_time_new (tz, year, month, day, hour, minute, 0);
  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* The instant a wall clock in Berlin shows the given time in 2026: the
 * business hours the SLA suites test are kept in Berlin time. */
static G_GNUC_UNUSED gint64
lia_test_berlin (int month,
                 int day,
                 int hour,
                 int minute)
{
  return lia_test_wall ("Europe/Berlin", 2026, month, day, hour, minute);
}

/* An injectable clock: tests hold time still and move it by hand. */
static G_GNUC_UNUSED gint64
lia_test_clock (gpointer user_data)
{
  return *(gint64 *)user_data;
}

G_END_DECLS
