/* lia-event-dialog.h — record a new event, or edit one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-event.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVENT_DIALOG (lia_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaEventDialog, lia_event_dialog, LIA, EVENT_DIALOG, AdwWindow)

/* @account_id 0 lets the person pick the account. */
GtkWidget *lia_event_dialog_new          (GtkWindow *parent,
                                          LiaBook   *book,
                                          gint64     account_id);
GtkWidget *lia_event_dialog_new_for_edit (GtkWindow *parent,
                                          LiaBook   *book,
                                          gint64     event_id);

G_END_DECLS
