/* lia-reassign-dialog.c — hand accounts to another manager, with a
 * preview of exactly what changes and an Undo afterwards
 *
 * The preview is the model's plan, recomputed whenever the manager or the
 * cascade switch changes; Apply writes that same plan in one transaction,
 * and the Undo toast hands it back to the model to revert.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-reassign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-choice-labels.h"
#include "lia-portfolio-repository.h"
#include "lia-reassign-dialog.h"
#include "lia-toast.h"

/* Indent per level of the group in the preview. */
#define DEPTH_INDENT 18

struct _LiaReassignDialog
{
  AdwWindow       parent_instance;

  LiaBook        *book;
  GArray         *account_ids;
  GListModel     *plan;

  GtkLabel       *what_label;
  AdwComboRow    *manager_row;
  GtkSwitch      *cascade_switch;
  GtkLabel       *summary_label;
  GtkStack       *preview_stack;
  GtkListView    *preview_view;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (LiaReassignDialog, lia_reassign_dialog, ADW_TYPE_WINDOW)

static void
show_error (LiaReassignDialog *self,
            const GError      *error)
{
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static gint64
chosen_manager (LiaReassignDialog *self)
{
  return lia_active_staff_labels_get_id (lia_book_get_staff (self->book), TRUE,
                                         adw_combo_row_get_selected (self->manager_row));
}

static const char *
staff_label (LiaReassignDialog *self,
             gint64             id)
{
  const char *name = lia_staff_name (lia_book_get_staff (self->book), id);

  return name ? name : C_("manager", "None");
}

static void
set_plan (LiaReassignDialog *self,
          GListModel        *plan)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  guint n = plan ? g_list_model_get_n_items (plan) : 0;
  g_autofree char *summary = NULL;

  g_set_object (&self->plan, plan);
  selection = gtk_no_selection_new (plan ? g_object_ref (plan) : NULL);
  gtk_list_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));

  if (self->book == NULL || chosen_manager (self) == 0)
    gtk_stack_set_visible_child_name (self->preview_stack, "choose");
  else
    gtk_stack_set_visible_child_name (self->preview_stack, n > 0 ? "list" : "nothing");

  summary = g_strdup_printf (ngettext ("%'u account changes manager", "%'u accounts change manager", n), n);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reassign.apply", n > 0);
}

/* Recomputed from the book each time: exactly what Apply would write. */
static void
update_preview (LiaReassignDialog *self)
{
  g_autoptr(GListModel) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 manager = self->book ? chosen_manager (self) : 0;

  if (manager != 0)
    plan = lia_portfolio_repository_preview_reassignment (lia_book_get_portfolios (self->book),
                                                          (const gint64 *)self->account_ids->data,
                                                          self->account_ids->len,
                                                          gtk_switch_get_active (self->cascade_switch),
                                                          manager, &error);
  show_error (self, error);
  set_plan (self, plan);
}

static void
on_setup_change_cb (LiaReassignDialog        *self,
                    GtkListItem              *item,
                    GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *change = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (change), 0);
  gtk_label_set_ellipsize (GTK_LABEL (change), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (change, "dim-label");
  gtk_widget_add_css_class (change, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), change);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_change_cb (LiaReassignDialog        *self,
                   GtkListItem              *item,
                   GtkSignalListItemFactory *factory)
{
  LiaReassignment *step = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  g_autofree char *change = NULL;

  /* Translators: old manager → new manager */
  change = g_strdup_printf (_("%s → %s"), staff_label (self, lia_reassignment_get_old_manager_id (step)),
                            staff_label (self, lia_reassignment_get_new_manager_id (step)));
  gtk_widget_set_margin_start (box, 12 + DEPTH_INDENT * MIN (lia_reassignment_get_depth (step), 8));
  gtk_label_set_label (GTK_LABEL (name), lia_reassignment_get_account_name (step));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (name)), change);
}

typedef struct
{
  LiaBook    *book;
  GListModel *plan;
  GtkWidget  *widget;   /* weak: where to show a failure */
} Applied;

