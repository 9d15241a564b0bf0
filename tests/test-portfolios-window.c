/* test-portfolios-window.c — corporate groups, coverage and re-deployment
 * driven through the main window's real widgets
 *
 * A display suite: run under xvfb-run (and dbus-run-session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-account-repository.h"
#include "lia-choice-labels.h"
#include "lia-coverage-view.h"
#include "lia-format.h"
#include "lia-group-dialog.h"
#include "lia-money.h"
#include "lia-portfolio-page.h"
#include "lia-portfolio-repository.h"
#include "lia-portfolios-view.h"
#include "lia-preferences-window.h"
#include "lia-reassign-dialog.h"
#include "lia-staff-dialog.h"
#include "lia-staff-page.h"
#include "lia-workload-view.h"

#include "test-display.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  const char *action;
  GVariant   *target;
} ActionTarget;

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  const ActionTarget *want = data;

  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), want->action) == 0 &&
         (want->target == NULL ||
          g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), want->target));
}

/* The button a person would click, found by its action and target. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action,
                    GVariant   *target)
{
  ActionTarget want = { action, target };

  return lia_test_find_widget (widget, is_action_button, &want);
}

/* ---- every new template builds with the Debian 12 toolkit ---- */

static void
test_templates (void)
{
  const GType widgets[] = {
    LIA_TYPE_PORTFOLIOS_VIEW, LIA_TYPE_PORTFOLIO_PAGE, LIA_TYPE_WORKLOAD_VIEW,
    LIA_TYPE_COVERAGE_VIEW, LIA_TYPE_STAFF_PAGE,
  };
  const GType windows[] = {
    LIA_TYPE_GROUP_DIALOG, LIA_TYPE_REASSIGN_DIALOG, LIA_TYPE_STAFF_DIALOG,
  };

  lia_test_build_each (widgets, G_N_ELEMENTS (widgets));
  lia_test_build_each (windows, G_N_ELEMENTS (windows));

  g_assert_true (G_IS_MENU_MODEL (lia_views_get_primary_menu ()));
}

/* ---- a group from building it to handing it over ---- */

typedef struct
{
  char      *data_dir;
  LiaBook   *book;
  LiaWindow *window;
  gint64     now;
  gint64     morgan, riley, sam, dana;
  gint64     a, b, c, d;
} Fixture;

