/* lia-window-actions.c — the "win." actions of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-dialog.h"
#include "lia-account-picker.h"
#include "lia-data-key-chooser.h"
#include "lia-group-dialog.h"
#include "lia-ics.h"
#include "lia-meeting-dialog.h"
#include "lia-meeting-labels.h"
#include "lia-sample-data.h"
#include "lia-toast.h"
#include "lia-vault.h"
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
 * event, over the calendar a new meeting, elsewhere a new account. */
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
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->areas), "calendar") == 0)
    {
      lia_calendar_view_new_meeting (lia_window_get_calendar_view (self));
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

static void
open_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gint64 meeting_id, recurrence_id;

  g_variant_get (parameter, "(xx)", &meeting_id, &recurrence_id);
  lia_window_open_meeting (LIA_WINDOW (widget), meeting_id, recurrence_id);
}

/* An event on the Timeline area's page (a follow-up's source). */
static void
open_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  lia_window_show_area (self, "timeline");
  lia_timeline_view_open_event (lia_window_get_timeline_view (self), g_variant_get_int64 (parameter));
}

static void
plan_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaWindow *self = LIA_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (lia_meeting_dialog_new_review (GTK_WINDOW (self), self->book,
                                                                 g_variant_get_int64 (parameter))));
}

/* ---- iCalendar files ---- */

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       LiaWindow       *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      if (lia_ics_export_file (self->book, 0, 0, file, &error))
        lia_toast_show (GTK_WIDGET (self), _("Calendar exported"));
      else
        lia_toast_show (GTK_WIDGET (self), error->message);
    }
  g_object_unref (chooser);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkFileChooserNative *chooser = lia_ics_chooser_new (widget, TRUE, _("Meetings"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void import_file (LiaWindow *self,
                         GFile     *file,
                         gint64     fallback_account_id);

static void
on_fallback_picked_cb (LiaAccountPicker *picker,
                       GParamSpec       *pspec,
                       AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "import", lia_account_picker_get_account_id (picker) != 0);
}

static void
on_fallback_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         LiaWindow        *self)
{
  LiaAccountPicker *picker = LIA_ACCOUNT_PICKER (adw_message_dialog_get_extra_child (dialog));
  GFile *file = g_object_get_data (G_OBJECT (dialog), "lia-file");

  if (g_strcmp0 (response, "import") == 0)
    import_file (self, file, lia_account_picker_get_account_id (picker));
}

/* Events whose attendees match no account: the person names one. */
static void
ask_fallback_account (LiaWindow    *self,
                      GFile        *file,
                      const GError *unmatched)
{
  GtkWidget *picker = lia_account_picker_new ();
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Which Account?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", unmatched->message,
                                  _("Choose the account they belong to."));
  lia_account_picker_set_book (LIA_ACCOUNT_PICKER (picker), self->book);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), picker);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lia-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (picker, "notify::account-id", G_CALLBACK (on_fallback_picked_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_fallback_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_import_error (LiaWindow    *self,
                   const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Import the Calendar"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What an import did, each count in a sentence of its own plural. */
static char *
describe_import (guint added,
                 guint updated)
{
  g_autofree char *new_text = NULL;
  g_autofree char *updated_text = NULL;

  if (added == 0 && updated == 0)
    return g_strdup (_("Nothing new to import"));
  /* Translators: a toast; %'u is a number of meetings (or series) */
  new_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %'u new meeting",
                                           "Imported %'u new meetings", added), added);
  if (updated == 0)
    return g_steal_pointer (&new_text);
  /* Translators: a toast; %'u is a number of meetings (or series) */
  updated_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated %'u meeting",
                                               "Updated %'u meetings", updated), updated);
  if (added == 0)
    return g_steal_pointer (&updated_text);
  /* Translators: a toast joining two sentences, "Imported 3 new meetings"
   * and "Updated 1 meeting" */
  return g_strdup_printf (C_("import", "%s; %s"), new_text, updated_text);
}

/* One transaction in the model: all of the file, or nothing. */
static void
import_file (LiaWindow *self,
             GFile     *file,
             gint64     fallback_account_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint added = 0, updated = 0;

  if (lia_ics_import_file (self->book, file, fallback_account_id, &added, &updated, &error))
    {
      done = describe_import (added, updated);
      lia_toast_show (GTK_WIDGET (self), done);
    }
  else if (g_error_matches (error, LIA_ICS_ERROR, LIA_ICS_ERROR_UNMATCHED) && fallback_account_id == 0)
    ask_fallback_account (self, file, error);
  else
    show_import_error (self, error);
}

static void
on_import_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       LiaWindow       *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    import_file (self, file, 0);
  g_object_unref (chooser);
}

static void
import_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkFileChooserNative *chooser = lia_ics_chooser_new (widget, FALSE, NULL);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the keyring banner's buttons ---- */

static void
retry_keyring_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  lia_vault_open (lia_book_get_vault (LIA_WINDOW (widget)->book));
}

static void
import_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lia_data_key_chooser_import (widget, LIA_WINDOW (widget)->book);
}

void
lia_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.retry-keyring", NULL, retry_keyring_action);
  gtk_widget_class_install_action (widget_class, "win.import-key", NULL, import_key_action);
  gtk_widget_class_install_action (widget_class, "win.new-group", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.show-account", "x", show_account_action);
  gtk_widget_class_install_action (widget_class, "win.new-account", NULL, new_account_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample-data", NULL, load_sample_data_action);
  gtk_widget_class_install_action (widget_class, "win.open-meeting", "(xx)", open_meeting_action);
  gtk_widget_class_install_action (widget_class, "win.open-event", "x", open_event_action);
  gtk_widget_class_install_action (widget_class, "win.plan-review", "x", plan_review_action);
  gtk_widget_class_install_action (widget_class, "win.import-calendar", NULL, import_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-meeting", self->book != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-event", self->book != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.plan-review", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-calendar", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", self->book != NULL);
  /* Not while the keyring is being asked already. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-keyring",
                                 self->book != NULL &&
                                 lia_vault_get_state (lia_book_get_vault (self->book)) != LIA_VAULT_STATE_OPENING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-key", writable);
}
