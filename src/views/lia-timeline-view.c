/* lia-timeline-view.c — what happened at customers, newest first: the
 * Timeline area, and the same list on an account or portfolio page
 *
 * The list is the model's LiaTimeline as is: it loads a page at a time
 * as rows near its end are asked for, and the filters become one
 * LiaTimelineFilter, so SQL does the work however long the history.
 * Days are headed by their first (newest) row, since GTK 4.8's list
 * view has no section headers. Opening an item shows the event beside
 * the list, or instead of it when there is no room (an AdwLeaflet).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-event-labels.h"
#include "lia-event-repository.h"
#include "lia-timeline-row.h"
#include "lia-timeline-view-private.h"
#include "lia-views.h"

#define DAY (24 * 60 * 60)

/* Leading entries of the status filter */
enum { STATUS_ANY, STATUS_STILL_OPEN, N_STATUS_LEADING };

enum { PERIOD_ALL, PERIOD_7_DAYS, PERIOD_30_DAYS, PERIOD_90_DAYS, PERIOD_THIS_YEAR };

/* The SLA filter's choices, most urgent first; NONE is not a state
 * anyone looks for. */
static const LiaSlaState sla_choices[] = {
  LIA_SLA_STATE_BREACHED, LIA_SLA_STATE_AT_RISK, LIA_SLA_STATE_RUNNING,
  LIA_SLA_STATE_PAUSED, LIA_SLA_STATE_MET,
};

G_DEFINE_FINAL_TYPE (LiaTimelineView, lia_timeline_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NARROW, N_PROPS };

static GParamSpec *properties[N_PROPS];

static guint
selected (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

static guint
statuses_mask (LiaTimelineView *self)
{
  guint position = selected (self->status_dropdown);

  if (position == STATUS_ANY)
    return 0;
  if (position == STATUS_STILL_OPEN)
    return 1u << LIA_EVENT_STATUS_OPEN | 1u << LIA_EVENT_STATUS_IN_PROGRESS |
           1u << LIA_EVENT_STATUS_WAITING;
  return 1u << (position - N_STATUS_LEADING);
}

/* Whole local days back from today, or since New Year. */
static gint64
period_start (LiaTimelineView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (lia_book_now (self->book));
  g_autoptr(GDateTime) start = NULL;
  static const int days[] = { 0, 7, 30, 90 };
  guint period = selected (self->period_dropdown);

  if (period == PERIOD_ALL || now == NULL)
    return 0;
  if (period == PERIOD_THIS_YEAR)
    start = g_date_time_new_local (g_date_time_get_year (now), 1, 1, 0, 0, 0);
  else
    start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                   g_date_time_get_day_of_month (now) - days[period] + 1, 0, 0, 0);
  /* Day arithmetic in new_local() does not wrap months: go by seconds then. */
  if (start == NULL)
    return lia_book_now (self->book) - days[period] * DAY;
  return g_date_time_to_unix (start);
}

static void
read_performer (LiaTimelineView   *self,
                LiaTimelineFilter *filter)
{
  guint position = selected (self->performer_dropdown);

  if (self->performers == NULL || position >= self->performers->len)
    return;
  filter->staff_id = g_array_index (self->performers, LiaPerformer, position).staff_id;
  filter->vendor_id = g_array_index (self->performers, LiaPerformer, position).vendor_id;
}

static void
read_filter (LiaTimelineView   *self,
             LiaTimelineFilter *filter)
{
  guint kind = selected (self->kind_dropdown);
  guint sla = selected (self->sla_dropdown);

  *filter = (LiaTimelineFilter) { 0, };
  filter->account_id = self->account_id != 0 ? self->account_id
                                             : lia_account_picker_get_account_id (self->account_picker);
  filter->with_subsidiaries = self->account_id != 0 && self->with_subsidiaries;
  filter->kinds = kind > 0 ? 1u << (kind - 1) : 0;
  filter->statuses = statuses_mask (self);
  filter->sla_states = sla > 0 ? 1u << sla_choices[sla - 1] : 0;
  read_performer (self, filter);
  filter->from = period_start (self);
  filter->search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  filter->show_system = gtk_check_button_get_active (self->system_check);
}

/* Anything that hides items; showing the system lane adds them. */
static gboolean
filters_active (LiaTimelineView *self)
{
  LiaTimelineFilter filter;

  read_filter (self, &filter);
  return (self->account_id == 0 && filter.account_id != 0) ||
         filter.kinds || filter.statuses || filter.sla_states || filter.staff_id ||
         filter.vendor_id || filter.from || *filter.search != '\0';
}

static void
show_error (LiaTimelineView *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->list_stack, "error");
}

