/* lia-account-dialog.c — the New Account dialog
 *
 * Create stays disabled until the account has a name and a number; what
 * the model would refuse is said under the fields as the person types.
 * The manager picker offers active staff only, and is required for the
 * segments that need a designated manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-dialog.h"
#include "lia-views.h"
#include "lia-account-repository.h"
#include "lia-choice-labels.h"
#include "lia-money.h"

struct _LiaAccountDialog
{
  AdwWindow    parent_instance;

  LiaBook     *book;

  GtkButton   *create_button;
  AdwEntryRow *name_row;
  AdwEntryRow *number_row;
  AdwComboRow *segment_row;
  AdwComboRow *plan_row;
  AdwComboRow *channel_row;
  AdwComboRow *manager_row;
  AdwEntryRow *value_row;
  AdwEntryRow *currency_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (LiaAccountDialog, lia_account_dialog, ADW_TYPE_WINDOW)

enum { ACCOUNT_CREATED, N_SIGNALS };

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy == '\0';
}

static void
show_error (LiaAccountDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static LiaAccount *
build_account (LiaAccountDialog  *self,
               GError           **error)
{
  g_autoptr(LiaAccount) account = lia_account_new ();
  g_autofree char *currency = g_strstrip (g_strdup (text_of (self->currency_row)));
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  g_autofree char *number = g_strstrip (g_strdup (text_of (self->number_row)));
  gint64 value = 0;

  if (!lia_money_parse (text_of (self->value_row), currency, &value, error))
    {
      lia_widget_set_invalid (GTK_WIDGET (self->value_row), TRUE);
      return NULL;
    }
  lia_widget_set_invalid (GTK_WIDGET (self->value_row), FALSE);

  lia_account_set_name (account, name);
  lia_account_set_number (account, number);
  lia_account_set_segment_id (account,
                              lia_choice_labels_get_id (lia_book_get_segments (self->book), FALSE,
                                                        adw_combo_row_get_selected (self->segment_row)));
  lia_account_set_service_plan_id (account,
                                   lia_choice_labels_get_id (lia_book_get_service_plans (self->book), TRUE,
                                                             adw_combo_row_get_selected (self->plan_row)));
  lia_account_set_channel (account, adw_combo_row_get_selected (self->channel_row));
  lia_account_set_manager_id (account,
                              lia_active_staff_labels_get_id (lia_book_get_staff (self->book), TRUE,
                                                              adw_combo_row_get_selected (self->manager_row)));
  lia_account_set_contract_value (account, value);
  lia_account_set_currency (account, currency);

  return g_steal_pointer (&account);
}

/* Marks the picker required for segments that need a manager. */
static void
update_manager_row (LiaAccountDialog *self)
{
  const char *segment = lia_choice_labels_get_id (lia_book_get_segments (self->book), FALSE,
                                                  adw_combo_row_get_selected (self->segment_row));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->manager_row),
                               lia_book_segment_requires_manager (self->book, segment)
                               ? _("Required for this segment") : "");
}

static void
on_field_changed_cb (LiaAccountDialog *self)
{
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gboolean complete = !is_blank (text_of (self->name_row)) && !is_blank (text_of (self->number_row));
  gboolean valid;

  if (self->book == NULL)
    return;

  update_manager_row (self);
  account = build_account (self, &error);
  valid = account != NULL && lia_account_validate (account, &error) &&
          lia_staff_check_manager (self->book, account, &error);

  /* Missing name or number only disables Create; other problems are said. */
  show_error (self, !valid && (complete || account == NULL) ? error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", complete && valid);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaAccountDialog *self = LIA_ACCOUNT_DIALOG (widget);
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  if (!(account = build_account (self, &error)) ||
      !lia_account_repository_create (lia_book_get_accounts (self->book), account, &error))
    {
      /* A duplicate number, say: keep the dialog so it can be fixed. */
      show_error (self, error->message);
      if (g_error_matches (error, LIA_ERROR, LIA_ERROR_DUPLICATE))
        lia_widget_set_invalid (GTK_WIDGET (self->number_row), TRUE);
      else if (g_error_matches (error, LIA_ERROR, LIA_ERROR_MANAGER_REQUIRED))
        lia_widget_set_invalid (GTK_WIDGET (self->manager_row), TRUE);
      return;
    }

  g_signal_emit (self, signals[ACCOUNT_CREATED], 0, lia_account_get_id (account));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_manager_changed_cb (LiaAccountDialog *self)
{
  lia_widget_set_invalid (GTK_WIDGET (self->manager_row), FALSE);
  on_field_changed_cb (self);
}

static void
on_number_changed_cb (LiaAccountDialog *self)
{
  lia_widget_set_invalid (GTK_WIDGET (self->number_row), FALSE);
  on_field_changed_cb (self);
}

static void
on_entry_activated_cb (LiaAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.create", NULL);
}

static void
lia_account_dialog_dispose (GObject *object)
{
  LiaAccountDialog *self = (LiaAccountDialog *)object;

  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_account_dialog_parent_class)->dispose (object);
}

static void
lia_account_dialog_class_init (LiaAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_account_dialog_dispose;

  /**
   * LiaAccountDialog::account-created:
   * @account_id: the new account
   */
  signals[ACCOUNT_CREATED] =
    g_signal_new ("account-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, segment_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_manager_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_account_dialog_init (LiaAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", FALSE);
}

static void
setup_choice_rows (LiaAccountDialog *self)
{
  g_autoptr(GtkStringList) segments = lia_choice_labels_new (lia_book_get_segments (self->book), NULL);
  g_autoptr(GtkStringList) plans = lia_choice_labels_new (lia_book_get_service_plans (self->book),
                                                          C_("service plan", "None"));
  g_autoptr(GtkStringList) channels = lia_channel_labels_new ();
  /* Deactivated staff are never offered, nor picked by default. */
  g_autoptr(GtkStringList) staff = lia_active_staff_labels_new (lia_book_get_staff (self->book),
                                                                C_("manager", "None"));

  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));
  adw_combo_row_set_model (self->plan_row, G_LIST_MODEL (plans));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (staff));
}

GtkWidget *
lia_account_dialog_new (GtkWindow *parent,
                        LiaBook   *book)
{
  LiaAccountDialog *self = g_object_new (LIA_TYPE_ACCOUNT_DIALOG, "transient-for", parent, NULL);

  self->book = g_object_ref (book);
  setup_choice_rows (self);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), "EUR");
  on_field_changed_cb (self);
  return GTK_WIDGET (self);
}