/* Corporate, so a manager is required: each gets one. */
static gint64
add_account (Fixture    *fixture,
             const char *name,
             const char *number,
             gint64      value)
{
  g_autoptr(LiaAccount) account = lia_test_account_new (number, name, "corporate");

  lia_account_set_manager_id (account, fixture->morgan);
  lia_account_set_contract_value (account, value);
  lia_account_set_currency (account, "EUR");
  return lia_test_account_create (fixture->book, account);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->now = LIA_TEST_START_TIME;
  fixture->book = lia_test_book_new (&fixture->data_dir, NULL, &fixture->now, "Test Person");

  fixture->morgan = lia_test_add_staff (fixture->book, "Morgan Manager", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  fixture->riley = lia_test_add_staff (fixture->book, "Riley Reed", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  fixture->sam = lia_test_add_staff (fixture->book, "Sam Successor", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  fixture->dana = lia_test_add_staff (fixture->book, "Dana Departed", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  lia_book_update_staff (fixture->book, fixture->dana, "Dana Departed",
                         LIA_STAFF_ROLE_ACCOUNT_MANAGER, NULL, FALSE, &error);
  g_assert_no_error (error);

  fixture->a = add_account (fixture, "Alpha Holding", "P-0001", 100000);
  fixture->b = add_account (fixture, "Beta Subsidiary", "P-0002", 25000);
  fixture->c = add_account (fixture, "Gamma Site", "P-0003", 5050);
  fixture->d = add_account (fixture, "Delta Standalone", "P-0004", 7000);

  fixture->window = lia_test_main_window_new (fixture->book, 1200, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lia_test_display_tear_down (GTK_WINDOW (fixture->window), &fixture->book, &fixture->data_dir);
}

/* ---- the New Group dialog ---- */

typedef struct
{
  LiaGroupDialog *dialog;
  const char     *name;
} Results;

static gboolean
results_show (gpointer data)
{
  Results *results = data;
  GListModel *model = lia_group_dialog_get_results (results->dialog);
  g_autoptr(LiaAccount) first = NULL;

  if (g_list_model_get_n_items (model) != 1)
    return FALSE;
  first = g_list_model_get_item (model, 0);
  return g_strcmp0 (lia_account_get_name (first), results->name) == 0;
}

/* Types the name in the search and picks the one match, as a person would. */
static void
pick_in_dialog (LiaGroupDialog *dialog,
                const char     *name)
{
  Results results = { dialog, name };
  GtkListBox *list = GTK_LIST_BOX (lia_test_child (dialog, LIA_TYPE_GROUP_DIALOG, "results_list"));

  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_GROUP_DIALOG, "search_entry")), name);
  lia_test_wait_for (results_show, &results, name);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
}

static void
build_group (Fixture *fixture)
{
  LiaGroupDialog *dialog;
  GtkWidget *kind_row, *error_label;
  GtkListBox *members;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-group", NULL);
  dialog = LIA_GROUP_DIALOG (lia_test_wait_for_toplevel (LIA_TYPE_GROUP_DIALOG));
  kind_row = lia_test_child (dialog, LIA_TYPE_GROUP_DIALOG, "kind_row");
  error_label = lia_test_child (dialog, LIA_TYPE_GROUP_DIALOG, "error_label");
  members = GTK_LIST_BOX (lia_test_child (dialog, LIA_TYPE_GROUP_DIALOG, "members_list"));

  /* First the parent; only then is there a kind to choose. */
  g_assert_false (gtk_widget_is_visible (kind_row));
  pick_in_dialog (dialog, "Alpha Holding");
  g_assert_true (gtk_widget_is_visible (kind_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (lia_test_child (dialog, LIA_TYPE_GROUP_DIALOG,
                                                                                "parent_row"))),
                   ==, "Alpha Holding");

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), LIA_UNIT_KIND_COMPANY);
  pick_in_dialog (dialog, "Beta Subsidiary");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), LIA_UNIT_KIND_SITE);
  pick_in_dialog (dialog, "Gamma Site");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_nonnull (gtk_list_box_get_row_at_index (members, 1));
  g_assert_null (gtk_list_box_get_row_at_index (members, 2));

  /* The group cannot go under itself: said in the dialog. */
  pick_in_dialog (dialog, "Alpha Holding");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Alpha Holding"));
  g_assert_null (gtk_list_box_get_row_at_index (members, 2));

  lia_test_click_and_wait_destroyed (GTK_WINDOW (dialog),
                                     find_action_button (GTK_WIDGET (dialog), "window.close", NULL));
}

/* ---- the tree ---- */

typedef struct
{
  Fixture *fixture;
  guint    n_rows;
  guint    n_accounts;
  gint64   total;
  gint64   last_contact;
} TreeState;

