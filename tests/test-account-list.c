/* test-account-list.c — the lazy account list: order, paging, filters and
 * precise items-changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-account-list.h"
#include "lia-account-repository.h"
#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-database-private.h"
#include "lia-enum-types.h"

#include "test-book.h"

#define N_ACCOUNTS 3000
#define NOW        1700000000
#define DAY        86400
#define MAX_CACHED (LIA_ACCOUNT_LIST_PAGE_SIZE * LIA_ACCOUNT_LIST_MAX_PAGES)

/* 23 names in three spellings each: about 130 accounts share each name
 * (ignoring case), so every page boundary falls inside a run of equals. */
static const char * const base_names[] = {
  "Alder Foods", "Aurora Energy", "Blue Harbor", "Brightwater", "Calloway", "Cobalt Motors",
  "Copperfield", "Falkner", "Granite Works", "Harrow", "Ironbridge", "Juniper",
  "Kestrel", "Lakeshore", "Marlowe", "Meridian", "Nordhavn", "Oakhurst", "Pinecrest",
  "Quayside", "Sable", "Summit", "Zephyr",
};

static const char * const segments[] = {
  "individual", "small-business", "corporate", "key-account", "public-sector",
};

/* What the test knows about each account, independently of the list. */
typedef struct
{
  gint64           id;
  char            *name;
  const char      *segment;
  LiaAccountState  state;
  gint64           manager;   /* 0: none */
  gint64           verified;  /* 0: never */
} Known;

typedef struct
{
  char           *dir;
  LiaBook        *book;
  GArray         *known;      /* of Known */
  gint64          managers[3];
  gint64          now;
} Fixture;

static void
known_clear (gpointer data)
{
  g_free (((Known *)data)->name);
}

static char *
spelling (guint i)
{
  const char *base = base_names[i % G_N_ELEMENTS (base_names)];

  switch ((i / G_N_ELEMENTS (base_names)) % 3)
    {
    case 0: return g_strdup (base);
    case 1: return g_ascii_strdown (base, -1);
    default: return g_ascii_strup (base, -1);
    }
}

static gint64
verified_for (guint i)
{
  switch (i % 10)
    {
    case 0: return 0;                           /* never */
    case 1: return NOW - 180 * DAY;             /* exactly on the boundary */
    case 2: return NOW - 180 * DAY - 1;         /* one second past it */
    default: return NOW - (gint64)((i * 37) % 400) * DAY;
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LiaDatabase *db;

  f->now = NOW;
  f->book = lia_test_book_new (&f->dir, NULL, &f->now, NULL);

  for (guint m = 0; m < G_N_ELEMENTS (f->managers); m++)
    {
      g_autofree char *name = g_strdup_printf ("Manager %u", m);
      g_assert_true (lia_book_add_staff (f->book, name, LIA_STAFF_ROLE_ACCOUNT_MANAGER,
                                         NULL, &f->managers[m], &error));
    }

  f->known = g_array_new (FALSE, TRUE, sizeof (Known));
  g_array_set_clear_func (f->known, known_clear);

  /* Straight into the store, in one transaction: quick, and the list
   * under test is made afterwards. */
  db = lia_book_get_database (f->book);
  g_assert_true (lia_database_begin (db, &error));
  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      g_autofree char *number = g_strdup_printf ("L-%05u", i);
      Known k = {
        .name = spelling (i),
        .segment = segments[i % G_N_ELEMENTS (segments)],
        .state = (i / 7) % 6,
        .manager = i % 4 == 0 ? 0 : f->managers[i % 3],
        .verified = verified_for (i),
      };
      LiaAccountValues values = {
        .number = number, .name = k.name, .segment_id = k.segment,
        .state = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, k.state),
        .manager_id = k.manager, .created_at = NOW - 1000 * DAY, .updated_at = NOW - 1000 * DAY,
        .last_verified_at = k.verified,
      };

      g_assert_true (lia_account_store_insert (db, &values, &k.id, &error));
      g_array_append_val (f->known, k);
    }
  g_assert_true (lia_database_commit (db, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->known, g_array_unref);
  lia_test_book_close (&f->book, &f->dir, NULL);
}

