/* lia-bench.c — what every liaison-bench area shares: figures, children,
 * the display and the bare-window floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <gio/gio.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lia-bench.h"
#include "lia-sample-data.h"

/* The app's default window size (see the GSettings schema). */
#define BARE_WINDOW_WIDTH  1100
#define BARE_WINDOW_HEIGHT 720

/* How long a child's pipes may stay open after it exits (a grandchild such
 * as an autolaunched D-Bus daemon may hold them). */
#define PIPE_GRACE_MS 2000

/* Shown lines of a failed child's stderr. */
#define MAX_STDERR_LINES 12

/* --- figures --------------------------------------------------------------- */

/* Enough digits to compare runs, few enough to read; always a '.' decimal
 * point whatever the locale, so scripts can parse it. */
static const char *
value_format (double      value,
              const char *unit)
{
  if (g_str_equal (unit, "x"))
    return "%.2f";
  if (g_str_equal (unit, "MB"))
    return "%.1f";
  if (g_str_equal (unit, "rows/s"))
    return "%.0f";
  if (value < 10)
    return "%.3f";
  if (value < 100)
    return "%.2f";
  return "%.1f";
}

void
lia_bench_figure (const char *area,
                  const char *name,
                  double      value,
                  const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, value_format (value, unit), value);
  printf ("BENCH %s.%s %s %s\n", area, name, buf, unit);
  fflush (stdout);
}

void
lia_bench_comment (const char *format,
                   ...)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* Every line of commentary starts with "# ", so it never reads as a figure. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    printf ("# %s\n", lines[i]);
  fflush (stdout);
}

/* Nanoseconds: g_get_monotonic_time()'s microseconds are too coarse for
 * queries that take a few tens of them. */
gint64
lia_bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64)ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Nearest rank; sorts @samples (doubles) in place. */
double
lia_bench_percentile (GArray *samples,
                      double  percent)
{
  guint rank;

  g_return_val_if_fail (samples != NULL && samples->len > 0, 0);

  g_array_sort (samples, compare_doubles);
  rank = (guint)MAX (1, (int)(percent / 100.0 * samples->len + 0.999999));
  return g_array_index (samples, double, MIN (rank, samples->len) - 1);
}

double
lia_bench_median (GArray *samples)
{
  guint n;

  g_return_val_if_fail (samples != NULL && samples->len > 0, 0);

  g_array_sort (samples, compare_doubles);
  n = samples->len;
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);
  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

/* A "Name:  <kB> kB" line of /proc/self/status; 0 if missing. */
static guint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, field)))
    return 0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* VmHWM: the peak resident set size, in kB, as the app's hook reads it. */
guint64
lia_bench_peak_rss_kb (void)
{
  return status_kb ("VmHWM:");
}

/* VmRSS: the resident set size now, in kB. */
guint64
lia_bench_rss_kb (void)
{
  return status_kb ("VmRSS:");
}

/* Brings VmHWM down to VmRSS (Linux 4.0 and later), so the peak of what
 * follows can be read apart from what came before. */
gboolean
lia_bench_reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean written;

  if (file == NULL)
    return FALSE;
  written = fputs ("5", file) >= 0;
  written = fclose (file) == 0 && written;
  return written && lia_bench_peak_rss_kb () <= lia_bench_rss_kb () + 64;
}

/* --- timings ---------------------------------------------------------------- */

static gboolean
time_one (LiaBenchWork  work,
          gpointer      data,
          GArray       *samples)
{
  gint64 start = lia_bench_now_ns ();
  double ms;

  if (!work (data))
    return FALSE;
  ms = (lia_bench_now_ns () - start) / 1e6;
  if (samples != NULL)
    g_array_append_val (samples, ms);
  return TRUE;
}

/**
 * lia_bench_time_pair:
 * @floor: (nullable): the same work without the model, or %NULL
 * @model_ms: (out caller-allocates): @runs milliseconds are appended
 *
 * Runs @model and @floor in turns, @warm_ups times unrecorded then @runs
 * times recorded, so both see the same machine.
 */
gboolean
lia_bench_time_pair (LiaBenchWork  model,
                     LiaBenchWork  floor,
                     gpointer      data,
                     guint         warm_ups,
                     guint         runs,
                     GArray       *model_ms,
                     GArray       *floor_ms)
{
  for (guint i = 0; i < warm_ups + runs; i++)
    if (!time_one (model, data, i >= warm_ups ? model_ms : NULL) ||
        (floor != NULL && !time_one (floor, data, i >= warm_ups ? floor_ms : NULL)))
      return FALSE;

  return TRUE;
}

