/* test-portfolios.c — corporate groups: hierarchy, roll-ups,
 * re-deployment of account managers, staff and workload, contacts who
 * change employer, and notes across a group
 *
 * Every expected figure is written out here from the rows the test put
 * in, never read back from the code under test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-account-list.h"
#include "lia-audit-entry.h"
#include "lia-staff-member.h"

#include "test-book.h"

#define T0  1700000000  /* 2023-11-14, the injected "now" */
#define DAY 86400

typedef struct
{
  char                   *dir;
  LiaBook                *book;
  LiaAccountRepository   *accounts;
  LiaPortfolioRepository *portfolios;
  gint64                  now;
  gint64                  alice;
  gint64                  bruno;
  gint64                  carla;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = T0;
  f->book = lia_test_book_new (&f->dir, NULL, &f->now, "Test Actor");
  f->accounts = lia_book_get_accounts (f->book);
  f->portfolios = lia_book_get_portfolios (f->book);

  f->alice = lia_test_add_staff (f->book, "Alice Martin", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->bruno = lia_test_add_staff (f->book, "Bruno Keller", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->carla = lia_test_add_staff (f->book, "Carla Nemeth", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, NULL);
}

static void
sql_exec (Fixture    *f,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (lia_test_book_handle (f->book), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, message);
}

/* A stored account's parent (0: none) and group root, read with raw SQL. */
static gint64
stored_parent (Fixture *f,
               gint64   id)
{
  return lia_test_book_sql_int (f->book, "SELECT coalesce (parent_id, 0) FROM accounts"
                                " WHERE id = %" G_GINT64_FORMAT, id);
}

static gint64
stored_root (Fixture *f,
             gint64   id)
{
  return lia_test_book_sql_int (f->book, "SELECT coalesce (root_id, -1) FROM accounts"
                                " WHERE id = %" G_GINT64_FORMAT, id);
}

static gint64
stored_manager (Fixture *f,
                gint64   id)
{
  return lia_test_book_sql_int (f->book, "SELECT coalesce (manager_id, 0) FROM accounts"
                                " WHERE id = %" G_GINT64_FORMAT, id);
}

static gint64
count_audit (Fixture    *f,
             gint64      account_id,
             const char *field)
{
  return lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log WHERE account_id = %" G_GINT64_FORMAT
                                " AND field = '%s'", account_id, field);
}

/* A new account; @manager 0 for none, @currency NULL for the default. */
static gint64
create_full (Fixture     *f,
             const char  *name,
             const char  *segment,
             gint64       manager,
             gint64       value,
             const char  *currency,
             LiaUnitKind  kind)
{
  static guint serial = 0;
  g_autofree char *number = g_strdup_printf ("P-%u", ++serial);
  g_autoptr(LiaAccount) account = lia_test_account_new (number, name, segment);

  lia_account_set_manager_id (account, manager);
  lia_account_set_contract_value (account, value);
  lia_account_set_unit_kind (account, kind);
  if (currency)
    lia_account_set_currency (account, currency);
  return lia_test_account_create (f->book, account);
}

static gint64
create (Fixture    *f,
        const char *name)
{
  return create_full (f, name, "small-business", 0, 0, NULL, LIA_UNIT_KIND_COMPANY);
}

/* Moves @id under @parent (0: detaches it), from a fresh copy of the account. */
static gboolean
move (Fixture  *f,
      gint64    id,
      gint64    parent,
      GError  **error)
{
  g_autoptr(LiaAccount) account = lia_test_lookup_account (f->book, id);

  return lia_portfolio_repository_set_parent (f->portfolios, account, parent, error);
}

static void
log_contact (Fixture *f,
             gint64   account_id,
             gint64   happened_at)
{
  lia_test_log_contact (f->book, account_id, LIA_CONTACT_KIND_CALL, happened_at, 0, NULL);
}

/* The item of @model whose account is @id, or NULL; and the ids in order. */
static gpointer
find_item (GListModel *model,
           gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 item_id;

      if (LIA_IS_PORTFOLIO_NODE (item))
        item_id = lia_account_get_id (lia_portfolio_node_get_account (LIA_PORTFOLIO_NODE (item)));
      else if (LIA_IS_REASSIGNMENT (item))
        item_id = lia_reassignment_get_account_id (LIA_REASSIGNMENT (item));
      else if (LIA_IS_WORKLOAD_ENTRY (item))
        item_id = lia_workload_entry_get_staff_id (LIA_WORKLOAD_ENTRY (item));
      else if (LIA_IS_ACCOUNT (item))
        item_id = lia_account_get_id (LIA_ACCOUNT (item));
      else
        g_assert_not_reached ();

      if (item_id == id)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static void
assert_ids (GListModel   *model,
            const gint64 *expected,
            guint         n_expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(GObject) item = find_item (model, expected[i]);
      g_autoptr(GObject) at_i = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      g_assert_true (item == at_i);
    }
}

/* ------------------------------------------------------------------ */
/* Hierarchy                                                           */
/* ------------------------------------------------------------------ */

/* The newest "parent" audit line of @id says @old → @new (0: none). */
static void
assert_parent_audit (Fixture *f,
                     gint64   id,
                     gint64   old_parent,
                     gint64   new_parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit = lia_account_repository_list_audit (f->accounts, id, &error);
  g_autofree char *old_value = old_parent ? g_strdup_printf ("%" G_GINT64_FORMAT, old_parent) : NULL;
  g_autofree char *new_value = new_parent ? g_strdup_printf ("%" G_GINT64_FORMAT, new_parent) : NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (audit); i++)
    {
      g_autoptr(LiaAuditEntry) entry = g_list_model_get_item (audit, i);

      if (g_strcmp0 (lia_audit_entry_get_field (entry), "parent") != 0)
        continue;
      g_assert_cmpstr (lia_audit_entry_get_old_value (entry), ==, old_value);
      g_assert_cmpstr (lia_audit_entry_get_new_value (entry), ==, new_value);
      g_assert_cmpstr (lia_audit_entry_get_actor (entry), ==, "Test Actor");
      g_assert_cmpint (lia_audit_entry_get_changed_at (entry), ==, f->now);
      return;
    }

  g_error ("no parent audit line for account %" G_GINT64_FORMAT, id);
}

/* Group → subsidiaries → sites, four levels deep; each move re-parents,
 * is audited, and the old parent loses the child. */
static void
test_hierarchy_build (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 g = create (f, "Group");
  gint64 s1 = create (f, "Sub One");
  gint64 s2 = create (f, "Sub Two");
  gint64 t = create (f, "Site");
  gint64 u = create (f, "Unit");
  gint64 h = create (f, "Holding");
  g_autoptr(LiaAccount) stored = NULL;

  /* A new account stands alone: its own root, no parent. */
  g_assert_cmpint (stored_root (f, g), ==, g);
  g_assert_cmpint (stored_parent (f, g), ==, 0);

  f->now = T0 + 10;
  lia_test_move_under (f->book, s1, g);
  assert_parent_audit (f, s1, 0, g);
  lia_test_move_under (f->book, s2, g);
  lia_test_move_under (f->book, t, s1);
  lia_test_move_under (f->book, u, t);
  assert_parent_audit (f, u, 0, t);

  /* u is three levels below g. */
  g_assert_cmpint (stored_parent (f, u), ==, t);
  g_assert_cmpint (stored_parent (f, t), ==, s1);
  g_assert_cmpint (stored_parent (f, s1), ==, g);
  g_assert_cmpint (stored_parent (f, g), ==, 0);
  for (guint i = 0; i < 5; i++)
    {
      gint64 id = (gint64[]) { g, s1, s2, t, u }[i];

      g_assert_cmpint (stored_root (f, id), ==, g);
      g_assert_cmpint (lia_portfolio_repository_find_root (f->portfolios, id), ==, g);
    }

  stored = lia_test_lookup_account (f->book, u);
  g_assert_cmpint (lia_account_get_parent_id (stored), ==, t);
  g_clear_object (&stored);

  /* One parent only: moving s2 to h takes it away from g. */
  f->now = T0 + 20;
  lia_test_move_under (f->book, s2, h);
  assert_parent_audit (f, s2, g, h);
  g_assert_cmpint (count_audit (f, s2, "parent"), ==, 2);
  {
    g_autoptr(GListModel) of_g = lia_portfolio_repository_list_children (f->portfolios, g, &error);
    g_autoptr(GListModel) of_h = lia_portfolio_repository_list_children (f->portfolios, h, &error);
    const gint64 g_children[] = { s1 };
    const gint64 h_children[] = { s2 };

    g_assert_no_error (error);
    assert_ids (of_g, g_children, G_N_ELEMENTS (g_children));
    assert_ids (of_h, h_children, G_N_ELEMENTS (h_children));
  }
  g_assert_cmpint (stored_root (f, s2), ==, h);

  /* Detaching makes a new top level. */
  f->now = T0 + 30;
  lia_test_move_under (f->book, s2, 0);
  assert_parent_audit (f, s2, h, 0);
  g_assert_cmpint (stored_parent (f, s2), ==, 0);
  g_assert_cmpint (stored_root (f, s2), ==, s2);

  /* The object passed in follows the move. */
  stored = lia_test_lookup_account (f->book, s2);
  g_assert_true (lia_portfolio_repository_set_parent (f->portfolios, stored, g, &error));
  g_assert_cmpint (lia_account_get_parent_id (stored), ==, g);
}