static LiaPortfolioNode *
row_node (GListModel *rows,
          guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static gboolean
tree_reached (gpointer data)
{
  TreeState *state = data;
  GListModel *rows = lia_portfolios_view_get_rows (lia_window_get_portfolios_view (state->fixture->window));
  g_autoptr(LiaPortfolioNode) top = NULL;

  if (g_list_model_get_n_items (rows) != state->n_rows || !(top = row_node (rows, 0)))
    return FALSE;

  return lia_account_get_id (lia_portfolio_node_get_account (top)) == state->fixture->a &&
         lia_portfolio_node_get_n_accounts (top) == state->n_accounts &&
         lia_portfolio_node_get_total_value (top) == state->total &&
         lia_portfolio_node_get_last_contact_at (top) == state->last_contact;
}

static void
check_tree (Fixture *fixture)
{
  LiaPortfoliosView *view = lia_window_get_portfolios_view (fixture->window);
  GListModel *rows = lia_portfolios_view_get_rows (view);
  TreeState grouped = { fixture, 1, 3, 130050, 0 };
  g_autoptr(GtkTreeListRow) top = NULL;
  g_autoptr(LiaPortfolioNode) node = NULL;
  g_autoptr(LiaPortfolioNode) beta = NULL;
  g_autoptr(LiaPortfolioNode) gamma = NULL;
  g_autofree char *value = NULL;
  g_autofree char *expected = lia_money_format (130050, "EUR");

  lia_test_wait_for (tree_reached, &grouped, "the tree to show Alpha with three accounts");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (lia_test_child (view, LIA_TYPE_PORTFOLIOS_VIEW,
                                                                                "content_stack"))),
                   ==, "tree");

  /* The sum of all three, as the Contract Value column shows it. */
  node = row_node (rows, 0);
  value = lia_format_node_value (node);
  g_assert_cmpstr (value, ==, expected);

  /* Expanding the group reads its members, by name. */
  top = g_list_model_get_item (rows, 0);
  g_assert_true (gtk_tree_list_row_is_expandable (top));
  gtk_tree_list_row_set_expanded (top, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  beta = row_node (rows, 1);
  gamma = row_node (rows, 2);
  g_assert_cmpstr (lia_account_get_name (lia_portfolio_node_get_account (beta)), ==, "Beta Subsidiary");
  g_assert_cmpstr (lia_account_get_name (lia_portfolio_node_get_account (gamma)), ==, "Gamma Site");
  g_assert_cmpint (lia_account_get_unit_kind (lia_portfolio_node_get_account (gamma)), ==, LIA_UNIT_KIND_SITE);
}

/* ---- the portfolio page ---- */

static LiaPortfolioPage *
open_portfolio (Fixture *fixture,
                guint    position,
                gint64   expected_id)
{
  LiaPortfoliosView *view = lia_window_get_portfolios_view (fixture->window);
  LiaPortfolioPage *page = lia_portfolios_view_get_page (view);
  GtkStack *nav = GTK_STACK (lia_test_child (view, LIA_TYPE_PORTFOLIOS_VIEW, "nav_stack"));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (nav), "portfolio") == 0)
    g_signal_emit_by_name (lia_test_child (view, LIA_TYPE_PORTFOLIOS_VIEW, "back_button"), "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (nav), ==, "groups");

  /* Enter (or a double click) on a row. */
  g_signal_emit_by_name (lia_test_child (view, LIA_TYPE_PORTFOLIOS_VIEW, "column_view"), "activate", position);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (nav), ==, "portfolio");
  g_assert_cmpint (lia_account_get_id (lia_portfolio_node_get_account (lia_portfolio_page_get_node (page))),
                   ==, expected_id);
  return page;
}

typedef struct
{
  Fixture *fixture;
  gint64   id;
  gint64   manager;
  gint64   deputy;
} Staffing;

static gboolean
staffing_saved (gpointer data)
{
  Staffing *want = data;
  g_autoptr(LiaAccount) account = lia_test_lookup_account (want->fixture->book, want->id);

  return lia_account_get_manager_id (account) == want->manager &&
         (want->deputy < 0 || lia_account_get_deputy_id (account) == want->deputy);
}

static guint
staff_position (Fixture *fixture,
                gint64   id)
{
  return lia_active_staff_labels_find (lia_book_get_staff (fixture->book), TRUE, id);
}