/* --- books and the bare sqlite3 floor ---------------------------------------- */

/* A LiaClockFunc that always answers *@now (a const gint64 *). */
gint64
lia_bench_fixed_clock (gpointer now)
{
  return *(const gint64 *)now;
}

/**
 * lia_bench_generate_book:
 * @now: (nullable): the book's clock from now on, which must outlive it;
 *   %NULL: the real one
 *
 * A new book at @path filled by the sample-data generator with
 * @n_accounts accounts (one in twenty heads a portfolio); the same @seed
 * and @now give the same book. Says how long it took.
 */
LiaBook *
lia_bench_generate_book (const char    *path,
                         guint          n_accounts,
                         guint32        seed,
                         const gint64  *now,
                         GError       **error)
{
  g_autoptr(LiaBook) book = lia_book_open (path, error);
  gint64 start = lia_bench_now_ns ();

  if (book == NULL)
    return NULL;
  if (now != NULL)
    lia_book_set_clock (book, lia_bench_fixed_clock, (gpointer)now);
  if (!lia_sample_data_generate (book, n_accounts, seed, error))
    return NULL;

  lia_bench_comment ("book: generated %u accounts (seed %u) in %.1f s",
                     n_accounts, seed, (lia_bench_now_ns () - start) / 1e9);
  return g_steal_pointer (&book);
}

/**
 * lia_bench_floor_open:
 *
 * A read-only connection of its own to @path with the app's page cache
 * and temporary store, so the floor is no better fed than the model.
 */
sqlite3 *
lia_bench_floor_open (const char  *path,
                      GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA cache_size = -8000; PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3 on %s: %s",
                   path, db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Steps every row reading every column as the model's row readers do
 * (integers as integers, the rest as text), then resets @stmt. */
gboolean
lia_bench_drain (sqlite3_stmt *stmt,
                 guint        *out_rows)
{
  int n_columns = sqlite3_column_count (stmt);
  guint rows = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int col = 0; col < n_columns; col++)
        {
          if (sqlite3_column_type (stmt, col) == SQLITE_INTEGER)
            (void)sqlite3_column_int64 (stmt, col);
          else
            (void)sqlite3_column_text (stmt, col);
        }
      rows++;
    }

  sqlite3_reset (stmt);
  if (out_rows != NULL)
    *out_rows = rows;
  return rc == SQLITE_DONE;
}

/* --- raw bulk loads ------------------------------------------------------------ */

static gboolean
sql_failed (sqlite3  *db,
            GError  **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3: %s", sqlite3_errmsg (db));
  return FALSE;
}

/**
 * lia_bench_load_open:
 *
 * A raw connection to the book at @path for a bulk load: rollback
 * journal, no syncs and a big cache for the load only, foreign keys on.
 * lia_bench_load_finish() puts the app's WAL back before the book is
 * opened again.
 */
