/* lia-follow-ups-view.c — the Follow-ups area: what is still open,
 * overdue first, to be done or dropped in place
 *
 * "Mine" are the follow-ups owned by whoever uses the app, when they are
 * a staff member of the book; everyone's otherwise. The repository sorts
 * and filters (overdue first, then by due day); the list is read again
 * when a follow-up changes, and when the view is shown on another day
 * than it was read (what is overdue changes at midnight).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-follow-ups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-follow-up-repository.h"
#include "lia-follow-up-row.h"
#include "lia-follow-ups-view.h"
#include "lia-meeting-labels.h"
#include "lia-toast.h"
#include "lia-views.h"

enum { OWNER_MINE, OWNER_EVERYONE };

struct _LiaFollowUpsView
{
  GtkWidget             parent_instance;

  LiaBook              *book;
  GListModel           *follow_ups;
  GDate                 read_on;
  guint                 reload_idle;
  gboolean              stale;
  gboolean              narrow;

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GtkLabel             *summary_label;
  GtkDropDown          *owner_dropdown;
  GtkStack             *content_stack;
  GtkListBox           *list_box;
  AdwStatusPage        *empty_status;
  AdwStatusPage        *error_status;
};

G_DEFINE_FINAL_TYPE (LiaFollowUpsView, lia_follow_ups_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NARROW, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaFollowUpRepository *
repository (LiaFollowUpsView *self)
{
  return lia_book_get_follow_ups (self->book);
}

/* The staff member using the app; 0 when they are not one. */
static gint64
me (LiaFollowUpsView *self)
{
  return MAX (0, lia_book_find_staff (self->book, lia_book_get_actor (self->book)));
}

static gint64
owner_filter (LiaFollowUpsView *self)
{
  return gtk_drop_down_get_selected (self->owner_dropdown) == OWNER_MINE ? me (self) : 0;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaFollowUpsView *self = user_data;
  GtkWidget *row = lia_follow_up_row_new (item, lia_book_now (self->book), "follow-ups", TRUE);
  LiaFollowUp *follow_up = item;

  /* Activating opens where it came from. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                    lia_follow_up_get_meeting_id (follow_up) != 0 ||
                                    lia_follow_up_get_event_id (follow_up) != 0);
  if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
update_summary (LiaFollowUpsView *self)
{
  guint n = g_list_model_get_n_items (self->follow_ups);
  guint overdue = lia_follow_up_repository_count_overdue (repository (self), owner_filter (self));
  g_autofree char *open = g_strdup_printf (ngettext ("%'u open", "%'u open", n), n);
  g_autofree char *text = NULL;

  if (overdue > 0)
    /* Translators: "3 open", then how many of them are overdue */
    text = g_strdup_printf (ngettext ("%s, %'u overdue", "%s, %'u overdue", overdue), open, overdue);
  gtk_label_set_label (self->summary_label, text ? text : open);
}

