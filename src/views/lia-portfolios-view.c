/* lia-portfolios-view.c — the Portfolios area: the tree of corporate
 * groups with their roll-ups, and a group's page
 *
 * The tree is a GtkTreeListModel over the groups, each rolled up by one
 * SQL query in the store; a group's children are asked for only when it
 * is expanded. When the book changes, the groups are read again once the
 * main loop is idle (a burst of changes costs one query), and what was
 * expanded is expanded again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-portfolios-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-format.h"
#include "lia-portfolio-repository.h"
#include "lia-portfolios-view.h"
#include "lia-toast.h"
#include "lia-views.h"

typedef char *(*NodeFormat) (LiaPortfoliosView *self,
                             LiaPortfolioNode  *node);

struct _LiaPortfoliosView
{
  GtkWidget             parent_instance;

  LiaBook              *book;
  GListStore           *groups;
  GtkTreeListModel     *tree;
  GtkSingleSelection   *selection;
  guint                 reload_idle;
  gboolean              stale;
  gboolean              narrow;

  /* Template children */
  GtkStack             *nav_stack;
  AdwViewSwitcherTitle *list_switcher;
  AdwViewSwitcherTitle *page_switcher;
  GtkMenuButton        *menu_button;
  GtkButton            *back_button;
  GtkStack             *content_stack;
  AdwStatusPage        *error_status;
  GtkColumnView        *column_view;
  GtkBox               *page_box;

  /* Built when a group is first opened (ensure_page()); NULL until then */
  LiaPortfolioPage     *portfolio_page;
};

G_DEFINE_FINAL_TYPE (LiaPortfoliosView, lia_portfolios_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NARROW, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaPortfolioRepository *
repository (LiaPortfoliosView *self)
{
  return lia_book_get_portfolios (self->book);
}

/* ---- the tree ---- */

/* Children are read only for nodes that have some, when expanded. */
static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  LiaPortfoliosView *self = user_data;
  LiaPortfolioNode *node = item;
  g_autoptr(GError) error = NULL;
  GListModel *children;

  if (!lia_portfolio_node_get_has_children (node))
    return NULL;

  children = lia_portfolio_repository_list_children (repository (self),
                                                     lia_account_get_id (lia_portfolio_node_get_account (node)),
                                                     &error);
  if (children == NULL)
    lia_toast_show (GTK_WIDGET (self), error->message);
  return children;
}

static gint64
row_account_id (GtkTreeListRow *row)
{
  g_autoptr(LiaPortfolioNode) node = gtk_tree_list_row_get_item (row);

  return lia_account_get_id (lia_portfolio_node_get_account (node));
}

static GHashTable *
collect_expanded (LiaPortfoliosView *self)
{
  GHashTable *expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      gint64 *id;

      if (!gtk_tree_list_row_get_expanded (row))
        continue;
      id = g_new (gint64, 1);
      *id = row_account_id (row);
      g_hash_table_add (expanded, id);
    }

  return expanded;
}

/* Expanding inserts the children right after the row, so they are met
 * further on in the same walk. */
static void
restore_expanded (LiaPortfoliosView *self,
                  GHashTable        *expanded)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      gint64 id = row_account_id (row);

      if (g_hash_table_contains (expanded, &id))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
reload (LiaPortfoliosView *self)
{
  g_autoptr(GHashTable) expanded = collect_expanded (self);
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  if (!(groups = lia_portfolio_repository_list_groups (repository (self), &error)))
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    g_ptr_array_add (items, g_list_model_get_item (groups, i));
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       items->pdata, items->len);
  restore_expanded (self, expanded);

  gtk_stack_set_visible_child_name (self->content_stack, items->len > 0 ? "tree" : "empty");
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaPortfoliosView *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A hidden view only notes that it is out of date; it reads the book
 * again when it is shown. */
