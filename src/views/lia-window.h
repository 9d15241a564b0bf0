/* lia-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-accounts-view.h"
#include "lia-book.h"
#include "lia-calendar-view.h"
#include "lia-coverage-view.h"
#include "lia-follow-ups-view.h"
#include "lia-portfolios-view.h"
#include "lia-timeline-view.h"
#include "lia-vendors-view.h"
#include "lia-workload-view.h"

G_BEGIN_DECLS

#define LIA_TYPE_WINDOW (lia_window_get_type ())

G_DECLARE_FINAL_TYPE (LiaWindow, lia_window, LIA, WINDOW, AdwApplicationWindow)

LiaWindow       *lia_window_new               (GtkApplication *application,
                                               LiaBook        *book);
LiaBook         *lia_window_get_book          (LiaWindow      *self);
LiaAccountsView *lia_window_get_accounts_view (LiaWindow      *self);
LiaPortfoliosView *lia_window_get_portfolios_view (LiaWindow  *self);
LiaWorkloadView *lia_window_get_workload_view (LiaWindow      *self);
LiaCoverageView *lia_window_get_coverage_view (LiaWindow      *self);
LiaTimelineView *lia_window_get_timeline_view (LiaWindow      *self);
LiaVendorsView  *lia_window_get_vendors_view  (LiaWindow      *self);
LiaCalendarView *lia_window_get_calendar_view (LiaWindow      *self);
LiaFollowUpsView *lia_window_get_follow_ups_view (LiaWindow   *self);
void             lia_window_open_meeting      (LiaWindow      *self,
                                               gint64          meeting_id,
                                               gint64          recurrence_id);
void             lia_window_show_follow_up    (LiaWindow      *self,
                                               gint64          follow_up_id);
void             lia_window_show_area         (LiaWindow      *self,
                                               const char     *name);
void             lia_window_add_toast         (LiaWindow      *self,
                                               AdwToast       *toast);

G_END_DECLS
