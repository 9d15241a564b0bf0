/* lia-fields-group.c — the classified fields of one account or contact:
 * edited one by one, confidential ones masked until revealed
 *
 * Each field is written on its own, not with the page's Save: a
 * confidential value is sealed by the model as it is written, and what
 * was typed is wiped at once. Public and internal values are plain entry
 * rows, applied with their button or Enter. A confidential one is an
 * action row showing "••••••••" (or "Not set") with one Reveal/Hide
 * button, which opens it (audited by the model) for
 * lia_views_get_secret_timeout(), and an Edit button whose popover takes
 * a new value in a password entry. Without the book's key, confidential
 * rows say "Locked" and cannot be used; the others keep working.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-fields-group"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-field-repository.h"
#include "lia-fields-group.h"
#include "lia-secrets.h"
#include "lia-toast.h"
#include "lia-vault.h"
#include "lia-views.h"

#define MASK "••••••••"

typedef struct
{
  LiaFieldsGroup *group;
  GtkWidget      *row;           /* AdwEntryRow, or AdwActionRow when confidential */
  char           *field;
  char           *label;
  LiaFieldLevel   level;
  gboolean        has_value;
  char           *stored;        /* public and internal only: the text as stored */

  /* Confidential only. */
  GtkWidget      *value_label;
  GtkWidget      *reveal_button;
  GtkWidget      *edit_button;   /* a GtkMenuButton with the editor popover */
  GtkWidget      *popover;
  GtkWidget      *entry;         /* GtkPasswordEntry: its buffer wipes what it drops */
  GtkWidget      *error_label;
  GtkWidget      *clear_button;
  GtkWidget      *save_button;
  guint           hide_id;
} FieldRow;

struct _LiaFieldsGroup
{
  AdwPreferencesGroup  parent_instance;

  LiaBook             *book;
  LiaFieldEntity       entity;
  gint64               row_id;
  GPtrArray           *rows;     /* FieldRow */
};

G_DEFINE_FINAL_TYPE (LiaFieldsGroup, lia_fields_group, ADW_TYPE_PREFERENCES_GROUP)

static LiaFieldRepository *
repository (LiaFieldsGroup *self)
{
  return lia_book_get_fields (self->book);
}

static gboolean
is_confidential (FieldRow *fr)
{
  return fr->level == LIA_FIELD_LEVEL_CONFIDENTIAL;
}

static void
field_row_free (gpointer data)
{
  FieldRow *fr = data;
  GtkWidget *widgets[] = {
    fr->row, fr->reveal_button, fr->popover, fr->entry, fr->clear_button, fr->save_button,
  };

  g_clear_handle_id (&fr->hide_id, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (widgets[i] != NULL)
      g_signal_handlers_disconnect_by_data (widgets[i], fr);
  g_free (fr->field);
  g_free (fr->label);
  g_free (fr->stored);
  g_free (fr);
}

static FieldRow *
find_row (LiaFieldsGroup *self,
          const char     *field)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FieldRow *fr = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (fr->field, field) == 0)
        return fr;
    }
  return NULL;
}

/* Sets the entry's text without it counting as an edit to apply. */
static void
set_text_quietly (FieldRow   *fr,
                  const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (fr->row);

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_entry_row_set_show_apply_button (row, TRUE);
}

static gboolean
has_key (LiaFieldsGroup *self)
{
  return lia_vault_has_key (lia_book_get_vault (self->book));
}

