/* test-timeline.c — the timeline model: keyset paging over rows that
 * share a second, day headers across page boundaries, every filter,
 * items-changed, and a bounded cache
 *
 * The local time zone is Europe/Berlin (set before anything reads it), so
 * a day header computed in UTC would show. Every expected set of rows is
 * the set of rows the test wrote, kept here, or read with plain SQL from
 * the tables, never from the timeline's own query.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-timeline.h"

#include "test-book.h"

#define MINUTES(n) ((gint64)(n) * 60)
#define HOURS(n)   ((gint64)(n) * 3600)
#define DAYS(n)    ((gint64)(n) * 86400)

/* lia-timeline.c holds at most this many pages (MAX_CACHED_PAGES). */
#define MAX_CACHED_PAGES 8

typedef struct
{
  char                   *dir;
  LiaBook                *book;
  LiaAccountRepository   *accounts;
  LiaPortfolioRepository *portfolios;
  LiaEventRepository     *events;
  gint64                  now;
  gint64                  alice;
  gint64                  ivo;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = lia_test_berlin (1, 5, 9, 0);
  f->book = lia_test_book_new (&f->dir, NULL, &f->now, "Test Actor");
  f->accounts = lia_book_get_accounts (f->book);
  f->portfolios = lia_book_get_portfolios (f->book);
  f->events = lia_book_get_events (f->book);

  f->alice = lia_test_add_staff (f->book, "Alice Martin", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->ivo = lia_test_add_staff (f->book, "Ivo Brandt", LIA_STAFF_ROLE_ENGINEER);

  lia_test_set_business_hours (f->book, "premium", NULL);
  lia_test_set_sla_target (f->book, "premium", LIA_SEVERITY_HIGH, HOURS (1), HOURS (4));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, NULL);
}

/* The ids of every row @sql selects, as a set. */
static GHashTable *
sql_ids (Fixture    *f,
         const char *sql)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (lia_test_book_handle (f->book), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

static gint64
create_account (Fixture    *f,
                const char *name,
                gint64      at)
{
  static guint serial = 0;
  g_autofree char *number = g_strdup_printf ("T-%u", ++serial);
  g_autoptr(LiaAccount) account = lia_test_account_new (number, name, "small-business");

  lia_account_set_service_plan_id (account, "premium");
  f->now = at;
  return lia_test_account_create (f->book, account);
}

static gint64
add_event (Fixture      *f,
           gint64        account,
           LiaEventKind  kind,
           gint64        at,
           gint64        staff,
           gint64        vendor,
           const char   *summary,
           const char   *details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaEvent) event = lia_event_new (account, kind, summary);

  lia_event_set_opened_at (event, at);
  if (lia_event_kind_has_severity (kind))
    lia_event_set_severity (event, LIA_SEVERITY_HIGH);
  if (details)
    lia_event_set_details (event, details);
  if (staff)
    lia_event_set_staff_id (event, staff);
  if (vendor)
    lia_event_set_vendor_id (event, vendor);
  f->now = at;
  g_assert_true (lia_event_repository_add (f->events, event, &error));
  g_assert_no_error (error);
  return lia_event_get_id (event);
}

static gint64
add_incident (Fixture *f,
              gint64   account,
              gint64   at)
{
  return add_event (f, account, LIA_EVENT_KIND_INCIDENT, at, 0, 0, "Incident", NULL);
}

static void
add_note (Fixture    *f,
          gint64      account,
          gint64      at,
          const char *body)
{
  g_autoptr(GError) error = NULL;

  f->now = at;
  g_assert_true (lia_portfolio_repository_add_note (f->portfolios, account, LIA_NOTE_KIND_PREFERENCE,
                                                    body, &error));
  g_assert_no_error (error);
}

/* Loads every page, as a view scrolling to the end would. */
static guint
load_all (LiaTimeline *timeline)
{
  guint guard = 0;

  while (lia_timeline_has_more (timeline))
    {
      g_autoptr(GError) error = NULL;
      guint before = g_list_model_get_n_items (G_LIST_MODEL (timeline));
      gboolean more = lia_timeline_load_more (timeline, &error);

      g_assert_no_error (error);
      if (more)
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), >, before);
      else
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, before);
      g_assert_cmpuint (++guard, <, 100000);
      if (!more)
        break;
    }
  g_assert_false (lia_timeline_has_more (timeline));
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lia_timeline_load_more (timeline, &error));
    g_assert_no_error (error);
  }
  return g_list_model_get_n_items (G_LIST_MODEL (timeline));
}

static LiaTimelineItem *
item_at (LiaTimeline *timeline,
         guint        position)
{
  LiaTimelineItem *item = g_list_model_get_item (G_LIST_MODEL (timeline), position);

  if (item == NULL)
    g_error ("no item at %u of %u", position, g_list_model_get_n_items (G_LIST_MODEL (timeline)));
  return item;
}

/* Every item once all pages are in. */
static GPtrArray *
all_items (LiaTimeline *timeline)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = load_all (timeline);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, item_at (timeline, i));
  return items;
}

static LiaTimeline *
timeline_with (Fixture                 *f,
               const LiaTimelineFilter *filter)
{
  LiaTimeline *timeline = lia_timeline_new (f->book);

  if (filter)
    lia_timeline_set_filter (timeline, filter);
  return timeline;
}

/* Counts the items of each type, and checks each appears once. */
typedef struct
{
  guint n[4];
  GHashTable *seen[4];   /* of ids */
} Census;

static void
census_clear (Census *c)
{
  for (guint i = 0; i < 4; i++)
    g_clear_pointer (&c->seen[i], g_hash_table_unref);
}

