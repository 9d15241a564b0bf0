/* lia-views.h — what the views library needs before its first widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        lia_views_init             (void);
GMenuModel *lia_views_get_primary_menu (void);
void        lia_widget_set_invalid     (GtkWidget *widget,
                                        gboolean   invalid);
/* How long a revealed secret stays shown and a copied one stays on the
 * clipboard; 30 s unless a test shortens it. */
void        lia_views_set_secret_timeout (guint     milliseconds);
guint       lia_views_get_secret_timeout (void);

G_END_DECLS
