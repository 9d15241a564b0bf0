/* lia-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-follow-up-repository.h"
#include "lia-vault.h"
#include "lia-window-private.h"

G_DEFINE_FINAL_TYPE (LiaWindow, lia_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_BOOK, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
restore_window_state (LiaWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (LiaWindow *self)
{
  int width, height;

  /* The default size follows the person's resizing while not maximized. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static void
lia_window_unmap (GtkWidget *widget)
{
  save_window_state (LIA_WINDOW (widget));

  GTK_WIDGET_CLASS (lia_window_parent_class)->unmap (widget);
}

/* The area's own header shows the switcher when it has room; when it
 * has not (a narrow window), the bar at the bottom does. A page not yet
 * built is an empty AdwBin; it is built before it is ever shown. */
static void
update_switcher_bar (LiaWindow *self)
{
  GtkWidget *area = adw_view_stack_get_visible_child (self->areas);
  gboolean narrow = TRUE;

  if (ADW_IS_BIN (area))
    area = adw_bin_get_child (ADW_BIN (area));
  if (area != NULL)
    g_object_get (area, "narrow", &narrow, NULL);
  adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
}

static GtkWidget *
create_area (LiaWindow *self,
             AdwBin    *bin)
{
  if (bin == self->portfolios_bin)
    {
      self->portfolios_view = g_object_new (LIA_TYPE_PORTFOLIOS_VIEW, NULL);
      lia_portfolios_view_set_areas (self->portfolios_view, self->areas);
      if (self->book != NULL)
        lia_portfolios_view_set_book (self->portfolios_view, self->book);
      return GTK_WIDGET (self->portfolios_view);
    }
  if (bin == self->timeline_bin)
    {
      self->timeline_view = g_object_new (LIA_TYPE_TIMELINE_VIEW, NULL);
      lia_timeline_view_set_areas (self->timeline_view, self->areas);
      if (self->book != NULL)
        lia_timeline_view_set_book (self->timeline_view, self->book);
      return GTK_WIDGET (self->timeline_view);
    }
  if (bin == self->vendors_bin)
    {
      self->vendors_view = LIA_VENDORS_VIEW (lia_vendors_view_new ());
      lia_vendors_view_set_areas (self->vendors_view, self->areas);
      if (self->book != NULL)
        lia_vendors_view_set_book (self->vendors_view, self->book);
      return GTK_WIDGET (self->vendors_view);
    }
  if (bin == self->calendar_bin)
    {
      self->calendar_view = g_object_new (LIA_TYPE_CALENDAR_VIEW, NULL);
      lia_calendar_view_set_areas (self->calendar_view, self->areas);
      if (self->book != NULL)
        lia_calendar_view_set_book (self->calendar_view, self->book);
      return GTK_WIDGET (self->calendar_view);
    }
  if (bin == self->follow_ups_bin)
    {
      self->follow_ups_view = g_object_new (LIA_TYPE_FOLLOW_UPS_VIEW, NULL);
      lia_follow_ups_view_set_areas (self->follow_ups_view, self->areas);
      if (self->book != NULL)
        lia_follow_ups_view_set_book (self->follow_ups_view, self->book);
      return GTK_WIDGET (self->follow_ups_view);
    }
  if (bin == self->workload_bin)
    {
      self->workload_view = g_object_new (LIA_TYPE_WORKLOAD_VIEW, NULL);
      lia_workload_view_set_areas (self->workload_view, self->areas);
      if (self->book != NULL)
        lia_workload_view_set_book (self->workload_view, self->book);
      return GTK_WIDGET (self->workload_view);
    }

  g_assert (bin == self->coverage_bin);
  self->coverage_view = g_object_new (LIA_TYPE_COVERAGE_VIEW, NULL);
  lia_coverage_view_set_areas (self->coverage_view, self->areas);
  if (self->book != NULL)
    lia_coverage_view_set_book (self->coverage_view, self->book);
  return GTK_WIDGET (self->coverage_view);
}

