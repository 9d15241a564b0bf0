/* test-window.c — the main window driven through its real widgets
 *
 * A display suite: run under xvfb-run (and dbus-run-session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lia-account-dialog.h"
#include "lia-account-page.h"
#include "lia-account-picker.h"
#include "lia-account-row.h"
#include "lia-accounts-view.h"
#include "lia-agenda-list.h"
#include "lia-application.h"
#include "lia-calendar-view.h"
#include "lia-choice-labels.h"
#include "lia-contact-dialog.h"
#include "lia-coverage-view.h"
#include "lia-credential-dialog.h"
#include "lia-credentials-group.h"
#include "lia-event-dialog.h"
#include "lia-event-page.h"
#include "lia-fields-group.h"
#include "lia-follow-up-dialog.h"
#include "lia-follow-ups-view.h"
#include "lia-format.h"
#include "lia-group-dialog.h"
#include "lia-inquiry-dialog.h"
#include "lia-inquiry.h"
#include "lia-account-repository.h"
#include "lia-meeting-dialog.h"
#include "lia-meeting-page.h"
#include "lia-month-grid.h"
#include "lia-personal-data-window.h"
#include "lia-portfolio-page.h"
#include "lia-portfolios-view.h"
#include "lia-preferences-window.h"
#include "lia-reassign-dialog.h"
#include "lia-security-page.h"
#include "lia-sla-page.h"
#include "lia-staff-dialog.h"
#include "lia-staff-page.h"
#include "lia-timeline-view.h"
#include "lia-vendor-dialog.h"
#include "lia-vendors-view.h"
#include "lia-workload-view.h"

#include "test-display.h"

/* ---- every template builds with the Debian 12 toolkit ---- */

static void
test_templates (void)
{
  const GType widgets[] = {
    LIA_TYPE_ACCOUNT_ROW, LIA_TYPE_ACCOUNT_PAGE, LIA_TYPE_ACCOUNTS_VIEW,
  };
  /* The Portfolios area's own classes are built by test-portfolios-window. */
  const GType windows[] = {
    LIA_TYPE_WINDOW, LIA_TYPE_ACCOUNT_DIALOG, LIA_TYPE_CONTACT_DIALOG,
    LIA_TYPE_INQUIRY_DIALOG, LIA_TYPE_PREFERENCES_WINDOW,
  };
  g_autoptr(GtkBuilder) help = NULL;

  lia_test_build_each (widgets, G_N_ELEMENTS (widgets));
  lia_test_build_each (windows, G_N_ELEMENTS (windows));

  /* The shortcuts window GtkApplication loads for Ctrl+?. */
  help = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (help, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (help, "help_overlay")));
}

/* ---- an account from creation to closing, through the widgets ---- */

typedef struct
{
  char      *data_dir;
  LiaBook   *book;
  LiaWindow *window;
  gint64     manager_id;
  gint64     departed_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->book = lia_test_book_new (&fixture->data_dir, NULL, NULL, "Test Person");

  /* Corporate accounts need an active manager; one who left is never offered. */
  fixture->manager_id = lia_test_add_staff (fixture->book, "Morgan Manager", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  fixture->departed_id = lia_test_add_staff (fixture->book, "Dana Departed", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  lia_book_update_staff (fixture->book, fixture->departed_id, "Dana Departed",
                         LIA_STAFF_ROLE_ACCOUNT_MANAGER, NULL, FALSE, &error);
  g_assert_no_error (error);

  fixture->window = lia_test_main_window_new (fixture->book, 0, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lia_test_display_tear_down (GTK_WINDOW (fixture->window), &fixture->book, &fixture->data_dir);
}

typedef struct
{
  LiaAccountList *list;
  const char     *search;
  guint           n_items;
} ListState;

static gboolean
list_reached (gpointer data)
{
  ListState *state = data;

  const char *search = lia_account_list_get_search_text (state->list);

  /* The list may keep no search as NULL. */
  return g_strcmp0 (search ? search : "", state->search) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (state->list)) == state->n_items;
}

/* A corporate account needs an active manager: the picker offers only
 * active staff, and without one Create is refused with the reason. */
static void
pick_manager (Fixture   *fixture,
              GtkWindow *dialog,
              GtkWidget *error_label,
              GtkWidget *create)
{
  AdwComboRow *segment = ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_ACCOUNT_DIALOG, "segment_row"));
  AdwComboRow *manager = ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_ACCOUNT_DIALOG, "manager_row"));
  GListModel *staff = lia_book_get_staff (fixture->book);
  GListModel *offered = adw_combo_row_get_model (manager);

  /* "None" and Morgan: Dana left. */
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (offered), 1), ==, "Morgan Manager");

  adw_combo_row_set_selected (segment, lia_choice_labels_find (lia_book_get_segments (fixture->book),
                                                                FALSE, "corporate"));
  adw_combo_row_set_selected (manager, 0);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "active account manager"));
  g_assert_false (gtk_widget_is_sensitive (create));

  adw_combo_row_set_selected (manager, lia_active_staff_labels_find (staff, TRUE, fixture->manager_id));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_is_sensitive (create));
}