/* An empty first page may only mean the first page is not read yet. */
static void
update_empty_state (LiaTimelineView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean filtered;

  while (g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) == 0 &&
         lia_timeline_has_more (self->timeline))
    if (!lia_timeline_load_more (self->timeline, &error))
      break;
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  filtered = filters_active (self);
  adw_status_page_set_title (self->empty_status, filtered ? _("No Events Match") : _("No Events"));
  adw_status_page_set_description (self->empty_status,
                                   filtered
                                   ? _("Try a different search, or change the filters.")
                                   : _("Incidents, maintenance, requests, calls and visits "
                                       "show up here as they are recorded."));
  gtk_widget_set_visible (self->clear_button, filtered);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
show_filters_state (LiaTimelineView *self)
{
  if (filters_active (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "lia-filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "lia-filter-active");
  update_empty_state (self);
}

static void
apply_filters (LiaTimelineView *self)
{
  LiaTimelineFilter filter;

  read_filter (self, &filter);
  lia_timeline_set_filter (self->timeline, &filter);
  show_filters_state (self);
}

static void
on_filter_changed_cb (LiaTimelineView *self)
{
  if (!self->resetting_filters && self->timeline != NULL)
    apply_filters (self);
}

void
lia_timeline_view_reset_filters (LiaTimelineView *self)
{
  self->resetting_filters = TRUE;
  if (self->account_id == 0)
    lia_account_picker_set_account (self->account_picker, 0, NULL);
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->sla_dropdown, 0);
  gtk_drop_down_set_selected (self->performer_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, PERIOD_ALL);
  gtk_check_button_set_active (self->system_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->resetting_filters = FALSE;

  if (self->timeline != NULL)
    apply_filters (self);
}

/* ---- refreshing ---- */

static void
reload (LiaTimelineView *self)
{
  self->stale = FALSE;
  lia_timeline_reload (self->timeline);
  update_empty_state (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaTimelineView *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Many account writes in a row (sample data, an import) make one
 * reload; a hidden view waits until it is shown. */
static void
on_book_changed_cb (LiaTimelineView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
lia_timeline_view_map (GtkWidget *widget)
{
  LiaTimelineView *self = LIA_TIMELINE_VIEW (widget);

  GTK_WIDGET_CLASS (lia_timeline_view_parent_class)->map (widget);

  if (self->timeline != NULL && self->stale)
    reload (self);
}

/* Staff and vendors come and go; keep the chosen one by id. */
static void
populate_performer_filter (LiaTimelineView *self)
{
  g_autoptr(GtkStringList) labels = NULL;
  LiaTimelineFilter chosen = { 0, };
  GArray *performers = NULL;

  read_performer (self, &chosen);
  labels = lia_performer_labels_new (self->book, _("Anyone"), FALSE, &performers);
  g_clear_pointer (&self->performers, g_array_unref);
  self->performers = performers;

  self->resetting_filters = TRUE;
  gtk_drop_down_set_model (self->performer_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->performer_dropdown,
                              lia_performer_find (performers, chosen.staff_id, chosen.vendor_id));
  self->resetting_filters = FALSE;
}

static void
on_performers_changed_cb (LiaTimelineView *self)
{
  populate_performer_filter (self);
  on_filter_changed_cb (self);
}

static void
populate_filters (LiaTimelineView *self)
{
  g_autoptr(GtkStringList) kinds = lia_event_kind_labels_new (_("All Kinds"));
  g_autoptr(GtkStringList) statuses = lia_event_status_labels_new (NULL);
  g_autoptr(GtkStringList) sla = gtk_string_list_new (NULL);
  const char *periods[] = { _("All Time"), _("Last 7 Days"), _("Last 30 Days"), _("Last 90 Days"),
                            _("This Year"), NULL };
  g_autoptr(GtkStringList) period_labels = gtk_string_list_new (periods);

  gtk_string_list_splice (statuses, 0, 0, (const char *[]) { _("Any Status"), _("Still Open"), NULL });
  gtk_string_list_append (sla, _("Any SLA State"));
  for (guint i = 0; i < G_N_ELEMENTS (sla_choices); i++)
    gtk_string_list_append (sla, lia_sla_state_to_label (sla_choices[i]));

  self->resetting_filters = TRUE;
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->sla_dropdown, G_LIST_MODEL (sla));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (period_labels));
  self->resetting_filters = FALSE;
  populate_performer_filter (self);
}

/* ---- the list ---- */

static void
on_setup_row_cb (LiaTimelineView          *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (item, lia_timeline_row_new (self->book));
}

static void
on_bind_row_cb (LiaTimelineView          *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  LiaTimelineRow *row = LIA_TIMELINE_ROW (gtk_list_item_get_child (item));

  lia_timeline_row_set_show_account (row, self->account_id == 0 || self->with_subsidiaries);
  lia_timeline_row_set_item (row, gtk_list_item_get_item (item));
}

static void
on_unbind_row_cb (LiaTimelineView          *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  lia_timeline_row_set_item (LIA_TIMELINE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Events and their status changes open the event; the rest, the account. */
static void
on_list_activate_cb (LiaTimelineView *self,
                     guint            position)
{
  g_autoptr(LiaTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (self->timeline), position);

  if (item == NULL)
    return;
  if (lia_timeline_item_get_event_id (item) != 0)
    {
      gtk_single_selection_set_selected (self->selection, position);
      lia_timeline_view_open_event (self, lia_timeline_item_get_event_id (item));
    }
  else if (lia_timeline_item_get_account_id (item) != 0 && self->account_id == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-account", "x",
                                lia_timeline_item_get_account_id (item));
}

static void
setup_list_view (LiaTimelineView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind_row_cb), self, G_CONNECT_SWAPPED);

  /* The selection holds the lazy model itself, never a copy. */
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->timeline)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_empty_state),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* ---- the event beside the list ---- */

static void
on_page_event_changed_cb (LiaTimelineView *self)
{
  LiaEvent *event = lia_event_page_get_event (self->event_page);

  adw_window_title_set_title (self->detail_title, event ? lia_event_get_summary (event) : "");
  adw_window_title_set_subtitle (self->detail_title, event ? lia_event_get_account_name (event) : "");
}

static LiaEventPage *
ensure_page (LiaTimelineView *self)
{
  if (self->event_page != NULL)
    return self->event_page;

  self->event_page = g_object_new (LIA_TYPE_EVENT_PAGE, NULL);
  lia_event_page_set_book (self->event_page, self->book);
  g_signal_connect_object (self->event_page, "notify::event", G_CALLBACK (on_page_event_changed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->detail_bin, GTK_WIDGET (self->event_page));
  return self->event_page;
}

/* Window buttons go to whichever header is at the window's edge. */
static void
update_headers (LiaTimelineView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean detail = gtk_widget_get_visible (self->detail_pane);
  gboolean area = self->account_id == 0;

  adw_header_bar_set_show_end_title_buttons (self->list_header, area && (folded || !detail));
  adw_header_bar_set_show_start_title_buttons (self->list_header, area);
  adw_header_bar_set_show_end_title_buttons (self->detail_header, area);
  adw_header_bar_set_show_start_title_buttons (self->detail_header, area && folded);
  gtk_widget_set_visible (self->separator, detail);
  gtk_widget_set_visible (self->back_button, folded);
  gtk_widget_set_visible (self->close_button, !folded);
}

/* The list's header has the area switcher when it has room; a folded
 * leaflet showing the event has none, and the window shows its bar. */
static void
update_narrow (LiaTimelineView *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title) ||
                    (adw_leaflet_get_folded (self->leaflet) &&
                     adw_leaflet_get_visible_child (self->leaflet) != self->list_pane);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
on_leaflet_folded_cb (LiaTimelineView *self)
{
  update_headers (self);
  update_narrow (self);
}

void
lia_timeline_view_close_event (LiaTimelineView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* Folded, the leaflet slides back first; it is hidden when shown beside. */
  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_set_visible (self->detail_pane, FALSE);
  update_headers (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* ---- object ---- */

static void
lia_timeline_view_dispose (GObject *object)
{
  LiaTimelineView *self = (LiaTimelineView *)object;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_TIMELINE_VIEW);
  /* It went with the detail bin. */
  self->event_page = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->performers, g_array_unref);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_timeline_view_parent_class)->dispose (object);
}

static void
lia_timeline_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaTimelineView *self = LIA_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARROW: g_value_set_boolean (value, self->narrow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, list_header);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, account_label);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, account_picker);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, sla_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, performer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, system_check);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, clear_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, error_status);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, separator);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, detail_header);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, close_button);
  gtk_widget_class_bind_template_child (widget_class, LiaTimelineView, detail_bin);
}