static void
census_take (Census    *c,
             GPtrArray *items)
{
  memset (c, 0, sizeof *c);
  for (guint i = 0; i < 4; i++)
    c->seen[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      LiaTimelineItem *item = items->pdata[i];
      LiaTimelineItemType type = lia_timeline_item_get_item_type (item);
      gint64 *id = g_new (gint64, 1);

      g_assert_cmpint (type, <, 4);
      *id = lia_timeline_item_get_id (item);
      if (g_hash_table_contains (c->seen[type], id))
        g_error ("item %u (type %d, id %" G_GINT64_FORMAT ") appears twice", i, type, *id);
      g_hash_table_add (c->seen[type], id);
      c->n[type]++;
    }
}

static void
assert_same_ids (GHashTable *got,
                 GHashTable *expected,
                 const char *what)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (got, key))
      g_error ("%s: %" G_GINT64_FORMAT " is missing", what, *(gint64 *)key);
  g_hash_table_iter_init (&iter, got);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      g_error ("%s: %" G_GINT64_FORMAT " should not be there", what, *(gint64 *)key);
}

/* Newest first; rows of one type in one second are contiguous and newest
 * (highest id) first. */
static void
assert_order (GPtrArray *items)
{
  g_autoptr(GHashTable) closed = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 1; i < items->len; i++)
    {
      LiaTimelineItem *a = items->pdata[i - 1], *b = items->pdata[i];
      gint64 ta = lia_timeline_item_get_time (a), tb = lia_timeline_item_get_time (b);
      int ya = lia_timeline_item_get_item_type (a), yb = lia_timeline_item_get_item_type (b);

      if (tb > ta)
        g_error ("item %u (%" G_GINT64_FORMAT ") is newer than the one before (%" G_GINT64_FORMAT ")",
                 i, tb, ta);
      if (tb < ta)
        {
          g_hash_table_remove_all (closed);
          continue;
        }
      if (ya == yb)
        {
          if (lia_timeline_item_get_id (b) >= lia_timeline_item_get_id (a))
            g_error ("items %u and %u of one second and type are not newest first", i - 1, i);
        }
      else
        {
          g_hash_table_add (closed, GINT_TO_POINTER (ya + 1));
          if (g_hash_table_contains (closed, GINT_TO_POINTER (yb + 1)))
            g_error ("item %u: rows of type %d in one second are split", i, yb);
        }
    }
}

/* --- keyset paging --- */

/* 300 events and 60 notes in one second, 20 events and 10 notes in the
 * second before: every row exactly once across four pages. */
static void
test_paging_same_second (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LiaTimeline) timeline = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) notes = NULL;
  g_autoptr(GHashTable) audit = NULL;
  g_autoptr(GHashTable) changes = NULL;
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 account = create_account (f, "Acme", t - DAYS (1));
  Census c;

  for (guint i = 0; i < 320; i++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = add_event (f, account, LIA_EVENT_KIND_INCIDENT, i < 300 ? t : t - 1, 0, 0, "Same second", NULL);
      g_hash_table_add (events, id);
    }
  for (guint i = 0; i < 70; i++)
    add_note (f, account, i < 60 ? t : t - 1, "A note in the same second");
  notes = sql_ids (f, "SELECT id FROM account_notes");
  g_assert_cmpuint (g_hash_table_size (notes), ==, 70);

  f->now = t;
  timeline = timeline_with (f, NULL);
  /* The first page is there at once, and is a whole page. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, LIA_TIMELINE_PAGE_SIZE);
  g_assert_true (lia_timeline_has_more (timeline));
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (lia_timeline_load_more (timeline, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 2 * LIA_TIMELINE_PAGE_SIZE);
  }

  items = all_items (timeline);
  g_assert_cmpuint (items->len, ==, 390);
  census_take (&c, items);
  g_assert_cmpuint (c.n[LIA_TIMELINE_ITEM_EVENT], ==, 320);
  g_assert_cmpuint (c.n[LIA_TIMELINE_ITEM_NOTE], ==, 70);
  g_assert_cmpuint (c.n[LIA_TIMELINE_ITEM_STATUS_CHANGE] + c.n[LIA_TIMELINE_ITEM_AUDIT], ==, 0);
  assert_same_ids (c.seen[LIA_TIMELINE_ITEM_EVENT], events, "events");
  assert_same_ids (c.seen[LIA_TIMELINE_ITEM_NOTE], notes, "notes");
  assert_order (items);
  census_clear (&c);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_object (&timeline);

  /* With the system lane: 150 status changes in the same second and the
   * audit trail. */
  {
    GHashTableIter iter;
    gpointer key;
    guint k = 0;

    g_hash_table_iter_init (&iter, events);
    while (g_hash_table_iter_next (&iter, &key, NULL) && k < 150)
      if (lia_test_book_sql_int (f->book, "SELECT opened_at FROM events WHERE id = %" G_GINT64_FORMAT,
                                 *(gint64 *)key) == t)
        {
          lia_test_set_status_at (f->book, &f->now, *(gint64 *)key, LIA_EVENT_STATUS_IN_PROGRESS, t);
          k++;
        }
    g_assert_cmpuint (k, ==, 150);
  }
  changes = sql_ids (f, "SELECT id FROM event_status_history WHERE from_status IS NOT NULL");
  g_assert_cmpuint (g_hash_table_size (changes), ==, 150);
  audit = sql_ids (f, "SELECT id FROM audit_log");
  g_assert_cmpuint (g_hash_table_size (audit), >, 0);

  f->now = t;
  {
    LiaTimelineFilter filter = { .show_system = TRUE };

    timeline = timeline_with (f, &filter);
  }
  items = all_items (timeline);
  census_take (&c, items);
  g_assert_cmpuint (items->len, ==, 390 + 150 + g_hash_table_size (audit));
  assert_same_ids (c.seen[LIA_TIMELINE_ITEM_EVENT], events, "events");
  assert_same_ids (c.seen[LIA_TIMELINE_ITEM_NOTE], notes, "notes");
  assert_same_ids (c.seen[LIA_TIMELINE_ITEM_STATUS_CHANGE], changes, "status changes");
  assert_same_ids (c.seen[LIA_TIMELINE_ITEM_AUDIT], audit, "audit entries");
  assert_order (items);
  census_clear (&c);
}

