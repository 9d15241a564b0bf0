/* liaison-bench.c — the figures DESIGN.md "Benchmarks" asks for, each next
 * to its floor measured in the same run
 *
 *   liaison-bench accounts|portfolios|timeline|calendar|all [--scale N] [--runs N]
 *
 * Prints only `BENCH <area>.<name> <value> <unit>` lines and commentary
 * lines starting with "# ". Exits 0 unless something broke: a child
 * crashed, hung or failed, or a figure could not be measured. Having no
 * display is not broken: when an area that starts the app is chosen
 * (accounts, all), the program runs itself again under `xvfb-run -a`
 * when that exists, and otherwise skips the GUI figures and says so.
 *
 * --scale N is the number of accounts in every area's book; the
 * timeline area adds ten events an account, the calendar area half as
 * many meetings as accounts.
 *
 * Environment: LIAISON_BINARY is the app (default: this build tree's);
 * GSETTINGS_SCHEMA_DIR its schemas (default: this build tree's data/).
 * The book is generated afresh on every run (about 20 s at 100k, small
 * next to scrolling it) rather than cached, so it never lags behind a
 * change to the generator.
 *
 * `liaison-bench bare-window` (hidden) is the bare libadwaita window that
 * start-up and memory are compared with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lia-account-list.h"
#include "lia-account-repository.h"
#include "lia-account-store.h"
#include "lia-account-store-private.h"
#include "lia-bench.h"
#include "lia-book.h"
#include "lia-database.h"

#define AREA "accounts"

#define DEFAULT_SCALE   100000
#define DEFAULT_RUNS    7        /* measured start-ups per target, after one warm-up */
#define BOOK_SEED       20240601

#define SEARCH_LIMIT    50       /* rows a type-ahead popover shows */
#define SEARCH_SAMPLES  200      /* at least, per prefix length */
#define SEARCH_WORDS_FROM 2000   /* accounts whose names give the prefixes */

#define STARTUP_TIMEOUT_S 60
/* The app scrolls one page per frame, about 4 ms a row under Xvfb:
 * allow a minute plus 10 ms a row. */
#define SCROLL_TIMEOUT_S(scale) (60 + (scale) / 100)

/* Targets, printed as commentary: the bench never fails on speed. */
#define TARGET_SEARCH_P95_MS      2.0
#define TARGET_SEARCH_VS_SQLITE   2.0
#define TARGET_STARTUP_VS_BARE    1.4
#define TARGET_FULL_VS_EMPTY      1.05
#define TARGET_RSS_OVER_BARE_MB   48.0

/* The query lia_account_store_search() runs, built from the store's own
 * column and join macros: the floor does the same work without the model
 * around it. Keep the FROM and WHERE in step with lia-account-store.c
 * (each call checks both return the same number of rows). */
#define SEARCH_SQL \
  "SELECT " LIA_ACCOUNT_COLUMNS " FROM account_fts f" \
  " JOIN accounts a ON a.id = f.rowid" \
  LIA_ACCOUNT_STAFF_JOINS \
  " WHERE account_fts MATCH ? LIMIT ?"

typedef struct
{
  guint      scale;
  guint      runs;
  gboolean   broken;
  char      *work_dir;      /* temporary, removed at the end */
  char     **child_env;     /* settings and config kept away from the user's */
  char      *app_binary;
  char      *self_exe;
} Bench;

typedef struct
{
  Bench     *bench;
  char      *full_dir;
  char      *empty_dir;
  guint      n_listed;      /* rows the default list shows */
} Accounts;

typedef enum
{
  TARGET_FULL,
  TARGET_EMPTY,
  TARGET_BARE,
  N_TARGETS
} Target;

static const char * const target_names[N_TARGETS] = {
  "liaison (full book)", "liaison (empty book)", "bare window",
};

static double
ms_since (gint64 start_ns)
{
  return (lia_bench_now_ns () - start_ns) / 1e6;
}

