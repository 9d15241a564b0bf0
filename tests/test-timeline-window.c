/* test-timeline-window.c — recording an incident, changing its status
 * in place and seeing its SLA, through the main window's real widgets
 *
 * A display suite: run under xvfb-run (and dbus-run-session). Time is
 * held still by an injected clock and moved by hand, so whether a
 * target was met has one answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-account-page.h"
#include "lia-account-picker.h"
#include "lia-account-repository.h"
#include "lia-event-dialog.h"
#include "lia-event-labels.h"
#include "lia-event-page.h"
#include "lia-event-repository.h"
#include "lia-portfolio-page.h"
#include "lia-timeline-row.h"
#include "lia-timeline-view.h"

#include "test-display.h"

#define HOUR (60 * 60)
#define DAY (24 * HOUR)
#define SUMMARY "Cooling failed in the server room"

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  return lia_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The button a person would click, found by its action. */
static GtkWidget *
action_button (GtkWidget  *widget,
               const char *action)
{
  return lia_test_find_widget (widget, is_action_button, action);
}

/* ---- every new template builds with the Debian 12 toolkit ---- */

static void
test_templates (void)
{
  const GType widgets[] = {
    LIA_TYPE_TIMELINE_VIEW, LIA_TYPE_TIMELINE_ROW, LIA_TYPE_EVENT_PAGE, LIA_TYPE_ACCOUNT_PICKER,
    LIA_TYPE_ACCOUNT_PAGE, LIA_TYPE_PORTFOLIO_PAGE,
  };

  lia_test_build_each (widgets, G_N_ELEMENTS (widgets));

  gtk_window_destroy (g_object_new (LIA_TYPE_EVENT_DIALOG, NULL));
}

/* ---- the fixture: a Premium customer, its manager, and a vendor ---- */

typedef struct
{
  char            *data_dir;
  LiaBook         *book;
  LiaWindow       *window;
  LiaTimelineView *view;
  gint64           now;
  gint64           manager_id;
  gint64           account_id;
  gint64           vendor_id;
  gint64           event_id;
} Fixture;

static LiaEventRepository *
events (Fixture *fixture)
{
  return lia_book_get_events (fixture->book);
}

/* Premium: targets around the clock, so hours on the clock are hours. */
static void
add_account (Fixture *fixture)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("T-0001", "Harbor Logistics", "corporate");

  lia_account_set_service_plan_id (account, "premium");
  lia_account_set_manager_id (account, fixture->manager_id);
  fixture->account_id = lia_test_account_create (fixture->book, account);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->now = LIA_TEST_START_TIME;
  fixture->book = lia_test_book_new (&fixture->data_dir, NULL, &fixture->now, "Test Person");
  fixture->manager_id = lia_test_add_staff (fixture->book, "Morgan Manager", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  fixture->vendor_id = lia_test_add_vendor (fixture->book, "CityFix Services", NULL);
  add_account (fixture);

  fixture->window = lia_test_main_window_new (fixture->book, 1200, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lia_test_display_tear_down (GTK_WINDOW (fixture->window), &fixture->book, &fixture->data_dir);
}

/* ---- the timeline's rows ---- */


static gboolean
is_event_row (GtkWidget     *widget,
              gconstpointer  event_id)
{
  LiaTimelineItem *item;

  return LIA_IS_TIMELINE_ROW (widget) && (item = lia_timeline_row_get_item (LIA_TIMELINE_ROW (widget))) &&
         lia_timeline_item_get_item_type (item) == LIA_TIMELINE_ITEM_EVENT &&
         lia_timeline_item_get_event_id (item) == *(const gint64 *)event_id;
}

static LiaTimelineRow *
find_event_row (GtkWidget *widget,
                gint64     event_id)
{
  return (LiaTimelineRow *)lia_test_find_widget (widget, is_event_row, &event_id);
}

typedef struct
{
  Fixture        *fixture;
  LiaTimelineRow *row;
  const char     *badge;
} RowSearch;

/* The event's row is on screen and its badge says @search->badge. */
static gboolean
row_shows_badge (gpointer data)
{
  RowSearch *search = data;
  GtkWidget *list = GTK_WIDGET (lia_timeline_view_get_list_view (search->fixture->view));
  GtkLabel *badge;

  search->row = find_event_row (list, search->fixture->event_id);
  if (search->row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (search->row)))
    return FALSE;
  badge = lia_timeline_row_get_sla_badge (search->row);
  return gtk_widget_get_visible (GTK_WIDGET (badge)) &&
         g_strcmp0 (gtk_label_get_label (badge), search->badge) == 0;
}

