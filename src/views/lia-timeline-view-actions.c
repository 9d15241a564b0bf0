/* lia-timeline-view-actions.c — the "timeline." actions of a timeline view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-event-dialog.h"
#include "lia-timeline-view-private.h"

static void
on_event_saved_cb (LiaTimelineView *self,
                   gint64           event_id)
{
  /* Beside the list there is room to show what was just recorded. */
  if (!adw_leaflet_get_folded (self->leaflet))
    lia_timeline_view_open_event (self, event_id);
}

/**
 * lia_timeline_view_new_event:
 *
 * Opens the dialog for a new event: of the view's account when it is on
 * an account's page, else of an account the person picks.
 */
void
lia_timeline_view_new_event (LiaTimelineView *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));
  g_return_if_fail (self->book != NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* A portfolio's view holds the group: the event may be any member's. */
  dialog = lia_event_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->book,
                                 self->with_subsidiaries ? 0 : self->account_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_event_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lia_timeline_view_new_event (LIA_TIMELINE_VIEW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lia_timeline_view_begin_search (LIA_TIMELINE_VIEW (widget));
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  lia_timeline_view_reset_filters (LIA_TIMELINE_VIEW (widget));
}

static void
close_event_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lia_timeline_view_close_event (LIA_TIMELINE_VIEW (widget));
}

void
lia_timeline_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "timeline.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "timeline.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "timeline.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "timeline.close-event", NULL, close_event_action);

  /* For focus inside the view; the window maps the application's Ctrl+N
   * and Ctrl+F to these while the Timeline area is shown. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "timeline.new-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "timeline.search", NULL);
}

/**
 * lia_timeline_view_update_actions:
 *
 * The one place that decides which timeline actions are possible now.
 */
void
lia_timeline_view_update_actions (LiaTimelineView *self)
{
  gboolean readable = self->book != NULL;
  gboolean writable = readable && !lia_book_is_read_only (self->book);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.new-event", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.search", readable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.reset-filters", readable);
}