static int
local_day (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);

  return g_date_time_get_year (dt) * 1000 + g_date_time_get_day_of_year (dt);
}

static void
assert_day_headers (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      gboolean expected = i == 0 ||
        local_day (lia_timeline_item_get_time (items->pdata[i])) !=
        local_day (lia_timeline_item_get_time (items->pdata[i - 1]));

      if (lia_timeline_item_get_starts_day (items->pdata[i]) != expected)
        g_error ("item %u: starts_day is %d, expected %d", i,
                 lia_timeline_item_get_starts_day (items->pdata[i]), expected);
    }
}

/* 10 June: 128 events (page 1 exactly); 9 June: 150 (the second page and
 * into the third); 8 June: 30. 9 June's rows start at 00:30 in Berlin,
 * still 8 June in UTC: day headers must follow the local day. */
static void
test_paging_day_headers (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(LiaTimeline) timeline = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 account = create_account (f, "Acme", lia_test_berlin (6, 1, 9, 0));
  guint n_headers = 0;

  for (guint i = 0; i < 128; i++)
    add_incident (f, account, lia_test_berlin (6, 10, 9, 0) + i * 60);
  for (guint i = 0; i < 150; i++)
    add_incident (f, account, lia_test_berlin (6, 9, 0, 30) + i * 60);   /* from 00:30 */
  for (guint i = 0; i < 30; i++)
    add_incident (f, account, lia_test_berlin (6, 8, 23, 30) - i * 60);

  f->now = lia_test_berlin (6, 11, 0, 0);
  timeline = timeline_with (f, NULL);
  items = all_items (timeline);
  g_assert_cmpuint (items->len, ==, 308);
  assert_day_headers (items);
  for (guint i = 0; i < items->len; i++)
    n_headers += lia_timeline_item_get_starts_day (items->pdata[i]);
  g_assert_cmpuint (n_headers, ==, 3);
  /* A page that starts a day, and one that continues it. */
  g_assert_true (lia_timeline_item_get_starts_day (items->pdata[128]));
  g_assert_false (lia_timeline_item_get_starts_day (items->pdata[256]));
  g_assert_true (lia_timeline_item_get_starts_day (items->pdata[278]));
}

/* Eleven pages; reading back and forth keeps at most a few in memory and
 * pages fetched again are the same rows, day headers included. */
static void
test_paging_memory_bound (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(LiaTimeline) timeline = NULL;
  g_autoptr(GPtrArray) first = NULL;
  gint64 t = lia_test_berlin (6, 20, 12, 0);
  gint64 account = create_account (f, "Acme", lia_test_berlin (1, 6, 9, 0));
  guint n, n_pages, max_cached = 0;
  GRand *rand = g_rand_new_with_seed (4);

  /* Every 17 minutes for two weeks, with a note at every tenth event's second. */
  for (guint i = 0; i < 1300; i++)
    {
      add_incident (f, account, t - i * MINUTES (17));
      if (i % 10 == 0)
        add_note (f, account, t - i * MINUTES (17), "Note");
    }

  f->now = t;
  timeline = timeline_with (f, NULL);
  n = load_all (timeline);
  g_assert_cmpuint (n, ==, 1430);
  n_pages = (n + LIA_TIMELINE_PAGE_SIZE - 1) / LIA_TIMELINE_PAGE_SIZE;
  g_assert_cmpuint (n_pages, ==, 12);
  g_assert_cmpuint (lia_timeline_get_n_cached_pages (timeline), <=, MAX_CACHED_PAGES);

  first = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (first, item_at (timeline, i));
      max_cached = MAX (max_cached, lia_timeline_get_n_cached_pages (timeline));
    }
  assert_order (first);
  assert_day_headers (first);

  /* Backwards, then at random: the same rows at the same places. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      {
        guint i = pass == 0 ? n - 1 - k : (guint)g_rand_int_range (rand, 0, n);
        g_autoptr(LiaTimelineItem) item = item_at (timeline, i);
        LiaTimelineItem *expected = first->pdata[i];

        g_assert_cmpint (lia_timeline_item_get_item_type (item), ==, lia_timeline_item_get_item_type (expected));
        g_assert_cmpint (lia_timeline_item_get_id (item), ==, lia_timeline_item_get_id (expected));
        g_assert_cmpint (lia_timeline_item_get_starts_day (item), ==,
                         lia_timeline_item_get_starts_day (expected));
        max_cached = MAX (max_cached, lia_timeline_get_n_cached_pages (timeline));
      }
  g_rand_free (rand);

  g_test_message ("at most %u of %u pages cached", max_cached, n_pages);
  g_assert_cmpuint (max_cached, <=, MAX_CACHED_PAGES);
  g_assert_cmpuint (max_cached, <, n_pages);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, n);
}

/* --- filters --- */

/* The ids of the event items in @items, checking they are all events. */
static GHashTable *
event_ids_of (GPtrArray *items)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      gint64 *id = g_new (gint64, 1);

      g_assert_cmpint (lia_timeline_item_get_item_type (items->pdata[i]), ==, LIA_TIMELINE_ITEM_EVENT);
      *id = lia_timeline_item_get_id (items->pdata[i]);
      g_hash_table_add (ids, id);
    }
  return ids;
}

static GHashTable *
id_set (const gint64 *ids,
        guint         n)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    g_hash_table_add (set, g_memdup2 (&ids[i], sizeof (gint64)));
  return set;
}

static void
assert_events (Fixture                 *f,
               const LiaTimelineFilter *filter,
               const gint64            *expected,
               guint                    n_expected,
               const char              *what)
{
  g_autoptr(LiaTimeline) timeline = timeline_with (f, filter);
  g_autoptr(GPtrArray) items = all_items (timeline);
  g_autoptr(GHashTable) got = event_ids_of (items);
  g_autoptr(GHashTable) want = id_set (expected, n_expected);

  g_assert_cmpuint (items->len, ==, n_expected);
  assert_same_ids (got, want, what);
}

