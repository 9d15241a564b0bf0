/* lia-follow-ups-view.h — the Follow-ups area: what is still open,
 * overdue first, to be done or dropped in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_FOLLOW_UPS_VIEW (lia_follow_ups_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaFollowUpsView, lia_follow_ups_view, LIA, FOLLOW_UPS_VIEW, GtkWidget)

GtkWidget  *lia_follow_ups_view_new            (void);
void        lia_follow_ups_view_set_book       (LiaFollowUpsView *self,
                                                LiaBook          *book);
void        lia_follow_ups_view_set_areas      (LiaFollowUpsView *self,
                                                AdwViewStack     *areas);
gboolean    lia_follow_ups_view_get_narrow     (LiaFollowUpsView *self);
/* LiaFollowUp items listed: open ones of the owner chosen, overdue first. */
GListModel *lia_follow_ups_view_get_model      (LiaFollowUpsView *self);
/* Whose follow-ups: only the app user's (when they are staff) or everyone's. */
void        lia_follow_ups_view_set_mine_only  (LiaFollowUpsView *self,
                                                gboolean          mine_only);
/* Lists (everyone's, if need be) and focuses one follow-up. */
gboolean    lia_follow_ups_view_show_follow_up (LiaFollowUpsView *self,
                                                gint64            follow_up_id);
/* Reads the list again: the day may have turned. */
void        lia_follow_ups_view_reload         (LiaFollowUpsView *self);

G_END_DECLS
