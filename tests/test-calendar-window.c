/* test-calendar-window.c — planning a quarterly review series, moving
 * one meeting, minuting it with a follow-up and seeing that follow-up
 * fall overdue, through the main window's real widgets; a whole series
 * moved across the DST change, and all-day and zero-length meetings
 * edited in the meeting dialog
 *
 * A display suite: run under xvfb-run (and dbus-run-session). The local
 * zone is Europe/Berlin, so days begin an hour before UTC's and a DST
 * change falls inside the year; time is held still by an injected clock
 * and moved by hand across the follow-up's day boundary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "lia-account-page.h"
#include "lia-account-picker.h"
#include "lia-calendar-view.h"
#include "lia-follow-up-dialog.h"
#include "lia-follow-up-repository.h"
#include "lia-follow-ups-view.h"
#include "lia-format.h"
#include "lia-meeting-dialog.h"
#include "lia-meeting-labels.h"
#include "lia-meeting-page.h"
#include "lia-meeting-repository.h"
#include "lia-month-grid.h"
#include "lia-portfolio-page.h"

#include "test-display.h"

#define FOLLOW_UP "Send the revised maintenance quote"
#define MINUTES "Renewal on track. " FOLLOW_UP " by Friday."

/* ---- every new template builds with the Debian 12 toolkit ---- */

static void
test_templates (void)
{
  const GType types[] = {
    LIA_TYPE_CALENDAR_VIEW, LIA_TYPE_MONTH_GRID, LIA_TYPE_AGENDA_LIST, LIA_TYPE_MEETING_PAGE,
    LIA_TYPE_FOLLOW_UPS_VIEW, LIA_TYPE_MEETING_DIALOG, LIA_TYPE_FOLLOW_UP_DIALOG,
  };

  lia_test_build_each (types, G_N_ELEMENTS (types));
}

/* ---- the fixture: a key account, managed by whoever uses the app ---- */

typedef struct
{
  char            *data_dir;
  LiaBook         *book;
  LiaWindow       *window;
  LiaCalendarView *view;
  gint64           now;
  gint64           me;
  gint64           account_id;
  gint64           meeting_id;
} Fixture;

/* A local (Europe/Berlin) wall-clock time. */
static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (dt);
}

static void
add_account (Fixture *fixture)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("K-0001", "Harbor Logistics", "key-account");
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;

  lia_account_set_manager_id (account, fixture->me);
  fixture->account_id = lia_test_account_create (fixture->book, account);
  lia_contact_set_account_id (contact, fixture->account_id);
  lia_contact_set_name (contact, "Dana Dispatch");
  lia_contact_set_key_contact (contact, TRUE);
  lia_account_repository_add_contact (lia_book_get_accounts (fixture->book), contact, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->now = local_time (2026, 1, 5, 9, 0);
  fixture->book = lia_test_book_new (&fixture->data_dir, NULL, &fixture->now, "Test Person");
  fixture->me = lia_test_add_staff (fixture->book, "Test Person", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  add_account (fixture);
  fixture->window = lia_test_main_window_new (fixture->book, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lia_test_display_tear_down (GTK_WINDOW (fixture->window), &fixture->book, &fixture->data_dir);
}

/* ---- the month grid, as seen ---- */

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/* Meetings shown on the grid's days of its own month: its chips,
 * leaving out the neighbouring months' days and "+N more" popovers. */
static guint
count_chips (GtkWidget *widget,
             gboolean   in_month)
{
  guint n = 0;

  if (GTK_IS_POPOVER (widget) || (gtk_widget_has_css_class (widget, "lia-day") &&
                                  gtk_widget_has_css_class (widget, "other-month")))
    return 0;
  if (gtk_widget_has_css_class (widget, "lia-day"))
    in_month = TRUE;
  if (in_month && gtk_widget_has_css_class (widget, "lia-meeting-chip") && gtk_widget_get_visible (widget))
    return 1;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += count_chips (c, in_month);
  return n;
}

static guint
meetings_in_month (Fixture *fixture)
{
  return count_chips (GTK_WIDGET (lia_calendar_view_get_month_grid (fixture->view)), FALSE);
}

/* The cell of @day (of the month shown). */
static GtkWidget *
day_cell (Fixture *fixture,
          int      day)
{
  LiaMonthGrid *grid = lia_calendar_view_get_month_grid (fixture->view);
  GtkWidget *cell = lia_test_find_widget (GTK_WIDGET (grid), has_class, "lia-day");
  GDate first, after_last, date;
  int index;

  lia_month_grid_get_range (grid, &first, &after_last);
  date = *lia_month_grid_get_date (grid);
  g_date_set_day (&date, day);
  index = (int)g_date_get_julian (&date) - (int)g_date_get_julian (&first);
  for (int i = 0; i < index; i++)
    cell = gtk_widget_get_next_sibling (cell);
  return cell;
}

static GtkWidget *
chip_on (Fixture *fixture,
         int      day)
{
  return lia_test_find_widget (day_cell (fixture, day), has_class, "lia-meeting-chip");
}

static void
show_month (Fixture *fixture,
            int      year,
            int      month)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, month, year);

  lia_calendar_view_set_date (fixture->view, date);
  lia_test_drain_main_loop ();
}