static void
test_filter_kind_status (Fixture       *f,
                         gconstpointer  data)
{
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 a = create_account (f, "Acme", t - DAYS (10));
  gint64 open_incidents[3], busy[2], requests[2], maintenance, call;

  for (guint i = 0; i < 3; i++)
    open_incidents[i] = add_incident (f, a, t - HOURS (i + 1));
  for (guint i = 0; i < 2; i++)
    {
      busy[i] = add_incident (f, a, t - HOURS (10 + i));
      lia_test_set_status_at (f->book, &f->now, busy[i], LIA_EVENT_STATUS_IN_PROGRESS, t - HOURS (9));
    }
  for (guint i = 0; i < 2; i++)
    requests[i] = add_event (f, a, LIA_EVENT_KIND_REQUEST, t - HOURS (20 + i), 0, 0, "New badge", NULL);
  maintenance = add_event (f, a, LIA_EVENT_KIND_MAINTENANCE, t - HOURS (30), 0, 0, "Filters", NULL);
  f->now = t;
  lia_test_log_contact (f->book, a, LIA_CONTACT_KIND_CALL, t - HOURS (40), 0, "Called");
  call = lia_test_book_sql_int (f->book, "SELECT id FROM events WHERE kind = 'call'");
  add_note (f, a, t - HOURS (2), "Prefers mornings");
  add_note (f, a, t - HOURS (50), "Plans a move");
  f->now = t;

  {
    LiaTimelineFilter filter = {
      .kinds = 1u << LIA_EVENT_KIND_INCIDENT | 1u << LIA_EVENT_KIND_REQUEST,
      .statuses = 1u << LIA_EVENT_STATUS_OPEN,
      .show_system = TRUE,
    };
    const gint64 expected[] = { open_incidents[0], open_incidents[1], open_incidents[2],
                                requests[0], requests[1] };

    assert_events (f, &filter, expected, G_N_ELEMENTS (expected), "open incidents and requests");
  }
  {
    LiaTimelineFilter filter = { .kinds = 1u << LIA_EVENT_KIND_CALL };
    const gint64 expected[] = { call };

    assert_events (f, &filter, expected, 1, "calls");
  }
  {
    LiaTimelineFilter filter = { .statuses = 1u << LIA_EVENT_STATUS_IN_PROGRESS };

    assert_events (f, &filter, busy, 2, "in progress");
  }
  {
    LiaTimelineFilter filter = { .kinds = 1u << LIA_EVENT_KIND_MAINTENANCE,
                                 .statuses = 1u << LIA_EVENT_STATUS_OPEN };
    const gint64 expected[] = { maintenance };

    assert_events (f, &filter, expected, 1, "open maintenance");
  }
  {
    /* No filter: all nine events and both notes. */
    g_autoptr(LiaTimeline) timeline = timeline_with (f, NULL);

    g_assert_cmpuint (load_all (timeline), ==, 11);
  }
}

static void
test_filter_account_portfolio (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 g = create_account (f, "Granite Group", t - DAYS (30));
  gint64 s = create_account (f, "Granite North", t - DAYS (30));
  gint64 site = create_account (f, "Granite North Site", t - DAYS (30));
  gint64 x = create_account (f, "Standalone", t - DAYS (30));
  gint64 se[3], te[1], xe[4];

  f->now = t - DAYS (29);
  lia_test_move_under (f->book, s, g);
  lia_test_move_under (f->book, site, s);

  for (guint i = 0; i < 2; i++) add_incident (f, g, t - HOURS (i + 1));
  for (guint i = 0; i < 3; i++) se[i] = add_incident (f, s, t - HOURS (i + 1));
  for (guint i = 0; i < 1; i++) te[i] = add_incident (f, site, t - HOURS (i + 1));
  for (guint i = 0; i < 4; i++) xe[i] = add_incident (f, x, t - HOURS (i + 1));
  add_note (f, g, t - HOURS (5), "Group note");
  add_note (f, s, t - HOURS (5), "Subsidiary note");
  add_note (f, x, t - HOURS (5), "Standalone note");
  lia_test_set_status_at (f->book, &f->now, se[0], LIA_EVENT_STATUS_IN_PROGRESS, t - MINUTES (30));
  lia_test_set_status_at (f->book, &f->now, te[0], LIA_EVENT_STATUS_WAITING, t - MINUTES (20));
  lia_test_set_status_at (f->book, &f->now, xe[0], LIA_EVENT_STATUS_IN_PROGRESS, t - MINUTES (10));
  f->now = t;

  {
  const struct { gint64 account; gboolean subs; guint events, notes; } cases[] = {
    { g, FALSE, 2, 1 },
    { g, TRUE, 6, 2 },
    { s, TRUE, 4, 1 },
    { x, FALSE, 4, 1 },
    { 0, FALSE, 10, 3 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      LiaTimelineFilter filter = { .account_id = cases[k].account, .with_subsidiaries = cases[k].subs };
      g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);
      g_autoptr(GPtrArray) items = all_items (timeline);
      Census c;

      census_take (&c, items);
      g_assert_cmpuint (c.n[LIA_TIMELINE_ITEM_EVENT], ==, cases[k].events);
      g_assert_cmpuint (c.n[LIA_TIMELINE_ITEM_NOTE], ==, cases[k].notes);
      g_assert_cmpuint (items->len, ==, cases[k].events + cases[k].notes);
      census_clear (&c);
      for (guint i = 0; i < items->len; i++)
        {
          gint64 owner = lia_timeline_item_get_account_id (items->pdata[i]);

          if (cases[k].account == g && !cases[k].subs)
            g_assert_cmpint (owner, ==, g);
          else if (cases[k].account == g)
            g_assert_true (owner == g || owner == s || owner == site);
          else if (cases[k].account == s)
            g_assert_true (owner == s || owner == site);
          else if (cases[k].account == x)
            g_assert_cmpint (owner, ==, x);
          g_assert_nonnull (lia_timeline_item_get_account_name (items->pdata[i]));
        }
    }
  }

  /* The whole group with its system lane: G's, S's and the site's status
   * changes (2) and audit lines. */
  {
    LiaTimelineFilter filter = { .account_id = g, .with_subsidiaries = TRUE, .show_system = TRUE };
    g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);
    g_autoptr(GPtrArray) items = all_items (timeline);
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM audit_log WHERE account_id IN"
                                            " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                            g, s, site);
    g_autoptr(GHashTable) audit = sql_ids (f, sql);
    Census c;

    census_take (&c, items);
    g_assert_cmpuint (c.n[LIA_TIMELINE_ITEM_STATUS_CHANGE], ==, 2);
    g_assert_cmpuint (g_hash_table_size (audit), >, 0);
    assert_same_ids (c.seen[LIA_TIMELINE_ITEM_AUDIT], audit, "the group's audit lines");
    g_assert_cmpuint (items->len, ==, 8 + 2 + g_hash_table_size (audit));
    census_clear (&c);
  }
  g_assert_no_error (error);
}