static gint64
create_account_through_dialog (Fixture    *fixture,
                               const char *name,
                               const char *number)
{
  LiaAccountsView *view = lia_window_get_accounts_view (fixture->window);
  LiaAccountPage *page = lia_accounts_view_get_page (view);
  GtkWindow *dialog;
  GtkWidget *create, *error_label;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-account", NULL);
  dialog = lia_test_wait_for_toplevel (LIA_TYPE_ACCOUNT_DIALOG);
  create = lia_test_child (dialog, LIA_TYPE_ACCOUNT_DIALOG, "create_button");
  error_label = lia_test_child (dialog, LIA_TYPE_ACCOUNT_DIALOG, "error_label");

  /* Create waits for a name and a number. */
  g_assert_false (gtk_widget_is_sensitive (create));
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_ACCOUNT_DIALOG, "name_row")), name);
  g_assert_false (gtk_widget_is_sensitive (create));

  /* A malformed number is explained inline and refused. */
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_ACCOUNT_DIALOG, "number_row")), "no spaces!");
  g_assert_false (gtk_widget_is_sensitive (create));
  g_assert_true (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_ACCOUNT_DIALOG, "number_row")), number);
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_ACCOUNT_DIALOG, "value_row")), "1,250.50");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_is_sensitive (create));

  pick_manager (fixture, dialog, error_label, create);

  lia_test_click_and_wait_destroyed (dialog, create);

  /* The new account is open on its page. */
  g_assert_nonnull (lia_account_page_get_account (page));
  g_assert_cmpstr (lia_account_get_name (lia_account_page_get_account (page)), ==, name);
  g_assert_cmpint (lia_account_get_contract_value (lia_account_page_get_account (page)), ==, 125050);
  g_assert_cmpint (lia_account_get_manager_id (lia_account_page_get_account (page)), ==, fixture->manager_id);
  return lia_account_get_id (lia_account_page_get_account (page));
}

static void
search_for (Fixture    *fixture,
            const char *text,
            guint       expected)
{
  LiaAccountsView *view = lia_window_get_accounts_view (fixture->window);
  ListState state = { lia_accounts_view_get_list (view), text, expected };

  g_test_message ("Searching for “%s”", text);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW, "search_entry")), text);
  lia_test_wait_for (list_reached, &state, "the search to narrow the list");
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button a person would click, found by its label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return lia_test_find_widget (widget, is_button_labelled, label);
}