/* ---- the grid starts the week where the locale does ---- */

/* The first day the grid shows for March 2026 under LC_TIME @locale. */
static void
assert_grid_starts (const char   *locale,
                    GDateWeekday  weekday,
                    int           day,
                    int           month)
{
  g_autoptr(GDate) march = g_date_new_dmy (15, G_DATE_MARCH, 2026);
  GtkWidget *grid;
  GDate first, after_last;

  /* All of it, not LC_TIME alone: the grid's labels go through the
   * C library in LC_CTYPE's encoding. */
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  g_assert_nonnull (setlocale (LC_ALL, locale));
  grid = g_object_ref_sink (lia_month_grid_new ());
  lia_month_grid_set_date (LIA_MONTH_GRID (grid), march);
  lia_month_grid_get_range (LIA_MONTH_GRID (grid), &first, &after_last);
  g_assert_cmpint (g_date_get_weekday (&first), ==, weekday);
  g_assert_cmpint (g_date_get_day (&first), ==, day);
  g_assert_cmpint (g_date_get_month (&first), ==, month);
  g_assert_cmpint (g_date_days_between (&first, &after_last), ==, 42);
  g_object_unref (grid);
  g_assert_nonnull (setlocale (LC_ALL, saved));
}

static void
test_first_weekday (void)
{
  /* 1 March 2026 is a Sunday. glibc's C locale starts weeks on Sunday,
   * as the United States do. */
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean have_german;

  assert_grid_starts ("C.UTF-8", G_DATE_SUNDAY, 1, G_DATE_MARCH);
  have_german = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;
  setlocale (LC_ALL, saved);
  if (!have_german)
    {
      g_test_skip ("de_DE.UTF-8 is not installed: a Monday-first grid not checked");
      return;
    }
  assert_grid_starts ("de_DE.UTF-8", G_DATE_MONDAY, 23, G_DATE_FEBRUARY);
}

/* ---- planning the series ---- */

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether the button a person would click for @action can be clicked. */
static gboolean
can_click (GtkWidget  *widget,
           const char *action)
{
  GtkWidget *button = lia_test_find_widget (widget, is_action_button, action);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static gboolean
has_results (gpointer picker)
{
  return gtk_list_box_get_row_at_index (lia_account_picker_get_results (picker), 0) != NULL;
}

static void
pick_account (GtkWidget  *dialog,
              const char *text)
{
  LiaAccountPicker *picker = LIA_ACCOUNT_PICKER (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "account_picker"));

  gtk_editable_set_text (lia_account_picker_get_entry (picker), text);
  lia_test_wait_for (has_results, picker, "matching accounts");
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (lia_account_picker_get_results (picker), 0)));
  g_assert_cmpint (lia_account_picker_get_account_id (picker), >, 0);
}

static void
set_field (GtkWidget  *dialog,
           GType       type,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, type, name)), text);
}

static void
on_meeting_saved_cb (GtkWidget *dialog,
                     gint64     meeting_id,
                     gint64     starts_at,
                     Fixture   *fixture)
{
  fixture->meeting_id = meeting_id;
}

