/* test-coverage.c — contact coverage of major accounts: cadences, the
 * boundaries of "overdue", groups contacted through their members, and
 * the contact log (contacts made are events since schema 4)
 *
 * Time is held still with an injected clock; every due date and number
 * of days overdue is worked out here from the dates the test chose.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-book.h"

#define T0  1700000000  /* 2023-11-14, the injected "now" */
#define DAY 86400

typedef struct
{
  char                   *dir;
  char                   *path;
  LiaBook                *book;
  LiaAccountRepository   *accounts;
  LiaPortfolioRepository *portfolios;
  gint64                  now;
  gint64                  manager;
} Fixture;

static void
open_book (Fixture *f)
{
  f->book = lia_test_book_open (f->path, &f->now, "Test Actor");
  f->accounts = lia_book_get_accounts (f->book);
  f->portfolios = lia_book_get_portfolios (f->book);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = lia_test_make_tmp ();
  f->path = lia_book_path_for_data_dir (f->dir);
  f->now = T0;
  open_book (f);
  f->manager = lia_test_add_staff (f->book, "Alice Martin", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, &f->path);
}

/* An account created at @created_at (the clock is set back for it), with
 * its own cadence (0: the segment's). Corporate and key accounts get the
 * fixture's manager, as they must. */
static gint64
create_at (Fixture    *f,
           const char *name,
           const char *segment,
           guint       own_cadence,
           gint64      created_at)
{
  static guint serial = 0;
  g_autofree char *number = g_strdup_printf ("C-%u", ++serial);
  g_autoptr(LiaAccount) account = lia_test_account_new (number, name, segment);
  gint64 saved_now = f->now;

  lia_account_set_contact_cadence_days (account, own_cadence);
  if (lia_book_segment_requires_manager (f->book, segment))
    lia_account_set_manager_id (account, f->manager);

  f->now = created_at;
  lia_test_account_create (f->book, account);
  f->now = saved_now;
  g_assert_cmpint (lia_account_get_created_at (account), ==, created_at);
  return lia_account_get_id (account);
}

static void
log_contact (Fixture *f,
             gint64   id,
             gint64   happened_at)
{
  lia_test_log_contact (f->book, id, LIA_CONTACT_KIND_VISIT, happened_at, 0, "checked in");
}

