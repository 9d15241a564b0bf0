/* lia-staff-dialog.c — add or edit a staff member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-staff-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-choice-labels.h"
#include "lia-contact.h"
#include "lia-staff-dialog.h"
#include "lia-views.h"
#include "lia-toast.h"

struct _LiaStaffDialog
{
  AdwWindow       parent_instance;

  LiaBook        *book;
  LiaStaffMember *member;   /* NULL when adding */

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *role_row;
  AdwEntryRow    *email_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (LiaStaffDialog, lia_staff_dialog, ADW_TYPE_WINDOW)

static void
show_error (LiaStaffDialog *self,
            const GError   *error)
{
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* An empty name only disables Save; a malformed email is said. */
static void
on_field_changed_cb (LiaStaffDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autoptr(GError) error = NULL;
  gboolean email_ok = lia_contact_validate_email (gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
                                                  &error);

  lia_widget_set_invalid (GTK_WIDGET (self->email_row), !email_ok);
  show_error (self, error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.save", email_ok && *name != '\0');
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaStaffDialog *self = LIA_STAFF_DIALOG (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  LiaStaffRole role = adw_combo_row_get_selected (self->role_row);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->member != NULL)
    ok = lia_book_update_staff (self->book, lia_staff_member_get_id (self->member), name, role, email,
                                lia_staff_member_get_active (self->member), &error);
  else
    ok = lia_book_add_staff (self->book, name, role, email, NULL, &error);

  if (!ok)
    {
      show_error (self, error);
      return;
    }

  lia_toast_show (widget, self->member ? _("Staff member saved") : _("Staff member added"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (LiaStaffDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "staff.save", NULL);
}

static void
lia_staff_dialog_dispose (GObject *object)
{
  LiaStaffDialog *self = (LiaStaffDialog *)object;

  g_clear_object (&self->member);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_staff_dialog_parent_class)->dispose (object);
}

static void
lia_staff_dialog_class_init (LiaStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_staff_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaStaffDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaStaffDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaStaffDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, LiaStaffDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, LiaStaffDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "staff.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_staff_dialog_init (LiaStaffDialog *self)
{
  g_autoptr(GtkStringList) roles = lia_staff_role_labels_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.save", FALSE);
}

/**
 * lia_staff_dialog_new:
 * @member: (nullable): who to edit, or %NULL to add someone
 */
GtkWidget *
lia_staff_dialog_new (GtkWindow      *parent,
                      LiaBook        *book,
                      LiaStaffMember *member)
{
  LiaStaffDialog *self = g_object_new (LIA_TYPE_STAFF_DIALOG, "transient-for", parent, NULL);

  self->book = g_object_ref (book);
  if (member != NULL)
    {
      self->member = g_object_ref (member);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), lia_staff_member_get_name (member));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), lia_staff_member_get_email (member) ?: "");
      adw_combo_row_set_selected (self->role_row, lia_staff_member_get_role (member));
      adw_window_title_set_title (self->window_title, _("Edit Staff Member"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }

  on_field_changed_cb (self);
  return GTK_WIDGET (self);
}