/* The masked value, "Not set" or "Locked": never the value itself. */
static void
show_masked (FieldRow *fr)
{
  gboolean locked = !has_key (fr->group);
  const char *text = locked ? _("Locked") : fr->has_value ? MASK : _("Not set");
  const char *spoken = locked ? _("Locked") : fr->has_value ? _("Hidden") : _("Not set");
  gboolean writable = !lia_book_is_read_only (fr->group->book);

  g_clear_handle_id (&fr->hide_id, g_source_remove);
  gtk_label_set_label (GTK_LABEL (fr->value_label), text);
  gtk_label_set_selectable (GTK_LABEL (fr->value_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->value_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_add_css_class (fr->value_label, "dim-label");
  gtk_widget_remove_css_class (fr->value_label, "lia-secret");

  /* Nothing to reveal in an unset field: no button rather than a dead one. */
  gtk_button_set_icon_name (GTK_BUTTON (fr->reveal_button), "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (fr->reveal_button, _("Reveal"));
  gtk_widget_set_visible (fr->reveal_button, !locked && fr->has_value);

  gtk_widget_set_sensitive (fr->edit_button, writable);
  gtk_widget_set_sensitive (fr->row, !locked);
  gtk_widget_set_tooltip_text (fr->row,
                               locked ? lia_vault_get_message (lia_book_get_vault (fr->group->book)) : NULL);
  if (locked)
    gtk_popover_popdown (GTK_POPOVER (fr->popover));
}

static gboolean
on_hide_timeout_cb (gpointer data)
{
  FieldRow *fr = data;

  fr->hide_id = 0;
  show_masked (fr);
  return G_SOURCE_REMOVE;
}

static void
show_revealed (FieldRow   *fr,
               const char *text)
{
  gtk_label_set_label (GTK_LABEL (fr->value_label), text);
  /* As with credentials: no unaudited copy of a confidential value. */
  gtk_label_set_selectable (GTK_LABEL (fr->value_label), FALSE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (fr->value_label), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_widget_remove_css_class (fr->value_label, "dim-label");
  gtk_widget_add_css_class (fr->value_label, "lia-secret");
  gtk_button_set_icon_name (GTK_BUTTON (fr->reveal_button), "view-conceal-symbolic");
  gtk_widget_set_tooltip_text (fr->reveal_button, _("Hide"));

  g_clear_handle_id (&fr->hide_id, g_source_remove);
  fr->hide_id = g_timeout_add (lia_views_get_secret_timeout (), on_hide_timeout_cb, fr);
}

static void
on_reveal_clicked_cb (GtkButton *button,
                      FieldRow  *fr)
{
  LiaFieldsGroup *self = fr->group;
  g_autoptr(LiaSecretsText) text = NULL;
  g_autoptr(GError) error = NULL;

  /* A second click hides it again before its time. */
  if (fr->hide_id != 0)
    {
      show_masked (fr);
      return;
    }

  text = lia_field_repository_reveal (repository (self), self->entity, self->row_id, fr->field, &error);
  if (error != NULL)
    {
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  show_revealed (fr, text ? text : "");
}

/* ---- public and internal: entry rows ---- */

/* Written when applied; a refusal keeps what was typed, marked. */
static void
on_apply_cb (AdwEntryRow *row,
             FieldRow    *fr)
{
  LiaFieldsGroup *self = fr->group;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;

  if (!lia_field_repository_set_value (repository (self), self->entity, self->row_id,
                                       fr->field, text, &error))
    {
      lia_widget_set_invalid (GTK_WIDGET (row), TRUE);
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  lia_widget_set_invalid (GTK_WIDGET (row), FALSE);
}

static void
on_row_changed_cb (GtkEditable *row,
                   FieldRow    *fr)
{
  lia_widget_set_invalid (GTK_WIDGET (row), FALSE);
}

/* ---- confidential: the editor popover ---- */

static void
show_editor_error (FieldRow   *fr,
                   const char *message)
{
  gtk_label_set_label (GTK_LABEL (fr->error_label), message ? message : "");
  gtk_widget_set_visible (fr->error_label, message != NULL);
  lia_widget_set_invalid (fr->entry, message != NULL);
}

/* The model stores a value stripped (g_strstrip): spaces alone clear it. */
static gboolean
is_blank (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text == NULL || *text == '\0';
}

/* Writes @text (NULL clears); on success the popover closes, which wipes
 * the entry, and a toast says what happened. A refusal keeps what was
 * typed, with the reason under it. */
static void
write_confidential (FieldRow   *fr,
                    const char *text)
{
  LiaFieldsGroup *self = fr->group;
  g_autofree char *field = g_strdup (fr->field);
  g_autofree char *done = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cleared = is_blank (text);

  if (!lia_field_repository_set_value (repository (self), self->entity, self->row_id,
                                       field, text, &error))
    {
      show_editor_error (fr, error->message);
      return;
    }

  /* The repository's signal has refreshed the rows, and may have
   * rebuilt them: look this one up again. */
  if ((fr = find_row (self, field)) == NULL || !is_confidential (fr))
    return;
  fr->has_value = !cleared;
  gtk_popover_popdown (GTK_POPOVER (fr->popover));
  show_masked (fr);
  /* Translators: a toast; %s is a field such as "Tax ID" */
  done = g_strdup_printf (cleared ? _("%s cleared") : _("%s saved"), fr->label);
  lia_toast_show (GTK_WIDGET (self), done);
}

static void
on_save_clicked_cb (GtkButton *button,
                    FieldRow  *fr)
{
  /* Our own copy, wiped when it goes; the entry's is wiped on close. */
  g_autoptr(LiaSecretsText) text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (fr->entry)));

  if (*text == '\0')
    return;
  write_confidential (fr, text);
}

static void
on_clear_clicked_cb (GtkButton *button,
                     FieldRow  *fr)
{
  write_confidential (fr, NULL);
}

static void
on_cancel_clicked_cb (GtkButton *button,
                      FieldRow  *fr)
{
  gtk_popover_popdown (GTK_POPOVER (fr->popover));
}

static void
on_entry_changed_cb (GtkEditable *entry,
                     FieldRow    *fr)
{
  gtk_widget_set_sensitive (fr->save_button, *gtk_editable_get_text (entry) != '\0');
  show_editor_error (fr, NULL);
}

static void
on_popover_show_cb (GtkWidget *popover,
                    FieldRow  *fr)
{
  gtk_widget_set_visible (fr->clear_button, fr->has_value);
  gtk_widget_set_sensitive (fr->save_button, FALSE);
  show_editor_error (fr, NULL);
  gtk_widget_grab_focus (fr->entry);
}

/* Closed however it was (Cancel, Escape, a click outside, saved): what
 * was typed does not stay behind. */
static void
on_popover_closed_cb (GtkPopover *popover,
                      FieldRow   *fr)
{
  gtk_editable_set_text (GTK_EDITABLE (fr->entry), "");
  show_editor_error (fr, NULL);
}

static GtkWidget *
new_editor (FieldRow *fr)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (fr->label);
  GtkWidget *hint = gtk_label_new (_("Replaces the stored value; encrypted when saved."));
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 36);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  fr->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (fr->entry), TRUE);
  g_object_set (fr->entry, "activates-default", TRUE, NULL);
  gtk_editable_set_width_chars (GTK_EDITABLE (fr->entry), 30);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fr->label, -1);
  g_signal_connect (fr->entry, "changed", G_CALLBACK (on_entry_changed_cb), fr);
  gtk_box_append (GTK_BOX (box), fr->entry);

  fr->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (fr->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (fr->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (fr->error_label), 36);
  gtk_widget_add_css_class (fr->error_label, "error");
  gtk_widget_set_visible (fr->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), fr->error_label);

  /* Clearing is its own deliberate act, apart from the other two. */
  fr->clear_button = gtk_button_new_with_mnemonic (_("C_lear"));
  gtk_widget_add_css_class (fr->clear_button, "destructive-action");
  gtk_widget_set_hexpand (fr->clear_button, TRUE);
  gtk_widget_set_halign (fr->clear_button, GTK_ALIGN_START);
  g_signal_connect (fr->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), fr);
  gtk_box_append (GTK_BOX (buttons), fr->clear_button);

  gtk_widget_add_css_class (cancel, "lia-cancel");
  g_signal_connect (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), fr);
  gtk_box_append (GTK_BOX (buttons), cancel);

  fr->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (fr->save_button, "suggested-action");
  g_signal_connect (fr->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), fr);
  gtk_box_append (GTK_BOX (buttons), fr->save_button);
  gtk_box_append (GTK_BOX (box), buttons);

  fr->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (fr->popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (fr->popover), fr->save_button);
  g_signal_connect (fr->popover, "show", G_CALLBACK (on_popover_show_cb), fr);
  g_signal_connect (fr->popover, "closed", G_CALLBACK (on_popover_closed_cb), fr);
  return fr->popover;
}

