/* lia-personal-data-window.c — everything the book holds about one
 * person, and its erasure on a data-subject request
 *
 * What LiaPersonalData collects is listed section by section. The
 * classified fields are the same editable, revealable rows as on the
 * account page (LiaFieldsGroup): confidential ones stay masked here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-personal-data-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-fields-group.h"
#include "lia-format.h"
#include "lia-personal-data-window.h"
#include "lia-personal-data.h"
#include "lia-toast.h"

struct _LiaPersonalDataWindow
{
  AdwWindow        parent_instance;

  LiaBook         *book;
  gint64           contact_id;
  char            *name;

  AdwWindowTitle  *window_title;
  GtkBox          *sections_box;
  GtkLabel        *error_label;
  LiaFieldsGroup  *fields_group;
  GtkWidget       *erase_group;
};

G_DEFINE_FINAL_TYPE (LiaPersonalDataWindow, lia_personal_data_window, ADW_TYPE_WINDOW)

enum { SIGNAL_ERASED, N_SIGNALS };

static guint signals[N_SIGNALS];

static const char *
section_title (LiaPersonalDataSection section)
{
  switch (section)
    {
    case LIA_PERSONAL_DATA_SECTION_CONTACT:     return _("Contact");
    case LIA_PERSONAL_DATA_SECTION_FIELDS:      return _("Classified Details");
    case LIA_PERSONAL_DATA_SECTION_EMPLOYMENTS: return _("Employment");
    case LIA_PERSONAL_DATA_SECTION_EVENTS:      return _("Events Naming Them");
    case LIA_PERSONAL_DATA_SECTION_MEETINGS:    return _("Meetings Attended");
    case LIA_PERSONAL_DATA_SECTION_AUDIT:       return _("Audit Trail");
    default:                                    g_return_val_if_reached ("");
    }
}

static GtkWidget *
new_item_row (LiaPersonalDataItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  const char *value = lia_personal_data_item_get_value (item);
  gint64 time = lia_personal_data_item_get_time (item);
  g_autofree char *when = time > 0 ? lia_format_date_time (time) : NULL;
  g_autofree char *subtitle = NULL;

  if (value != NULL && *value != '\0' && when != NULL)
    subtitle = g_strdup_printf ("%s — %s", value, when);
  else
    subtitle = g_strdup (value && *value ? value : when ? when : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_personal_data_item_get_label (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static AdwPreferencesGroup *
new_section (LiaPersonalDataWindow  *self,
             LiaPersonalDataSection  section,
             GtkWidget              *after)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), section_title (section));
  gtk_box_insert_child_after (self->sections_box, group, after);
  return ADW_PREFERENCES_GROUP (group);
}

/* One group per section that has anything, in the model's order: the
 * person's own details above the classified fields (the fields group
 * already in place), the rest below them. */
static void
fill (LiaPersonalDataWindow *self,
      LiaPersonalData       *data)
{
  GListModel *items = lia_personal_data_get_items (data);
  guint n = g_list_model_get_n_items (items);
  GtkWidget *after = GTK_WIDGET (self->fields_group);
  AdwPreferencesGroup *group = NULL;
  int current = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaPersonalDataItem) item = g_list_model_get_item (items, i);
      LiaPersonalDataSection section = lia_personal_data_item_get_section (item);

      if (section == LIA_PERSONAL_DATA_SECTION_FIELDS)
        continue;
      if ((int)section != current)
        {
          if (section == LIA_PERSONAL_DATA_SECTION_CONTACT)
            group = new_section (self, section, GTK_WIDGET (self->error_label));
          else
            after = GTK_WIDGET (group = new_section (self, section, after));
          current = section;
        }
      adw_preferences_group_add (group, new_item_row (item));
    }
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_erase_response_cb (AdwMessageDialog      *dialog,
                      const char            *response,
                      LiaPersonalDataWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  if (g_strcmp0 (response, "erase") != 0)
    return;

  if (!lia_personal_data_erase (self->book, self->contact_id, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_ERASED], 0);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    lia_toast_show (GTK_WIDGET (parent), _("Personal data erased"));
  /* Not from within the response of a dialog that is transient for us:
   * it would outlive its parent. Once it has closed. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LiaPersonalDataWindow *self = LIA_PERSONAL_DATA_WINDOW (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Erase the Personal Data of %s?"), self->name);
  body = g_strdup_printf (_("Everything the book holds about %s is deleted: contact details, "
                            "classified details, employments and meeting attendances. Events "
                            "keep no link to them, and the audit trail keeps only a note that an "
                            "erasure happened. This cannot be undone."), self->name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "erase", _("_Erase"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lia_personal_data_window_dispose (GObject *object)
{
  LiaPersonalDataWindow *self = (LiaPersonalDataWindow *)object;

  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_personal_data_window_parent_class)->dispose (object);
}

static void
lia_personal_data_window_finalize (GObject *object)
{
  LiaPersonalDataWindow *self = (LiaPersonalDataWindow *)object;

  g_free (self->name);

  G_OBJECT_CLASS (lia_personal_data_window_parent_class)->finalize (object);
}

static void
lia_personal_data_window_class_init (LiaPersonalDataWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_personal_data_window_dispose;
  object_class->finalize = lia_personal_data_window_finalize;

  signals[SIGNAL_ERASED] =
    g_signal_new ("erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LIA_TYPE_FIELDS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-personal-data-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPersonalDataWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaPersonalDataWindow, sections_box);
  gtk_widget_class_bind_template_child (widget_class, LiaPersonalDataWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPersonalDataWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, LiaPersonalDataWindow, erase_group);

  gtk_widget_class_install_action (widget_class, "personal-data.erase", NULL, erase_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_personal_data_window_init (LiaPersonalDataWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "personal-data.erase", FALSE);
}

GtkWidget *
lia_personal_data_window_new (GtkWindow *parent,
                              LiaBook   *book,
                              gint64     contact_id)
{
  LiaPersonalDataWindow *self = g_object_new (LIA_TYPE_PERSONAL_DATA_WINDOW, "transient-for", parent, NULL);
  g_autoptr(LiaPersonalData) data = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  self->book = g_object_ref (book);
  self->contact_id = contact_id;
  lia_fields_group_set_book (self->fields_group, book);

  data = lia_personal_data_collect (book, contact_id, &error);
  if (data == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_set_visible (self->erase_group, FALSE);
      return GTK_WIDGET (self);
    }

  self->name = g_strdup (lia_personal_data_get_name (data));
  adw_window_title_set_subtitle (self->window_title, self->name);
  lia_fields_group_set_row (self->fields_group, LIA_FIELD_ENTITY_CONTACT, contact_id);
  fill (self, data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "personal-data.erase", !lia_book_is_read_only (book));
  return GTK_WIDGET (self);
}
