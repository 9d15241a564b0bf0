/* lia-account-list.c — the accounts a view shows, paged lazily from the book
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-account-list"

#include "config.h"

#include "lia-account-list.h"
#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"

/* Only the row count and a few pages of objects are held: the list asks
 * SQLite for a page when a position outside them is read, walking on by
 * (name, id) from the page before when it has it, by OFFSET on a jump.
 * Sorting and filtering happen in SQL. */
struct _LiaAccountList
{
  GObject      parent_instance;

  LiaBook     *book;
  gulong       changed_handler;

  char        *search_text;
  char        *segment_id;
  int          state_filter;
  gboolean     include_closed;
  gint64       manager_id;
  guint        due_days;
  gboolean     needs_manager;

  guint        n_items;
  gboolean     truncated;
  guint        freeze_count;
  gboolean     reload_pending;
  GHashTable  *pages;      /* page index → GPtrArray of LiaAccount */
  GQueue       lru;        /* page indexes, most recent first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaAccountList, lia_account_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SEARCH_TEXT,
  PROP_SEGMENT_ID,
  PROP_STATE_FILTER,
  PROP_INCLUDE_CLOSED,
  PROP_MANAGER_ID,
  PROP_DUE_DAYS,
  PROP_NEEDS_MANAGER,
  PROP_N_ITEMS,
  PROP_TRUNCATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_query (LiaAccountList  *self,
            LiaAccountQuery *query)
{
  *query = (LiaAccountQuery) {
    .search = self->search_text,
    .segment_id = self->segment_id,
    .state = self->state_filter >= 0 ? lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, self->state_filter) : NULL,
    .include_closed = self->include_closed,
    .manager_id = self->manager_id,
    .verified_before = self->due_days > 0
                       ? lia_book_now (self->book) - (gint64)self->due_days * 86400
                       : 0,
    .needs_manager = self->needs_manager,
  };
}

static void
drop_pages (LiaAccountList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

/* The one place that changes the length, so n-items always agrees with
 * what items-changed said. */
static void
items_changed (LiaAccountList *self,
               guint           position,
               guint           removed,
               guint           added)
{
  guint old_n = self->n_items;

  self->n_items = self->n_items - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static guint
count_rows (LiaAccountList *self,
            gboolean       *truncated)
{
  g_autoptr(GError) error = NULL;
  LiaDatabase *db = lia_book_get_database (self->book);
  LiaAccountQuery query;
  guint count = 0;

  fill_query (self, &query);
  *truncated = FALSE;

  if (!lia_account_store_count (db, &query, &count, &error) ||
      (self->search_text && !lia_account_store_search_is_capped (db, self->search_text,
                                                                  truncated, &error)))
    g_warning ("Cannot count accounts: %s", error->message);

  return count;
}

/**
 * lia_account_list_reload:
 *
 * Recounts and forgets every cached page: for a new filter, or for a
 * change whose place in the list cannot be told.
 */
void
lia_account_list_reload (LiaAccountList *self)
{
  gboolean truncated;
  guint old_n = self->n_items;
  guint new_n;

  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));

  if (self->freeze_count > 0)
    {
      self->reload_pending = TRUE;
      return;
    }
  self->reload_pending = FALSE;

  new_n = count_rows (self, &truncated);
  drop_pages (self);

  if (truncated != self->truncated)
    {
      self->truncated = truncated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUNCATED]);
    }

  self->n_items = old_n;
  if (old_n > 0 || new_n > 0)
    items_changed (self, 0, old_n, new_n);
}

void
lia_account_list_freeze (LiaAccountList *self)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  self->freeze_count++;
}

void
lia_account_list_thaw (LiaAccountList *self)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count == 0 && self->reload_pending)
    lia_account_list_reload (self);
}

static void
touch_page (LiaAccountList *self,
            guint           page)
{
  g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->lru) > LIA_ACCOUNT_LIST_MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
}

