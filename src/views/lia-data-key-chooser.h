/* lia-data-key-chooser.h — the book's data key to a file and back, through
 * the file chooser (a portal inside Flatpak)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-book.h"

G_BEGIN_DECLS

/* Ask for a file, then hand it to the book's LiaVault; the outcome is a
 * toast over @widget. */
void lia_data_key_chooser_export (GtkWidget *widget,
                                  LiaBook   *book);
void lia_data_key_chooser_import (GtkWidget *widget,
                                  LiaBook   *book);

G_END_DECLS