/* Ctrl+N over the Calendar: a quarterly review, the default. */
static void
plan_quarterly_review (Fixture *fixture)
{
  GtkWidget *dialog, *error_label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-account", NULL));
  dialog = GTK_WIDGET (lia_test_wait_for_toplevel (LIA_TYPE_MEETING_DIALOG));
  g_signal_connect (dialog, "saved", G_CALLBACK (on_meeting_saved_cb), fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "title_row"))),
                   ==, "Quarterly review");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "repeat_row"))),
                    ==, LIA_REPEAT_QUARTERLY);

  /* Nothing can be saved without an account, nor ending before it starts. */
  g_assert_false (can_click (dialog, "meeting-dialog.save"));
  pick_account (dialog, "Harbor");
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "date_row", "2026-01-20");
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "start_row", "10:00");
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "end_row", "09:30");
  error_label = lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_false (can_click (dialog, "meeting-dialog.save"));
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "end_row", "11:30");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (can_click (dialog, "meeting-dialog.save"));
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "location_row", "Harbor Logistics, meeting room 2");

  lia_test_activate_and_wait_destroyed (GTK_WINDOW (dialog), "meeting-dialog.save");
  g_assert_cmpint (fixture->meeting_id, >, 0);
}

/* Month by month, as a person pages through the year. */
static guint
count_year (Fixture *fixture)
{
  guint total = 0;

  show_month (fixture, 2026, 1);
  for (int month = 1; month <= 12; month++)
    {
      if (month > 1)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "calendar.next", NULL));
      g_assert_cmpint (g_date_get_month (lia_calendar_view_get_date (fixture->view)), ==, month);
      total += meetings_in_month (fixture);
      /* The agenda lists the same month. */
      g_assert_cmpuint (g_list_model_get_n_items (lia_agenda_list_get_model (lia_calendar_view_get_agenda (fixture->view))),
                        ==, meetings_in_month (fixture));
    }
  return total;
}

/* ---- moving one of them ---- */

static void
open_meeting_on (Fixture *fixture,
                 int      day)
{
  GtkWidget *chip = chip_on (fixture, day);
  LiaMeetingPage *page;

  g_assert_nonnull (chip);
  g_signal_emit_by_name (chip, "clicked");
  page = lia_calendar_view_get_meeting_page (fixture->view);
  g_assert_nonnull (page);
  lia_test_wait_for (lia_test_is_mapped, page, "the meeting page");
}

static LiaMeetingPage *
page (Fixture *fixture)
{
  return lia_calendar_view_get_meeting_page (fixture->view);
}

static void
move_this_one (Fixture    *fixture,
               const char *date)
{
  AdwMessageDialog *question;
  GtkWidget *dialog;
  gpointer alive;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "meeting.edit", NULL));
  dialog = GTK_WIDGET (lia_test_wait_for_toplevel (LIA_TYPE_MEETING_DIALOG));
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "date_row", date);
  lia_test_watch (dialog, &alive);
  g_assert_true (gtk_widget_activate_action (dialog, "meeting-dialog.save", NULL));

  /* One of a series: which ones? */
  question = ADW_MESSAGE_DIALOG (lia_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_get_response_enabled (question, "this"));
  adw_message_dialog_response (question, "this");
  lia_test_wait_for (lia_test_is_gone, &alive, "the meeting dialog to close");
}

/* What the book says, not only what the grid shows. */
static void
assert_year_starts (Fixture      *fixture,
                    const gint64 *expected,
                    guint         n_expected)
{
  g_autoptr(GListModel) year = NULL;
  g_autoptr(GError) error = NULL;

  year = lia_meeting_repository_list_range (lia_book_get_meetings (fixture->book), local_time (2026, 1, 1, 0, 0),
                                            local_time (2027, 1, 1, 0, 0), fixture->account_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (year), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(LiaOccurrence) occurrence = g_list_model_get_item (year, i);

      g_assert_cmpint (lia_occurrence_get_starts_at (occurrence), ==, expected[i]);
      g_assert_cmpint (lia_occurrence_get_ends_at (occurrence) - expected[i], ==, 90 * 60);
    }
}

/* ---- minutes and a follow-up ---- */

static void
write_minutes (Fixture *fixture)
{
  GtkWidget *minutes = lia_test_child (page (fixture), LIA_TYPE_MEETING_PAGE, "minutes_view");
  /* The page reads it again once saved: keep our own. */
  g_autoptr(LiaOccurrence) occurrence = g_object_ref (lia_meeting_page_get_occurrence (page (fixture)));
  g_autoptr(LiaOccurrence) stored = NULL;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (minutes)), MINUTES, -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lia_test_child (page (fixture), LIA_TYPE_MEETING_PAGE, "rating_4")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "meeting.save-minutes", NULL));

  stored = lia_meeting_repository_lookup_occurrence (lia_book_get_meetings (fixture->book),
                                                     lia_occurrence_get_meeting_id (occurrence),
                                                     lia_occurrence_get_recurrence_id (occurrence), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_occurrence_get_minutes (stored), ==, MINUTES);
  g_assert_cmpint (lia_occurrence_get_rating (stored), ==, 4);
}

