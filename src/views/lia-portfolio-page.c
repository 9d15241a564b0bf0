/* lia-portfolio-page.c — one corporate group: who owns it, its key
 * contacts, its roll-ups, and notes on what it prefers and will need
 *
 * The page shows any node of a group with everything below it; opened
 * from the tree it is usually the group itself. It reads the book again
 * (once the main loop is idle) whenever an account changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-portfolio-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-note.h"
#include "lia-account-repository.h"
#include "lia-choice-labels.h"
#include "lia-follow-up-repository.h"
#include "lia-format.h"
#include "lia-meeting-repository.h"
#include "lia-portfolio-page-private.h"
#include "lia-portfolio-repository.h"
#include "lia-timeline-view.h"

G_DEFINE_FINAL_TYPE (LiaPortfolioPage, lia_portfolio_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NODE, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaPortfolioRepository *
repository (LiaPortfolioPage *self)
{
  return lia_book_get_portfolios (self->book);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  LiaContact *contact = item;
  g_autoptr(GString) details = g_string_new (NULL);
  GtkWidget *row, *star;

  append_part (details, lia_contact_get_role (contact));
  append_part (details, lia_contact_get_account_name (contact));
  append_part (details, lia_contact_get_email (contact));
  append_part (details, lia_contact_get_phone (contact));
  row = new_row (lia_contact_get_name (contact), details->str);

  if (lia_contact_get_key_contact (contact))
    {
      star = gtk_image_new_from_icon_name ("starred-symbolic");
      gtk_widget_set_tooltip_text (star, _("Key contact"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Key contact"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), star);
    }
  return row;
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  LiaAccountNote *note = item;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *date = lia_format_date (lia_account_note_get_noted_at (note));

  append_part (details, lia_note_kind_to_label (lia_account_note_get_kind (note)));
  append_part (details, date);
  append_part (details, lia_account_note_get_author (note));
  return new_row (lia_account_note_get_body (note), details->str);
}

static void
set_value (GtkLabel *label,
           char     *text)
{
  gtk_label_set_label (label, text);
  g_free (text);
}

static void
fill_figures (LiaPortfolioPage *self)
{
  LiaPortfolioNode *node = self->node;
  gint64 now = lia_book_now (self->book);

  set_value (self->accounts_value, lia_format_count (lia_portfolio_node_get_n_accounts (node)));
  set_value (self->contract_value, lia_format_node_value (node));
  set_value (self->last_contact_value,
             lia_format_relative_day (lia_portfolio_node_get_last_contact_at (node), now));
  set_value (self->open_events_value, lia_format_rollup_count (lia_portfolio_node_get_open_events (node)));
  set_value (self->sla_value, lia_format_rollup_count (lia_portfolio_node_get_sla_breaches (node)));
  set_value (self->next_review_value, lia_format_rollup_date (lia_portfolio_node_get_next_review_at (node)));
  set_value (self->followups_value,
             lia_format_rollup_count (lia_portfolio_node_get_overdue_followups (node)));
}

static void
fill_summary (LiaPortfolioPage *self)
{
  LiaAccount *a = self->account;
  const char *segment = lia_book_get_segment_name (self->book, lia_account_get_segment_id (a));
  g_autoptr(GString) summary = g_string_new (NULL);

  append_part (summary, lia_account_get_number (a));
  append_part (summary, segment);
  append_part (summary, lia_unit_kind_to_label (lia_account_get_unit_kind (a)));
  gtk_label_set_label (self->name_label, lia_account_get_name (a));
  gtk_label_set_label (self->summary_label, summary->str);
}

/* Says who is missing or gone, since a deactivated manager cannot be
 * shown in the picker. */
static void
update_manager_hint (LiaPortfolioPage *self)
{
  GListModel *staff = lia_book_get_staff (self->book);
  /* The one the picker shows; a deactivated one stays until replaced. */
  gint64 manager_id = lia_staff_picked_id (staff, adw_combo_row_get_selected (self->manager_row),
                                           lia_account_get_manager_id (self->account));
  g_autofree char *hint = NULL;

  if (manager_id != 0 && !lia_staff_is_active (staff, manager_id))
    /* Translators: %s is a deactivated staff member */
    hint = g_strdup_printf (_("%s is no longer active: choose a new manager"),
                            lia_staff_name (staff, manager_id));
  else if (lia_book_segment_requires_manager (self->book, lia_account_get_segment_id (self->account)))
    hint = g_strdup (_("Required: the first point of contact"));
  else
    hint = g_strdup (_("The first point of contact"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->manager_row), hint);
}