static void
test_filter_performer (Fixture       *f,
                       gconstpointer  data)
{
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 a = create_account (f, "Acme", t - DAYS (10));
  gint64 fixit = lia_test_add_vendor (f->book, "FixIt Services", NULL);
  gint64 other = lia_test_add_vendor (f->book, "Other Contractors", NULL);
  gint64 by_ivo[2], by_fixit[3];

  for (guint i = 0; i < 2; i++)
    by_ivo[i] = add_event (f, a, LIA_EVENT_KIND_INCIDENT, t - HOURS (i + 1), f->ivo, 0, "Ivo's", NULL);
  for (guint i = 0; i < 3; i++)
    by_fixit[i] = add_event (f, a, LIA_EVENT_KIND_MAINTENANCE, t - HOURS (i + 5), 0, fixit, "FixIt's", NULL);
  add_event (f, a, LIA_EVENT_KIND_INCIDENT, t - HOURS (10), f->alice, 0, "Alice's", NULL);
  add_event (f, a, LIA_EVENT_KIND_INCIDENT, t - HOURS (11), 0, other, "Other's", NULL);
  add_event (f, a, LIA_EVENT_KIND_INCIDENT, t - HOURS (12), 0, 0, "Nobody's", NULL);
  add_note (f, a, t - HOURS (3), "A note");
  f->now = t;

  {
    LiaTimelineFilter filter = { .staff_id = f->ivo };
    g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);
    g_autoptr(GPtrArray) items = all_items (timeline);
    g_autoptr(GHashTable) got = event_ids_of (items);
    g_autoptr(GHashTable) want = id_set (by_ivo, 2);

    assert_same_ids (got, want, "Ivo's");
    for (guint i = 0; i < items->len; i++)
      {
        g_assert_cmpstr (lia_timeline_item_get_performer (items->pdata[i]), ==, "Ivo Brandt");
        g_assert_false (lia_timeline_item_get_by_vendor (items->pdata[i]));
      }
  }
  {
    LiaTimelineFilter filter = { .vendor_id = fixit };
    g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);
    g_autoptr(GPtrArray) items = all_items (timeline);
    g_autoptr(GHashTable) got = event_ids_of (items);
    g_autoptr(GHashTable) want = id_set (by_fixit, 3);

    assert_same_ids (got, want, "FixIt's");
    for (guint i = 0; i < items->len; i++)
      {
        g_assert_cmpstr (lia_timeline_item_get_performer (items->pdata[i]), ==, "FixIt Services");
        g_assert_true (lia_timeline_item_get_by_vendor (items->pdata[i]));
      }
  }
  {
    /* Both at once: nothing is done by both. */
    LiaTimelineFilter filter = { .staff_id = f->ivo, .vendor_id = fixit };

    assert_events (f, &filter, NULL, 0, "Ivo and FixIt");
  }
}