static LiaTimelineRow *
wait_for_badge (Fixture     *fixture,
                LiaSlaState  state)
{
  RowSearch search = { fixture, NULL, lia_sla_state_to_label (state) };

  lia_test_wait_for (row_shows_badge, &search, search.badge);
  return search.row;
}

/* ---- the New Event dialog ---- */

static gboolean
has_results (gpointer picker)
{
  return gtk_list_box_get_row_at_index (lia_account_picker_get_results (picker), 0) != NULL;
}

/* Types part of the name and picks the match, as a person would. */
static void
pick_account (LiaEventDialog *dialog,
              const char     *text)
{
  LiaAccountPicker *picker = LIA_ACCOUNT_PICKER (lia_test_child (dialog, LIA_TYPE_EVENT_DIALOG, "account_picker"));

  gtk_editable_set_text (lia_account_picker_get_entry (picker), text);
  lia_test_wait_for (has_results, picker, "matching accounts");
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (lia_account_picker_get_results (picker), 0)));
  g_assert_cmpint (lia_account_picker_get_account_id (picker), >, 0);
}

static guint
find_label (AdwComboRow *row,
            const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (string), label) == 0)
        return i;
    }

  g_error ("No “%s” to choose", label);
}

static void
on_saved_cb (LiaEventDialog *dialog,
             gint64          event_id,
             Fixture        *fixture)
{
  fixture->event_id = event_id;
}

/* Ctrl+N with the Timeline shown: a critical incident done by the vendor. */
static void
record_incident (Fixture *fixture)
{
  LiaEventDialog *dialog;
  AdwComboRow *performer;
  GtkWidget *summary;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-account", NULL));
  dialog = LIA_EVENT_DIALOG (lia_test_wait_for_toplevel (LIA_TYPE_EVENT_DIALOG));
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), fixture);
  summary = lia_test_child (dialog, LIA_TYPE_EVENT_DIALOG, "summary_row");
  performer = ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_EVENT_DIALOG, "performer_row"));

  /* An incident by default; nothing can be saved without a summary. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_EVENT_DIALOG,
                                                                               "kind_row"))),
                    ==, LIA_EVENT_KIND_INCIDENT);
  pick_account (dialog, "Harbor");
  g_assert_false (gtk_widget_is_sensitive (action_button (GTK_WIDGET (dialog), "event.save")));
  /* The account's manager does it, unless someone else is chosen. */
  g_assert_cmpuint (adw_combo_row_get_selected (performer), ==, find_label (performer, "Morgan Manager"));

  gtk_editable_set_text (GTK_EDITABLE (summary), SUMMARY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_EVENT_DIALOG, "severity_row")),
                              LIA_SEVERITY_CRITICAL);
  adw_combo_row_set_selected (performer, find_label (performer, "CityFix Services (vendor)"));
  lia_test_activate_and_wait_destroyed (GTK_WINDOW (dialog), "event.save");
  g_assert_cmpint (fixture->event_id, >, 0);
}

/* Impossible times are the model's to refuse; the dialog says why. */
static void
refuse_resolved_before_opened (Fixture *fixture)
{
  LiaEventDialog *dialog;
  GtkWidget *error_label;

  gtk_widget_activate_action (GTK_WIDGET (lia_timeline_view_get_event_page (fixture->view)), "event.edit", NULL);
  dialog = LIA_EVENT_DIALOG (lia_test_wait_for_toplevel (LIA_TYPE_EVENT_DIALOG));
  error_label = lia_test_child (dialog, LIA_TYPE_EVENT_DIALOG, "error_label");
  g_assert_false (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_EVENT_DIALOG, "resolved_row")),
                         "2025-12-31 08:00");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), !=, "");
  g_assert_false (gtk_widget_is_sensitive (action_button (GTK_WIDGET (dialog), "event.save")));
  lia_test_activate_and_wait_destroyed (GTK_WINDOW (dialog), "window.close");
}

static void
assert_vendor_missed_resolution (Fixture *fixture)
{
  LiaCompliance vendor = { 0, }, staff = { 0, };
  g_autoptr(GError) error = NULL;

  lia_event_repository_compliance (events (fixture), fixture->vendor_id, LIA_TEST_START_TIME - DAY,
                                   fixture->now + DAY, &vendor, &staff, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vendor.handled, ==, 1);
  g_assert_cmpuint (vendor.responses_met, ==, 1);
  g_assert_cmpuint (vendor.resolutions_counted, ==, 1);
  g_assert_cmpuint (vendor.resolutions_met, ==, 0);
  g_assert_cmpfloat (lia_compliance_resolution_share (&vendor), ==, 0.0);
  g_assert_cmpuint (staff.handled, ==, 0);
}

