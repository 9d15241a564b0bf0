/* lia-contact-dialog.c — add or edit a contact, with inline validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-repository.h"
#include "lia-choice-labels.h"
#include "lia-contact-dialog.h"
#include "lia-views.h"
#include "lia-toast.h"

struct _LiaContactDialog
{
  AdwWindow       parent_instance;

  LiaBook        *book;
  gint64          account_id;
  LiaContact     *contact;   /* NULL when adding */

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *role_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *phone_row;
  AdwComboRow    *channel_row;
  GtkSwitch      *key_switch;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (LiaContactDialog, lia_contact_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Marks @row and keeps the first message for the label under the rows. */
static gboolean
check_field (AdwEntryRow  *row,
             gboolean      valid,
             GError      **first_error,
             GError      **error)
{
  lia_widget_set_invalid (GTK_WIDGET (row), !valid);

  if (!valid && *first_error == NULL)
    *first_error = g_steal_pointer (error);
  g_clear_error (error);
  return valid;
}

static void
validate (LiaContactDialog *self)
{
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  gboolean ok = TRUE;

  /* An empty name only disables Add; saying so before anything is typed
   * would scold. */
  if (*name != '\0')
    ok &= check_field (self->name_row, lia_contact_validate_name (name, &error), &first, &error);
  ok &= check_field (self->email_row, lia_contact_validate_email (text_of (self->email_row), &error),
                     &first, &error);
  ok &= check_field (self->phone_row, lia_contact_validate_phone (text_of (self->phone_row), &error),
                     &first, &error);

  gtk_label_set_label (self->error_label, first ? first->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), first != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.save", ok && *name != '\0');
}

static void
on_field_changed_cb (LiaContactDialog *self)
{
  validate (self);
}

static LiaContact *
build_contact (LiaContactDialog *self)
{
  LiaContact *contact = self->contact ? lia_contact_copy (self->contact) : lia_contact_new ();
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));

  lia_contact_set_account_id (contact, self->account_id);
  lia_contact_set_name (contact, name);
  lia_contact_set_role (contact, text_of (self->role_row));
  lia_contact_set_email (contact, text_of (self->email_row));
  lia_contact_set_phone (contact, text_of (self->phone_row));
  lia_contact_set_preferred_channel (contact, adw_combo_row_get_selected (self->channel_row));
  lia_contact_set_key_contact (contact, gtk_switch_get_active (self->key_switch));
  return contact;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaContactDialog *self = LIA_CONTACT_DIALOG (widget);
  LiaAccountRepository *repo = lia_book_get_accounts (self->book);
  g_autoptr(LiaContact) contact = build_contact (self);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = self->contact ? lia_account_repository_save_contact (repo, contact, &error)
                     : lia_account_repository_add_contact (repo, contact, &error);
  if (!ok)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  lia_toast_show (widget, self->contact ? _("Contact saved") : _("Contact added"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (LiaContactDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "contact.save", NULL);
}

static void
lia_contact_dialog_dispose (GObject *object)
{
  LiaContactDialog *self = (LiaContactDialog *)object;

  g_clear_object (&self->contact);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_contact_dialog_parent_class)->dispose (object);
}

static void
lia_contact_dialog_class_init (LiaContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_contact_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, key_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaContactDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_contact_dialog_init (LiaContactDialog *self)
{
  g_autoptr(GtkStringList) channels = lia_contact_channel_labels_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
}

static void
fill_from_contact (LiaContactDialog *self,
                   LiaContact       *contact)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), lia_contact_get_name (contact) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), lia_contact_get_role (contact) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), lia_contact_get_email (contact) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), lia_contact_get_phone (contact) ?: "");
  adw_combo_row_set_selected (self->channel_row, lia_contact_get_preferred_channel (contact));
  gtk_switch_set_active (self->key_switch, lia_contact_get_key_contact (contact));
}

/**
 * lia_contact_dialog_new:
 * @contact: (nullable): the contact to edit, or %NULL to add one
 */
GtkWidget *
lia_contact_dialog_new (GtkWindow  *parent,
                        LiaBook    *book,
                        gint64      account_id,
                        LiaContact *contact)
{
  LiaContactDialog *self = g_object_new (LIA_TYPE_CONTACT_DIALOG,
                                         "transient-for", parent,
                                         NULL);

  self->book = g_object_ref (book);
  self->account_id = account_id;

  if (contact != NULL)
    {
      self->contact = g_object_ref (contact);
      fill_from_contact (self, contact);
      adw_window_title_set_title (self->window_title, _("Edit Contact"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }

  validate (self);
  return GTK_WIDGET (self);
}