/* SLA states at the book's "now", and again later with nothing written. */
static void
test_filter_sla (Fixture       *f,
                 gconstpointer  data)
{
  gint64 n = lia_test_berlin (6, 10, 12, 0);
  gint64 a = create_account (f, "Acme", n - DAYS (10));
  gint64 breached, late, at_risk, running, met, paused, none;

  breached = add_incident (f, a, n - HOURS (2));              /* unanswered for 2 h */
  late = add_incident (f, a, n - DAYS (1));
  lia_test_set_status_at (f->book, &f->now, late, LIA_EVENT_STATUS_RESOLVED, n - DAYS (1) + HOURS (5));
  at_risk = add_incident (f, a, n - MINUTES (55));            /* 5 of 60 min left */
  running = add_incident (f, a, n - MINUTES (10));
  met = add_incident (f, a, n - HOURS (3));
  lia_test_set_status_at (f->book, &f->now, met, LIA_EVENT_STATUS_RESOLVED, n - HOURS (3) + MINUTES (20));
  paused = add_incident (f, a, n - MINUTES (30));
  lia_test_set_status_at (f->book, &f->now, paused, LIA_EVENT_STATUS_IN_PROGRESS, n - MINUTES (25));
  lia_test_set_status_at (f->book, &f->now, paused, LIA_EVENT_STATUS_WAITING, n - MINUTES (20));
  none = add_event (f, a, LIA_EVENT_KIND_MAINTENANCE, n - HOURS (4), 0, 0, "Planned", NULL);
  add_note (f, a, n - HOURS (1), "Not an event");
  f->now = n;

  {
    LiaTimelineFilter filter = { .sla_states = 1u << LIA_SLA_STATE_BREACHED };
    const gint64 expected[] = { breached, late };

    assert_events (f, &filter, expected, 2, "breached");
  }
  {
    LiaTimelineFilter filter = { .sla_states = 1u << LIA_SLA_STATE_AT_RISK };
    const gint64 expected[] = { at_risk };

    assert_events (f, &filter, expected, 1, "at risk");
  }
  {
    LiaTimelineFilter filter = { .sla_states = 1u << LIA_SLA_STATE_MET };
    const gint64 expected[] = { met };

    assert_events (f, &filter, expected, 1, "met");
  }
  {
    LiaTimelineFilter filter = { .sla_states = 1u << LIA_SLA_STATE_BREACHED | 1u << LIA_SLA_STATE_AT_RISK };
    const gint64 expected[] = { breached, late, at_risk };

    assert_events (f, &filter, expected, 3, "breached or at risk");
  }

  /* Each item says its own state, the same as the event does. */
  {
    g_autoptr(LiaTimeline) timeline = timeline_with (f, NULL);
    g_autoptr(GPtrArray) items = all_items (timeline);
    const struct { gint64 id; LiaSlaState state; } expected[] = {
      { breached, LIA_SLA_STATE_BREACHED }, { late, LIA_SLA_STATE_BREACHED },
      { at_risk, LIA_SLA_STATE_AT_RISK }, { running, LIA_SLA_STATE_RUNNING },
      { met, LIA_SLA_STATE_MET }, { paused, LIA_SLA_STATE_PAUSED },
      { none, LIA_SLA_STATE_NONE },
    };
    guint checked = 0;

    for (guint i = 0; i < items->len; i++)
      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        if (lia_timeline_item_get_item_type (items->pdata[i]) == LIA_TIMELINE_ITEM_EVENT &&
            lia_timeline_item_get_id (items->pdata[i]) == expected[k].id)
          {
            g_assert_cmpint (lia_timeline_item_get_sla_state (items->pdata[i]), ==, expected[k].state);
            checked++;
          }
    g_assert_cmpuint (checked, ==, G_N_ELEMENTS (expected));
  }

  /* Ten minutes later the one at risk is breached; 38 min later still
   * the one that was running has used 48 min and 1 s of its 60: at risk. */
  f->now = n + MINUTES (10);
  {
    LiaTimelineFilter filter = { .sla_states = 1u << LIA_SLA_STATE_BREACHED };
    const gint64 expected[] = { breached, late, at_risk };

    assert_events (f, &filter, expected, 3, "breached later");
  }
  f->now = n + MINUTES (38) + 1;   /* running: 48 min 1 s used */
  {
    LiaTimelineFilter filter = { .sla_states = 1u << LIA_SLA_STATE_AT_RISK };
    const gint64 expected[] = { running };

    assert_events (f, &filter, expected, 1, "at risk later");
  }
}

static void
test_filter_date_range (Fixture       *f,
                        gconstpointer  data)
{
  gint64 from = lia_test_berlin (6, 1, 0, 0);
  gint64 to = lia_test_berlin (6, 8, 0, 0);
  gint64 a = create_account (f, "Acme", from - DAYS (30));
  gint64 inside[3];

  add_incident (f, a, from - 1);
  inside[0] = add_incident (f, a, from);
  inside[1] = add_incident (f, a, from + HOURS (1));
  inside[2] = add_incident (f, a, to - 1);
  add_incident (f, a, to);
  add_note (f, a, from - 1, "Before");
  add_note (f, a, from, "First");
  add_note (f, a, to - 1, "Last");
  add_note (f, a, to, "After");
  f->now = to + DAYS (1);

  {
    LiaTimelineFilter filter = { .from = from, .to = to };
    g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);
    g_autoptr(GPtrArray) items = all_items (timeline);
    g_autoptr(GHashTable) want = id_set (inside, 3);
    Census c;

    census_take (&c, items);
    g_assert_cmpuint (c.n[LIA_TIMELINE_ITEM_EVENT], ==, 3);
    g_assert_cmpuint (c.n[LIA_TIMELINE_ITEM_NOTE], ==, 2);
    assert_same_ids (c.seen[LIA_TIMELINE_ITEM_EVENT], want, "events in range");
    for (guint i = 0; i < items->len; i++)
      {
        gint64 time = lia_timeline_item_get_time (items->pdata[i]);
        g_assert_true (time >= from && time < to);
      }
    census_clear (&c);
  }
  {
    /* Open at one end. */
    LiaTimelineFilter filter = { .to = from + 1 };
    g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);

    g_assert_cmpuint (load_all (timeline), ==, 4);   /* two events, two notes */
  }
}

static void
test_filter_search (Fixture       *f,
                    gconstpointer  data)
{
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 a = create_account (f, "Acme", t - DAYS (10));
  gint64 boiler, printer, roof;
  const char * const odd[] = { "\"", "AND", "*", "-", "(", "NEAR(", "boiler\"", "a:b", "'" };

  boiler = add_event (f, a, LIA_EVENT_KIND_INCIDENT, t - HOURS (1), 0, 0, "Boiler pressure drop",
                      "Replaced the relief valve");
  printer = add_event (f, a, LIA_EVENT_KIND_REQUEST, t - HOURS (2), 0, 0, "Printer jam at the Zürich office", NULL);
  roof = add_event (f, a, LIA_EVENT_KIND_MAINTENANCE, t - HOURS (3), 0, 0, "Roof inspection",
                    "Contractor O'Brien booked");
  add_note (f, a, t - HOURS (4), "Boiler room is locked after 18:00");
  f->now = t;

  {
    const struct { const char *text; gint64 id; } found[] = {
      { "valve", boiler },          /* in the details */
      { "boil", boiler },           /* a prefix, as typed */
      { "PRESSURE valve", boiler }, /* every word, any case */
      { "zurich", printer },        /* diacritics folded */
      { "Zürich", printer },
      { "o'brien", roof },
      { "inspect", roof },
    };

    for (guint i = 0; i < G_N_ELEMENTS (found); i++)
      {
        LiaTimelineFilter filter = { .search = found[i].text, .show_system = TRUE };

        assert_events (f, &filter, &found[i].id, 1, found[i].text);
      }
  }
  {
    LiaTimelineFilter filter = { .search = "boiler leak" };

    assert_events (f, &filter, NULL, 0, "boiler leak");
  }
  {
    /* The filter keeps its own copy of the text. */
    g_autofree char *text = g_strdup ("valve");
    LiaTimelineFilter filter = { .search = text }, got;
    g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);

    text[0] = 'X';
    lia_timeline_get_filter (timeline, &got);
    g_assert_cmpstr (got.search, ==, "valve");
    g_assert_cmpuint (load_all (timeline), ==, 1);
  }

  /* What FTS5 would read as syntax is taken as text: never an error. */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      LiaTimelineFilter filter = { .search = odd[i] };
      g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);

      g_test_message ("searching %s: %u rows", odd[i], load_all (timeline));
    }
}