static GArray *
new_samples (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
comment_target (const char *what,
                double      value,
                double      target,
                const char *unit)
{
  lia_bench_comment ("target: %s %.3g %s, at most %.3g %s: %s",
                     what, value, unit, target, unit, value <= target ? "met" : "MISSED");
}

/* Says what could not be measured, and makes the run exit 1. */
static void broken (Bench      *bench,
                    const char *format,
                    ...) G_GNUC_PRINTF (2, 3);

static void
broken (Bench      *bench,
        const char *format,
        ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  lia_bench_comment ("%s", text);
  bench->broken = TRUE;
}

/* --- books ------------------------------------------------------------------ */

static char *
book_path (const char *data_dir)
{
  return lia_book_path_for_data_dir (data_dir);
}

static gboolean
generate_book (const char  *path,
               guint        n_accounts,
               GError     **error)
{
  g_autoptr(LiaBook) book = lia_bench_generate_book (path, n_accounts, BOOK_SEED, NULL, error);

  return book != NULL;
}

static gboolean
prepare_full_book (Accounts  *self,
                   GError   **error)
{
  g_autofree char *path = book_path (self->full_dir);

  return generate_book (path, self->bench->scale, error);
}

/* Opened once so the file has the schema, as a first start leaves it. */
static gboolean
prepare_empty_book (Accounts  *self,
                    GError   **error)
{
  g_autofree char *path = book_path (self->empty_dir);
  g_autoptr(LiaBook) book = lia_book_open (path, error);

  return book != NULL;
}

/* --- search-as-you-type ------------------------------------------------------ */

/* The floor: its own connection to the same file, with the app's page
 * cache size, the statement prepared once. */
typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *stmt;
} Floor;

static void
floor_close (Floor *floor)
{
  g_clear_pointer (&floor->stmt, sqlite3_finalize);
  g_clear_pointer (&floor->db, sqlite3_close);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Floor, floor_close)