/* Pickers offer active staff only; a required manager is said inline. */
static void
assign_manager (Fixture          *fixture,
                LiaPortfolioPage *page)
{
  AdwComboRow *manager = ADW_COMBO_ROW (lia_test_child (page, LIA_TYPE_PORTFOLIO_PAGE, "manager_row"));
  AdwComboRow *deputy = ADW_COMBO_ROW (lia_test_child (page, LIA_TYPE_PORTFOLIO_PAGE, "deputy_row"));
  GtkWidget *error_label = lia_test_child (page, LIA_TYPE_PORTFOLIO_PAGE, "staffing_error_label");
  GtkWidget *save = find_action_button (GTK_WIDGET (page), "portfolio.save-staffing", NULL);
  GListModel *offered = adw_combo_row_get_model (manager);
  Staffing want = { fixture, fixture->a, fixture->riley, fixture->morgan };

  /* "None" and the three active managers; Dana left. */
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (offered); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (offered), i), !=, "Dana Departed");
  g_assert_cmpuint (adw_combo_row_get_selected (manager), ==, staff_position (fixture, fixture->morgan));

  adw_combo_row_set_selected (manager, 0);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_is_sensitive (save));

  adw_combo_row_set_selected (manager, staff_position (fixture, fixture->riley));
  adw_combo_row_set_selected (deputy, staff_position (fixture, fixture->morgan));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (save, "clicked");
  lia_test_wait_for (staffing_saved, &want, "Riley to be Alpha's manager, Morgan the deputy");
}

/* ---- coverage ---- */

typedef struct
{
  Fixture    *fixture;
  const char *share;
  gint64      overdue[2];   /* 0-terminated */
} CoverageState;

static gboolean
coverage_reached (gpointer data)
{
  CoverageState *state = data;
  LiaCoverageView *view = lia_window_get_coverage_view (state->fixture->window);
  GListModel *overdue = lia_coverage_view_get_overdue (view);
  GtkLabel *share = GTK_LABEL (lia_test_child (view, LIA_TYPE_COVERAGE_VIEW, "share_label"));
  guint n = 0;

  while (n < G_N_ELEMENTS (state->overdue) && state->overdue[n] != 0)
    n++;
  if (g_strcmp0 (gtk_label_get_label (share), state->share) != 0 ||
      g_list_model_get_n_items (overdue) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaCoverageEntry) entry = g_list_model_get_item (overdue, i);

      if (lia_account_get_id (lia_coverage_entry_get_account (entry)) != state->overdue[i])
        return FALSE;
    }
  return TRUE;
}

static void
log_contact_on_gamma (Fixture *fixture)
{
  TreeState contacted = { fixture, 3, 3, 130050, 0 };
  LiaPortfolioPage *page = open_portfolio (fixture, 2, fixture->c);

  /* What the page's Log Contact menu item does. */
  gtk_widget_activate_action (GTK_WIDGET (page), "portfolio.log-contact", "s", "call");

  /* The group was contacted through its site: the roll-up says so. */
  contacted.last_contact = fixture->now;
  lia_test_wait_for (tree_reached, &contacted, "Alpha's last contact to roll up from Gamma");
}

static void
check_coverage (Fixture *fixture)
{
  CoverageState all_overdue = { fixture, "0 of 2 (0 %) within cadence", { fixture->a, fixture->d } };
  CoverageState alpha_done = { fixture, "1 of 2 (50 %) within cadence", { fixture->d, 0 } };
  CoverageState all_done = { fixture, "2 of 2 (100 %) within cadence", { 0, 0 } };
  LiaCoverageView *view = lia_window_get_coverage_view (fixture->window);
  g_autoptr(GVariant) delta = g_variant_ref_sink (g_variant_new_int64 (fixture->d));
  GtkWidget *log_button;

  /* Created on day 0 with a 60-day cadence: both overdue by day 90. */
  fixture->now = LIA_TEST_START_TIME + 90 * DAY;
  lia_window_show_area (fixture->window, "coverage");
  lia_test_wait_for (coverage_reached, &all_overdue, "Alpha and Delta to be overdue");

  lia_window_show_area (fixture->window, "portfolios");
  log_contact_on_gamma (fixture);
  lia_window_show_area (fixture->window, "coverage");
  lia_test_wait_for (coverage_reached, &alpha_done, "Alpha to leave the overdue list");

  /* One click on Delta's row. */
  log_button = find_action_button (GTK_WIDGET (view), "coverage.log-contact", delta);
  g_assert_nonnull (log_button);
  g_signal_emit_by_name (log_button, "clicked");
  lia_test_wait_for (coverage_reached, &all_done, "Delta to leave the overdue list");
}

