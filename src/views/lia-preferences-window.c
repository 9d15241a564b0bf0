/* lia-preferences-window.c — your name, the verification interval,
 * contact cadences, the staff, the service levels and security
 *
 * Name and interval are GSettings keys bound straight to their widgets;
 * the application applies them to the open book. Cadences and staff
 * belong to the book and are written to it as they are changed, as are
 * service level targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-choice.h"
#include "lia-preferences-window.h"
#include "lia-security-page.h"
#include "lia-sla-page.h"
#include "lia-staff-page.h"
#include "lia-toast.h"

struct _LiaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  LiaBook              *book;

  GtkEntry             *name_entry;
  GtkSpinButton        *interval_spin;
  AdwPreferencesGroup  *cadence_group;
  LiaStaffPage         *staff_page;
  LiaSlaPage           *sla_page;
  LiaSecurityPage      *security_page;
};

G_DEFINE_FINAL_TYPE (LiaPreferencesWindow, lia_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_cadence_changed_cb (GtkSpinButton        *spin,
                       LiaPreferencesWindow *self)
{
  const char *segment_id = g_object_get_data (G_OBJECT (spin), "lia-segment-id");
  g_autoptr(GError) error = NULL;

  if (!lia_book_set_segment_cadence (self->book, segment_id,
                                     (guint)gtk_spin_button_get_value_as_int (spin), &error))
    lia_toast_show (GTK_WIDGET (self), error->message);
}

static GtkWidget *
new_cadence_row (LiaPreferencesWindow *self,
                 LiaChoice            *segment)
{
  const char *id = lia_choice_get_id (segment);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 3650, 1);
  g_autofree char *label = NULL;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), lia_book_get_segment_cadence (self->book, id));
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (spin), "lia-segment-id", g_strdup (id), g_free);
  /* Translators: accessible name; %s is a segment such as "Corporate" */
  label = g_strdup_printf (_("Contact cadence for %s, in days"), lia_choice_get_name (segment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_cadence_changed_cb), self, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_choice_get_name (segment));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

/* A row per segment: they are data, so the rows are made here. */
static void
setup_cadences (LiaPreferencesWindow *self)
{
  GListModel *segments = lia_book_get_segments (self->book);
  guint n = g_list_model_get_n_items (segments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaChoice) segment = g_list_model_get_item (segments, i);

      adw_preferences_group_add (self->cadence_group, new_cadence_row (self, segment));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->cadence_group), !lia_book_is_read_only (self->book));
}

static void
lia_preferences_window_dispose (GObject *object)
{
  LiaPreferencesWindow *self = (LiaPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_preferences_window_parent_class)->dispose (object);
}

static void
lia_preferences_window_class_init (LiaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_preferences_window_dispose;

  g_type_ensure (LIA_TYPE_STAFF_PAGE);
  g_type_ensure (LIA_TYPE_SLA_PAGE);
  g_type_ensure (LIA_TYPE_SECURITY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, cadence_group);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, sla_page);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, security_page);
}

static void
lia_preferences_window_init (LiaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* An empty name means the system's: show it as the hint. */
  gtk_entry_set_placeholder_text (self->name_entry, g_get_real_name ());

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "user-name", self->name_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "verification-interval-days", self->interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * lia_preferences_window_new:
 * @book: (nullable): the open book, for its cadences, staff and service levels
 */
GtkWidget *
lia_preferences_window_new (GtkWindow *parent,
                            LiaBook   *book)
{
  LiaPreferencesWindow *self = g_object_new (LIA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  if (book == NULL)
    {
      /* Nothing to show them for. */
      gtk_widget_set_visible (GTK_WIDGET (self->cadence_group), FALSE);
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->staff_page));
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->sla_page));
      adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->security_page));
      return GTK_WIDGET (self);
    }

  self->book = g_object_ref (book);
  setup_cadences (self);
  lia_staff_page_set_book (self->staff_page, book);
  lia_sla_page_set_book (self->sla_page, book);
  lia_security_page_set_book (self->security_page, book);
  return GTK_WIDGET (self);
}
