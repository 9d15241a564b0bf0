/* lia-calendar-view.h — the Calendar area: a month of meetings, or the
 * same month as a list on a narrow window, and a meeting beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-agenda-list.h"
#include "lia-book.h"
#include "lia-meeting-page.h"
#include "lia-month-grid.h"

G_BEGIN_DECLS

#define LIA_TYPE_CALENDAR_VIEW (lia_calendar_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaCalendarView, lia_calendar_view, LIA, CALENDAR_VIEW, GtkWidget)

GtkWidget      *lia_calendar_view_new             (void);
void            lia_calendar_view_set_book        (LiaCalendarView *self,
                                                   LiaBook         *book);
void            lia_calendar_view_set_areas       (LiaCalendarView *self,
                                                   AdwViewStack    *areas);
gboolean        lia_calendar_view_get_narrow      (LiaCalendarView *self);
/* Shows the month of @date with @date selected. */
void            lia_calendar_view_set_date        (LiaCalendarView *self,
                                                   const GDate     *date);
const GDate    *lia_calendar_view_get_date        (LiaCalendarView *self);
/* The occurrences read for the range shown (LiaOccurrence items). */
GListModel     *lia_calendar_view_get_occurrences (LiaCalendarView *self);
LiaMonthGrid   *lia_calendar_view_get_month_grid  (LiaCalendarView *self);
LiaAgendaList  *lia_calendar_view_get_agenda      (LiaCalendarView *self);
/* NULL until a meeting was first opened. */
LiaMeetingPage *lia_calendar_view_get_meeting_page (LiaCalendarView *self);
void            lia_calendar_view_open_occurrence (LiaCalendarView *self,
                                                   gint64           meeting_id,
                                                   gint64           recurrence_id);
void            lia_calendar_view_close_meeting   (LiaCalendarView *self);
/* Opens the dialog for a new meeting on the selected day. */
void            lia_calendar_view_new_meeting     (LiaCalendarView *self);

G_END_DECLS