sqlite3 *
lia_bench_load_open (const char  *path,
                     GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !lia_bench_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF;"
                           " PRAGMA cache_size = -262144; PRAGMA foreign_keys = ON", error))
    {
      if (db == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3 on %s: out of memory", path);
      else if (error != NULL && *error == NULL)
        sql_failed (db, error);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

gboolean
lia_bench_load_finish (sqlite3  *db,
                       GError  **error)
{
  return lia_bench_exec (db, "PRAGMA journal_mode = WAL", error);
}

/* Rolls back what a failed load left open, then closes @db. */
void
lia_bench_load_close (sqlite3 *db)
{
  if (db != NULL && !sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
}

gboolean
lia_bench_exec (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK || sql_failed (db, error);
}

sqlite3_stmt *
lia_bench_prepare (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    sql_failed (db, error);
  return stmt;
}

/* Runs an INSERT and makes @stmt ready for the next one. */
gboolean
lia_bench_step_done (sqlite3       *db,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return sql_failed (db, error);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* An id, or NULL for 0. */
void
lia_bench_bind_id (sqlite3_stmt *stmt,
                   int           index,
                   gint64        value)
{
  if (value != 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* The first column of @sql's first row; -1 if it failed. */
gint64
lia_bench_count_rows (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* --- the display ----------------------------------------------------------- */

char *
lia_bench_self_exe (void)
{
  return g_file_read_link ("/proc/self/exe", NULL);
}

gboolean
lia_bench_has_display (void)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  return (x11 != NULL && *x11 != '\0') || (wayland != NULL && *wayland != '\0');
}

/**
 * lia_bench_reexec_under_xvfb:
 *
 * Without a display, runs this same command again under `xvfb-run -a`
 * (a 24-bit screen: xvfb-run's default is 8-bit), so `meson test
 * --benchmark` measures the GUI figures on a headless machine too.
 * Returns only if it did not: there is a display, xvfb-run is missing,
 * or this already is the re-run.
 */
void
lia_bench_reexec_under_xvfb (int    argc,
                             char **argv)
{
  g_autofree char *xvfb_run = NULL;
  g_autofree char *self = NULL;
  g_autoptr(GPtrArray) args = NULL;

  if (lia_bench_has_display () || g_getenv ("LIAISON_BENCH_XVFB") != NULL)
    return;
  if (!(xvfb_run = g_find_program_in_path ("xvfb-run")) || !(self = lia_bench_self_exe ()))
    return;

  args = g_ptr_array_new ();
  g_ptr_array_add (args, xvfb_run);
  g_ptr_array_add (args, (char *)"-a");
  g_ptr_array_add (args, (char *)"-s");
  g_ptr_array_add (args, (char *)"-screen 0 1920x1080x24 -nolisten tcp");
  g_ptr_array_add (args, self);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  lia_bench_comment ("no display: running again under xvfb-run -a");
  g_setenv ("LIAISON_BENCH_XVFB", "1", TRUE);
  execv (xvfb_run, (char **)args->pdata);

  lia_bench_comment ("could not run %s: %s", xvfb_run, g_strerror (errno));
  g_unsetenv ("LIAISON_BENCH_XVFB");
}

/* --- children -------------------------------------------------------------- */

typedef struct
{
  GSubprocess  *proc;
  GCancellable *cancellable;
  guint         timeout_id;
  guint         pending_reads;
  gboolean      exited;
  gboolean      timed_out;
} ChildWait;

static void
on_child_exited_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ChildWait *wait = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  wait->exited = TRUE;
}

static void
on_pipe_drained_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ChildWait *wait = user_data;

  /* Cancelled after the grace period is fine: what was read is kept. */
  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, NULL);
  wait->pending_reads--;
}

static gboolean
on_child_timeout_cb (gpointer user_data)
{
  ChildWait *wait = user_data;

  wait->timeout_id = 0;
  wait->timed_out = TRUE;
  g_subprocess_force_exit (wait->proc);
  return G_SOURCE_REMOVE;
}

static gboolean
on_pipe_grace_cb (gpointer user_data)
{
  ChildWait *wait = user_data;

  g_cancellable_cancel (wait->cancellable);
  return G_SOURCE_REMOVE;
}

/* Reads @pipe into a growing buffer until EOF, in the background. */
static GOutputStream *
drain_pipe (GInputStream *pipe,
            ChildWait    *wait)
{
  GOutputStream *sink = g_memory_output_stream_new_resizable ();

  wait->pending_reads++;
  g_output_stream_splice_async (sink, pipe, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                G_PRIORITY_DEFAULT, wait->cancellable,
                                on_pipe_drained_cb, wait);
  return sink;
}

static char *
sink_text (GOutputStream *sink)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (sink);

  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

static void
wait_for_child (ChildWait *wait,
                guint      timeout_seconds)
{
  guint grace_id;

  wait->timeout_id = g_timeout_add_seconds (timeout_seconds, on_child_timeout_cb, wait);
  while (!wait->exited)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&wait->timeout_id, g_source_remove);

  grace_id = g_timeout_add (PIPE_GRACE_MS, on_pipe_grace_cb, wait);
  while (wait->pending_reads > 0)
    g_main_context_iteration (NULL, TRUE);
  if (!g_cancellable_is_cancelled (wait->cancellable))
    g_source_remove (grace_id);
}

/**
 * lia_bench_run_child:
 * @timeout_seconds: kill the child if it has not exited by then
 *
 * Runs @argv with @envp to its end, collecting what it prints. Returns
 * %FALSE only when it could not be started; how it ended is in @child.
 */
gboolean
lia_bench_run_child (const char * const  *argv,
                     const char * const  *envp,
                     guint                timeout_seconds,
                     LiaBenchChild       *child,
                     GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GOutputStream) err = NULL;
  ChildWait wait = { .cancellable = cancellable };

  memset (child, 0, sizeof *child);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, (char **)envp);

  child->spawned_at = g_get_monotonic_time ();
  if (!(wait.proc = g_subprocess_launcher_spawnv (launcher, argv, error)))
    return FALSE;

  out = drain_pipe (g_subprocess_get_stdout_pipe (wait.proc), &wait);
  err = drain_pipe (g_subprocess_get_stderr_pipe (wait.proc), &wait);
  g_subprocess_wait_async (wait.proc, NULL, on_child_exited_cb, &wait);
  wait_for_child (&wait, timeout_seconds);

  child->out = sink_text (out);
  child->err = sink_text (err);
  child->timed_out = wait.timed_out;
  child->crashed = !wait.timed_out && g_subprocess_get_if_signaled (wait.proc);
  child->exit_status = g_subprocess_get_if_exited (wait.proc)
                       ? g_subprocess_get_exit_status (wait.proc) : -1;
  g_object_unref (wait.proc);
  return TRUE;
}