static void
applied_free (gpointer data)
{
  Applied *applied = data;

  g_clear_weak_pointer (&applied->widget);
  g_object_unref (applied->book);
  g_object_unref (applied->plan);
  g_free (applied);
}

static void
undo_reassignment (gpointer data)
{
  Applied *applied = data;
  g_autoptr(GError) error = NULL;

  if (!lia_portfolio_repository_undo_reassignment (lia_book_get_portfolios (applied->book),
                                                   applied->plan, &error) &&
      applied->widget != NULL)
    lia_toast_show (applied->widget, error->message);
}

static void
show_undo_toast (LiaReassignDialog *self)
{
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  guint n = g_list_model_get_n_items (self->plan);
  Applied *applied = g_new0 (Applied, 1);
  g_autofree char *title = NULL;

  applied->book = g_object_ref (self->book);
  applied->plan = g_object_ref (self->plan);
  g_set_weak_pointer (&applied->widget, parent);

  /* Translators: a toast; %u accounts, %s the new manager */
  title = g_strdup_printf (ngettext ("%'u account handed to %s", "%'u accounts handed to %s", n),
                           n, staff_label (self, chosen_manager (self)));
  lia_toast_show_undo (GTK_WIDGET (self), title, undo_reassignment, applied, applied_free);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LiaReassignDialog *self = LIA_REASSIGN_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)
    return;

  if (!lia_portfolio_repository_apply_reassignment (lia_book_get_portfolios (self->book),
                                                    self->plan, &error))
    {
      show_error (self, error);
      return;
    }

  show_undo_toast (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_choice_changed_cb (LiaReassignDialog *self)
{
  update_preview (self);
}

static void
lia_reassign_dialog_dispose (GObject *object)
{
  LiaReassignDialog *self = (LiaReassignDialog *)object;

  g_clear_object (&self->plan);
  g_clear_object (&self->book);
  g_clear_pointer (&self->account_ids, g_array_unref);

  G_OBJECT_CLASS (lia_reassign_dialog_parent_class)->dispose (object);
}

static void
lia_reassign_dialog_class_init (LiaReassignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_reassign_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-reassign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaReassignDialog, what_label);
  gtk_widget_class_bind_template_child (widget_class, LiaReassignDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, LiaReassignDialog, cascade_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaReassignDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaReassignDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaReassignDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, LiaReassignDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_change_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_change_cb);

  gtk_widget_class_install_action (widget_class, "reassign.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_reassign_dialog_init (LiaReassignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reassign.apply", FALSE);
}

/**
 * lia_reassign_dialog_new:
 * @account_ids: the accounts chosen (a group's top, or a manager's accounts)
 * @description: what they are, for the person to check
 * @cascade: whether "Include subsidiaries and sites" starts on
 */
GtkWidget *
lia_reassign_dialog_new (GtkWindow    *parent,
                         LiaBook      *book,
                         const gint64 *account_ids,
                         guint         n_account_ids,
                         const char   *description,
                         gboolean      cascade)
{
  LiaReassignDialog *self = g_object_new (LIA_TYPE_REASSIGN_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) managers = NULL;

  self->book = g_object_ref (book);
  g_array_append_vals (self->account_ids, account_ids, n_account_ids);
  gtk_label_set_label (self->what_label, description);

  /* Only active staff can take accounts; nobody is picked for the person. */
  managers = lia_active_staff_labels_new (lia_book_get_staff (book), C_("manager", "Not chosen"));
  adw_combo_row_set_model (self->manager_row, G_LIST_MODEL (managers));
  adw_combo_row_set_selected (self->manager_row, 0);
  gtk_switch_set_active (self->cascade_switch, cascade);
  update_preview (self);
  return GTK_WIDGET (self);
}

/* What Apply would write now: a list of #LiaReassignment, or %NULL. */
GListModel *
lia_reassign_dialog_get_plan (LiaReassignDialog *self)
{
  g_return_val_if_fail (LIA_IS_REASSIGN_DIALOG (self), NULL);
  return self->plan;
}