static GPtrArray *
fetch_page (LiaAccountList *self,
            guint           page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (LIA_ACCOUNT_LIST_PAGE_SIZE, g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_account_new_from_row, rows };
  GPtrArray *before = page > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page - 1)) : NULL;
  const char *after_name = NULL;
  gint64 after_id = 0;
  LiaAccountQuery query;

  /* Scrolling reads the page after one we hold: walk on from its last row. */
  if (before != NULL && before->len == LIA_ACCOUNT_LIST_PAGE_SIZE)
    {
      LiaAccount *last = g_ptr_array_index (before, before->len - 1);

      after_name = lia_account_get_name (last);
      after_id = lia_account_get_id (last);
    }

  fill_query (self, &query);
  if (!lia_account_store_page (lia_book_get_database (self->book), &query,
                               page * LIA_ACCOUNT_LIST_PAGE_SIZE, after_name, after_id,
                               LIA_ACCOUNT_LIST_PAGE_SIZE, lia_collect_row, &collect, &error))
    g_warning ("Cannot read accounts: %s", error->message);

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), g_ptr_array_ref (rows));
  touch_page (self, page);
  return rows;
}

static GType
lia_account_list_get_item_type (GListModel *model)
{
  return LIA_TYPE_ACCOUNT;
}

static guint
lia_account_list_get_n_items (GListModel *model)
{
  return LIA_ACCOUNT_LIST (model)->n_items;
}

static gpointer
lia_account_list_get_item (GListModel *model,
                           guint       position)
{
  LiaAccountList *self = LIA_ACCOUNT_LIST (model);
  guint page = position / LIA_ACCOUNT_LIST_PAGE_SIZE;
  guint offset = position % LIA_ACCOUNT_LIST_PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  if ((rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page))))
    touch_page (self, page);
  else
    rows = fetch_page (self, page);

  /* A row deleted behind our back (another process): an empty account
   * keeps the view consistent until the next reload. */
  if (offset >= rows->len)
    return lia_account_new ();

  return g_object_ref (g_ptr_array_index (rows, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lia_account_list_get_item_type;
  iface->get_n_items = lia_account_list_get_n_items;
  iface->get_item = lia_account_list_get_item;
}

/* Where @account_id sits among the cached pages, or G_MAXUINT. */
static guint
cached_position (LiaAccountList *self,
                 gint64          account_id,
                 LiaAccount    **out_account)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *rows = value;

      for (guint i = 0; i < rows->len; i++)
        if (lia_account_get_id (g_ptr_array_index (rows, i)) == account_id)
          {
            *out_account = g_ptr_array_index (rows, i);
            return GPOINTER_TO_UINT (key) * LIA_ACCOUNT_LIST_PAGE_SIZE + i;
          }
    }

  return G_MAXUINT;
}

static guint
stored_position (LiaAccountList *self,
                 gint64          account_id)
{
  LiaAccountQuery query;
  guint position = G_MAXUINT;

  fill_query (self, &query);
  if (!lia_account_store_position (lia_book_get_database (self->book), &query,
                                   account_id, &position, NULL))
    return G_MAXUINT;

  return position;
}

static void
refresh_row (LiaRow   *row,
             gpointer  user_data)
{
  lia_account_update_from_row (user_data, row);
}

/* Turns one committed write into the smallest items-changed that is true. */
static void
on_account_changed_cb (LiaAccountList *self,
                       gint64          account_id,
                       gboolean        inserted,
                       LiaBook        *book)
{
  LiaAccount *cached = NULL;
  guint old_pos, new_pos;

  if (account_id == 0)
    {
      lia_account_list_reload (self);
      return;
    }

  new_pos = stored_position (self, account_id);
  old_pos = inserted ? G_MAXUINT : cached_position (self, account_id, &cached);

  if (inserted)
    {
      if (new_pos == G_MAXUINT)
        return;
      drop_pages (self);
      items_changed (self, new_pos, 0, 1);
    }
  else if (old_pos == G_MAXUINT)
    {
      /* Not on screen, so where it was is unknown: recount. */
      lia_account_list_reload (self);
    }
  else if (old_pos == new_pos)
    {
      lia_account_store_get (lia_book_get_database (book), account_id, refresh_row, cached, NULL);
      items_changed (self, old_pos, 1, 1);
    }
  else
    {
      drop_pages (self);
      items_changed (self, old_pos, 1, 0);
      if (new_pos != G_MAXUINT)
        items_changed (self, new_pos, 0, 1);
    }
}