/* The filters a list can have, as the test understands them. */
typedef struct
{
  const char *segment;
  int         state;           /* -1: any but closed (unless include_closed) */
  gboolean    include_closed;
  gint64      manager;         /* 0 any, -1 none */
  guint       due_days;
} Filter;

static gboolean
matches (const Known  *k,
         const Filter *filter,
         gint64        now)
{
  if (filter->segment && g_strcmp0 (k->segment, filter->segment) != 0)
    return FALSE;
  if (filter->state >= 0 && k->state != (LiaAccountState)filter->state)
    return FALSE;
  if (filter->state < 0 && !filter->include_closed && k->state == LIA_ACCOUNT_STATE_CLOSED)
    return FALSE;
  if (filter->manager > 0 && k->manager != filter->manager)
    return FALSE;
  if (filter->manager < 0 && k->manager != 0)
    return FALSE;
  /* Due: never verified, or longer ago than the number of days. */
  if (filter->due_days > 0 && k->verified != 0 &&
      now - k->verified <= (gint64)filter->due_days * DAY)
    return FALSE;
  return TRUE;
}

/* SQLite's NOCASE folds ASCII only, as g_ascii_strcasecmp does. */
static int
compare_known (gconstpointer a,
               gconstpointer b)
{
  const Known *ka = *(const Known * const *)a;
  const Known *kb = *(const Known * const *)b;
  int c = g_ascii_strcasecmp (ka->name, kb->name);

  if (c != 0)
    return c;
  return ka->id < kb->id ? -1 : ka->id > kb->id;
}

/* The ids the list should show, in the order it should show them. */
static GArray *
expected_ids (Fixture      *f,
              const Filter *filter)
{
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < f->known->len; i++)
    {
      Known *k = &g_array_index (f->known, Known, i);
      if (matches (k, filter, f->now))
        g_ptr_array_add (picked, k);
    }
  g_ptr_array_sort (picked, compare_known);
  for (guint i = 0; i < picked->len; i++)
    g_array_append_val (ids, ((Known *)g_ptr_array_index (picked, i))->id);
  return ids;
}

static Known *
find_known (Fixture *f,
            gint64   id)
{
  for (guint i = 0; i < f->known->len; i++)
    if (g_array_index (f->known, Known, i).id == id)
      return &g_array_index (f->known, Known, i);
  g_assert_not_reached ();
}

static LiaAccountList *
make_list (Fixture      *f,
           const Filter *filter)
{
  LiaAccountList *list = lia_account_list_new (f->book);

  lia_account_list_set_include_closed (list, filter->include_closed);
  lia_account_list_set_segment_id (list, filter->segment);
  lia_account_list_set_state_filter (list, filter->state);
  lia_account_list_set_manager_id (list, filter->manager);
  lia_account_list_set_due_days (list, filter->due_days);
  return list;
}

static gint64
id_at (LiaAccountList *list,
       guint           position)
{
  g_autoptr(LiaAccount) account = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (account);
  g_assert_cmpuint (lia_account_list_get_n_cached (list), <=, MAX_CACHED);
  return lia_account_get_id (account);
}

/* Walks the whole list front to back and checks every position. */
static void
assert_walk (LiaAccountList *list,
             GArray         *expected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n, ==, expected->len);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = id_at (list, i);

      if (id != g_array_index (expected, gint64, i))
        g_error ("position %u holds account %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 i, id, g_array_index (expected, gint64, i));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
}

/* Every account exactly once, in (name ignoring case, id) order, across
 * page boundaries that fall among equal names. */
