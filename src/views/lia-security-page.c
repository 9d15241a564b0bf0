/* lia-security-page.c — the Security page of Preferences: the data key,
 * how sensitive each field is, and the keyring's credentials
 *
 * A classification is data: changing it re-seals or opens every stored
 * value of the field at once (the model does it in one transaction). If
 * the model refuses (no key to seal with, say), the reason is shown and
 * the picker goes back to the level the field still has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-security-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-credential-repository.h"
#include "lia-data-key-chooser.h"
#include "lia-field-repository.h"
#include "lia-format.h"
#include "lia-security-page.h"
#include "lia-toast.h"
#include "lia-vault.h"

struct _LiaSecurityPage
{
  AdwPreferencesPage   parent_instance;

  LiaBook             *book;
  GCancellable        *cancellable;
  gboolean             checking;
  gboolean             filling;
  GPtrArray           *level_rows;  /* AdwComboRow, one per classified field */

  AdwActionRow        *key_row;
  AdwPreferencesGroup *account_fields_group;
  AdwPreferencesGroup *contact_fields_group;
  AdwActionRow        *check_row;
  GtkWidget           *orphans_button;
  GtkListBox          *rotation_list;
};

G_DEFINE_FINAL_TYPE (LiaSecurityPage, lia_security_page, ADW_TYPE_PREFERENCES_PAGE)

static LiaVault *
vault (LiaSecurityPage *self)
{
  return lia_book_get_vault (self->book);
}

static void
update_actions (LiaSecurityPage *self)
{
  gboolean writable = self->book != NULL && !lia_book_is_read_only (self->book);
  LiaVaultState state = self->book ? lia_vault_get_state (vault (self)) : LIA_VAULT_STATE_CLOSED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "security.export-key",
                                 self->book != NULL && lia_vault_has_key (vault (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "security.import-key",
                                 writable && state != LIA_VAULT_STATE_OPENING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "security.check-keyring",
                                 self->book != NULL && !self->checking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "security.remove-orphans",
                                 writable && !self->checking);
}

/* ---- the data key ---- */

static void
update_key_row (LiaSecurityPage *self)
{
  LiaVaultState state = lia_vault_get_state (vault (self));
  const char *words;

  switch (state)
    {
    case LIA_VAULT_STATE_CLOSED:  words = _("Not asked for yet"); break;
    case LIA_VAULT_STATE_OPENING: words = _("Waiting for the keyring…"); break;
    case LIA_VAULT_STATE_READY:   words = _("In your keyring and in use"); break;
    default:                      words = lia_vault_get_message (vault (self)); break;
    }
  adw_action_row_set_subtitle (self->key_row, words ? words : "");
  update_actions (self);
}

static void
export_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lia_data_key_chooser_export (widget, LIA_SECURITY_PAGE (widget)->book);
}

static void
import_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lia_data_key_chooser_import (widget, LIA_SECURITY_PAGE (widget)->book);
}

/* ---- field classification ---- */

static void
on_level_selected_cb (AdwComboRow     *row,
                      GParamSpec      *pspec,
                      LiaSecurityPage *self)
{
  LiaFieldEntity entity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lia-entity"));
  const char *field = g_object_get_data (G_OBJECT (row), "lia-field");
  LiaFieldLevel level = adw_combo_row_get_selected (row);
  LiaFieldRepository *fields = lia_book_get_fields (self->book);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (self->filling || level == lia_field_repository_get_level (fields, entity, field))
    return;

  if (!lia_field_repository_set_level (fields, entity, field, level, &error))
    {
      lia_toast_show (GTK_WIDGET (self), error->message);
      self->filling = TRUE;
      adw_combo_row_set_selected (row, lia_field_repository_get_level (fields, entity, field));
      self->filling = FALSE;
      return;
    }

  /* Translators: a toast; a field such as "Tax ID", then a level such as "Confidential" */
  done = g_strdup_printf (_("%s is now %s"), lia_field_label (entity, field), lia_field_level_to_label (level));
  lia_toast_show (GTK_WIDGET (self), done);
}

