/* lia-credential-row.c — one credential on an account page: what it is,
 * whether its secret is there and due, and the secret while revealed
 *
 * The row only shows; its buttons name "credentials." actions with the
 * credential's id, which the group around it (LiaCredentialsGroup)
 * carries out. The secret is in the row's label only while revealed: it
 * is replaced by nothing when the time is up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-credential-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-credential-row.h"
#include "lia-views.h"

struct _LiaCredentialRow
{
  AdwActionRow  parent_instance;

  gint64        id;
  gboolean      missing;
  gboolean      overdue;
  guint         hide_id;

  GtkWidget    *missing_tag;
  GtkWidget    *overdue_tag;
  GtkWidget    *secret_label;
  GtkWidget    *reveal_button;
  GtkWidget    *copy_button;
  GtkWidget    *menu_button;
};

G_DEFINE_FINAL_TYPE (LiaCredentialRow, lia_credential_row, ADW_TYPE_ACTION_ROW)

static GtkWidget *
new_tag (const char *text,
         const char *style)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "lia-pill");
  gtk_widget_add_css_class (tag, style);
  gtk_widget_set_visible (tag, FALSE);
  return tag;
}

static GtkWidget *
new_button (const char *icon_name,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
set_target (GtkWidget  *button,
            const char *action,
            gint64      id)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
}

static GMenuModel *
new_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  const struct { const char *label; const char *action; } items[] = {
    { N_("_Edit…"), "credentials.edit" },
    { N_("_Rotate Secret…"), "credentials.rotate" },
    { N_("_Delete…"), "credentials.delete" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
update_accessible_names (LiaCredentialRow *self,
                         const char       *label)
{
  /* Translators: accessible names of buttons; %s is a credential's label */
  g_autofree char *reveal = g_strdup_printf (_("Reveal or hide the secret of %s"), label);
  g_autofree char *copy = g_strdup_printf (_("Copy the secret of %s"), label);
  g_autofree char *more = g_strdup_printf (_("More actions for %s"), label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reveal_button), GTK_ACCESSIBLE_PROPERTY_LABEL, reveal, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button), GTK_ACCESSIBLE_PROPERTY_LABEL, copy, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, more, -1);
}

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

void
lia_credential_row_update (LiaCredentialRow *self,
                           LiaCredential    *credential,
                           gint64            now)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GMenuModel) menu = NULL;
  gint64 id;

  g_return_if_fail (LIA_IS_CREDENTIAL_ROW (self));

  id = lia_credential_get_id (credential);
  if (id != self->id)
    {
      self->id = id;
      set_target (self->reveal_button, "credentials.reveal", id);
      set_target (self->copy_button, "credentials.copy", id);
      menu = new_menu (id);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), menu);
    }

  append_part (subtitle, lia_credential_kind_to_label (lia_credential_get_kind (credential)));
  append_part (subtitle, lia_credential_get_username (credential));
  append_part (subtitle, lia_credential_get_url (credential));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), lia_credential_get_label (credential));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  update_accessible_names (self, lia_credential_get_label (credential));

  self->missing = lia_credential_get_secret_state (credential) == LIA_SECRET_STATE_MISSING;
  self->overdue = lia_credential_is_rotation_overdue (credential, now);
  gtk_widget_set_visible (self->missing_tag, self->missing);
  gtk_widget_set_visible (self->overdue_tag, self->overdue);
  /* Nothing to reveal or copy when the keyring has lost it. */
  gtk_widget_set_sensitive (self->reveal_button, !self->missing);
  gtk_widget_set_sensitive (self->copy_button, !self->missing);
}

void
lia_credential_row_hide_secret (LiaCredentialRow *self)
{
  g_return_if_fail (LIA_IS_CREDENTIAL_ROW (self));

  g_clear_handle_id (&self->hide_id, g_source_remove);
  gtk_label_set_label (GTK_LABEL (self->secret_label), "");
  gtk_widget_set_visible (self->secret_label, FALSE);
  gtk_button_set_icon_name (GTK_BUTTON (self->reveal_button), "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (self->reveal_button, _("Reveal"));
}

static gboolean
on_hide_timeout_cb (gpointer data)
{
  LiaCredentialRow *self = data;

  self->hide_id = 0;
  lia_credential_row_hide_secret (self);
  return G_SOURCE_REMOVE;
}

void
lia_credential_row_show_secret (LiaCredentialRow *self,
                                const char       *secret)
{
  g_return_if_fail (LIA_IS_CREDENTIAL_ROW (self));

  gtk_label_set_label (GTK_LABEL (self->secret_label), secret);
  gtk_widget_set_visible (self->secret_label, TRUE);
  gtk_button_set_icon_name (GTK_BUTTON (self->reveal_button), "view-conceal-symbolic");
  gtk_widget_set_tooltip_text (self->reveal_button, _("Hide"));

  g_clear_handle_id (&self->hide_id, g_source_remove);
  self->hide_id = g_timeout_add (lia_views_get_secret_timeout (), on_hide_timeout_cb, self);
}

gboolean
lia_credential_row_is_revealed (LiaCredentialRow *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL_ROW (self), FALSE);
  return self->hide_id != 0;
}

gint64
lia_credential_row_get_id (LiaCredentialRow *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL_ROW (self), 0);
  return self->id;
}

GtkLabel *
lia_credential_row_get_secret_label (LiaCredentialRow *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL_ROW (self), NULL);
  return GTK_LABEL (self->secret_label);
}

gboolean
lia_credential_row_is_missing (LiaCredentialRow *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL_ROW (self), FALSE);
  return self->missing;
}

gboolean
lia_credential_row_is_overdue (LiaCredentialRow *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL_ROW (self), FALSE);
  return self->overdue;
}

static void
lia_credential_row_dispose (GObject *object)
{
  LiaCredentialRow *self = (LiaCredentialRow *)object;

  g_clear_handle_id (&self->hide_id, g_source_remove);

  G_OBJECT_CLASS (lia_credential_row_parent_class)->dispose (object);
}

static void
lia_credential_row_class_init (LiaCredentialRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_credential_row_dispose;
}

static void
lia_credential_row_init (LiaCredentialRow *self)
{
  AdwActionRow *row = ADW_ACTION_ROW (self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (row, 1);

  self->missing_tag = new_tag (_("Missing from keyring"), "lia-overdue");
  self->overdue_tag = new_tag (_("Rotation overdue"), "lia-due");
  adw_action_row_add_suffix (row, self->missing_tag);
  adw_action_row_add_suffix (row, self->overdue_tag);

  /* Not selectable: a selection would copy the secret past the Copy
   * button, unaudited and never cleared from the clipboard. */
  self->secret_label = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (self->secret_label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (self->secret_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->secret_label), 24);
  gtk_widget_set_valign (self->secret_label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->secret_label, FALSE);
  gtk_widget_add_css_class (self->secret_label, "monospace");
  gtk_widget_add_css_class (self->secret_label, "lia-secret");
  adw_action_row_add_suffix (row, self->secret_label);

  self->reveal_button = new_button ("view-reveal-symbolic", _("Reveal"));
  self->copy_button = new_button ("edit-copy-symbolic", _("Copy"));
  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (self->menu_button), FALSE);
  gtk_widget_set_tooltip_text (self->menu_button, _("More"));
  adw_action_row_add_suffix (row, self->reveal_button);
  adw_action_row_add_suffix (row, self->copy_button);
  adw_action_row_add_suffix (row, self->menu_button);
}

GtkWidget *
lia_credential_row_new (void)
{
  return g_object_new (LIA_TYPE_CREDENTIAL_ROW, NULL);
}
