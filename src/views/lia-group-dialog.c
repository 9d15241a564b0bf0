/* lia-group-dialog.c — build a corporate group: choose its parent
 * account, then add subsidiaries and sites under it
 *
 * A search over the accounts (the model's LiaAccountList, so SQL does the
 * matching) offers the first matches. The first pick is the group's
 * parent; each later pick is placed under it as a company or a site, at
 * once, so a refused move (a cycle, say) is said right where it was made.
 *
 * For one account ("Parent group: Change…" on its page) the dialog only
 * picks the parent and closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-group-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-list.h"
#include "lia-account-repository.h"
#include "lia-choice-labels.h"
#include "lia-group-dialog.h"
#include "lia-portfolio-repository.h"
#include "lia-toast.h"

/* Enough to find an account by typing; more is a longer search. */
#define MAX_RESULTS 50

struct _LiaGroupDialog
{
  AdwWindow            parent_instance;

  LiaBook             *book;
  LiaAccountList      *results;
  GtkSliceListModel   *slice;
  LiaAccount          *parent;   /* the group's top, once chosen */
  LiaAccount          *member;   /* set when choosing one account's parent */

  AdwWindowTitle      *window_title;
  AdwActionRow        *parent_row;
  GtkButton           *change_parent_button;
  AdwPreferencesGroup *members_group;
  GtkListBox          *members_list;
  AdwPreferencesGroup *search_group;
  GtkWidget           *kind_list;
  AdwComboRow         *kind_row;
  GtkSearchEntry      *search_entry;
  GtkListBox          *results_list;
  GtkLabel            *more_label;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (LiaGroupDialog, lia_group_dialog, ADW_TYPE_WINDOW)

static LiaPortfolioRepository *
portfolios (LiaGroupDialog *self)
{
  return lia_book_get_portfolios (self->book);
}

static void
show_error (LiaGroupDialog *self,
            const GError   *error)
{
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  return row;
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  LiaGroupDialog *self = user_data;
  LiaAccount *account = item;
  const char *segment = lia_book_get_segment_name (self->book, lia_account_get_segment_id (account));
  g_autofree char *details = NULL;
  GtkWidget *row;

  if (lia_account_get_parent_id (account) != 0)
    /* Translators: account number, segment */
    details = g_strdup_printf (_("%s · %s · already in a group"), lia_account_get_number (account),
                               segment ? segment : "");
  else
    details = g_strdup_printf ("%s · %s", lia_account_get_number (account), segment ? segment : "");

  row = new_row (lia_account_get_name (account), details);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (self->parent && !self->member
                                                           ? "list-add-symbolic" : "go-next-symbolic"));
  return row;
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  LiaPortfolioNode *node = item;
  LiaAccount *account = lia_portfolio_node_get_account (node);
  g_autofree char *details = NULL;
  GtkWidget *row, *remove;
  guint below = lia_portfolio_node_get_n_accounts (node) - 1;

  if (below > 0)
    /* Translators: "Company · 2 more below it" */
    details = g_strdup_printf (ngettext ("%s · %'u more below it", "%s · %'u more below it", below),
                               lia_unit_kind_to_label (lia_account_get_unit_kind (account)), below);
  else
    details = g_strdup (lia_unit_kind_to_label (lia_account_get_unit_kind (account)));

  row = new_row (lia_account_get_name (account), details);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the Group"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from the group"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "group.remove-member");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", lia_account_get_id (account));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
reload_members (LiaGroupDialog *self)
{
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GError) error = NULL;

  if (self->parent != NULL &&
      !(members = lia_portfolio_repository_list_children (portfolios (self),
                                                          lia_account_get_id (self->parent), &error)))
    show_error (self, error);
  gtk_list_box_bind_model (self->members_list, members, create_member_row, self, NULL);
}

