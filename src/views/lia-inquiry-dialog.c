/* lia-inquiry-dialog.c — record what a customer asked and the advice given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-inquiry-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lia-account-repository.h"
#include "lia-choice-labels.h"
#include "lia-inquiry-dialog.h"
#include "lia-views.h"
#include "lia-toast.h"

struct _LiaInquiryDialog
{
  AdwWindow    parent_instance;

  LiaBook     *book;
  gint64       account_id;

  AdwEntryRow *question_row;
  AdwEntryRow *date_row;
  AdwComboRow *channel_row;
  AdwComboRow *staff_row;
  GtkTextView *advice_view;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (LiaInquiryDialog, lia_inquiry_dialog, ADW_TYPE_WINDOW)

static void
show_error (LiaInquiryDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* "2026-03-12" in local time; today keeps the current time of day so the
 * newest inquiry sorts first. */
static gboolean
parse_date (LiaInquiryDialog *self,
            gint64           *out_unix,
            GError          **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (lia_book_now (self->book));
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;

  if (sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y) ||
      !(day = g_date_time_new_local (y, m, d, 12, 0, 0)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date (expected YYYY-MM-DD)"), text);
      return FALSE;
    }

  if (y == g_date_time_get_year (now) && m == g_date_time_get_month (now) &&
      d == g_date_time_get_day_of_month (now))
    *out_unix = g_date_time_to_unix (now);
  else
    *out_unix = g_date_time_to_unix (day);
  return TRUE;
}

static void
on_field_changed_cb (LiaInquiryDialog *self)
{
  g_autofree char *question = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->question_row))));
  g_autoptr(GError) error = NULL;
  gint64 when;
  gboolean date_ok = parse_date (self, &when, &error);

  lia_widget_set_invalid (GTK_WIDGET (self->date_row), !date_ok);

  show_error (self, error ? error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inquiry.add", date_ok && *question != '\0');
}

static char *
advice_text (LiaInquiryDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->advice_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LiaInquiryDialog *self = LIA_INQUIRY_DIALOG (widget);
  g_autoptr(LiaInquiry) inquiry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *advice = advice_text (self);
  gint64 when = 0;

  if (!parse_date (self, &when, &error))
    {
      show_error (self, error->message);
      return;
    }

  inquiry = lia_inquiry_new (self->account_id, when, adw_combo_row_get_selected (self->channel_row),
                             gtk_editable_get_text (GTK_EDITABLE (self->question_row)), advice,
                             lia_active_staff_labels_get_id (lia_book_get_staff (self->book), TRUE,
                                                             adw_combo_row_get_selected (self->staff_row)));

  if (!lia_account_repository_add_inquiry (lia_book_get_accounts (self->book), inquiry, &error))
    {
      show_error (self, error->message);
      return;
    }

  lia_toast_show (widget, _("Inquiry recorded"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lia_inquiry_dialog_dispose (GObject *object)
{
  LiaInquiryDialog *self = (LiaInquiryDialog *)object;

  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_inquiry_dialog_parent_class)->dispose (object);
}

static void
lia_inquiry_dialog_class_init (LiaInquiryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_inquiry_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-inquiry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaInquiryDialog, question_row);
  gtk_widget_class_bind_template_child (widget_class, LiaInquiryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, LiaInquiryDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LiaInquiryDialog, staff_row);
  gtk_widget_class_bind_template_child (widget_class, LiaInquiryDialog, advice_view);
  gtk_widget_class_bind_template_child (widget_class, LiaInquiryDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "inquiry.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_inquiry_dialog_init (LiaInquiryDialog *self)
{
  g_autoptr(GtkStringList) channels = lia_inquiry_channel_labels_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
}

GtkWidget *
lia_inquiry_dialog_new (GtkWindow *parent,
                        LiaBook   *book,
                        gint64     account_id)
{
  LiaInquiryDialog *self = g_object_new (LIA_TYPE_INQUIRY_DIALOG, "transient-for", parent, NULL);
  /* Deactivated people answer nothing new. */
  g_autoptr(GtkStringList) staff = lia_active_staff_labels_new (lia_book_get_staff (book),
                                                                C_("staff", "None"));
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (lia_book_now (book));
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");

  self->book = g_object_ref (book);
  self->account_id = account_id;
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (staff));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  on_field_changed_cb (self);
  return GTK_WIDGET (self);
}
