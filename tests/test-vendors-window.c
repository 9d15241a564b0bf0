/* test-vendors-window.c — vendors, their SLA compliance beside own
 * staff's, and the Service Levels preferences, through the real widgets
 *
 * A display suite: run under xvfb-run (and dbus-run-session). Times are
 * held still by an injected clock, so every figure has a known answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-account-repository.h"
#include "lia-choice-labels.h"
#include "lia-event-repository.h"
#include "lia-preferences-window.h"
#include "lia-sla-page.h"
#include "lia-sla-target.h"
#include "lia-vendor-dialog.h"
#include "lia-vendors-view.h"

#include "test-display.h"

#define MINUTE 60
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* A widget by its widget name, anywhere below @widget. */
static GtkWidget *
named (gpointer    widget,
       const char *name)
{
  GtkWidget *found = lia_test_find_widget (GTK_WIDGET (widget), has_name, name);

  if (found == NULL)
    g_error ("No widget named %s", name);
  return found;
}

/* ---- every new template builds with the Debian 12 toolkit ---- */

static void
test_templates (void)
{
  GtkWidget *view = g_object_ref_sink (lia_vendors_view_new ());
  GtkWidget *page = g_object_ref_sink (g_object_new (LIA_TYPE_SLA_PAGE, NULL));

  g_assert_true (LIA_IS_VENDORS_VIEW (view));
  g_assert_true (LIA_IS_SLA_PAGE (page));
  g_object_unref (view);
  g_object_unref (page);

  gtk_window_destroy (g_object_new (LIA_TYPE_VENDOR_DIALOG, NULL));
  gtk_window_destroy (GTK_WINDOW (lia_preferences_window_new (NULL, NULL)));
}

/* ---- the fixture: a book with a Premium customer and one engineer ---- */

typedef struct
{
  char           *data_dir;
  LiaBook        *book;
  gint64          now;
  gint64          staff_id;
  gint64          account_id;
  GtkWindow      *window;
  LiaVendorsView *view;
} Fixture;

static void
add_customer (Fixture *fixture)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("C-0001", "Customer One", "small-business");

  fixture->staff_id = lia_test_add_staff (fixture->book, "Sam Staff", LIA_STAFF_ROLE_ENGINEER);

  /* Premium: critical is 1 h to respond, 8 h to resolve, around the clock. */
  lia_account_set_service_plan_id (account, "premium");
  fixture->account_id = lia_test_account_create (fixture->book, account);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->now = LIA_TEST_START_TIME;
  fixture->book = lia_test_book_new (&fixture->data_dir, NULL, &fixture->now, "Test Person");
  add_customer (fixture);

  fixture->view = LIA_VENDORS_VIEW (lia_vendors_view_new ());
  lia_vendors_view_set_book (fixture->view, fixture->book);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  fixture->window = GTK_WINDOW (adw_window_new ());
  adw_window_set_content (ADW_WINDOW (fixture->window), overlay);
  gtk_window_set_default_size (fixture->window, 1000, 760);
  gtk_window_present (fixture->window);
  lia_test_wait_for (lia_test_is_mapped, fixture->view, "the Vendors view to map");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lia_test_display_tear_down (fixture->window, &fixture->book, &fixture->data_dir);
}

/* ---- adding and editing a vendor through the dialog ---- */

static gboolean
has_error_style (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "error");
}

static void
fill_new_vendor (LiaVendorDialog *dialog,
                 LiaBook         *book)
{
  GtkWidget *name = lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "name_row");
  GtkWidget *email = lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "email_row");
  GtkWidget *error_label = lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "error_label");
  GtkWidget *save = lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "save_button");

  /* Nothing typed yet: Add is off, but nobody is scolded. */
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (has_error_style (name));

  gtk_editable_set_text (GTK_EDITABLE (name), "Acme");
  gtk_editable_set_text (GTK_EDITABLE (name), "  ");
  g_assert_true (has_error_style (name));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_is_sensitive (save));

  gtk_editable_set_text (GTK_EDITABLE (name), "Acme Field Services");
  gtk_editable_set_text (GTK_EDITABLE (email), "ops at acme");
  g_assert_true (has_error_style (email));
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (email), "ops@acme.example");
  g_assert_false (has_error_style (name) || has_error_style (email));
  g_assert_false (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "contact_row")), "Jo Jansen");
  adw_combo_row_set_selected (ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "plan_row")),
                              lia_choice_labels_find (lia_book_get_service_plans (book), TRUE, "premium"));
}

