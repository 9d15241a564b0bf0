/* lia-calendar-view-actions.c — the "calendar." actions of the Calendar area
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-calendar-view-private.h"
#include "lia-meeting-dialog.h"
#include "lia-meeting-labels.h"

static void
on_meeting_saved_cb (LiaCalendarView *self,
                     gint64           meeting_id,
                     gint64           starts_at)
{
  GDate day;

  /* Show where it went: a series planned for next month is there. */
  lia_date_from_unix (starts_at, &day);
  lia_calendar_view_set_date (self, &day);
}

/**
 * lia_calendar_view_new_meeting:
 *
 * Opens the dialog for a new meeting on the selected day; the person
 * picks the account.
 */
void
lia_calendar_view_new_meeting (LiaCalendarView *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (LIA_IS_CALENDAR_VIEW (self));
  g_return_if_fail (self->book != NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = lia_meeting_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->book, 0,
                                   lia_month_grid_get_date (self->month_grid));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_meeting_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  lia_calendar_view_new_meeting (LIA_CALENDAR_VIEW (widget));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lia_calendar_view_move (LIA_CALENDAR_VIEW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lia_calendar_view_move (LIA_CALENDAR_VIEW (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  lia_calendar_view_go_today (LIA_CALENDAR_VIEW (widget));
}

static void
close_meeting_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  lia_calendar_view_close_meeting (LIA_CALENDAR_VIEW (widget));
}

void
lia_calendar_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.close-meeting", NULL, close_meeting_action);

  /* For focus inside the view; the window maps the application's Ctrl+N
   * here while the Calendar area is shown. The month grid has its own
   * keys for days and months. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "calendar.new-meeting", NULL);
}

/**
 * lia_calendar_view_update_actions:
 *
 * The one place that decides which calendar actions are possible now.
 */
void
lia_calendar_view_update_actions (LiaCalendarView *self)
{
  gboolean readable = self->book != NULL;
  gboolean writable = readable && !lia_book_is_read_only (self->book);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.new-meeting", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.previous", readable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.next", readable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.today", readable);
}