static gboolean
floor_open (Floor       *floor,
            const char  *path,
            GError     **error)
{
  if (sqlite3_open_v2 (path, &floor->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (floor->db, "PRAGMA cache_size = -8000", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v3 (floor->db, SEARCH_SQL, -1, SQLITE_PREPARE_PERSISTENT,
                          &floor->stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3 on %s: %s",
                   path, floor->db ? sqlite3_errmsg (floor->db) : "out of memory");
      return FALSE;
    }

  return TRUE;
}

/* Steps every row reading every column, as the model's row reader does. */
static gboolean
floor_search (Floor       *floor,
              const char  *match,
              guint       *out_rows,
              GError     **error)
{
  int n_columns = sqlite3_column_count (floor->stmt);
  int rc;

  *out_rows = 0;
  sqlite3_bind_text (floor->stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (floor->stmt, 2, SEARCH_LIMIT);
  while ((rc = sqlite3_step (floor->stmt)) == SQLITE_ROW)
    {
      for (int col = 0; col < n_columns; col++)
        {
          if (sqlite3_column_type (floor->stmt, col) == SQLITE_INTEGER)
            (void)sqlite3_column_int64 (floor->stmt, col);
          else
            (void)sqlite3_column_text (floor->stmt, col);
        }
      (*out_rows)++;
    }
  sqlite3_reset (floor->stmt);
  sqlite3_clear_bindings (floor->stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3 search: %s", sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* Distinct words of the first accounts' names, folded as FTS5 sees them. */
static GHashTable *
book_words (Floor   *floor,
            GError **error)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  sqlite3_prepare_v2 (floor->db, "SELECT name FROM accounts ORDER BY id LIMIT ?", -1, &stmt, NULL);
  sqlite3_bind_int (stmt, 1, SEARCH_WORDS_FROM);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(GStrv) tokens = g_str_tokenize_and_fold ((const char *)sqlite3_column_text (stmt, 0), NULL, NULL);

      for (guint i = 0; tokens[i]; i++)
        g_hash_table_add (words, g_steal_pointer (&tokens[i]));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "reading names: %s", sqlite3_errstr (rc));
      return NULL;
    }

  return g_steal_pointer (&words);
}

static gboolean
is_ascii_word (const char *text,
               guint       length)
{
  for (guint i = 0; i < length; i++)
    if (!g_ascii_isalpha (text[i]))
      return FALSE;

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static void
add_prefix (GPtrArray  *prefixes,
            GHashTable *seen,
            const char *text,
            guint       length)
{
  char *prefix = g_strndup (text, length);

  if (g_hash_table_add (seen, prefix))
    g_ptr_array_add (prefixes, prefix);
  else
    g_free (prefix);
}

/* Sorted, so the same book always gives the same prefixes in the same
 * order. One letter: the whole alphabet, hits or not, as people type. */
static GPtrArray *
prefixes_of_length (GHashTable *words,
                    guint       length)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer word;

  if (length == 1)
    for (char c = 'a'; c <= 'z'; c++)
      add_prefix (prefixes, seen, &c, 1);

  g_hash_table_iter_init (&iter, words);
  while (length > 1 && g_hash_table_iter_next (&iter, &word, NULL))
    if (strlen (word) >= length && is_ascii_word (word, length))
      add_prefix (prefixes, seen, word, length);

  g_ptr_array_sort (prefixes, compare_strings);
  return prefixes;
}

#define MAX_PREFIX 3

/* Milliseconds per call by prefix length; index 0 holds every call. */
typedef struct
{
  GArray  *model[MAX_PREFIX + 1];
  GArray  *floor[MAX_PREFIX + 1];
  guint64  rows;
} SearchTimes;

static void
search_times_init (SearchTimes *times)
{
  for (guint i = 0; i <= MAX_PREFIX; i++)
    {
      times->model[i] = new_samples ();
      times->floor[i] = new_samples ();
    }
}

static void
search_times_clear (SearchTimes *times)
{
  for (guint i = 0; i <= MAX_PREFIX; i++)
    {
      g_clear_pointer (&times->model[i], g_array_unref);
      g_clear_pointer (&times->floor[i], g_array_unref);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SearchTimes, search_times_clear)

static gboolean
time_model_search (LiaAccountRepository  *repo,
                   const char            *prefix,
                   double                *out_ms,
                   guint                 *out_rows,
                   GError               **error)
{
  gint64 start = lia_bench_now_ns ();
  g_autoptr(GPtrArray) found = lia_account_repository_search (repo, prefix, SEARCH_LIMIT, error);

  /* The call only: freeing the result is the caller's business. */
  *out_ms = ms_since (start);
  *out_rows = found ? found->len : 0;
  return found != NULL;
}

/* The floor gets the MATCH text already built: it measures SQLite alone. */
static gboolean
time_floor_search (Floor       *floor,
                   const char  *match,
                   double      *out_ms,
                   guint       *out_rows,
                   GError     **error)
{
  gint64 start = lia_bench_now_ns ();
  gboolean ok = floor_search (floor, match, out_rows, error);

  *out_ms = ms_since (start);
  return ok;
}

/* One keystroke's query through the model and on the floor, in turns
 * which goes first so drift weighs on both alike. */
static gboolean
time_search (LiaAccountRepository  *repo,
             Floor                 *floor,
             const char            *prefix,
             gboolean               model_first,
             double                *model_ms,
             double                *floor_ms,
             guint                 *out_rows,
             GError               **error)
{
  g_autofree char *match = lia_account_store_match_expression (prefix);
  guint model_rows = 0, floor_rows = 0;

  if ((model_first && !time_model_search (repo, prefix, model_ms, &model_rows, error)) ||
      !time_floor_search (floor, match, floor_ms, &floor_rows, error) ||
      (!model_first && !time_model_search (repo, prefix, model_ms, &model_rows, error)))
    return FALSE;

  if (model_rows != floor_rows)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "“%s”: the model found %u rows, sqlite3 %u; is SEARCH_SQL still the store's query?",
                   prefix, model_rows, floor_rows);
      return FALSE;
    }

  *out_rows = model_rows;
  return TRUE;
}

/* @n_calls cycling through @prefixes; with @times NULL, a warm-up. */
static gboolean
run_searches (LiaAccountRepository  *repo,
              Floor                 *floor,
              GPtrArray             *prefixes,
              guint                  length,
              guint                  n_calls,
              SearchTimes           *times,
              GError               **error)
{
  for (guint i = 0; i < n_calls; i++)
    {
      const char *prefix = g_ptr_array_index (prefixes, i % prefixes->len);
      double model_ms, floor_ms;
      guint rows;

      if (!time_search (repo, floor, prefix, i % 2 == 0, &model_ms, &floor_ms, &rows, error))
        return FALSE;
      if (times == NULL)
        continue;

      g_array_append_val (times->model[length], model_ms);
      g_array_append_val (times->model[0], model_ms);
      g_array_append_val (times->floor[length], floor_ms);
      g_array_append_val (times->floor[0], floor_ms);
      times->rows += rows;
    }

  return TRUE;
}

static void
figure_printf (double      value,
               const char *unit,
               const char *format,
               guint       length)
{
  g_autofree char *name = g_strdup_printf (format, length);

  lia_bench_figure (AREA, name, value, unit);
}

static void
report_search (SearchTimes *times)
{
  double p95, floor_p95;

  for (guint length = 1; length <= MAX_PREFIX; length++)
    {
      figure_printf (lia_bench_percentile (times->model[length], 50), "ms", "search_%u_p50_ms", length);
      figure_printf (lia_bench_percentile (times->model[length], 95), "ms", "search_%u_p95_ms", length);
      figure_printf (lia_bench_percentile (times->floor[length], 95), "ms", "search_sqlite_%u_p95_ms", length);
    }

  p95 = lia_bench_percentile (times->model[0], 95);
  floor_p95 = lia_bench_percentile (times->floor[0], 95);
  lia_bench_figure (AREA, "search_p50_ms", lia_bench_percentile (times->model[0], 50), "ms");
  lia_bench_figure (AREA, "search_p95_ms", p95, "ms");
  lia_bench_figure (AREA, "search_sqlite_p50_ms", lia_bench_percentile (times->floor[0], 50), "ms");
  lia_bench_figure (AREA, "search_sqlite_p95_ms", floor_p95, "ms");
  lia_bench_figure (AREA, "search_vs_sqlite", p95 / floor_p95, "x");

  lia_bench_comment ("search: %u calls, %.1f rows each on average (limit %u)",
                     times->model[0]->len, (double)times->rows / times->model[0]->len, SEARCH_LIMIT);
  comment_target ("search p95", p95, TARGET_SEARCH_P95_MS, "ms");
  comment_target ("search p95 over sqlite3's", p95 / floor_p95, TARGET_SEARCH_VS_SQLITE, "x");
}

/* At least SEARCH_SAMPLES calls, in whole rounds of the prefixes. */
static guint
calls_for (GPtrArray *prefixes)
{
  return (SEARCH_SAMPLES + prefixes->len - 1) / prefixes->len * prefixes->len;
}

static gboolean
search_prefix_length (LiaAccountRepository  *repo,
                      Floor                 *floor,
                      GHashTable            *words,
                      guint                  length,
                      SearchTimes           *times,
                      GError               **error)
{
  g_autoptr(GPtrArray) prefixes = prefixes_of_length (words, length);

  if (prefixes->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no %u-letter prefixes in the book", length);
      return FALSE;
    }

  lia_bench_comment ("search: %u-letter prefixes: %u (“%s” … “%s”), %u calls after a warm-up round",
                     length, prefixes->len, (char *)g_ptr_array_index (prefixes, 0),
                     (char *)g_ptr_array_index (prefixes, prefixes->len - 1), calls_for (prefixes));

  return run_searches (repo, floor, prefixes, length, prefixes->len, NULL, error) &&
         run_searches (repo, floor, prefixes, length, calls_for (prefixes), times, error);
}

static void
bench_search (Accounts *self,
              LiaBook  *book)
{
  g_autofree char *path = book_path (self->full_dir);
  g_auto(Floor) floor = { NULL, NULL };
  g_auto(SearchTimes) times = { { NULL } };
  g_autoptr(GHashTable) words = NULL;
  g_autoptr(GError) error = NULL;

  search_times_init (&times);
  if (!floor_open (&floor, path, &error) || !(words = book_words (&floor, &error)))
    {
      broken (self->bench, "search: %s", error->message);
      return;
    }

  for (guint length = 1; length <= MAX_PREFIX; length++)
    if (!search_prefix_length (lia_book_get_accounts (book), &floor, words, length, &times, &error))
      {
        broken (self->bench, "search: %s", error->message);
        return;
      }

  report_search (&times);
}

/* --- the lazy list, without a display ---------------------------------------- */

static void
bench_list_walk (Accounts *self,
                 LiaBook  *book)
{
  gint64 start = lia_bench_now_ns ();
  g_autoptr(LiaAccountList) list = lia_account_list_new (book);
  double open_ms = ms_since (start);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  double walk_ms;

  start = lia_bench_now_ns ();
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (item == NULL)
        {
          broken (self->bench, "list walk: no item at position %u of %u", i, n_items);
          return;
        }
    }
  walk_ms = MAX (ms_since (start), 1e-6);
  self->n_listed = n_items;

  lia_bench_figure (AREA, "list_walk_ms", walk_ms, "ms");
  lia_bench_figure (AREA, "list_walk_rows_per_s", n_items / (walk_ms / 1000), "rows/s");
  lia_bench_comment ("list walk: %u rows (closed accounts are hidden by default), counted in %.2f ms "
                     "when the list was made; %u accounts cached after the walk (at most %u)",
                     n_items, open_ms, lia_account_list_get_n_cached (list),
                     LIA_ACCOUNT_LIST_PAGE_SIZE * LIA_ACCOUNT_LIST_MAX_PAGES);
}

