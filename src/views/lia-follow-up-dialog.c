/* lia-follow-up-dialog.c — note something to follow up: what, who, by when
 *
 * Opened from a meeting's minutes (or an event) with the account and
 * source known; only the summary is required. The owner starts as
 * whoever uses the app when they are staff, else the account's manager;
 * the due day a week from today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-follow-up-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-repository.h"
#include "lia-choice-labels.h"
#include "lia-follow-up-dialog.h"
#include "lia-follow-up-repository.h"
#include "lia-format.h"
#include "lia-meeting-labels.h"
#include "lia-meeting-repository.h"
#include "lia-toast.h"
#include "lia-views.h"

#define DEFAULT_DAYS 7

struct _LiaFollowUpDialog
{
  AdwWindow     parent_instance;

  LiaBook      *book;
  gint64        account_id;
  gint64        meeting_id;
  gint64        occurrence_at;
  gint64        event_id;
  gboolean      summary_touched;

  /* Template children */
  AdwEntryRow  *summary_row;
  AdwComboRow  *owner_row;
  AdwEntryRow  *due_row;
  AdwActionRow *source_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (LiaFollowUpDialog, lia_follow_up_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
show_error (LiaFollowUpDialog *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The first thing in the way of saving, or NULL. */
static const char *
check_fields (LiaFollowUpDialog *self,
              GDate             *due)
{
  g_autofree char *summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row))));
  gboolean due_ok = lia_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->due_row)), due);

  lia_widget_set_invalid (GTK_WIDGET (self->summary_row), self->summary_touched && *summary == '\0');
  lia_widget_set_invalid (GTK_WIDGET (self->due_row), !due_ok);
  if (!due_ok)
    return _("The due day is not a date (expected YYYY-MM-DD)");
  if (*summary == '\0')
    return _("Say what is to be followed up");
  return NULL;
}

static void
on_field_changed_cb (LiaFollowUpDialog *self)
{
  const char *problem;
  GDate due;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->summary_row)) != '\0')
    self->summary_touched = TRUE;
  problem = check_fields (self, &due);
  show_error (self, self->summary_touched ? problem : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-up.save", problem == NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaFollowUpDialog *self = LIA_FOLLOW_UP_DIALOG (widget);
  g_autoptr(LiaFollowUp) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *problem;
  GDate due;

  self->summary_touched = TRUE;
  if ((problem = check_fields (self, &due)) != NULL)
    {
      show_error (self, problem);
      return;
    }

  summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row))));
  follow_up = lia_follow_up_new (self->account_id, summary, &due);
  lia_follow_up_set_owner_id (follow_up,
                              lia_active_staff_labels_get_id (lia_book_get_staff (self->book), TRUE,
                                                              adw_combo_row_get_selected (self->owner_row)));
  if (self->meeting_id != 0)
    lia_follow_up_set_meeting (follow_up, self->meeting_id, self->occurrence_at);
  if (self->event_id != 0)
    lia_follow_up_set_event_id (follow_up, self->event_id);

  if (!lia_follow_up_repository_add (lia_book_get_follow_ups (self->book), follow_up, &error))
    {
      show_error (self, error->message);
      return;
    }

  lia_toast_show (widget, _("Follow-up added"));
  g_signal_emit (self, signals[SAVED], 0, lia_follow_up_get_id (follow_up));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lia_follow_up_dialog_dispose (GObject *object)
{
  LiaFollowUpDialog *self = (LiaFollowUpDialog *)object;

  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_follow_up_dialog_parent_class)->dispose (object);
}

static void
lia_follow_up_dialog_class_init (LiaFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_follow_up_dialog_dispose;

  /* After the follow-up was written: its id. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "follow-up.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_follow_up_dialog_init (LiaFollowUpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->source_row), FALSE);
}

/* Whoever uses the app, when they are staff; else the account's manager. */
static gint64
default_owner (LiaBook *book,
               gint64   account_id)
{
  gint64 me = lia_book_find_staff (book, lia_book_get_actor (book));
  g_autoptr(LiaAccount) account = NULL;

  if (me > 0)
    return me;
  account = lia_account_repository_lookup (lia_book_get_accounts (book), account_id, NULL);
  return account ? lia_account_get_manager_id (account) : 0;
}

static void
fill_defaults (LiaFollowUpDialog *self)
{
  GListModel *staff = lia_book_get_staff (self->book);
  g_autoptr(GtkStringList) owners = lia_active_staff_labels_new (staff, C_("owner", "Nobody"));
  g_autofree char *due_text = NULL;
  GDate due;

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  adw_combo_row_set_selected (self->owner_row,
                              lia_active_staff_labels_find (staff, TRUE, default_owner (self->book, self->account_id)));
  lia_date_from_unix (lia_book_now (self->book), &due);
  g_date_add_days (&due, DEFAULT_DAYS);
  due_text = lia_format_iso_date (&due);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due_text);
}

GtkWidget *
lia_follow_up_dialog_new (GtkWindow  *parent,
                          LiaBook    *book,
                          gint64      account_id,
                          const char *summary)
{
  LiaFollowUpDialog *self;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);
  g_return_val_if_fail (account_id != 0, NULL);

  self = g_object_new (LIA_TYPE_FOLLOW_UP_DIALOG, "transient-for", parent, NULL);
  self->book = g_object_ref (book);
  self->account_id = account_id;
  fill_defaults (self);
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), summary ? summary : "");
  self->summary_touched = FALSE;
  on_field_changed_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->summary_row));
  return GTK_WIDGET (self);
}

void
lia_follow_up_dialog_set_meeting (LiaFollowUpDialog *self,
                                  gint64             meeting_id,
                                  gint64             occurrence_at)
{
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autofree char *date = NULL;
  g_autofree char *source = NULL;

  g_return_if_fail (LIA_IS_FOLLOW_UP_DIALOG (self));

  self->meeting_id = meeting_id;
  self->occurrence_at = occurrence_at;
  if (!(meeting = lia_meeting_repository_lookup (lia_book_get_meetings (self->book), meeting_id, NULL)))
    return;

  /* The day as the person reads dates, not as it is stored. */
  date = lia_format_date (occurrence_at);
  /* Translators: a meeting's title and day, e.g. "Quarterly review on 12 Mar 2026" */
  source = g_strdup_printf (_("%s on %s"), lia_meeting_get_title (meeting), date);
  adw_action_row_set_subtitle (self->source_row, source);
  gtk_widget_set_visible (GTK_WIDGET (self->source_row), TRUE);
}

void
lia_follow_up_dialog_set_event (LiaFollowUpDialog *self,
                                gint64             event_id)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP_DIALOG (self));
  self->event_id = event_id;
}