/* Selecting the sentence in the minutes starts the follow-up with it. */
static void
add_follow_up_due (Fixture    *fixture,
                   const char *due)
{
  GtkWidget *minutes = lia_test_child (page (fixture), LIA_TYPE_MEETING_PAGE, "minutes_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (minutes));
  const char *at = g_strstr_len (MINUTES, -1, FOLLOW_UP);
  GtkTextIter start, end;
  GtkWidget *dialog, *owner;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (MINUTES, at));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (MINUTES, at) + g_utf8_strlen (FOLLOW_UP, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "meeting.add-follow-up", NULL));

  dialog = GTK_WIDGET (lia_test_wait_for_toplevel (LIA_TYPE_FOLLOW_UP_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_FOLLOW_UP_DIALOG, "summary_row"))),
                   ==, FOLLOW_UP);
  /* Whoever uses the app owns it, being staff. */
  owner = lia_test_child (dialog, LIA_TYPE_FOLLOW_UP_DIALOG, "owner_row");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (owner))), ==,
                   "Test Person");
  set_field (dialog, LIA_TYPE_FOLLOW_UP_DIALOG, "due_row", due);
  lia_test_activate_and_wait_destroyed (GTK_WINDOW (dialog), "follow-up.save");

  lia_test_drain_main_loop ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (lia_test_child (page (fixture), LIA_TYPE_MEETING_PAGE,
                                                                                   "follow_ups_list")), 0));
}

/* ---- My Follow-ups and the badge ---- */

static AdwViewStackPage *
follow_ups_page (Fixture *fixture)
{
  AdwViewStack *areas = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (fixture->view), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_page (areas, adw_view_stack_get_child_by_name (areas, "follow-ups"));
}

static guint
badge (Fixture *fixture)
{
  return adw_view_stack_page_get_badge_number (follow_ups_page (fixture));
}

/* Shows My Follow-ups as it is on the day the clock says. */
static LiaFollowUpsView *
look_at_follow_ups (Fixture *fixture)
{
  LiaFollowUpsView *view;

  lia_window_show_area (fixture->window, "calendar");
  lia_test_drain_main_loop ();
  lia_window_show_area (fixture->window, "follow-ups");
  view = lia_window_get_follow_ups_view (fixture->window);
  lia_test_wait_for (lia_test_is_mapped, view, "My Follow-ups");
  return view;
}

static void
assert_listed (LiaFollowUpsView *view,
               gboolean          overdue)
{
  GListModel *model = lia_follow_ups_view_get_model (view);
  GtkWidget *list = lia_test_find_widget (GTK_WIDGET (view), has_class, "boxed-list");
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_autoptr(LiaFollowUp) follow_up = g_list_model_get_item (model, 0);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (lia_follow_up_get_summary (follow_up), ==, FOLLOW_UP);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_widget_has_css_class (row, "lia-follow-up-overdue"), ==, overdue);
}

/* ---- the account's and the group's figures ---- */

static const char *
label_of (gpointer    widget,
          GType       type,
          const char *name)
{
  return gtk_label_get_label (GTK_LABEL (lia_test_child (widget, type, name)));
}

/* Planned in July: the account page says when the next review is due,
 * and the group's roll-ups show the review and the overdue follow-up. */
static void
assert_figures (Fixture    *fixture,
                const char *next_review)
{
  LiaAccountsView *accounts = lia_window_get_accounts_view (fixture->window);
  g_autoptr(LiaPortfolioPage) group = g_object_ref_sink (g_object_new (LIA_TYPE_PORTFOLIO_PAGE, NULL));
  LiaAccountPage *account_page;

  lia_window_show_area (fixture->window, "accounts");
  lia_accounts_view_show_account (accounts, fixture->account_id);
  account_page = lia_accounts_view_get_page (accounts);
  lia_test_wait_for (lia_test_is_mapped, account_page, "the account page");
  g_assert_true (gtk_widget_get_visible (lia_test_child (account_page, LIA_TYPE_ACCOUNT_PAGE, "review_label")));
  g_assert_nonnull (strstr (label_of (account_page, LIA_TYPE_ACCOUNT_PAGE, "review_label"), "review"));

  lia_portfolio_page_set_book (group, fixture->book);
  lia_portfolio_page_set_account_id (group, fixture->account_id);
  g_assert_cmpstr (label_of (group, LIA_TYPE_PORTFOLIO_PAGE, "next_review_value"), ==, next_review);
  g_assert_cmpstr (label_of (group, LIA_TYPE_PORTFOLIO_PAGE, "followups_value"), ==, "1");
}

