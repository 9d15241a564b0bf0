/* lia-timeline.c — a lazy, newest-first GListModel of LiaTimelineItem
 *
 * Rows come from SQLite a page at a time by keyset on (time, source, id),
 * so fetching a page deep in a history of a million events costs what
 * the first one does. The model does not know how many rows there are
 * (counting a million would cost more than showing them): its length is
 * what has been loaded, and it grows by a page, from an idle, when a
 * view asks for items near the end. Each page keeps the cursor it
 * starts after, so pages evicted to keep memory flat (at most
 * MAX_CACHED_PAGES are held) are fetched again exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-timeline"

#include "config.h"

#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-event-private.h"
#include "lia-event-repository.h"
#include "lia-event-store.h"
#include "lia-timeline.h"

#define MAX_CACHED_PAGES 8
/* Start loading the next page this close to the end. */
#define PREFETCH_DISTANCE 48

typedef struct
{
  LiaTimelineCursor  start;      /* the row before the page; unused for page 0 */
  GPtrArray         *items;      /* NULL while evicted */
  guint64            last_used;
} Page;

struct _LiaTimeline
{
  GObject            parent_instance;
  LiaBook           *book;
  gulong             changed_handler;
  gulong             account_handler;
  LiaTimelineFilter  filter;
  char              *search;
  char              *match;      /* FTS5 expression for @search */
  GArray            *pages;      /* of Page */
  LiaTimelineCursor  tail;       /* the last row loaded */
  guint              n_items;
  guint              n_cached;
  guint64            use_clock;
  guint              load_idle;
  gboolean           exhausted;
};

static void lia_timeline_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaTimeline, lia_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      lia_timeline_list_model_init))

static void
clear_page (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->items, g_ptr_array_unref);
}

static void
lia_timeline_dispose (GObject *object)
{
  LiaTimeline *self = (LiaTimeline *)object;

  g_clear_handle_id (&self->load_idle, g_source_remove);
  if (self->book != NULL)
    {
      g_clear_signal_handler (&self->changed_handler, lia_book_get_events (self->book));
      g_clear_signal_handler (&self->account_handler, self->book);
    }
  g_clear_object (&self->book);
  G_OBJECT_CLASS (lia_timeline_parent_class)->dispose (object);
}

static void
lia_timeline_finalize (GObject *object)
{
  LiaTimeline *self = (LiaTimeline *)object;

  g_array_unref (self->pages);
  g_free (self->search);
  g_free (self->match);
  G_OBJECT_CLASS (lia_timeline_parent_class)->finalize (object);
}

static void
lia_timeline_class_init (LiaTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_timeline_dispose;
  object_class->finalize = lia_timeline_finalize;
}

static void
lia_timeline_init (LiaTimeline *self)
{
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, clear_page);
}

/* Fetching ------------------------------------------------------------- */

static void
to_query (LiaTimeline      *self,
          LiaTimelineQuery *query)
{
  *query = (LiaTimelineQuery) {
    .account_id = self->filter.account_id,
    .with_subsidiaries = self->filter.with_subsidiaries,
    .kinds = self->filter.kinds,
    .statuses = self->filter.statuses,
    .sla_states = self->filter.sla_states,
    .staff_id = self->filter.staff_id,
    .vendor_id = self->filter.vendor_id,
    .from = self->filter.from,
    .to = self->filter.to,
    .match = self->match,
    .show_system = self->filter.show_system,
  };
}

static void
collect_item (LiaRow   *row,
              gpointer  user_data)
{
  g_ptr_array_add (user_data, lia_timeline_item_new_from_row (row));
}

/* The local day number of @time: a GDateTime per row would cost half
 * the page's time where TZ is unset. */
static gint64
day_of (GTimeZone *tz,
        gint64     time)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, time);
  gint64 local = time + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);

  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

/* Marks the newest item of each local day, given the time of the row
 * before the page (or none for the first page). */
static void
mark_days (GPtrArray *items,
           gboolean   has_before,
           gint64     before)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gint64 previous = has_before ? day_of (tz, before) : G_MININT64;

  for (guint i = 0; i < items->len; i++)
    {
      gint64 day = day_of (tz, lia_timeline_item_get_time (items->pdata[i]));

      lia_timeline_item_set_starts_day (items->pdata[i], day != previous);
      previous = day;
    }
}

