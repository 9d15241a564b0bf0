/* lia-bench-hooks.c — what liaison-bench measures inside the app
 *
 * Off unless the benchmark sets an environment variable:
 *
 *  LIAISON_BENCH_FIRST_FRAME=1  print "FIRST_FRAME <monotonic µs>" once the
 *                               main window has painted, then quit.
 *  LIAISON_BENCH_SCROLL=1       after the first frame, scroll the accounts
 *                               list top to bottom one page per frame,
 *                               fetching every row from the model on the
 *                               way, then print "PEAK_RSS_KB <VmHWM>" and
 *                               "SCROLLED <n_items>" and quit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lia-bench-hooks.h"

typedef struct
{
  LiaWindow *window;
  gboolean   scroll;
  gulong     paint_handler;
  guint      next_item;
} BenchRun;

static gboolean
env_is_set (const char *name)
{
  return g_strcmp0 (g_getenv (name), "1") == 0;
}

static void
quit (BenchRun *run)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (run->window)));

  fflush (stdout);
  if (app != NULL)
    g_application_quit (app);
  else
    gtk_window_destroy (GTK_WINDOW (run->window));
}

/* VmHWM: the peak resident set size, in kB. */
static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmHWM:")))
    return 0;

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* Each frame: one page down, and every row up to that point fetched from
 * the model, so the whole list passes through its cache once. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  BenchRun *run = user_data;
  LiaAccountsView *view = lia_window_get_accounts_view (run->window);
  GListModel *model = G_LIST_MODEL (lia_accounts_view_get_list (view));
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (lia_accounts_view_get_scrolled_window (view));
  guint n_items = g_list_model_get_n_items (model);
  double upper = gtk_adjustment_get_upper (adj);
  double page = gtk_adjustment_get_page_size (adj);
  double value = MIN (gtk_adjustment_get_value (adj) + page, upper - page);
  guint until = upper > page ? (guint)(n_items * (value + page) / upper) : n_items;
  gboolean at_end = value >= upper - page;

  gtk_adjustment_set_value (adj, value);

  if (at_end)
    until = n_items;
  for (; run->next_item < MIN (until, n_items); run->next_item++)
    {
      GObject *item = g_list_model_get_item (model, run->next_item);
      g_clear_object (&item);
    }

  if (!at_end || run->next_item < n_items)
    return G_SOURCE_CONTINUE;

  printf ("PEAK_RSS_KB %" G_GUINT64_FORMAT "\n", peak_rss_kb ());
  printf ("SCROLLED %u\n", n_items);
  quit (run);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   BenchRun      *run)
{
  g_signal_handler_disconnect (clock, run->paint_handler);
  run->paint_handler = 0;

  printf ("FIRST_FRAME %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  if (!run->scroll)
    {
      quit (run);
      return;
    }

  gtk_widget_add_tick_callback (GTK_WIDGET (run->window), scroll_tick_cb, run, NULL);
}

static void
on_map_cb (GtkWidget *widget,
           BenchRun  *run)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (run->paint_handler != 0 || clock == NULL)
    return;

  run->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), run);
}

/**
 * lia_bench_hooks_attach:
 *
 * Called with the main window before it is presented; does nothing
 * unless a LIAISON_BENCH_* variable asks for it.
 */
void
lia_bench_hooks_attach (LiaWindow *window)
{
  gboolean first_frame = env_is_set ("LIAISON_BENCH_FIRST_FRAME");
  gboolean scroll = env_is_set ("LIAISON_BENCH_SCROLL");
  BenchRun *run;

  if (!first_frame && !scroll)
    return;

  run = g_new0 (BenchRun, 1);
  run->window = window;
  run->scroll = scroll;
  g_object_set_data_full (G_OBJECT (window), "lia-bench-run", run, g_free);
  g_signal_connect_after (window, "map", G_CALLBACK (on_map_cb), run);
}
