/* lia-bench.h — what every liaison-bench area shares: figures, children,
 * the display and the bare-window floor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "lia-book.h"

G_BEGIN_DECLS

/* One finished child process and what it printed. */
typedef struct
{
  char     *out;          /* stdout, NUL-terminated */
  char     *err;          /* stderr, NUL-terminated */
  gint64    spawned_at;   /* g_get_monotonic_time () just before the spawn */
  gboolean  timed_out;    /* killed because it did not finish in time */
  gboolean  crashed;      /* ended by a signal other than our kill */
  int       exit_status;
} LiaBenchChild;

void      lia_bench_figure          (const char          *area,
                                     const char          *name,
                                     double               value,
                                     const char          *unit);
void      lia_bench_comment         (const char          *format,
                                     ...) G_GNUC_PRINTF (1, 2);
gint64    lia_bench_now_ns          (void);
double    lia_bench_percentile      (GArray              *samples,
                                     double               percent);
double    lia_bench_median          (GArray              *samples);
guint64   lia_bench_peak_rss_kb     (void);
guint64   lia_bench_rss_kb          (void);
gboolean  lia_bench_reset_peak_rss  (void);

/* One timed piece of work; FALSE when it failed. */
typedef gboolean (*LiaBenchWork) (gpointer data);

gboolean  lia_bench_time_pair       (LiaBenchWork         model,
                                     LiaBenchWork         floor,
                                     gpointer             data,
                                     guint                warm_ups,
                                     guint                runs,
                                     GArray              *model_ms,
                                     GArray              *floor_ms);

gint64    lia_bench_fixed_clock     (gpointer             now);
LiaBook  *lia_bench_generate_book   (const char          *path,
                                     guint                n_accounts,
                                     guint32              seed,
                                     const gint64        *now,
                                     GError             **error);
sqlite3  *lia_bench_floor_open      (const char          *path,
                                     GError             **error);
gboolean  lia_bench_drain           (sqlite3_stmt        *stmt,
                                     guint               *out_rows);

sqlite3  *lia_bench_load_open       (const char          *path,
                                     GError             **error);
gboolean  lia_bench_load_finish     (sqlite3             *db,
                                     GError             **error);
void      lia_bench_load_close      (sqlite3             *db);
gboolean  lia_bench_exec            (sqlite3             *db,
                                     const char          *sql,
                                     GError             **error);
sqlite3_stmt *lia_bench_prepare     (sqlite3             *db,
                                     const char          *sql,
                                     GError             **error);
gboolean  lia_bench_step_done       (sqlite3             *db,
                                     sqlite3_stmt        *stmt,
                                     GError             **error);
void      lia_bench_bind_id         (sqlite3_stmt        *stmt,
                                     int                  index,
                                     gint64               value);
gint64    lia_bench_count_rows      (sqlite3             *db,
                                     const char          *sql);

char     *lia_bench_self_exe        (void);
gboolean  lia_bench_has_display     (void);
void      lia_bench_reexec_under_xvfb (int                argc,
                                     char               **argv);

gboolean  lia_bench_run_child       (const char * const  *argv,
                                     const char * const  *envp,
                                     guint                timeout_seconds,
                                     LiaBenchChild       *child,
                                     GError             **error);
gboolean  lia_bench_child_ok        (LiaBenchChild       *child,
                                     const char          *what);
gboolean  lia_bench_child_value     (LiaBenchChild       *child,
                                     const char          *key,
                                     gint64              *out_value);
void      lia_bench_child_clear     (LiaBenchChild       *child);

int       lia_bench_bare_window_run (void);

/* lia-bench-portfolios.c */
gboolean  lia_bench_portfolios_run  (guint                scale,
                                     const char          *work_dir);

/* lia-bench-timeline.c */
gboolean  lia_bench_timeline_run    (guint                scale,
                                     const char          *work_dir);

/* lia-bench-calendar.c */
gboolean  lia_bench_calendar_run    (guint                scale,
                                     const char          *work_dir);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LiaBenchChild, lia_bench_child_clear)

G_END_DECLS