static void
comment_stderr (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err ? err : "", "\n", -1);
  guint n = g_strv_length (lines);
  guint first = n > MAX_STDERR_LINES ? n - MAX_STDERR_LINES : 0;

  for (guint i = first; i < n; i++)
    if (*lines[i] != '\0')
      lia_bench_comment ("  | %s", lines[i]);
}

/* Whether @child ended on its own with status 0; says why not otherwise. */
gboolean
lia_bench_child_ok (LiaBenchChild *child,
                    const char    *what)
{
  if (child->timed_out)
    lia_bench_comment ("%s did not finish in time and was killed", what);
  else if (child->crashed)
    lia_bench_comment ("%s crashed", what);
  else if (child->exit_status != 0)
    lia_bench_comment ("%s exited with status %d", what, child->exit_status);
  else
    return TRUE;

  comment_stderr (child->err);
  return FALSE;
}

/* Finds a "KEY <integer>" line in what @child printed. */
gboolean
lia_bench_child_value (LiaBenchChild *child,
                       const char    *key,
                       gint64        *out_value)
{
  g_auto(GStrv) lines = g_strsplit (child->out ? child->out : "", "\n", -1);
  gsize key_len = strlen (key);

  for (guint i = 0; lines[i]; i++)
    {
      if (strncmp (lines[i], key, key_len) == 0 && lines[i][key_len] == ' ')
        return g_ascii_string_to_signed (lines[i] + key_len + 1, 10,
                                         G_MININT64, G_MAXINT64, out_value, NULL);
    }

  return FALSE;
}

void
lia_bench_child_clear (LiaBenchChild *child)
{
  g_clear_pointer (&child->out, g_free);
  g_clear_pointer (&child->err, g_free);
}

/* --- the bare-window floor ------------------------------------------------- */

/* First paint after map: print the time (and, when the scroll measurement
 * asks, the peak RSS) the way the app's hooks do, then quit. */
static void
on_bare_after_paint_cb (GdkFrameClock *clock,
                        GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_bare_after_paint_cb, window);

  printf ("FIRST_FRAME %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (g_strcmp0 (g_getenv ("LIAISON_BENCH_SCROLL"), "1") == 0)
    printf ("PEAK_RSS_KB %" G_GUINT64_FORMAT "\n", lia_bench_peak_rss_kb ());
  fflush (stdout);

  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_bare_map_cb (GtkWidget *widget,
                gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_bare_map_cb, user_data);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_bare_after_paint_cb), widget);
}

static void
on_bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), BARE_WINDOW_WIDTH, BARE_WINDOW_HEIGHT);
  g_signal_connect_after (window, "map", G_CALLBACK (on_bare_map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * lia_bench_bare_window_run:
 *
 * The floor for start-up and memory: the least a libadwaita app shows,
 * in a window the size of ours. Its own app id and non-unique, so it
 * never meets a running Liaison on the bus.
 */
int
lia_bench_bare_window_run (void)
{
  g_autoptr(AdwApplication) app =
    adw_application_new ("io.github.liaisoncrm.Liaison.BenchBareWindow",
                         G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}