static void
test_walk (Fixture       *f,
           gconstpointer  data)
{
  Filter all = { .state = -1, .include_closed = TRUE };
  Filter open = { .state = -1 };
  g_autoptr(GArray) expected_all = expected_ids (f, &all);
  g_autoptr(GArray) expected_open = expected_ids (f, &open);
  g_autoptr(LiaAccountList) list = make_list (f, &all);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n;

  g_assert_cmpuint (expected_all->len, ==, N_ACCOUNTS);
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (list)), ==, LIA_TYPE_ACCOUNT);
  assert_walk (list, expected_all);

  /* Each exactly once (the order check implies it; this says it plainly). */
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      gint64 *id = g_new (gint64, 1);
      *id = id_at (list, i);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
    }

  /* Equal names really straddle pages in this book. */
  {
    g_autoptr(LiaAccount) last = g_list_model_get_item (G_LIST_MODEL (list), LIA_ACCOUNT_LIST_PAGE_SIZE - 1);
    g_autoptr(LiaAccount) next = g_list_model_get_item (G_LIST_MODEL (list), LIA_ACCOUNT_LIST_PAGE_SIZE);
    g_assert_cmpint (g_ascii_strcasecmp (lia_account_get_name (last), lia_account_get_name (next)), ==, 0);
  }

  g_clear_object (&list);
  list = make_list (f, &open);
  g_assert_cmpuint (expected_open->len, <, N_ACCOUNTS);
  assert_walk (list, expected_open);
}

/* Jumps (by OFFSET) and walks (by keyset) agree with each other. */
static void
test_random_access (Fixture       *f,
                    gconstpointer  data)
{
  Filter all = { .state = -1, .include_closed = TRUE };
  g_autoptr(GArray) expected = expected_ids (f, &all);
  g_autoptr(LiaAccountList) list = make_list (f, &all);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint n = expected->len;

  for (guint i = 0; i < 400; i++)
    {
      guint position = g_rand_int_range (rand, 0, n);
      g_assert_cmpint (id_at (list, position), ==, g_array_index (expected, gint64, position));
    }

  /* Backwards: every page is read by jumping. */
  for (guint i = n; i-- > 0;)
    g_assert_cmpint (id_at (list, i), ==, g_array_index (expected, gint64, i));

  /* A jump into the middle, then a walk on from there. */
  {
    g_autoptr(LiaAccountList) fresh = make_list (f, &all);

    for (guint i = 1500; i < MIN (n, 1500 + 5 * LIA_ACCOUNT_LIST_PAGE_SIZE); i++)
      g_assert_cmpint (id_at (fresh, i), ==, g_array_index (expected, gint64, i));
    /* And the last row, then the first. */
    g_assert_cmpint (id_at (fresh, n - 1), ==, g_array_index (expected, gint64, n - 1));
    g_assert_cmpint (id_at (fresh, 0), ==, g_array_index (expected, gint64, 0));
  }

  /* find() agrees with the walk. */
  for (guint i = 0; i < 50; i++)
    {
      guint position = g_rand_int_range (rand, 0, n);
      g_assert_cmpuint (lia_account_list_find (list, g_array_index (expected, gint64, position)), ==, position);
    }
}

static void
check_filter (Fixture      *f,
              const Filter *filter)
{
  g_autoptr(GArray) expected = expected_ids (f, filter);
  g_autoptr(LiaAccountList) list = make_list (f, filter);

  g_test_message ("segment %s, state %d, closed %d, manager %" G_GINT64_FORMAT ", due %u: %u accounts",
                  filter->segment, filter->state, filter->include_closed, filter->manager,
                  filter->due_days, expected->len);
  g_assert_cmpuint (expected->len, >, 0);
  assert_walk (list, expected);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  for (guint s = 0; s < G_N_ELEMENTS (segments); s++)
    {
      check_filter (f, &(Filter) { .segment = segments[s], .state = -1 });
      check_filter (f, &(Filter) { .segment = segments[s], .state = -1, .include_closed = TRUE });
    }

  for (int state = LIA_ACCOUNT_STATE_PROSPECT; state <= LIA_ACCOUNT_STATE_CLOSED; state++)
    check_filter (f, &(Filter) { .state = state });

  for (guint m = 0; m < G_N_ELEMENTS (f->managers); m++)
    check_filter (f, &(Filter) { .state = -1, .manager = f->managers[m] });
  check_filter (f, &(Filter) { .state = -1, .manager = -1 });
  check_filter (f, &(Filter) { .state = -1, .manager = -1, .include_closed = TRUE });

  check_filter (f, &(Filter) { .state = -1, .due_days = 180 });
  check_filter (f, &(Filter) { .state = -1, .due_days = 30, .include_closed = TRUE });
  check_filter (f, &(Filter) { .segment = "corporate", .state = LIA_ACCOUNT_STATE_ACTIVE,
                               .manager = f->managers[1], .due_days = 90 });
}