/* ---- re-deployment ---- */

typedef struct
{
  Fixture *fixture;
  gint64   a, b, c;
} Managers;

static gboolean
managers_are (gpointer data)
{
  Managers *want = data;
  g_autoptr(LiaAccount) a = lia_test_lookup_account (want->fixture->book, want->fixture->a);
  g_autoptr(LiaAccount) b = lia_test_lookup_account (want->fixture->book, want->fixture->b);
  g_autoptr(LiaAccount) c = lia_test_lookup_account (want->fixture->book, want->fixture->c);

  return lia_account_get_manager_id (a) == want->a &&
         lia_account_get_manager_id (b) == want->b &&
         lia_account_get_manager_id (c) == want->c;
}

static void
choose_plan (LiaReassignDialog *dialog,
             Fixture           *fixture)
{
  GtkSwitch *cascade = GTK_SWITCH (lia_test_child (dialog, LIA_TYPE_REASSIGN_DIALOG, "cascade_switch"));
  AdwComboRow *manager = ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_REASSIGN_DIALOG, "manager_row"));
  GListModel *plan;

  /* Nothing is picked for the person; the whole group starts included. */
  g_assert_null (lia_reassign_dialog_get_plan (dialog));
  g_assert_true (gtk_switch_get_active (cascade));

  adw_combo_row_set_selected (manager, staff_position (fixture, fixture->sam));
  plan = lia_reassign_dialog_get_plan (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 3);

  gtk_switch_set_active (cascade, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (lia_reassign_dialog_get_plan (dialog)), ==, 1);
  gtk_switch_set_active (cascade, TRUE);

  /* Exactly what changes: the top, then its members a level down. */
  plan = lia_reassign_dialog_get_plan (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LiaReassignment) step = g_list_model_get_item (plan, i);

      g_assert_cmpuint (lia_reassignment_get_depth (step), ==, i == 0 ? 0 : 1);
      g_assert_cmpint (lia_reassignment_get_new_manager_id (step), ==, fixture->sam);
    }
}

typedef struct
{
  GtkWidget *root;
  GtkWidget *found;
} FindButton;

static gboolean
find_undo (gpointer data)
{
  FindButton *find = data;

  find->found = find_action_button (find->root, "toast.undo", NULL);
  return find->found != NULL;
}

static void
reassign_and_undo (Fixture *fixture)
{
  Managers handed = { fixture, fixture->sam, fixture->sam, fixture->sam };
  Managers back = { fixture, fixture->riley, fixture->morgan, fixture->morgan };
  LiaPortfolioPage *page;
  LiaReassignDialog *dialog;
  FindButton undo = { NULL, NULL };

  lia_window_show_area (fixture->window, "portfolios");
  page = open_portfolio (fixture, 0, fixture->a);
  gtk_widget_activate_action (GTK_WIDGET (page), "portfolio.reassign", NULL);
  dialog = LIA_REASSIGN_DIALOG (lia_test_wait_for_toplevel (LIA_TYPE_REASSIGN_DIALOG));
  choose_plan (dialog, fixture);

  lia_test_click_and_wait_destroyed (GTK_WINDOW (dialog),
                                     find_action_button (GTK_WIDGET (dialog), "reassign.apply", NULL));
  lia_test_wait_for (managers_are, &handed, "all three to be Sam's");

  /* The toast's Undo button puts each back with its own manager. */
  undo.root = GTK_WIDGET (fixture->window);
  lia_test_wait_for (find_undo, &undo, "the Undo toast");
  g_signal_emit_by_name (undo.found, "clicked");
  lia_test_wait_for (managers_are, &back, "Riley and Morgan to have them back");
}

