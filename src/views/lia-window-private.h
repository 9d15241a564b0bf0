/* lia-window-private.h — shared by the window and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-calendar-view.h"
#include "lia-coverage-view.h"
#include "lia-follow-ups-view.h"
#include "lia-portfolios-view.h"
#include "lia-timeline-view.h"
#include "lia-window.h"
#include "lia-vendors-view.h"
#include "lia-workload-view.h"

G_BEGIN_DECLS

struct _LiaWindow
{
  AdwApplicationWindow  parent_instance;

  LiaBook              *book;
  GSettings            *settings;

  /* Built when first shown (see ensure_area()); NULL until then */
  LiaPortfoliosView    *portfolios_view;
  LiaWorkloadView      *workload_view;
  LiaCoverageView      *coverage_view;
  LiaTimelineView      *timeline_view;
  LiaVendorsView       *vendors_view;
  LiaCalendarView      *calendar_view;
  LiaFollowUpsView     *follow_ups_view;
  /* Recounts the overdue follow-ups when the day turns */
  guint                 midnight_timeout;
  /* Opens the keyring once the window is up (see on_map_cb()) */
  guint                 vault_idle;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *areas;
  LiaAccountsView      *accounts_view;
  AdwBin               *portfolios_bin;
  AdwBin               *workload_bin;
  AdwBin               *coverage_bin;
  AdwBin               *timeline_bin;
  AdwBin               *vendors_bin;
  AdwBin               *calendar_bin;
  AdwBin               *follow_ups_bin;
  AdwViewStackPage     *follow_ups_page;
  AdwViewSwitcherBar   *switcher_bar;
  GtkRevealer          *read_only_revealer;
  GtkRevealer          *keyring_revealer;
  GtkLabel             *keyring_label;
  GtkWidget            *import_key_button;
};

void lia_window_class_init_actions (GtkWidgetClass *widget_class);
void lia_window_update_actions     (LiaWindow      *self);
void lia_window_update_follow_up_badge (LiaWindow   *self);
void lia_window_update_keyring_banner  (LiaWindow   *self);

G_END_DECLS