static void
lia_account_list_dispose (GObject *object)
{
  LiaAccountList *self = (LiaAccountList *)object;

  if (self->book)
    g_clear_signal_handler (&self->changed_handler, self->book);
  g_clear_object (&self->book);
  drop_pages (self);

  G_OBJECT_CLASS (lia_account_list_parent_class)->dispose (object);
}

static void
lia_account_list_finalize (GObject *object)
{
  LiaAccountList *self = (LiaAccountList *)object;

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->segment_id, g_free);

  G_OBJECT_CLASS (lia_account_list_parent_class)->finalize (object);
}

static void
lia_account_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaAccountList *self = LIA_ACCOUNT_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:    g_value_set_string (value, self->search_text); break;
    case PROP_SEGMENT_ID:     g_value_set_string (value, self->segment_id); break;
    case PROP_STATE_FILTER:   g_value_set_int (value, self->state_filter); break;
    case PROP_INCLUDE_CLOSED: g_value_set_boolean (value, self->include_closed); break;
    case PROP_MANAGER_ID:     g_value_set_int64 (value, self->manager_id); break;
    case PROP_DUE_DAYS:       g_value_set_uint (value, self->due_days); break;
    case PROP_NEEDS_MANAGER:  g_value_set_boolean (value, self->needs_manager); break;
    case PROP_N_ITEMS:        g_value_set_uint (value, self->n_items); break;
    case PROP_TRUNCATED:      g_value_set_boolean (value, self->truncated); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_account_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaAccountList *self = LIA_ACCOUNT_LIST (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:    lia_account_list_set_search_text (self, g_value_get_string (value)); break;
    case PROP_SEGMENT_ID:     lia_account_list_set_segment_id (self, g_value_get_string (value)); break;
    case PROP_STATE_FILTER:   lia_account_list_set_state_filter (self, g_value_get_int (value)); break;
    case PROP_INCLUDE_CLOSED: lia_account_list_set_include_closed (self, g_value_get_boolean (value)); break;
    case PROP_MANAGER_ID:     lia_account_list_set_manager_id (self, g_value_get_int64 (value)); break;
    case PROP_DUE_DAYS:       lia_account_list_set_due_days (self, g_value_get_uint (value)); break;
    case PROP_NEEDS_MANAGER:  lia_account_list_set_needs_manager (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_account_list_class_init (LiaAccountListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = lia_account_list_dispose;
  object_class->finalize = lia_account_list_finalize;
  object_class->get_property = lia_account_list_get_property;
  object_class->set_property = lia_account_list_set_property;

  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, rw);
  properties[PROP_SEGMENT_ID] = g_param_spec_string ("segment-id", NULL, NULL, NULL, rw);
  properties[PROP_STATE_FILTER] = g_param_spec_int ("state-filter", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_INCLUDE_CLOSED] = g_param_spec_boolean ("include-closed", NULL, NULL, FALSE, rw);
  properties[PROP_MANAGER_ID] = g_param_spec_int64 ("manager-id", NULL, NULL, -1, G_MAXINT64, 0, rw);
  properties[PROP_DUE_DAYS] = g_param_spec_uint ("due-days", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_NEEDS_MANAGER] = g_param_spec_boolean ("needs-manager", NULL, NULL, FALSE, rw);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TRUNCATED] = g_param_spec_boolean ("truncated", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_account_list_init (LiaAccountList *self)
{
  self->state_filter = -1;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->lru);
}

LiaAccountList *
lia_account_list_new (LiaBook *book)
{
  LiaAccountList *self;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  self = g_object_new (LIA_TYPE_ACCOUNT_LIST, NULL);
  self->book = g_object_ref (book);
  self->changed_handler = g_signal_connect_object (book, "account-changed",
                                                   G_CALLBACK (on_account_changed_cb),
                                                   self, G_CONNECT_SWAPPED);
  self->n_items = count_rows (self, &self->truncated);
  return self;
}

/* Every filter setter ends here: store, notify, recount. */
static void
set_filter_string (LiaAccountList  *self,
                   char           **field,
                   const char      *value,
                   guint            prop_id)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  lia_account_list_reload (self);
}