/* Status changes and audit entries only with the system lane; event-only
 * filters leave out notes and the system lane. */
static void
test_filter_system_lane (Fixture       *f,
                         gconstpointer  data)
{
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 a = create_account (f, "Acme", t - DAYS (10));
  gint64 other = create_account (f, "Other", t - DAYS (10));
  gint64 e[3];
  g_autofree char *sql = NULL;
  g_autoptr(GHashTable) audit = NULL;
  g_autoptr(GHashTable) changes = NULL;

  for (guint i = 0; i < 3; i++)
    e[i] = add_incident (f, a, t - HOURS (10 - i));
  add_incident (f, other, t - HOURS (3));
  lia_test_set_status_at (f->book, &f->now, e[0], LIA_EVENT_STATUS_IN_PROGRESS, t - HOURS (5));
  lia_test_set_status_at (f->book, &f->now, e[0], LIA_EVENT_STATUS_RESOLVED, t - HOURS (4));
  lia_test_set_status_at (f->book, &f->now, e[1], LIA_EVENT_STATUS_WAITING, t - HOURS (3));
  lia_test_set_status_at (f->book, &f->now, e[2], LIA_EVENT_STATUS_CLOSED, t - HOURS (2));
  add_note (f, a, t - HOURS (1), "Note one");
  add_note (f, a, t - MINUTES (30), "Note two");
  f->now = t;

  sql = g_strdup_printf ("SELECT id FROM audit_log WHERE account_id = %" G_GINT64_FORMAT, a);
  audit = sql_ids (f, sql);
  g_assert_cmpuint (g_hash_table_size (audit), >, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT h.id FROM event_status_history h JOIN events e ON e.id = h.event_id"
                         " WHERE e.account_id = %" G_GINT64_FORMAT " AND h.from_status IS NOT NULL", a);
  changes = sql_ids (f, sql);
  g_assert_cmpuint (g_hash_table_size (changes), ==, 4);

  {
    LiaTimelineFilter filter = { .account_id = a };
    g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);
    g_autoptr(GPtrArray) items = all_items (timeline);

    g_assert_cmpuint (items->len, ==, 5);
    for (guint i = 0; i < items->len; i++)
      g_assert_false (lia_timeline_item_is_system (items->pdata[i]));
  }
  {
    LiaTimelineFilter filter = { .account_id = a, .show_system = TRUE };
    g_autoptr(LiaTimeline) timeline = timeline_with (f, &filter);
    g_autoptr(GPtrArray) items = all_items (timeline);
    Census c;

    census_take (&c, items);
    g_assert_cmpuint (items->len, ==, 5 + 4 + g_hash_table_size (audit));
    assert_same_ids (c.seen[LIA_TIMELINE_ITEM_STATUS_CHANGE], changes, "status changes");
    assert_same_ids (c.seen[LIA_TIMELINE_ITEM_AUDIT], audit, "audit entries");
    census_clear (&c);
    assert_order (items);

    for (guint i = 0; i < items->len; i++)
      {
        LiaTimelineItem *item = items->pdata[i];
        LiaTimelineItemType type = lia_timeline_item_get_item_type (item);

        g_assert_cmpint (lia_timeline_item_is_system (item), ==,
                         type == LIA_TIMELINE_ITEM_STATUS_CHANGE || type == LIA_TIMELINE_ITEM_AUDIT);
        if (type == LIA_TIMELINE_ITEM_STATUS_CHANGE && lia_timeline_item_get_event_id (item) == e[1])
          {
            g_assert_cmpstr (lia_timeline_item_get_old_value (item), ==, "open");
            g_assert_cmpstr (lia_timeline_item_get_new_value (item), ==, "waiting");
            g_assert_cmpint (lia_timeline_item_get_time (item), ==, t - HOURS (3));
            g_assert_cmpstr (lia_timeline_item_get_performer (item), ==, "Test Actor");
          }
      }
  }
  {
    LiaTimelineFilter filter = { .account_id = a, .show_system = TRUE,
                                 .kinds = 1u << LIA_EVENT_KIND_INCIDENT };

    assert_events (f, &filter, e, 3, "incidents only");
  }
}

/* --- items-changed --- */

typedef struct
{
  guint n;          /* the model's length as the signals tell it */
  guint emissions;
  guint position, removed, added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *c)
{
  g_assert_cmpuint (position + removed, <=, c->n);
  c->n = c->n - removed + added;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, c->n);
  c->emissions++;
  c->position = position;
  c->removed = removed;
  c->added = added;
}

static void
free_changes (gpointer  data,
              GClosure *closure)
{
  g_free (data);
}

static Changes *
watch (LiaTimeline *timeline)
{
  Changes *c = g_new0 (Changes, 1);

  c->n = g_list_model_get_n_items (G_LIST_MODEL (timeline));
  g_signal_connect_data (timeline, "items-changed", G_CALLBACK (on_items_changed), c,
                         free_changes, 0);
  return c;
}

static gboolean
contains (LiaTimeline         *timeline,
          LiaTimelineItemType  type,
          gint64               id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (timeline));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaTimelineItem) item = item_at (timeline, i);

      if (lia_timeline_item_get_item_type (item) == type && lia_timeline_item_get_id (item) == id)
        return TRUE;
    }
  return FALSE;
}

