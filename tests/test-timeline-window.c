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
#include <glib/gstdio.h>
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
#include "lia-views.h"
#include "lia-window.h"

#define WAIT_SECONDS 20
#define HOUR (60 * 60)
#define DAY (24 * HOUR)
/* 1 Jan 2026, 12:00 UTC: the tests' "now" until they move it. */
#define START_TIME G_GINT64_CONSTANT (1767268800)
#define SUMMARY "Cooling failed in the server room"

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until @condition holds; fails after a while
 * rather than sleeping a fixed time. */
static void
wait_for (Condition   condition,
          gpointer    data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, wake_cb, NULL);

  g_test_message ("Waiting for %s", what);
  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The button a person would click, found by its action. */
static GtkWidget *
action_button (GtkWidget  *widget,
               const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = action_button (c, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
find_toplevel (gpointer data)
{
  gpointer *found = data;
  GType type = GPOINTER_TO_SIZE (found[0]);
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      {
        found[1] = l->data;
        return TRUE;
      }

  return FALSE;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  gpointer found[2] = { GSIZE_TO_POINTER (type), NULL };

  wait_for (find_toplevel, found, g_type_name (type));
  return found[1];
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
on_destroy_cb (GtkWidget *widget,
               gpointer  *alive)
{
  *alive = NULL;
}

static void
activate_and_wait_destroyed (GtkWindow  *window,
                             const char *action)
{
  gpointer alive = window;

  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy_cb), &alive);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  wait_for (is_gone, &alive, "a dialog to close");
}

/* ---- every new template builds with the Debian 12 toolkit ---- */

static void
test_templates (void)
{
  const GType widgets[] = {
    LIA_TYPE_TIMELINE_VIEW, LIA_TYPE_TIMELINE_ROW, LIA_TYPE_EVENT_PAGE, LIA_TYPE_ACCOUNT_PICKER,
    LIA_TYPE_ACCOUNT_PAGE, LIA_TYPE_PORTFOLIO_PAGE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (widgets[i], NULL));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, widgets[i]));
      g_object_unref (widget);
    }

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

static gint64
fixture_clock (gpointer user_data)
{
  return ((Fixture *)user_data)->now;
}

static LiaEventRepository *
events (Fixture *fixture)
{
  return lia_book_get_events (fixture->book);
}

static void
add_people (Fixture *fixture)
{
  g_autoptr(LiaVendor) vendor = lia_vendor_new ("CityFix Services");
  g_autoptr(GError) error = NULL;

  lia_book_add_staff (fixture->book, "Morgan Manager", LIA_STAFF_ROLE_ACCOUNT_MANAGER, NULL,
                      &fixture->manager_id, &error);
  g_assert_no_error (error);
  lia_event_repository_add_vendor (events (fixture), vendor, &error);
  g_assert_no_error (error);
  fixture->vendor_id = lia_vendor_get_id (vendor);
  g_assert_cmpint (fixture->vendor_id, >, 0);
}

/* Premium: targets around the clock, so hours on the clock are hours. */
static void
add_account (Fixture *fixture)
{
  g_autoptr(LiaAccount) account = lia_account_new ();
  g_autoptr(GError) error = NULL;

  lia_account_set_name (account, "Harbor Logistics");
  lia_account_set_number (account, "T-0001");
  lia_account_set_segment_id (account, "corporate");
  lia_account_set_service_plan_id (account, "premium");
  lia_account_set_manager_id (account, fixture->manager_id);
  lia_account_repository_create (lia_book_get_accounts (fixture->book), account, &error);
  g_assert_no_error (error);
  fixture->account_id = lia_account_get_id (account);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->data_dir = g_dir_make_tmp ("liaison-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  path = lia_book_path_for_data_dir (fixture->data_dir);
  fixture->book = lia_book_open (path, &error);
  g_assert_no_error (error);
  lia_book_set_actor (fixture->book, "Test Person");
  fixture->now = START_TIME;
  lia_book_set_clock (fixture->book, fixture_clock, fixture);
  add_people (fixture);
  add_account (fixture);

  fixture->window = lia_window_new (NULL, fixture->book);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for (is_mapped, fixture->window, "the main window to map");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = lia_book_path_for_data_dir (fixture->data_dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->book);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (fixture->data_dir);
  g_free (fixture->data_dir);
}

/* ---- the timeline's rows ---- */


static LiaTimelineRow *
find_event_row (GtkWidget *widget,
                gint64     event_id)
{
  LiaTimelineItem *item;

  if (LIA_IS_TIMELINE_ROW (widget) && (item = lia_timeline_row_get_item (LIA_TIMELINE_ROW (widget))) &&
      lia_timeline_item_get_item_type (item) == LIA_TIMELINE_ITEM_EVENT &&
      lia_timeline_item_get_event_id (item) == event_id)
    return LIA_TIMELINE_ROW (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      LiaTimelineRow *found = find_event_row (c, event_id);

      if (found != NULL)
        return found;
    }

  return NULL;
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

  wait_for (row_shows_badge, &search, search.badge);
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
  LiaAccountPicker *picker = LIA_ACCOUNT_PICKER (child (dialog, LIA_TYPE_EVENT_DIALOG, "account_picker"));

  gtk_editable_set_text (lia_account_picker_get_entry (picker), text);
  wait_for (has_results, picker, "matching accounts");
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
  dialog = LIA_EVENT_DIALOG (wait_for_toplevel (LIA_TYPE_EVENT_DIALOG));
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), fixture);
  summary = child (dialog, LIA_TYPE_EVENT_DIALOG, "summary_row");
  performer = ADW_COMBO_ROW (child (dialog, LIA_TYPE_EVENT_DIALOG, "performer_row"));

  /* An incident by default; nothing can be saved without a summary. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child (dialog, LIA_TYPE_EVENT_DIALOG, "kind_row"))),
                    ==, LIA_EVENT_KIND_INCIDENT);
  pick_account (dialog, "Harbor");
  g_assert_false (gtk_widget_is_sensitive (action_button (GTK_WIDGET (dialog), "event.save")));
  /* The account's manager does it, unless someone else is chosen. */
  g_assert_cmpuint (adw_combo_row_get_selected (performer), ==, find_label (performer, "Morgan Manager"));

  gtk_editable_set_text (GTK_EDITABLE (summary), SUMMARY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, LIA_TYPE_EVENT_DIALOG, "severity_row")),
                              LIA_SEVERITY_CRITICAL);
  adw_combo_row_set_selected (performer, find_label (performer, "CityFix Services (vendor)"));
  activate_and_wait_destroyed (GTK_WINDOW (dialog), "event.save");
  g_assert_cmpint (fixture->event_id, >, 0);
}

