/* lia-timeline-row.h — one item of the timeline: an event, a note, or
 * what the system recorded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-book.h"
#include "lia-timeline-item.h"

G_BEGIN_DECLS

#define LIA_TYPE_TIMELINE_ROW (lia_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (LiaTimelineRow, lia_timeline_row, LIA, TIMELINE_ROW, GtkWidget)

GtkWidget       *lia_timeline_row_new      (LiaBook         *book);
LiaTimelineItem *lia_timeline_row_get_item (LiaTimelineRow  *self);
void             lia_timeline_row_set_item (LiaTimelineRow  *self,
                                            LiaTimelineItem *item);
/* On one account's page every row would name it: leave it out. */
void             lia_timeline_row_set_show_account (LiaTimelineRow *self,
                                                    gboolean        show_account);
/* The SLA badge, for tests: hidden when the event has no targets. */
GtkLabel        *lia_timeline_row_get_sla_badge (LiaTimelineRow *self);

G_END_DECLS
