/* lia-bench-portfolios.c — the portfolios area: the roll-up of every
 * group and the coverage page over a large book, each beside the same
 * SQL run on a bare sqlite3 connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "lia-bench.h"
#include "lia-book.h"
#include "lia-portfolio-repository.h"
#include "lia-portfolio-store.h"

#define WARM_UPS            2
#define RUNS                15
#define TARGET_MS           100.0

typedef struct
{
  LiaPortfolioRepository *repo;
  LiaBook                *book;
  sqlite3                *raw;
  sqlite3_stmt           *groups;
  sqlite3_stmt           *coverage;
  sqlite3_stmt           *coverage_counts;
} Portfolios;

static gboolean
model_rollup (gpointer data)
{
  Portfolios *self = data;
  g_autoptr(GListModel) groups = lia_portfolio_repository_list_groups (self->repo, NULL);

  return groups != NULL;
}

static gboolean
sqlite_rollup (gpointer data)
{
  return lia_bench_drain (((Portfolios *)data)->groups, NULL);
}

/* What the coverage page runs: the share, then the overdue list. */
static gboolean
model_coverage (gpointer data)
{
  Portfolios *self = data;
  g_autoptr(GListModel) overdue = NULL;
  guint on_time, total;

  return lia_portfolio_repository_count_coverage (self->repo, &on_time, &total, NULL) &&
         (overdue = lia_portfolio_repository_list_coverage (self->repo, TRUE,
                                                            LIA_COVERAGE_LIST_LIMIT, NULL)) != NULL;
}

static gboolean
sqlite_coverage (gpointer data)
{
  Portfolios *self = data;
  gint64 now = lia_book_now (self->book);

  sqlite3_bind_int64 (self->coverage_counts, 1, now);
  sqlite3_bind_int (self->coverage, 1, 1);
  sqlite3_bind_int64 (self->coverage, 2, now);
  sqlite3_bind_int64 (self->coverage, 3, LIA_COVERAGE_LIST_LIMIT);
  return lia_bench_drain (self->coverage_counts, NULL) && lia_bench_drain (self->coverage, NULL);
}

static gboolean
model_workload (gpointer data)
{
  g_autoptr(GListModel) load = lia_portfolio_repository_list_workload (((Portfolios *)data)->repo, NULL);

  return load != NULL;
}

/* Medians of RUNS timings after WARM_UPS, model and floor in turns. */
static gboolean
time_pair (LiaBenchWork  model,
           LiaBenchWork  floor,
           gpointer      data,
           double       *out_model_ms,
           double       *out_floor_ms)
{
  g_autoptr(GArray) model_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));

  if (!lia_bench_time_pair (model, floor, data, WARM_UPS, RUNS, model_ms, floor_ms))
    return FALSE;

  *out_model_ms = lia_bench_median (model_ms);
  *out_floor_ms = floor ? lia_bench_median (floor_ms) : 0;
  return TRUE;
}

static void
report (const char *name,
        double      model_ms,
        double      floor_ms)
{
  g_autofree char *figure = g_strdup_printf ("%s_ms", name);
  g_autofree char *floor_figure = g_strdup_printf ("%s_sqlite_ms", name);
  g_autofree char *ratio = g_strdup_printf ("%s_vs_sqlite", name);

  lia_bench_figure ("portfolios", figure, model_ms, "ms");
  if (floor_ms > 0)
    {
      lia_bench_figure ("portfolios", floor_figure, floor_ms, "ms");
      lia_bench_figure ("portfolios", ratio, model_ms / floor_ms, "x");
    }
  lia_bench_comment ("%s: %.1f ms, target < %.0f ms: %s", name, model_ms, TARGET_MS,
                     model_ms < TARGET_MS ? "met" : "MISSED");
}

static gboolean
open_floor (Portfolios  *self,
            const char  *path)
{
  if (!(self->raw = lia_bench_floor_open (path, NULL)))
    return FALSE;

  if (sqlite3_prepare_v2 (self->raw, lia_portfolio_store_groups_sql (), -1, &self->groups, NULL) != SQLITE_OK)
    return FALSE;
  /* The app counts SLA breaches up to now and follow-ups overdue before
   * today; so does the floor. */
  sqlite3_bind_int64 (self->groups, sqlite3_bind_parameter_index (self->groups, ":now"),
                      g_get_real_time () / G_USEC_PER_SEC);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    sqlite3_bind_text (self->groups, sqlite3_bind_parameter_index (self->groups, ":today"),
                       today, -1, SQLITE_TRANSIENT);
  }
  return sqlite3_prepare_v2 (self->raw, lia_portfolio_store_coverage_sql (), -1, &self->coverage, NULL) == SQLITE_OK &&
         sqlite3_prepare_v2 (self->raw, lia_portfolio_store_coverage_counts_sql (), -1,
                             &self->coverage_counts, NULL) == SQLITE_OK;
}

static void
close_floor (Portfolios *self)
{
  g_clear_pointer (&self->groups, sqlite3_finalize);
  g_clear_pointer (&self->coverage, sqlite3_finalize);
  g_clear_pointer (&self->coverage_counts, sqlite3_finalize);
  g_clear_pointer (&self->raw, sqlite3_close);
}

static gboolean
measure (Portfolios *self)
{
  g_autoptr(GListModel) groups = lia_portfolio_repository_list_groups (self->repo, NULL);
  double model_ms, floor_ms;
  guint on_time = 0, total = 0;

  if (groups == NULL ||
      !lia_portfolio_repository_count_coverage (self->repo, &on_time, &total, NULL))
    return FALSE;
  lia_bench_comment ("%u groups; %u of %u major accounts within their contact cadence",
                     g_list_model_get_n_items (groups), on_time, total);

  if (!time_pair (model_rollup, sqlite_rollup, self, &model_ms, &floor_ms))
    return FALSE;
  report ("rollup", model_ms, floor_ms);

  if (!time_pair (model_coverage, sqlite_coverage, self, &model_ms, &floor_ms))
    return FALSE;
  report ("coverage", model_ms, floor_ms);

  if (!time_pair (model_workload, NULL, self, &model_ms, &floor_ms))
    return FALSE;
  report ("workload", model_ms, 0);
  return TRUE;
}

/**
 * lia_bench_portfolios_run:
 * @scale: accounts in the book; one in twenty heads a group, so 100,000
 *   accounts make 5,000 portfolios
 *
 * Returns: %FALSE when a figure could not be measured.
 */
gboolean
lia_bench_portfolios_run (guint       scale,
                          const char *work_dir)
{
  g_autofree char *dir = g_build_filename (work_dir, "portfolios", NULL);
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(GError) error = NULL;
  Portfolios self = { 0 };
  gboolean ok;

  g_mkdir_with_parents (dir, 0700);
  if (!(self.book = lia_bench_generate_book (path, scale, 7, NULL, &error)))
    {
      lia_bench_comment ("cannot make the portfolio book: %s", error->message);
      return FALSE;
    }
  self.repo = lia_book_get_portfolios (self.book);

  if (!open_floor (&self, path))
    {
      lia_bench_comment ("cannot open the bare sqlite3 floor: %s",
                         self.raw ? sqlite3_errmsg (self.raw) : "no connection");
      close_floor (&self);
      g_clear_object (&self.book);
      return FALSE;
    }

  ok = measure (&self);
  if (!ok)
    lia_bench_comment ("a portfolio query failed");

  close_floor (&self);
  g_clear_object (&self.book);
  return ok;
}