static void
test_group_rollups_coverage_reassign (Fixture       *fixture,
                                      gconstpointer  data)
{
  LiaPortfoliosView *view = lia_window_get_portfolios_view (fixture->window);

  lia_window_show_area (fixture->window, "portfolios");
  lia_test_wait_for (lia_test_is_mapped, view, "the Portfolios area");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (lia_test_child (view, LIA_TYPE_PORTFOLIOS_VIEW,
                                                                                "content_stack"))),
                   ==, "empty");

  build_group (fixture);
  check_tree (fixture);
  assign_manager (fixture, open_portfolio (fixture, 0, fixture->a));
  check_coverage (fixture);
  reassign_and_undo (fixture);
}

/* ---- staff, the workload and the "needs a new manager" filter ---- */

typedef struct
{
  Fixture *fixture;
  guint    n_rows;
  gint64   first_staff;
} WorkloadState;

static gboolean
workload_reached (gpointer data)
{
  WorkloadState *state = data;
  GListModel *rows = lia_workload_view_get_rows (lia_window_get_workload_view (state->fixture->window));
  g_autoptr(LiaWorkloadEntry) first = NULL;

  if (g_list_model_get_n_items (rows) != state->n_rows)
    return FALSE;
  first = g_list_model_get_item (rows, 0);
  return lia_workload_entry_get_staff_id (first) == state->first_staff;
}

static void
sort_workload (Fixture *fixture)
{
  LiaWorkloadView *view = lia_window_get_workload_view (fixture->window);
  GtkColumnView *table = GTK_COLUMN_VIEW (lia_test_child (view, LIA_TYPE_WORKLOAD_VIEW, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (table);
  g_autoptr(GtkColumnViewColumn) major = g_list_model_get_item (columns, 1);
  /* By name: Dana, Morgan, Riley, Sam (Dana left, but had accounts). */
  WorkloadState by_name = { fixture, 4, fixture->dana };
  WorkloadState by_major = { fixture, 4, fixture->morgan };

  lia_window_show_area (fixture->window, "workload");
  lia_test_wait_for (workload_reached, &by_name, "the workload by name");
  gtk_column_view_sort_by_column (table, major, GTK_SORT_DESCENDING);
  lia_test_wait_for (workload_reached, &by_major, "Morgan, with four accounts, first");
}

typedef struct
{
  LiaAccountList *list;
  guint           n_items;
} ListState;

static gboolean
list_reached (gpointer data)
{
  ListState *state = data;

  return g_list_model_get_n_items (G_LIST_MODEL (state->list)) == state->n_items;
}

static void
test_staff_and_workload (Fixture       *fixture,
                         gconstpointer  data)
{
  LiaAccountsView *accounts = lia_window_get_accounts_view (fixture->window);
  LiaAccountList *list = lia_accounts_view_get_list (accounts);
  g_autoptr(GVariant) morgan = g_variant_ref_sink (g_variant_new_int64 (fixture->morgan));
  ListState needing = { list, 4 };
  ListState none_needing = { list, 0 };
  GtkWindow *preferences;
  GtkWidget *deactivate;

  sort_workload (fixture);

  /* Preferences: the corporate cadence, and Morgan leaving. */
  preferences = GTK_WINDOW (lia_preferences_window_new (GTK_WINDOW (fixture->window), fixture->book));
  gtk_window_present (preferences);
  lia_test_wait_for (lia_test_is_mapped, preferences, "Preferences");
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (lia_test_child (preferences,
                                                                                 LIA_TYPE_PREFERENCES_WINDOW,
                                                                                 "staff_page")));
  lia_test_wait_for (lia_test_is_mapped, lia_test_child (preferences, LIA_TYPE_PREFERENCES_WINDOW, "staff_page"),
                     "the Staff page");
  deactivate = find_action_button (GTK_WIDGET (preferences), "staff.deactivate", morgan);
  g_assert_nonnull (deactivate);
  g_signal_emit_by_name (deactivate, "clicked");
  g_assert_false (lia_staff_is_active (lia_book_get_staff (fixture->book), fixture->morgan));
  g_assert_cmpuint (lia_active_staff_labels_find (lia_book_get_staff (fixture->book), TRUE, fixture->morgan), ==, 0);
  gtk_window_destroy (preferences);

  /* Morgan's four accounts now need a new manager. */
  lia_window_show_area (fixture->window, "accounts");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (lia_test_child (accounts, LIA_TYPE_ACCOUNTS_VIEW,
                                                                 "needs_manager_check")), TRUE);
  lia_test_wait_for (list_reached, &needing, "the four accounts that need a new manager");

  /* Hand them all to Riley from the Workload area. */
  {
    LiaWorkloadView *view = lia_window_get_workload_view (fixture->window);
    GtkColumnView *table = GTK_COLUMN_VIEW (lia_test_child (view, LIA_TYPE_WORKLOAD_VIEW, "column_view"));
    LiaReassignDialog *dialog;

    WorkloadState left = { fixture, 4, fixture->morgan };

    lia_window_show_area (fixture->window, "workload");
    lia_test_wait_for (workload_reached, &left, "Morgan, inactive now, still first");
    g_signal_emit_by_name (table, "activate", 0);
    dialog = LIA_REASSIGN_DIALOG (lia_test_wait_for_toplevel (LIA_TYPE_REASSIGN_DIALOG));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (lia_test_child (dialog, LIA_TYPE_REASSIGN_DIALOG,
                                                                       "cascade_switch"))));
    adw_combo_row_set_selected (ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_REASSIGN_DIALOG, "manager_row")),
                                staff_position (fixture, fixture->riley));
    g_assert_cmpuint (g_list_model_get_n_items (lia_reassign_dialog_get_plan (dialog)), ==, 4);
    lia_test_click_and_wait_destroyed (GTK_WINDOW (dialog),
                                       find_action_button (GTK_WIDGET (dialog), "reassign.apply", NULL));
  }

  lia_window_show_area (fixture->window, "accounts");
  lia_test_wait_for (list_reached, &none_needing, "no account to need a manager any more");
}

