/* lia-toast.h — toasts, with Undo, from any widget under the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*LiaUndoFunc) (gpointer user_data);

void lia_toast_show      (GtkWidget      *widget,
                          const char     *title);
void lia_toast_show_undo (GtkWidget      *widget,
                          const char     *title,
                          LiaUndoFunc     undo,
                          gpointer        user_data,
                          GDestroyNotify  destroy);

G_END_DECLS
