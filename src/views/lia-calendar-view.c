/* lia-calendar-view.c — the Calendar area: a month of meetings, or the
 * same month as a list on a narrow window, and a meeting beside it
 *
 * Only the six weeks the grid shows are read (the repository expands
 * only the series that can have an occurrence there), again when the
 * month changes and when a meeting changes. An AdwSqueezer shows the
 * month grid while it has room and the agenda list when it has not;
 * opening a meeting shows its page beside the calendar, or instead of it
 * on a narrow window (an AdwLeaflet, as in the Timeline). Accounts whose
 * review is due and not planned wait behind the "Reviews Due" button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-calendar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account.h"
#include "lia-calendar-view-private.h"
#include "lia-format.h"
#include "lia-meeting-labels.h"
#include "lia-meeting-repository.h"
#include "lia-views.h"

/* Rows in the Reviews Due popover; the rest are counted. */
#define MAX_REVIEWS_SHOWN 50

G_DEFINE_FINAL_TYPE (LiaCalendarView, lia_calendar_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NARROW, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaMeetingRepository *
repository (LiaCalendarView *self)
{
  return lia_book_get_meetings (self->book);
}

static void
get_today (LiaCalendarView *self,
           GDate           *today)
{
  lia_date_from_unix (lia_book_now (self->book), today);
}

static gint64
local_midnight (const GDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 0, 0, 0);

  return dt ? g_date_time_to_unix (dt) : 0;
}

static void
show_error (LiaCalendarView *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
update_month_label (LiaCalendarView *self)
{
  const GDate *date = lia_month_grid_get_date (self->month_grid);
  char text[64];

  /* Translators: the month shown, see strftime() */
  g_date_strftime (text, sizeof text, C_("calendar month", "%B %Y"), date);
  gtk_label_set_label (self->month_label, text);
}

/* ---- reading ---- */

/* The grid's six weeks: the agenda keeps to the month itself. */
static void
load_range (LiaCalendarView *self)
{
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  GDate first, after_last, month, next_month;

  lia_month_grid_get_range (self->month_grid, &first, &after_last);
  self->shown_first = first;
  occurrences = lia_meeting_repository_list_range (repository (self), local_midnight (&first),
                                                   local_midnight (&after_last), 0, FALSE, &error);
  if (occurrences == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->occurrences, occurrences);
  month = *lia_month_grid_get_date (self->month_grid);
  g_date_set_day (&month, 1);
  next_month = month;
  g_date_add_months (&next_month, 1);
  lia_month_grid_set_occurrences (self->month_grid, occurrences);
  lia_agenda_list_set_occurrences (self->agenda_list, occurrences, &month, &next_month);
  gtk_stack_set_visible_child_name (self->content_stack, "calendar");
}

static void
on_plan_clicked_cb (GtkButton *button)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_MENU_BUTTON)));
}

/* "Due 3 Mar 2026" or "Overdue since 3 Mar 2026" */
static GtkWidget *
new_review_row (LiaCalendarView *self,
                LiaAccount      *account)
{
  gint64 id = lia_account_get_id (account);
  gint64 due = lia_meeting_repository_next_review_due (repository (self), id, NULL);
  g_autofree char *date = due > 0 ? lia_format_date (due) : NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *plan = gtk_button_new_with_mnemonic (_("_Plan…"));

  if (date != NULL)
    subtitle = g_strdup_printf (due < lia_book_now (self->book) ? _("Overdue since %s") : _("Due %s"), date);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  gtk_widget_set_valign (plan, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (plan, _("Plan the review"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (plan), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (plan), "win.plan-review");
  g_signal_connect (plan, "clicked", G_CALLBACK (on_plan_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), plan);
  return row;
}

static void
update_reviews_due (LiaCalendarView *self)
{
  g_autoptr(GListModel) due = NULL;
  g_autofree char *label = NULL;
  GtkListBoxRow *row;
  guint n;

  while ((row = gtk_list_box_get_row_at_index (self->reviews_list, 0)))
    gtk_list_box_remove (self->reviews_list, GTK_WIDGET (row));
  if (!(due = lia_meeting_repository_list_reviews_due (repository (self), NULL)))
    n = 0;
  else
    n = g_list_model_get_n_items (due);

  for (guint i = 0; i < MIN (n, MAX_REVIEWS_SHOWN); i++)
    {
      g_autoptr(LiaAccount) account = g_list_model_get_item (due, i);

      gtk_list_box_append (self->reviews_list, new_review_row (self, account));
    }
  label = g_strdup_printf (ngettext ("%'u Review Due", "%'u Reviews Due", n), n);
  gtk_label_set_label (self->reviews_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_button), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_more_label), n > MAX_REVIEWS_SHOWN);
  if (n > MAX_REVIEWS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %'u more account", "and %'u more accounts",
                                                         n - MAX_REVIEWS_SHOWN), n - MAX_REVIEWS_SHOWN);

      gtk_label_set_label (self->reviews_more_label, more);
    }
}