/* Only Accounts is built with the window: the other areas cost as much
 * again to build and lay out, before a first frame that cannot show
 * them. Each is built when its page is first shown, or when asked for. */
static void
ensure_area (LiaWindow *self,
             AdwBin    *bin)
{
  GtkWidget *area;

  if (adw_bin_get_child (bin) != NULL)
    return;

  area = create_area (self, bin);
  g_signal_connect_object (area, "notify::narrow", G_CALLBACK (update_switcher_bar),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (bin, area);
}

/* ---- the overdue follow-ups' badge ---- */

/**
 * lia_window_update_follow_up_badge:
 *
 * Counts the overdue follow-ups (the app user's when they are staff,
 * else everyone's) onto the Follow-ups area's switcher.
 */
void
lia_window_update_follow_up_badge (LiaWindow *self)
{
  gint64 me;
  guint overdue;

  if (self->book == NULL)
    return;
  me = MAX (0, lia_book_find_staff (self->book, lia_book_get_actor (self->book)));
  overdue = lia_follow_up_repository_count_overdue (lia_book_get_follow_ups (self->book), me);
  adw_view_stack_page_set_badge_number (self->follow_ups_page, overdue);
  adw_view_stack_page_set_needs_attention (self->follow_ups_page, overdue > 0);
}

static gboolean on_midnight_cb (gpointer user_data);

/* What is overdue changes when the local day does. */
static void
schedule_midnight (LiaWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (lia_book_now (self->book));
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  gint64 seconds = 60 * 60;

  if (now != NULL)
    {
      today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now), 0, 0, 0);
      tomorrow = today ? g_date_time_add_days (today, 1) : NULL;
      if (tomorrow != NULL)
        seconds = CLAMP (g_date_time_difference (tomorrow, now) / G_TIME_SPAN_SECOND + 1, 1, 25 * 60 * 60);
    }
  g_clear_handle_id (&self->midnight_timeout, g_source_remove);
  self->midnight_timeout = g_timeout_add_seconds ((guint)seconds, on_midnight_cb, self);
}