static GtkWidget *
new_confidential_row (FieldRow *fr)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *reveal_label = NULL;
  g_autofree char *edit_label = NULL;

  fr->value_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (fr->value_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (fr->value_label), 28);
  gtk_widget_set_valign (fr->value_label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), fr->value_label);

  /* The one way to see the value; the icons are the credentials' own. */
  fr->reveal_button = gtk_button_new_from_icon_name ("view-reveal-symbolic");
  gtk_widget_set_valign (fr->reveal_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (fr->reveal_button, "flat");
  gtk_widget_add_css_class (fr->reveal_button, "lia-reveal");
  /* Translators: accessible name of a button; %s is a field such as "Tax ID" */
  reveal_label = g_strdup_printf (_("Reveal or hide %s"), fr->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->reveal_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reveal_label, -1);
  g_signal_connect (fr->reveal_button, "clicked", G_CALLBACK (on_reveal_clicked_cb), fr);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), fr->reveal_button);

  /* The pencil of the entry rows above it, so every field edits alike. */
  fr->edit_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (fr->edit_button), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (fr->edit_button), new_editor (fr));
  gtk_widget_set_valign (fr->edit_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (fr->edit_button, "flat");
  gtk_widget_add_css_class (fr->edit_button, "lia-edit-field");
  gtk_widget_set_tooltip_text (fr->edit_button, _("Edit"));
  /* Translators: accessible name of a button; %s is a field such as "Tax ID" */
  edit_label = g_strdup_printf (_("Edit %s"), fr->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), fr->edit_button);
  return row;
}