static void
reload (LiaCalendarView *self)
{
  self->stale = FALSE;
  get_today (self, &self->today);
  lia_month_grid_set_today (self->month_grid, &self->today);
  lia_agenda_list_set_today (self->agenda_list, &self->today);
  load_range (self);
  update_reviews_due (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaCalendarView *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Many writes in a row (an import) make one reload; a hidden view
 * waits until it is shown. */
static void
on_book_changed_cb (LiaCalendarView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
lia_calendar_view_map (GtkWidget *widget)
{
  LiaCalendarView *self = LIA_CALENDAR_VIEW (widget);
  GDate today;

  GTK_WIDGET_CLASS (lia_calendar_view_parent_class)->map (widget);

  if (self->book == NULL)
    return;
  /* The keys for days and months work at once. */
  if (adw_leaflet_get_visible_child (self->leaflet) == self->calendar_pane)
    gtk_widget_grab_focus (GTK_WIDGET (self->month_grid));
  /* The day may have changed while it was hidden. */
  get_today (self, &today);
  if (self->stale || !g_date_valid (&self->today) || g_date_compare (&today, &self->today) != 0)
    reload (self);
}

/* ---- moving in time ---- */

void
lia_calendar_view_set_date (LiaCalendarView *self,
                            const GDate     *date)
{
  GDate first, after_last;

  g_return_if_fail (LIA_IS_CALENDAR_VIEW (self));

  lia_month_grid_set_date (self->month_grid, date);
  update_month_label (self);
  lia_month_grid_get_range (self->month_grid, &first, &after_last);
  if (self->book != NULL && (!g_date_valid (&self->shown_first) || g_date_compare (&first, &self->shown_first) != 0))
    load_range (self);
}

void
lia_calendar_view_move (LiaCalendarView *self,
                        int              months)
{
  GDate date = *lia_month_grid_get_date (self->month_grid);

  if (months > 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  lia_calendar_view_set_date (self, &date);
}

void
lia_calendar_view_go_today (LiaCalendarView *self)
{
  GDate today;

  get_today (self, &today);
  lia_calendar_view_set_date (self, &today);
  if (adw_squeezer_get_visible_child (self->squeezer) == GTK_WIDGET (self->agenda_list))
    lia_agenda_list_focus_date (self->agenda_list, &today);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->month_grid));
}

static void
on_grid_date_changed_cb (LiaCalendarView *self)
{
  GDate date = *lia_month_grid_get_date (self->month_grid);

  lia_calendar_view_set_date (self, &date);
}

/* ---- the meeting beside the calendar ---- */

static void
on_occurrence_activated_cb (LiaCalendarView *self,
                            gint64           meeting_id,
                            gint64           recurrence_id)
{
  lia_calendar_view_open_occurrence (self, meeting_id, recurrence_id);
}

static void
on_day_activated_cb (LiaCalendarView *self)
{
  if (self->book != NULL && !lia_book_is_read_only (self->book))
    lia_calendar_view_new_meeting (self);
}

/* Window buttons go to whichever header is at the window's edge. */
static void
update_headers (LiaCalendarView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean detail = gtk_widget_get_visible (self->detail_pane);

  adw_header_bar_set_show_end_title_buttons (self->calendar_header, folded || !detail);
  adw_header_bar_set_show_start_title_buttons (self->detail_header, folded);
  gtk_widget_set_visible (self->separator, detail);
  gtk_widget_set_visible (self->back_button, folded);
  gtk_widget_set_visible (self->close_button, !folded);
}

/* The calendar's header has the area switcher when it has room; a folded
 * leaflet showing a meeting has none, and the window shows its bar. */
static void
update_narrow (LiaCalendarView *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title) ||
                    (adw_leaflet_get_folded (self->leaflet) &&
                     adw_leaflet_get_visible_child (self->leaflet) != self->calendar_pane);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
on_leaflet_folded_cb (LiaCalendarView *self)
{
  update_headers (self);
  update_narrow (self);
}

/* A list forced by a narrow window cannot be switched back to a month. */
static void
update_shown (LiaCalendarView *self)
{
  gboolean agenda = adw_squeezer_get_visible_child (self->squeezer) == GTK_WIDGET (self->agenda_list);

  gtk_widget_set_sensitive (GTK_WIDGET (self->agenda_button),
                            !agenda || gtk_toggle_button_get_active (self->agenda_button));
}

static void
on_agenda_toggled_cb (LiaCalendarView *self)
{
  adw_squeezer_page_set_enabled (self->month_page, !gtk_toggle_button_get_active (self->agenda_button));
}

static void
on_page_occurrence_changed_cb (LiaCalendarView *self)
{
  LiaOccurrence *occurrence = lia_meeting_page_get_occurrence (self->meeting_page);

  adw_window_title_set_title (self->detail_title, occurrence ? lia_occurrence_get_title (occurrence) : "");
  adw_window_title_set_subtitle (self->detail_title, occurrence ? lia_occurrence_get_account_name (occurrence) : "");
  /* Deleted (or split off into a new series): nothing left to show. */
  if (occurrence == NULL && gtk_widget_get_visible (self->detail_pane))
    lia_calendar_view_close_meeting (self);
}

static LiaMeetingPage *
ensure_page (LiaCalendarView *self)
{
  if (self->meeting_page != NULL)
    return self->meeting_page;

  self->meeting_page = g_object_new (LIA_TYPE_MEETING_PAGE, NULL);
  lia_meeting_page_set_book (self->meeting_page, self->book);
  g_signal_connect_object (self->meeting_page, "notify::occurrence",
                           G_CALLBACK (on_page_occurrence_changed_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->detail_bin, GTK_WIDGET (self->meeting_page));
  return self->meeting_page;
}

void
lia_calendar_view_open_occurrence (LiaCalendarView *self,
                                   gint64           meeting_id,
                                   gint64           recurrence_id)
{
  LiaOccurrence *occurrence;
  GDate day;

  g_return_if_fail (LIA_IS_CALENDAR_VIEW (self));
  g_return_if_fail (self->book != NULL);

  lia_meeting_page_set_occurrence (ensure_page (self), meeting_id, recurrence_id);
  gtk_widget_set_visible (self->detail_pane, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  update_headers (self);

  /* Opened from elsewhere (a follow-up, a notification): show its day. */
  if ((occurrence = lia_meeting_page_get_occurrence (self->meeting_page)))
    {
      lia_date_from_unix (lia_occurrence_get_starts_at (occurrence), &day);
      lia_calendar_view_set_date (self, &day);
    }
}

void
lia_calendar_view_close_meeting (LiaCalendarView *self)
{
  g_return_if_fail (LIA_IS_CALENDAR_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->calendar_pane);
  /* Folded, the leaflet slides back first; it is hidden when shown beside. */
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_set_visible (self->detail_pane, FALSE);
  update_headers (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->month_grid));
}

/* ---- object ---- */

static void
lia_calendar_view_dispose (GObject *object)
{
  LiaCalendarView *self = (LiaCalendarView *)object;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_CALENDAR_VIEW);
  /* It went with the detail bin. */
  self->meeting_page = NULL;
  g_clear_object (&self->occurrences);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_calendar_view_parent_class)->dispose (object);
}

static void
lia_calendar_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaCalendarView *self = LIA_CALENDAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARROW: g_value_set_boolean (value, self->narrow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, calendar_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, calendar_header);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, agenda_button);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, month_label);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, reviews_button);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, reviews_label);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, reviews_more_label);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, squeezer);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, month_page);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, month_grid);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, error_status);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, separator);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, detail_header);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, close_button);
  gtk_widget_class_bind_template_child (widget_class, LiaCalendarView, detail_bin);
}

