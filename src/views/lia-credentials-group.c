/* lia-credentials-group.c — an account's credentials: add, edit, reveal,
 * copy, rotate and delete, the secrets staying in the keyring
 *
 * The rows are kept by credential id and updated in place when the
 * repository says a credential changed, so a secret being shown stays
 * shown until its own time is up. Everything that touches the keyring is
 * asynchronous; a failure is a toast here and, through the repository,
 * the window's keyring banner. Secrets handed back by the keyring are
 * freed with secret_password_free() as soon as they are shown or copied.
 *
 * When the group is first shown for an account it asks the repository
 * to compare the keyring with the book, so credentials whose secret is
 * gone are marked "Missing from keyring" rather than failing on use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-credentials-group"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "lia-credential-dialog.h"
#include "lia-credential-repository.h"
#include "lia-credentials-group.h"
#include "lia-secret-clipboard.h"
#include "lia-secrets.h"
#include "lia-toast.h"
#include "lia-vault.h"
#include "lia-views.h"

struct _LiaCredentialsGroup
{
  AdwPreferencesGroup  parent_instance;

  LiaBook             *book;
  gint64               account_id;
  gint64               checked_account_id;
  GHashTable          *rows;          /* credential id → LiaCredentialRow (a reference) */
  GCancellable        *cancellable;

  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (LiaCredentialsGroup, lia_credentials_group, ADW_TYPE_PREFERENCES_GROUP)

/* One keyring call in flight, and what it is about. */
typedef struct
{
  LiaCredentialsGroup *self;
  gint64               id;
  LiaSecretUse         use;
  char                *label;
} Pending;

static LiaCredentialRepository *
repository (LiaCredentialsGroup *self)
{
  return lia_book_get_credentials (self->book);
}

static GtkWindow *
parent_window (LiaCredentialsGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static Pending *
pending_new (LiaCredentialsGroup *self,
             gint64               id,
             LiaSecretUse         use)
{
  Pending *pending = g_new0 (Pending, 1);
  LiaCredentialRow *row = lia_credentials_group_find_row (self, id);

  pending->self = g_object_ref (self);
  pending->id = id;
  pending->use = use;
  pending->label = g_strdup (row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : "");
  return pending;
}

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_free (pending->label);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
show_error (LiaCredentialsGroup *self,
            const GError        *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    lia_toast_show (GTK_WIDGET (self), error->message);
}

/* ---- the rows ---- */

LiaCredentialRow *
lia_credentials_group_find_row (LiaCredentialsGroup *self,
                                gint64               credential_id)
{
  g_return_val_if_fail (LIA_IS_CREDENTIALS_GROUP (self), NULL);
  return g_hash_table_lookup (self->rows, &credential_id);
}

guint
lia_credentials_group_get_n_rows (LiaCredentialsGroup *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIALS_GROUP (self), 0);
  return g_hash_table_size (self->rows);
}

static GHashTable *
new_row_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/* Puts @rows in the list in this order, reusing the rows already there. */
static void
place_rows (LiaCredentialsGroup *self,
            GPtrArray           *rows)
{
  GtkListBoxRow *extra;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int)i)) == row)
        continue;
      if (gtk_widget_get_parent (row) != NULL)
        gtk_list_box_remove (self->list, row);
      gtk_list_box_insert (self->list, row, (int)i);
    }
  while ((extra = gtk_list_box_get_row_at_index (self->list, (int)rows->len)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (extra));
}

static void
reload (LiaCredentialsGroup *self)
{
  g_autoptr(GListModel) credentials = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) rows = new_row_table ();
  g_autoptr(GHashTable) old_rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = lia_book_now (self->book);
  guint n;

  if (self->account_id != 0)
    credentials = lia_credential_repository_list_for_account (repository (self), self->account_id, &error);
  if (error != NULL)
    lia_toast_show (GTK_WIDGET (self), error->message);

  n = credentials ? g_list_model_get_n_items (credentials) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaCredential) credential = g_list_model_get_item (credentials, i);
      gint64 id = lia_credential_get_id (credential);
      GtkWidget *row = GTK_WIDGET (lia_credentials_group_find_row (self, id));

      if (row == NULL)
        row = lia_credential_row_new ();
      g_hash_table_insert (rows, g_memdup2 (&id, sizeof id), g_object_ref_sink (row));
      lia_credential_row_update (LIA_CREDENTIAL_ROW (row), credential, now);
      g_ptr_array_add (order, row);
    }

  /* The old table's references go after the rows have their new places. */
  old_rows = g_steal_pointer (&self->rows);
  self->rows = g_steal_pointer (&rows);
  place_rows (self, order);
}

/* Rows of the shown account are redrawn wherever the change came from. */
static void
on_credential_changed_cb (LiaCredentialsGroup *self,
                          gint64               credential_id,
                          gint64               account_id)
{
  if (self->account_id != 0 && (account_id == 0 || account_id == self->account_id))
    reload (self);
}

