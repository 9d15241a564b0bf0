/* lia-timeline-view-private.h — shared by the view and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-account-picker.h"
#include "lia-timeline-view.h"

G_BEGIN_DECLS

struct _LiaTimelineView
{
  GtkWidget           parent_instance;

  LiaBook            *book;
  LiaTimeline        *timeline;
  GtkSingleSelection *selection;
  /* Staff and vendors behind the performer filter's labels */
  GArray             *performers;
  gint64              account_id;      /* embedded for this account; 0: the area */
  gboolean            with_subsidiaries;
  guint               reload_idle;
  gboolean            stale;
  gboolean            resetting_filters;
  gboolean            narrow;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  AdwHeaderBar       *list_header;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton      *menu_button;
  GtkMenuButton      *filter_button;
  GtkWidget          *account_label;
  LiaAccountPicker   *account_picker;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *sla_dropdown;
  GtkDropDown        *performer_dropdown;
  GtkDropDown        *period_dropdown;
  GtkCheckButton     *system_check;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_status;
  GtkWidget          *clear_button;
  AdwStatusPage      *error_status;
  GtkWidget          *separator;
  GtkWidget          *detail_pane;
  AdwHeaderBar       *detail_header;
  AdwWindowTitle     *detail_title;
  GtkWidget          *back_button;
  GtkWidget          *close_button;
  AdwBin             *detail_bin;

  /* Built when the first event is opened; NULL until then */
  LiaEventPage       *event_page;
};

void lia_timeline_view_class_init_actions (GtkWidgetClass  *widget_class);
void lia_timeline_view_update_actions     (LiaTimelineView *self);
void lia_timeline_view_reset_filters      (LiaTimelineView *self);
void lia_timeline_view_close_event        (LiaTimelineView *self);

G_END_DECLS