static gboolean
on_midnight_cb (gpointer user_data)
{
  LiaWindow *self = user_data;

  self->midnight_timeout = 0;
  lia_window_update_follow_up_badge (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

static void
setup_follow_up_badge (LiaWindow *self)
{
  g_signal_connect_object (lia_book_get_follow_ups (self->book), "follow-up-changed",
                           G_CALLBACK (lia_window_update_follow_up_badge), self, G_CONNECT_SWAPPED);
  lia_window_update_follow_up_badge (self);
  schedule_midnight (self);
}

/* ---- the keyring banner ---- */

/**
 * lia_window_update_keyring_banner:
 *
 * Shows the vault's own sentence when the keyring cannot be used, with
 * Retry, and Import Key… when it is this book's key that is missing.
 */
void
lia_window_update_keyring_banner (LiaWindow *self)
{
  LiaVault *vault;
  LiaVaultState state;
  gboolean shown;

  if (self->book == NULL)
    return;

  vault = lia_book_get_vault (self->book);
  state = lia_vault_get_state (vault);
  shown = state == LIA_VAULT_STATE_UNAVAILABLE || state == LIA_VAULT_STATE_LOCKED ||
          state == LIA_VAULT_STATE_KEY_MISSING || state == LIA_VAULT_STATE_FAILED;

  /* Kept while it slides away, rather than emptied under the eye. */
  if (shown)
    gtk_label_set_label (self->keyring_label, lia_vault_get_message (vault) ?: "");
  gtk_widget_set_visible (self->import_key_button, state == LIA_VAULT_STATE_KEY_MISSING);
  gtk_revealer_set_reveal_child (self->keyring_revealer, shown);
  lia_window_update_actions (self);
}

static gboolean
on_vault_idle_cb (gpointer user_data)
{
  LiaWindow *self = user_data;

  self->vault_idle = 0;
  lia_vault_open (lia_book_get_vault (self->book));
  return G_SOURCE_REMOVE;
}

/* The keyring is asked once the window is on screen, so neither the
 * first frame nor anything else ever waits for it. */
static void
on_map_cb (LiaWindow *self,
           gpointer   user_data)
{
  if (self->book == NULL || lia_vault_get_state (lia_book_get_vault (self->book)) != LIA_VAULT_STATE_CLOSED ||
      self->vault_idle != 0)
    return;
  self->vault_idle = g_idle_add_full (G_PRIORITY_LOW, on_vault_idle_cb, self, NULL);
}

static void
setup_keyring_banner (LiaWindow *self)
{
  LiaVault *vault = lia_book_get_vault (self->book);

  g_signal_connect_object (vault, "notify::state", G_CALLBACK (lia_window_update_keyring_banner),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vault, "notify::message", G_CALLBACK (lia_window_update_keyring_banner),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  lia_window_update_keyring_banner (self);
}

static void
on_visible_area_changed_cb (LiaWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->areas);

  if (ADW_IS_BIN (page))
    ensure_area (self, ADW_BIN (page));
  update_switcher_bar (self);
  /* Cheap, and right after the clock moved past midnight unseen. */
  lia_window_update_follow_up_badge (self);
}

static void
setup_areas (LiaWindow *self)
{
  lia_accounts_view_set_areas (self->accounts_view, self->areas);

  g_signal_connect_object (self->accounts_view, "notify::narrow", G_CALLBACK (update_switcher_bar),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->areas, "notify::visible-child",
                           G_CALLBACK (on_visible_area_changed_cb), self, G_CONNECT_SWAPPED);
  on_visible_area_changed_cb (self);
}

static void
lia_window_constructed (GObject *object)
{
  LiaWindow *self = (LiaWindow *)object;

  G_OBJECT_CLASS (lia_window_parent_class)->constructed (object);

  restore_window_state (self);

  /* The book first: it decides which of the Accounts area's headers
   * shows, and only that one is given the area switcher. */
  if (self->book != NULL)
    {
      lia_accounts_view_set_book (self->accounts_view, self->book);
      gtk_revealer_set_reveal_child (self->read_only_revealer, lia_book_is_read_only (self->book));
      setup_follow_up_badge (self);
      setup_keyring_banner (self);
    }
  setup_areas (self);

  lia_window_update_actions (self);
}

static void
lia_window_dispose (GObject *object)
{
  LiaWindow *self = (LiaWindow *)object;

  /* The switchers inside the areas hold the stack that holds the areas:
   * break that cycle, or none of it is ever freed. */
  if (self->areas != NULL)
    lia_accounts_view_set_areas (self->accounts_view, NULL);
  if (self->portfolios_view != NULL)
    lia_portfolios_view_set_areas (self->portfolios_view, NULL);
  if (self->workload_view != NULL)
    lia_workload_view_set_areas (self->workload_view, NULL);
  if (self->coverage_view != NULL)
    lia_coverage_view_set_areas (self->coverage_view, NULL);
  if (self->timeline_view != NULL)
    lia_timeline_view_set_areas (self->timeline_view, NULL);
  if (self->vendors_view != NULL)
    lia_vendors_view_set_areas (self->vendors_view, NULL);
  if (self->calendar_view != NULL)
    lia_calendar_view_set_areas (self->calendar_view, NULL);
  if (self->follow_ups_view != NULL)
    lia_follow_ups_view_set_areas (self->follow_ups_view, NULL);
  g_clear_handle_id (&self->midnight_timeout, g_source_remove);
  g_clear_handle_id (&self->vault_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_WINDOW);
  /* Their bins, and so they, went with the template. */
  self->portfolios_view = NULL;
  self->workload_view = NULL;
  self->coverage_view = NULL;
  self->timeline_view = NULL;
  self->vendors_view = NULL;
  self->calendar_view = NULL;
  self->follow_ups_view = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_window_parent_class)->dispose (object);
}

static void
lia_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaWindow *self = LIA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOK: g_value_set_object (value, self->book); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LiaWindow *self = LIA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOK: self->book = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_window_class_init (LiaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lia_window_constructed;
  object_class->dispose = lia_window_dispose;
  object_class->get_property = lia_window_get_property;
  object_class->set_property = lia_window_set_property;
  widget_class->unmap = lia_window_unmap;

  properties[PROP_BOOK] =
    g_param_spec_object ("book", NULL, NULL, LIA_TYPE_BOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIA_TYPE_ACCOUNTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, areas);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, accounts_view);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, portfolios_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, workload_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, coverage_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, timeline_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, vendors_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, calendar_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, follow_ups_bin);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, follow_ups_page);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, keyring_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, LiaWindow, import_key_button);

  lia_window_class_init_actions (widget_class);
}