static void
add_vendor (Fixture *fixture)
{
  LiaVendorDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "vendors.add", NULL);
  dialog = LIA_VENDOR_DIALOG (lia_test_wait_for_toplevel (LIA_TYPE_VENDOR_DIALOG));
  fill_new_vendor (dialog, fixture->book);
  lia_test_click_and_wait_destroyed (GTK_WINDOW (dialog),
                                     lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "save_button"));
}

static const char *
label_text (gpointer    view,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (named (view, name)));
}

typedef struct
{
  gpointer    view;
  const char *name;
  const char *text;
} LabelState;

static gboolean
label_reads (gpointer data)
{
  LabelState *state = data;

  return g_strcmp0 (label_text (state->view, state->name), state->text) == 0;
}

static void
wait_for_label (gpointer    view,
                const char *name,
                const char *text)
{
  LabelState state = { view, name, text };
  g_autofree char *what = g_strdup_printf ("%s to read “%s”", name, text);

  lia_test_wait_for (label_reads, &state, what);
}

static void
rename_vendor (Fixture *fixture)
{
  LiaVendorDialog *dialog;
  GtkWidget *name;
  gint64 id = lia_vendors_view_get_selected_vendor_id (fixture->view);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "vendors.edit", NULL);
  dialog = LIA_VENDOR_DIALOG (lia_test_wait_for_toplevel (LIA_TYPE_VENDOR_DIALOG));
  name = lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "name_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Acme Field Services");
  gtk_editable_set_text (GTK_EDITABLE (name), "Acme Services");
  lia_test_click_and_wait_destroyed (GTK_WINDOW (dialog),
                                     lia_test_child (dialog, LIA_TYPE_VENDOR_DIALOG, "save_button"));

  /* The list is made anew; the same vendor stays selected. */
  g_assert_cmpint (lia_vendors_view_get_selected_vendor_id (fixture->view), ==, id);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (lia_test_child (fixture->view, LIA_TYPE_VENDORS_VIEW,
                                                                   "name_label"))),
                   ==, "Acme Services");
}

/* ---- events with known answers ---- */

/* A critical incident opened at @opened_at, taken up after @respond and
 * resolved after @resolve, by the vendor or by own staff. */
static void
record_event (Fixture *fixture,
              gint64   vendor_id,
              gint64   opened_at,
              gint64   respond,
              gint64   resolve)
{
  LiaEventRepository *events = lia_book_get_events (fixture->book);
  g_autoptr(LiaEvent) event = lia_event_new (fixture->account_id, LIA_EVENT_KIND_INCIDENT, "Outage");
  g_autoptr(GError) error = NULL;

  fixture->now = opened_at;
  lia_event_set_severity (event, LIA_SEVERITY_CRITICAL);
  lia_event_set_opened_at (event, opened_at);
  if (vendor_id != 0)
    lia_event_set_vendor_id (event, vendor_id);
  else
    lia_event_set_staff_id (event, fixture->staff_id);
  lia_event_repository_add (events, event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_event_get_response_target (event), >, 0);

  fixture->now = opened_at + respond;
  lia_event_repository_set_status (events, lia_event_get_id (event), LIA_EVENT_STATUS_IN_PROGRESS, &error);
  g_assert_no_error (error);
  fixture->now = opened_at + resolve;
  lia_event_repository_set_status (events, lia_event_get_id (event), LIA_EVENT_STATUS_RESOLVED, &error);
  g_assert_no_error (error);
  fixture->now = LIA_TEST_START_TIME;
}

