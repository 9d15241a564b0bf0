/* lia-toast.c — toasts, with Undo, from any widget under the window
 *
 * libadwaita 1.2 toasts have no "button-clicked" signal, only an action.
 * So each overlay gets a "toast.undo" action taking a token, and the undo
 * closures wait in a table until their toast is clicked or dismissed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-toast"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lia-toast.h"

typedef struct
{
  LiaUndoFunc    undo;
  gpointer       user_data;
  GDestroyNotify destroy;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  if (undo->destroy)
    undo->destroy (undo->user_data);
  g_free (undo);
}

static GHashTable *
undo_table (AdwToastOverlay *overlay)
{
  return g_object_get_data (G_OBJECT (overlay), "lia-undo-table");
}

static void
on_undo_activate_cb (GSimpleAction   *action,
                     GVariant        *parameter,
                     AdwToastOverlay *overlay)
{
  guint token = g_variant_get_uint32 (parameter);
  Undo *undo = g_hash_table_lookup (undo_table (overlay), GUINT_TO_POINTER (token));

  if (undo != NULL)
    {
      undo->undo (undo->user_data);
      g_hash_table_remove (undo_table (overlay), GUINT_TO_POINTER (token));
    }
}

static void
ensure_undo_action (AdwToastOverlay *overlay)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  g_autoptr(GSimpleAction) action = NULL;

  if (undo_table (overlay) != NULL)
    return;

  g_object_set_data_full (G_OBJECT (overlay), "lia-undo-table",
                          g_hash_table_new_full (NULL, NULL, NULL, undo_free),
                          (GDestroyNotify)g_hash_table_unref);

  group = g_simple_action_group_new ();
  action = g_simple_action_new ("undo", G_VARIANT_TYPE_UINT32);
  g_signal_connect_object (action, "activate", G_CALLBACK (on_undo_activate_cb), overlay, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (overlay), "toast", G_ACTION_GROUP (group));
}

/* The overlay above @widget; for a window, the one that is its content;
 * for a dialog, its parent's. */
static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *content = NULL;
  GtkWindow *parent;

  if (overlay != NULL)
    return ADW_TOAST_OVERLAY (overlay);
  if (!GTK_IS_WINDOW (root))
    return NULL;

  if (ADW_IS_APPLICATION_WINDOW (root))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (root));
  else if (ADW_IS_WINDOW (root))
    content = adw_window_get_content (ADW_WINDOW (root));
  if (ADW_IS_TOAST_OVERLAY (content))
    return ADW_TOAST_OVERLAY (content);

  parent = gtk_window_get_transient_for (GTK_WINDOW (root));
  return parent ? find_overlay (GTK_WIDGET (parent)) : NULL;
}

static AdwToast *
toast_new (const char *title)
{
  /* 1.2 toast titles are markup; data must not be read as tags. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

void
lia_toast_show (GtkWidget  *widget,
                const char *title)
{
  AdwToastOverlay *overlay = find_overlay (widget);

  if (overlay == NULL)
    {
      g_message ("%s", title);
      return;
    }

  adw_toast_overlay_add_toast (overlay, toast_new (title));
}

static void
on_toast_dismissed_cb (AdwToast        *toast,
                       AdwToastOverlay *overlay)
{
  guint token = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "lia-undo-token"));

  g_hash_table_remove (undo_table (overlay), GUINT_TO_POINTER (token));
}

/**
 * lia_toast_show_undo:
 * @undo: called if the person clicks Undo before the toast goes away
 * @destroy: frees @user_data once the toast is gone, undone or not
 */
void
lia_toast_show_undo (GtkWidget      *widget,
                     const char     *title,
                     LiaUndoFunc     undo,
                     gpointer        user_data,
                     GDestroyNotify  destroy)
{
  static guint next_token = 1;
  AdwToastOverlay *overlay = find_overlay (widget);
  AdwToast *toast;
  Undo *entry;
  guint token = next_token++;

  if (overlay == NULL)
    {
      if (destroy)
        destroy (user_data);
      return;
    }

  ensure_undo_action (overlay);
  entry = g_new0 (Undo, 1);
  *entry = (Undo) { undo, user_data, destroy };
  g_hash_table_insert (undo_table (overlay), GUINT_TO_POINTER (token), entry);

  toast = toast_new (title);
  /* Undo is only worth anything at once: don't queue it behind a note. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "toast.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_uint32 (token));
  g_object_set_data (G_OBJECT (toast), "lia-undo-token", GUINT_TO_POINTER (token));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), overlay, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}
