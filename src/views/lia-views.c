/* lia-views.c — what the views library needs before its first widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "lia-resources.h"
#include "lia-views.h"

#define DEFAULT_SECRET_TIMEOUT_MS 30000

static guint secret_timeout_ms = DEFAULT_SECRET_TIMEOUT_MS;

/**
 * lia_views_init:
 *
 * Registers the templates, style sheet and icons. Safe to call more than
 * once; the application calls it before startup and the display tests
 * call it before their first widget.
 */
void
lia_views_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      lia_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * lia_views_get_primary_menu:
 *
 * The main menu shared by the areas' header bars.
 *
 * Returns: (transfer none): the menu, loaded once
 */
GMenuModel *
lia_views_get_primary_menu (void)
{
  static GMenuModel *menu = NULL;

  if (menu == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/lia-primary-menu.ui");

      menu = g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
    }

  return menu;
}

/**
 * lia_widget_set_invalid:
 *
 * Marks a field as invalid for the eye (the "error" style) and for
 * assistive technologies (the invalid state), or clears both.
 */
void
lia_widget_set_invalid (GtkWidget *widget,
                        gboolean   invalid)
{
  if (invalid)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/**
 * lia_views_set_secret_timeout:
 * @milliseconds: how long a secret stays in sight; 0 restores the default
 *
 * Tests shorten the wait instead of sleeping thirty seconds.
 */
void
lia_views_set_secret_timeout (guint milliseconds)
{
  secret_timeout_ms = milliseconds > 0 ? milliseconds : DEFAULT_SECRET_TIMEOUT_MS;
}

guint
lia_views_get_secret_timeout (void)
{
  return secret_timeout_ms;
}