static GPtrArray *
fetch (LiaTimeline              *self,
       const LiaTimelineCursor  *after,
       GError                  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (LIA_TIMELINE_PAGE_SIZE, g_object_unref);
  LiaTimelineQuery query;

  to_query (self, &query);
  if (!lia_timeline_store_page (lia_book_get_database (self->book), &query, after,
                                LIA_TIMELINE_PAGE_SIZE, lia_book_now (self->book),
                                collect_item, items, error))
    return NULL;

  mark_days (items, after != NULL, after ? after->time : 0);
  return g_steal_pointer (&items);
}

static void
cursor_of (LiaTimelineItem   *item,
           LiaTimelineCursor *cursor)
{
  cursor->time = lia_timeline_item_get_time (item);
  cursor->source = lia_timeline_item_get_item_type (item);
  cursor->id = lia_timeline_item_get_id (item);
}

/* Drops the least recently used page but @keep. */
static void
evict (LiaTimeline *self,
       guint        keep)
{
  Page *victim = NULL;

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = &g_array_index (self->pages, Page, i);

      if (i != keep && page->items != NULL &&
          (victim == NULL || page->last_used < victim->last_used))
        victim = page;
    }

  if (victim != NULL)
    {
      g_clear_pointer (&victim->items, g_ptr_array_unref);
      self->n_cached--;
    }
}

static void
hold_page (LiaTimeline *self,
           guint        index,
           GPtrArray   *items)
{
  Page *page = &g_array_index (self->pages, Page, index);

  page->items = items;
  page->last_used = ++self->use_clock;
  if (++self->n_cached > MAX_CACHED_PAGES)
    evict (self, index);
}

/* Appends the next page; returns how many rows it had. */
static gboolean
append_page (LiaTimeline  *self,
             guint        *out_added,
             GError      **error)
{
  gboolean first = self->pages->len == 0;
  GPtrArray *items = fetch (self, first ? NULL : &self->tail, error);
  Page page = { self->tail, NULL, 0 };

  *out_added = 0;
  if (items == NULL)
    return FALSE;

  self->exhausted = items->len < LIA_TIMELINE_PAGE_SIZE;
  if (items->len == 0)
    {
      g_ptr_array_unref (items);
      return TRUE;
    }

  cursor_of (g_ptr_array_index (items, items->len - 1), &self->tail);
  g_array_append_val (self->pages, page);
  hold_page (self, self->pages->len - 1, items);
  *out_added = items->len;
  self->n_items += items->len;
  return TRUE;
}

gboolean
lia_timeline_load_more (LiaTimeline  *self,
                        GError      **error)
{
  guint before, added;

  g_return_val_if_fail (LIA_IS_TIMELINE (self), FALSE);

  if (self->exhausted)
    return FALSE;

  before = self->n_items;
  if (!append_page (self, &added, error))
    return FALSE;
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, added);
  return added > 0;
}

