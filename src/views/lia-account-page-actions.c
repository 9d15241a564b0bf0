/* lia-account-page-actions.c — the "account." actions of an account page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-page-private.h"
#include "lia-account-repository.h"
#include "lia-contact-dialog.h"
#include "lia-enum-types.h"
#include "lia-group-dialog.h"
#include "lia-inquiry-dialog.h"
#include "lia-meeting-dialog.h"
#include "lia-personal-data-window.h"
#include "lia-portfolio-repository.h"
#include "lia-reassign-dialog.h"
#include "lia-toast.h"

static LiaAccountRepository *
repository (LiaAccountPage *self)
{
  return lia_book_get_accounts (self->book);
}

static GtkWindow *
parent_window (LiaAccountPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static LiaContact *
find_contact (LiaAccountPage *self,
              gint64          contact_id)
{
  guint n = self->contacts ? g_list_model_get_n_items (self->contacts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaContact) contact = g_list_model_get_item (self->contacts, i);

      if (lia_contact_get_id (contact) == contact_id)
        return g_steal_pointer (&contact);
    }

  return NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->account == NULL)
    return;
  if (lia_account_page_save (self, &error))
    lia_toast_show (widget, _("Account saved"));
  else if (error != NULL)
    lia_toast_show (widget, error->message);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);

  self->dirty = FALSE;
  lia_account_page_reload (self);
}

static void
transition_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  int to;

  if (lia_enum_from_nick (LIA_TYPE_ACCOUNT_STATE, g_variant_get_string (parameter, NULL), &to))
    lia_account_page_request_transition (LIA_ACCOUNT_PAGE (widget), to);
}

static void
mark_verified_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  g_autoptr(LiaAccount) target = lia_account_copy (self->account);
  g_autoptr(GError) error = NULL;

  if (lia_account_repository_mark_verified (repository (self), target, &error))
    lia_toast_show (widget, _("Marked as verified today"));
  else
    lia_toast_show (widget, error->message);
}

static void
plan_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);

  gtk_window_present (GTK_WINDOW (lia_meeting_dialog_new_review (parent_window (self), self->book,
                                                                 lia_account_get_id (self->account))));
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  GtkWidget *dialog = lia_contact_dialog_new (parent_window (self), self->book,
                                              lia_account_get_id (self->account), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  g_autoptr(LiaContact) contact = find_contact (self, g_variant_get_int64 (parameter));
  GtkWidget *dialog;

  if (contact == NULL)
    return;

  dialog = lia_contact_dialog_new (parent_window (self), self->book,
                                   lia_account_get_id (self->account), contact);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A contact who changes employer: asked for the new account's number,
 * then moved by the model, which keeps their past with this account. */
static void
on_move_contact_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             LiaAccountPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) target = NULL;
  g_autoptr(LiaContact) contact = NULL;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 contact_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "lia-contact-id"));
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "move") != 0 || self->book == NULL)
    return;

  if (!(contact = find_contact (self, contact_id)))
    return;

  if (!(target = lia_account_repository_lookup_by_number (repository (self), number, NULL)))
    {
      message = g_strdup_printf (_("No account numbered “%s”"), number);
      lia_toast_show (GTK_WIDGET (self), message);
      return;
    }

  if (!lia_portfolio_repository_move_contact (lia_book_get_portfolios (self->book), contact,
                                              lia_account_get_id (target), &error))
    {
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  /* Translators: a toast: a contact moved to another account; %s is the account's name */
  message = g_strdup_printf (C_("contact moved to an account", "Moved to %s"), lia_account_get_name (target));
  lia_toast_show (GTK_WIDGET (self), message);
}

