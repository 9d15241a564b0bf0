/* test-display.h — helpers shared by the display suites
 *
 * A display suite drives real widgets under xvfb-run (and
 * dbus-run-session). It never sleeps a fixed time: it iterates the main
 * loop until what it waits for holds, and gives up after a while, saying
 * what it was waiting for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-views.h"
#include "lia-window.h"

#include "test-book.h"

G_BEGIN_DECLS

#define LIA_TEST_WAIT_SECONDS 20

/* 1 Jan 2026, 12:00 UTC: the tests' "now" until they move it. */
#define LIA_TEST_START_TIME G_GINT64_CONSTANT (1767268800)

typedef gboolean (*LiaTestCondition) (gpointer data);

static gboolean
lia_test_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @condition holds; fails after a while
 * rather than sleeping a fixed time. The timer wakes the loop, so a
 * condition nothing signals is still looked at, and the deadline too. */
static G_GNUC_UNUSED void
lia_test_wait_for (LiaTestCondition  condition,
                   gpointer          data,
                   const char       *what)
{
  gint64 deadline = g_get_monotonic_time () + LIA_TEST_WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, lia_test_wake_cb, NULL);

  g_test_message ("Waiting for %s", what);
  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

/* Runs whatever is ready, without blocking. */
static G_GNUC_UNUSED void
lia_test_drain_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static G_GNUC_UNUSED gboolean
lia_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A template child of @widget, which must be there. */
static G_GNUC_UNUSED GtkWidget *
lia_test_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* Builds one of each of @types and lets it go, so a template that names
 * a widget newer than Debian 12's toolkit fails here rather than in the
 * field. Windows are destroyed; other widgets, floating, are sunk first. */
static G_GNUC_UNUSED void
lia_test_build_each (const GType *types,
                     guint        n_types)
{
  for (guint i = 0; i < n_types; i++)
    {
      gpointer object = g_object_new (types[i], NULL);

      if (GTK_IS_WINDOW (object))
        {
          gtk_window_destroy (object);
          continue;
        }
      g_object_ref_sink (object);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, types[i]));
      g_object_unref (object);
    }
}

typedef gboolean (*LiaTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

/* The first widget at or below @widget, depth first, that @match
 * accepts; NULL for none. */
static G_GNUC_UNUSED GtkWidget *
lia_test_find_widget (GtkWidget          *widget,
                      LiaTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = lia_test_find_widget (c, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GType      type;
  GtkWindow *found;
} LiaTestFindWindow;

static gboolean
lia_test_find_toplevel (gpointer data)
{
  LiaTestFindWindow *find = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, find->type) && gtk_widget_get_visible (l->data))
      {
        find->found = l->data;
        return TRUE;
      }

  return FALSE;
}

/* The first shown window of @type, once there is one: dialogs open
 * from the main loop, not within the call that asks for them. */
static G_GNUC_UNUSED GtkWindow *
lia_test_wait_for_toplevel (GType type)
{
  LiaTestFindWindow find = { type, NULL };

  lia_test_wait_for (lia_test_find_toplevel, &find, g_type_name (type));
  return find.found;
}

static gboolean
lia_test_is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
lia_test_on_destroy_cb (GtkWidget *widget,
                        gpointer  *alive)
{
  *alive = NULL;
}

/* Windows may be gone before the call that closes them returns: watch
 * them first. Others (accessibility, say) may still hold a reference,
 * so watch for destroy rather than finalize. */
static void
lia_test_watch (gpointer  window,
                gpointer *alive)
{
  *alive = window;
  g_signal_connect (window, "destroy", G_CALLBACK (lia_test_on_destroy_cb), alive);
}

/* Clicks @button in @window, as a person can only if it is sensitive,
 * and waits for the window to close. */
static G_GNUC_UNUSED void
lia_test_click_and_wait_destroyed (GtkWindow *window,
                                   GtkWidget *button)
{
  gpointer alive;

  lia_test_watch (window, &alive);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  lia_test_wait_for (lia_test_is_gone, &alive, "a window to close");
}

/* Activates @action on @window, which must take it, and waits for the
 * window to close. */
static G_GNUC_UNUSED void
lia_test_activate_and_wait_destroyed (GtkWindow  *window,
                                      const char *action)
{
  gpointer alive;

  lia_test_watch (window, &alive);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  lia_test_wait_for (lia_test_is_gone, &alive, "a dialog to close");
}

/* The main window on @book, presented and mapped; @width 0 keeps its
 * default size. */
static G_GNUC_UNUSED LiaWindow *
lia_test_main_window_new (LiaBook *book,
                          int      width,
                          int      height)
{
  LiaWindow *window = lia_window_new (NULL, book);

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_wait_for (lia_test_is_mapped, window, "the main window to map");
  return window;
}

/* Undoes a fixture: the window (and what it opened) first, then what
 * closing it queued, so nothing still uses the book when it closes. */
static G_GNUC_UNUSED void
lia_test_display_tear_down (GtkWindow  *window,
                            LiaBook   **book,
                            char      **data_dir)
{
  gtk_window_destroy (window);
  lia_test_drain_main_loop ();
  lia_test_book_close (book, data_dir, NULL);
}

/* What every display suite's main() does first. */
static G_GNUC_UNUSED void
lia_test_display_init (int    *argc,
                       char ***argv)
{
  const char *homes[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME" };

  /* Nothing the tests do may touch the real home. */
  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_autofree char *dir = lia_test_make_tmp ();

      g_setenv (homes[i], dir, TRUE);
    }
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* Accessible state is asserted in-process; no AT-SPI bus is needed. */
  g_setenv ("GTK_A11Y", "test", FALSE);

  lia_views_init ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

G_END_DECLS