/* --- start-up and memory, in child processes --------------------------------- */

static void
target_argv (Accounts     *self,
             Target        target,
             const char  **argv)
{
  if (target == TARGET_BARE)
    {
      argv[0] = self->bench->self_exe;
      argv[1] = "bare-window";
      argv[2] = NULL;
      return;
    }

  argv[0] = self->bench->app_binary;
  argv[1] = "--data-dir";
  argv[2] = target == TARGET_FULL ? self->full_dir : self->empty_dir;
  argv[3] = NULL;
}

/* Runs @target with the hook variable @hook set; says why if it failed. */
static gboolean
run_target (Accounts      *self,
            Target         target,
            const char    *hook,
            guint          timeout_seconds,
            LiaBenchChild *child)
{
  g_auto(GStrv) env = g_environ_setenv (g_strdupv (self->bench->child_env), hook, "1", TRUE);
  g_autoptr(GError) error = NULL;
  const char *argv[4];

  target_argv (self, target, argv);
  if (!lia_bench_run_child (argv, (const char * const *)env, timeout_seconds, child, &error))
    {
      lia_bench_comment ("cannot start %s: %s", target_names[target], error->message);
      return FALSE;
    }

  return lia_bench_child_ok (child, target_names[target]);
}

static gboolean
child_value (LiaBenchChild *child,
             Target         target,
             const char    *key,
             gint64        *out_value)
{
  if (lia_bench_child_value (child, key, out_value))
    return TRUE;

  lia_bench_comment ("%s printed no %s line", target_names[target], key);
  return FALSE;
}

