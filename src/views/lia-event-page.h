/* lia-event-page.h — one event: what happened, who handled it, its SLA
 * clocks and the statuses it went through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-book.h"
#include "lia-event.h"

G_BEGIN_DECLS

#define LIA_TYPE_EVENT_PAGE (lia_event_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaEventPage, lia_event_page, LIA, EVENT_PAGE, GtkWidget)

void      lia_event_page_set_book     (LiaEventPage *self,
                                       LiaBook      *book);
/* Reads the event from the book; 0 shows nothing. */
void      lia_event_page_set_event_id (LiaEventPage *self,
                                       gint64        event_id);
LiaEvent *lia_event_page_get_event    (LiaEventPage *self);

G_END_DECLS
