/* lia-secret-clipboard.h — a secret on the clipboard, for a while only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     lia_secret_clipboard_copy     (GtkWidget  *widget,
                                        const char *secret);
/* Whether the clipboard of @widget's display holds what we put there. */
gboolean lia_secret_clipboard_is_ours  (GtkWidget  *widget);

G_END_DECLS
