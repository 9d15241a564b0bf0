/* lia-workload-view.c — the Workload area: what each account manager
 * carries, sortable by any column
 *
 * One row per manager (a handful), so sorting the rows in memory with
 * the column view's sorter is fine here; the figures themselves are
 * counted by one SQL query in the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-workload-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-list.h"
#include "lia-format.h"
#include "lia-money.h"
#include "lia-portfolio-repository.h"
#include "lia-reassign-dialog.h"
#include "lia-toast.h"
#include "lia-views.h"
#include "lia-workload-entry.h"
#include "lia-workload-view.h"

typedef char *(*EntryFormat) (LiaWorkloadEntry *entry);

struct _LiaWorkloadView
{
  GtkWidget             parent_instance;

  LiaBook              *book;
  GListStore           *entries;
  GtkSortListModel     *sorted;
  GtkSingleSelection   *selection;
  guint                 reload_idle;
  gboolean              stale;
  gboolean              narrow;

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GtkStack             *content_stack;
  AdwStatusPage        *error_status;
  GtkColumnView        *column_view;
};

G_DEFINE_FINAL_TYPE (LiaWorkloadView, lia_workload_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NARROW, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
update_actions (LiaWorkloadView *self)
{
  gboolean writable = self->book != NULL && !lia_book_is_read_only (self->book);
  gboolean selected = self->selection != NULL &&
                      gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workload.reassign", writable && selected);
}

static gint64
selected_staff_id (LiaWorkloadView *self)
{
  LiaWorkloadEntry *entry = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return entry ? lia_workload_entry_get_staff_id (entry) : 0;
}

/* Keeps the selected manager selected across a reload. */
static void
select_staff (LiaWorkloadView *self,
              gint64           staff_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint i = 0; staff_id != 0 && i < n; i++)
    {
      g_autoptr(LiaWorkloadEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (lia_workload_entry_get_staff_id (entry) == staff_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
reload (LiaWorkloadView *self)
{
  g_autoptr(GListModel) workload = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 selected = selected_staff_id (self);

  self->stale = FALSE;
  if (!(workload = lia_portfolio_repository_list_workload (lia_book_get_portfolios (self->book), &error)))
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      update_actions (self);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (workload); i++)
    g_ptr_array_add (items, g_list_model_get_item (workload, i));
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       items->pdata, items->len);
  select_staff (self, selected);

  gtk_stack_set_visible_child_name (self->content_stack, items->len > 0 ? "table" : "empty");
  update_actions (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaWorkloadView *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_book_changed_cb (LiaWorkloadView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
lia_workload_view_map (GtkWidget *widget)
{
  LiaWorkloadView *self = LIA_WORKLOAD_VIEW (widget);

  GTK_WIDGET_CLASS (lia_workload_view_parent_class)->map (widget);

  if (self->stale && self->book != NULL)
    reload (self);
}

/* ---- cells ---- */

static void
on_setup_name_cb (LiaWorkloadView          *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *inactive = gtk_label_new (C_("staff marker", "inactive"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (inactive, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (inactive, "lia-pill");
  gtk_widget_add_css_class (inactive, "lia-due");
  gtk_widget_set_tooltip_text (inactive, _("Deactivated: their accounts need a new manager"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), inactive);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_name_cb (LiaWorkloadView          *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  LiaWorkloadEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_label (GTK_LABEL (label), lia_workload_entry_get_name (entry));
  gtk_widget_set_visible (gtk_widget_get_next_sibling (label), !lia_workload_entry_get_active (entry));
}

static void
on_setup_number_cb (LiaWorkloadView          *self,
                    GtkListItem              *item,
                    GtkSignalListItemFactory *factory)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_bind_number_cb (LiaWorkloadView          *self,
                   GtkListItem              *item,
                   GtkSignalListItemFactory *factory)
{
  EntryFormat format = g_object_get_data (G_OBJECT (factory), "lia-format");
  g_autofree char *text = format (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static char *
format_major (LiaWorkloadEntry *entry)
{
  return lia_format_count (lia_workload_entry_get_major_accounts (entry));
}

static char *
format_portfolios (LiaWorkloadEntry *entry)
{
  return lia_format_count (lia_workload_entry_get_portfolios (entry));
}

/* A total in the one currency of the person's accounts; several
 * currencies cannot be added up. */
static char *
format_total (LiaWorkloadEntry *entry)
{
  const char *currency = lia_workload_entry_get_currency (entry);
  gint64 total = lia_workload_entry_get_total_value (entry);

  if (currency == NULL && total != 0)
    return g_strdup (_("Mixed currencies"));
  return g_strstrip (lia_money_format (total, currency));
}

static char *
format_open_events (LiaWorkloadEntry *entry)
{
  return lia_format_rollup_count (lia_workload_entry_get_open_events (entry));
}

static char *
format_meetings (LiaWorkloadEntry *entry)
{
  return lia_format_rollup_count (lia_workload_entry_get_meetings_next_30_days (entry));
}

static GtkColumnViewColumn *
append_column (LiaWorkloadView    *self,
               GtkListItemFactory *factory,
               const char         *title,
               GtkSorter          *sorter)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (sorter);
  return column;
}

static void
append_number_column (LiaWorkloadView *self,
                      const char      *title,
                      const char      *property,
                      EntryFormat      format)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression = gtk_property_expression_new (LIA_TYPE_WORKLOAD_ENTRY, NULL, property);
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "lia-format", format);
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_number_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_number_cb), self, G_CONNECT_SWAPPED);
  column = append_column (self, factory, title, GTK_SORTER (gtk_numeric_sorter_new (expression)));
  gtk_column_view_column_set_expand (column, TRUE);
}

static void
setup_columns (LiaWorkloadView *self)
{
  GtkListItemFactory *names = gtk_signal_list_item_factory_new ();
  GtkExpression *name = gtk_property_expression_new (LIA_TYPE_WORKLOAD_ENTRY, NULL, "name");
  g_autoptr(GtkColumnViewColumn) name_column = NULL;

  g_signal_connect_object (names, "setup", G_CALLBACK (on_setup_name_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (names, "bind", G_CALLBACK (on_bind_name_cb), self, G_CONNECT_SWAPPED);
  name_column = append_column (self, names, _("Account Manager"), GTK_SORTER (gtk_string_sorter_new (name)));
  gtk_column_view_column_set_expand (name_column, TRUE);

  append_number_column (self, _("Major Accounts"), "major-accounts", format_major);
  append_number_column (self, _("Portfolios"), "portfolios", format_portfolios);
  append_number_column (self, _("Total Contract Value"), "total-value", format_total);
  append_number_column (self, _("Open Events"), "open-events", format_open_events);
  append_number_column (self, _("Meetings (Next 30 Days)"), "meetings-next-30-days", format_meetings);

  gtk_column_view_sort_by_column (self->column_view, name_column, GTK_SORT_ASCENDING);
}

/* ---- re-deployment ---- */

/* Every open account of the manager, read from a list filtered in SQL. */
static GArray *
manager_account_ids (LiaWorkloadView *self,
                     gint64           staff_id)
{
  g_autoptr(LiaAccountList) list = lia_account_list_new (self->book);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  lia_account_list_set_manager_id (list, staff_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAccount) account = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = lia_account_get_id (account);

      g_array_append_val (ids, id);
    }

  return ids;
}

static void
reassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LiaWorkloadView *self = LIA_WORKLOAD_VIEW (widget);
  LiaWorkloadEntry *entry = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *what = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (entry == NULL)
    return;

  ids = manager_account_ids (self, lia_workload_entry_get_staff_id (entry));
  if (ids->len == 0)
    {
      lia_toast_show (widget, _("No open accounts to hand over"));
      return;
    }

  /* Translators: %u accounts, %s a manager's name */
  what = g_strdup_printf (ngettext ("The %'u open account of %s", "All %'u open accounts of %s", ids->len),
                          ids->len, lia_workload_entry_get_name (entry));
  dialog = lia_reassign_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->book,
                                    (const gint64 *)ids->data, ids->len, what, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_activate_cb (LiaWorkloadView *self,
                guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "workload.reassign", NULL);
}

static void
update_narrow (LiaWorkloadView *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
lia_workload_view_dispose (GObject *object)
{
  LiaWorkloadView *self = (LiaWorkloadView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_WORKLOAD_VIEW);
  /* dispose_template() only drops the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->entries);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_workload_view_parent_class)->dispose (object);
}

static void
lia_workload_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaWorkloadView *self = LIA_WORKLOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARROW: g_value_set_boolean (value, self->narrow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_workload_view_class_init (LiaWorkloadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_workload_view_dispose;
  object_class->get_property = lia_workload_view_get_property;
  widget_class->map = lia_workload_view_map;

  /* Whether the header has no room for the area switcher. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-workload-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaWorkloadView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LiaWorkloadView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaWorkloadView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaWorkloadView, error_status);
  gtk_widget_class_bind_template_child (widget_class, LiaWorkloadView, column_view);
  gtk_widget_class_bind_template_callback (widget_class, update_narrow);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);

  gtk_widget_class_install_action (widget_class, "workload.reassign", NULL, reassign_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_workload_view_init (LiaWorkloadView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->menu_button, lia_views_get_primary_menu ());
  self->narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);
  setup_columns (self);
  update_actions (self);
}

void
lia_workload_view_set_book (LiaWorkloadView *self,
                            LiaBook         *book)
{
  GtkSorter *sorter;

  g_return_if_fail (LIA_IS_WORKLOAD_VIEW (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  self->entries = g_list_store_new (LIA_TYPE_WORKLOAD_ENTRY);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                          g_object_ref (sorter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (book, "account-changed", G_CALLBACK (on_book_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_staff (book), "items-changed", G_CALLBACK (on_book_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Like any change: read now if shown, else when first shown. */
  on_book_changed_cb (self);
}

void
lia_workload_view_set_areas (LiaWorkloadView *self,
                             AdwViewStack    *areas)
{
  g_return_if_fail (LIA_IS_WORKLOAD_VIEW (self));
  adw_view_switcher_title_set_stack (self->switcher_title, areas);
}

gboolean
lia_workload_view_get_narrow (LiaWorkloadView *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_VIEW (self), FALSE);
  return self->narrow;
}

/* The rows as shown: #LiaWorkloadEntry items in the chosen order. */
GListModel *
lia_workload_view_get_rows (LiaWorkloadView *self)
{
  g_return_val_if_fail (LIA_IS_WORKLOAD_VIEW (self), NULL);
  return G_LIST_MODEL (self->sorted);
}