static void
test_review_series (Fixture       *fixture,
                    gconstpointer  data)
{
  const gint64 planned[] = {
    local_time (2026, 1, 20, 10, 0), local_time (2026, 4, 20, 10, 0),
    local_time (2026, 7, 20, 10, 0), local_time (2026, 10, 20, 10, 0),
  };
  const gint64 moved[] = { planned[0], local_time (2026, 4, 22, 10, 0), planned[2], planned[3] };
  LiaFollowUpsView *follow_ups;

  lia_window_show_area (fixture->window, "calendar");
  fixture->view = lia_window_get_calendar_view (fixture->window);
  lia_test_wait_for (lia_test_is_mapped, fixture->view, "the calendar");
  g_assert_cmpuint (meetings_in_month (fixture), ==, 0);

  plan_quarterly_review (fixture);
  /* Four in a year, at ten in local time on both sides of DST. */
  g_assert_cmpuint (count_year (fixture), ==, 4);
  assert_year_starts (fixture, planned, G_N_ELEMENTS (planned));

  /* April's moves two days; the others stay. */
  show_month (fixture, 2026, 4);
  open_meeting_on (fixture, 20);
  move_this_one (fixture, "2026-04-22");
  lia_test_drain_main_loop ();
  g_assert_null (chip_on (fixture, 20));
  g_assert_nonnull (chip_on (fixture, 22));
  g_assert_cmpuint (count_year (fixture), ==, 4);
  assert_year_starts (fixture, moved, G_N_ELEMENTS (moved));

  /* Held on the 22nd: minutes, and a follow-up due the next day. */
  fixture->now = local_time (2026, 4, 22, 11, 45);
  show_month (fixture, 2026, 4);
  open_meeting_on (fixture, 22);
  g_assert_cmpint (lia_occurrence_get_starts_at (lia_meeting_page_get_occurrence (page (fixture))), ==, moved[1]);
  g_assert_true (lia_occurrence_get_is_exception (lia_meeting_page_get_occurrence (page (fixture))));
  write_minutes (fixture);
  add_follow_up_due (fixture, "2026-04-23");
  g_assert_cmpuint (badge (fixture), ==, 0);

  /* Late on the due day it is not overdue yet ... */
  fixture->now = local_time (2026, 4, 23, 23, 59);
  follow_ups = look_at_follow_ups (fixture);
  assert_listed (follow_ups, FALSE);
  g_assert_cmpuint (badge (fixture), ==, 0);

  /* ... and the next morning it is, first in the list and on the badge. */
  fixture->now = local_time (2026, 4, 24, 0, 1);
  follow_ups = look_at_follow_ups (fixture);
  assert_listed (follow_ups, TRUE);
  g_assert_cmpuint (badge (fixture), ==, 1);
  assert_figures (fixture, "20 Jul 2026");
  follow_ups = look_at_follow_ups (fixture);

  /* Done in place: gone from the list and the badge. */
  {
    g_autoptr(LiaFollowUp) item = g_list_model_get_item (lia_follow_ups_view_get_model (follow_ups), 0);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (follow_ups), "follow-ups.follow-up-done", "x",
                                               lia_follow_up_get_id (item)));
  }
  lia_test_drain_main_loop ();
  g_assert_cmpuint (badge (fixture), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (lia_follow_ups_view_get_model (follow_ups)), ==, 0);
}

/* ---- editing a whole series, and all-day meetings ---- */