/* ---- cadence per segment ---- */

static void
test_cadence_preferences (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWindow *preferences = GTK_WINDOW (lia_preferences_window_new (GTK_WINDOW (fixture->window), fixture->book));
  GtkWidget *group = lia_test_child (preferences, LIA_TYPE_PREFERENCES_WINDOW, "cadence_group");
  GtkWidget *spin = NULL;

  gtk_window_present (preferences);
  lia_test_wait_for (lia_test_is_mapped, group, "the cadence group");

  /* The spin button whose accessible row is "Corporate". */
  for (GtkWidget *w = gtk_widget_get_first_child (group); w != NULL && spin == NULL; )
    {
      if (GTK_IS_SPIN_BUTTON (w) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (w), "lia-segment-id"), "corporate") == 0)
        spin = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != group && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == group ? NULL : gtk_widget_get_next_sibling (w);
        }
    }

  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  g_assert_cmpuint (lia_book_get_segment_cadence (fixture->book, "corporate"), ==, 30);
  gtk_window_destroy (preferences);
}

int
main (int   argc,
      char *argv[])
{
  lia_test_display_init (&argc, &argv);

  g_test_add_func ("/portfolios/templates", test_templates);
  g_test_add ("/portfolios/group-rollups-coverage-reassign", Fixture, NULL,
              fixture_set_up, test_group_rollups_coverage_reassign, fixture_tear_down);
  g_test_add ("/portfolios/staff-and-workload", Fixture, NULL,
              fixture_set_up, test_staff_and_workload, fixture_tear_down);
  g_test_add ("/portfolios/cadence-preferences", Fixture, NULL,
              fixture_set_up, test_cadence_preferences, fixture_tear_down);

  return g_test_run ();
}
