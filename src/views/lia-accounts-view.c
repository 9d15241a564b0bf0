/* lia-accounts-view.c — the accounts area: list, filters and detail page
 *
 * The list is the model's LiaAccountList as is: searching and filtering
 * set its properties and SQL does the work, so the view stays lazy however
 * large the book is. An AdwLeaflet shows list and detail side by side on
 * a wide window and one at a time on a narrow one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-accounts-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lia-account-page.h"
#include "lia-account-repository.h"
#include "lia-account-row.h"
#include "lia-accounts-view.h"
#include "lia-choice-labels.h"
#include "lia-toast.h"

/* Fewer pixels than any account row is tall, for the first frame's rows. */
#define MIN_ROW_HEIGHT 40

/* Leading entries of the manager filter. */
enum { MANAGER_ANY, MANAGER_NONE, N_MANAGER_LEADING };

struct _LiaAccountsView
{
  GtkWidget           parent_instance;

  LiaBook            *book;
  LiaAccountList     *list;
  GtkSliceListModel  *first_rows;
  guint               all_rows_idle;
  GtkSingleSelection *selection;
  GSettings          *settings;
  AdwViewStack       *areas;           /* not owned: it holds us */
  guint               interval_days;
  gboolean            resetting_filters;
  gboolean            narrow;

  /* Template children */
  GtkStack           *main_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  AdwWindowTitle     *list_title;
  GtkMenuButton      *filter_button;
  GtkDropDown        *segment_dropdown;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *manager_dropdown;
  GtkCheckButton     *due_check;
  GtkCheckButton     *needs_manager_check;
  GtkCheckButton     *closed_check;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkRevealer        *truncated_revealer;
  GtkStack           *list_stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  GtkWidget          *detail_pane;
  AdwViewSwitcherTitle *detail_title;
  AdwViewSwitcherTitle *first_run_title;
  GtkStack           *detail_stack;

  /* Built on first use (ensure_page()); NULL until then */
  LiaAccountPage     *account_page;
  /* The account waiting while "Save changes?" is asked; NULL otherwise */
  LiaAccount         *pending;
};

G_DEFINE_FINAL_TYPE (LiaAccountsView, lia_accounts_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_BOOK, PROP_NARROW, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void on_page_account_changed_cb (LiaAccountsView *self);

/* The page is built when the first account is opened: until then the
 * detail side shows the "No Account Selected" status page, and the
 * page's large template costs nothing before the window's first frame. */
static LiaAccountPage *
ensure_page (LiaAccountsView *self)
{
  if (self->account_page != NULL)
    return self->account_page;

  self->account_page = g_object_new (LIA_TYPE_ACCOUNT_PAGE, NULL);
  if (self->book != NULL)
    lia_account_page_set_book (self->account_page, self->book);
  g_signal_connect_object (self->account_page, "notify::account",
                           G_CALLBACK (on_page_account_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->account_page), "account");
  return self->account_page;
}

static LiaAccount *
shown_account (LiaAccountsView *self)
{
  return self->account_page != NULL ? lia_account_page_get_account (self->account_page) : NULL;
}

/* GTK 4.8's list view makes a row for some 200 items whatever its height,
 * and with a full book those rows were most of what the first frame cost.
 * Until that frame is painted the list view sees only as many accounts as
 * the tallest screen can show, then all of them (see show_all_rows()). */
static guint
count_first_rows (LiaAccountsView *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  int tallest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      tallest = MAX (tallest, geometry.height);
    }

  return (tallest > 0 ? tallest : 2160) / MIN_ROW_HEIGHT + 1;
}

/* Before anything selects or scrolls to a position, which may be past
 * the first rows. */