static void
fill_staffing (LiaPortfolioPage *self)
{
  GListModel *staff = lia_book_get_staff (self->book);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->manager_row,
                              lia_active_staff_labels_find (staff, TRUE,
                                                            lia_account_get_manager_id (self->account)));
  adw_combo_row_set_selected (self->deputy_row,
                              lia_active_staff_labels_find (staff, TRUE,
                                                            lia_account_get_deputy_id (self->account)));
  self->filling = FALSE;

  self->dirty = FALSE;
  self->valid = TRUE;
  update_manager_hint (self);
  gtk_widget_set_visible (GTK_WIDGET (self->staffing_error_label), FALSE);
}

/* A query that fails leaves the page showing why, not stale figures. */
static void
show_error (LiaPortfolioPage *self,
            const GError     *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

void
lia_portfolio_page_reload_notes (LiaPortfolioPage *self)
{
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GError) error = NULL;

  if (!(notes = lia_portfolio_repository_list_notes (repository (self), self->account_id, &error)))
    show_error (self, error);
  gtk_list_box_bind_model (self->notes_list, notes, create_note_row, self, NULL);
}

static void
reload_contacts (LiaPortfolioPage *self)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;

  if (!(contacts = lia_portfolio_repository_list_group_contacts (repository (self), self->account_id, &error)))
    show_error (self, error);
  gtk_list_box_bind_model (self->contacts_list, contacts, create_contact_row, self, NULL);
}

static void
reload (LiaPortfolioPage *self)
{
  g_autoptr(LiaPortfolioNode) node = NULL;
  g_autoptr(GError) error = NULL;

  if (self->account_id == 0)
    return;
  if (!(node = lia_portfolio_repository_lookup_node (repository (self), self->account_id, &error)))
    {
      show_error (self, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, "page");
  g_set_object (&self->node, node);
  /* Unsaved picks survive someone else's change elsewhere in the book. */
  if (!self->dirty)
    {
      g_clear_object (&self->account);
      self->account = lia_account_copy (lia_portfolio_node_get_account (node));
      fill_staffing (self);
    }
  fill_summary (self);
  fill_figures (self);
  reload_contacts (self);
  lia_portfolio_page_reload_notes (self);
  lia_portfolio_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LiaPortfolioPage *self = user_data;

  self->reload_idle = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* The group's timeline tab is built when first shown, then follows the
 * group shown. */
static void
update_timeline (LiaPortfolioPage *self)
{
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->section_stack), "timeline") == 0;

  if (self->account_id != 0 && (shown || adw_bin_get_child (self->timeline_bin) != NULL))
    lia_timeline_view_embed (self->timeline_bin, self->book, self->account_id, TRUE);
}

static void
on_section_changed_cb (LiaPortfolioPage *self)
{
  update_timeline (self);
}

static void
on_account_changed_cb (LiaPortfolioPage *self)
{
  if (self->account_id != 0 && self->reload_idle == 0)
    self->reload_idle = g_idle_add (reload_idle_cb, self);
}

/**
 * lia_portfolio_page_build_staffing:
 *
 * A copy of the account with the manager and deputy the pickers show.
 */
LiaAccount *
lia_portfolio_page_build_staffing (LiaPortfolioPage *self)
{
  GListModel *staff = lia_book_get_staff (self->book);
  LiaAccount *edited = lia_account_copy (self->account);

  lia_account_set_manager_id (edited,
                              lia_staff_picked_id (staff, adw_combo_row_get_selected (self->manager_row),
                                                   lia_account_get_manager_id (self->account)));
  lia_account_set_deputy_id (edited,
                             lia_staff_picked_id (staff, adw_combo_row_get_selected (self->deputy_row),
                                                  lia_account_get_deputy_id (self->account)));
  return edited;
}

static void
show_staffing_error (LiaPortfolioPage *self,
                     const GError     *error)
{
  gtk_label_set_label (self->staffing_error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->staffing_error_label), error != NULL);
}

static void
on_staffing_changed_cb (LiaPortfolioPage *self)
{
  g_autoptr(LiaAccount) edited = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || self->account == NULL)
    return;

  self->dirty = TRUE;
  edited = lia_portfolio_page_build_staffing (self);
  self->valid = lia_staff_check_manager (self->book, edited, &error);
  show_staffing_error (self, error);
  update_manager_hint (self);
  lia_portfolio_page_update_actions (self);
}

/**
 * lia_portfolio_page_save_staffing:
 *
 * Writes the designated manager and deputy to the account; a refusal is
 * shown under the pickers and returned.
 */
gboolean
lia_portfolio_page_save_staffing (LiaPortfolioPage  *self,
                                  GError           **error)
{
  g_autoptr(LiaAccount) edited = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIA_IS_PORTFOLIO_PAGE (self), FALSE);
  g_return_val_if_fail (self->account != NULL, FALSE);

  edited = lia_portfolio_page_build_staffing (self);
  if (!lia_account_repository_save (lia_book_get_accounts (self->book), edited, &local_error))
    {
      show_staffing_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Show it as saved now; the book's signal reads it again in a moment. */
  self->dirty = FALSE;
  g_set_object (&self->account, edited);
  fill_staffing (self);
  lia_portfolio_page_update_actions (self);
  return TRUE;
}