static gint64
add_meeting (Fixture    *fixture,
             const char *title,
             gint64      starts_at,
             gint64      ends_at,
             const char *rrule,
             gboolean    all_day)
{
  g_autoptr(LiaMeeting) meeting = lia_meeting_new (fixture->account_id, title, starts_at, ends_at);
  g_autoptr(GError) error = NULL;

  lia_meeting_set_tzid (meeting, "Europe/Berlin");
  lia_meeting_set_rrule (meeting, rrule);
  lia_meeting_set_all_day (meeting, all_day);
  lia_meeting_repository_add (lia_book_get_meetings (fixture->book), meeting, &error);
  g_assert_no_error (error);
  return lia_meeting_get_id (meeting);
}

static GtkWidget *
edit_meeting (Fixture *fixture,
              gint64   meeting_id,
              gint64   recurrence_id)
{
  GtkWidget *dialog = lia_meeting_dialog_new_for_edit (GTK_WINDOW (fixture->window), fixture->book,
                                                       meeting_id, recurrence_id);

  gtk_window_present (GTK_WINDOW (dialog));
  lia_test_wait_for (lia_test_is_mapped, dialog, "the meeting dialog");
  return dialog;
}

static const char *
field (GtkWidget  *dialog,
       const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, name)));
}

static gboolean
shown (GtkWidget  *dialog,
       const char *name)
{
  return gtk_widget_get_visible (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, name));
}

/* Fridays at ten in Berlin from 13 March 2026, summer time from the
 * 29th: the one of the 27th (winter time, with a title and room of its
 * own) moves to Monday the 30th (summer time) with a change that is the
 * whole series' (no longer a review), a new title and a new room. Every
 * meeting moves to Monday at ten, local time, on both sides of the
 * change, and every one, the edited one too, has the new title and room. */
static void
test_series_across_dst (Fixture       *fixture,
                        gconstpointer  data)
{
  const gint64 mondays[] = {
    local_time (2026, 3, 16, 10, 0), local_time (2026, 3, 23, 10, 0), local_time (2026, 3, 30, 10, 0),
    local_time (2026, 4, 6, 10, 0), local_time (2026, 4, 13, 10, 0),
  };
  LiaMeetingRepository *meetings = lia_book_get_meetings (fixture->book);
  gint64 friday = local_time (2026, 3, 27, 10, 0);
  gint64 id = add_meeting (fixture, "Weekly check-in", local_time (2026, 3, 13, 10, 0),
                           local_time (2026, 3, 13, 11, 0), "FREQ=WEEKLY;COUNT=5", FALSE);
  g_autoptr(LiaOccurrence) own = NULL;
  g_autoptr(LiaMeeting) series = NULL;
  g_autoptr(GListModel) moved = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;
  GtkWidget *dialog;
  gpointer alive;

  own = lia_meeting_repository_lookup_occurrence (meetings, id, friday, &error);
  g_assert_no_error (error);
  lia_occurrence_set_title (own, "Special check-in");
  lia_occurrence_set_location (own, "Room 9");
  lia_meeting_repository_update_occurrence (meetings, own, LIA_EDIT_SCOPE_THIS, &error);
  g_assert_no_error (error);

  dialog = edit_meeting (fixture, id, friday);
  g_assert_cmpstr (field (dialog, "title_row"), ==, "Special check-in");
  g_assert_cmpstr (field (dialog, "start_row"), ==, "10:00");
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "date_row", "2026-03-30");
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "title_row", "Renewal check-in");
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "location_row", "Room 3");
  gtk_switch_set_active (GTK_SWITCH (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "review_switch")), FALSE);
  lia_test_watch (dialog, &alive);
  g_assert_true (gtk_widget_activate_action (dialog, "meeting-dialog.save", NULL));

  /* No longer a review: that is the whole series'. */
  question = ADW_MESSAGE_DIALOG (lia_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (adw_message_dialog_get_response_enabled (question, "this"));
  adw_message_dialog_response (question, "all");
  lia_test_wait_for (lia_test_is_gone, &alive, "the meeting dialog to close");

  series = lia_meeting_repository_lookup (meetings, id, &error);
  g_assert_no_error (error);
  g_assert_false (lia_meeting_get_is_review (series));
  moved = lia_meeting_repository_list_range (meetings, local_time (2026, 3, 1, 0, 0), local_time (2026, 5, 1, 0, 0),
                                             fixture->account_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (moved), ==, G_N_ELEMENTS (mondays));
  for (guint i = 0; i < G_N_ELEMENTS (mondays); i++)
    {
      g_autoptr(LiaOccurrence) occurrence = g_list_model_get_item (moved, i);

      g_assert_cmpint (lia_occurrence_get_starts_at (occurrence), ==, mondays[i]);
      g_assert_cmpint (lia_occurrence_get_ends_at (occurrence) - mondays[i], ==, 60 * 60);
      g_assert_cmpstr (lia_occurrence_get_title (occurrence), ==, "Renewal check-in");
      g_assert_cmpstr (lia_occurrence_get_location (occurrence), ==, "Room 3");
    }
}