static void
on_account_changed_cb (LiaPortfoliosView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
lia_portfolios_view_map (GtkWidget *widget)
{
  LiaPortfoliosView *self = LIA_PORTFOLIOS_VIEW (widget);

  GTK_WIDGET_CLASS (lia_portfolios_view_parent_class)->map (widget);

  if (self->stale && self->book != NULL)
    reload (self);
}

/* ---- cells ---- */

static LiaPortfolioNode *
item_node (GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);

  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
on_setup_name_cb (LiaPortfoliosView        *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *site = gtk_label_new (C_("unit kind marker", "site"));
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

  /* One click opens the page; the arrow beside the name only expands. */
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_add_css_class (open, "lia-open-button");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Open Portfolio"));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (site, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (site, "lia-pill");
  gtk_widget_add_css_class (site, "lia-site");
  gtk_widget_set_tooltip_text (site, _("A site of the company above it"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), site);
  gtk_box_append (GTK_BOX (box), open);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
on_bind_name_cb (LiaPortfoliosView        *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkWidget *box = gtk_tree_expander_get_child (expander);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *site = gtk_widget_get_next_sibling (label);
  GtkWidget *open = gtk_widget_get_next_sibling (site);
  g_autoptr(LiaPortfolioNode) node = item_node (item);
  LiaAccount *account = lia_portfolio_node_get_account (node);
  g_autofree char *open_label = NULL;

  gtk_tree_expander_set_list_row (expander, gtk_list_item_get_item (item));
  gtk_label_set_label (GTK_LABEL (label), lia_account_get_name (account));
  gtk_widget_set_visible (site, lia_account_get_unit_kind (account) == LIA_UNIT_KIND_SITE);

  /* Target first: the action takes an account id, never nothing. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", lia_account_get_id (account));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "portfolios.open");
  /* Translators: accessible name of a button; %s is an account */
  open_label = g_strdup_printf (_("Open %s"), lia_account_get_name (account));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
}

static void
on_unbind_name_cb (LiaPortfoliosView        *self,
                   GtkListItem              *item,
                   GtkSignalListItemFactory *factory)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

static void
on_setup_text_cb (LiaPortfoliosView        *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "lia-numeric"));

  /* Figures are never cut short; names may be. */
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_bind_text_cb (LiaPortfoliosView        *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  NodeFormat format = g_object_get_data (G_OBJECT (factory), "lia-format");
  g_autoptr(LiaPortfolioNode) node = item_node (item);
  g_autofree char *text = format (self, node);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static char *
format_manager (LiaPortfoliosView *self,
                LiaPortfolioNode  *node)
{
  LiaAccount *account = lia_portfolio_node_get_account (node);
  const char *name = lia_account_get_manager_name (account);

  if (lia_account_get_manager_id (account) == 0 || name == NULL)
    return g_strdup ("—");
  /* Someone who left is history, not a person to call. */
  if (!lia_account_get_manager_active (account))
    return g_strdup (_("needs a new manager"));
  return g_strdup (name);
}

static char *
format_n_accounts (LiaPortfoliosView *self,
                   LiaPortfolioNode  *node)
{
  return lia_format_count (lia_portfolio_node_get_n_accounts (node));
}

static char *
format_value (LiaPortfoliosView *self,
              LiaPortfolioNode  *node)
{
  return lia_format_node_value (node);
}

static char *
format_open_events (LiaPortfoliosView *self,
                    LiaPortfolioNode  *node)
{
  return lia_format_rollup_count (lia_portfolio_node_get_open_events (node));
}

static char *
format_sla_breaches (LiaPortfoliosView *self,
                     LiaPortfolioNode  *node)
{
  return lia_format_rollup_count (lia_portfolio_node_get_sla_breaches (node));
}

static char *
format_next_review (LiaPortfoliosView *self,
                    LiaPortfolioNode  *node)
{
  return lia_format_rollup_date (lia_portfolio_node_get_next_review_at (node));
}

static char *
format_overdue_followups (LiaPortfoliosView *self,
                          LiaPortfolioNode  *node)
{
  return lia_format_rollup_count (lia_portfolio_node_get_overdue_followups (node));
}

static char *
format_last_contact (LiaPortfoliosView *self,
                     LiaPortfolioNode  *node)
{
  return lia_format_relative_day (lia_portfolio_node_get_last_contact_at (node),
                                  lia_book_now (self->book));
}

/* @width: a starting width for columns whose labels ellipsize, or -1 */
static void
append_column (LiaPortfoliosView  *self,
               GtkListItemFactory *factory,
               const char         *title,
               int                 width)
{
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_expand (column, width > 0);
  gtk_column_view_append_column (self->column_view, column);
}

static void
append_text_column (LiaPortfoliosView *self,
                    const char        *title,
                    NodeFormat         format,
                    gboolean           numeric,
                    int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "lia-format", format);
  g_object_set_data (G_OBJECT (factory), "lia-numeric", GINT_TO_POINTER (numeric));
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_text_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_text_cb), self, G_CONNECT_SWAPPED);
  append_column (self, factory, title, width);
}

