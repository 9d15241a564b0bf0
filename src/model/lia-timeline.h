/* lia-timeline.h — a lazy, newest-first GListModel of LiaTimelineItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"
#include "lia-timeline-item.h"

G_BEGIN_DECLS

#define LIA_TYPE_TIMELINE (lia_timeline_get_type ())

G_DECLARE_FINAL_TYPE (LiaTimeline, lia_timeline, LIA, TIMELINE, GObject)

/* What to show. Masks have a bit (1 << value) per LiaEventKind,
 * LiaEventStatus or LiaSlaState; 0 shows all. Event-only filters
 * (kinds, statuses, SLA states, performer, search) leave out notes and
 * the system lane. */
typedef struct
{
  gint64      account_id;         /* 0: every account */
  gboolean    with_subsidiaries;  /* and everything below it in its portfolio */
  guint       kinds;
  guint       statuses;
  guint       sla_states;
  gint64      staff_id;           /* performed by; 0: anyone */
  gint64      vendor_id;
  gint64      from;               /* Unix seconds, inclusive; 0: open */
  gint64      to;                 /* exclusive; 0: open */
  const char *search;             /* words looked up in event summaries and details */
  gboolean    show_system;        /* status changes and audit entries */
} LiaTimelineFilter;

#define LIA_TIMELINE_PAGE_SIZE 128

LiaTimeline *lia_timeline_new        (LiaBook                 *book);
LiaTimeline *lia_timeline_new_with_filter (LiaBook            *book,
                                      const LiaTimelineFilter *filter);
void         lia_timeline_set_filter (LiaTimeline             *self,
                                      const LiaTimelineFilter *filter);
/* The filter in use; its search string belongs to @self. */
void         lia_timeline_get_filter (LiaTimeline             *self,
                                      LiaTimelineFilter       *out_filter);
/* Fetches the next page now (the model also does so by itself, from an
 * idle, when items near the end are asked for). FALSE at the end or on
 * error. */
gboolean     lia_timeline_load_more  (LiaTimeline             *self,
                                      GError                 **error);
gboolean     lia_timeline_has_more   (LiaTimeline             *self);
/* Pages held in memory, for tests and the benchmark. */
guint        lia_timeline_get_n_cached_pages (LiaTimeline     *self);
/* Reads again what is loaded (after a write), keeping its length. */
void         lia_timeline_reload     (LiaTimeline             *self);

G_END_DECLS
