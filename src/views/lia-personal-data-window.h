/* lia-personal-data-window.h — everything the book holds about one
 * person, and its erasure on a data-subject request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_PERSONAL_DATA_WINDOW (lia_personal_data_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaPersonalDataWindow, lia_personal_data_window, LIA, PERSONAL_DATA_WINDOW, AdwWindow)

/* Emits "erased" (no arguments) once the person is erased, then closes. */
GtkWidget *lia_personal_data_window_new (GtkWindow *parent,
                                         LiaBook   *book,
                                         gint64     contact_id);

G_END_DECLS