static void
move_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  g_autoptr(LiaContact) contact = find_contact (self, g_variant_get_int64 (parameter));
  g_autofree char *body = NULL;
  GtkWidget *dialog, *entry;

  if (contact == NULL)
    return;

  /* Translators: %s is a contact's name */
  body = g_strdup_printf (_("%s keeps their past inquiries with this account. "
                            "Enter the number of the account they work for now."),
                          lia_contact_get_name (contact));
  dialog = adw_message_dialog_new (parent_window (self), _("Move to Another Account"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Account number"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New account number"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data (G_OBJECT (dialog), "lia-contact-id",
                     GSIZE_TO_POINTER ((gsize)lia_contact_get_id (contact)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_move_contact_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  LiaBook    *book;
  LiaContact *contact;
  GtkWidget  *widget;   /* weak: where to show a failure */
} RemovedContact;

static void
removed_contact_free (gpointer data)
{
  RemovedContact *removed = data;

  g_clear_weak_pointer (&removed->widget);
  g_object_unref (removed->book);
  g_object_unref (removed->contact);
  g_free (removed);
}

static void
undo_remove_contact (gpointer data)
{
  RemovedContact *removed = data;
  g_autoptr(GError) error = NULL;

  if (!lia_account_repository_restore_contact (lia_book_get_accounts (removed->book),
                                               removed->contact, &error) &&
      removed->widget != NULL)
    lia_toast_show (removed->widget, error->message);
}

static void
remove_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  g_autoptr(LiaContact) contact = find_contact (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RemovedContact *removed;

  if (contact == NULL)
    return;

  if (!lia_account_repository_remove_contact (repository (self), contact, &error))
    {
      lia_toast_show (widget, error->message);
      return;
    }

  removed = g_new0 (RemovedContact, 1);
  removed->book = g_object_ref (self->book);
  removed->contact = g_object_ref (contact);
  g_set_weak_pointer (&removed->widget, widget);

  /* Translators: a toast; %s is a person's name */
  title = g_strdup_printf (_("Removed %s"), lia_contact_get_name (contact));
  lia_toast_show_undo (widget, title, undo_remove_contact, removed, removed_contact_free);
}

/* An erasure removes the contact: the page shows what is left. */
static void
on_personal_data_erased_cb (LiaAccountPage *self)
{
  lia_account_page_reload (self);
}

static void
personal_data_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  GtkWidget *window = lia_personal_data_window_new (parent_window (self), self->book,
                                                    g_variant_get_int64 (parameter));

  g_signal_connect_object (window, "erased", G_CALLBACK (on_personal_data_erased_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
add_inquiry_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  GtkWidget *dialog = lia_inquiry_dialog_new (parent_window (self), self->book,
                                              lia_account_get_id (self->account));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  gint64 id = lia_account_get_id (self->account);
  g_autofree char *what = NULL;
  GtkWidget *dialog;

  /* Translators: what a reassignment covers; %s is an account name */
  what = g_strdup_printf (_("“%s”"), lia_account_get_name (self->account));
  dialog = lia_reassign_dialog_new (parent_window (self), self->book, &id, 1, what, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
change_parent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);

  gtk_window_present (GTK_WINDOW (lia_group_dialog_new_for_member (parent_window (self), self->book,
                                                                   self->account)));
}

static void
remove_parent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (widget);
  g_autoptr(LiaAccount) target = lia_account_copy (self->account);
  g_autoptr(GError) error = NULL;

  if (lia_portfolio_repository_set_parent (lia_book_get_portfolios (self->book), target, 0, &error))
    lia_toast_show (widget, _("Removed from the group"));
  else
    lia_toast_show (widget, error->message);
}

void
lia_account_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "account.reassign", NULL, reassign_action);
  gtk_widget_class_install_action (widget_class, "account.change-parent", NULL, change_parent_action);
  gtk_widget_class_install_action (widget_class, "account.remove-parent", NULL, remove_parent_action);
  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "account.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "account.transition", "s", transition_action);
  gtk_widget_class_install_action (widget_class, "account.mark-verified", NULL, mark_verified_action);
  gtk_widget_class_install_action (widget_class, "account.plan-review", NULL, plan_review_action);
  gtk_widget_class_install_action (widget_class, "account.add-contact", NULL, add_contact_action);
  gtk_widget_class_install_action (widget_class, "account.edit-contact", "x", edit_contact_action);
  gtk_widget_class_install_action (widget_class, "account.remove-contact", "x", remove_contact_action);
  gtk_widget_class_install_action (widget_class, "account.move-contact", "x", move_contact_action);
  gtk_widget_class_install_action (widget_class, "account.personal-data", "x", personal_data_action);
  gtk_widget_class_install_action (widget_class, "account.add-inquiry", NULL, add_inquiry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "account.save", NULL);
}

/**
 * lia_account_page_update_actions:
 *
 * The one place that decides which account actions are possible now.
 */
void
lia_account_page_update_actions (LiaAccountPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = self->account != NULL && self->book != NULL &&
                      !lia_book_is_read_only (self->book);
  gboolean can_move = FALSE;

  for (LiaAccountState to = LIA_ACCOUNT_STATE_PROSPECT; writable && to <= LIA_ACCOUNT_STATE_CLOSED; to++)
    can_move |= lia_account_state_can_transition (lia_account_get_state (self->account), to);

  gtk_widget_action_set_enabled (widget, "account.save", writable && self->dirty && self->valid);
  gtk_widget_action_set_enabled (widget, "account.revert", writable && self->dirty);
  gtk_widget_action_set_enabled (widget, "account.transition", can_move);
  gtk_widget_action_set_enabled (widget, "account.mark-verified", writable);
  gtk_widget_action_set_enabled (widget, "account.plan-review", writable);
  gtk_widget_action_set_enabled (widget, "account.add-contact", writable);
  gtk_widget_action_set_enabled (widget, "account.edit-contact", writable);
  gtk_widget_action_set_enabled (widget, "account.remove-contact", writable);
  /* Looking is allowed in a read-only book; the window disables erasing. */
  gtk_widget_action_set_enabled (widget, "account.personal-data", self->account != NULL && self->book != NULL);
  gtk_widget_action_set_enabled (widget, "account.add-inquiry", writable);
  gtk_widget_action_set_enabled (widget, "account.reassign", writable);
  gtk_widget_action_set_enabled (widget, "account.change-parent", writable);
  gtk_widget_action_set_enabled (widget, "account.remove-parent",
                                 writable && lia_account_get_parent_id (self->account) != 0);
}