/* Everything a refused call must not have changed. */
static const char * const watched[] = {
  "audit_log", "contact_employments", "events", "account_notes", NULL,
};

/* A move under oneself or anything below is refused with CYCLE, and
 * nothing is written: no audit line, the parent and root unchanged. */
static void
test_hierarchy_cycles (Fixture       *f,
                       gconstpointer  data)
{
  gint64 g = create (f, "Group");
  gint64 s = create (f, "Sub");
  gint64 t = create (f, "Site");
  gint64 u = create (f, "Unit");
  gint64 other = create (f, "Other");
  struct { gint64 id, parent; const char *what; } cycles[] = {
    { g, g, "itself" },
    { g, s, "its direct child" },
    { g, t, "its grandchild" },
    { g, u, "its great-grandchild" },
    { s, u, "a middle node's grandchild" },
    { u, u, "the bottom under itself" },
  };

  lia_test_move_under (f->book, s, g);
  lia_test_move_under (f->book, t, s);
  lia_test_move_under (f->book, u, t);

  for (guint i = 0; i < G_N_ELEMENTS (cycles); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 parent_before = stored_parent (f, cycles[i].id);
      LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

      g_test_message ("refusing a move under %s", cycles[i].what);
      f->now++;
      g_assert_false (move (f, cycles[i].id, cycles[i].parent, &error));
      g_assert_error (error, LIA_ERROR, LIA_ERROR_CYCLE);
      g_assert_cmpuint (strlen (error->message), >, 0);
      lia_test_assert_unchanged (f->book, &before);
      g_assert_cmpint (stored_parent (f, cycles[i].id), ==, parent_before);
      for (guint k = 0; k < 4; k++)
        g_assert_cmpint (stored_root (f, (gint64[]) { g, s, t, u }[k]), ==, g);
    }

  /* An unknown parent is refused too. */
  {
    g_autoptr(GError) error = NULL;
    LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

    g_assert_false (move (f, s, 999999, &error));
    g_assert_nonnull (error);
    lia_test_assert_unchanged (f->book, &before);
    g_assert_cmpint (stored_parent (f, s), ==, g);
  }

  /* Under an ancestor, or an unrelated account, is no cycle. */
  lia_test_move_under (f->book, u, g);
  g_assert_cmpint (stored_root (f, u), ==, g);
  lia_test_move_under (f->book, g, other);
  for (guint k = 0; k < 4; k++)
    g_assert_cmpint (stored_root (f, (gint64[]) { g, s, t, u }[k]), ==, other);
}

/* The audit line names the parent the account really had, even when the
 * object in hand is stale. */
static void
test_hierarchy_stale_object (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 g = create (f, "Group");
  gint64 h = create (f, "Holding");
  gint64 s = create (f, "Sub");
  g_autoptr(LiaAccount) stale = lia_test_lookup_account (f->book, s);
  g_autofree char *line = NULL;
  g_autofree char *expected = NULL;

  lia_test_move_under (f->book, s, g);                /* through a fresh copy */
  f->now = T0 + 50;
  g_assert_true (lia_portfolio_repository_set_parent (f->portfolios, stale, h, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_parent (f, s), ==, h);

  /* Reported, not asserted, so the tests after this one still run. */
  line = lia_test_sql_text (lia_test_book_handle (f->book),
                            "SELECT coalesce (old_value, '(none)') || ' -> ' || new_value"
                            " FROM audit_log WHERE field = 'parent' ORDER BY id DESC LIMIT 1");
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " -> %" G_GINT64_FORMAT, g, h);
  if (g_strcmp0 (line, expected) != 0)
    {
      g_test_message ("moving %" G_GINT64_FORMAT " from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
                      " through a stale object was audited as “%s”", s, g, h, line);
      g_test_fail ();
    }
}

/* root_id is the true top for every account after moving subtrees that
 * have children of their own, detaching middle nodes and nesting groups. */
static void
test_hierarchy_root_id (Fixture       *f,
                        gconstpointer  data)
{
  gint64 g1 = create (f, "G1"), s1 = create (f, "S1"), t1 = create (f, "T1");
  gint64 u1 = create (f, "U1"), t2 = create (f, "T2");
  gint64 g2 = create (f, "G2"), s3 = create (f, "S3");
  const gint64 all[] = { g1, s1, t1, u1, t2, g2, s3 };
  struct { gint64 id, root; } expect[G_N_ELEMENTS (all)];

#define EXPECT_ROOTS(...)                                                    \
  G_STMT_START {                                                             \
    const gint64 roots[] = { __VA_ARGS__ };                                  \
    G_STATIC_ASSERT (G_N_ELEMENTS (roots) == G_N_ELEMENTS (all));            \
    for (guint k = 0; k < G_N_ELEMENTS (all); k++)                           \
      {                                                                      \
        expect[k].id = all[k];                                               \
        expect[k].root = roots[k];                                           \
        g_assert_cmpint (stored_root (f, expect[k].id), ==, expect[k].root); \
        g_assert_cmpint (lia_portfolio_repository_find_root (f->portfolios, expect[k].id), \
                         ==, expect[k].root);                                \
      }                                                                      \
  } G_STMT_END

  /* g1 ← s1 ← t1 ← u1, s1 ← t2; g2 ← s3 */
  lia_test_move_under (f->book, s1, g1);
  lia_test_move_under (f->book, t1, s1);
  lia_test_move_under (f->book, u1, t1);
  lia_test_move_under (f->book, t2, s1);
  lia_test_move_under (f->book, s3, g2);
  EXPECT_ROOTS (g1, g1, g1, g1, g1, g2, g2);

  /* A subtree with children of its own goes to another group. */
  lia_test_move_under (f->book, s1, g2);
  EXPECT_ROOTS (g1, g2, g2, g2, g2, g2, g2);

  /* Detaching a middle node makes it the root of its own subtree. */
  lia_test_move_under (f->book, t1, 0);
  EXPECT_ROOTS (g1, g2, t1, t1, g2, g2, g2);

  /* A whole group goes under another account. */
  lia_test_move_under (f->book, g2, u1);
  EXPECT_ROOTS (g1, t1, t1, t1, t1, t1, t1);

  /* And back out to top level, taking its subtree. */
  lia_test_move_under (f->book, g2, 0);
  EXPECT_ROOTS (g1, g2, t1, t1, g2, g2, g2);

  /* The bottom of a chain moved up a level keeps the same root. */
  lia_test_move_under (f->book, u1, g1);
  EXPECT_ROOTS (g1, g2, t1, g1, g2, g2, g2);

#undef EXPECT_ROOTS
}

