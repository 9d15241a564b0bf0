/* lia-coverage-view.c — the Coverage area: how many major accounts are
 * in touch within their cadence, and which are overdue
 *
 * Both figures come from the store (a count, and the most overdue first
 * up to LIA_COVERAGE_LIST_LIMIT rows); a group counts as contacted when
 * anyone in it was. Each overdue row has a one-click "Log Call".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-coverage-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-coverage-view.h"
#include "lia-format.h"
#include "lia-portfolio-repository.h"
#include "lia-toast.h"
#include "lia-views.h"

struct _LiaCoverageView
{
  GtkWidget             parent_instance;

  LiaBook              *book;
  GListStore           *overdue;
  guint                 reload_idle;
  gboolean              stale;
  gboolean              narrow;

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GtkStack             *content_stack;
  GtkLabel             *share_label;
  GtkLevelBar          *level_bar;
  GtkLabel             *capped_label;
  GtkStack             *list_stack;
  GtkListView          *overdue_view;
  AdwStatusPage        *error_status;
};

G_DEFINE_FINAL_TYPE (LiaCoverageView, lia_coverage_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NARROW, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaPortfolioRepository *
repository (LiaCoverageView *self)
{
  return lia_book_get_portfolios (self->book);
}

static void
show_error (LiaCoverageView *self,
            const GError    *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static gboolean
update_share (LiaCoverageView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *share = NULL;
  guint on_time = 0, total = 0;

  if (!lia_portfolio_repository_count_coverage (repository (self), &on_time, &total, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  /* Translators: "12 of 15 (80 %) within cadence"; %% is a percent sign */
  share = g_strdup_printf (_("%'u of %'u (%u %%) within cadence"), on_time, total,
                           total ? (guint)((on_time * 100 + total / 2) / total) : 100);
  gtk_label_set_label (self->share_label, share);
  gtk_level_bar_set_value (self->level_bar, total ? (double)on_time / total : 1.0);
  gtk_stack_set_visible_child_name (self->content_stack, total > 0 ? "coverage" : "empty");
  return TRUE;
}

static void
update_overdue (LiaCoverageView *self)
{
  g_autoptr(GListModel) overdue = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  overdue = lia_portfolio_repository_list_coverage (repository (self), TRUE, LIA_COVERAGE_LIST_LIMIT, &error);
  if (overdue == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (overdue); i++)
    g_ptr_array_add (items, g_list_model_get_item (overdue, i));
  g_list_store_splice (self->overdue, 0, g_list_model_get_n_items (G_LIST_MODEL (self->overdue)),
                       items->pdata, items->len);

  gtk_widget_set_visible (GTK_WIDGET (self->capped_label), items->len >= LIA_COVERAGE_LIST_LIMIT);
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "none");
}

static void
reload (LiaCoverageView *self)
{
  self->stale = FALSE;
  if (update_share (self))
    update_overdue (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaCoverageView *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_book_changed_cb (LiaCoverageView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

/* Time passes while it is hidden too: read again whenever shown. */
static void
lia_coverage_view_map (GtkWidget *widget)
{
  LiaCoverageView *self = LIA_COVERAGE_VIEW (widget);

  GTK_WIDGET_CLASS (lia_coverage_view_parent_class)->map (widget);

  if (self->book != NULL)
    reload (self);
}

/* ---- rows ---- */

static void
on_setup_row_cb (LiaCoverageView          *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Log Call"));

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), details);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
}

/* "12 days overdue · last contact 3 Mar 2026 · Anna Berg" */
static char *
describe_entry (LiaCoverageView  *self,
                LiaCoverageEntry *entry)
{
  LiaAccount *account = lia_coverage_entry_get_account (entry);
  gint64 now = lia_book_now (self->book);
  guint days = lia_coverage_entry_get_days_overdue (entry, now);
  g_autofree char *last = lia_format_relative_day (lia_coverage_entry_get_last_contact_at (entry), now);
  g_autofree char *overdue = g_strdup_printf (ngettext ("%'u day overdue", "%'u days overdue", days), days);
  const char *manager = lia_account_get_manager_name (account);

  /* Translators: days overdue, when last contacted, and the manager */
  return g_strdup_printf (_("%s · last contact: %s · %s"), overdue, last,
                          manager && *manager ? manager : _("No manager"));
}

static void
on_bind_row_cb (LiaCoverageView          *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  LiaCoverageEntry *entry = gtk_list_item_get_item (item);
  LiaAccount *account = lia_coverage_entry_get_account (entry);
  GtkWidget *text = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *button = gtk_widget_get_next_sibling (text);
  g_autofree char *details = describe_entry (self, entry);
  g_autofree char *label = NULL;

  gtk_label_set_label (GTK_LABEL (name), lia_account_get_name (account));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)), details);
  /* Target first: the action takes an account id, never nothing. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", lia_account_get_id (account));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "coverage.log-contact");

  /* Translators: the accessible name of a row's button; %s is an account */
  label = g_strdup_printf (_("Log a call with %s now"), lia_account_get_name (account));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, label);
}