/* From just before the spawn to the child's own FIRST_FRAME stamp: both
 * read CLOCK_MONOTONIC, which is the same clock in every process. */
static gboolean
time_startup (Accounts *self,
              Target    target,
              double   *out_ms)
{
  g_auto(LiaBenchChild) child = { NULL };
  gint64 frame;

  if (!run_target (self, target, "LIAISON_BENCH_FIRST_FRAME", STARTUP_TIMEOUT_S, &child) ||
      !child_value (&child, target, "FIRST_FRAME", &frame))
    return FALSE;

  *out_ms = (frame - child.spawned_at) / 1000.0;
  return TRUE;
}

static void
report_startup (GArray **samples,
                guint    runs)
{
  double full = lia_bench_median (samples[TARGET_FULL]);
  double empty = lia_bench_median (samples[TARGET_EMPTY]);
  double bare = lia_bench_median (samples[TARGET_BARE]);

  lia_bench_figure (AREA, "startup_ms", full, "ms");
  lia_bench_figure (AREA, "startup_empty_ms", empty, "ms");
  lia_bench_figure (AREA, "startup_bare_window_ms", bare, "ms");
  lia_bench_figure (AREA, "startup_vs_bare_window", full / bare, "x");
  lia_bench_figure (AREA, "startup_full_vs_empty", full / empty, "x");

  lia_bench_comment ("start-up: spawn to first frame, median of %u interleaved runs after a warm-up; "
                     "ranges %.1f–%.1f, %.1f–%.1f, %.1f–%.1f ms (full, empty, bare)", runs,
                     g_array_index (samples[TARGET_FULL], double, 0),
                     g_array_index (samples[TARGET_FULL], double, runs - 1),
                     g_array_index (samples[TARGET_EMPTY], double, 0),
                     g_array_index (samples[TARGET_EMPTY], double, runs - 1),
                     g_array_index (samples[TARGET_BARE], double, 0),
                     g_array_index (samples[TARGET_BARE], double, runs - 1));
  comment_target ("start-up over the bare window", full / bare, TARGET_STARTUP_VS_BARE, "x");
  comment_target ("start-up, full book over empty", full / empty, TARGET_FULL_VS_EMPTY, "x");
}