static void
lia_calendar_view_class_init (LiaCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_calendar_view_dispose;
  object_class->get_property = lia_calendar_view_get_property;
  widget_class->map = lia_calendar_view_map;

  /* Whether no header shown has room for the area switcher. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIA_TYPE_MONTH_GRID);
  g_type_ensure (LIA_TYPE_AGENDA_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-calendar-view.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_occurrence_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_narrow);
  gtk_widget_class_bind_template_callback (widget_class, update_shown);

  gtk_widget_class_set_css_name (widget_class, "lia-calendar-view");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  lia_calendar_view_class_init_actions (widget_class);
}

static void
lia_calendar_view_init (LiaCalendarView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->shown_first, 1);
  g_date_clear (&self->today, 1);
  gtk_menu_button_set_menu_model (self->menu_button, lia_views_get_primary_menu ());
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_button), FALSE);
  update_month_label (self);
  self->narrow = TRUE;
  on_leaflet_folded_cb (self);
  lia_calendar_view_update_actions (self);
}

GtkWidget *
lia_calendar_view_new (void)
{
  return g_object_new (LIA_TYPE_CALENDAR_VIEW, NULL);
}

void
lia_calendar_view_set_book (LiaCalendarView *self,
                            LiaBook         *book)
{
  GDate today;

  g_return_if_fail (LIA_IS_CALENDAR_VIEW (self));
  g_return_if_fail (LIA_IS_BOOK (book));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  get_today (self, &today);
  lia_month_grid_set_date (self->month_grid, &today);
  update_month_label (self);
  reload (self);

  g_signal_connect_object (repository (self), "meeting-changed", G_CALLBACK (on_book_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Names of accounts, and their segments' cadence, are on it too. */
  g_signal_connect_object (book, "account-changed", G_CALLBACK (on_book_changed_cb),
                           self, G_CONNECT_SWAPPED);
  lia_calendar_view_update_actions (self);
}

