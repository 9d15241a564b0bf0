/* lia-staff-page.c — the Staff page of Preferences: add, edit,
 * deactivate and reactivate staff (never delete)
 *
 * People who leave stay in the book, since history names them; they are
 * deactivated, which takes them out of every picker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-staff-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-staff-dialog.h"
#include "lia-staff-member.h"
#include "lia-staff-page.h"
#include "lia-toast.h"

struct _LiaStaffPage
{
  AdwPreferencesPage  parent_instance;

  LiaBook            *book;

  GtkListBox         *staff_list;
};

G_DEFINE_FINAL_TYPE (LiaStaffPage, lia_staff_page, ADW_TYPE_PREFERENCES_PAGE)

static GtkWindow *
parent_window (LiaStaffPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
new_button (const char *label,
            const char *action,
            gint64      id)
{
  GtkWidget *button = label ? gtk_button_new_with_mnemonic (label) : gtk_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  return button;
}

static GtkWidget *
create_staff_row (gpointer item,
                  gpointer user_data)
{
  LiaStaffMember *member = item;
  gint64 id = lia_staff_member_get_id (member);
  gboolean active = lia_staff_member_get_active (member);
  const char *email = lia_staff_member_get_email (member);
  GString *subtitle = g_string_new (lia_staff_role_to_label (lia_staff_member_get_role (member)));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;

  if (email != NULL && *email != '\0')
    g_string_append_printf (subtitle, " · %s", email);
  if (!active)
    g_string_append_printf (subtitle, " · %s", _("Deactivated"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_staff_member_get_name (member));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);

  edit = new_button (NULL, "staff.edit", id);
  gtk_button_set_icon_name (GTK_BUTTON (edit), "document-edit-symbolic");
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             active ? new_button (_("_Deactivate"), "staff.deactivate", id)
                                    : new_button (_("_Reactivate"), "staff.reactivate", id));
  return row;
}

typedef struct
{
  LiaBook *book;
  gint64   staff_id;
  GWeakRef page;
} Deactivated;

static void
deactivated_free (gpointer data)
{
  Deactivated *deactivated = data;

  g_object_unref (deactivated->book);
  g_weak_ref_clear (&deactivated->page);
  g_free (deactivated);
}

static gboolean
set_active (LiaBook         *book,
            LiaStaffMember  *member,
            gboolean         active,
            GError         **error)
{
  return lia_book_update_staff (book, lia_staff_member_get_id (member), lia_staff_member_get_name (member),
                                lia_staff_member_get_role (member), lia_staff_member_get_email (member),
                                active, error);
}

/* The person may have been renamed or edited since: read them again and
 * change only whether they are active. */
static void
undo_deactivate (gpointer data)
{
  Deactivated *deactivated = data;
  g_autoptr(LiaStaffMember) member = lia_book_lookup_staff (deactivated->book, deactivated->staff_id);
  g_autoptr(GtkWidget) page = g_weak_ref_get (&deactivated->page);
  g_autoptr(GError) error = NULL;

  if (member == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("The person is no longer in the book"));
  else
    set_active (deactivated->book, member, TRUE, &error);

  if (error != NULL && page != NULL)
    lia_toast_show (page, error->message);
}

static void
deactivate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaStaffPage *self = LIA_STAFF_PAGE (widget);
  g_autoptr(LiaStaffMember) member = lia_book_lookup_staff (self->book, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Deactivated *deactivated;

  if (member == NULL)
    return;
  if (!set_active (self->book, member, FALSE, &error))
    {
      lia_toast_show (widget, error->message);
      return;
    }

  deactivated = g_new0 (Deactivated, 1);
  deactivated->book = g_object_ref (self->book);
  deactivated->staff_id = lia_staff_member_get_id (member);
  g_weak_ref_init (&deactivated->page, widget);
  /* Translators: a toast; %s is a person's name */
  title = g_strdup_printf (_("%s deactivated"),
                           lia_staff_member_get_name (member));
  lia_toast_show_undo (widget, title, undo_deactivate, deactivated, deactivated_free);
}

static void
reactivate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaStaffPage *self = LIA_STAFF_PAGE (widget);
  g_autoptr(LiaStaffMember) member = lia_book_lookup_staff (self->book, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;

  if (member != NULL && !set_active (self->book, member, TRUE, &error))
    lia_toast_show (widget, error->message);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaStaffPage *self = LIA_STAFF_PAGE (widget);
  g_autoptr(LiaStaffMember) member = lia_book_lookup_staff (self->book, g_variant_get_int64 (parameter));

  if (member != NULL)
    gtk_window_present (GTK_WINDOW (lia_staff_dialog_new (parent_window (self), self->book, member)));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LiaStaffPage *self = LIA_STAFF_PAGE (widget);

  gtk_window_present (GTK_WINDOW (lia_staff_dialog_new (parent_window (self), self->book, NULL)));
}

static void
lia_staff_page_dispose (GObject *object)
{
  LiaStaffPage *self = (LiaStaffPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_STAFF_PAGE);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_staff_page_parent_class)->dispose (object);
}

static void
lia_staff_page_class_init (LiaStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_staff_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaStaffPage, staff_list);

  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "staff.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "staff.deactivate", "x", deactivate_action);
  gtk_widget_class_install_action (widget_class, "staff.reactivate", "x", reactivate_action);
}

static void
lia_staff_page_init (LiaStaffPage *self)
{
  GtkWidget *placeholder = gtk_label_new (_("Nobody yet"));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->staff_list, placeholder);
}

void
lia_staff_page_set_book (LiaStaffPage *self,
                         LiaBook      *book)
{
  gboolean writable;

  g_return_if_fail (LIA_IS_STAFF_PAGE (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  gtk_list_box_bind_model (self->staff_list, lia_book_get_staff (book), create_staff_row, self, NULL);

  writable = !lia_book_is_read_only (book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.deactivate", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.reactivate", writable);
}
