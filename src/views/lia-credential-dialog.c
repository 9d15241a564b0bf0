/* lia-credential-dialog.c — add a credential (its secret goes to the
 * keyring) or edit what the book knows of one
 *
 * Adding waits on the keyring, asynchronously: the dialog stays open
 * (Add insensitive, a spinner) until the secret is stored, and shows the
 * reason if it is not, with everything typed still there. The secret is
 * copied out of the entry only for the call and wiped after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-credential-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-credential-dialog.h"
#include "lia-credential-repository.h"
#include "lia-secrets.h"
#include "lia-toast.h"
#include "lia-views.h"

struct _LiaCredentialDialog
{
  AdwWindow            parent_instance;

  LiaBook             *book;
  gint64               account_id;
  gint64               credential_id;  /* 0 when adding */
  gboolean             label_touched;
  gboolean             secret_touched;
  gboolean             busy;
  GCancellable        *cancellable;

  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  AdwEntryRow         *label_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *username_row;
  AdwEntryRow         *url_row;
  AdwPreferencesGroup *secret_group;
  AdwEntryRow         *secret_row;
  GtkSpinButton       *rotation_spin;
  GtkTextView         *notes_view;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (LiaCredentialDialog, lia_credential_dialog, ADW_TYPE_WINDOW)

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
show_message (LiaCredentialDialog *self,
              const char          *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A URL, when given, says how to reach it: "portal.example.com" alone
 * could be a note. */
static gboolean
url_ok (const char *url)
{
  g_autofree char *scheme = NULL;

  if (is_blank (url))
    return TRUE;
  scheme = g_uri_parse_scheme (url);
  return scheme != NULL && g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

/* The first problem is said under the fields; every bad field is marked,
 * but not before the person has typed in it. */
static void
validate (LiaCredentialDialog *self)
{
  gboolean adding = self->credential_id == 0;
  gboolean label_missing = is_blank (text_of (self->label_row));
  gboolean secret_missing = adding && *text_of (self->secret_row) == '\0';
  gboolean url_bad = !url_ok (text_of (self->url_row));

  lia_widget_set_invalid (GTK_WIDGET (self->label_row), label_missing && self->label_touched);
  lia_widget_set_invalid (GTK_WIDGET (self->secret_row), secret_missing && self->secret_touched);
  lia_widget_set_invalid (GTK_WIDGET (self->url_row), url_bad);

  if (label_missing && self->label_touched)
    show_message (self, _("A credential needs a label"));
  else if (secret_missing && self->secret_touched)
    show_message (self, _("Enter the secret to keep in the keyring"));
  else if (url_bad)
    show_message (self, _("The URL needs a scheme, such as https://"));
  else
    show_message (self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.save",
                                 !self->busy && !label_missing && !secret_missing && !url_bad);
}

static void
on_label_changed_cb (LiaCredentialDialog *self)
{
  self->label_touched = TRUE;
  validate (self);
}

static void
on_secret_changed_cb (LiaCredentialDialog *self)
{
  self->secret_touched = TRUE;
  validate (self);
}

static void
on_field_changed_cb (LiaCredentialDialog *self)
{
  validate (self);
}

static void
on_entry_activated_cb (LiaCredentialDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "credential.save", NULL);
}

static void
set_busy (LiaCredentialDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  validate (self);
}

static char *
notes_text (LiaCredentialDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
fill_credential (LiaCredentialDialog *self,
                 LiaCredential       *credential)
{
  g_autofree char *label = g_strstrip (g_strdup (text_of (self->label_row)));
  g_autofree char *url = g_strstrip (g_strdup (text_of (self->url_row)));
  g_autofree char *notes = notes_text (self);

  lia_credential_set_label (credential, label);
  lia_credential_set_kind (credential, adw_combo_row_get_selected (self->kind_row));
  lia_credential_set_username (credential, text_of (self->username_row));
  lia_credential_set_url (credential, url);
  lia_credential_set_rotation_days (credential, (guint)gtk_spin_button_get_value_as_int (self->rotation_spin));
  lia_credential_set_notes (credential, notes);
}

static void
on_added_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LiaCredentialDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!lia_credential_repository_add_finish (LIA_CREDENTIAL_REPOSITORY (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_message (self, error->message);
      return;
    }

  lia_toast_show (GTK_WIDGET (self), _("Credential added"));
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_credential (LiaCredentialDialog *self)
{
  g_autoptr(LiaCredential) credential = lia_credential_new (self->account_id, "", LIA_CREDENTIAL_KIND_PORTAL);
  g_autoptr(LiaSecretsText) secret = g_strdup (text_of (self->secret_row));

  fill_credential (self, credential);
  set_busy (self, TRUE);
  show_message (self, NULL);
  lia_credential_repository_add (lia_book_get_credentials (self->book), credential, secret,
                                 self->cancellable, on_added_cb, g_object_ref (self));
}

/* The metadata only: synchronous, nothing of it is in the keyring. */
static gboolean
update_credential (LiaCredentialDialog  *self,
                   GError              **error)
{
  LiaCredentialRepository *repo = lia_book_get_credentials (self->book);
  g_autoptr(LiaCredential) credential = lia_credential_repository_lookup (repo, self->credential_id, error);

  if (credential == NULL)
    return FALSE;
  fill_credential (self, credential);
  return lia_credential_repository_update (repo, credential, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaCredentialDialog *self = LIA_CREDENTIAL_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->credential_id == 0)
    {
      add_credential (self);
      return;
    }

  if (!update_credential (self, &error))
    {
      show_message (self, error->message);
      return;
    }
  lia_toast_show (widget, _("Credential saved"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
lia_credential_dialog_dispose (GObject *object)
{
  LiaCredentialDialog *self = (LiaCredentialDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_credential_dialog_parent_class)->dispose (object);
}

static void
lia_credential_dialog_class_init (LiaCredentialDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_credential_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-credential-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, secret_group);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, rotation_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LiaCredentialDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_label_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "credential.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_credential_dialog_init (LiaCredentialDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  for (LiaCredentialKind kind = LIA_CREDENTIAL_KIND_PORTAL; kind <= LIA_CREDENTIAL_KIND_OTHER; kind++)
    gtk_string_list_append (kinds, lia_credential_kind_to_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credential.save", FALSE);
}

static void
fill_from_credential (LiaCredentialDialog *self,
                      LiaCredential       *credential)
{
  const char *notes = lia_credential_get_notes (credential);

  gtk_editable_set_text (GTK_EDITABLE (self->label_row), lia_credential_get_label (credential) ?: "");
  adw_combo_row_set_selected (self->kind_row, lia_credential_get_kind (credential));
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), lia_credential_get_username (credential) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), lia_credential_get_url (credential) ?: "");
  gtk_spin_button_set_value (self->rotation_spin, lia_credential_get_rotation_days (credential));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);
}

GtkWidget *
lia_credential_dialog_new (GtkWindow     *parent,
                           LiaBook       *book,
                           gint64         account_id,
                           LiaCredential *credential)
{
  LiaCredentialDialog *self = g_object_new (LIA_TYPE_CREDENTIAL_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  self->book = g_object_ref (book);
  self->account_id = account_id;
  if (credential != NULL)
    {
      self->credential_id = lia_credential_get_id (credential);
      self->account_id = lia_credential_get_account_id (credential);
      fill_from_credential (self, credential);
      /* A new secret is a rotation, with its own date. */
      gtk_widget_set_visible (GTK_WIDGET (self->secret_group), FALSE);
      adw_window_title_set_title (self->window_title, _("Edit Credential"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }

  validate (self);
  return GTK_WIDGET (self);
}