static const char *
overdue_name (LiaCoverageView *self,
              gint64           account_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->overdue));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaCoverageEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->overdue), i);
      LiaAccount *account = lia_coverage_entry_get_account (entry);

      /* The store keeps the entry, and so the name, alive. */
      if (lia_account_get_id (account) == account_id)
        return lia_account_get_name (account);
    }

  return "";
}

static void
log_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaCoverageView *self = LIA_COVERAGE_VIEW (widget);
  gint64 account_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (!lia_portfolio_repository_log_contact (repository (self), account_id, LIA_CONTACT_KIND_CALL,
                                             0, 0, NULL, &error))
    {
      lia_toast_show (widget, error->message);
      return;
    }

  /* Translators: a toast; %s is an account name */
  done = g_strdup_printf (_("Call with %s logged"), overdue_name (self, account_id));
  lia_toast_show (widget, done);
}

static void
update_narrow (LiaCoverageView *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
lia_coverage_view_dispose (GObject *object)
{
  LiaCoverageView *self = (LiaCoverageView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_COVERAGE_VIEW);
  /* dispose_template() only drops the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->overdue);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_coverage_view_parent_class)->dispose (object);
}

static void
lia_coverage_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaCoverageView *self = LIA_COVERAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARROW: g_value_set_boolean (value, self->narrow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_coverage_view_class_init (LiaCoverageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_coverage_view_dispose;
  object_class->get_property = lia_coverage_view_get_property;
  widget_class->map = lia_coverage_view_map;

  /* Whether the header has no room for the area switcher. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-coverage-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, share_label);
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, level_bar);
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, capped_label);
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, overdue_view);
  gtk_widget_class_bind_template_child (widget_class, LiaCoverageView, error_status);
  gtk_widget_class_bind_template_callback (widget_class, update_narrow);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_row_cb);

  gtk_widget_class_install_action (widget_class, "coverage.log-contact", "x", log_contact_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_coverage_view_init (LiaCoverageView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->menu_button, lia_views_get_primary_menu ());
  self->narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);
  self->overdue = g_list_store_new (LIA_TYPE_COVERAGE_ENTRY);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->overdue)));
  gtk_list_view_set_model (self->overdue_view, GTK_SELECTION_MODEL (selection));
  /* Within cadence is good: keep the level bar's colours the right way round. */
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW, 0.5);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 0.8);
}

void
lia_coverage_view_set_book (LiaCoverageView *self,
                            LiaBook         *book)
{
  g_return_if_fail (LIA_IS_COVERAGE_VIEW (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coverage.log-contact", !lia_book_is_read_only (book));
  g_signal_connect_object (book, "account-changed", G_CALLBACK (on_book_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Cadences live on segments, and the rows name the managers. */
  g_signal_connect_object (lia_book_get_segments (book), "items-changed",
                           G_CALLBACK (on_book_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_staff (book), "items-changed",
                           G_CALLBACK (on_book_changed_cb), self, G_CONNECT_SWAPPED);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

void
lia_coverage_view_set_areas (LiaCoverageView *self,
                             AdwViewStack    *areas)
{
  g_return_if_fail (LIA_IS_COVERAGE_VIEW (self));
  adw_view_switcher_title_set_stack (self->switcher_title, areas);
}

gboolean
lia_coverage_view_get_narrow (LiaCoverageView *self)
{
  g_return_val_if_fail (LIA_IS_COVERAGE_VIEW (self), FALSE);
  return self->narrow;
}

/* The overdue accounts shown: #LiaCoverageEntry, most overdue first. */
GListModel *
lia_coverage_view_get_overdue (LiaCoverageView *self)
{
  g_return_val_if_fail (LIA_IS_COVERAGE_VIEW (self), NULL);
  return G_LIST_MODEL (self->overdue);
}