/* ---- comparing the keyring with the book ---- */

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LiaCredentialsGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  guint missing = 0, orphans = 0;

  /* A failure reaches the banner through the vault; nothing to add. */
  if (!lia_credential_repository_check_finish (LIA_CREDENTIAL_REPOSITORY (source), result,
                                               &missing, &orphans, &error))
    {
      self->checked_account_id = 0;
      return;
    }
  reload (self);
}

/* Once per account shown, when the keyring can answer. */
static void
maybe_check (LiaCredentialsGroup *self)
{
  LiaVaultState state;

  if (self->book == NULL || self->account_id == 0 ||
      self->checked_account_id == self->account_id ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  state = lia_vault_get_state (lia_book_get_vault (self->book));
  if (state != LIA_VAULT_STATE_READY && state != LIA_VAULT_STATE_KEY_MISSING)
    return;

  self->checked_account_id = self->account_id;
  lia_credential_repository_check (repository (self), self->cancellable,
                                   on_checked_cb, g_object_ref (self));
}

static void
lia_credentials_group_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lia_credentials_group_parent_class)->map (widget);
  maybe_check (LIA_CREDENTIALS_GROUP (widget));
}

/* ---- reveal and copy ---- */

static void
on_revealed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  LiaCredentialsGroup *self = pending->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  LiaCredentialRow *row;
  char *secret;
  guint seconds;

  secret = lia_credential_repository_reveal_finish (LIA_CREDENTIAL_REPOSITORY (source), result, &error);
  if (secret == NULL)
    {
      show_error (self, error);
      return;
    }

  if (pending->use == LIA_SECRET_USE_COPY)
    {
      lia_secret_clipboard_copy (GTK_WIDGET (self), secret);
      seconds = MAX (1, lia_views_get_secret_timeout () / 1000);
      /* Translators: a toast; %u is a number of seconds */
      done = g_strdup_printf (ngettext ("Secret copied; the clipboard is cleared in %u second",
                                        "Secret copied; the clipboard is cleared in %u seconds", seconds),
                              seconds);
      lia_toast_show (GTK_WIDGET (self), done);
    }
  else if ((row = lia_credentials_group_find_row (self, pending->id)) != NULL)
    lia_credential_row_show_secret (row, secret);

  secret_password_free (secret);
}

static void
fetch_secret (LiaCredentialsGroup *self,
              gint64               id,
              LiaSecretUse         use)
{
  lia_credential_repository_reveal (repository (self), id, use, self->cancellable,
                                    on_revealed_cb, pending_new (self, id, use));
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaCredentialsGroup *self = LIA_CREDENTIALS_GROUP (widget);
  gint64 id = g_variant_get_int64 (parameter);
  LiaCredentialRow *row = lia_credentials_group_find_row (self, id);

  /* The same button hides it again before its time. */
  if (row != NULL && lia_credential_row_is_revealed (row))
    lia_credential_row_hide_secret (row);
  else
    fetch_secret (self, id, LIA_SECRET_USE_REVEAL);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  fetch_secret (LIA_CREDENTIALS_GROUP (widget), g_variant_get_int64 (parameter), LIA_SECRET_USE_COPY);
}

/* ---- add and edit ---- */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LiaCredentialsGroup *self = LIA_CREDENTIALS_GROUP (widget);

  gtk_window_present (GTK_WINDOW (lia_credential_dialog_new (parent_window (self), self->book,
                                                             self->account_id, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaCredentialsGroup *self = LIA_CREDENTIALS_GROUP (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaCredential) credential = NULL;

  credential = lia_credential_repository_lookup (repository (self), g_variant_get_int64 (parameter), &error);
  if (credential == NULL)
    {
      lia_toast_show (widget, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (lia_credential_dialog_new (parent_window (self), self->book,
                                                             self->account_id, credential)));
}

/* ---- rotate ---- */

static void
on_rotated_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!lia_credential_repository_rotate_finish (LIA_CREDENTIAL_REPOSITORY (source), result, &error))
    {
      show_error (pending->self, error);
      return;
    }
  /* Translators: a toast; %s is a credential's label */
  done = g_strdup_printf (_("New secret saved for “%s”"), pending->label);
  lia_toast_show (GTK_WIDGET (pending->self), done);
}

static void
on_rotate_entry_changed_cb (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "rotate", *gtk_editable_get_text (entry) != '\0');
}

static void
on_rotate_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       LiaCredentialsGroup *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "lia-credential-id");
  g_autoptr(LiaSecretsText) secret = NULL;

  if (g_strcmp0 (response, "rotate") == 0 && *gtk_editable_get_text (entry) != '\0')
    {
      secret = g_strdup (gtk_editable_get_text (entry));
      lia_credential_repository_rotate (repository (self), id, secret, self->cancellable,
                                        on_rotated_cb, pending_new (self, id, LIA_SECRET_USE_REVEAL));
    }
  /* The password entry's buffer wipes what it drops. */
  gtk_editable_set_text (entry, "");
}

static AdwMessageDialog *
new_confirmation (LiaCredentialsGroup *self,
                  const char          *heading,
                  const char          *body,
                  gint64               id)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "lia-credential-id", g_memdup2 (&id, sizeof id), g_free);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