static GListModel *
coverage (Fixture  *f,
          gboolean  only_overdue,
          guint     limit)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = lia_portfolio_repository_list_coverage (f->portfolios, only_overdue, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* The entry for @id in the full coverage list, or NULL when it is no unit. */
static LiaCoverageEntry *
entry_for (Fixture *f,
           gint64   id)
{
  g_autoptr(GListModel) list = coverage (f, FALSE, LIA_COVERAGE_LIST_LIMIT);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LiaCoverageEntry) entry = g_list_model_get_item (list, i);

      if (lia_account_get_id (lia_coverage_entry_get_account (entry)) == id)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

static void
assert_counts (Fixture *f,
               guint    on_time,
               guint    total)
{
  g_autoptr(GError) error = NULL;
  guint got_on_time = G_MAXUINT, got_total = G_MAXUINT;

  g_assert_true (lia_portfolio_repository_count_coverage (f->portfolios, &got_on_time, &got_total, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got_on_time, ==, on_time);
  g_assert_cmpuint (got_total, ==, total);
}

/* @id is a unit with @cadence, last contacted at @last (0: never), due at
 * @due; at the fixture's now it is @days_overdue days late (0: on time). */
static void
assert_entry (Fixture *f,
              gint64   id,
              guint    cadence,
              gint64   last,
              gint64   due,
              guint    days_overdue)
{
  g_autoptr(LiaCoverageEntry) entry = entry_for (f, id);
  g_autoptr(GListModel) overdue = coverage (f, TRUE, LIA_COVERAGE_LIST_LIMIT);
  gboolean listed_overdue = FALSE;

  g_assert_nonnull (entry);
  g_assert_cmpuint (lia_coverage_entry_get_cadence_days (entry), ==, cadence);
  g_assert_cmpint (lia_coverage_entry_get_last_contact_at (entry), ==, last);
  g_assert_cmpint (lia_coverage_entry_get_due_at (entry), ==, due);
  g_assert_cmpint (lia_coverage_entry_is_overdue (entry, f->now), ==, days_overdue > 0);
  g_assert_cmpuint (lia_coverage_entry_get_days_overdue (entry, f->now), ==, days_overdue);

  /* The overdue list, filtered in SQL, agrees with the entry. */
  for (guint i = 0; i < g_list_model_get_n_items (overdue); i++)
    {
      g_autoptr(LiaCoverageEntry) other = g_list_model_get_item (overdue, i);
      listed_overdue |= lia_account_get_id (lia_coverage_entry_get_account (other)) == id;
    }
  g_assert_cmpint (listed_overdue, ==, days_overdue > 0);
}

static void
assert_not_unit (Fixture *f,
                 gint64   id)
{
  g_autoptr(LiaCoverageEntry) entry = entry_for (f, id);

  g_assert_null (entry);
}

/* Contacted exactly a cadence ago: on time. One second later: one day
 * overdue. For the segment defaults and for an account's own cadence. */
static void
test_boundaries (Fixture       *f,
                 gconstpointer  data)
{
  const struct { const char *segment; guint own; guint cadence; } cases[] = {
    { "key-account", 0, 30 },
    { "corporate", 0, 60 },
    { "key-account", 7, 7 },          /* shorter than the segment's */
    { "corporate", 90, 90 },          /* longer than the segment's */
    { "small-business", 14, 14 },     /* a segment without a cadence */
  };
  gint64 ids[G_N_ELEMENTS (cases)];
  const guint n = G_N_ELEMENTS (cases);

  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "key-account"), ==, 30);
  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "corporate"), ==, 60);
  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "small-business"), ==, 0);
  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "individual"), ==, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Case %u", i);

      ids[i] = create_at (f, name, cases[i].segment, cases[i].own, T0 - 400 * DAY);
      log_contact (f, ids[i], T0 - (gint64)cases[i].cadence * DAY);
    }

  /* Exactly N days: every one of them on time. */
  f->now = T0;
  for (guint i = 0; i < n; i++)
    assert_entry (f, ids[i], cases[i].cadence, T0 - (gint64)cases[i].cadence * DAY, T0, 0);
  assert_counts (f, n, n);

  /* N days and a second: one day overdue. */
  f->now = T0 + 1;
  for (guint i = 0; i < n; i++)
    assert_entry (f, ids[i], cases[i].cadence, T0 - (gint64)cases[i].cadence * DAY, T0, 1);
  assert_counts (f, 0, n);

  /* A whole day late is still one day; a second more is two. */
  f->now = T0 + DAY;
  assert_entry (f, ids[0], 30, T0 - 30 * DAY, T0, 1);
  f->now = T0 + DAY + 1;
  assert_entry (f, ids[0], 30, T0 - 30 * DAY, T0, 2);

  /* A fresh contact puts it back on time, for a full cadence again. */
  log_contact (f, ids[0], f->now);
  assert_entry (f, ids[0], 30, T0 + DAY + 1, T0 + DAY + 1 + 30 * DAY, 0);
  assert_counts (f, 1, n);
}

/* Without any contact, the cadence counts from the account's creation. */
static void
test_never_contacted (Fixture       *f,
                      gconstpointer  data)
{
  gint64 key = create_at (f, "Key Never", "key-account", 0, T0);
  gint64 corp = create_at (f, "Corporate Never", "corporate", 0, T0);

  f->now = T0 + 30 * DAY;
  assert_entry (f, key, 30, 0, T0 + 30 * DAY, 0);
  assert_counts (f, 2, 2);

  f->now = T0 + 30 * DAY + 1;
  assert_entry (f, key, 30, 0, T0 + 30 * DAY, 1);
  assert_entry (f, corp, 60, 0, T0 + 60 * DAY, 0);
  assert_counts (f, 1, 2);

  /* 30 days and a second past due: 31 started days. */
  f->now = T0 + 60 * DAY + 1;
  assert_entry (f, key, 30, 0, T0 + 30 * DAY, 31);
  assert_entry (f, corp, 60, 0, T0 + 60 * DAY, 1);
  assert_counts (f, 0, 2);
}

