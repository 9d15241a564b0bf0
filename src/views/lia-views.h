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

G_END_DECLS