static void
move_with_reason (LiaAccountPage  *page,
                  const char      *nick,
                  LiaAccountState  expected)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry, *confirm;

  g_test_message ("Moving to %s", nick);
  /* What the Change State menu item does. */
  gtk_widget_activate_action (GTK_WIDGET (page), "account.transition", "s", nick);
  dialog = ADW_MESSAGE_DIALOG (lia_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  entry = adw_message_dialog_get_extra_child (dialog);

  /* No reason, no move. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Customer asked for it");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));

  confirm = find_button (GTK_WIDGET (dialog),
                         adw_message_dialog_get_response_label (dialog, "apply"));
  g_assert_nonnull (confirm);
  lia_test_click_and_wait_destroyed (GTK_WINDOW (dialog), confirm);

  g_assert_cmpint (lia_account_get_state (lia_account_page_get_account (page)), ==, expected);
}

static void
test_account_lifecycle (Fixture       *fixture,
                        gconstpointer  data)
{
  LiaAccountsView *view = lia_window_get_accounts_view (fixture->window);
  LiaAccountPage *page = lia_accounts_view_get_page (view);
  LiaAccountList *list = lia_accounts_view_get_list (view);
  GtkStack *main_stack = GTK_STACK (lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW, "main_stack"));
  GtkListBox *history;
  gint64 id;

  /* An empty book greets with the first-run page. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "first-run");

  id = create_account_through_dialog (fixture, "Harbourside Logistics", "T-0001");
  create_account_through_dialog (fixture, "Quayside Bakery", "T-0002");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "accounts");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  /* Found by a prefix of a word of its name, as typed. */
  search_for (fixture, "Harb", 1);
  {
    g_autoptr(LiaAccount) found = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpint (lia_account_get_id (found), ==, id);
  }
  search_for (fixture, "Harbz", 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW,
                                                                                "list_stack"))),
                   ==, "no-match");
  search_for (fixture, "Harbourside", 1);
  lia_accounts_view_show_account (view, id);

  /* prospect → opening → active → closing → closed, each with a reason. */
  move_with_reason (page, "opening", LIA_ACCOUNT_STATE_OPENING);
  move_with_reason (page, "active", LIA_ACCOUNT_STATE_ACTIVE);
  move_with_reason (page, "closing", LIA_ACCOUNT_STATE_CLOSING);
  move_with_reason (page, "closed", LIA_ACCOUNT_STATE_CLOSED);

  /* Closed is the end: nothing more is offered. */
  g_assert_false (gtk_widget_is_sensitive (lia_test_child (page, LIA_TYPE_ACCOUNT_PAGE, "transition_button")));

  /* Created plus four moves, each in the history the page shows. */
  history = GTK_LIST_BOX (lia_test_child (page, LIA_TYPE_ACCOUNT_PAGE, "history_list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (history, 4));
  g_assert_null (gtk_list_box_get_row_at_index (history, 5));

  /* It has left the default list, but is still there for "Show closed". */
  {
    ListState gone = { list, "Harbourside", 0 };
    ListState back = { list, "Harbourside", 1 };

    lia_test_wait_for (list_reached, &gone, "the closed account to leave the list");
    gtk_check_button_set_active (GTK_CHECK_BUTTON (lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW, "closed_check")),
                                 TRUE);
    lia_test_wait_for (list_reached, &back, "Show closed to bring it back");
    gtk_check_button_set_active (GTK_CHECK_BUTTON (lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW, "closed_check")),
                                 FALSE);
    lia_test_wait_for (list_reached, &gone, "the closed account to leave the list again");
  }

  /* The other account is unaffected. */
  search_for (fixture, "", 1);
}

/* ---- a contact changes employer, through the page ---- */

static gboolean
contacts_shown (gpointer data)
{
  GtkListBox *list = data;

  return gtk_list_box_get_row_at_index (list, 0) == NULL;
}

static void
test_move_contact (Fixture       *fixture,
                   gconstpointer  data)
{
  LiaAccountsView *view = lia_window_get_accounts_view (fixture->window);
  LiaAccountRepository *accounts = lia_book_get_accounts (fixture->book);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(LiaInquiry) inquiry = NULL;
  g_autoptr(GListModel) old_inquiries = NULL;
  g_autoptr(GListModel) new_contacts = NULL;
  AdwMessageDialog *dialog;
  LiaAccountPage *page;
  GtkWidget *confirm;
  gint64 from, to;

  from = create_account_through_dialog (fixture, "Old Employer", "MV-1");
  to = create_account_through_dialog (fixture, "New Employer", "MV-2");
  lia_contact_set_account_id (contact, from);
  lia_contact_set_name (contact, "Robin Mover");
  lia_contact_set_email (contact, "robin@old.example");
  g_assert_true (lia_account_repository_add_contact (accounts, contact, &error));
  g_assert_no_error (error);
  inquiry = lia_inquiry_new (from, 0, LIA_INQUIRY_CHANNEL_PHONE, "Can we upgrade?", "Yes.", 0);
  g_assert_true (lia_account_repository_add_inquiry (accounts, inquiry, &error));
  g_assert_no_error (error);

  lia_accounts_view_show_account (view, from);
  page = lia_accounts_view_get_page (view);

  /* What the contact row's Move button does. */
  gtk_widget_activate_action (GTK_WIDGET (page), "account.move-contact", "x",
                              lia_contact_get_id (contact));
  dialog = ADW_MESSAGE_DIALOG (lia_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "MV-2");
  confirm = find_button (GTK_WIDGET (dialog), adw_message_dialog_get_response_label (dialog, "move"));
  g_assert_nonnull (confirm);
  lia_test_click_and_wait_destroyed (GTK_WINDOW (dialog), confirm);

  /* The page no longer lists them; the new employer does; the inquiry
   * they made stays with the old account. */
  lia_test_wait_for (contacts_shown, lia_test_child (page, LIA_TYPE_ACCOUNT_PAGE, "contacts_list"),
                     "the moved contact to leave the page");
  new_contacts = lia_account_repository_list_contacts (accounts, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (new_contacts), ==, 1);
  old_inquiries = lia_account_repository_list_inquiries (accounts, from, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (old_inquiries), ==, 1);
}