static void
lia_window_init (LiaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  /* A development build tells itself apart from the release beside it:
   * libadwaita stripes the header bars of a "devel" window. */
  if (DEVELOPMENT_BUILD)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
      gtk_window_set_title (GTK_WINDOW (self), _("Liaison (Development)"));
    }
}

LiaWindow *
lia_window_new (GtkApplication *application,
                LiaBook        *book)
{
  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  return g_object_new (LIA_TYPE_WINDOW,
                       "application", application,
                       "book", book,
                       NULL);
}

LiaBook *
lia_window_get_book (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  return self->book;
}

LiaAccountsView *
lia_window_get_accounts_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  return self->accounts_view;
}

/* The getters of the areas other than Accounts build it if it has not
 * been shown yet. */
LiaPortfoliosView *
lia_window_get_portfolios_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  ensure_area (self, self->portfolios_bin);
  return self->portfolios_view;
}

LiaWorkloadView *
lia_window_get_workload_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  ensure_area (self, self->workload_bin);
  return self->workload_view;
}

LiaCoverageView *
lia_window_get_coverage_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  ensure_area (self, self->coverage_bin);
  return self->coverage_view;
}

LiaTimelineView *
lia_window_get_timeline_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  ensure_area (self, self->timeline_bin);
  return self->timeline_view;
}

LiaVendorsView *
lia_window_get_vendors_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  ensure_area (self, self->vendors_bin);
  return self->vendors_view;
}

LiaCalendarView *
lia_window_get_calendar_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  ensure_area (self, self->calendar_bin);
  return self->calendar_view;
}

LiaFollowUpsView *
lia_window_get_follow_ups_view (LiaWindow *self)
{
  g_return_val_if_fail (LIA_IS_WINDOW (self), NULL);
  ensure_area (self, self->follow_ups_bin);
  return self->follow_ups_view;
}

/* A meeting on the Calendar area's page (from a follow-up, a
 * notification, an account). */
void
lia_window_open_meeting (LiaWindow *self,
                         gint64     meeting_id,
                         gint64     recurrence_id)
{
  g_return_if_fail (LIA_IS_WINDOW (self));

  lia_window_show_area (self, "calendar");
  lia_calendar_view_open_occurrence (lia_window_get_calendar_view (self), meeting_id, recurrence_id);
}

void
lia_window_show_follow_up (LiaWindow *self,
                           gint64     follow_up_id)
{
  g_return_if_fail (LIA_IS_WINDOW (self));

  lia_window_show_area (self, "follow-ups");
  lia_follow_ups_view_show_follow_up (lia_window_get_follow_ups_view (self), follow_up_id);
}

/* @name: "accounts", "portfolios", "timeline", "workload", "coverage",
 * "vendors", "calendar" or "follow-ups" */
void
lia_window_show_area (LiaWindow  *self,
                      const char *name)
{
  g_return_if_fail (LIA_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->areas, name);
}

void
lia_window_add_toast (LiaWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (LIA_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