static void
setup_columns (LiaPortfoliosView *self)
{
  GtkListItemFactory *names = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (names, "setup", G_CALLBACK (on_setup_name_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (names, "bind", G_CALLBACK (on_bind_name_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (names, "unbind", G_CALLBACK (on_unbind_name_cb), self, G_CONNECT_SWAPPED);
  append_column (self, names, _("Name"), 260);

  append_text_column (self, _("Manager"), format_manager, FALSE, 150);
  append_text_column (self, _("Accounts"), format_n_accounts, TRUE, -1);
  append_text_column (self, _("Contract Value"), format_value, TRUE, -1);
  append_text_column (self, _("Open Events"), format_open_events, TRUE, -1);
  append_text_column (self, _("SLA Breaches (90 Days)"), format_sla_breaches, TRUE, -1);
  append_text_column (self, _("Next Review"), format_next_review, TRUE, -1);
  append_text_column (self, _("Overdue Follow-ups"), format_overdue_followups, TRUE, -1);
  append_text_column (self, _("Last Contact"), format_last_contact, TRUE, -1);
}

/* ---- navigation ---- */

static void
update_narrow (LiaPortfoliosView *self)
{
  gboolean on_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->nav_stack), "portfolio") == 0;
  AdwViewSwitcherTitle *shown = on_page ? self->page_switcher : self->list_switcher;
  gboolean narrow = adw_view_switcher_title_get_title_visible (shown);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
on_activate_cb (LiaPortfoliosView *self,
                guint              position)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);

  if (row != NULL)
    lia_portfolios_view_show_portfolio (self, row_account_id (row));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  lia_portfolios_view_show_portfolio (LIA_PORTFOLIOS_VIEW (widget), g_variant_get_int64 (parameter));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaPortfoliosView *self = LIA_PORTFOLIOS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->nav_stack, "groups");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_page_node_changed_cb (LiaPortfoliosView *self)
{
  LiaPortfolioNode *node = lia_portfolio_page_get_node (self->portfolio_page);

  adw_view_switcher_title_set_title (self->page_switcher,
                                     node ? lia_account_get_name (lia_portfolio_node_get_account (node)) : "");
}

/* Most visits to the area only look at the tree: build a group's page,
 * a template as large as the area's own, only once one is opened. */
static LiaPortfolioPage *
ensure_page (LiaPortfoliosView *self)
{
  if (self->portfolio_page != NULL)
    return self->portfolio_page;

  self->portfolio_page = g_object_new (LIA_TYPE_PORTFOLIO_PAGE, "vexpand", TRUE, NULL);
  if (self->book != NULL)
    lia_portfolio_page_set_book (self->portfolio_page, self->book);
  g_signal_connect_object (self->portfolio_page, "notify::node",
                           G_CALLBACK (on_page_node_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->page_box, GTK_WIDGET (self->portfolio_page));
  return self->portfolio_page;
}

static void
lia_portfolios_view_dispose (GObject *object)
{
  LiaPortfoliosView *self = (LiaPortfoliosView *)object;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PORTFOLIOS_VIEW);
  /* It went with the template's stack. */
  self->portfolio_page = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->groups);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_portfolios_view_parent_class)->dispose (object);
}

static void
lia_portfolios_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaPortfoliosView *self = LIA_PORTFOLIOS_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARROW: g_value_set_boolean (value, self->narrow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_portfolios_view_class_init (LiaPortfoliosViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_portfolios_view_dispose;
  object_class->get_property = lia_portfolios_view_get_property;
  widget_class->map = lia_portfolios_view_map;

  /**
   * LiaPortfoliosView:narrow:
   *
   * Whether the header has no room for the area switcher, so the window
   * shows its switcher bar instead.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-portfolios-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, nav_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, list_switcher);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, page_switcher);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, error_status);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfoliosView, page_box);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_narrow);

  gtk_widget_class_install_action (widget_class, "portfolios.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "portfolios.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "portfolios.back", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_portfolios_view_init (LiaPortfoliosView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->menu_button, lia_views_get_primary_menu ());
  self->narrow = adw_view_switcher_title_get_title_visible (self->list_switcher);
  setup_columns (self);
}

void
lia_portfolios_view_set_book (LiaPortfoliosView *self,
                              LiaBook           *book)
{
  g_return_if_fail (LIA_IS_PORTFOLIOS_VIEW (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  self->groups = g_list_store_new (LIA_TYPE_PORTFOLIO_NODE);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)), FALSE, FALSE,
                                        create_children, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  if (self->portfolio_page != NULL)
    lia_portfolio_page_set_book (self->portfolio_page, book);
  g_signal_connect_object (book, "account-changed", G_CALLBACK (on_account_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Like any change: read now if shown, else when first shown, so a
   * hidden area costs nothing before the window's first frame. */
  on_account_changed_cb (self);
}

void
lia_portfolios_view_set_areas (LiaPortfoliosView *self,
                               AdwViewStack      *areas)
{
  g_return_if_fail (LIA_IS_PORTFOLIOS_VIEW (self));

  adw_view_switcher_title_set_stack (self->list_switcher, areas);
  adw_view_switcher_title_set_stack (self->page_switcher, areas);
}

gboolean
lia_portfolios_view_get_narrow (LiaPortfoliosView *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIOS_VIEW (self), FALSE);
  return self->narrow;
}

/**
 * lia_portfolios_view_get_rows:
 *
 * The rows the tree shows: #GtkTreeListRow items holding
 * #LiaPortfolioNode.
 */
GListModel *
lia_portfolios_view_get_rows (LiaPortfoliosView *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIOS_VIEW (self), NULL);
  return G_LIST_MODEL (self->tree);
}

/* Builds the page if no group has been opened yet. */
LiaPortfolioPage *
lia_portfolios_view_get_page (LiaPortfoliosView *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIOS_VIEW (self), NULL);
  return ensure_page (self);
}

void
lia_portfolios_view_show_portfolio (LiaPortfoliosView *self,
                                    gint64             account_id)
{
  g_return_if_fail (LIA_IS_PORTFOLIOS_VIEW (self));

  lia_portfolio_page_set_account_id (ensure_page (self), account_id);
  gtk_stack_set_visible_child_name (self->nav_stack, "portfolio");
}