/* A group is in touch when anyone in it was: the contact on a site shows
 * on the group, and only the top of a group is a unit. */
static void
test_group_through_members (Fixture       *f,
                            gconstpointer  data)
{
  gint64 g = create_at (f, "Group", "key-account", 0, T0 - 100 * DAY);
  gint64 s = create_at (f, "Subsidiary", "corporate", 5, T0 - 100 * DAY);
  gint64 t = create_at (f, "Site", "small-business", 0, T0 - 100 * DAY);
  gint64 x = create_at (f, "Alone", "corporate", 0, T0 - 100 * DAY);

  lia_test_move_under (f->book, s, g);
  lia_test_move_under (f->book, t, s);

  log_contact (f, t, T0 - 10 * DAY);
  f->now = T0;
  assert_entry (f, g, 30, T0 - 10 * DAY, T0 + 20 * DAY, 0);
  /* Members are not units, even the one with a cadence of its own. */
  assert_not_unit (f, s);
  assert_not_unit (f, t);
  /* Never contacted, created 100 days ago, cadence 60: 40 days late. */
  assert_entry (f, x, 60, 0, T0 - 40 * DAY, 40);
  assert_counts (f, 1, 2);

  /* The latest contact anywhere counts. */
  log_contact (f, s, T0 - DAY);
  assert_entry (f, g, 30, T0 - DAY, T0 + 29 * DAY, 0);

  /* Detached, the subsidiary is a unit with its own cadence and its own
   * contacts; the group keeps only what is still below it. */
  lia_test_move_under (f->book, s, 0);
  assert_entry (f, s, 5, T0 - DAY, T0 + 4 * DAY, 0);
  {
    g_autoptr(LiaCoverageEntry) entry = entry_for (f, g);

    g_assert_nonnull (entry);
    g_assert_cmpint (lia_coverage_entry_get_last_contact_at (entry), ==, 0);
    g_assert_cmpint (lia_coverage_entry_get_due_at (entry), ==, T0 - 100 * DAY + 30 * DAY);
  }
  assert_counts (f, 1, 3);

  /* Joining another group, the subsidiary brings its contacts (and its
   * site's) along: the neglected account is now in touch. */
  lia_test_move_under (f->book, s, x);
  assert_not_unit (f, s);
  assert_entry (f, x, 60, T0 - DAY, T0 + 59 * DAY, 0);
  assert_counts (f, 1, 2);
}

/* The units are exactly the open top-level accounts with a cadence. */
static void
test_units (Fixture       *f,
            gconstpointer  data)
{
  gint64 key = create_at (f, "Key", "key-account", 0, T0);
  gint64 corp = create_at (f, "Corp", "corporate", 0, T0);
  gint64 closed = create_at (f, "Closed Key", "key-account", 0, T0);
  gint64 child = create_at (f, "Key Child", "key-account", 0, T0);
  gint64 small = create_at (f, "Small", "small-business", 0, T0);
  gint64 own = create_at (f, "Small With Cadence", "small-business", 21, T0);
  gint64 person = create_at (f, "Person", "individual", 0, T0);
  g_autoptr(GListModel) all = NULL;
  const gint64 units[] = { key, corp, own };

  lia_test_close_account (f->book, closed);
  lia_test_move_under (f->book, child, corp);

  all = coverage (f, FALSE, LIA_COVERAGE_LIST_LIMIT);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, G_N_ELEMENTS (units));
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(LiaCoverageEntry) entry = entry_for (f, units[i]);
      g_assert_nonnull (entry);
    }
  assert_not_unit (f, closed);
  assert_not_unit (f, child);
  assert_not_unit (f, small);
  assert_not_unit (f, person);
  assert_counts (f, 3, 3);
}

/* A segment's cadence set in the preferences takes effect at once and
 * stays; 0 clears it, and its accounts stop being units unless they have
 * a cadence of their own. */
