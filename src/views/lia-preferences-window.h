/* lia-preferences-window.h — your name, the verification interval,
 * contact cadences, the staff, service levels and security
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_PREFERENCES_WINDOW (lia_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaPreferencesWindow, lia_preferences_window, LIA, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *lia_preferences_window_new (GtkWindow *parent,
                                       LiaBook   *book);

G_END_DECLS