static void
lia_timeline_view_class_init (LiaTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_timeline_view_dispose;
  object_class->get_property = lia_timeline_view_get_property;
  widget_class->map = lia_timeline_view_map;

  /* Whether no header shown has room for the area switcher. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIA_TYPE_ACCOUNT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-timeline-view.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_narrow);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  lia_timeline_view_class_init_actions (widget_class);
}

static void
lia_timeline_view_init (LiaTimelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->menu_button, lia_views_get_primary_menu ());
  /* The performer list can be long: let it be searched by name. */
  gtk_drop_down_set_expression (self->performer_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->account_label),
                                 GTK_WIDGET (lia_account_picker_get_entry (self->account_picker)));

  /* Typing anywhere over the list starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->list_pane);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->narrow = TRUE;
  on_leaflet_folded_cb (self);
  lia_timeline_view_update_actions (self);
}

GtkWidget *
lia_timeline_view_new (void)
{
  return g_object_new (LIA_TYPE_TIMELINE_VIEW, NULL);
}

void
lia_timeline_view_set_book (LiaTimelineView *self,
                            LiaBook         *book)
{
  LiaEventRepository *events;
  LiaTimelineFilter filter;

  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));
  g_return_if_fail (LIA_IS_BOOK (book));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  events = lia_book_get_events (book);
  lia_account_picker_set_book (self->account_picker, book);
  populate_filters (self);
  /* Created with its filter: one query, not an unfiltered one first. */
  read_filter (self, &filter);
  self->timeline = lia_timeline_new_with_filter (book, &filter);
  setup_list_view (self);
  show_filters_state (self);

  /* The timeline reloads itself after events change; notes and audited
   * edits of accounts are on it too. */
  g_signal_connect_object (book, "account-changed", G_CALLBACK (on_book_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_staff (book), "items-changed",
                           G_CALLBACK (on_performers_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_event_repository_get_vendors (events), "items-changed",
                           G_CALLBACK (on_performers_changed_cb), self, G_CONNECT_SWAPPED);
  lia_timeline_view_update_actions (self);
}

void
lia_timeline_view_set_account (LiaTimelineView *self,
                               gint64           account_id,
                               gboolean         with_subsidiaries)
{
  gboolean area = account_id == 0;

  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));

  if (self->account_id == account_id && self->with_subsidiaries == with_subsidiaries)
    return;
  self->account_id = account_id;
  self->with_subsidiaries = with_subsidiaries;

  /* On a page, one item at a time, and a quiet toolbar for a header. */
  adw_leaflet_set_can_unfold (self->leaflet, area);
  adw_view_switcher_title_set_title (self->switcher_title, area ? _("Timeline") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), area);
  gtk_widget_set_visible (self->account_label, area);
  gtk_widget_set_visible (GTK_WIDGET (self->account_picker), area);
  if (area)
    gtk_widget_remove_css_class (GTK_WIDGET (self->list_header), "flat");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->list_header), "flat");

  lia_timeline_view_close_event (self);
  update_headers (self);
  if (self->timeline != NULL)
    apply_filters (self);
}