static void
test_items_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaTimeline) timeline = NULL;
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 a = create_account (f, "Acme", t - DAYS (10));
  gint64 b = create_account (f, "Bravo", t - DAYS (10));
  gint64 fresh;
  Changes *c;

  for (guint i = 0; i < 300; i++)
    add_incident (f, a, t - MINUTES (i + 10));
  f->now = t;

  timeline = timeline_with (f, NULL);
  c = watch (timeline);
  g_assert_cmpuint (c->n, ==, LIA_TIMELINE_PAGE_SIZE);

  /* A page more: one signal, appended at the end. */
  g_assert_true (lia_timeline_load_more (timeline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c->emissions, ==, 1);
  g_assert_cmpuint (c->position, ==, LIA_TIMELINE_PAGE_SIZE);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, LIA_TIMELINE_PAGE_SIZE);

  /* A new event: the timeline shows it first. */
  fresh = add_incident (f, a, t - MINUTES (1));
  f->now = t;
  g_assert_cmpuint (c->emissions, >=, 2);
  {
    g_autoptr(LiaTimelineItem) first = item_at (timeline, 0);

    g_assert_cmpint (lia_timeline_item_get_item_type (first), ==, LIA_TIMELINE_ITEM_EVENT);
    g_assert_cmpint (lia_timeline_item_get_id (first), ==, fresh);
  }

  /* A refused write says nothing. */
  {
    g_autoptr(LiaEvent) draft = lia_event_new (a, LIA_EVENT_KIND_INCIDENT, "In the future");
    guint before = c->emissions;

    lia_event_set_opened_at (draft, t + HOURS (1));
    g_assert_false (lia_event_repository_add (f->events, draft, &error));
    g_clear_error (&error);
    g_assert_cmpuint (c->emissions, ==, before);
  }

  /* A new filter: one signal replacing everything. */
  {
    LiaTimelineFilter filter = { .account_id = b };
    guint before = c->emissions, old_n = c->n;

    lia_timeline_set_filter (timeline, &filter);
    g_assert_cmpuint (c->emissions, ==, before + 1);
    g_assert_cmpuint (c->position, ==, 0);
    g_assert_cmpuint (c->removed, ==, old_n);
    g_assert_cmpuint (c->added, ==, 0);
  }
}

/* A note written on the account shown appears, as events do. */
static void
test_items_changed_note (Fixture       *f,
                         gconstpointer  data)
{
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 a = create_account (f, "Acme", t - DAYS (10));
  LiaTimelineFilter filter = { .account_id = a };
  g_autoptr(LiaTimeline) timeline = NULL;
  g_autoptr(GHashTable) notes = NULL;
  Changes *c;

  for (guint i = 0; i < 5; i++)
    add_incident (f, a, t - MINUTES (i + 10));
  f->now = t;
  timeline = timeline_with (f, &filter);
  c = watch (timeline);
  g_assert_cmpuint (c->n, ==, 5);

  add_note (f, a, t, "Wants a call back on Monday");
  f->now = t;
  notes = sql_ids (f, "SELECT id FROM account_notes");
  g_assert_cmpuint (g_hash_table_size (notes), ==, 1);
  g_assert_cmpuint (c->emissions, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 6);
  {
    g_autoptr(LiaTimelineItem) first = item_at (timeline, 0);

    g_assert_cmpint (lia_timeline_item_get_item_type (first), ==, LIA_TIMELINE_ITEM_NOTE);
  }
}

/* An event moved from A to B leaves A's timeline and joins B's. */
static void
test_items_changed_moved (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 t = lia_test_berlin (6, 10, 12, 0);
  gint64 a = create_account (f, "Acme", t - DAYS (10));
  gint64 b = create_account (f, "Bravo", t - DAYS (10));
  LiaTimelineFilter filter_a = { .account_id = a }, filter_b = { .account_id = b };
  g_autoptr(LiaTimeline) only_a = NULL;
  g_autoptr(LiaTimeline) only_b = NULL;
  g_autoptr(LiaEvent) event = NULL;
  gint64 moving;
  Changes *ca, *cb;

  add_incident (f, a, t - HOURS (2));
  moving = add_incident (f, a, t - HOURS (1));
  add_incident (f, b, t - HOURS (3));
  f->now = t;

  only_a = timeline_with (f, &filter_a);
  only_b = timeline_with (f, &filter_b);
  ca = watch (only_a);
  cb = watch (only_b);
  g_assert_cmpuint (ca->n, ==, 2);
  g_assert_cmpuint (cb->n, ==, 1);
  g_assert_true (contains (only_a, LIA_TIMELINE_ITEM_EVENT, moving));

  event = lia_event_repository_lookup (f->events, moving, &error);
  g_assert_no_error (error);
  lia_event_set_account_id (event, b);
  g_assert_true (lia_event_repository_update (f->events, event, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT account_id FROM events WHERE id = %" G_GINT64_FORMAT,
                                          moving), ==, b);

  g_assert_true (contains (only_b, LIA_TIMELINE_ITEM_EVENT, moving));
  g_assert_cmpuint (cb->n, ==, 2);
  g_assert_false (contains (only_a, LIA_TIMELINE_ITEM_EVENT, moving));
  g_assert_cmpuint (ca->n, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks GLib for the local zone. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/timeline/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("paging/same-second", test_paging_same_second);
  ADD ("paging/day-headers", test_paging_day_headers);
  ADD ("paging/memory-bound", test_paging_memory_bound);
  ADD ("filter/kind-status", test_filter_kind_status);
  ADD ("filter/account-portfolio", test_filter_account_portfolio);
  ADD ("filter/performer", test_filter_performer);
  ADD ("filter/sla", test_filter_sla);
  ADD ("filter/date-range", test_filter_date_range);
  ADD ("filter/search", test_filter_search);
  ADD ("filter/system-lane", test_filter_system_lane);
  ADD ("items-changed/pages-and-writes", test_items_changed);
  ADD ("items-changed/note-added", test_items_changed_note);
  ADD ("items-changed/event-moved", test_items_changed_moved);

#undef ADD

  return g_test_run ();
}
