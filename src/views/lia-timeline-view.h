/* lia-timeline-view.h — what happened at customers, newest first: the
 * Timeline area, and the same list on an account or portfolio page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-event-page.h"
#include "lia-timeline.h"

G_BEGIN_DECLS

#define LIA_TYPE_TIMELINE_VIEW (lia_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaTimelineView, lia_timeline_view, LIA, TIMELINE_VIEW, GtkWidget)

GtkWidget    *lia_timeline_view_new            (void);
void          lia_timeline_view_set_book       (LiaTimelineView *self,
                                                LiaBook         *book);
/* Embeds the view for one account (and with @with_subsidiaries all of
 * its portfolio below it): no account filter, no area switcher. */
void          lia_timeline_view_set_account    (LiaTimelineView *self,
                                                gint64           account_id,
                                                gboolean         with_subsidiaries);
LiaTimelineView *lia_timeline_view_embed       (AdwBin          *bin,
                                                LiaBook         *book,
                                                gint64           account_id,
                                                gboolean         with_subsidiaries);
void          lia_timeline_view_set_areas      (LiaTimelineView *self,
                                                AdwViewStack    *areas);
gboolean      lia_timeline_view_get_narrow     (LiaTimelineView *self);
LiaTimeline  *lia_timeline_view_get_model      (LiaTimelineView *self);
GtkListView  *lia_timeline_view_get_list_view  (LiaTimelineView *self);
/* NULL until an event was first opened. */
LiaEventPage *lia_timeline_view_get_event_page (LiaTimelineView *self);
void          lia_timeline_view_open_event     (LiaTimelineView *self,
                                                gint64           event_id);
void          lia_timeline_view_begin_search   (LiaTimelineView *self);
void          lia_timeline_view_new_event      (LiaTimelineView *self);

G_END_DECLS