/* Impossible times are the model's to refuse; the dialog says why. */
static void
refuse_resolved_before_opened (Fixture *fixture)
{
  LiaEventDialog *dialog;
  GtkWidget *error_label;

  gtk_widget_activate_action (GTK_WIDGET (lia_timeline_view_get_event_page (fixture->view)), "event.edit", NULL);
  dialog = LIA_EVENT_DIALOG (wait_for_toplevel (LIA_TYPE_EVENT_DIALOG));
  error_label = child (dialog, LIA_TYPE_EVENT_DIALOG, "error_label");
  g_assert_false (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (child (dialog, LIA_TYPE_EVENT_DIALOG, "resolved_row")), "2025-12-31 08:00");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), !=, "");
  g_assert_false (gtk_widget_is_sensitive (action_button (GTK_WIDGET (dialog), "event.save")));
  activate_and_wait_destroyed (GTK_WINDOW (dialog), "window.close");
}

static void
assert_vendor_missed_resolution (Fixture *fixture)
{
  LiaCompliance vendor = { 0, }, staff = { 0, };
  g_autoptr(GError) error = NULL;

  lia_event_repository_compliance (events (fixture), fixture->vendor_id, START_TIME - DAY,
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
  wait_for (is_mapped, page, "the event page");
  g_assert_cmpint (lia_event_get_id (lia_event_page_get_event (page)), ==, fixture->event_id);
  g_assert_cmpint (lia_event_get_sla_state (lia_event_page_get_event (page)), ==, LIA_SLA_STATE_BREACHED);
  history = GTK_LIST_BOX (child (page, LIA_TYPE_EVENT_PAGE, "history_list"));
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
  wait_for (is_mapped, fixture->view, "the timeline");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_timeline_view_get_model (fixture->view))), ==, 0);
  g_assert_true (gtk_widget_get_visible (child (fixture->view, LIA_TYPE_TIMELINE_VIEW, "empty_status")));

  /* Ctrl+F over the Timeline searches events, not accounts. */
  search_bar = child (fixture->view, LIA_TYPE_TIMELINE_VIEW, "search_bar");
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
  bin = child (page, LIA_TYPE_ACCOUNT_PAGE, "timeline_bin");
  g_assert_null (adw_bin_get_child (ADW_BIN (bin)));

  gtk_stack_set_visible_child_name (GTK_STACK (child (page, LIA_TYPE_ACCOUNT_PAGE, "section_stack")), "timeline");
  view = LIA_TIMELINE_VIEW (find_type (bin, LIA_TYPE_TIMELINE_VIEW));
  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lia_timeline_view_get_model (view))), ==, 1);
  /* On a page there is no account filter: the page is the filter. */
  g_assert_false (gtk_widget_get_visible (child (view, LIA_TYPE_TIMELINE_VIEW, "account_picker")));
}

static void
make_temp_home (const char *variable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("liaison-xdg-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv (variable, dir, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  /* Nothing the tests do may touch the real home. */
  make_temp_home ("XDG_DATA_HOME");
  make_temp_home ("XDG_CONFIG_HOME");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);

  lia_views_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/timeline/templates", test_templates);
  g_test_add ("/timeline/incident-breach", Fixture, NULL,
              fixture_set_up, test_incident_breach, fixture_tear_down);
  g_test_add ("/timeline/account-tab", Fixture, NULL,
              fixture_set_up, test_account_tab, fixture_tear_down);

  return g_test_run ();
}