static void
bench_startup (Accounts *self)
{
  g_autoptr(GArray) full = new_samples ();
  g_autoptr(GArray) empty = new_samples ();
  g_autoptr(GArray) bare = new_samples ();
  GArray *samples[N_TARGETS] = { full, empty, bare };

  for (guint run = 0; run <= self->bench->runs; run++)
    for (guint i = 0; i < N_TARGETS; i++)
      {
        /* Rotated, so no target always starts right after another. */
        Target target = (run + i) % N_TARGETS;
        double ms;

        if (!time_startup (self, target, &ms))
          {
            broken (self->bench, "start-up: %s not measured", target_names[target]);
            return;
          }
        if (run > 0)
          g_array_append_val (samples[target], ms);
      }

  report_startup (samples, self->bench->runs);
}

static void
bench_rss (Accounts *self)
{
  g_auto(LiaBenchChild) app = { NULL };
  g_auto(LiaBenchChild) bare = { NULL };
  gint64 app_kb, bare_kb, scrolled;
  gint64 start = lia_bench_now_ns ();

  if (!run_target (self, TARGET_FULL, "LIAISON_BENCH_SCROLL",
                   SCROLL_TIMEOUT_S (self->bench->scale), &app) ||
      !child_value (&app, TARGET_FULL, "PEAK_RSS_KB", &app_kb) ||
      !child_value (&app, TARGET_FULL, "SCROLLED", &scrolled))
    {
      broken (self->bench, "memory: %s not measured", target_names[TARGET_FULL]);
      return;
    }
  lia_bench_comment ("memory: the app scrolled %" G_GINT64_FORMAT " rows in %.1f s",
                     scrolled, ms_since (start) / 1000);
  if (scrolled != self->n_listed)
    lia_bench_comment ("memory: but the list has %u rows", self->n_listed);

  if (!run_target (self, TARGET_BARE, "LIAISON_BENCH_SCROLL", STARTUP_TIMEOUT_S, &bare) ||
      !child_value (&bare, TARGET_BARE, "PEAK_RSS_KB", &bare_kb))
    {
      broken (self->bench, "memory: %s not measured", target_names[TARGET_BARE]);
      return;
    }

  lia_bench_figure (AREA, "rss_peak_mb", app_kb / 1024.0, "MB");
  lia_bench_figure (AREA, "rss_bare_window_mb", bare_kb / 1024.0, "MB");
  lia_bench_figure (AREA, "rss_over_bare_window_mb", (app_kb - bare_kb) / 1024.0, "MB");
  comment_target ("peak RSS over the bare window", (app_kb - bare_kb) / 1024.0,
                  TARGET_RSS_OVER_BARE_MB, "MB");
}

/* --- areas ------------------------------------------------------------------- */

static gboolean
open_books (Accounts  *self,
            LiaBook  **out_book,
            GError   **error)
{
  g_autofree char *path = book_path (self->full_dir);

  return prepare_full_book (self, error) &&
         prepare_empty_book (self, error) &&
         (*out_book = lia_book_open (path, error)) != NULL;
}

static void
run_accounts (Bench *bench)
{
  g_autofree char *full_dir = g_build_filename (bench->work_dir, "full", NULL);
  g_autofree char *empty_dir = g_build_filename (bench->work_dir, "empty", NULL);
  Accounts self = { bench, full_dir, empty_dir, 0 };
  g_autoptr(LiaBook) book = NULL;
  g_autoptr(GError) error = NULL;

  if (!open_books (&self, &book, &error))
    {
      broken (bench, "cannot prepare the books: %s", error->message);
      return;
    }

  bench_search (&self, book);
  bench_list_walk (&self, book);
  /* The GUI children get the file to themselves. */
  g_clear_object (&book);

  if (!lia_bench_has_display ())
    {
      lia_bench_comment ("no display and no xvfb-run: start-up and memory figures skipped");
      return;
    }
  if (!g_file_test (bench->app_binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      broken (bench, "no app at %s (set LIAISON_BINARY): start-up and memory not measured",
              bench->app_binary);
      return;
    }

  bench_startup (&self);
  bench_rss (&self);
}

static void
run_portfolios (Bench *bench)
{
  if (!lia_bench_portfolios_run (bench->scale, bench->work_dir))
    bench->broken = TRUE;
}

static void
run_timeline (Bench *bench)
{
  if (!lia_bench_timeline_run (bench->scale, bench->work_dir))
    bench->broken = TRUE;
}

static void
run_calendar (Bench *bench)
{
  if (!lia_bench_calendar_run (bench->scale, bench->work_dir))
    bench->broken = TRUE;
}

typedef void (*AreaFunc) (Bench *bench);

static const struct
{
  const char *name;
  AreaFunc    run;
  gboolean    needs_display;
} areas[] = {
  { "accounts", run_accounts, TRUE },
  { "portfolios", run_portfolios, FALSE },
  { "timeline", run_timeline, FALSE },
  { "calendar", run_calendar, FALSE },
};

/* --- the program --------------------------------------------------------------- */

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFile *child;

  while (children && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child)
    remove_tree (child);
  g_file_delete (file, NULL, NULL);
}

