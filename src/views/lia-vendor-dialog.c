/* lia-vendor-dialog.c — add or edit an outsourced vendor
 *
 * Email and phone follow the same rules as a customer's contacts, so the
 * contact checks are reused; the model has the last word on save (for
 * instance a name another vendor already has).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-vendor-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-choice-labels.h"
#include "lia-contact.h"
#include "lia-event-repository.h"
#include "lia-toast.h"
#include "lia-vendor-dialog.h"
#include "lia-views.h"

struct _LiaVendorDialog
{
  AdwWindow       parent_instance;

  LiaBook        *book;
  gint64          vendor_id;     /* 0 when adding */
  gboolean        name_touched;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *contact_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  AdwComboRow    *plan_row;
  GtkSwitch      *active_switch;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (LiaVendorDialog, lia_vendor_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
show_message (LiaVendorDialog *self,
              const char      *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The first problem is said under the fields; every bad field is marked. */
static void
validate (LiaVendorDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  g_autoptr(GError) email_error = NULL;
  g_autoptr(GError) phone_error = NULL;
  /* Not before the first keystroke of a new vendor: that would scold. */
  gboolean name_missing = *name == '\0' && self->name_touched;
  gboolean email_ok = lia_contact_validate_email (text_of (self->email_row), &email_error);
  gboolean phone_ok = lia_contact_validate_phone (text_of (self->phone_row), &phone_error);

  lia_widget_set_invalid (GTK_WIDGET (self->name_row), name_missing);
  lia_widget_set_invalid (GTK_WIDGET (self->email_row), !email_ok);
  lia_widget_set_invalid (GTK_WIDGET (self->phone_row), !phone_ok);

  if (name_missing)
    show_message (self, _("A vendor needs a name"));
  else
    show_message (self, email_error ? email_error->message : phone_error ? phone_error->message : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendor.save", *name != '\0' && email_ok && phone_ok);
}

static void
on_name_changed_cb (LiaVendorDialog *self)
{
  self->name_touched = TRUE;
  validate (self);
}

static void
on_field_changed_cb (LiaVendorDialog *self)
{
  validate (self);
}

static void
fill_vendor (LiaVendorDialog *self,
             LiaVendor       *vendor)
{
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  GListModel *plans = lia_book_get_service_plans (self->book);

  lia_vendor_set_name (vendor, name);
  lia_vendor_set_contact_name (vendor, text_of (self->contact_row));
  lia_vendor_set_email (vendor, text_of (self->email_row));
  lia_vendor_set_phone (vendor, text_of (self->phone_row));
  lia_vendor_set_sla_plan_id (vendor, lia_choice_labels_get_id (plans, TRUE,
                                                                adw_combo_row_get_selected (self->plan_row)));
  lia_vendor_set_active (vendor, gtk_switch_get_active (self->active_switch));
}

static void
copy_fields (LiaVendor *to,
             LiaVendor *from)
{
  lia_vendor_set_name (to, lia_vendor_get_name (from));
  lia_vendor_set_contact_name (to, lia_vendor_get_contact_name (from));
  lia_vendor_set_email (to, lia_vendor_get_email (from));
  lia_vendor_set_phone (to, lia_vendor_get_phone (from));
  lia_vendor_set_sla_plan_id (to, lia_vendor_get_sla_plan_id (from));
  lia_vendor_set_active (to, lia_vendor_get_active (from));
}

/* The repository's vendor is the one its list holds, and only it has the
 * id: it takes the typed values, and gets its own back if the book
 * refuses them, so the list never shows what was not saved. */
static gboolean
save (LiaVendorDialog  *self,
      GError          **error)
{
  LiaEventRepository *repo = lia_book_get_events (self->book);
  g_autoptr(LiaVendor) typed = lia_vendor_new ("");
  g_autoptr(LiaVendor) before = lia_vendor_new ("");
  g_autoptr(LiaVendor) vendor = NULL;

  fill_vendor (self, typed);
  if (self->vendor_id == 0)
    return lia_event_repository_add_vendor (repo, typed, error);

  if (!(vendor = lia_event_repository_lookup_vendor (repo, self->vendor_id)))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_NOT_FOUND, _("The vendor is no longer in the book"));
      return FALSE;
    }
  copy_fields (before, vendor);
  copy_fields (vendor, typed);
  if (lia_event_repository_update_vendor (repo, vendor, error))
    return TRUE;
  copy_fields (vendor, before);
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaVendorDialog *self = LIA_VENDOR_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!save (self, &error))
    {
      show_message (self, error->message);
      return;
    }

  lia_toast_show (widget, self->vendor_id ? _("Vendor saved") : _("Vendor added"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (LiaVendorDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "vendor.save", NULL);
}

static void
lia_vendor_dialog_dispose (GObject *object)
{
  LiaVendorDialog *self = (LiaVendorDialog *)object;

  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_vendor_dialog_parent_class)->dispose (object);
}

static void
lia_vendor_dialog_class_init (LiaVendorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_vendor_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-vendor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, active_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "vendor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_vendor_dialog_init (LiaVendorDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendor.save", FALSE);
}

static void
fill_from_vendor (LiaVendorDialog *self,
                  LiaVendor       *vendor)
{
  GListModel *plans = lia_book_get_service_plans (self->book);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), lia_vendor_get_name (vendor) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), lia_vendor_get_contact_name (vendor) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), lia_vendor_get_email (vendor) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), lia_vendor_get_phone (vendor) ?: "");
  adw_combo_row_set_selected (self->plan_row,
                              lia_choice_labels_find (plans, TRUE, lia_vendor_get_sla_plan_id (vendor)));
  gtk_switch_set_active (self->active_switch, lia_vendor_get_active (vendor));
}

/**
 * lia_vendor_dialog_new:
 * @vendor: (nullable): the vendor to edit, or %NULL to add one
 */
GtkWidget *
lia_vendor_dialog_new (GtkWindow *parent,
                       LiaBook   *book,
                       LiaVendor *vendor)
{
  LiaVendorDialog *self = g_object_new (LIA_TYPE_VENDOR_DIALOG, "transient-for", parent, NULL);
  /* Translators: the first entry of the committed service level picker */
  g_autoptr(GtkStringList) plans = lia_choice_labels_new (lia_book_get_service_plans (book),
                                                          _("Each Customer’s Plan"));

  self->book = g_object_ref (book);
  adw_combo_row_set_model (self->plan_row, G_LIST_MODEL (plans));
  if (vendor != NULL)
    {
      self->vendor_id = lia_vendor_get_id (vendor);
      fill_from_vendor (self, vendor);
      adw_window_title_set_title (self->window_title, _("Edit Vendor"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }

  validate (self);
  return GTK_WIDGET (self);
}