static void
test_segment_cadence (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 corp = create_at (f, "Corp", "corporate", 0, T0 - 100 * DAY);
  gint64 corp_own = create_at (f, "Corp Own", "corporate", 45, T0 - 100 * DAY);
  gint64 key = create_at (f, "Key", "key-account", 0, T0 - 100 * DAY);
  gint64 small = create_at (f, "Small", "small-business", 0, T0 - 100 * DAY);
  const gint64 all[] = { corp, corp_own, key, small };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    log_contact (f, all[i], T0 - 20 * DAY);

  assert_entry (f, corp, 60, T0 - 20 * DAY, T0 + 40 * DAY, 0);
  assert_entry (f, corp_own, 45, T0 - 20 * DAY, T0 + 25 * DAY, 0);
  assert_not_unit (f, small);
  assert_counts (f, 3, 3);

  g_assert_true (lia_book_set_segment_cadence (f->book, "corporate", 10, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "corporate"), ==, 10);
  assert_entry (f, corp, 10, T0 - 20 * DAY, T0 - 10 * DAY, 10);
  assert_entry (f, corp_own, 45, T0 - 20 * DAY, T0 + 25 * DAY, 0);   /* its own wins */
  assert_counts (f, 2, 3);

  g_assert_true (lia_book_set_segment_cadence (f->book, "corporate", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "corporate"), ==, 0);
  assert_not_unit (f, corp);
  assert_entry (f, corp_own, 45, T0 - 20 * DAY, T0 + 25 * DAY, 0);
  assert_counts (f, 2, 2);

  g_assert_true (lia_book_set_segment_cadence (f->book, "small-business", 15, &error));
  g_assert_no_error (error);
  assert_entry (f, small, 15, T0 - 20 * DAY, T0 - 5 * DAY, 5);
  assert_counts (f, 2, 3);

  /* Unknown segments are refused. */
  g_assert_false (lia_book_set_segment_cadence (f->book, "galactic-empire", 5, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* The settings are in the file, not only in this book. */
  g_clear_object (&f->book);
  open_book (f);
  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "corporate"), ==, 0);
  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "small-business"), ==, 15);
  g_assert_cmpuint (lia_book_get_segment_cadence (f->book, "key-account"), ==, 30);
  assert_counts (f, 2, 3);
}

/* The overdue list: most overdue first, only the overdue, at most @limit. */
static void
test_sorted_and_limited (Fixture       *f,
                         gconstpointer  data)
{
  /* Days since the last contact, for key accounts with a 30-day cadence;
   * -35 means never contacted, created 35 days ago. */
  const int ago[] = { 31, 45, 33, 100, 10, 60, -35, 45 };
  /* Expected order of the overdue ones (indexes into ago[]), worked out
   * by hand: 70, 30, 15, 15 (two alike: by id), 5, 3, 1 days late. */
  const guint order[] = { 3, 5, 1, 7, 6, 2, 0 };
  const guint days_late[] = { 70, 30, 15, 15, 5, 3, 1 };
  gint64 ids[G_N_ELEMENTS (ago)];
  g_autoptr(GListModel) overdue = NULL;
  g_autoptr(GListModel) first_two = NULL;
  g_autoptr(GListModel) everything = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ago); i++)
    {
      g_autofree char *name = g_strdup_printf ("Key %u", i);

      if (ago[i] < 0)
        ids[i] = create_at (f, name, "key-account", 0, T0 + (gint64)ago[i] * DAY);
      else
        {
          ids[i] = create_at (f, name, "key-account", 0, T0 - 200 * DAY);
          log_contact (f, ids[i], T0 - (gint64)ago[i] * DAY);
        }
    }

  f->now = T0;
  overdue = coverage (f, TRUE, LIA_COVERAGE_LIST_LIMIT);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(LiaCoverageEntry) entry = g_list_model_get_item (overdue, i);

      g_assert_cmpint (lia_account_get_id (lia_coverage_entry_get_account (entry)), ==, ids[order[i]]);
      g_assert_cmpuint (lia_coverage_entry_get_days_overdue (entry, f->now), ==, days_late[i]);
      g_assert_cmpstr (lia_account_get_manager_name (lia_coverage_entry_get_account (entry)), ==, "Alice Martin");
    }

  first_two = coverage (f, TRUE, 2);
  g_assert_cmpuint (g_list_model_get_n_items (first_two), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LiaCoverageEntry) entry = g_list_model_get_item (first_two, i);
      g_assert_cmpint (lia_account_get_id (lia_coverage_entry_get_account (entry)), ==, ids[order[i]]);
    }

  /* The full list has the one on time too, last. */
  everything = coverage (f, FALSE, LIA_COVERAGE_LIST_LIMIT);
  g_assert_cmpuint (g_list_model_get_n_items (everything), ==, G_N_ELEMENTS (ago));
  {
    g_autoptr(LiaCoverageEntry) last = g_list_model_get_item (everything, G_N_ELEMENTS (ago) - 1);
    g_assert_cmpint (lia_account_get_id (lia_coverage_entry_get_account (last)), ==, ids[4]);
  }
  assert_counts (f, 1, G_N_ELEMENTS (ago));
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return lia_test_sql_int (lia_test_book_handle (f->book), sql);
}