static GtkWidget *
new_level_row (LiaSecurityPage *self,
               LiaFieldClass   *field_class)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (LiaFieldLevel level = LIA_FIELD_LEVEL_PUBLIC; level <= LIA_FIELD_LEVEL_CONFIDENTIAL; level++)
    gtk_string_list_append (levels, lia_field_level_to_label (level));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_field_class_get_label (field_class));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (levels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), lia_field_class_get_level (field_class));
  g_object_set_data (G_OBJECT (row), "lia-entity", GINT_TO_POINTER (lia_field_class_get_entity (field_class)));
  g_object_set_data_full (G_OBJECT (row), "lia-field", g_strdup (lia_field_class_get_field (field_class)), g_free);
  gtk_widget_set_sensitive (row, !lia_book_is_read_only (self->book));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_level_selected_cb), self, 0);
  return row;
}

static void
fill_levels (LiaSecurityPage     *self,
             LiaFieldEntity       entity,
             AdwPreferencesGroup *group)
{
  g_autoptr(GListModel) classes = lia_field_repository_list_classes (lia_book_get_fields (self->book), entity);
  guint n = classes ? g_list_model_get_n_items (classes) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaFieldClass) field_class = g_list_model_get_item (classes, i);
      GtkWidget *row = new_level_row (self, field_class);

      g_ptr_array_add (self->level_rows, row);
      adw_preferences_group_add (group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (group), n > 0);
}

/* Whoever changed a level, the pickers show what is stored. */
static void
on_classes_changed_cb (LiaSecurityPage *self)
{
  LiaFieldRepository *fields = lia_book_get_fields (self->book);

  self->filling = TRUE;
  for (guint i = 0; i < self->level_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->level_rows, i);
      LiaFieldEntity entity = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lia-entity"));
      const char *field = g_object_get_data (G_OBJECT (row), "lia-field");

      adw_combo_row_set_selected (row, lia_field_repository_get_level (fields, entity, field));
    }
  self->filling = FALSE;
}

/* ---- credentials: rotation due, keyring check ---- */

static GtkWidget *
new_rotation_row (LiaCredential *credential,
                  gint64         now)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 due = lia_credential_get_rotate_by (credential);
  g_autofree char *title = NULL;
  g_autofree char *date = lia_format_date (due);
  g_autofree char *subtitle = NULL;

  /* Translators: an account's name, then a credential's label */
  title = g_strdup_printf (_("%s — %s"), lia_credential_get_account_name (credential) ?: "",
                           lia_credential_get_label (credential));
  /* Translators: %s is a date */
  subtitle = g_strdup_printf (due < now ? _("Overdue since %s") : _("Due %s"), date);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_rotation_row (gpointer item,
                     gpointer user_data)
{
  LiaSecurityPage *self = user_data;

  return new_rotation_row (item, lia_book_now (self->book));
}

static void
update_rotation_list (LiaSecurityPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) due = lia_credential_repository_list_rotation_due (lia_book_get_credentials (self->book),
                                                                            &error);

  if (error != NULL)
    lia_toast_show (GTK_WIDGET (self), error->message);
  gtk_list_box_bind_model (self->rotation_list, due, create_rotation_row, self, NULL);
}

static void
show_check (LiaSecurityPage *self,
            guint            missing,
            guint            orphans,
            guint            unknown)
{
  g_autofree char *missing_text = NULL;
  g_autofree char *orphans_text = NULL;
  g_autofree char *text = NULL;

  /* Translators: credentials whose secret is not in the keyring */
  missing_text = g_strdup_printf (ngettext ("%u missing", "%u missing", missing), missing);
  /* Translators: secrets in the keyring that no credential owns */
  orphans_text = g_strdup_printf (ngettext ("%u orphaned", "%u orphaned", orphans), orphans);
  /* Translators: "2 missing, 1 orphaned" */
  text = g_strdup_printf (_("%s, %s"), missing_text, orphans_text);
  if (unknown > 0)
    {
      g_autofree char *unknown_text = NULL;
      g_autofree char *with_unknown = NULL;

      /* Translators: secrets of this book's keyring id that this book has
       * no record of: perhaps a copy of the book added them, so they are
       * kept */
      unknown_text = g_strdup_printf (ngettext ("%u kept: not known to this book",
                                                "%u kept: not known to this book", unknown), unknown);
      /* Translators: "2 missing, 1 orphaned" followed by the kept ones */
      with_unknown = g_strdup_printf (_("%s; %s"), text, unknown_text);
      g_free (text);
      text = g_steal_pointer (&with_unknown);
    }
  adw_action_row_set_subtitle (self->check_row, text);
  gtk_widget_set_visible (self->orphans_button, orphans > 0);
}