/* The due-for-update filter and lia_account_is_due_for_update() draw the
 * line at the same second, and the list follows the injected clock. */
static void
test_due_boundary (Fixture       *f,
                   gconstpointer  data)
{
  Filter due = { .state = -1, .include_closed = TRUE, .due_days = 180 };
  g_autoptr(LiaAccountList) list = make_list (f, &due);
  LiaAccountRepository *repo = lia_book_get_accounts (f->book);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint on_boundary = 0, past_boundary = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAccount) account = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (lia_account_is_due_for_update (account, f->now, 180));
      on_boundary += lia_account_get_last_verified_at (account) == NOW - 180 * DAY;
      past_boundary += lia_account_get_last_verified_at (account) == NOW - 180 * DAY - 1;
    }
  g_assert_cmpuint (on_boundary, ==, 0);
  g_assert_cmpuint (past_boundary, >, 0);

  /* Every account not listed is not due. */
  for (guint i = 0; i < f->known->len; i++)
    {
      Known *k = &g_array_index (f->known, Known, i);
      g_autoptr(LiaAccount) account = lia_account_repository_lookup (repo, k->id, NULL);
      gboolean listed = lia_account_list_find (list, k->id) != G_MAXUINT;

      g_assert_cmpint (listed, ==, lia_account_is_due_for_update (account, f->now, 180));
    }

  /* A second later the boundary accounts are due too. */
  f->now = NOW + 1;
  lia_account_list_reload (list);
  {
    g_autoptr(GArray) expected = expected_ids (f, &due);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
    g_assert_cmpuint (expected->len, >, n);
  }
}

/* --- items-changed --- */

typedef struct
{
  guint position, removed, added;
} Change;

