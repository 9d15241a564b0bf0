/* lia-event-dialog.c — record a new event, or edit one
 *
 * Quick to fill in: only the summary is required, the rest starts from
 * what is usual (an incident of medium severity reported by phone, now,
 * handled by whoever uses the app or else the account's manager). Times
 * the model would refuse are said under the fields before saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-event-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lia-account-picker.h"
#include "lia-account-repository.h"
#include "lia-event-dialog.h"
#include "lia-event-labels.h"
#include "lia-event-repository.h"
#include "lia-toast.h"
#include "lia-views.h"

struct _LiaEventDialog
{
  AdwWindow         parent_instance;

  LiaBook          *book;
  /* The stored event being edited (our own copy); NULL for a new one */
  LiaEvent         *event;
  gint64            account_id;
  GArray           *performers;
  gboolean          summary_touched;
  gboolean          performer_touched;
  gboolean          filling;

  /* Template children */
  AdwWindowTitle   *window_title;
  AdwPreferencesGroup *account_group;
  LiaAccountPicker *account_picker;
  AdwActionRow     *account_row;
  AdwComboRow      *kind_row;
  AdwEntryRow      *summary_row;
  AdwComboRow      *severity_row;
  AdwComboRow      *source_row;
  AdwComboRow      *performer_row;
  AdwEntryRow      *opened_row;
  AdwEntryRow      *responded_row;
  AdwEntryRow      *resolved_row;
  GtkTextView      *details_view;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (LiaEventDialog, lia_event_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_seconds <= 0 || !(dt = g_date_time_new_from_unix_local (unix_seconds)))
    return g_strdup ("");
  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

/* "2026-03-12 14:05" in local time; empty is 0 when @optional. */
static gboolean
parse_time (AdwEntryRow  *row,
            gboolean      optional,
            gint64       *out_unix,
            GError      **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi;
  char end;

  *out_unix = 0;
  if (optional && *text == '\0')
    return TRUE;

  if (sscanf (text, "%d-%d-%d %d:%d%c", &y, &mo, &d, &h, &mi, &end) != 5 ||
      !g_date_valid_dmy (d, mo, y) || h < 0 || h > 23 || mi < 0 || mi > 59 ||
      !(dt = g_date_time_new_local (y, mo, d, h, mi, 0)))
    {
      /* Translators: %s is what was typed in a time field */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a time (expected YYYY-MM-DD HH:MM)"), text);
      return FALSE;
    }

  *out_unix = g_date_time_to_unix (dt);
  return TRUE;
}

typedef struct
{
  gint64 opened;
  gint64 responded;
  gint64 resolved;
} Times;

/* The model's own check, so the message is the one saving would give. */
static gboolean
read_times (LiaEventDialog  *self,
            Times           *times,
            GError         **error)
{
  gboolean ok_opened = parse_time (self->opened_row, FALSE, &times->opened, error);
  gboolean ok_responded = ok_opened && parse_time (self->responded_row, TRUE, &times->responded, error);
  gboolean ok_resolved = ok_responded && parse_time (self->resolved_row, TRUE, &times->resolved, error);

  lia_widget_set_invalid (GTK_WIDGET (self->opened_row), !ok_opened);
  lia_widget_set_invalid (GTK_WIDGET (self->responded_row), ok_opened && !ok_responded);
  lia_widget_set_invalid (GTK_WIDGET (self->resolved_row), ok_responded && !ok_resolved);
  if (!ok_resolved)
    return FALSE;

  return lia_sla_check_times (times->opened, times->responded, times->resolved,
                              lia_book_now (self->book), error);
}

static gint64
chosen_account (LiaEventDialog *self)
{
  return self->account_id != 0 ? self->account_id : lia_account_picker_get_account_id (self->account_picker);
}

/* The first required field left empty, or NULL. */
static const char *
missing_field (LiaEventDialog *self)
{
  g_autofree char *summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row))));

  lia_widget_set_invalid (GTK_WIDGET (self->summary_row), self->summary_touched && *summary == '\0');
  if (*summary == '\0')
    return _("A summary is required");
  if (chosen_account (self) == 0)
    return _("Choose the account");
  return NULL;
}

static void
show_error (LiaEventDialog *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Says what is wrong once there is something to say: not "a summary is
 * required" before anyone typed. */
static void
on_field_changed_cb (LiaEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *missing;
  gboolean times_ok;
  Times times;

  if (self->filling)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->severity_row),
                          lia_event_kind_has_severity (adw_combo_row_get_selected (self->kind_row)));
  times_ok = read_times (self, &times, &error);
  missing = missing_field (self);
  show_error (self, !times_ok ? error->message : self->summary_touched ? missing : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.save", times_ok && missing == NULL);
}