static void
show_all_rows (LiaAccountsView *self)
{
  if (self->first_rows != NULL && gtk_slice_list_model_get_size (self->first_rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

static gboolean
show_all_rows_cb (gpointer data)
{
  LiaAccountsView *self = data;

  self->all_rows_idle = 0;
  show_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* Once the frame is on screen, not in its paint. Ahead of the next frame:
 * at the default idle priority, back-to-back frames (scrolling at once,
 * say) could starve it and leave the list short. */
static void
on_after_paint_cb (LiaAccountsView *self,
                   GdkFrameClock   *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, self);
  if (self->all_rows_idle == 0)
    self->all_rows_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_all_rows_cb, self, NULL);
}

static void
lia_accounts_view_map (GtkWidget *widget)
{
  LiaAccountsView *self = LIA_ACCOUNTS_VIEW (widget);
  GdkFrameClock *clock;

  GTK_WIDGET_CLASS (lia_accounts_view_parent_class)->map (widget);

  if (self->first_rows != NULL && gtk_slice_list_model_get_size (self->first_rows) != G_MAXUINT &&
      (clock = gtk_widget_get_frame_clock (widget)) != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
show_detail (LiaAccountsView *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
select_position (LiaAccountsView *self,
                 guint            position)
{
  show_all_rows (self);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
update_title (LiaAccountsView *self,
              guint            n_items)
{
  g_autofree char *subtitle = NULL;

  if (lia_account_list_get_truncated (self->list))
    /* Translators: the search stopped at a cap, so the count is a floor */
    subtitle = g_strdup_printf (ngettext ("First %'u match", "First %'u matches", n_items), n_items);
  else
    subtitle = g_strdup_printf (ngettext ("%'u account", "%'u accounts", n_items),
                                n_items);

  adw_window_title_set_subtitle (self->list_title, subtitle);
}

/* Chooses between the first-run page, the list and "no match". Counting
 * the whole book is needed only when the list is empty. */
static void
update_empty_state (LiaAccountsView *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  if (n_items == 0 && lia_book_is_empty (self->book))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "first-run");
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "accounts");
  gtk_stack_set_visible_child_name (self->list_stack, n_items > 0 ? "list" : "no-match");
  gtk_revealer_set_reveal_child (self->truncated_revealer,
                                 lia_account_list_get_truncated (self->list));
  update_title (self, n_items);
}

/* Rows are replaced when the book changes; keep the account on the page
 * selected in the list when it is still there. */
static void
reselect_shown_account (LiaAccountsView *self)
{
  LiaAccount *shown = shown_account (self);
  guint position;

  if (shown == NULL ||
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    return;

  position = lia_account_list_find (self->list, lia_account_get_id (shown));
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    show_all_rows (self);
  gtk_single_selection_set_selected (self->selection, position);
}

static void
on_items_changed_cb (LiaAccountsView *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  update_empty_state (self);
  reselect_shown_account (self);
}

/* Selects the row of the account on the page again (or none). */
static void
reselect_page_account (LiaAccountsView *self)
{
  LiaAccount *shown = shown_account (self);
  guint position = shown ? lia_account_list_find (self->list, lia_account_get_id (shown))
                         : GTK_INVALID_LIST_POSITION;

  if (position != GTK_INVALID_LIST_POSITION &&
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    show_all_rows (self);
  gtk_single_selection_set_selected (self->selection, position);
}

static void
on_unsaved_response_cb (LiaAccountsView  *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  g_autoptr(LiaAccount) pending = g_steal_pointer (&self->pending);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save") && !lia_account_page_save (self->account_page, &error))
    {
      /* The page shows why under its fields; stay there. */
      reselect_page_account (self);
      return;
    }
  if (g_str_equal (response, "cancel"))
    {
      reselect_page_account (self);
      return;
    }

  lia_account_page_set_account (self->account_page, pending);
  reselect_page_account (self);
}

static void
ask_about_unsaved (LiaAccountsView *self,
                   LiaAccount      *next)
{
  LiaAccount *shown = shown_account (self);
  GtkWidget *dialog;

  g_set_object (&self->pending, next);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Save Changes?"), NULL);
  /* Translators: %s is an account's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Unsaved changes are lost when another account is opened."),
                                  lia_account_get_name (shown));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens @account on the page, first asking what to do with unsaved
 * edits to another one. Returns FALSE while asking. */
static gboolean
switch_to_account (LiaAccountsView *self,
                   LiaAccount      *account)
{
  LiaAccountPage *page = ensure_page (self);
  LiaAccount *shown = lia_account_page_get_account (page);

  if (self->pending != NULL)
    return FALSE;
  if (shown != NULL && lia_account_get_id (shown) != lia_account_get_id (account) &&
      lia_account_page_has_unsaved_edits (page))
    {
      ask_about_unsaved (self, account);
      return FALSE;
    }

  lia_account_page_set_account (page, account);
  return TRUE;
}

static void
on_selected_item_changed_cb (LiaAccountsView    *self,
                             GParamSpec         *pspec,
                             GtkSingleSelection *selection)
{
  LiaAccount *account = gtk_single_selection_get_selected_item (selection);

  /* A row leaving the list (say, just closed) keeps its page open. */
  if (account != NULL)
    switch_to_account (self, account);
}

static void
on_row_released_cb (LiaAccountsView *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  LiaAccount *account = lia_account_row_get_account (LIA_ACCOUNT_ROW (row));
  guint position;

  /* Side by side, selecting is enough; folded, a click opens the page. */
  if (!adw_leaflet_get_folded (self->leaflet) || account == NULL)
    return;

  position = lia_account_list_find (self->list, lia_account_get_id (account));
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
  show_detail (self);
}

static void
on_setup_row_cb (LiaAccountsView          *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget *row = lia_account_row_new (self->book);
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (click, "released", G_CALLBACK (on_row_released_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
on_bind_row_cb (LiaAccountsView          *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  lia_account_row_set_account (LIA_ACCOUNT_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item), self->interval_days);
}

static void
on_unbind_row_cb (LiaAccountsView          *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  lia_account_row_set_account (LIA_ACCOUNT_ROW (gtk_list_item_get_child (item)), NULL, 0);
}

static void
on_list_activate_cb (LiaAccountsView *self,
                     guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_detail (self);
}

static void
on_search_changed_cb (LiaAccountsView *self)
{
  lia_account_list_set_search_text (self->list,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search entry opens the best match. */
static void
on_search_activate_cb (LiaAccountsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;

  select_position (self, 0);
  show_detail (self);
}

static gboolean
filters_active (LiaAccountsView *self)
{
  return gtk_drop_down_get_selected (self->segment_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->state_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->manager_dropdown) > 0 ||
         gtk_check_button_get_active (self->due_check) ||
         gtk_check_button_get_active (self->needs_manager_check) ||
         gtk_check_button_get_active (self->closed_check);
}

static gint64
selected_manager (LiaAccountsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->manager_dropdown);

  if (selected == MANAGER_NONE)
    return -1;
  return lia_staff_labels_get_id (lia_book_get_staff (self->book), N_MANAGER_LEADING, selected);
}

static void
apply_filters (LiaAccountsView *self)
{
  guint state_pos = gtk_drop_down_get_selected (self->state_dropdown);
  int state = state_pos == 0 || state_pos == GTK_INVALID_LIST_POSITION ? -1 : (int)state_pos - 1;
  gboolean due = gtk_check_button_get_active (self->due_check);

  /* Several setters, one reload. */
  lia_account_list_freeze (self->list);
  lia_account_list_set_segment_id (self->list,
                                   lia_choice_labels_get_id (lia_book_get_segments (self->book),
                                                             TRUE,
                                                             gtk_drop_down_get_selected (self->segment_dropdown)));
  lia_account_list_set_state_filter (self->list, state);
  /* Asking for closed accounts by state shows them without the checkbox. */
  lia_account_list_set_include_closed (self->list,
                                       gtk_check_button_get_active (self->closed_check) ||
                                       state == LIA_ACCOUNT_STATE_CLOSED);
  lia_account_list_set_manager_id (self->list, selected_manager (self));
  lia_account_list_set_due_days (self->list, due ? self->interval_days : 0);
  lia_account_list_set_needs_manager (self->list,
                                      gtk_check_button_get_active (self->needs_manager_check));
  lia_account_list_thaw (self->list);

  if (filters_active (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "lia-filter-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "lia-filter-active");
}

static void
on_filter_changed_cb (LiaAccountsView *self)
{
  if (!self->resetting_filters && self->list != NULL)
    apply_filters (self);
}

static void
on_reset_filters_cb (LiaAccountsView *self)
{
  self->resetting_filters = TRUE;
  gtk_drop_down_set_selected (self->segment_dropdown, 0);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_drop_down_set_selected (self->manager_dropdown, 0);
  gtk_check_button_set_active (self->due_check, FALSE);
  gtk_check_button_set_active (self->needs_manager_check, FALSE);
  gtk_check_button_set_active (self->closed_check, FALSE);
  self->resetting_filters = FALSE;

  apply_filters (self);
}

static void
on_clear_all_cb (LiaAccountsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  lia_account_list_freeze (self->list);
  /* Apply at once rather than after the entry's typing delay. */
  lia_account_list_set_search_text (self->list, "");
  on_reset_filters_cb (self);
  lia_account_list_thaw (self->list);
}

static void
on_back_clicked_cb (LiaAccountsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Side by side, the detail pane's header has room for the area
 * switcher; folded, neither pane does, and the window shows its bar. */
static void
update_narrow (LiaAccountsView *self)
{
  gboolean narrow;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "first-run") == 0)
    narrow = adw_view_switcher_title_get_title_visible (self->first_run_title);
  else
    narrow = adw_leaflet_get_folded (self->leaflet) ||
             adw_view_switcher_title_get_title_visible (self->detail_title);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

/* A switcher title builds a button per area once it has the stack: give
 * the stack only to the header that is shown, the first-run page's or
 * the detail pane's, and to the other when it first shows. */
static void
attach_switchers (LiaAccountsView *self)
{
  gboolean first_run = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                  "first-run") == 0;
  AdwViewSwitcherTitle *shown = first_run ? self->first_run_title : self->detail_title;

  if (self->areas != NULL && adw_view_switcher_title_get_stack (shown) == NULL)
    adw_view_switcher_title_set_stack (shown, self->areas);
}

static void
on_main_stack_changed_cb (LiaAccountsView *self)
{
  attach_switchers (self);
  update_narrow (self);
}

static void
on_leaflet_folded_cb (LiaAccountsView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Unfolding shows both panes; folding should land on the list unless
   * an account is open. */
  if (folded && shown_account (self) == NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);

  adw_view_switcher_title_set_view_switcher_enabled (self->detail_title, !folded);
  update_narrow (self);
}

static void
on_page_account_changed_cb (LiaAccountsView *self)
{
  LiaAccount *account = shown_account (self);

  adw_view_switcher_title_set_title (self->detail_title,
                                     account ? lia_account_get_name (account) : "");
  gtk_stack_set_visible_child_name (self->detail_stack, account ? "account" : "empty");
}

static void
on_interval_changed_cb (LiaAccountsView *self)
{
  self->interval_days = g_settings_get_uint (self->settings, "verification-interval-days");

  if (self->list == NULL)
    return;
  if (gtk_check_button_get_active (self->due_check))
    lia_account_list_set_due_days (self->list, self->interval_days);
  else
    /* Rebind the rows so their "Due" markers follow the new interval. */
    lia_account_list_reload (self->list);
}

/* Staff come and go (sample data brings a team); keep the chosen one. */
static void
populate_manager_filter (LiaAccountsView *self)
{
  const char *leading[] = { _("Any Manager"), _("No Manager"), NULL };
  GListModel *staff = lia_book_get_staff (self->book);
  g_autoptr(GtkStringList) labels = lia_staff_labels_new (staff, leading);
  gint64 chosen = lia_account_list_get_manager_id (self->list);
  guint position = MANAGER_ANY;

  /* The list filters by id, so a renamed person stays chosen. */
  if (chosen == -1)
    position = MANAGER_NONE;
  else if (chosen > 0)
    position = lia_staff_labels_find (staff, N_MANAGER_LEADING, chosen);

  self->resetting_filters = TRUE;
  gtk_drop_down_set_model (self->manager_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->manager_dropdown, position);
  self->resetting_filters = FALSE;

  /* Someone who left the book cannot be filtered by any more. */
  if (position == MANAGER_ANY && chosen != 0)
    lia_account_list_set_manager_id (self->list, 0);
}

static void
populate_filters (LiaAccountsView *self)
{
  g_autoptr(GtkStringList) segments = NULL;
  g_autoptr(GtkStringList) states = NULL;

  segments = lia_choice_labels_new (lia_book_get_segments (self->book), _("All Segments"));
  states = lia_state_labels_new (_("Open States"));

  self->resetting_filters = TRUE;
  gtk_drop_down_set_model (self->segment_dropdown, G_LIST_MODEL (segments));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  self->resetting_filters = FALSE;

  populate_manager_filter (self);
  g_signal_connect_object (lia_book_get_staff (self->book), "items-changed",
                           G_CALLBACK (populate_manager_filter), self, G_CONNECT_SWAPPED);
}

static void
setup_list_view (LiaAccountsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind_row_cb), self, G_CONNECT_SWAPPED);

  /* The selection owns a reference to the lazy list, never a copy of it;
   * the slice only hides its tail until the first frame. */
  self->first_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->list)), 0,
                                               count_first_rows (self));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* From the selection, after the list view: both have caught up with
   * the change by then, so reselecting is safe. */
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

void
lia_accounts_view_set_book (LiaAccountsView *self,
                            LiaBook         *book)
{
  g_return_if_fail (LIA_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (LIA_IS_BOOK (book));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  self->list = lia_account_list_new (book);
  setup_list_view (self);
  populate_filters (self);
  if (self->account_page != NULL)
    lia_account_page_set_book (self->account_page, book);
  update_empty_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOK]);
}

static void
lia_accounts_view_dispose (GObject *object)
{
  LiaAccountsView *self = (LiaAccountsView *)object;

  g_clear_handle_id (&self->all_rows_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_ACCOUNTS_VIEW);
  /* It went with the detail stack. */
  self->account_page = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->pending);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->list);
  g_clear_object (&self->settings);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_accounts_view_parent_class)->dispose (object);
}

static void
lia_accounts_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaAccountsView *self = LIA_ACCOUNTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOOK: g_value_set_object (value, self->book); break;
    case PROP_NARROW: g_value_set_boolean (value, self->narrow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_accounts_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaAccountsView *self = LIA_ACCOUNTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOOK:
      if (g_value_get_object (value) != NULL)
        lia_accounts_view_set_book (self, g_value_get_object (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_accounts_view_class_init (LiaAccountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_accounts_view_dispose;
  object_class->get_property = lia_accounts_view_get_property;
  object_class->set_property = lia_accounts_view_set_property;
  widget_class->map = lia_accounts_view_map;

  properties[PROP_BOOK] =
    g_param_spec_object ("book", NULL, NULL, LIA_TYPE_BOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether no header shown has room for the area switcher. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, list_title);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, manager_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, due_check);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, needs_manager_check);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, closed_check);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, truncated_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, first_run_title);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountsView, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_narrow);
  gtk_widget_class_bind_template_callback (widget_class, on_main_stack_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_accounts_view_init (LiaAccountsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->interval_days = g_settings_get_uint (self->settings, "verification-interval-days");
  g_signal_connect_object (self->settings, "changed::verification-interval-days",
                           G_CALLBACK (on_interval_changed_cb), self, G_CONNECT_SWAPPED);

  /* The manager list can be long: let it be searched by name. */
  gtk_drop_down_set_expression (self->manager_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  /* Typing anywhere over the list starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->list_pane);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->narrow = TRUE;
  on_leaflet_folded_cb (self);
}

void
lia_accounts_view_set_areas (LiaAccountsView *self,
                             AdwViewStack    *areas)
{
  g_return_if_fail (LIA_IS_ACCOUNTS_VIEW (self));

  self->areas = areas;
  if (areas != NULL)
    {
      attach_switchers (self);
      return;
    }
  adw_view_switcher_title_set_stack (self->detail_title, NULL);
  adw_view_switcher_title_set_stack (self->first_run_title, NULL);
}

gboolean
lia_accounts_view_get_narrow (LiaAccountsView *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNTS_VIEW (self), TRUE);
  return self->narrow;
}

LiaBook *
lia_accounts_view_get_book (LiaAccountsView *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNTS_VIEW (self), NULL);
  return self->book;
}

LiaAccountList *
lia_accounts_view_get_list (LiaAccountsView *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNTS_VIEW (self), NULL);
  return self->list;
}

GtkScrolledWindow *
lia_accounts_view_get_scrolled_window (LiaAccountsView *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNTS_VIEW (self), NULL);
  return self->scrolled_window;
}

/* Builds the page if no account has been opened yet. */
LiaAccountPage *
lia_accounts_view_get_page (LiaAccountsView *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNTS_VIEW (self), NULL);
  return ensure_page (self);
}

void
lia_accounts_view_begin_search (LiaAccountsView *self)
{
  g_return_if_fail (LIA_IS_ACCOUNTS_VIEW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "accounts") != 0)
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * lia_accounts_view_show_account:
 *
 * Opens the account's page and selects it in the list, clearing the
 * search and filters when they hide it (a new account, say).
 */
void
lia_accounts_view_show_account (LiaAccountsView *self,
                                gint64           account_id)
{
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_if_fail (LIA_IS_ACCOUNTS_VIEW (self));

  account = lia_account_repository_lookup (lia_book_get_accounts (self->book), account_id, &error);
  if (account == NULL)
    {
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  position = lia_account_list_find (self->list, account_id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      on_clear_all_cb (self);
      position = lia_account_list_find (self->list, account_id);
    }

  if (!switch_to_account (self, account))
    return;
  if (position != GTK_INVALID_LIST_POSITION)
    select_position (self, position);
  show_detail (self);
}
