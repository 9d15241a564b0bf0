/* lia-calendar-view-private.h — shared by the view and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-calendar-view.h"

G_BEGIN_DECLS

struct _LiaCalendarView
{
  GtkWidget        parent_instance;

  LiaBook         *book;
  /* What list_range() gave for the range shown */
  GListModel      *occurrences;
  GDate            shown_first;
  GDate            today;
  guint            reload_idle;
  gboolean         stale;
  gboolean         narrow;

  /* Template children */
  AdwLeaflet      *leaflet;
  GtkWidget       *calendar_pane;
  AdwHeaderBar    *calendar_header;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton   *menu_button;
  GtkToggleButton *agenda_button;
  GtkLabel        *month_label;
  GtkMenuButton   *reviews_button;
  GtkLabel        *reviews_label;
  GtkListBox      *reviews_list;
  GtkLabel        *reviews_more_label;
  GtkStack        *content_stack;
  AdwSqueezer     *squeezer;
  AdwSqueezerPage *month_page;
  LiaMonthGrid    *month_grid;
  LiaAgendaList   *agenda_list;
  AdwStatusPage   *error_status;
  GtkWidget       *separator;
  GtkWidget       *detail_pane;
  AdwHeaderBar    *detail_header;
  AdwWindowTitle  *detail_title;
  GtkWidget       *back_button;
  GtkWidget       *close_button;
  AdwBin          *detail_bin;

  /* Built when the first meeting is opened; NULL until then */
  LiaMeetingPage  *meeting_page;
};

void lia_calendar_view_class_init_actions (GtkWidgetClass  *widget_class);
void lia_calendar_view_update_actions     (LiaCalendarView *self);
void lia_calendar_view_move               (LiaCalendarView *self,
                                           int              months);
void lia_calendar_view_go_today           (LiaCalendarView *self);

G_END_DECLS