typedef struct
{
  GArray *changes;   /* of Change */
  guint   n_items;   /* what the signals so far add up to */
} Recorder;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Recorder   *recorder)
{
  Change change = { position, removed, added };

  g_assert_cmpuint (position + removed, <=, recorder->n_items);
  recorder->n_items = recorder->n_items - removed + added;
  /* The model's length already agrees when the signal arrives. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, recorder->n_items);
  g_array_append_val (recorder->changes, change);
}

static void
assert_changes (Recorder     *recorder,
                const Change *expected,
                guint         n_expected)
{
  if (recorder->changes->len != n_expected)
    {
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint i = 0; i < recorder->changes->len; i++)
        {
          Change *c = &g_array_index (recorder->changes, Change, i);
          g_string_append_printf (got, " (%u,%u,%u)", c->position, c->removed, c->added);
        }
      g_error ("expected %u items-changed, got%s", n_expected, got->str);
    }

  for (guint i = 0; i < n_expected; i++)
    {
      Change *c = &g_array_index (recorder->changes, Change, i);

      g_assert_cmpuint (c->position, ==, expected[i].position);
      g_assert_cmpuint (c->removed, ==, expected[i].removed);
      g_assert_cmpuint (c->added, ==, expected[i].added);
    }
  g_array_set_size (recorder->changes, 0);
}

static guint
expected_position (GArray *ids,
                   gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

static void
test_items_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Filter open = { .state = -1 };
  g_autoptr(LiaAccountList) list = make_list (f, &open);
  g_autoptr(GArray) before = expected_ids (f, &open);
  g_autoptr(GArray) after = NULL;
  g_autoptr(LiaAccount) created = lia_account_new ();
  LiaAccountRepository *repo = lia_book_get_accounts (f->book);
  Recorder recorder = { g_array_new (FALSE, FALSE, sizeof (Change)),
                        g_list_model_get_n_items (G_LIST_MODEL (list)) };
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &recorder);
  /* Something on screen, as a view would have. */
  for (guint i = 1400; i < 1700; i++)
    id_at (list, i);

  /* Create: one row inserted where it sorts. */
  lia_account_set_number (created, "NEW-1");
  lia_account_set_name (created, "Kestrel");   /* lands inside a run of equals */
  lia_account_set_segment_id (created, "small-business");
  g_assert_true (lia_account_repository_create (repo, created, &error));
  g_assert_no_error (error);
  {
    Known k = { .id = lia_account_get_id (created), .name = g_strdup ("Kestrel"),
                .segment = "small-business", .state = LIA_ACCOUNT_STATE_PROSPECT };
    g_array_append_val (f->known, k);
  }
  after = expected_ids (f, &open);
  position = expected_position (after, lia_account_get_id (created));
  assert_changes (&recorder, &(Change) { position, 0, 1 }, 1);
  g_assert_cmpint (id_at (list, position), ==, lia_account_get_id (created));
  assert_walk (list, after);
  g_clear_pointer (&before, g_array_unref);
  before = g_steal_pointer (&after);

  /* Edit in place: the same row changes, and the new values show. */
  {
    g_autoptr(LiaAccount) account = NULL;
    g_autoptr(LiaAccount) shown = NULL;

    position = 1500;
    account = g_list_model_get_item (G_LIST_MODEL (list), position);
    lia_account_set_notes (account, "edited in place");
    lia_account_set_contract_value (account, 777);
    g_assert_true (lia_account_repository_save (repo, account, &error));
    g_assert_no_error (error);
    assert_changes (&recorder, &(Change) { position, 1, 1 }, 1);
    shown = g_list_model_get_item (G_LIST_MODEL (list), position);
    g_assert_cmpint (lia_account_get_id (shown), ==, lia_account_get_id (account));
    g_assert_cmpstr (lia_account_get_notes (shown), ==, "edited in place");
    g_assert_cmpint (lia_account_get_contract_value (shown), ==, 777);
  }

  /* Closing while closed accounts are hidden: the row goes. */
  {
    g_autoptr(LiaAccount) account = NULL;
    Known *k;

    for (position = 1450; position < 1700; position++)
      {
        g_clear_object (&account);
        account = g_list_model_get_item (G_LIST_MODEL (list), position);
        if (lia_account_get_state (account) == LIA_ACCOUNT_STATE_CLOSING)
          break;
      }
    g_assert_cmpint (lia_account_get_state (account), ==, LIA_ACCOUNT_STATE_CLOSING);

    g_assert_true (lia_account_repository_transition (repo, account, LIA_ACCOUNT_STATE_CLOSED,
                                                      "customer left", &error));
    g_assert_no_error (error);
    k = find_known (f, lia_account_get_id (account));
    k->state = LIA_ACCOUNT_STATE_CLOSED;
    assert_changes (&recorder, &(Change) { position, 1, 0 }, 1);
    after = expected_ids (f, &open);
    g_assert_cmpuint (after->len, ==, before->len - 1);
    assert_walk (list, after);
    g_clear_pointer (&before, g_array_unref);
    before = g_steal_pointer (&after);
  }

  /* A rename that moves the row: out of its old place, into its new one. */
  {
    g_autoptr(LiaAccount) account = NULL;
    guint new_position;
    Known *k;

    position = 1600;
    account = g_list_model_get_item (G_LIST_MODEL (list), position);
    lia_account_set_name (account, "Aardvark Moved");
    g_assert_true (lia_account_repository_save (repo, account, &error));
    g_assert_no_error (error);
    k = find_known (f, lia_account_get_id (account));
    g_free (k->name);
    k->name = g_strdup ("Aardvark Moved");
    after = expected_ids (f, &open);
    new_position = expected_position (after, lia_account_get_id (account));
    g_assert_cmpuint (new_position, ==, 0);
    assert_changes (&recorder, (Change[]) { { position, 1, 0 }, { new_position, 0, 1 } }, 2);
    assert_walk (list, after);
    g_clear_pointer (&before, g_array_unref);
    before = g_steal_pointer (&after);
  }

  g_assert_cmpuint (recorder.n_items, ==, g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_array_unref (recorder.changes);
}

/* With closed accounts shown, closing one changes its row in place; a
 * write to an account the list hides says nothing at all. */
static void
test_items_changed_shown_and_hidden (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Filter all = { .state = -1, .include_closed = TRUE };
  Filter corporate = { .segment = "corporate", .state = -1 };
  g_autoptr(LiaAccountList) list = make_list (f, &all);
  g_autoptr(LiaAccountList) narrow = make_list (f, &corporate);
  g_autoptr(LiaAccount) account = NULL;
  LiaAccountRepository *repo = lia_book_get_accounts (f->book);
  Recorder recorder = { g_array_new (FALSE, FALSE, sizeof (Change)),
                        g_list_model_get_n_items (G_LIST_MODEL (list)) };
  Recorder narrow_recorder = { g_array_new (FALSE, FALSE, sizeof (Change)),
                               g_list_model_get_n_items (G_LIST_MODEL (narrow)) };
  guint position;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &recorder);
  g_signal_connect (narrow, "items-changed", G_CALLBACK (on_items_changed_cb), &narrow_recorder);

  for (position = 0; position < 400; position++)
    {
      g_clear_object (&account);
      account = g_list_model_get_item (G_LIST_MODEL (list), position);
      if (lia_account_get_state (account) == LIA_ACCOUNT_STATE_CLOSING &&
          !g_str_equal (lia_account_get_segment_id (account), "corporate"))
        break;
    }
  g_assert_cmpint (lia_account_get_state (account), ==, LIA_ACCOUNT_STATE_CLOSING);
  for (guint i = 0; i < 200; i++)
    id_at (narrow, i);

  g_assert_true (lia_account_repository_transition (repo, account, LIA_ACCOUNT_STATE_CLOSED,
                                                    "done", &error));
  g_assert_no_error (error);
  assert_changes (&recorder, &(Change) { position, 1, 1 }, 1);
  {
    g_autoptr(LiaAccount) shown = g_list_model_get_item (G_LIST_MODEL (list), position);
    g_assert_cmpint (lia_account_get_state (shown), ==, LIA_ACCOUNT_STATE_CLOSED);
  }

  /* The corporate-only list never showed it: whatever it signals (it
   * cannot know where an uncached row was), it adds up and stays right. */
  g_assert_cmpuint (narrow_recorder.n_items, ==, g_list_model_get_n_items (G_LIST_MODEL (narrow)));
  {
    g_autoptr(GArray) expected = expected_ids (f, &corporate);
    assert_walk (narrow, expected);
  }

  g_array_unref (recorder.changes);
  g_array_unref (narrow_recorder.changes);
}