#define N_RANDOM 9

/* Whether @ancestor is @node itself or above it in @parent. */
static gboolean
is_at_or_above (const int *parent,
                int        ancestor,
                int        node)
{
  for (int k = node; k >= 0; k = parent[k])
    if (k == ancestor)
      return TRUE;
  return FALSE;
}

static int
model_root (const int *parent,
            int        node)
{
  while (parent[node] >= 0)
    node = parent[node];
  return node;
}

/* The stored tree against the test's own, including the groups' sizes. */
static void
check_against_model (Fixture      *f,
                     const gint64 *ids,
                     const int    *parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = lia_portfolio_repository_list_groups (f->portfolios, &error);
  guint n_groups = 0;

  g_assert_no_error (error);
  for (int k = 0; k < N_RANDOM; k++)
    {
      g_autoptr(LiaPortfolioNode) node = find_item (groups, ids[k]);
      gboolean is_group = FALSE;
      guint size = 0;

      g_assert_cmpint (stored_parent (f, ids[k]), ==, parent[k] >= 0 ? ids[parent[k]] : 0);
      g_assert_cmpint (stored_root (f, ids[k]), ==, ids[model_root (parent, k)]);

      for (int j = 0; j < N_RANDOM; j++)
        {
          is_group |= parent[j] == k;
          size += is_at_or_above (parent, k, j);
        }
      is_group &= parent[k] < 0;
      n_groups += is_group;

      g_assert_true ((node != NULL) == is_group);
      if (node)
        g_assert_cmpuint (lia_portfolio_node_get_n_accounts (node), ==, size);
    }

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, n_groups);
}

/* Random moves checked step by step against a model kept by the test. */
static void
test_hierarchy_random_moves (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231114);
  gint64 ids[N_RANDOM];
  int parent[N_RANDOM];
  guint n_cycles = 0, n_moves = 0;

  for (int k = 0; k < N_RANDOM; k++)
    {
      g_autofree char *name = g_strdup_printf ("Node %d", k);

      ids[k] = create (f, name);
      parent[k] = -1;
    }

  while (n_moves < 200)
    {
      g_autoptr(GError) error = NULL;
      int i = g_rand_int_range (rand, 0, N_RANDOM);
      int p = g_rand_int_range (rand, -1, N_RANDOM);   /* -1 detaches */
      gboolean cycle = p >= 0 && is_at_or_above (parent, i, p);
      gint64 audit_before = count_audit (f, ids[i], "parent");
      gint64 changes_before = sqlite3_total_changes (lia_test_book_handle (f->book));

      if (p == parent[i])
        continue;   /* not a move */

      n_moves++;
      f->now++;
      if (cycle)
        {
          n_cycles++;
          g_assert_false (move (f, ids[i], p >= 0 ? ids[p] : 0, &error));
          g_assert_error (error, LIA_ERROR, LIA_ERROR_CYCLE);
          g_assert_cmpint (sqlite3_total_changes (lia_test_book_handle (f->book)), ==, changes_before);
          g_assert_cmpint (count_audit (f, ids[i], "parent"), ==, audit_before);
        }
      else
        {
          g_assert_true (move (f, ids[i], p >= 0 ? ids[p] : 0, &error));
          g_assert_no_error (error);
          g_assert_cmpint (count_audit (f, ids[i], "parent"), ==, audit_before + 1);
          assert_parent_audit (f, ids[i], parent[i] >= 0 ? ids[parent[i]] : 0, p >= 0 ? ids[p] : 0);
          parent[i] = p;
        }

      check_against_model (f, ids, parent);
    }

  g_test_message ("%u moves, %u refused as cycles", n_moves, n_cycles);
  g_assert_cmpuint (n_cycles, >, 10);
}

/* ------------------------------------------------------------------ */
/* Roll-ups                                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  gint64 g, s1, s2, t, c, h, h1, x;
} Groups;

/* Granite Group (G) ← Granite North (S1) ← Granite North Site (T)
 *                  ← Granite South (S2)
 *                  ← Granite Closed (C, closed, USD)
 * Harbor Holding (H, EUR) ← Harbor Zürich (H1, CHF)
 * Standalone (X), no children. */
static Groups
build_groups (Fixture *f)
{
  Groups n;

  n.g = create_full (f, "Granite Group", "corporate", f->alice, 1000000, "EUR", LIA_UNIT_KIND_COMPANY);
  n.s1 = create_full (f, "Granite North", "corporate", f->alice, 200000, "EUR", LIA_UNIT_KIND_COMPANY);
  n.s2 = create_full (f, "Granite South", "small-business", 0, 30000, "EUR", LIA_UNIT_KIND_COMPANY);
  n.t = create_full (f, "Granite North Site", "small-business", 0, 4000, "EUR", LIA_UNIT_KIND_SITE);
  n.c = create_full (f, "Granite Closed", "small-business", 0, 999999, "USD", LIA_UNIT_KIND_COMPANY);
  n.h = create_full (f, "Harbor Holding", "small-business", 0, 50000, "EUR", LIA_UNIT_KIND_COMPANY);
  n.h1 = create_full (f, "Harbor Zürich", "small-business", 0, 7000, "CHF", LIA_UNIT_KIND_SITE);
  n.x = create_full (f, "Standalone", "small-business", 0, 123, "EUR", LIA_UNIT_KIND_COMPANY);

  lia_test_move_under (f->book, n.s1, n.g);
  lia_test_move_under (f->book, n.s2, n.g);
  lia_test_move_under (f->book, n.c, n.g);
  lia_test_move_under (f->book, n.t, n.s1);
  lia_test_move_under (f->book, n.h1, n.h);
  lia_test_close_account (f->book, n.c);
  return n;
}

static void
assert_node (LiaPortfolioNode *node,
             guint             n_accounts,
             gint64            total,
             gboolean          mixed,
             gint64            last_contact,
             gboolean          has_children)
{
  g_assert_nonnull (node);
  g_assert_cmpuint (lia_portfolio_node_get_n_accounts (node), ==, n_accounts);
  g_assert_cmpint (lia_portfolio_node_get_total_value (node), ==, total);
  g_assert_cmpint (lia_portfolio_node_get_mixed_currencies (node), ==, mixed);
  g_assert_cmpint (lia_portfolio_node_get_last_contact_at (node), ==, last_contact);
  g_assert_cmpint (lia_portfolio_node_get_has_children (node), ==, has_children);
  /* These groups have no open events or breaches (only contacts made,
   * which are closed events): real zeros since schema 4 (test-events.c
   * counts them), no review planned and no follow-ups (test-meetings.c
   * counts those). */
  g_assert_cmpint (lia_portfolio_node_get_open_events (node), ==, 0);
  g_assert_cmpint (lia_portfolio_node_get_sla_breaches (node), ==, 0);
  g_assert_cmpint (lia_portfolio_node_get_next_review_at (node), ==, LIA_ROLLUP_UNKNOWN);
  g_assert_cmpint (lia_portfolio_node_get_overdue_followups (node), ==, 0);
}