void
lia_calendar_view_set_areas (LiaCalendarView *self,
                             AdwViewStack    *areas)
{
  g_return_if_fail (LIA_IS_CALENDAR_VIEW (self));
  adw_view_switcher_title_set_stack (self->switcher_title, areas);
}

gboolean
lia_calendar_view_get_narrow (LiaCalendarView *self)
{
  g_return_val_if_fail (LIA_IS_CALENDAR_VIEW (self), TRUE);
  return self->narrow;
}

const GDate *
lia_calendar_view_get_date (LiaCalendarView *self)
{
  g_return_val_if_fail (LIA_IS_CALENDAR_VIEW (self), NULL);
  return lia_month_grid_get_date (self->month_grid);
}

GListModel *
lia_calendar_view_get_occurrences (LiaCalendarView *self)
{
  g_return_val_if_fail (LIA_IS_CALENDAR_VIEW (self), NULL);
  return self->occurrences;
}

LiaMonthGrid *
lia_calendar_view_get_month_grid (LiaCalendarView *self)
{
  g_return_val_if_fail (LIA_IS_CALENDAR_VIEW (self), NULL);
  return self->month_grid;
}

LiaAgendaList *
lia_calendar_view_get_agenda (LiaCalendarView *self)
{
  g_return_val_if_fail (LIA_IS_CALENDAR_VIEW (self), NULL);
  return self->agenda_list;
}

LiaMeetingPage *
lia_calendar_view_get_meeting_page (LiaCalendarView *self)
{
  g_return_val_if_fail (LIA_IS_CALENDAR_VIEW (self), NULL);
  return self->meeting_page;
}