static void
on_summary_changed_cb (LiaEventDialog *self)
{
  if (!self->filling)
    self->summary_touched = TRUE;
  on_field_changed_cb (self);
}

static void
on_performer_changed_cb (LiaEventDialog *self)
{
  if (!self->filling)
    self->performer_touched = TRUE;
}

/* Whoever uses the app, when they are staff; else the account's manager. */
static void
select_default_performer (LiaEventDialog *self)
{
  gint64 staff_id = lia_book_find_staff (self->book, lia_book_get_actor (self->book));
  guint position = staff_id > 0 ? lia_performer_find (self->performers, staff_id, 0) : 0;
  g_autoptr(LiaAccount) account = NULL;

  if (position == 0 && chosen_account (self) != 0 &&
      (account = lia_account_repository_lookup (lia_book_get_accounts (self->book),
                                                chosen_account (self), NULL)))
    position = lia_performer_find (self->performers, lia_account_get_manager_id (account), 0);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->performer_row, position);
  self->filling = FALSE;
}

static void
on_account_picked_cb (LiaEventDialog *self)
{
  if (!self->performer_touched && self->event == NULL)
    select_default_performer (self);
  on_field_changed_cb (self);
}

static char *
details_text (LiaEventDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->details_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Unpicked, an edited event keeps who it had (perhaps someone no
 * longer active, whom the list does not offer). */
static void
apply_performer (LiaEventDialog *self,
                 LiaEvent       *event)
{
  guint position = adw_combo_row_get_selected (self->performer_row);
  LiaPerformer *performer;

  if (self->event != NULL && !self->performer_touched)
    return;
  if (position == GTK_INVALID_LIST_POSITION || position >= self->performers->len)
    position = 0;

  performer = &g_array_index (self->performers, LiaPerformer, position);
  lia_event_set_staff_id (event, performer->staff_id);
  if (performer->vendor_id != 0)
    lia_event_set_vendor_id (event, performer->vendor_id);
}

static LiaEvent *
build_event (LiaEventDialog *self,
             const Times    *times)
{
  LiaEventKind kind = adw_combo_row_get_selected (self->kind_row);
  const char *summary = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));
  g_autofree char *details = details_text (self);
  LiaEvent *event;

  if (self->event != NULL)
    {
      event = g_object_ref (self->event);
      lia_event_set_kind (event, kind);
      lia_event_set_summary (event, summary);
    }
  else
    event = lia_event_new (chosen_account (self), kind, summary);

  lia_event_set_details (event, *details ? details : NULL);
  lia_event_set_severity (event, lia_event_kind_has_severity (kind)
                                 ? (LiaSeverity)adw_combo_row_get_selected (self->severity_row)
                                 : LIA_SEVERITY_NONE);
  lia_event_set_source (event, adw_combo_row_get_selected (self->source_row));
  lia_event_set_opened_at (event, times->opened);
  lia_event_set_responded_at (event, times->responded);
  lia_event_set_resolved_at (event, times->resolved);
  apply_performer (self, event);
  return event;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaEventDialog *self = LIA_EVENT_DIALOG (widget);
  LiaEventRepository *events = lia_book_get_events (self->book);
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  const char *missing;
  Times times;

  self->summary_touched = TRUE;
  if (!read_times (self, &times, &error))
    {
      show_error (self, error->message);
      return;
    }
  if ((missing = missing_field (self)) != NULL)
    {
      show_error (self, missing);
      return;
    }

  event = build_event (self, &times);
  if (self->event != NULL ? !lia_event_repository_update (events, event, &error)
                          : !lia_event_repository_add (events, event, &error))
    {
      show_error (self, error->message);
      return;
    }

  lia_toast_show (widget, self->event ? _("Event saved") : _("Event added"));
  g_signal_emit (self, signals[SAVED], 0, lia_event_get_id (event));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lia_event_dialog_dispose (GObject *object)
{
  LiaEventDialog *self = (LiaEventDialog *)object;

  g_clear_object (&self->event);
  g_clear_object (&self->book);
  g_clear_pointer (&self->performers, g_array_unref);

  G_OBJECT_CLASS (lia_event_dialog_parent_class)->dispose (object);
}