static void
check_recent_figures (LiaVendorsView *view)
{
  /* Vendor: 30 min and 2 h to respond (target 1 h), 4 h and 10 h to
   * resolve (target 8 h). Staff: 30 and 20 min, 2 h and 6 h. Medians
   * are the lower of two. */
  wait_for_label (view, "vendor-responses", "50 % (1 of 2)");
  g_assert_cmpstr (label_text (view, "vendor-handled"), ==, "2");
  g_assert_cmpstr (label_text (view, "staff-handled"), ==, "2");
  g_assert_cmpstr (label_text (view, "staff-responses"), ==, "100 % (2 of 2)");
  g_assert_cmpstr (label_text (view, "vendor-resolutions"), ==, "50 % (1 of 2)");
  g_assert_cmpstr (label_text (view, "staff-resolutions"), ==, "100 % (2 of 2)");
  g_assert_cmpstr (label_text (view, "vendor-median-response"), ==, "30 min");
  g_assert_cmpstr (label_text (view, "staff-median-response"), ==, "20 min");
  g_assert_cmpstr (label_text (view, "vendor-median-resolution"), ==, "4 h");
  g_assert_cmpstr (label_text (view, "staff-median-resolution"), ==, "2 h");

  /* Worse than own staff is marked; a count is neither. */
  g_assert_true (gtk_widget_has_css_class (named (view, "vendor-responses"), "warning"));
  g_assert_true (gtk_widget_has_css_class (named (view, "vendor-median-resolution"), "warning"));
  g_assert_false (gtk_widget_has_css_class (named (view, "vendor-handled"), "warning"));
  g_assert_false (gtk_widget_has_css_class (named (view, "staff-responses"), "warning"));
}

static void
test_compliance (Fixture       *fixture,
                 gconstpointer  data)
{
  LiaVendorsView *view = fixture->view;
  GtkStack *stack = GTK_STACK (lia_test_child (view, LIA_TYPE_VENDORS_VIEW, "content_stack"));
  gint64 vendor_id, opened = LIA_TEST_START_TIME - 2 * DAY;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  add_vendor (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "vendors");
  vendor_id = lia_vendors_view_get_selected_vendor_id (view);
  g_assert_cmpint (vendor_id, >, 0);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (lia_test_child (view, LIA_TYPE_VENDORS_VIEW,
                                                                            "commitment_label"))),
                            "Premium"));
  g_assert_cmpstr (label_text (view, "vendor-handled"), ==, "0");
  g_assert_cmpstr (label_text (view, "vendor-responses"), ==, "—");
  g_assert_cmpstr (label_text (view, "staff-median-response"), ==, "—");

  /* Recorded while shown: the view follows "event-changed". */
  record_event (fixture, vendor_id, opened, 30 * MINUTE, 4 * HOUR);
  record_event (fixture, vendor_id, opened, 2 * HOUR, 10 * HOUR);
  record_event (fixture, 0, opened, 30 * MINUTE, 2 * HOUR);
  record_event (fixture, 0, opened, 20 * MINUTE, 6 * HOUR);
  check_recent_figures (view);

  /* Two months ago, all on time: only in the longer periods. */
  record_event (fixture, vendor_id, LIA_TEST_START_TIME - 60 * DAY, 10 * MINUTE, 50 * HOUR / 10);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lia_test_child (view, LIA_TYPE_VENDORS_VIEW, "period_90")), TRUE);
  wait_for_label (view, "vendor-handled", "3");
  g_assert_cmpstr (label_text (view, "vendor-responses"), ==, "67 % (2 of 3)");
  g_assert_cmpstr (label_text (view, "vendor-median-resolution"), ==, "5 h");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lia_test_child (view, LIA_TYPE_VENDORS_VIEW, "period_30")), TRUE);
  wait_for_label (view, "vendor-handled", "2");

  rename_vendor (fixture);
}

/* ---- Service Levels in Preferences ---- */

static LiaSlaTarget *
stored_target (LiaBook     *book,
               const char  *plan_id,
               LiaSeverity  severity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) targets = lia_event_repository_list_sla_targets (lia_book_get_events (book), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(LiaSlaTarget) target = g_list_model_get_item (targets, i);

      if (g_strcmp0 (lia_sla_target_get_plan_id (target), plan_id) == 0 &&
          lia_sla_target_get_severity (target) == severity)
        return g_steal_pointer (&target);
    }

  g_error ("No %s target for %s", lia_severity_to_label (severity), plan_id);
}

