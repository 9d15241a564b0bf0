/* lia-meeting-page-actions.c — the "meeting." actions of a meeting page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-meeting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-enum-types.h"
#include "lia-follow-up-dialog.h"
#include "lia-follow-up-repository.h"
#include "lia-follow-up-row.h"
#include "lia-ics.h"
#include "lia-meeting-dialog.h"
#include "lia-meeting-labels.h"
#include "lia-meeting-page-private.h"
#include "lia-meeting-repository.h"
#include "lia-toast.h"

static GtkWindow *
parent_window (LiaMeetingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaMeetingPage *self = LIA_MEETING_PAGE (widget);

  gtk_window_present (GTK_WINDOW (lia_meeting_dialog_new_for_edit (parent_window (self), self->book,
                                                                   self->meeting_id, self->recurrence_id)));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaMeetingPage *self = LIA_MEETING_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int status;

  if (self->occurrence == NULL ||
      !lia_enum_from_nick (LIA_TYPE_MEETING_STATUS, g_variant_get_string (parameter, NULL), &status) ||
      (LiaMeetingStatus)status == lia_occurrence_get_status (self->occurrence))
    return;

  if (!lia_meeting_repository_set_status (lia_book_get_meetings (self->book), self->meeting_id,
                                          self->recurrence_id, status, &error))
    lia_toast_show (widget, error->message);
}

static void
save_minutes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (lia_meeting_page_save_minutes (LIA_MEETING_PAGE (widget), &error))
    lia_toast_show (widget, _("Minutes saved"));
  else
    lia_toast_show (widget, error->message);
}

static void
add_follow_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaMeetingPage *self = LIA_MEETING_PAGE (widget);
  g_autofree char *summary = lia_meeting_page_get_selected_text (self);
  GtkWidget *dialog;

  dialog = lia_follow_up_dialog_new (parent_window (self), self->book,
                                     lia_occurrence_get_account_id (self->occurrence), summary);
  lia_follow_up_dialog_set_meeting (LIA_FOLLOW_UP_DIALOG (dialog), self->meeting_id, self->recurrence_id);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Done, dropped or reopened: which, the action's name says. */
static void
follow_up_status_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LiaMeetingPage *self = LIA_MEETING_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!lia_follow_up_repository_set_status (lia_book_get_follow_ups (self->book), g_variant_get_int64 (parameter),
                                            lia_follow_up_row_action_status (action_name), &error))
    lia_toast_show (widget, error->message);
}

static void
open_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaMeetingPage *self = LIA_MEETING_PAGE (widget);

  gtk_widget_activate_action (widget, "win.show-account", "x",
                              lia_occurrence_get_account_id (self->occurrence));
}

/* ---- export ---- */

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       LiaMeetingPage  *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      if (lia_ics_export_file (self->book, 0, self->meeting_id, file, &error))
        lia_toast_show (GTK_WIDGET (self), _("Meeting exported"));
      else
        lia_toast_show (GTK_WIDGET (self), error->message);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaMeetingPage *self = LIA_MEETING_PAGE (widget);
  GtkFileChooserNative *chooser = lia_ics_chooser_new (widget, TRUE, lia_meeting_get_title (self->meeting));

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- delete ---- */

static void
delete_occurrences (LiaMeetingPage *self,
                    LiaEditScope    scope)
{
  g_autoptr(GError) error = NULL;

  if (!lia_meeting_repository_delete_occurrence (lia_book_get_meetings (self->book), self->meeting_id,
                                                 self->recurrence_id, scope, &error))
    lia_toast_show (GTK_WIDGET (self), error->message);
  else
    lia_toast_show (GTK_WIDGET (self), scope == LIA_EDIT_SCOPE_THIS ? _("Meeting deleted")
                                                                    : _("Meetings deleted"));
}

static void
on_delete_response_cb (LiaMeetingPage *self,
                       const char     *response)
{
  LiaEditScope scope;

  if (g_strcmp0 (response, "delete") == 0)
    delete_occurrences (self, LIA_EDIT_SCOPE_ALL);
  else if (lia_edit_scope_from_response (response, &scope))
    delete_occurrences (self, scope);
}

static AdwMessageDialog *
confirm_dialog_new (LiaMeetingPage *self)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a meeting's title */
  body = g_strdup_printf (_("“%s” and its minutes are deleted. Its follow-ups stay open."),
                          lia_occurrence_get_title (self->occurrence));
  dialog = adw_message_dialog_new (parent_window (self), _("Delete Meeting?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

/* One of a series asks which; a single meeting just asks. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaMeetingPage *self = LIA_MEETING_PAGE (widget);
  AdwMessageDialog *dialog = lia_occurrence_get_is_recurring (self->occurrence)
                             ? lia_edit_scope_dialog_new (widget, TRUE)
                             : confirm_dialog_new (self);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
lia_meeting_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "meeting.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "meeting.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "meeting.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "meeting.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "meeting.save-minutes", NULL, save_minutes_action);
  gtk_widget_class_install_action (widget_class, "meeting.add-follow-up", NULL, add_follow_up_action);
  gtk_widget_class_install_action (widget_class, "meeting.open-account", NULL, open_account_action);
  gtk_widget_class_install_action (widget_class, "meeting.follow-up-done", "x", follow_up_status_action);
  gtk_widget_class_install_action (widget_class, "meeting.follow-up-drop", "x", follow_up_status_action);
  gtk_widget_class_install_action (widget_class, "meeting.follow-up-reopen", "x", follow_up_status_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "meeting.save-minutes", NULL);
}

/**
 * lia_meeting_page_update_actions:
 *
 * The one place that decides which meeting actions are possible now.
 */
void
lia_meeting_page_update_actions (LiaMeetingPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = self->book != NULL && self->occurrence != NULL;
  gboolean writable = shown && !lia_book_is_read_only (self->book);

  gtk_widget_action_set_enabled (widget, "meeting.edit", writable);
  gtk_widget_action_set_enabled (widget, "meeting.delete", writable);
  gtk_widget_action_set_enabled (widget, "meeting.export", shown);
  gtk_widget_action_set_enabled (widget, "meeting.set-status", writable);
  gtk_widget_action_set_enabled (widget, "meeting.save-minutes", writable && self->dirty);
  gtk_widget_action_set_enabled (widget, "meeting.add-follow-up", writable);
  gtk_widget_action_set_enabled (widget, "meeting.open-account", shown);
  gtk_widget_action_set_enabled (widget, "meeting.follow-up-done", writable);
  gtk_widget_action_set_enabled (widget, "meeting.follow-up-drop", writable);
  gtk_widget_action_set_enabled (widget, "meeting.follow-up-reopen", writable);
}