/* Children get in-memory settings with the build tree's schemas and a
 * fresh config dir, so a run never reads or changes the user's. */
static char **
child_environ (const char *config_home)
{
  const char *schemas = g_getenv ("GSETTINGS_SCHEMA_DIR");
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", schemas ? schemas : LIA_BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config_home, TRUE);
  env = g_environ_unsetenv (env, "LIAISON_BENCH_FIRST_FRAME");
  env = g_environ_unsetenv (env, "LIAISON_BENCH_SCROLL");
  return env;
}

static gboolean
bench_init (Bench   *bench,
            GError **error)
{
  g_autofree char *config_home = NULL;
  const char *binary = g_getenv ("LIAISON_BINARY");

  if (!(bench->work_dir = g_dir_make_tmp ("liaison-bench-XXXXXX", error)))
    return FALSE;

  config_home = g_build_filename (bench->work_dir, "config", NULL);
  g_mkdir (config_home, 0700);
  bench->child_env = child_environ (config_home);
  bench->app_binary = g_strdup (binary && *binary ? binary : LIA_BENCH_LIAISON_BINARY);
  bench->self_exe = lia_bench_self_exe ();
  return bench->self_exe != NULL;
}

static void
bench_clear (Bench *bench)
{
  if (bench->work_dir)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (bench->work_dir);

      remove_tree (dir);
    }

  g_clear_pointer (&bench->work_dir, g_free);
  g_clear_pointer (&bench->child_env, g_strfreev);
  g_clear_pointer (&bench->app_binary, g_free);
  g_clear_pointer (&bench->self_exe, g_free);
}

static gboolean
parse_args (Bench       *bench,
            char      ***args,
            const char **out_area,
            GError     **error)
{
  int scale = DEFAULT_SCALE, runs = DEFAULT_RUNS;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, "Accounts in the generated book (100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Measured start-ups per target (7)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("accounts|portfolios|timeline|calendar|all");

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Prints BENCH <area>.<name> <value> <unit> lines, "
                                         "each figure next to its floor.");
  if (!g_option_context_parse_strv (context, args, error))
    return FALSE;

  if (g_strv_length (*args) != 2 || scale < 1 || runs < 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   "usage: liaison-bench accounts|portfolios|timeline|calendar|all"
                   " [--scale N ≥ 1] [--runs N ≥ 1]");
      return FALSE;
    }

  *out_area = g_intern_string ((*args)[1]);
  bench->scale = scale;
  bench->runs = runs;
  return TRUE;
}

static gboolean
known_area (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_str_equal (name, areas[i].name))
      return TRUE;

  return g_str_equal (name, "all");
}

static gboolean
runs_area (const char *chosen,
           guint       i)
{
  return g_str_equal (chosen, "all") || g_str_equal (chosen, areas[i].name);
}

/* Only the areas that start the app want Xvfb around them. */
static gboolean
needs_display (const char *chosen)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (runs_area (chosen, i) && areas[i].needs_display)
      return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  Bench bench = { 0 };
  const char *area = NULL;

  if (argc == 2 && g_str_equal (argv[1], "bare-window"))
    return lia_bench_bare_window_run ();

  if (!parse_args (&bench, &args, &area, &error) || !known_area (area))
    {
      g_printerr ("%s\n", error ? error->message
                                : "unknown area; known: accounts, portfolios, timeline, calendar, all");
      return 2;
    }

  if (needs_display (area))
    lia_bench_reexec_under_xvfb (argc, argv);
  if (!bench_init (&bench, &error))
    {
      lia_bench_comment ("cannot start: %s", error ? error->message : "no /proc/self/exe");
      bench_clear (&bench);
      return 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (runs_area (area, i))
      areas[i].run (&bench);

  bench_clear (&bench);
  return bench.broken ? 1 : 0;
}