/* ---- accessible roles and names ---- */

static void
test_accessibility (Fixture       *fixture,
                    gconstpointer  data)
{
  LiaAccountsView *view = lia_window_get_accounts_view (fixture->window);
  GtkWidget *list_view = lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW, "list_view");
  GtkWidget *search_entry = lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW, "search_entry");
  GtkWidget *segment = lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW, "segment_dropdown");
  GtkWidget *filter_button = lia_test_child (view, LIA_TYPE_ACCOUNTS_VIEW, "filter_button");

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_ROLE_LIST);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (list_view),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (search_entry), GTK_ACCESSIBLE_ROLE_SEARCH_BOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (search_entry),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search accounts");

  /* Icon-only buttons carry a name, not just a picture. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (filter_button),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (segment),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
}

/* ---- the shortcuts window lists every shortcut ---- */

static void
parse_accel (const char      *accel,
             guint           *keyval,
             GdkModifierType *mods)
{
  if (!gtk_accelerator_parse (accel, keyval, mods))
    g_error ("The shortcuts window has an accelerator GTK cannot read: %s", accel);
}

/* Adds each of @accels (space separated, as GtkShortcutsShortcut takes
 * them, "a...b" for a run of keys) in one spelling, so "<Primary>w" and
 * "<Control>w" meet. */
static void
add_accels (GHashTable *set,
            const char *accels)
{
  g_auto(GStrv) parts = g_strsplit (accels ? accels : "", " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) ends = g_strsplit (parts[i], "...", 2);
      guint first, last;
      GdkModifierType mods, last_mods;

      if (*parts[i] == '\0')
        continue;
      parse_accel (ends[0], &first, &mods);
      if (ends[1] != NULL)
        parse_accel (ends[1], &last, &last_mods);
      else
        last = first;
      g_assert_cmpuint (last, >=, first);
      for (guint keyval = first; keyval <= last; keyval++)
        g_hash_table_add (set, gtk_accelerator_name (keyval, mods));
    }
}

/* What the shortcuts window shows: its own accelerators, and for a
 * shortcut naming an action, the application's accels for it (as GTK
 * fills them in when the window is shown). */
static void
collect_listed (GtkWidget      *widget,
                GtkApplication *app,
                GHashTable     *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;

      g_object_get (widget, "accelerator", &accelerator, "action-name", &action, NULL);
      add_accels (listed, accelerator);
      if (action != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action);

          for (guint i = 0; accels[i] != NULL; i++)
            add_accels (listed, accels[i]);
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_listed (c, app, listed);
}

static void
add_trigger (GHashTable         *set,
             GtkShortcutTrigger *trigger)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_hash_table_add (set, gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                 gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger (set, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)));
      add_trigger (set, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)));
    }
}

/* The key bindings an instance of @type carries (its class's and its
 * ancestors'); none for an abstract type. */
static GHashTable *
class_shortcuts (GType type)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) controllers = NULL;
  gpointer widget;

  if (G_TYPE_IS_ABSTRACT (type))
    return set;

  widget = g_object_ref_sink (g_object_new (type, NULL));
  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          add_trigger (set, gtk_shortcut_get_trigger (shortcut));
        }
    }
  g_clear_object (&controllers);
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (widget);
  g_object_unref (widget);
  return set;
}

/* Every accel the application registers (gtk_application_set_accels_for_action,
 * and GTK's own Ctrl+? for the shortcuts window) and every key binding
 * one of our widget classes adds must be in ui/help-overlay.ui. The
 * month grid's arrows, Page Up/Down, Home and Enter are its own key
 * handler, which no API lists: those are in the file by hand. */