rotate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaCredentialsGroup *self = LIA_CREDENTIALS_GROUP (widget);
  gint64 id = g_variant_get_int64 (parameter);
  LiaCredentialRow *row = lia_credentials_group_find_row (self, id);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (row == NULL)
    return;

  /* Translators: %s is a credential's label */
  body = g_strdup_printf (_("The keyring keeps the new secret of “%s” in place of the old one, "
                            "and today is recorded as its last rotation."),
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  dialog = new_confirmation (self, _("Rotate Secret"), body, id);
  adw_message_dialog_add_response (dialog, "rotate", _("_Rotate"));
  adw_message_dialog_set_response_appearance (dialog, "rotate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "rotate", FALSE);
  adw_message_dialog_set_default_response (dialog, "rotate");

  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "placeholder-text", _("New secret"), "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New secret"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  g_signal_connect_object (entry, "changed", G_CALLBACK (on_rotate_entry_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rotate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- delete ---- */

static void
on_deleted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!lia_credential_repository_delete_finish (LIA_CREDENTIAL_REPOSITORY (source), result, &error))
    {
      show_error (pending->self, error);
      return;
    }
  /* Translators: a toast; %s is a credential's label */
  done = g_strdup_printf (_("Deleted “%s”"), pending->label);
  lia_toast_show (GTK_WIDGET (pending->self), done);
}

static void
on_delete_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       LiaCredentialsGroup *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "lia-credential-id");

  if (g_strcmp0 (response, "delete") == 0)
    lia_credential_repository_delete (repository (self), id, self->cancellable, on_deleted_cb,
                                      pending_new (self, id, LIA_SECRET_USE_REVEAL));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaCredentialsGroup *self = LIA_CREDENTIALS_GROUP (widget);
  gint64 id = g_variant_get_int64 (parameter);
  LiaCredentialRow *row = lia_credentials_group_find_row (self, id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (row == NULL)
    return;

  /* Translators: %s is a credential's label */
  heading = g_strdup_printf (_("Delete “%s”?"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  dialog = new_confirmation (self, heading,
                             _("Its secret is removed from the keyring too. This cannot be undone."), id);
  adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- setup ---- */

static void
update_actions (LiaCredentialsGroup *self)
{
  gboolean shown = self->book != NULL && self->account_id != 0;
  gboolean writable = shown && !lia_book_is_read_only (self->book);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.reveal", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.copy", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.edit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.rotate", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.delete", writable);
}

void
lia_credentials_group_set_book (LiaCredentialsGroup *self,
                                LiaBook             *book)
{
  g_return_if_fail (LIA_IS_CREDENTIALS_GROUP (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  g_signal_connect_object (repository (self), "credential-changed",
                           G_CALLBACK (on_credential_changed_cb), self, G_CONNECT_SWAPPED);
  /* The keyring may answer only after the group is shown. */
  g_signal_connect_object (lia_book_get_vault (book), "notify::state",
                           G_CALLBACK (maybe_check), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
lia_credentials_group_set_account (LiaCredentialsGroup *self,
                                   gint64               account_id)
{
  g_return_if_fail (LIA_IS_CREDENTIALS_GROUP (self));
  g_return_if_fail (self->book != NULL || account_id == 0);

  if (account_id != self->account_id)
    {
      /* Nothing revealed of one account is left in sight on another. */
      g_hash_table_remove_all (self->rows);
      while (gtk_list_box_get_row_at_index (self->list, 0) != NULL)
        gtk_list_box_remove (self->list, GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, 0)));
    }
  self->account_id = account_id;
  update_actions (self);
  if (self->book != NULL)
    reload (self);
  maybe_check (self);
}

static void
lia_credentials_group_dispose (GObject *object)
{
  LiaCredentialsGroup *self = (LiaCredentialsGroup *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_credentials_group_parent_class)->dispose (object);
}

static void
lia_credentials_group_class_init (LiaCredentialsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_credentials_group_dispose;
  widget_class->map = lia_credentials_group_map;

  gtk_widget_class_install_action (widget_class, "credentials.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "credentials.reveal", "x", reveal_action);
  gtk_widget_class_install_action (widget_class, "credentials.copy", "x", copy_action);
  gtk_widget_class_install_action (widget_class, "credentials.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "credentials.rotate", "x", rotate_action);
  gtk_widget_class_install_action (widget_class, "credentials.delete", "x", delete_action);
}

static GtkWidget *
new_placeholder (void)
{
  GtkWidget *label = gtk_label_new (_("No credentials yet"));

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
lia_credentials_group_init (LiaCredentialsGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Credential…"));

  self->rows = new_row_table ();
  self->cancellable = g_cancellable_new ();

  adw_preferences_group_set_title (group, _("Credentials"));
  adw_preferences_group_set_description (group, _("Logins and tokens for this customer; "
                                                  "the secrets stay in your keyring"));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "credentials.add");
  gtk_widget_set_tooltip_text (add, _("Keep a login, VPN account or token of this customer"));
  adw_preferences_group_set_header_suffix (group, add);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (self->list, new_placeholder ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Credentials"), -1);
  adw_preferences_group_add (group, GTK_WIDGET (self->list));
  update_actions (self);
}