static GtkWidget *
new_plain_row (FieldRow *fr)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (on_apply_cb), fr);
  g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), fr);
  return row;
}

static FieldRow *
field_row_new (LiaFieldsGroup *self,
               LiaFieldValue  *value)
{
  FieldRow *fr = g_new0 (FieldRow, 1);

  fr->group = self;
  fr->field = g_strdup (lia_field_value_get_field (value));
  fr->label = g_strdup (lia_field_value_get_label (value));
  fr->level = lia_field_value_get_level (value);
  fr->has_value = lia_field_value_has_value (value);

  fr->row = is_confidential (fr) ? new_confidential_row (fr) : new_plain_row (fr);
  gtk_widget_set_name (fr->row, fr->field);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (fr->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr->row), fr->label);

  if (is_confidential (fr))
    show_masked (fr);
  else
    {
      fr->stored = g_strdup (lia_field_value_get_text (value));
      set_text_quietly (fr, fr->stored);
      gtk_editable_set_editable (GTK_EDITABLE (fr->row), !lia_book_is_read_only (self->book));
    }
  return fr;
}

static void
clear_rows (LiaFieldsGroup *self)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new_with_free_func (g_object_unref);

  /* Their FieldRows go first, while the widgets they disconnect from
   * are still alive. */
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (widgets, g_object_ref (((FieldRow *)g_ptr_array_index (self->rows, i))->row));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < widgets->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (widgets, i));
}

static void
rebuild (LiaFieldsGroup *self)
{
  g_autoptr(GListModel) values = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  clear_rows (self);
  if (self->book == NULL || self->row_id == 0)
    return;

  values = lia_field_repository_list_values (repository (self), self->entity, self->row_id, &error);
  if (error != NULL)
    lia_toast_show (GTK_WIDGET (self), error->message);
  n = values ? g_list_model_get_n_items (values) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaFieldValue) value = g_list_model_get_item (values, i);
      FieldRow *fr = field_row_new (self, value);

      g_ptr_array_add (self->rows, fr);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), fr->row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

/* Someone wrote a value of the row shown: refresh in place, keeping what
 * the person is typing elsewhere in the group. */
