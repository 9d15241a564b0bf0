/* lia-window-actions.c — the "win." actions of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-dialog.h"
#include "lia-group-dialog.h"
#include "lia-sample-data.h"
#include "lia-toast.h"
#include "lia-window-private.h"

static void
on_account_created_cb (LiaWindow        *self,
                       gint64            account_id,
                       LiaAccountDialog *dialog)
{
  /* The dialog may have been opened from another area. */
  lia_window_show_area (self, "accounts");
  lia_accounts_view_show_account (self->accounts_view, account_id);
  lia_toast_show (GTK_WIDGET (self), _("Account created"));
}

/* The timeline the person works in: the one holding the focus (on an
 * account's page, say), else the Timeline area when it is shown. */
static LiaTimelineView *
current_timeline (LiaWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *timeline = focus ? gtk_widget_get_ancestor (focus, LIA_TYPE_TIMELINE_VIEW) : NULL;

  if (timeline != NULL)
    return LIA_TIMELINE_VIEW (timeline);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->areas), "timeline") == 0)
    return self->timeline_view;
  return NULL;
}

/* The application binds Ctrl+N here: over a timeline it means a new
 * event, elsewhere a new account. */
static void
new_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  LiaTimelineView *timeline = current_timeline (self);
  GtkWidget *dialog;

  if (timeline != NULL)
    {
      lia_timeline_view_new_event (timeline);
      return;
    }

  dialog = lia_account_dialog_new (GTK_WINDOW (self), self->book);

  g_signal_connect_object (dialog, "account-created", G_CALLBACK (on_account_created_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  LiaTimelineView *timeline = current_timeline (self);

  /* Over a timeline Ctrl+F searches its events; elsewhere, accounts. */
  if (timeline != NULL)
    {
      lia_timeline_view_begin_search (timeline);
      return;
    }
  lia_window_show_area (self, "accounts");
  lia_accounts_view_begin_search (self->accounts_view);
}

static void
load_sample_data_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* Samples mixed into real accounts would be hard to tell apart. */
  if (!lia_book_is_empty (self->book))
    {
      lia_toast_show (widget, _("Sample data can only be loaded into an empty book"));
      return;
    }

  if (!lia_sample_data_generate (self->book, LIA_SAMPLE_DATA_ACCOUNTS, 1, &error))
    lia_toast_show (widget, error->message);
}

static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (lia_group_dialog_new (GTK_WINDOW (self), self->book, 0)));
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  lia_window_show_area (LIA_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Other areas open an account on the Accounts area's page. */
static void
show_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  lia_window_show_area (self, "accounts");
  lia_accounts_view_show_account (self->accounts_view, g_variant_get_int64 (parameter));
}

void
lia_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-group", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.show-account", "x", show_account_action);
  gtk_widget_class_install_action (widget_class, "win.new-account", NULL, new_account_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL, load_sample_data_action);
}

/**
 * lia_window_update_actions:
 *
 * The one place that decides which window actions are possible now.
 */
void
lia_window_update_actions (LiaWindow *self)
{
  gboolean writable = self->book != NULL && !lia_book_is_read_only (self->book);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-account", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", self->book != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-sample-data", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-group", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-account", self->book != NULL);
}