void
lia_follow_ups_view_reload (LiaFollowUpsView *self)
{
  g_autoptr(GListModel) follow_ups = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIA_IS_FOLLOW_UPS_VIEW (self));

  if (self->book == NULL)
    return;
  self->stale = FALSE;
  lia_date_from_unix (lia_book_now (self->book), &self->read_on);
  if (!(follow_ups = lia_follow_up_repository_list_open (repository (self), owner_filter (self), &error)))
    {
      adw_status_page_set_description (self->error_status, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  g_set_object (&self->follow_ups, follow_ups);
  gtk_list_box_bind_model (self->list_box, follow_ups, create_row, self, NULL);
  update_summary (self);
  gtk_stack_set_visible_child_name (self->content_stack,
                                    g_list_model_get_n_items (follow_ups) > 0 ? "list" : "empty");
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaFollowUpsView *self = user_data;

  self->reload_idle = 0;
  lia_follow_ups_view_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_follow_up_changed_cb (LiaFollowUpsView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

static void
lia_follow_ups_view_map (GtkWidget *widget)
{
  LiaFollowUpsView *self = LIA_FOLLOW_UPS_VIEW (widget);
  GDate today;

  GTK_WIDGET_CLASS (lia_follow_ups_view_parent_class)->map (widget);

  if (self->book == NULL)
    return;
  lia_date_from_unix (lia_book_now (self->book), &today);
  if (self->stale || !g_date_valid (&self->read_on) || g_date_compare (&today, &self->read_on) != 0)
    lia_follow_ups_view_reload (self);
}

static void
on_owner_changed_cb (LiaFollowUpsView *self)
{
  lia_follow_ups_view_reload (self);
}

static void
on_row_activated_cb (LiaFollowUpsView *self,
                     GtkListBoxRow    *row)
{
  LiaFollowUp *follow_up = lia_follow_up_row_get_item (GTK_WIDGET (row));

  if (lia_follow_up_get_meeting_id (follow_up) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-meeting", "(xx)",
                                lia_follow_up_get_meeting_id (follow_up),
                                lia_follow_up_get_occurrence_at (follow_up));
  else if (lia_follow_up_get_event_id (follow_up) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-event", "x",
                                lia_follow_up_get_event_id (follow_up));
}

static void
update_narrow (LiaFollowUpsView *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

/* ---- settling in place ---- */

typedef struct
{
  LiaBook *book;
  gint64   id;
} Reopen;

static void
reopen_free (gpointer data)
{
  Reopen *reopen = data;

  g_object_unref (reopen->book);
  g_free (reopen);
}

static void
undo_cb (gpointer data)
{
  Reopen *reopen = data;
  g_autoptr(GError) error = NULL;

  if (!lia_follow_up_repository_set_status (lia_book_get_follow_ups (reopen->book), reopen->id,
                                            LIA_FOLLOW_UP_STATUS_OPEN, &error))
    g_warning ("Cannot reopen follow-up %" G_GINT64_FORMAT ": %s", reopen->id, error->message);
}

/* Done or dropped (the action's name says which), with an Undo. */
static void
settle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaFollowUpsView *self = LIA_FOLLOW_UPS_VIEW (widget);
  LiaFollowUpStatus status = lia_follow_up_row_action_status (action_name);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  Reopen *reopen;

  if (!lia_follow_up_repository_set_status (repository (self), id, status, &error))
    {
      lia_toast_show (widget, error->message);
      return;
    }
  reopen = g_new0 (Reopen, 1);
  reopen->book = g_object_ref (self->book);
  reopen->id = id;
  lia_toast_show_undo (widget, status == LIA_FOLLOW_UP_STATUS_DONE ? _("Marked as done") : _("Dropped"),
                       undo_cb, reopen, reopen_free);
}

/* ---- object ---- */

static void
lia_follow_ups_view_dispose (GObject *object)
{
  LiaFollowUpsView *self = (LiaFollowUpsView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_FOLLOW_UPS_VIEW);
  /* dispose_template() only drops the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->follow_ups);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_follow_ups_view_parent_class)->dispose (object);
}

static void
lia_follow_ups_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaFollowUpsView *self = LIA_FOLLOW_UPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARROW: g_value_set_boolean (value, self->narrow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_follow_ups_view_class_init (LiaFollowUpsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_follow_ups_view_dispose;
  object_class->get_property = lia_follow_ups_view_get_property;
  widget_class->map = lia_follow_ups_view_map;

  /* Whether the header has no room for the area switcher. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-follow-ups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpsView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpsView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpsView, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpsView, list_box);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpsView, empty_status);
  gtk_widget_class_bind_template_child (widget_class, LiaFollowUpsView, error_status);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_narrow);

  gtk_widget_class_install_action (widget_class, "follow-ups.follow-up-done", "x", settle_action);
  gtk_widget_class_install_action (widget_class, "follow-ups.follow-up-drop", "x", settle_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_follow_ups_view_init (LiaFollowUpsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_date_clear (&self->read_on, 1);
  gtk_menu_button_set_menu_model (self->menu_button, lia_views_get_primary_menu ());
  self->narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);
}

GtkWidget *
lia_follow_ups_view_new (void)
{
  return g_object_new (LIA_TYPE_FOLLOW_UPS_VIEW, NULL);
}

void
lia_follow_ups_view_set_book (LiaFollowUpsView *self,
                              LiaBook          *book)
{
  gboolean staff;

  g_return_if_fail (LIA_IS_FOLLOW_UPS_VIEW (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  /* "Mine" means nothing to someone who is not staff. */
  staff = me (self) != 0;
  g_signal_handlers_block_by_func (self->owner_dropdown, on_owner_changed_cb, self);
  gtk_drop_down_set_selected (self->owner_dropdown, staff ? OWNER_MINE : OWNER_EVERYONE);
  g_signal_handlers_unblock_by_func (self->owner_dropdown, on_owner_changed_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_dropdown), staff);
  lia_follow_ups_view_reload (self);

  g_signal_connect_object (repository (self), "follow-up-changed", G_CALLBACK (on_follow_up_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Names of accounts and meetings are on the rows too. */
  g_signal_connect_object (book, "account-changed", G_CALLBACK (on_follow_up_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-ups.follow-up-done", !lia_book_is_read_only (book));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "follow-ups.follow-up-drop", !lia_book_is_read_only (book));
}

void
lia_follow_ups_view_set_areas (LiaFollowUpsView *self,
                               AdwViewStack     *areas)
{
  g_return_if_fail (LIA_IS_FOLLOW_UPS_VIEW (self));
  adw_view_switcher_title_set_stack (self->switcher_title, areas);
}

gboolean
lia_follow_ups_view_get_narrow (LiaFollowUpsView *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UPS_VIEW (self), TRUE);
  return self->narrow;
}

GListModel *
lia_follow_ups_view_get_model (LiaFollowUpsView *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UPS_VIEW (self), NULL);
  return self->follow_ups;
}

void
lia_follow_ups_view_set_mine_only (LiaFollowUpsView *self,
                                   gboolean          mine_only)
{
  g_return_if_fail (LIA_IS_FOLLOW_UPS_VIEW (self));
  gtk_drop_down_set_selected (self->owner_dropdown, mine_only ? OWNER_MINE : OWNER_EVERYONE);
}

gboolean
lia_follow_ups_view_show_follow_up (LiaFollowUpsView *self,
                                    gint64            follow_up_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LIA_IS_FOLLOW_UPS_VIEW (self), FALSE);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)); i++)
        if (lia_follow_up_get_id (lia_follow_up_row_get_item (GTK_WIDGET (row))) == follow_up_id)
          return gtk_widget_grab_focus (GTK_WIDGET (row));
      /* Someone else's: look among everyone's. */
      if (gtk_drop_down_get_selected (self->owner_dropdown) == OWNER_EVERYONE)
        break;
      lia_follow_ups_view_set_mine_only (self, FALSE);
    }
  return FALSE;
}