static gboolean
load_more_cb (gpointer data)
{
  LiaTimeline *self = data;
  g_autoptr(GError) error = NULL;

  self->load_idle = 0;
  if (!lia_timeline_load_more (self, &error) && error != NULL)
    g_warning ("Cannot load more of the timeline: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* GListModel ----------------------------------------------------------- */

static GType
lia_timeline_get_item_type (GListModel *model)
{
  return LIA_TYPE_TIMELINE_ITEM;
}

static guint
lia_timeline_get_n_items (GListModel *model)
{
  return LIA_TIMELINE (model)->n_items;
}

static Page *
page_at (LiaTimeline  *self,
         guint         index,
         GError      **error)
{
  Page *page = &g_array_index (self->pages, Page, index);
  GPtrArray *items;

  if (page->items != NULL)
    {
      page->last_used = ++self->use_clock;
      return page;
    }

  if (!(items = fetch (self, index == 0 ? NULL : &page->start, error)))
    return NULL;
  hold_page (self, index, items);
  return &g_array_index (self->pages, Page, index);
}

static gpointer
lia_timeline_get_item (GListModel *model,
                       guint       position)
{
  LiaTimeline *self = LIA_TIMELINE (model);
  guint index = position / LIA_TIMELINE_PAGE_SIZE;
  guint offset = position % LIA_TIMELINE_PAGE_SIZE;
  g_autoptr(GError) error = NULL;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  /* Items-changed may not be emitted from here: grow from an idle. */
  if (!self->exhausted && self->load_idle == 0 && position + PREFETCH_DISTANCE >= self->n_items)
    self->load_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_more_cb, self, NULL);

  if (!(page = page_at (self, index, &error)))
    {
      g_warning ("Cannot read the timeline: %s", error->message);
      return NULL;
    }
  /* Rows changed under a page that was evicted and fetched again: the
   * model is reloaded on changes, so this is only a short window. */
  if (offset >= page->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
lia_timeline_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lia_timeline_get_item_type;
  iface->get_n_items = lia_timeline_get_n_items;
  iface->get_item = lia_timeline_get_item;
}

/* Public --------------------------------------------------------------- */

/**
 * lia_timeline_reload:
 *
 * Starts over from the newest row: after a write or a new filter.
 */
static void
restart (LiaTimeline *self,
         guint        keep)
{
  g_autoptr(GError) error = NULL;
  guint added;

  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_array_set_size (self->pages, 0);
  self->n_items = self->n_cached = 0;
  self->exhausted = FALSE;

  /* As many rows as were loaded, so a view scrolled down stays put. */
  do
    {
      if (!append_page (self, &added, &error))
        {
          g_warning ("Cannot read the timeline: %s", error->message);
          return;
        }
    }
  while (added > 0 && !self->exhausted && self->n_items < keep);
}

void
lia_timeline_reload (LiaTimeline *self)
{
  guint removed;

  g_return_if_fail (LIA_IS_TIMELINE (self));

  removed = self->n_items;
  restart (self, removed);
  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

/* A single account's timeline ignores other accounts' changes. */
static void
reload_for (LiaTimeline *self,
            gint64       account_id)
{
  if (self->filter.account_id != 0 && !self->filter.with_subsidiaries &&
      account_id != 0 && account_id != self->filter.account_id)
    return;
  lia_timeline_reload (self);
}

static void
on_event_changed_cb (LiaTimeline        *self,
                     gint64              event_id,
                     gint64              account_id,
                     LiaEventRepository *repository)
{
  reload_for (self, account_id);
}

/* Notes and audit entries come with account changes. */
static void
on_account_changed_cb (LiaTimeline *self,
                       gint64       account_id,
                       gboolean     inserted,
                       LiaBook     *book)
{
  reload_for (self, account_id);
}

static void
take_filter (LiaTimeline             *self,
             const LiaTimelineFilter *filter)
{
  self->filter = *filter;
  g_free (self->search);
  g_free (self->match);
  self->search = g_strdup (filter->search);
  self->match = lia_account_store_match_expression (filter->search);
  self->filter.search = self->search;
}

/* The human lane of every account. */
LiaTimeline *
lia_timeline_new (LiaBook *book)
{
  LiaTimelineFilter filter = { 0, };

  return lia_timeline_new_with_filter (book, &filter);
}

LiaTimeline *
lia_timeline_new_with_filter (LiaBook                 *book,
                              const LiaTimelineFilter *filter)
{
  LiaTimeline *self;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self = g_object_new (LIA_TYPE_TIMELINE, NULL);
  self->book = g_object_ref (book);
  take_filter (self, filter);
  self->changed_handler = g_signal_connect_object (lia_book_get_events (book), "event-changed",
                                                   G_CALLBACK (on_event_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  self->account_handler = g_signal_connect_object (book, "account-changed",
                                                   G_CALLBACK (on_account_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  lia_timeline_reload (self);
  return self;
}

void
lia_timeline_set_filter (LiaTimeline             *self,
                         const LiaTimelineFilter *filter)
{
  guint removed;

  g_return_if_fail (LIA_IS_TIMELINE (self));
  g_return_if_fail (filter != NULL);

  /* A new filter starts from the newest row. */
  removed = self->n_items;
  take_filter (self, filter);
  restart (self, 0);
  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

void
lia_timeline_get_filter (LiaTimeline       *self,
                         LiaTimelineFilter *out_filter)
{
  g_return_if_fail (LIA_IS_TIMELINE (self));
  g_return_if_fail (out_filter != NULL);

  *out_filter = self->filter;
}

gboolean
lia_timeline_has_more (LiaTimeline *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE (self), FALSE);
  return !self->exhausted;
}

guint
lia_timeline_get_n_cached_pages (LiaTimeline *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE (self), 0);
  return self->n_cached;
}