/* The contact log refuses what cannot be true and keeps the latest date. */
static void
test_log_contact (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = NULL;
  gint64 key = create_at (f, "Key", "key-account", 0, T0 - 100 * DAY);
  g_autofree char *too_long = g_strnfill (20001, 'n');
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (last_contact_at, 0) FROM accounts"
                                          " WHERE id = %" G_GINT64_FORMAT, key);
  gint64 n_log = count (f, "SELECT count(*) FROM events WHERE kind IN ('call', 'visit', 'email')");
  gint64 n_events = count (f, "SELECT count(*) FROM events");
  gint64 n_indexed = count (f, "SELECT count(*) FROM event_fts_docsize");
  gint64 changes = sqlite3_total_changes (lia_test_book_handle (f->book));

  /* In the future, by a second: refused, nothing written. */
  g_assert_false (lia_portfolio_repository_log_contact (f->portfolios, key, LIA_CONTACT_KIND_CALL,
                                                        T0 + 1, 0, NULL, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (lia_portfolio_repository_log_contact (f->portfolios, key, LIA_CONTACT_KIND_CALL,
                                                        T0 - DAY, 0, too_long, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_total_changes (lia_test_book_handle (f->book)), ==, changes);

  /* An account that does not exist: the insert is tried and rolled back.
   * (SQLite counts the full-text index's rows written by the aborted
   * statement's trigger in total_changes, so the tables are compared.) */
  g_assert_false (lia_portfolio_repository_log_contact (f->portfolios, 999999, LIA_CONTACT_KIND_CALL,
                                                        T0 - DAY, 0, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM events WHERE kind IN ('call', 'visit', 'email')"), ==, n_log);
  g_assert_cmpint (count (f, "SELECT count(*) FROM events"), ==, n_events);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_fts_docsize"), ==, n_indexed);
  g_assert_cmpint (count (f, sql), ==, 0);

  /* 0 means now; exactly now is not the future. */
  f->now = T0 - 5 * DAY;
  log_contact (f, key, 0);
  g_assert_cmpint (count (f, sql), ==, T0 - 5 * DAY);
  f->now = T0;
  log_contact (f, key, T0);
  g_assert_cmpint (count (f, sql), ==, T0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM events WHERE kind = 'visit'"), ==, 2);

  /* An older contact entered late does not move the date back. */
  log_contact (f, key, T0 - 50 * DAY);
  g_assert_cmpint (count (f, sql), ==, T0);
  assert_entry (f, key, 30, T0, T0 + 30 * DAY, 0);

  /* Logging is not an edit: the account's verification date stays. */
  account = lia_account_repository_lookup (f->accounts, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_account_get_last_verified_at (account), ==, T0 - 100 * DAY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/coverage/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("boundaries", test_boundaries);
  ADD ("never-contacted", test_never_contacted);
  ADD ("group-through-members", test_group_through_members);
  ADD ("units", test_units);
  ADD ("segment-cadence", test_segment_cadence);
  ADD ("sorted-and-limited", test_sorted_and_limited);
  ADD ("log-contact", test_log_contact);

#undef ADD

  return g_test_run ();
}