/* Staff come and go; an unsaved pick is kept by id, else the stored
 * staffing is shown. */
static void
setup_staff_rows (LiaPortfolioPage *self)
{
  GListModel *staff = lia_book_get_staff (self->book);
  gint64 manager_id = 0;
  gint64 deputy_id = 0;

  if (self->dirty)
    {
      manager_id = lia_staff_picker_get_id (self->manager_row);
      deputy_id = lia_staff_picker_get_id (self->deputy_row);
    }
  else if (self->account != NULL)
    {
      manager_id = lia_account_get_manager_id (self->account);
      deputy_id = lia_account_get_deputy_id (self->account);
    }

  self->filling = TRUE;
  lia_staff_picker_refill (self->manager_row, staff, C_("manager", "None"), manager_id);
  lia_staff_picker_refill (self->deputy_row, staff, C_("deputy", "None"), deputy_id);
  self->filling = FALSE;

  if (self->account != NULL)
    update_manager_hint (self);
  lia_portfolio_page_update_actions (self);
}

void
lia_portfolio_page_set_book (LiaPortfolioPage *self,
                             LiaBook          *book)
{
  g_return_if_fail (LIA_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  lia_staff_picker_init (self->manager_row, lia_book_get_staff (book));
  lia_staff_picker_init (self->deputy_row, lia_book_get_staff (book));
  setup_staff_rows (self);
  g_signal_connect_object (lia_book_get_staff (book), "items-changed",
                           G_CALLBACK (setup_staff_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (book, "account-changed", G_CALLBACK (on_account_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Open events and SLA breaches are rolled up too. */
  g_signal_connect_object (lia_book_get_events (book), "event-changed",
                           G_CALLBACK (on_account_changed_cb), self, G_CONNECT_SWAPPED);
  /* And the next review and overdue follow-ups. */
  g_signal_connect_object (lia_book_get_meetings (book), "meeting-changed",
                           G_CALLBACK (on_account_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_follow_ups (book), "follow-up-changed",
                           G_CALLBACK (on_account_changed_cb), self, G_CONNECT_SWAPPED);
  lia_portfolio_page_update_actions (self);
}

/**
 * lia_portfolio_page_set_account_id:
 *
 * Shows the group (or the part of one) whose top is @account_id.
 */
void
lia_portfolio_page_set_account_id (LiaPortfolioPage *self,
                                   gint64            account_id)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (LIA_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (self->book != NULL);

  if (account_id != self->account_id)
    {
      self->account_id = account_id;
      self->dirty = FALSE;
      g_clear_object (&self->account);
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
      vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
      update_timeline (self);
    }
  reload (self);
}

LiaPortfolioNode *
lia_portfolio_page_get_node (LiaPortfolioPage *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_PAGE (self), NULL);
  return self->node;
}

static void
on_note_changed_cb (LiaPortfolioPage *self)
{
  lia_portfolio_page_update_actions (self);
}

static void
on_note_apply_cb (LiaPortfolioPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "portfolio.add-note", NULL);
}

static void
lia_portfolio_page_dispose (GObject *object)
{
  LiaPortfolioPage *self = (LiaPortfolioPage *)object;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_PORTFOLIO_PAGE);
  g_clear_object (&self->node);
  g_clear_object (&self->account);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_portfolio_page_parent_class)->dispose (object);
}

static void
lia_portfolio_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaPortfolioPage *self = LIA_PORTFOLIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_NODE: g_value_set_object (value, self->node); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, manager_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, deputy_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, staffing_error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, accounts_value);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, contract_value);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, last_contact_value);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, open_events_value);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, sla_value);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, next_review_value);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, followups_value);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, note_kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, LiaPortfolioPage, timeline_bin);
}

static void
lia_portfolio_page_class_init (LiaPortfolioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_portfolio_page_dispose;
  object_class->get_property = lia_portfolio_page_get_property;

  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL, LIA_TYPE_PORTFOLIO_NODE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-portfolio-page.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_staffing_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  lia_portfolio_page_class_init_actions (widget_class);
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
lia_portfolio_page_init (LiaPortfolioPage *self)
{
  g_autoptr(GtkStringList) kinds = lia_note_kind_labels_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->note_kind_row, G_LIST_MODEL (kinds));
  gtk_list_box_set_placeholder (self->contacts_list,
                                new_placeholder (_("No contacts at the group’s companies and sites yet")));
  gtk_list_box_set_placeholder (self->notes_list, new_placeholder (_("No notes yet")));
  lia_portfolio_page_update_actions (self);
}