static void
open_event_page (Fixture *fixture)
{
  LiaEventPage *page;
  GtkListBox *history;

  gtk_widget_activate_action (GTK_WIDGET (lia_timeline_view_get_list_view (fixture->view)),
                              "list.activate-item", "u", 0);
  page = lia_timeline_view_get_event_page (fixture->view);
  g_assert_nonnull (page);
  lia_test_wait_for (lia_test_is_mapped, page, "the event page");
  g_assert_cmpint (lia_event_get_id (lia_event_page_get_event (page)), ==, fixture->event_id);
  g_assert_cmpint (lia_event_get_sla_state (lia_event_page_get_event (page)), ==, LIA_SLA_STATE_BREACHED);
  history = GTK_LIST_BOX (lia_test_child (page, LIA_TYPE_EVENT_PAGE, "history_list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (history, 0));
}

/* Icon-only and menu buttons say what they do to a screen reader. */
static void
assert_row_accessible (LiaTimelineRow *row)
{
  GtkWidget *status = find_type (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (status);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Status: Open. Change status");
}

static void
test_incident_breach (Fixture       *fixture,
                      gconstpointer  data)
{
  LiaTimelineRow *row;
  GtkLabel *badge;
  GtkWidget *search_bar, *areas;

  lia_window_show_area (fixture->window, "timeline");
  fixture->view = lia_window_get_timeline_view (fixture->window);
  lia_test_wait_for (lia_test_is_mapped, fixture->view, "the timeline");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_timeline_view_get_model (fixture->view))), ==, 0);
  g_assert_true (gtk_widget_get_visible (lia_test_child (fixture->view, LIA_TYPE_TIMELINE_VIEW, "empty_status")));

  /* Ctrl+F over the Timeline searches events, not accounts. */
  search_bar = lia_test_child (fixture->view, LIA_TYPE_TIMELINE_VIEW, "search_bar");
  areas = gtk_widget_get_ancestor (GTK_WIDGET (fixture->view), ADW_TYPE_VIEW_STACK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (areas)), ==, "timeline");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (search_bar), FALSE);

  record_incident (fixture);
  row = wait_for_badge (fixture, LIA_SLA_STATE_RUNNING);
  badge = lia_timeline_row_get_sla_badge (row);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (badge), "error"));
  assert_row_accessible (row);

  /* Premium, critical: a response within the hour (given), resolved
   * within 8 hours (missed: nine pass). */
  fixture->now += HOUR / 2;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.set-status", "s", "in-progress"));
  row = wait_for_badge (fixture, LIA_SLA_STATE_RUNNING);
  fixture->now += 9 * HOUR;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "row.set-status", "s", "resolved"));
  row = wait_for_badge (fixture, LIA_SLA_STATE_BREACHED);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (lia_timeline_row_get_sla_badge (row)), "error"));
  assert_vendor_missed_resolution (fixture);

  open_event_page (fixture);
  refuse_resolved_before_opened (fixture);
}

/* The account page's Timeline tab is built when shown, for that account. */
static void
test_account_tab (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LiaEvent) event = lia_event_new (fixture->account_id, LIA_EVENT_KIND_CALL, "Checked in");
  g_autoptr(GError) error = NULL;
  LiaAccountPage *page;
  GtkWidget *bin;
  LiaTimelineView *view;

  lia_event_repository_add (events (fixture), event, &error);
  g_assert_no_error (error);

  lia_window_show_area (fixture->window, "accounts");
  lia_accounts_view_show_account (lia_window_get_accounts_view (fixture->window), fixture->account_id);
  page = lia_accounts_view_get_page (lia_window_get_accounts_view (fixture->window));
  bin = lia_test_child (page, LIA_TYPE_ACCOUNT_PAGE, "timeline_bin");
  g_assert_null (adw_bin_get_child (ADW_BIN (bin)));

  gtk_stack_set_visible_child_name (GTK_STACK (lia_test_child (page, LIA_TYPE_ACCOUNT_PAGE, "section_stack")),
                                    "timeline");
  view = LIA_TIMELINE_VIEW (find_type (bin, LIA_TYPE_TIMELINE_VIEW));
  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_timeline_view_get_model (view))), ==, 1);
  /* On a page there is no account filter: the page is the filter. */
  g_assert_false (gtk_widget_get_visible (lia_test_child (view, LIA_TYPE_TIMELINE_VIEW, "account_picker")));
}

int
main (int   argc,
      char *argv[])
{
  lia_test_display_init (&argc, &argv);

  g_test_add_func ("/timeline/templates", test_templates);
  g_test_add ("/timeline/incident-breach", Fixture, NULL,
              fixture_set_up, test_incident_breach, fixture_tear_down);
  g_test_add ("/timeline/account-tab", Fixture, NULL,
              fixture_set_up, test_account_tab, fixture_tear_down);

  return g_test_run ();
}