static void
test_rollups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GListModel) children = NULL;
  Groups n = build_groups (f);

  log_contact (f, n.g, T0 - 30 * DAY);
  log_contact (f, n.t, T0 - 5 * DAY);
  log_contact (f, n.s2, T0 - 9 * DAY);
  log_contact (f, n.h1, T0 - 2 * DAY);
  log_contact (f, n.x, T0 - 1 * DAY);
  /* An older contact logged later does not move the date back. */
  log_contact (f, n.t, T0 - 20 * DAY);

  /* Exactly the top-level accounts with children, by name. */
  groups = lia_portfolio_repository_list_groups (f->portfolios, &error);
  g_assert_no_error (error);
  {
    const gint64 expected[] = { n.g, n.h };
    assert_ids (groups, expected, G_N_ELEMENTS (expected));
  }
  {
    g_autoptr(LiaPortfolioNode) g = find_item (groups, n.g);
    g_autoptr(LiaPortfolioNode) h = find_item (groups, n.h);

    /* G, S1, S2, T; the closed USD subsidiary neither counts nor mixes. */
    assert_node (g, 4, 1000000 + 200000 + 30000 + 4000, FALSE, T0 - 5 * DAY, TRUE);
    assert_node (h, 2, 50000 + 7000, TRUE, T0 - 2 * DAY, TRUE);
  }

  /* A group's children, each rolled up over its own subtree. */
  children = lia_portfolio_repository_list_children (f->portfolios, n.g, &error);
  g_assert_no_error (error);
  {
    /* The closed subsidiary stays in the tree with nothing counted. */
    const gint64 expected[] = { n.c, n.s1, n.s2 };
    g_autoptr(LiaPortfolioNode) c = find_item (children, n.c);
    g_autoptr(LiaPortfolioNode) s1 = find_item (children, n.s1);
    g_autoptr(LiaPortfolioNode) s2 = find_item (children, n.s2);

    assert_ids (children, expected, G_N_ELEMENTS (expected));
    assert_node (c, 0, 0, FALSE, 0, FALSE);
    assert_node (s1, 2, 204000, FALSE, T0 - 5 * DAY, TRUE);
    assert_node (s2, 1, 30000, FALSE, T0 - 9 * DAY, FALSE);
  }
  g_clear_object (&children);

  {
    g_autoptr(LiaPortfolioNode) t = lia_test_lookup_node (f->book, n.t);
    g_autoptr(LiaPortfolioNode) x = lia_test_lookup_node (f->book, n.x);
    g_autoptr(LiaPortfolioNode) missing = NULL;

    assert_node (t, 1, 4000, FALSE, T0 - 5 * DAY, FALSE);
    g_assert_cmpint (lia_account_get_unit_kind (lia_portfolio_node_get_account (t)), ==, LIA_UNIT_KIND_SITE);
    assert_node (x, 1, 123, FALSE, T0 - 1 * DAY, FALSE);
    missing = lia_portfolio_repository_lookup_node (f->portfolios, 999999, &error);
    g_assert_null (missing);
    g_assert_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The triggers on contacts made (events since schema 4) keep
   * last_contact_at right when a row is deleted or changed behind the
   * code's back. */
  sql_exec (f, "DELETE FROM events WHERE kind IN ('call', 'visit', 'email')"
               " AND opened_at = " G_STRINGIFY (T0) " - 5 * 86400");
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT last_contact_at FROM accounts"
                                          " WHERE id = %" G_GINT64_FORMAT, n.t),
                   ==, T0 - 20 * DAY);
  {
    g_autoptr(LiaPortfolioNode) g = lia_test_lookup_node (f->book, n.g);
    g_autoptr(LiaPortfolioNode) s1 = lia_test_lookup_node (f->book, n.s1);

    assert_node (g, 4, 1234000, FALSE, T0 - 9 * DAY, TRUE);    /* now S2's */
    assert_node (s1, 2, 204000, FALSE, T0 - 20 * DAY, TRUE);
  }

  sql_exec (f, "DELETE FROM events WHERE kind IN ('call', 'visit', 'email')"
               " AND opened_at = " G_STRINGIFY (T0) " - 20 * 86400");
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM accounts WHERE id = %" G_GINT64_FORMAT
                                          " AND last_contact_at IS NULL", n.t), ==, 1);
  {
    g_autoptr(LiaPortfolioNode) s1 = lia_test_lookup_node (f->book, n.s1);
    assert_node (s1, 2, 204000, FALSE, 0, TRUE);
  }

  sql_exec (f, "UPDATE events SET opened_at = " G_STRINGIFY (T0) " - 1, resolved_at = " G_STRINGIFY (T0) " - 1"
               " WHERE kind IN ('call', 'visit', 'email') AND opened_at = " G_STRINGIFY (T0) " - 9 * 86400");
  {
    g_autoptr(LiaPortfolioNode) g = lia_test_lookup_node (f->book, n.g);
    assert_node (g, 4, 1234000, FALSE, T0 - 1, TRUE);
  }
}

/* Roll-ups follow a subtree that moves to another group. */
static void
test_rollups_after_move (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) groups = NULL;
  Groups n = build_groups (f);

  log_contact (f, n.t, T0 - 3 * DAY);
  lia_test_move_under (f->book, n.s1, n.h);     /* S1 takes T along */

  groups = lia_portfolio_repository_list_groups (f->portfolios, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LiaPortfolioNode) g = find_item (groups, n.g);
    g_autoptr(LiaPortfolioNode) h = find_item (groups, n.h);

    assert_node (g, 2, 1000000 + 30000, FALSE, 0, TRUE);
    assert_node (h, 4, 50000 + 7000 + 200000 + 4000, TRUE, T0 - 3 * DAY, TRUE);
  }
  g_clear_object (&groups);

  /* Once its last children leave, a group is a standalone account again. */
  lia_test_move_under (f->book, n.s2, n.h);
  lia_test_move_under (f->book, n.c, n.h);
  groups = lia_portfolio_repository_list_groups (f->portfolios, &error);
  {
    const gint64 expected[] = { n.h };
    assert_ids (groups, expected, G_N_ELEMENTS (expected));
  }
}

/* ------------------------------------------------------------------ */
/* Reassignment                                                        */
/* ------------------------------------------------------------------ */

typedef struct
{
  gint64 g, s1, s2, t, u, x, y;
} Staffed;

/* G (alice) ← S1 (alice) ← T (bruno) ← U (alice); G ← S2 (nobody);
 * X (alice) alone; Y (carla) alone. */
static Staffed
build_staffed (Fixture *f)
{
  Staffed n;

  n.g = create_full (f, "Gamma Group", "corporate", f->alice, 100, NULL, LIA_UNIT_KIND_COMPANY);
  n.s1 = create_full (f, "Gamma North", "corporate", f->alice, 10, NULL, LIA_UNIT_KIND_COMPANY);
  n.s2 = create_full (f, "Gamma South", "small-business", 0, 20, NULL, LIA_UNIT_KIND_COMPANY);
  n.t = create_full (f, "Gamma North Site", "small-business", f->bruno, 1, NULL, LIA_UNIT_KIND_SITE);
  n.u = create_full (f, "Gamma North Site Unit", "small-business", f->alice, 2, NULL, LIA_UNIT_KIND_SITE);
  n.x = create_full (f, "Xenon", "corporate", f->alice, 5, NULL, LIA_UNIT_KIND_COMPANY);
  n.y = create_full (f, "Yew", "small-business", f->carla, 6, NULL, LIA_UNIT_KIND_COMPANY);
  lia_test_move_under (f->book, n.s1, n.g);
  lia_test_move_under (f->book, n.s2, n.g);
  lia_test_move_under (f->book, n.t, n.s1);
  lia_test_move_under (f->book, n.u, n.t);
  return n;
}