static void
lia_event_dialog_class_init (LiaEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_event_dialog_dispose;

  /* After the event was written: its id. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LIA_TYPE_ACCOUNT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, account_group);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, account_picker);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, severity_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, performer_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, opened_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, responded_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, details_view);
  gtk_widget_class_bind_template_child (widget_class, LiaEventDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_performer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_account_picked_cb);

  gtk_widget_class_install_action (widget_class, "event.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_event_dialog_init (LiaEventDialog *self)
{
  g_autoptr(GtkStringList) kinds = lia_event_kind_labels_new (NULL);
  g_autoptr(GtkStringList) severities = lia_severity_labels_new ();
  g_autoptr(GtkStringList) sources = lia_event_source_labels_new ();

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  adw_combo_row_set_selected (self->severity_row, LIA_SEVERITY_MEDIUM);
  self->filling = FALSE;
}

/* Shared by both constructors: the book's people, and the account
 * fixed (a row) or to pick (a search). */
static LiaEventDialog *
dialog_new (GtkWindow *parent,
            LiaBook   *book,
            gint64     account_id)
{
  LiaEventDialog *self = g_object_new (LIA_TYPE_EVENT_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) performers = NULL;

  self->book = g_object_ref (book);
  self->account_id = account_id;
  performers = lia_performer_labels_new (book, C_("performed by", "Nobody"), TRUE, &self->performers);
  self->filling = TRUE;
  adw_combo_row_set_model (self->performer_row, G_LIST_MODEL (performers));
  self->filling = FALSE;

  lia_account_picker_set_book (self->account_picker, book);
  gtk_widget_set_visible (GTK_WIDGET (self->account_group), account_id == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), account_id != 0);
  gtk_window_set_focus (GTK_WINDOW (self), account_id == 0
                                           ? GTK_WIDGET (lia_account_picker_get_entry (self->account_picker))
                                           : GTK_WIDGET (self->summary_row));
  return self;
}

static void
show_account_name (LiaEventDialog *self,
                   gint64          account_id)
{
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = lia_account_repository_lookup (lia_book_get_accounts (self->book), account_id, &error);
  adw_action_row_set_subtitle (self->account_row, account ? lia_account_get_name (account) : error->message);
}

GtkWidget *
lia_event_dialog_new (GtkWindow *parent,
                      LiaBook   *book,
                      gint64     account_id)
{
  LiaEventDialog *self;
  g_autofree char *now = NULL;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  self = dialog_new (parent, book, account_id);
  if (account_id != 0)
    show_account_name (self, account_id);
  now = format_time (lia_book_now (book));
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->opened_row), now);
  self->filling = FALSE;
  select_default_performer (self);
  on_field_changed_cb (self);
  return GTK_WIDGET (self);
}

static void
set_time_text (AdwEntryRow *row,
               gint64       unix_seconds)
{
  g_autofree char *text = format_time (unix_seconds);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_set_visible (GTK_WIDGET (row), TRUE);
}

static void
fill_from_event (LiaEventDialog *self,
                 LiaEvent       *event)
{
  LiaSeverity severity = lia_event_get_severity (event);
  const char *details = lia_event_get_details (event);

  self->filling = TRUE;
  adw_action_row_set_subtitle (self->account_row, lia_event_get_account_name (event));
  adw_combo_row_set_selected (self->kind_row, lia_event_get_kind (event));
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), lia_event_get_summary (event));
  adw_combo_row_set_selected (self->severity_row, severity == LIA_SEVERITY_NONE ? LIA_SEVERITY_MEDIUM : severity);
  adw_combo_row_set_selected (self->source_row, lia_event_get_source (event));
  adw_combo_row_set_selected (self->performer_row,
                              lia_performer_find (self->performers, lia_event_get_staff_id (event),
                                                  lia_event_get_vendor_id (event)));
  set_time_text (self->opened_row, lia_event_get_opened_at (event));
  set_time_text (self->responded_row, lia_event_get_responded_at (event));
  set_time_text (self->resolved_row, lia_event_get_resolved_at (event));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->details_view), details ? details : "", -1);
  self->filling = FALSE;
}

GtkWidget *
lia_event_dialog_new_for_edit (GtkWindow *parent,
                               LiaBook   *book,
                               gint64     event_id)
{
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  LiaEventDialog *self;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  event = lia_event_repository_lookup (lia_book_get_events (book), event_id, &error);
  self = dialog_new (parent, book, event ? lia_event_get_account_id (event) : -1);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Event"));
  adw_window_title_set_title (self->window_title, _("Edit Event"));
  if (event == NULL)
    {
      show_error (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.save", FALSE);
      return GTK_WIDGET (self);
    }

  self->event = g_steal_pointer (&event);
  self->summary_touched = TRUE;
  fill_from_event (self, self->event);
  on_field_changed_cb (self);
  return GTK_WIDGET (self);
}