static void
refresh_values (LiaFieldsGroup *self)
{
  g_autoptr(GListModel) values = NULL;
  guint n;

  values = lia_field_repository_list_values (repository (self), self->entity, self->row_id, NULL);
  n = values ? g_list_model_get_n_items (values) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaFieldValue) value = g_list_model_get_item (values, i);
      FieldRow *fr = find_row (self, lia_field_value_get_field (value));
      const char *text = lia_field_value_get_text (value);
      gboolean untouched;

      if (fr == NULL || fr->level != lia_field_value_get_level (value))
        {
          rebuild (self);
          return;
        }

      if (is_confidential (fr))
        {
          /* Revealing is audited, which says "changed" too: a value in
           * sight stays until its time unless it is gone. */
          gboolean had_value = fr->has_value;

          fr->has_value = lia_field_value_has_value (value);
          if (fr->hide_id == 0 || !fr->has_value || !had_value)
            show_masked (fr);
          continue;
        }

      untouched = g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (fr->row)), fr->stored ? fr->stored : "") == 0;
      g_free (fr->stored);
      fr->stored = g_strdup (text);
      if (untouched && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (fr->row)), text ? text : "") != 0)
        set_text_quietly (fr, text);
    }
}

static void
on_value_changed_cb (LiaFieldsGroup *self,
                     LiaFieldEntity  entity,
                     gint64          row_id)
{
  if (entity == self->entity && row_id == self->row_id && row_id != 0)
    refresh_values (self);
}

static void
on_vault_state_cb (LiaFieldsGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *fr = g_ptr_array_index (self->rows, i);

      if (is_confidential (fr))
        show_masked (fr);
    }
}

void
lia_fields_group_set_book (LiaFieldsGroup *self,
                           LiaBook        *book)
{
  g_return_if_fail (LIA_IS_FIELDS_GROUP (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  g_signal_connect_object (repository (self), "value-changed",
                           G_CALLBACK (on_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository (self), "classes-changed",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_vault (book), "notify::state",
                           G_CALLBACK (on_vault_state_cb), self, G_CONNECT_SWAPPED);
}

/**
 * lia_fields_group_set_row:
 *
 * Shows the fields of one account or contact; what was revealed of the
 * one shown before is hidden.
 */
void
lia_fields_group_set_row (LiaFieldsGroup *self,
                          LiaFieldEntity  entity,
                          gint64          row_id)
{
  g_return_if_fail (LIA_IS_FIELDS_GROUP (self));
  g_return_if_fail (self->book != NULL || row_id == 0);

  self->entity = entity;
  self->row_id = row_id;
  rebuild (self);
}

GtkWidget *
lia_fields_group_get_row (LiaFieldsGroup *self,
                          const char     *field)
{
  FieldRow *fr;

  g_return_val_if_fail (LIA_IS_FIELDS_GROUP (self), NULL);

  fr = find_row (self, field);
  return fr ? fr->row : NULL;
}

GtkLabel *
lia_fields_group_get_value_label (LiaFieldsGroup *self,
                                  const char     *field)
{
  FieldRow *fr;

  g_return_val_if_fail (LIA_IS_FIELDS_GROUP (self), NULL);

  fr = find_row (self, field);
  return fr && fr->value_label ? GTK_LABEL (fr->value_label) : NULL;
}

static void
lia_fields_group_dispose (GObject *object)
{
  LiaFieldsGroup *self = (LiaFieldsGroup *)object;

  /* The rows' callbacks point at their FieldRow: drop those first. */
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_fields_group_parent_class)->dispose (object);
}

static void
lia_fields_group_finalize (GObject *object)
{
  LiaFieldsGroup *self = (LiaFieldsGroup *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lia_fields_group_parent_class)->finalize (object);
}

static void
lia_fields_group_class_init (LiaFieldsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_fields_group_dispose;
  object_class->finalize = lia_fields_group_finalize;
}

static void
lia_fields_group_init (LiaFieldsGroup *self)
{
  self->rows = g_ptr_array_new_with_free_func (field_row_free);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lia_fields_group_new (void)
{
  return g_object_new (LIA_TYPE_FIELDS_GROUP, NULL);
}