static GListModel *
preview (Fixture      *f,
         const gint64 *ids,
         guint         n_ids,
         gboolean      cascade,
         gint64        new_manager)
{
  g_autoptr(GError) error = NULL;
  GListModel *plan = lia_portfolio_repository_preview_reassignment (f->portfolios, ids, n_ids,
                                                                    cascade, new_manager, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
assert_step (GListModel *plan,
             guint       position,
             gint64      id,
             guint       depth,
             gint64      old_manager,
             gint64      new_manager)
{
  g_autoptr(LiaReassignment) step = g_list_model_get_item (plan, position);

  g_assert_nonnull (step);
  g_assert_cmpint (lia_reassignment_get_account_id (step), ==, id);
  g_assert_cmpuint (lia_reassignment_get_depth (step), ==, depth);
  g_assert_cmpint (lia_reassignment_get_old_manager_id (step), ==, old_manager);
  g_assert_cmpint (lia_reassignment_get_new_manager_id (step), ==, new_manager);
}

static void
test_reassign_preview (Fixture       *f,
                       gconstpointer  data)
{
  Staffed n = build_staffed (f);
  LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

  {
    g_autoptr(GListModel) plan = preview (f, &n.x, 1, FALSE, f->bruno);

    g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 1);
    assert_step (plan, 0, n.x, 0, f->alice, f->bruno);
  }
  {
    /* Without cascade, only the chosen account. */
    g_autoptr(GListModel) plan = preview (f, &n.g, 1, FALSE, f->bruno);

    g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 1);
    assert_step (plan, 0, n.g, 0, f->alice, f->bruno);
  }
  {
    /* With cascade, every descendant at its depth, parents first; T is
     * already Bruno's and left out, S2 had no manager. */
    g_autoptr(GListModel) plan = preview (f, &n.g, 1, TRUE, f->bruno);
    g_autoptr(LiaReassignment) first = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 4);
    assert_step (plan, 0, n.g, 0, f->alice, f->bruno);
    assert_step (plan, 1, n.s1, 1, f->alice, f->bruno);
    assert_step (plan, 2, n.s2, 1, 0, f->bruno);
    assert_step (plan, 3, n.u, 3, f->alice, f->bruno);
    first = g_list_model_get_item (plan, 0);
    g_assert_cmpstr (lia_reassignment_get_account_name (first), ==, "Gamma Group");
  }
  {
    /* Overlapping choices list each account once. */
    const gint64 ids[] = { n.s1, n.g, n.x };
    g_autoptr(GListModel) plan = preview (f, ids, G_N_ELEMENTS (ids), TRUE, f->bruno);
    const gint64 expected[] = { n.g, n.s1, n.s2, n.u, n.x };

    g_assert_cmpuint (g_list_model_get_n_items (plan), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(LiaReassignment) step = find_item (plan, expected[i]);
        g_assert_nonnull (step);
      }
  }
  {
    /* Nothing to do when everyone already has that manager. */
    g_autoptr(GListModel) plan = preview (f, &n.t, 1, FALSE, f->bruno);
    g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 0);
  }

  /* Previewing writes nothing. */
  lia_test_assert_unchanged (f->book, &before);

  /* An unknown or inactive new manager is refused. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) plan = NULL;

    plan = lia_portfolio_repository_preview_reassignment (f->portfolios, &n.g, 1, TRUE, 999999, &error);
    g_assert_null (plan);
    g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
    g_clear_error (&error);

    g_assert_true (lia_book_update_staff (f->book, f->carla, "Carla Nemeth",
                                          LIA_STAFF_ROLE_ACCOUNT_MANAGER, NULL, FALSE, &error));
    g_assert_no_error (error);
    plan = lia_portfolio_repository_preview_reassignment (f->portfolios, &n.g, 1, TRUE, f->carla, &error);
    g_assert_null (plan);
    g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  }
}

static int n_commits;

static int
on_commit_cb (void *user_data)
{
  n_commits++;
  return 0;   /* let it commit */
}

/* The newest "manager" audit line of @id: by @actor at @when, naming the
 * old and new managers (NULL: none). */
static void
assert_manager_audit (Fixture    *f,
                      gint64      id,
                      const char *actor,
                      gint64      when,
                      const char *old_name,
                      const char *new_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit = lia_account_repository_list_audit (f->accounts, id, &error);

  for (guint i = 0; i < g_list_model_get_n_items (audit); i++)
    {
      g_autoptr(LiaAuditEntry) entry = g_list_model_get_item (audit, i);
      const char *old_value, *new_value;

      if (g_strcmp0 (lia_audit_entry_get_field (entry), "manager") != 0)
        continue;
      old_value = lia_audit_entry_get_old_value (entry);
      new_value = lia_audit_entry_get_new_value (entry);
      g_assert_cmpstr (lia_audit_entry_get_actor (entry), ==, actor);
      g_assert_cmpint (lia_audit_entry_get_changed_at (entry), ==, when);
      if (old_name)
        g_assert_true (old_value && strstr (old_value, old_name));
      else
        g_assert_true (old_value == NULL || *old_value == '\0');
      if (new_name)
        g_assert_true (new_value && strstr (new_value, new_name));
      else
        g_assert_true (new_value == NULL || *new_value == '\0');
      return;
    }

  g_error ("no manager audit line for account %" G_GINT64_FORMAT, id);
}

/* Apply writes every change in one transaction, one audit line each;
 * undo puts every previous manager back, also "none". */