const char *
lia_account_list_get_search_text (LiaAccountList *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), NULL);
  return self->search_text;
}

void
lia_account_list_set_search_text (LiaAccountList *self,
                                  const char     *text)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  set_filter_string (self, &self->search_text, text, PROP_SEARCH_TEXT);
}

const char *
lia_account_list_get_segment_id (LiaAccountList *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), NULL);
  return self->segment_id;
}

void
lia_account_list_set_segment_id (LiaAccountList *self,
                                 const char     *segment_id)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  set_filter_string (self, &self->segment_id, segment_id, PROP_SEGMENT_ID);
}

int
lia_account_list_get_state_filter (LiaAccountList *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), -1);
  return self->state_filter;
}

void
lia_account_list_set_state_filter (LiaAccountList *self,
                                   int             state)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  if (self->state_filter == state)
    return;
  self->state_filter = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_FILTER]);
  lia_account_list_reload (self);
}

gboolean
lia_account_list_get_include_closed (LiaAccountList *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), FALSE);
  return self->include_closed;
}

void
lia_account_list_set_include_closed (LiaAccountList *self,
                                     gboolean        include_closed)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  include_closed = !!include_closed;
  if (self->include_closed == include_closed)
    return;
  self->include_closed = include_closed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_CLOSED]);
  lia_account_list_reload (self);
}

gint64
lia_account_list_get_manager_id (LiaAccountList *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), 0);
  return self->manager_id;
}

void
lia_account_list_set_manager_id (LiaAccountList *self,
                                 gint64          manager_id)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  if (self->manager_id == manager_id)
    return;
  self->manager_id = manager_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ID]);
  lia_account_list_reload (self);
}

guint
lia_account_list_get_due_days (LiaAccountList *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), 0);
  return self->due_days;
}

void
lia_account_list_set_due_days (LiaAccountList *self,
                               guint           days)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  if (self->due_days == days)
    return;
  self->due_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DAYS]);
  lia_account_list_reload (self);
}

gboolean
lia_account_list_get_needs_manager (LiaAccountList *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), FALSE);
  return self->needs_manager;
}

void
lia_account_list_set_needs_manager (LiaAccountList *self,
                                    gboolean        needs_manager)
{
  g_return_if_fail (LIA_IS_ACCOUNT_LIST (self));
  needs_manager = !!needs_manager;
  if (self->needs_manager == needs_manager)
    return;
  self->needs_manager = needs_manager;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_MANAGER]);
  lia_account_list_reload (self);
}

gboolean
lia_account_list_get_truncated (LiaAccountList *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), FALSE);
  return self->truncated;
}

/* The position of @account_id under the current filters, or G_MAXUINT
 * when they hide it. */
guint
lia_account_list_find (LiaAccountList *self,
                       gint64          account_id)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), G_MAXUINT);
  return stored_position (self, account_id);
}

/* How many account objects the list holds now (for tests and benchmarks). */
guint
lia_account_list_get_n_cached (LiaAccountList *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (LIA_IS_ACCOUNT_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *)value)->len;
  return n;
}