static void
edit_targets (GtkWindow *preferences,
              LiaBook   *book)
{
  GtkSpinButton *response = GTK_SPIN_BUTTON (named (preferences, "premium-critical-response"));
  GtkSpinButton *resolution = GTK_SPIN_BUTTON (named (preferences, "premium-critical-resolution"));
  g_autoptr(LiaSlaTarget) changed = NULL;
  g_autoptr(LiaSlaTarget) kept = NULL;

  g_assert_cmpfloat (gtk_spin_button_get_value (response), ==, 1.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (resolution), ==, 8.0);

  gtk_spin_button_set_value (response, 1.5);
  changed = stored_target (book, "premium", LIA_SEVERITY_CRITICAL);
  g_assert_cmpint (lia_sla_target_get_response (changed), ==, 90 * MINUTE);
  g_assert_cmpint (lia_sla_target_get_resolution (changed), ==, 8 * HOUR);

  /* Sooner than the response: refused, and the old value comes back. */
  gtk_spin_button_set_value (resolution, 1.0);
  g_assert_cmpfloat (gtk_spin_button_get_value (resolution), ==, 8.0);
  kept = stored_target (book, "premium", LIA_SEVERITY_CRITICAL);
  g_assert_cmpint (lia_sla_target_get_resolution (kept), ==, 8 * HOUR);
}

static void
edit_business_hours (GtkWindow *preferences,
                     LiaBook   *book)
{
  GtkWidget *hours = named (preferences, "premium-business-hours");
  g_autoptr(LiaSlaTarget) before = NULL;
  g_autoptr(LiaSlaTarget) after = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hours)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (hours), "tz=Nowhere/Atlantis;mon-fri=08:00-18:00");
  g_signal_emit_by_name (hours, "apply");
  g_assert_true (gtk_widget_has_css_class (hours, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (hours), "Nowhere/Atlantis"));
  before = stored_target (book, "premium", LIA_SEVERITY_HIGH);
  g_assert_null (lia_sla_target_get_business_hours (before));

  gtk_editable_set_text (GTK_EDITABLE (hours), "tz=Europe/Berlin;mon-fri=09:00-17:00");
  g_assert_false (gtk_widget_has_css_class (hours, "error"));
  g_signal_emit_by_name (hours, "apply");
  g_assert_false (gtk_widget_has_css_class (hours, "error"));
  after = stored_target (book, "premium", LIA_SEVERITY_HIGH);
  g_assert_nonnull (strstr (lia_sla_target_get_business_hours (after), "Europe/Berlin"));
}

static void
test_sla_page (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWindow *preferences = GTK_WINDOW (lia_preferences_window_new (fixture->window, fixture->book));
  GtkWidget *page = lia_test_child (preferences, LIA_TYPE_PREFERENCES_WINDOW, "sla_page");
  g_autoptr(LiaEvent) event = lia_event_new (fixture->account_id, LIA_EVENT_KIND_INCIDENT, "Later");
  g_autoptr(GError) error = NULL;

  gtk_window_present (preferences);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  lia_test_wait_for (lia_test_is_mapped, page, "the Service Levels page");

  edit_targets (preferences, fixture->book);
  edit_business_hours (preferences, fixture->book);
  gtk_window_destroy (preferences);

  /* An event opened now takes the new target. */
  lia_event_set_severity (event, LIA_SEVERITY_CRITICAL);
  lia_event_repository_add (lia_book_get_events (fixture->book), event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_event_get_response_target (event), ==, 90 * MINUTE);
}

int
main (int   argc,
      char *argv[])
{
  lia_test_display_init (&argc, &argv);

  g_test_add_func ("/vendors/templates", test_templates);
  g_test_add ("/vendors/compliance", Fixture, NULL, fixture_set_up, test_compliance, fixture_tear_down);
  g_test_add ("/vendors/sla-page", Fixture, NULL, fixture_set_up, test_sla_page, fixture_tear_down);

  return g_test_run ();
}