static void
test_reassign_apply_undo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Staffed n = build_staffed (f);
  g_autoptr(GListModel) plan = preview (f, &n.g, 1, TRUE, f->bruno);
  const gint64 planned[] = { n.g, n.s1, n.s2, n.u };
  const gint64 before_managers[] = { f->alice, f->alice, 0, f->alice };
  const char *before_names[] = { "Alice Martin", "Alice Martin", NULL, "Alice Martin" };
  const gint64 untouched[] = { n.t, n.x, n.y };
  const gint64 untouched_managers[] = { f->bruno, f->alice, f->carla };
  gint64 audit_before[G_N_ELEMENTS (planned)];
  gint64 untouched_audit[G_N_ELEMENTS (untouched)];

  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    audit_before[i] = count_audit (f, planned[i], "manager");
  for (guint i = 0; i < G_N_ELEMENTS (untouched); i++)
    untouched_audit[i] = count_audit (f, untouched[i], "manager");

  lia_book_set_actor (f->book, "Rita Redeploy");
  f->now = T0 + 500;
  n_commits = 0;
  sqlite3_commit_hook (lia_test_book_handle (f->book), on_commit_cb, NULL);
  g_assert_true (lia_portfolio_repository_apply_reassignment (f->portfolios, plan, &error));
  sqlite3_commit_hook (lia_test_book_handle (f->book), NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (n_commits, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      g_autoptr(LiaAccount) account = lia_test_lookup_account (f->book, planned[i]);

      g_assert_cmpint (stored_manager (f, planned[i]), ==, f->bruno);
      g_assert_cmpstr (lia_account_get_manager_name (account), ==, "Bruno Keller");
      g_assert_cmpint (count_audit (f, planned[i], "manager"), ==, audit_before[i] + 1);
      assert_manager_audit (f, planned[i], "Rita Redeploy", T0 + 500, before_names[i], "Bruno Keller");
    }
  for (guint i = 0; i < G_N_ELEMENTS (untouched); i++)
    {
      g_assert_cmpint (stored_manager (f, untouched[i]), ==, untouched_managers[i]);
      g_assert_cmpint (count_audit (f, untouched[i], "manager"), ==, untouched_audit[i]);
    }

  f->now = T0 + 600;
  n_commits = 0;
  sqlite3_commit_hook (lia_test_book_handle (f->book), on_commit_cb, NULL);
  g_assert_true (lia_portfolio_repository_undo_reassignment (f->portfolios, plan, &error));
  sqlite3_commit_hook (lia_test_book_handle (f->book), NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (n_commits, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      g_assert_cmpint (stored_manager (f, planned[i]), ==, before_managers[i]);
      g_assert_cmpint (count_audit (f, planned[i], "manager"), ==, audit_before[i] + 2);
      assert_manager_audit (f, planned[i], "Rita Redeploy", T0 + 600, "Bruno Keller", before_names[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (untouched); i++)
    g_assert_cmpint (stored_manager (f, untouched[i]), ==, untouched_managers[i]);
}

/* A step that fails takes every other step of the plan with it. */
static void
test_reassign_rollback (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Staffed n = build_staffed (f);
  g_autoptr(GListModel) plan = preview (f, &n.g, 1, TRUE, f->bruno);
  const gint64 planned[] = { n.g, n.s1, n.s2, n.u };
  const gint64 managers[] = { f->alice, f->alice, 0, f->alice };
  gint64 audit_before = lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log");
  g_autofree char *trigger = NULL;

  /* U is the last step: everything before it has been written by then. */
  assert_step (plan, 3, n.u, 3, f->alice, f->bruno);
  trigger = g_strdup_printf ("CREATE TEMP TRIGGER refuse_u BEFORE UPDATE OF manager_id ON main.accounts"
                             " WHEN new.id = %" G_GINT64_FORMAT
                             " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END", n.u);
  sql_exec (f, trigger);

  f->now = T0 + 700;
  g_assert_false (lia_portfolio_repository_apply_reassignment (f->portfolios, plan, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    g_assert_cmpint (stored_manager (f, planned[i]), ==, managers[i]);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log"), ==, audit_before);

  /* The book is usable afterwards, and the same plan then goes through. */
  sql_exec (f, "DROP TRIGGER temp.refuse_u");
  g_assert_true (lia_portfolio_repository_apply_reassignment (f->portfolios, plan, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    g_assert_cmpint (stored_manager (f, planned[i]), ==, f->bruno);
}

/* A plan naming an account that does not exist (deleted since the
 * preview, or made up) changes nothing and writes no audit line. */
static void
test_reassign_unknown_account (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Staffed n = build_staffed (f);
  g_autoptr(GListModel) preview_plan = preview (f, &n.x, 1, FALSE, f->bruno);
  g_autoptr(GListStore) plan = g_list_store_new (LIA_TYPE_REASSIGNMENT);
  g_autoptr(LiaReassignment) ghost = lia_reassignment_new (999999, "Ghost Ltd", 0, f->alice, f->bruno);
  gint64 audit_before = lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log");
  gboolean ok;

  g_autoptr(LiaReassignment) real = g_list_model_get_item (preview_plan, 0);

  g_list_store_append (plan, real);
  g_list_store_append (plan, ghost);

  ok = lia_portfolio_repository_apply_reassignment (f->portfolios, G_LIST_MODEL (plan), &error);
  if (ok || stored_manager (f, n.x) != f->alice ||
      lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log") != audit_before)
    {
      g_test_message ("a plan with unknown account 999999 was %s; X's manager is %" G_GINT64_FORMAT
                      ", %" G_GINT64_FORMAT " audit lines were added (%" G_GINT64_FORMAT " for 999999)",
                      ok ? "applied" : "refused", stored_manager (f, n.x),
                      lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log") - audit_before,
                      count_audit (f, 999999, "manager"));
      g_test_fail ();
    }
}

/* The new manager leaves between the preview and the apply: applying
 * would give corporate accounts a manager who cannot hold them (saving
 * such an account is refused with MANAGER_REQUIRED), so nothing changes. */
static void
test_reassign_manager_left (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Staffed n = build_staffed (f);
  g_autoptr(GListModel) plan = preview (f, &n.g, 1, TRUE, f->bruno);
  gint64 audit_before;
  gboolean ok;

  g_assert_true (lia_book_update_staff (f->book, f->bruno, "Bruno Keller",
                                        LIA_STAFF_ROLE_ACCOUNT_MANAGER, NULL, FALSE, &error));
  g_assert_no_error (error);
  audit_before = lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log");

  ok = lia_portfolio_repository_apply_reassignment (f->portfolios, plan, &error);
  if (ok || stored_manager (f, n.g) != f->alice ||
      lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log") != audit_before)
    {
      g_test_message ("a plan handing corporate accounts to deactivated staff %" G_GINT64_FORMAT
                      " was %s; Gamma Group's manager is now %" G_GINT64_FORMAT,
                      f->bruno, ok ? "applied" : "refused", stored_manager (f, n.g));
      g_test_fail ();
    }
}

/* ------------------------------------------------------------------ */
/* Staff and workload                                                  */
/* ------------------------------------------------------------------ */

static LiaStaffMember *
staff_member (Fixture *f,
              gint64   id)
{
  GListModel *staff = lia_book_get_staff (f->book);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(LiaStaffMember) member = g_list_model_get_item (staff, i);

      if (lia_staff_member_get_id (member) == id)
        return g_steal_pointer (&member);
    }
  return NULL;
}

static void
assert_workload (GListModel *workload,
                 gint64      staff_id,
                 const char *name,
                 gboolean    active,
                 guint       major,
                 guint       portfolios,
                 gint64      total)
{
  g_autoptr(LiaWorkloadEntry) entry = find_item (workload, staff_id);

  g_assert_nonnull (entry);
  g_assert_cmpstr (lia_workload_entry_get_name (entry), ==, name);
  g_assert_cmpint (lia_workload_entry_get_active (entry), ==, active);
  g_assert_cmpuint (lia_workload_entry_get_major_accounts (entry), ==, major);
  g_assert_cmpuint (lia_workload_entry_get_portfolios (entry), ==, portfolios);
  g_assert_cmpint (lia_workload_entry_get_total_value (entry), ==, total);
  g_assert_cmpint (lia_workload_entry_get_open_events (entry), ==, 0);   /* no events here */
  g_assert_cmpint (lia_workload_entry_get_meetings_next_30_days (entry), ==, LIA_ROLLUP_UNKNOWN);
}

static void
test_staff_workload (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workload = NULL;
  g_autoptr(LiaStaffMember) carla = NULL;
  g_autoptr(LiaAccountList) needs = NULL;
  gint64 eddie = lia_test_add_staff (f->book, "Eddie Engineer", LIA_STAFF_ROLE_ENGINEER);
  gint64 g, s1, t, z, b1, b2, b3, c1, c2, none;

  /* Alice: group G (corporate) ← S1 (corporate) ← T (site, small
   * business); K key account alone; Z corporate but closed. */
  g = create_full (f, "Alpha Group", "corporate", f->alice, 100, NULL, LIA_UNIT_KIND_COMPANY);
  s1 = create_full (f, "Alpha North", "corporate", f->alice, 20, NULL, LIA_UNIT_KIND_COMPANY);
  t = create_full (f, "Alpha North Site", "small-business", f->alice, 3, NULL, LIA_UNIT_KIND_SITE);
  create_full (f, "Kappa", "key-account", f->alice, 4000, NULL, LIA_UNIT_KIND_COMPANY);
  z = create_full (f, "Zeta", "corporate", f->alice, 50000, NULL, LIA_UNIT_KIND_COMPANY);
  /* Bruno: a small-business group B1 ← B2, and B3, a corporate
   * subsidiary in Alice's group. */
  b1 = create_full (f, "Beta Group", "small-business", f->bruno, 7, NULL, LIA_UNIT_KIND_COMPANY);
  b2 = create_full (f, "Beta Branch", "small-business", f->bruno, 8, NULL, LIA_UNIT_KIND_SITE);
  b3 = create_full (f, "Alpha South", "corporate", f->bruno, 11, NULL, LIA_UNIT_KIND_COMPANY);
  /* Carla: a corporate group C1 ← C2 (key account); then she leaves. */
  c1 = create_full (f, "Chi Group", "corporate", f->alice, 500, NULL, LIA_UNIT_KIND_COMPANY);
  c2 = create_full (f, "Chi Labs", "key-account", f->carla, 600, NULL, LIA_UNIT_KIND_COMPANY);
  none = create_full (f, "Nobody's", "small-business", 0, 9, NULL, LIA_UNIT_KIND_COMPANY);

  lia_test_move_under (f->book, s1, g);
  lia_test_move_under (f->book, t, s1);
  lia_test_move_under (f->book, b3, g);
  lia_test_move_under (f->book, b2, b1);
  lia_test_move_under (f->book, c2, c1);
  lia_test_close_account (f->book, z);

  /* C1 is handed to Carla by a save: the audit trail names her. */
  {
    g_autoptr(LiaAccount) account = lia_test_lookup_account (f->book, c1);

    lia_account_set_manager_id (account, f->carla);
    g_assert_true (lia_account_repository_save (f->accounts, account, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpuint (lia_book_segment_requires_manager (f->book, "corporate"), ==, TRUE);
  g_assert_cmpuint (lia_book_segment_requires_manager (f->book, "key-account"), ==, TRUE);
  g_assert_cmpuint (lia_book_segment_requires_manager (f->book, "small-business"), ==, FALSE);

  f->now = T0 + 1000;
  g_assert_true (lia_book_update_staff (f->book, f->carla, "Carla Nemeth",
                                        LIA_STAFF_ROLE_ACCOUNT_MANAGER, "carla@example.com", FALSE, &error));
  g_assert_no_error (error);

  /* She stays on the staff list, inactive. */
  g_assert_cmpuint (g_list_model_get_n_items (lia_book_get_staff (f->book)), ==, 4);
  carla = staff_member (f, f->carla);
  g_assert_nonnull (carla);
  g_assert_false (lia_staff_member_get_active (carla));
  g_assert_cmpstr (lia_staff_member_get_name (carla), ==, "Carla Nemeth");

  workload = lia_portfolio_repository_list_workload (f->portfolios, &error);
  g_assert_no_error (error);
  {
    /* Account managers by name; the engineer manages nothing. */
    const gint64 expected[] = { f->alice, f->bruno, f->carla };
    assert_ids (workload, expected, G_N_ELEMENTS (expected));
    g_assert_null (find_item (workload, eddie));
  }
  /* Alice: majors G, S1, K (Z is closed); one portfolio, G. */
  assert_workload (workload, f->alice, "Alice Martin", TRUE, 3, 1, 100 + 20 + 3 + 4000);
  /* Bruno: B3 is major; B1 is a group he manages. */
  assert_workload (workload, f->bruno, "Bruno Keller", TRUE, 1, 1, 7 + 8 + 11);
  assert_workload (workload, f->carla, "Carla Nemeth", FALSE, 2, 1, 500 + 600);

  /* Her accounts need a new manager; so does the one that never had one. */
  needs = lia_account_list_new (f->book);
  lia_account_list_set_needs_manager (needs, TRUE);
  {
    const gint64 expected[] = { c1, c2, none };

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (needs)), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpuint (lia_account_list_find (needs, expected[i]), !=, G_MAXUINT);
  }
  {
    g_autoptr(LiaAccount) account = lia_test_lookup_account (f->book, c1);
    g_autoptr(LiaAccount) other = lia_test_lookup_account (f->book, g);
    g_autoptr(LiaAccount) nobody = lia_test_lookup_account (f->book, none);

    g_assert_false (lia_account_get_manager_active (account));
    g_assert_cmpstr (lia_account_get_manager_name (account), ==, "Carla Nemeth");
    g_assert_true (lia_account_get_manager_active (other));
    g_assert_cmpint (lia_account_get_manager_id (nobody), ==, 0);
  }

  /* Never deleted: the row stays, the file refuses to drop someone
   * accounts still name, and the history still reads her name. */
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM staff WHERE id = %" G_GINT64_FORMAT,
                                          f->carla), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM staff WHERE id = %" G_GINT64_FORMAT, f->carla);
    g_assert_cmpint (sqlite3_exec (lia_test_book_handle (f->book), sql, NULL, NULL, NULL), !=, SQLITE_OK);
  }
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM staff WHERE id = %" G_GINT64_FORMAT,
                                          f->carla), ==, 1);
  assert_manager_audit (f, c1, "Test Actor", T0, "Alice Martin", "Carla Nemeth");

  /* Back from leave: her accounts no longer need anyone new. */
  g_assert_true (lia_book_update_staff (f->book, f->carla, "Carla Nemeth",
                                        LIA_STAFF_ROLE_ACCOUNT_MANAGER, NULL, TRUE, &error));
  g_assert_no_error (error);
  lia_account_list_reload (needs);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (needs)), ==, 1);
  g_assert_cmpuint (lia_account_list_find (needs, none), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Contacts and notes                                                  */
/* ------------------------------------------------------------------ */

static LiaContact *
add_contact (Fixture    *f,
             gint64      account_id,
             const char *name,
             gboolean    key)
{
  g_autoptr(GError) error = NULL;
  LiaContact *contact = lia_contact_new ();

  lia_contact_set_account_id (contact, account_id);
  lia_contact_set_name (contact, name);
  lia_contact_set_role (contact, "Buyer");
  lia_contact_set_key_contact (contact, key);
  g_assert_true (lia_account_repository_add_contact (f->accounts, contact, &error));
  g_assert_no_error (error);
  return contact;
}

static gboolean
search_finds (Fixture    *f,
              const char *text,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lia_account_repository_search (f->accounts, text, 50, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    if (lia_account_get_id (g_ptr_array_index (found, i)) == id)
      return TRUE;
  return FALSE;
}

/* The newest audit line of @id for @field, as "entity/entity_id/old/new/actor/when". */
static char *
newest_audit_line (Fixture    *f,
                   gint64      id,
                   const char *field)
{
  g_autofree char *sql = g_strdup_printf ("SELECT entity || '/' || entity_id || '/' || coalesce (old_value, '-')"
                                          " || '/' || coalesce (new_value, '-') || '/' || actor || '/' || changed_at"
                                          " FROM audit_log WHERE account_id = %" G_GINT64_FORMAT
                                          " AND field = '%s' ORDER BY id DESC LIMIT 1", id, field);
  return lia_test_sql_text (lia_test_book_handle (f->book), sql);
}

static void
test_move_contact (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 s1 = create (f, "Old Employer");
  gint64 o = create (f, "New Employer");
  g_autoptr(LiaContact) quentin = add_contact (f, s1, "Quentin Quasimodo", TRUE);
  g_autoptr(LiaInquiry) inquiry = lia_inquiry_new (s1, T0 - DAY, LIA_INQUIRY_CHANNEL_PHONE,
                                                   "Can we add a site?", "Yes.", f->alice);
  gint64 qid = lia_contact_get_id (quentin);
  g_autofree char *sql = NULL;
  g_autofree char *employments = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *line_old = NULL, *line_new = NULL, *expected_line = NULL;

  g_assert_true (lia_account_repository_add_inquiry (f->accounts, inquiry, &error));
  g_assert_no_error (error);
  g_assert_true (search_finds (f, "quasimodo", s1));

  f->now = T0 + 1000;
  g_assert_true (lia_portfolio_repository_move_contact (f->portfolios, quentin, o, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_account_id (quentin), ==, o);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT account_id FROM contacts WHERE id = %" G_GINT64_FORMAT,
                                          qid), ==, o);

  /* What they asked stays with the employer of the time. */
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT account_id FROM events WHERE kind = 'inquiry'"
                                          " AND id = %" G_GINT64_FORMAT, lia_inquiry_get_id (inquiry)), ==, s1);
  {
    g_autoptr(GListModel) old_inquiries = lia_account_repository_list_inquiries (f->accounts, s1, &error);
    g_autoptr(GListModel) new_inquiries = lia_account_repository_list_inquiries (f->accounts, o, &error);

    g_assert_cmpuint (g_list_model_get_n_items (old_inquiries), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (new_inquiries), ==, 0);
  }

  /* The employment history: the old one ended, the new one started. */
  sql = g_strdup_printf ("SELECT group_concat (account_id || ':' || started_at || '-' || coalesce (ended_at, 'now'), ' ')"
                         " FROM (SELECT * FROM contact_employments WHERE contact_id = %" G_GINT64_FORMAT
                         " ORDER BY started_at, id)", qid);
  employments = lia_test_sql_text (lia_test_book_handle (f->book), sql);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":%d-%d %" G_GINT64_FORMAT ":%d-now",
                              s1, T0, T0 + 1000, o, T0 + 1000);
  g_assert_cmpstr (employments, ==, expected);

  /* Both accounts' trails say so. */
  expected_line = g_strdup_printf ("contact/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                                   "/Test Actor/%d", qid, s1, o, T0 + 1000);
  line_old = newest_audit_line (f, s1, "employer");
  line_new = newest_audit_line (f, o, "employer");
  g_assert_cmpstr (line_old, ==, expected_line);
  g_assert_cmpstr (line_new, ==, expected_line);

  /* Search finds them at the new employer only. */
  g_assert_true (search_finds (f, "quasimodo", o));
  g_assert_false (search_finds (f, "quasimodo", s1));
  {
    g_autoptr(GListModel) at_old = lia_account_repository_list_contacts (f->accounts, s1, &error);
    g_autoptr(GListModel) at_new = lia_account_repository_list_contacts (f->accounts, o, &error);

    g_assert_cmpuint (g_list_model_get_n_items (at_old), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (at_new), ==, 1);
  }

  /* To the same account: nothing to do; to an unknown one: refused. */
  {
    LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

    g_assert_true (lia_portfolio_repository_move_contact (f->portfolios, quentin, o, &error));
    g_assert_no_error (error);
    lia_test_assert_unchanged (f->book, &before);

    g_assert_false (lia_portfolio_repository_move_contact (f->portfolios, quentin, 999999, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    lia_test_assert_unchanged (f->book, &before);
    g_assert_cmpint (lia_contact_get_account_id (quentin), ==, o);
  }
}

static void
assert_contact (GListModel *contacts,
                guint       position,
                const char *name,
                gboolean    key,
                const char *account_name)
{
  g_autoptr(LiaContact) contact = g_list_model_get_item (contacts, position);

  g_assert_nonnull (contact);
  g_assert_cmpstr (lia_contact_get_name (contact), ==, name);
  g_assert_cmpint (lia_contact_get_key_contact (contact), ==, key);
  g_assert_cmpstr (lia_contact_get_account_name (contact), ==, account_name);
}

static void
test_group_contacts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 g = create (f, "Delta Group"), s1 = create (f, "Delta North");
  gint64 s2 = create (f, "Delta South"), t = create (f, "Delta North Site");
  gint64 other = create (f, "Omega");
  g_autoptr(LiaContact) zed = add_contact (f, g, "Zed Zimmer", FALSE);
  g_autoptr(LiaContact) bea = add_contact (f, s1, "Bea Berg", TRUE);
  g_autoptr(LiaContact) abe = add_contact (f, t, "Abe Abel", TRUE);
  g_autoptr(LiaContact) al = add_contact (f, s2, "Al Alder", FALSE);
  g_autoptr(LiaContact) olga = add_contact (f, other, "Olga Other", TRUE);
  g_autoptr(LiaContact) quinn = add_contact (f, s1, "Quinn Quill", TRUE);
  g_autoptr(GListModel) contacts = NULL;

  lia_test_move_under (f->book, s1, g);
  lia_test_move_under (f->book, s2, g);
  lia_test_move_under (f->book, t, s1);

  /* Key contacts first, then by name, across the whole subtree. */
  contacts = lia_portfolio_repository_list_group_contacts (f->portfolios, g, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 5);
  assert_contact (contacts, 0, "Abe Abel", TRUE, "Delta North Site");
  assert_contact (contacts, 1, "Bea Berg", TRUE, "Delta North");
  assert_contact (contacts, 2, "Quinn Quill", TRUE, "Delta North");
  assert_contact (contacts, 3, "Al Alder", FALSE, "Delta South");
  assert_contact (contacts, 4, "Zed Zimmer", FALSE, "Delta Group");
  g_clear_object (&contacts);

  /* A subsidiary's own subtree only. */
  contacts = lia_portfolio_repository_list_group_contacts (f->portfolios, s1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 3);
  g_clear_object (&contacts);

  /* Quinn leaves the group for Omega. */
  g_assert_true (lia_portfolio_repository_move_contact (f->portfolios, quinn, other, &error));
  g_assert_no_error (error);
  contacts = lia_portfolio_repository_list_group_contacts (f->portfolios, g, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 4);
  assert_contact (contacts, 1, "Bea Berg", TRUE, "Delta North");
  assert_contact (contacts, 2, "Al Alder", FALSE, "Delta South");
  g_clear_object (&contacts);
  contacts = lia_portfolio_repository_list_group_contacts (f->portfolios, other, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  assert_contact (contacts, 0, "Olga Other", TRUE, "Omega");
  assert_contact (contacts, 1, "Quinn Quill", TRUE, "Omega");
}

static void
assert_note (GListModel  *notes,
             guint        position,
             gint64       account_id,
             gint64       noted_at,
             LiaNoteKind  kind,
             const char  *body)
{
  g_autoptr(LiaAccountNote) note = g_list_model_get_item (notes, position);

  g_assert_nonnull (note);
  g_assert_cmpint (lia_account_note_get_account_id (note), ==, account_id);
  g_assert_cmpint (lia_account_note_get_noted_at (note), ==, noted_at);
  g_assert_cmpint (lia_account_note_get_kind (note), ==, kind);
  g_assert_cmpstr (lia_account_note_get_body (note), ==, body);
  g_assert_cmpstr (lia_account_note_get_author (note), ==, "Test Actor");
}

static void
add_note (Fixture     *f,
          gint64       id,
          gint64       when,
          LiaNoteKind  kind,
          const char  *body)
{
  g_autoptr(GError) error = NULL;

  f->now = when;
  g_assert_true (lia_portfolio_repository_add_note (f->portfolios, id, kind, body, &error));
  g_assert_no_error (error);
}

static void
test_notes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 g = create (f, "Epsilon Group"), s1 = create (f, "Epsilon North");
  gint64 t = create (f, "Epsilon North Site"), other = create (f, "Outsider");
  g_autoptr(GListModel) notes = NULL;
  const char *empty[] = { NULL, "", "   ", "\n\t " };

  lia_test_move_under (f->book, s1, g);
  lia_test_move_under (f->book, t, s1);

  add_note (f, g, T0 + 10, LIA_NOTE_KIND_PREFERENCE, "Prefers calls before 10:00");
  add_note (f, t, T0 + 30, LIA_NOTE_KIND_ANTICIPATED_NEED, "  Plans a site move in Q3\n");
  add_note (f, s1, T0 + 20, LIA_NOTE_KIND_ANTICIPATED_NEED, "Budget round in May");
  add_note (f, other, T0 + 40, LIA_NOTE_KIND_PREFERENCE, "Not in the group");
  add_note (f, s1, T0 + 30, LIA_NOTE_KIND_PREFERENCE, "Same second, written later");

  /* Newest first across the group; equal times by the order written. */
  notes = lia_portfolio_repository_list_notes (f->portfolios, g, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 4);
  assert_note (notes, 0, s1, T0 + 30, LIA_NOTE_KIND_PREFERENCE, "Same second, written later");
  assert_note (notes, 1, t, T0 + 30, LIA_NOTE_KIND_ANTICIPATED_NEED, "Plans a site move in Q3");
  assert_note (notes, 2, s1, T0 + 20, LIA_NOTE_KIND_ANTICIPATED_NEED, "Budget round in May");
  assert_note (notes, 3, g, T0 + 10, LIA_NOTE_KIND_PREFERENCE, "Prefers calls before 10:00");
  g_clear_object (&notes);

  notes = lia_portfolio_repository_list_notes (f->portfolios, t, &error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

      g_assert_false (lia_portfolio_repository_add_note (f->portfolios, g, LIA_NOTE_KIND_PREFERENCE,
                                                         empty[i], &error));
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      lia_test_assert_unchanged (f->book, &before);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/portfolios/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("hierarchy/build", test_hierarchy_build);
  ADD ("hierarchy/cycles", test_hierarchy_cycles);
  ADD ("hierarchy/stale-object", test_hierarchy_stale_object);
  ADD ("hierarchy/root-id", test_hierarchy_root_id);
  ADD ("hierarchy/random-moves", test_hierarchy_random_moves);
  ADD ("rollups/hand-computed", test_rollups);
  ADD ("rollups/after-move", test_rollups_after_move);
  ADD ("reassign/preview", test_reassign_preview);
  ADD ("reassign/apply-undo", test_reassign_apply_undo);
  ADD ("reassign/rollback", test_reassign_rollback);
  ADD ("reassign/unknown-account", test_reassign_unknown_account);
  ADD ("reassign/manager-left", test_reassign_manager_left);
  ADD ("staff/workload", test_staff_workload);
  ADD ("contacts/move", test_move_contact);
  ADD ("contacts/group", test_group_contacts);
  ADD ("notes/group", test_notes);

#undef ADD

  return g_test_run ();
}