/* The results' rows say what picking one does, so rebind them too. */
static void
update_mode (LiaGroupDialog *self)
{
  gboolean building = self->member == NULL && self->parent != NULL;

  if (self->member != NULL)
    adw_action_row_set_subtitle (self->parent_row, lia_account_get_name (self->member));
  else
    adw_action_row_set_subtitle (self->parent_row,
                                 self->parent ? lia_account_get_name (self->parent)
                                              : _("Not chosen yet: pick it below"));

  gtk_widget_set_visible (GTK_WIDGET (self->change_parent_button), building);
  gtk_widget_set_visible (GTK_WIDGET (self->members_group), building);
  gtk_widget_set_visible (self->kind_list, building);
  adw_preferences_group_set_title (self->search_group,
                                   self->member ? _("Choose Its Parent")
                                   : building ? _("Add Subsidiaries and Sites")
                                   : _("Choose the Parent Account"));
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->slice),
                           create_result_row, self, NULL);
  reload_members (self);
}

static void
restart_search (LiaGroupDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  lia_account_list_set_search_text (self->results, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Places @account under the group's parent as the chosen kind. */
static gboolean
add_member (LiaGroupDialog  *self,
            LiaAccount      *account,
            GError         **error)
{
  g_autoptr(LiaAccount) copy = lia_account_copy (account);
  LiaUnitKind kind = adw_combo_row_get_selected (self->kind_row);
  LiaUnitKind old_kind = lia_account_get_unit_kind (account);

  /* The kind first (a field saved like any other), so that the parent is
   * checked against what the account will be; a refused parent puts the
   * old kind back rather than leave half a change. */
  if (old_kind != kind)
    {
      lia_account_set_unit_kind (copy, kind);
      if (!lia_account_repository_save (lia_book_get_accounts (self->book), copy, error))
        return FALSE;
    }

  if (!lia_portfolio_repository_set_parent (portfolios (self), copy,
                                            lia_account_get_id (self->parent), error))
    {
      if (old_kind != kind)
        {
          lia_account_set_unit_kind (copy, old_kind);
          lia_account_repository_save (lia_book_get_accounts (self->book), copy, NULL);
        }
      return FALSE;
    }

  reload_members (self);
  restart_search (self);
  return TRUE;
}

static gboolean
place_member (LiaGroupDialog  *self,
              LiaAccount      *parent,
              GError         **error)
{
  g_autoptr(LiaAccount) copy = lia_account_copy (self->member);
  g_autofree char *done = NULL;

  if (!lia_portfolio_repository_set_parent (portfolios (self), copy, lia_account_get_id (parent), error))
    return FALSE;

  /* Translators: a toast; %s is an account name */
  done = g_strdup_printf (_("Now part of “%s”"), lia_account_get_name (parent));
  lia_toast_show (GTK_WIDGET (self), done);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/**
 * lia_group_dialog_choose:
 *
 * What picking @account in the results does: it becomes the group's
 * parent, or is added under it, or (for one account) becomes its parent.
 * A refusal is shown in the dialog and returned.
 */
gboolean
lia_group_dialog_choose (LiaGroupDialog  *self,
                         LiaAccount      *account,
                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_GROUP_DIALOG (self), FALSE);

  if (self->member != NULL)
    ok = place_member (self, account, &local_error);
  else if (self->parent != NULL)
    ok = add_member (self, account, &local_error);
  else
    {
      self->parent = lia_account_copy (account);
      update_mode (self);
      restart_search (self);
      ok = TRUE;
    }

  if (!ok)
    {
      show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  show_error (self, NULL);
  return TRUE;
}

static void
on_result_activated_cb (LiaGroupDialog *self,
                        GtkListBoxRow  *row)
{
  g_autoptr(LiaAccount) account = g_list_model_get_item (G_LIST_MODEL (self->slice),
                                                         gtk_list_box_row_get_index (row));

  if (account != NULL)
    lia_group_dialog_choose (self, account, NULL);
}

static void
on_search_changed_cb (LiaGroupDialog *self)
{
  if (self->results == NULL)
    return;

  /* A refusal was about the last pick; the person has moved on. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    show_error (self, NULL);
  lia_account_list_set_search_text (self->results,
                                    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter picks the best match. */
static void
on_search_activate_cb (LiaGroupDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL)
    on_result_activated_cb (self, first);
}

/* Escape in the search clears it, and on an empty search closes. */
static void
on_stop_search_cb (LiaGroupDialog *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_results_changed_cb (LiaGroupDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->more_label),
                          g_list_model_get_n_items (G_LIST_MODEL (self->results)) > MAX_RESULTS);
}

static void
on_change_parent_cb (LiaGroupDialog *self)
{
  g_clear_object (&self->parent);
  show_error (self, NULL);
  update_mode (self);
  restart_search (self);
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LiaGroupDialog *self = LIA_GROUP_DIALOG (widget);
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = lia_account_repository_lookup (lia_book_get_accounts (self->book),
                                           g_variant_get_int64 (parameter), &error);
  if (account == NULL ||
      !lia_portfolio_repository_set_parent (portfolios (self), account, 0, &error))
    {
      show_error (self, error);
      return;
    }

  show_error (self, NULL);
  reload_members (self);
}

static void
lia_group_dialog_dispose (GObject *object)
{
  LiaGroupDialog *self = (LiaGroupDialog *)object;

  g_clear_object (&self->slice);
  g_clear_object (&self->results);
  g_clear_object (&self->parent);
  g_clear_object (&self->member);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_group_dialog_parent_class)->dispose (object);
}

static void
lia_group_dialog_class_init (LiaGroupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_group_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-group-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, change_parent_button);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, members_list);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, search_group);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, kind_list);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, more_label);
  gtk_widget_class_bind_template_child (widget_class, LiaGroupDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_change_parent_cb);

  gtk_widget_class_install_action (widget_class, "group.remove-member", "x", remove_member_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_group_dialog_init (LiaGroupDialog *self)
{
  g_autoptr(GtkStringList) kinds = lia_unit_kind_labels_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

static LiaGroupDialog *
group_dialog_new (GtkWindow *parent,
                  LiaBook   *book)
{
  LiaGroupDialog *self = g_object_new (LIA_TYPE_GROUP_DIALOG, "transient-for", parent, NULL);

  self->book = g_object_ref (book);
  self->results = lia_account_list_new (book);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->results)), 0, MAX_RESULTS);
  g_signal_connect_object (self->results, "items-changed", G_CALLBACK (on_results_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_results_changed_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
  return self;
}

/**
 * lia_group_dialog_new:
 * @parent_id: the group to add to, or 0 to choose its parent first
 */
GtkWidget *
lia_group_dialog_new (GtkWindow *parent,
                      LiaBook   *book,
                      gint64     parent_id)
{
  LiaGroupDialog *self = group_dialog_new (parent, book);
  g_autoptr(GError) error = NULL;

  if (parent_id != 0)
    {
      self->parent = lia_account_repository_lookup (lia_book_get_accounts (book), parent_id, &error);
      if (self->parent == NULL)
        show_error (self, error);
      adw_window_title_set_title (self->window_title, _("Add to Group"));
    }

  update_mode (self);
  return GTK_WIDGET (self);
}

/* Chooses the group @member belongs under. */
GtkWidget *
lia_group_dialog_new_for_member (GtkWindow  *parent,
                                 LiaBook    *book,
                                 LiaAccount *member)
{
  LiaGroupDialog *self = group_dialog_new (parent, book);

  self->member = lia_account_copy (member);
  adw_window_title_set_title (self->window_title, _("Parent Group"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->parent_row), _("Account"));
  update_mode (self);
  return GTK_WIDGET (self);
}

GListModel *
lia_group_dialog_get_results (LiaGroupDialog *self)
{
  g_return_val_if_fail (LIA_IS_GROUP_DIALOG (self), NULL);
  return G_LIST_MODEL (self->slice);
}