static void
test_shortcuts_listed (void)
{
  const GType types[] = {
    LIA_TYPE_WINDOW, LIA_TYPE_ACCOUNTS_VIEW, LIA_TYPE_ACCOUNT_PAGE, LIA_TYPE_ACCOUNT_ROW,
    LIA_TYPE_ACCOUNT_PICKER, LIA_TYPE_ACCOUNT_DIALOG, LIA_TYPE_CONTACT_DIALOG, LIA_TYPE_INQUIRY_DIALOG,
    LIA_TYPE_PORTFOLIOS_VIEW, LIA_TYPE_PORTFOLIO_PAGE, LIA_TYPE_GROUP_DIALOG, LIA_TYPE_REASSIGN_DIALOG,
    LIA_TYPE_WORKLOAD_VIEW, LIA_TYPE_COVERAGE_VIEW, LIA_TYPE_TIMELINE_VIEW, LIA_TYPE_EVENT_PAGE,
    LIA_TYPE_EVENT_DIALOG, LIA_TYPE_VENDORS_VIEW, LIA_TYPE_VENDOR_DIALOG, LIA_TYPE_CALENDAR_VIEW,
    LIA_TYPE_MONTH_GRID, LIA_TYPE_AGENDA_LIST, LIA_TYPE_MEETING_PAGE, LIA_TYPE_MEETING_DIALOG,
    LIA_TYPE_FOLLOW_UPS_VIEW, LIA_TYPE_FOLLOW_UP_DIALOG, LIA_TYPE_PREFERENCES_WINDOW, LIA_TYPE_STAFF_PAGE,
    LIA_TYPE_STAFF_DIALOG, LIA_TYPE_SLA_PAGE, LIA_TYPE_SECURITY_PAGE, LIA_TYPE_FIELDS_GROUP,
    LIA_TYPE_CREDENTIALS_GROUP, LIA_TYPE_CREDENTIAL_DIALOG, LIA_TYPE_PERSONAL_DATA_WINDOW,
  };
  g_autoptr(LiaApplication) app = lia_application_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkBuilder) help = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  GtkWidget *overlay;
  guint n_accels = 0;

  /* Startup sets the accels; no other instance to talk to. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  help = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  overlay = GTK_WIDGET (gtk_builder_get_object (help, "help_overlay"));
  collect_listed (overlay, GTK_APPLICATION (app), listed);

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_autoptr(GHashTable) one = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          GHashTableIter iter;
          gpointer name;

          add_accels (one, accels[j]);
          g_hash_table_iter_init (&iter, one);
          while (g_hash_table_iter_next (&iter, &name, NULL))
            if (!g_hash_table_contains (listed, name))
              g_string_append_printf (missing, " %s (%s)", (char *)name, actions[i]);
          n_accels++;
        }
    }
  /* Quit, Preferences, Ctrl+?, the eight areas and more: a list that
   * came back empty would prove nothing. */
  g_assert_cmpuint (n_accels, >=, 12);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GHashTable) own = class_shortcuts (types[i]);
      g_autoptr(GHashTable) inherited = class_shortcuts (g_type_parent (types[i]));
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, own);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (!g_hash_table_contains (inherited, name) && !g_hash_table_contains (listed, name))
          g_string_append_printf (missing, " %s (%s)", (char *)name, g_type_name (types[i]));
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
  g_assert_cmpstr (missing->str, ==, "");
}

/* ---- the window comes back as it was left ---- */

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  char *data_dir = NULL;
  LiaBook *book = lia_test_book_new (&data_dir, NULL, NULL, "Test Person");
  LiaWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* Restored as it is built. */
  window = lia_window_new (NULL, book);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_present (GTK_WINDOW (window));
  lia_test_wait_for (lia_test_is_mapped, window, "the main window to map");

  /* The app never picks a colour scheme: dark follows the system. */
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Saved as it goes (unmapped when closed). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  lia_test_display_tear_down (GTK_WINDOW (window), &book, &data_dir);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  /* Without a window manager (Xvfb) nothing is ever maximized, so only
   * the saving of the flag can be seen here. */
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Headless: calendar days, not 24-hour spans, across a DST change.
 * 29 Mar 2026 has 23 hours in Berlin. */
static void
test_relative_day_dst (void)
{
  const gint64 just_after_midnight = 1774740600; /* 29 Mar 00:30 CET */
  const gint64 next_night = 1774822200;          /* 30 Mar 00:10 CEST */
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *relative = NULL;
  g_autofree char *verified = NULL;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  relative = lia_format_relative_day (just_after_midnight, next_night);
  verified = lia_format_last_verified (just_after_midnight, next_night);
  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");

  g_assert_cmpstr (relative, ==, "Yesterday");
  g_assert_cmpstr (verified, ==, "Yesterday");
}

int
main (int   argc,
      char *argv[])
{
  lia_test_display_init (&argc, &argv);

  g_test_add_func ("/window/templates", test_templates);
  g_test_add_func ("/format/relative-day-dst", test_relative_day_dst);
  g_test_add_func ("/window/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/window/state-restored", test_window_state);
  g_test_add ("/window/account-lifecycle", Fixture, NULL,
              fixture_set_up, test_account_lifecycle, fixture_tear_down);
  g_test_add ("/window/move-contact", Fixture, NULL,
              fixture_set_up, test_move_contact, fixture_tear_down);
  g_test_add ("/window/accessibility", Fixture, NULL,
              fixture_set_up, test_accessibility, fixture_tear_down);

  return g_test_run ();
}