/**
 * lia_timeline_view_embed:
 *
 * For the pages that show a timeline in a tab: builds the view into
 * @bin the first time, then points it at the account shown.
 */
LiaTimelineView *
lia_timeline_view_embed (AdwBin   *bin,
                         LiaBook  *book,
                         gint64    account_id,
                         gboolean  with_subsidiaries)
{
  GtkWidget *view = adw_bin_get_child (bin);

  g_return_val_if_fail (account_id != 0, NULL);

  if (view == NULL)
    {
      view = lia_timeline_view_new ();
      /* The account first: the book's first query is then the right one. */
      lia_timeline_view_set_account (LIA_TIMELINE_VIEW (view), account_id, with_subsidiaries);
      lia_timeline_view_set_book (LIA_TIMELINE_VIEW (view), book);
      adw_bin_set_child (bin, view);
    }
  lia_timeline_view_set_account (LIA_TIMELINE_VIEW (view), account_id, with_subsidiaries);
  return LIA_TIMELINE_VIEW (view);
}

void
lia_timeline_view_set_areas (LiaTimelineView *self,
                             AdwViewStack    *areas)
{
  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));
  adw_view_switcher_title_set_stack (self->switcher_title, areas);
}

gboolean
lia_timeline_view_get_narrow (LiaTimelineView *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_VIEW (self), TRUE);
  return self->narrow;
}

LiaTimeline *
lia_timeline_view_get_model (LiaTimelineView *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_VIEW (self), NULL);
  return self->timeline;
}

GtkListView *
lia_timeline_view_get_list_view (LiaTimelineView *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_VIEW (self), NULL);
  return self->list_view;
}

LiaEventPage *
lia_timeline_view_get_event_page (LiaTimelineView *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_VIEW (self), NULL);
  return self->event_page;
}

void
lia_timeline_view_open_event (LiaTimelineView *self,
                              gint64           event_id)
{
  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));
  g_return_if_fail (self->book != NULL);

  lia_event_page_set_event_id (ensure_page (self), event_id);
  gtk_widget_set_visible (self->detail_pane, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  update_headers (self);
}

void
lia_timeline_view_begin_search (LiaTimelineView *self)
{
  g_return_if_fail (LIA_IS_TIMELINE_VIEW (self));

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
