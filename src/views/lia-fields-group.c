/* lia-fields-group.c — the classified fields of one account or contact:
 * edited one by one, confidential ones masked until revealed
 *
 * Each field is written on its own (the row's apply button or Enter),
 * not with the page's Save: a confidential value is sealed by the model
 * as it is written, and what was typed is wiped from the entry at once.
 * Public and internal values are plain entry rows. A confidential one is
 * a password row that starts empty, with the stored value beside it as
 * "••••••••" until Reveal opens it (audited by the model) for
 * lia_views_get_secret_timeout(). Without the book's key, confidential
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
  GtkWidget      *row;           /* AdwEntryRow or AdwPasswordEntryRow */
  char           *field;
  char           *label;
  LiaFieldLevel   level;
  gboolean        has_value;
  char           *stored;        /* public and internal only: the text as stored */
  GtkWidget      *value_label;   /* confidential only */
  GtkWidget      *reveal_button; /* confidential only */
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

  g_clear_handle_id (&fr->hide_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (fr->row, fr);
  if (fr->reveal_button != NULL)
    g_signal_handlers_disconnect_by_data (fr->reveal_button, fr);
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

  gtk_button_set_label (GTK_BUTTON (fr->reveal_button), _("Reveal"));
  gtk_widget_set_sensitive (fr->reveal_button, !locked && fr->has_value);

  gtk_widget_set_sensitive (fr->row, !locked);
  gtk_editable_set_editable (GTK_EDITABLE (fr->row), writable);
  gtk_widget_set_tooltip_text (fr->row,
                               locked ? lia_vault_get_message (lia_book_get_vault (fr->group->book)) : NULL);
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
  gtk_label_set_selectable (GTK_LABEL (fr->value_label), TRUE);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (fr->value_label), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_widget_remove_css_class (fr->value_label, "dim-label");
  gtk_button_set_label (GTK_BUTTON (fr->reveal_button), _("Hide"));

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

/* Written when applied; a refusal keeps what was typed, marked. */
static void
on_apply_cb (AdwEntryRow *row,
             FieldRow    *fr)
{
  LiaFieldsGroup *self = fr->group;
  g_autoptr(LiaSecretsText) text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *field = g_strdup (fr->field);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!lia_field_repository_set_value (repository (self), self->entity, self->row_id,
                                       field, text, &error))
    {
      lia_widget_set_invalid (GTK_WIDGET (row), TRUE);
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  lia_widget_set_invalid (GTK_WIDGET (row), FALSE);
  /* The repository's signal has refreshed the rows, and may have
   * rebuilt them: look this one up again. */
  if ((fr = find_row (self, field)) == NULL || fr->row != GTK_WIDGET (row) || !is_confidential (fr))
    return;

  /* Typed plain text does not stay on screen; the entry's buffer zeroes
   * what it drops. */
  fr->has_value = *text != '\0';
  set_text_quietly (fr, "");
  show_masked (fr);
  /* Translators: a toast; %s is a field such as "Tax ID" */
  done = g_strdup_printf (fr->has_value ? _("%s saved") : _("%s cleared"), fr->label);
  lia_toast_show (GTK_WIDGET (self), done);
}

static void
on_row_changed_cb (GtkEditable *row,
                   FieldRow    *fr)
{
  lia_widget_set_invalid (GTK_WIDGET (row), FALSE);
}

static GtkWidget *
new_confidential_row (FieldRow *fr)
{
  GtkWidget *row = adw_password_entry_row_new ();
  g_autofree char *reveal_label = NULL;

  fr->value_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (fr->value_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (fr->value_label), 28);
  gtk_widget_set_valign (fr->value_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (fr->value_label, "lia-field-value");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), fr->value_label);

  /* Words, not an eye: the password row has an eye of its own, which
   * shows what is being typed. No mnemonic: every such row has one. */
  fr->reveal_button = gtk_button_new_with_label (_("Reveal"));
  gtk_widget_set_valign (fr->reveal_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (fr->reveal_button, "flat");
  gtk_widget_add_css_class (fr->reveal_button, "lia-reveal");
  /* Translators: accessible name of a button; %s is a field such as "Tax ID" */
  reveal_label = g_strdup_printf (_("Reveal or hide %s"), fr->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->reveal_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reveal_label, -1);
  g_signal_connect (fr->reveal_button, "clicked", G_CALLBACK (on_reveal_clicked_cb), fr);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), fr->reveal_button);
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

  fr->row = is_confidential (fr) ? new_confidential_row (fr) : adw_entry_row_new ();
  gtk_widget_set_name (fr->row, fr->field);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (fr->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr->row), fr->label);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (fr->row), TRUE);
  g_signal_connect (fr->row, "apply", G_CALLBACK (on_apply_cb), fr);
  g_signal_connect (fr->row, "changed", G_CALLBACK (on_row_changed_cb), fr);

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