static void
save_and_wait (GtkWidget *dialog)
{
  g_assert_false (gtk_widget_get_visible (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "error_label")));
  g_assert_true (can_click (dialog, "meeting-dialog.save"));
  lia_test_activate_and_wait_destroyed (GTK_WINDOW (dialog), "meeting-dialog.save");
}

static void
assert_meeting (Fixture *fixture,
                gint64   id,
                gint64   starts_at,
                gint64   ends_at,
                gboolean all_day)
{
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  meeting = lia_meeting_repository_lookup (lia_book_get_meetings (fixture->book), id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_meeting_get_starts_at (meeting), ==, starts_at);
  g_assert_cmpint (lia_meeting_get_ends_at (meeting), ==, ends_at);
  g_assert_cmpint (lia_meeting_get_all_day (meeting), ==, all_day);
}

/* An all-day meeting as an import has it: three days across the DST
 * change, ending at the midnight after the last one. It opens with its
 * first and last day and no times, and saves unchanged; so does a
 * meeting that lasts no time at all. */
static void
test_all_day (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 first = local_time (2026, 3, 27, 0, 0);
  gint64 after = local_time (2026, 3, 30, 0, 0);
  gint64 fair = add_meeting (fixture, "Trade fair", first, after, NULL, TRUE);
  gint64 call = add_meeting (fixture, "Call back", local_time (2026, 3, 27, 15, 0),
                             local_time (2026, 3, 27, 15, 0), NULL, FALSE);
  GtkWidget *dialog;

  dialog = edit_meeting (fixture, fair, first);
  g_assert_false (gtk_widget_get_visible (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "error_label")));
  g_assert_true (can_click (dialog, "meeting-dialog.save"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "all_day_switch"))));
  g_assert_false (shown (dialog, "start_row"));
  g_assert_false (shown (dialog, "end_row"));
  g_assert_true (shown (dialog, "end_date_row"));
  g_assert_cmpstr (field (dialog, "date_row"), ==, "2026-03-27");
  g_assert_cmpstr (field (dialog, "end_date_row"), ==, "2026-03-29");
  /* The last day keeps its distance from the first, and may not come
   * before it. */
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "date_row", "2026-04-03");
  g_assert_cmpstr (field (dialog, "end_date_row"), ==, "2026-04-05");
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "end_date_row", "2026-04-02");
  g_assert_false (can_click (dialog, "meeting-dialog.save"));
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "end_date_row", "2026-04-05");
  set_field (dialog, LIA_TYPE_MEETING_DIALOG, "date_row", "2026-03-27");
  g_assert_cmpstr (field (dialog, "end_date_row"), ==, "2026-03-29");
  save_and_wait (dialog);
  assert_meeting (fixture, fair, first, after, TRUE);

  dialog = edit_meeting (fixture, call, local_time (2026, 3, 27, 15, 0));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (lia_test_child (dialog, LIA_TYPE_MEETING_DIALOG, "all_day_switch"))));
  g_assert_cmpstr (field (dialog, "start_row"), ==, "15:00");
  g_assert_cmpstr (field (dialog, "end_row"), ==, "15:00");
  save_and_wait (dialog);
  assert_meeting (fixture, call, local_time (2026, 3, 27, 15, 0), local_time (2026, 3, 27, 15, 0), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  lia_test_display_init (&argc, &argv);

  g_test_add_func ("/calendar/templates", test_templates);
  g_test_add_func ("/calendar/first-weekday", test_first_weekday);
  g_test_add ("/calendar/review-series", Fixture, NULL,
              fixture_set_up, test_review_series, fixture_tear_down);
  g_test_add ("/calendar/series-across-dst", Fixture, NULL,
              fixture_set_up, test_series_across_dst, fixture_tear_down);
  g_test_add ("/calendar/all-day", Fixture, NULL,
              fixture_set_up, test_all_day, fixture_tear_down);

  return g_test_run ();
}