static void
set_checking (LiaSecurityPage *self,
              gboolean         checking)
{
  self->checking = checking;
  if (checking)
    adw_action_row_set_subtitle (self->check_row, _("Checking…"));
  update_actions (self);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LiaSecurityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  guint missing = 0, orphans = 0, unknown = 0;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_checking (self, FALSE);
  if (!lia_credential_repository_check_finish_full (LIA_CREDENTIAL_REPOSITORY (source), result,
                                                    &missing, &orphans, &unknown, &error))
    {
      adw_action_row_set_subtitle (self->check_row, error->message);
      gtk_widget_set_visible (self->orphans_button, FALSE);
      return;
    }
  show_check (self, missing, orphans, unknown);
}

static void
check_keyring (LiaSecurityPage *self)
{
  set_checking (self, TRUE);
  lia_credential_repository_check (lia_book_get_credentials (self->book), self->cancellable,
                                   on_checked_cb, g_object_ref (self));
}

static void
check_keyring_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  check_keyring (LIA_SECURITY_PAGE (widget));
}

static void
on_orphans_removed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(LiaSecurityPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint removed = 0;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_checking (self, FALSE);
  if (!lia_credential_repository_remove_orphans_finish (LIA_CREDENTIAL_REPOSITORY (source), result,
                                                        &removed, &error))
    {
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  /* Translators: a toast; %u is a number of secrets */
  done = g_strdup_printf (ngettext ("Removed %u orphaned secret", "Removed %u orphaned secrets", removed),
                          removed);
  lia_toast_show (GTK_WIDGET (self), done);
  check_keyring (self);
}

static void
remove_orphans_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LiaSecurityPage *self = LIA_SECURITY_PAGE (widget);

  set_checking (self, TRUE);
  lia_credential_repository_remove_orphans (lia_book_get_credentials (self->book), self->cancellable,
                                            on_orphans_removed_cb, g_object_ref (self));
}

/* ---- setup ---- */

void
lia_security_page_set_book (LiaSecurityPage *self,
                            LiaBook         *book)
{
  g_return_if_fail (LIA_IS_SECURITY_PAGE (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  g_signal_connect_object (vault (self), "notify::state", G_CALLBACK (update_key_row),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_fields (book), "classes-changed",
                           G_CALLBACK (on_classes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_credentials (book), "credential-changed",
                           G_CALLBACK (update_rotation_list), self, G_CONNECT_SWAPPED);

  update_key_row (self);
  fill_levels (self, LIA_FIELD_ENTITY_ACCOUNT, self->account_fields_group);
  fill_levels (self, LIA_FIELD_ENTITY_CONTACT, self->contact_fields_group);
  update_rotation_list (self);
}

static void
lia_security_page_dispose (GObject *object)
{
  LiaSecurityPage *self = (LiaSecurityPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->level_rows, g_ptr_array_unref);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_security_page_parent_class)->dispose (object);
}

static void
lia_security_page_class_init (LiaSecurityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_security_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-security-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaSecurityPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, LiaSecurityPage, account_fields_group);
  gtk_widget_class_bind_template_child (widget_class, LiaSecurityPage, contact_fields_group);
  gtk_widget_class_bind_template_child (widget_class, LiaSecurityPage, check_row);
  gtk_widget_class_bind_template_child (widget_class, LiaSecurityPage, orphans_button);
  gtk_widget_class_bind_template_child (widget_class, LiaSecurityPage, rotation_list);

  gtk_widget_class_install_action (widget_class, "security.export-key", NULL, export_key_action);
  gtk_widget_class_install_action (widget_class, "security.import-key", NULL, import_key_action);
  gtk_widget_class_install_action (widget_class, "security.check-keyring", NULL, check_keyring_action);
  gtk_widget_class_install_action (widget_class, "security.remove-orphans", NULL, remove_orphans_action);
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
lia_security_page_init (LiaSecurityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->level_rows = g_ptr_array_new ();
  gtk_list_box_set_placeholder (self->rotation_list, new_placeholder (_("No rotation due")));
  update_actions (self);
}