static void
count_signal (guint *counter)
{
  (*counter)++;
}

/* Several filter changes between freeze and thaw reload the list once. */
static void
test_freeze (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LiaAccountList) list = lia_account_list_new (f->book);
  guint signals = 0;
  guint expected;

  g_signal_connect_swapped (list, "items-changed", G_CALLBACK (count_signal), &signals);
  lia_account_list_freeze (list);
  lia_account_list_set_segment_id (list, "corporate");
  lia_account_list_set_include_closed (list, TRUE);
  lia_account_list_set_search_text (list, "a");
  lia_account_list_set_segment_id (list, NULL);
  g_assert_cmpuint (signals, ==, 0);
  lia_account_list_thaw (list);
  g_assert_cmpuint (signals, ==, 1);

  /* The same as setting them one by one. */
  {
    g_autoptr(LiaAccountList) plain = lia_account_list_new (f->book);

    lia_account_list_set_include_closed (plain, TRUE);
    lia_account_list_set_search_text (plain, "a");
    expected = g_list_model_get_n_items (G_LIST_MODEL (plain));
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);

  /* A thaw with nothing changed reloads nothing. */
  lia_account_list_freeze (list);
  lia_account_list_thaw (list);
  g_assert_cmpuint (signals, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/account-list/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("walk", test_walk);
  ADD ("random-access", test_random_access);
  ADD ("filters", test_filters);
  ADD ("due-boundary", test_due_boundary);
  ADD ("items-changed", test_items_changed);
  ADD ("items-changed-shown-and-hidden", test_items_changed_shown_and_hidden);
  ADD ("freeze", test_freeze);

#undef ADD

  return g_test_run ();
}
