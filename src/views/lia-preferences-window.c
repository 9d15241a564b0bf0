/* lia-preferences-window.c — your name and the verification interval
 *
 * Both are GSettings keys bound straight to their widgets; the
 * application applies them to the open book.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-preferences-window.h"

struct _LiaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  GtkEntry             *name_entry;
  GtkSpinButton        *interval_spin;
};

G_DEFINE_FINAL_TYPE (LiaPreferencesWindow, lia_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
lia_preferences_window_dispose (GObject *object)
{
  LiaPreferencesWindow *self = (LiaPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lia_preferences_window_parent_class)->dispose (object);
}

static void
lia_preferences_window_class_init (LiaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaPreferencesWindow, interval_spin);
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

GtkWidget *
lia_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (LIA_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
