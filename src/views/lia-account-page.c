/* lia-account-page.c — one account: details, lifecycle, contacts,
 * inquiries, history and audit trail
 *
 * The page shows its own copy of the stored account and re-reads it when
 * the book says the account changed, whoever changed it. Edits go to a
 * further copy that reaches the book only on Save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-account-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-account-page-private.h"
#include "lia-account-repository.h"
#include "lia-audit-entry.h"
#include "lia-choice-labels.h"
#include "lia-credential-repository.h"
#include "lia-enum-types.h"
#include "lia-format.h"
#include "lia-history-entry.h"
#include "lia-inquiry.h"
#include "lia-meeting-repository.h"
#include "lia-money.h"
#include "lia-timeline-view.h"
#include "lia-toast.h"

G_DEFINE_FINAL_TYPE (LiaAccountPage, lia_account_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_ACCOUNT, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaAccountRepository *
repository (LiaAccountPage *self)
{
  return lia_book_get_accounts (self->book);
}

guint
lia_account_page_get_interval_days (LiaAccountPage *self)
{
  return g_settings_get_uint (self->settings, "verification-interval-days");
}

/* Shown without the currency code, which has a row of its own. */
static char *
format_value (LiaAccount *account)
{
  const char *currency = lia_account_get_currency (account);
  g_autofree char *text = lia_money_format (lia_account_get_contract_value (account), currency);

  if (currency != NULL && g_str_has_suffix (text, currency))
    text[strlen (text) - strlen (currency)] = '\0';
  return g_strstrip (g_steal_pointer (&text));
}

static void
set_editable_text (gpointer    editable,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

/* Says who is gone (a deactivated manager is not in the picker), when a
 * manager is required, and what cadence 0 stands for. */
static void
update_staffing_hints (LiaAccountPage *self,
                       LiaAccount     *shown)
{
  GListModel *staff = lia_book_get_staff (self->book);
  /* What the picker shows (a deactivated manager stays until replaced). */
  gint64 manager_id = lia_account_get_manager_id (shown);
  const char *segment = lia_account_get_segment_id (shown);
  guint segment_days = lia_book_get_segment_cadence (self->book, segment);
  g_autofree char *hint = NULL;
  g_autofree char *cadence = NULL;

  if (manager_id != 0 && !lia_staff_is_active (staff, manager_id))
    /* Translators: %s is a deactivated staff member */
    hint = g_strdup_printf (_("%s is no longer active: choose a new manager"),
                            lia_staff_name (staff, manager_id));
  else if (lia_book_segment_requires_manager (self->book, segment))
    hint = g_strdup (_("Required for this segment"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->manager_row), hint ? hint : "");

  if (segment_days > 0)
    /* Translators: %u is a number of days */
    cadence = g_strdup_printf (ngettext ("0 uses the segment’s: %u day", "0 uses the segment’s: %u days",
                                         segment_days), segment_days);
  else
    cadence = g_strdup (_("0 uses the segment’s: none"));
  adw_action_row_set_subtitle (self->cadence_row, cadence);
}

static void
fill_fields (LiaAccountPage *self)
{
  LiaAccount *a = self->account;
  GListModel *staff = lia_book_get_staff (self->book);
  g_autofree char *value = format_value (a);

  self->filling = TRUE;
  set_editable_text (self->name_row, lia_account_get_name (a));
  set_editable_text (self->number_row, lia_account_get_number (a));
  adw_combo_row_set_selected (self->segment_row,
                              lia_choice_labels_find (lia_book_get_segments (self->book), FALSE,
                                                      lia_account_get_segment_id (a)));
  adw_combo_row_set_selected (self->plan_row,
                              lia_choice_labels_find (lia_book_get_service_plans (self->book), TRUE,
                                                      lia_account_get_service_plan_id (a)));
  adw_combo_row_set_selected (self->channel_row, lia_account_get_channel (a));
  /* Deactivated people are not offered: the picker shows "None" for them. */
  adw_combo_row_set_selected (self->manager_row,
                              lia_active_staff_labels_find (staff, TRUE, lia_account_get_manager_id (a)));
  adw_combo_row_set_selected (self->deputy_row,
                              lia_active_staff_labels_find (staff, TRUE, lia_account_get_deputy_id (a)));
  adw_combo_row_set_selected (self->kind_row, lia_account_get_unit_kind (a));
  gtk_spin_button_set_value (self->cadence_spin, lia_account_get_contact_cadence_days (a));
  set_editable_text (self->value_row, value);
  set_editable_text (self->currency_row, lia_account_get_currency (a));
  set_editable_text (self->address_row, lia_account_get_address (a));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            lia_account_get_notes (a) ? lia_account_get_notes (a) : "", -1);
  self->filling = FALSE;

  self->dirty = FALSE;
  self->valid = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), FALSE);
  update_staffing_hints (self, a);
}

static void
update_state_label (LiaAccountPage  *self,
                    LiaAccountState  state)
{
  g_autofree char *css = g_strdup_printf ("lia-state-%s",
                                          lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, state));

  if (self->state_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), self->state_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), css);
  g_free (self->state_class);
  self->state_class = g_steal_pointer (&css);
  gtk_label_set_label (self->state_label, lia_account_state_to_label (state));
}

/* The lifecycle menu offers only the moves the model allows from here. */
static void
update_transition_menu (LiaAccountPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  LiaAccountState from = lia_account_get_state (self->account);

  for (LiaAccountState to = LIA_ACCOUNT_STATE_PROSPECT; to <= LIA_ACCOUNT_STATE_CLOSED; to++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;

      if (!lia_account_state_can_transition (from, to))
        continue;

      /* Translators: a menu item; %s is a lifecycle state such as "Dormant" */
      label = g_strdup_printf (_("Move to %s…"), lia_account_state_to_label (to));
      action = g_strdup_printf ("account.transition::%s",
                                lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, to));
      g_menu_append (menu, label, action);
    }

  gtk_menu_button_set_menu_model (self->transition_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->transition_button),
                            g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0 &&
                            !lia_book_is_read_only (self->book));
}

static void
update_parent_row (LiaAccountPage *self)
{
  gint64 parent_id = lia_account_get_parent_id (self->account);
  g_autoptr(LiaAccount) parent = NULL;
  g_autoptr(GError) error = NULL;

  if (parent_id == 0)
    {
      adw_action_row_set_subtitle (self->parent_row,
                                   _("None: a company on its own or the top of a group"));
      return;
    }

  /* A parent that cannot be read is not "None": say what went wrong. */
  parent = lia_account_repository_lookup (repository (self), parent_id, &error);
  adw_action_row_set_subtitle (self->parent_row,
                               parent ? lia_account_get_name (parent) : error->message);
}

static void
update_summary (LiaAccountPage *self)
{
  LiaAccount *a = self->account;
  const char *segment = lia_book_get_segment_name (self->book, lia_account_get_segment_id (a));
  gint64 verified_at = lia_account_get_last_verified_at (a);
  gint64 now = lia_book_now (self->book);
  g_autofree char *summary = NULL;
  g_autofree char *verified = NULL;
  g_autofree char *verified_line = NULL;

  summary = g_strdup_printf ("%s · %s · %s", lia_account_get_number (a),
                             segment ? segment : lia_account_get_segment_id (a),
                             lia_channel_to_label (lia_account_get_channel (a)));
  verified = lia_format_last_verified (verified_at, now);
  /* Translators: %s is a date, "Today", "Yesterday" or "Never" */
  verified_line = g_strdup_printf (_("Last verified: %s"), verified);

  gtk_label_set_label (self->name_label, lia_account_get_name (a));
  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->verified_label, verified_line);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label),
                          lia_account_is_due_for_update (a, now,
                                                         lia_account_page_get_interval_days (self)));
  update_state_label (self, lia_account_get_state (a));
  update_transition_menu (self);
  update_parent_row (self);
  lia_account_page_update_review (self);
}

/**
 * lia_account_page_update_review:
 *
 * "Next review due 12 Mar 2026" from the last review held and the
 * segment's cadence; nothing for a segment that expects none.
 */
void
lia_account_page_update_review (LiaAccountPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  gint64 due;
  gboolean overdue;

  due = lia_meeting_repository_next_review_due (lia_book_get_meetings (self->book),
                                                lia_account_get_id (self->account), &error);
  gtk_widget_set_visible (GTK_WIDGET (self->review_label), due > 0 || error != NULL);
  if (error != NULL)
    {
      gtk_label_set_label (self->review_label, error->message);
      return;
    }
  if (due <= 0)
    return;

  date = lia_format_date (due);
  overdue = due < lia_book_now (self->book);
  /* Translators: %s is a date */
  text = g_strdup_printf (overdue ? _("Review overdue since %s") : _("Next review due %s"), date);
  gtk_label_set_label (self->review_label, text);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->review_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->review_label), "warning");
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

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *action,
                 gint64      target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
  return button;
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
  g_autofree char *prefers = NULL;
  GtkWidget *row;
  gint64 id = lia_contact_get_id (contact);

  /* Translators: %s is a contact channel such as "Email" */
  prefers = g_strdup_printf (_("prefers %s"),
                             lia_contact_channel_to_label (lia_contact_get_preferred_channel (contact)));
  append_part (details, lia_contact_get_key_contact (contact) ? _("key contact") : NULL);
  append_part (details, lia_contact_get_role (contact));
  append_part (details, lia_contact_get_email (contact));
  append_part (details, lia_contact_get_phone (contact));
  append_part (details, prefers);

  row = new_row (lia_contact_get_name (contact), details->str);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("document-edit-symbolic", _("Edit Contact"),
                                              "account.edit-contact", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("mail-forward-symbolic", _("Move to Another Account"),
                                              "account.move-contact", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("user-info-symbolic", _("Personal Data…"),
                                              "account.personal-data", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("user-trash-symbolic", _("Remove Contact"),
                                              "account.remove-contact", id));
  return row;
}

static GtkWidget *
create_inquiry_row (gpointer item,
                    gpointer user_data)
{
  LiaInquiry *inquiry = item;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *date = lia_format_date (lia_inquiry_get_asked_at (inquiry));
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *advice;

  append_part (details, date);
  append_part (details, lia_inquiry_channel_to_label (lia_inquiry_get_channel (inquiry)));
  append_part (details, lia_inquiry_get_staff_name (inquiry));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_inquiry_get_question (inquiry));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), details->str);

  advice = new_row (_("Advice given"), lia_inquiry_get_advice (inquiry));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), advice);
  return row;
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  LiaHistoryEntry *entry = item;
  g_autofree char *when = lia_format_date_time (lia_history_entry_get_changed_at (entry));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  int from = lia_history_entry_get_from_state (entry);
  const char *to = lia_account_state_to_label (lia_history_entry_get_to_state (entry));

  if (from < 0)
    /* Translators: %s is a lifecycle state */
    title = g_strdup_printf (_("Created as %s"), to);
  else
    title = g_strdup_printf ("%s → %s", lia_account_state_to_label (from), to);

  /* Translators: reason, then who and when */
  subtitle = g_strdup_printf (_("“%s” — %s, %s"), lia_history_entry_get_reason (entry) ?: "",
                              lia_history_entry_get_actor (entry) ?: "", when);
  return new_row (title, subtitle);
}

static GtkWidget *
create_audit_row (gpointer item,
                  gpointer user_data)
{
  LiaAccountPage *self = user_data;
  LiaAuditEntry *entry = item;
  g_autofree char *change = lia_format_audit_change (entry, self->book);
  g_autofree char *when = lia_format_date_time (lia_audit_entry_get_changed_at (entry));
  g_autofree char *subtitle = g_strdup_printf ("%s, %s", lia_audit_entry_get_actor (entry) ?: "", when);

  return new_row (change, subtitle);
}

static void
bind_section (LiaAccountPage                *self,
              GtkListBox                    *list,
              GListModel                    *model,
              GtkListBoxCreateWidgetFunc     create)
{
  gtk_list_box_bind_model (list, model, create, self, NULL);
}

static void
reload_sections (LiaAccountPage *self)
{
  LiaAccountRepository *repo = repository (self);
  gint64 id = lia_account_get_id (self->account);
  g_autoptr(GListModel) inquiries = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->contacts);
  self->contacts = lia_account_repository_list_contacts (repo, id, &error);
  if (error == NULL)
    inquiries = lia_account_repository_list_inquiries (repo, id, &error);
  if (error == NULL)
    history = lia_account_repository_list_history (repo, id, &error);
  if (error == NULL)
    audit = lia_account_repository_list_audit (repo, id, &error);
  if (error != NULL)
    lia_toast_show (GTK_WIDGET (self), error->message);

  bind_section (self, self->contacts_list, self->contacts, create_contact_row);
  bind_section (self, self->inquiries_list, inquiries, create_inquiry_row);
  bind_section (self, self->history_list, history, create_history_row);
  bind_section (self, self->audit_list, audit, create_audit_row);
}

/* Re-reads the stored account after anyone changed it; unsaved edits in
 * the fields are kept. */
void
lia_account_page_reload (LiaAccountPage *self)
{
  g_autoptr(LiaAccount) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (self->account == NULL)
    return;

  fresh = lia_account_repository_lookup (repository (self), lia_account_get_id (self->account), &error);
  if (fresh == NULL)
    {
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  g_set_object (&self->account, fresh);
  if (!self->dirty)
    fill_fields (self);
  update_summary (self);
  reload_sections (self);
  lia_account_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/* A review planned or held moves the next one. */
static void
on_meeting_changed_cb (LiaAccountPage *self,
                       gint64          meeting_id,
                       gint64          account_id)
{
  if (self->account != NULL &&
      (account_id == 0 || account_id == lia_account_get_id (self->account)))
    lia_account_page_update_review (self);
}

static void
on_account_changed_cb (LiaAccountPage *self,
                       gint64          account_id,
                       gboolean        inserted,
                       LiaBook        *book)
{
  if (self->account != NULL &&
      (account_id == 0 || account_id == lia_account_get_id (self->account)))
    lia_account_page_reload (self);
}

/* The timeline tab is seldom the first thing looked at: it is built
 * when first shown, then follows the account shown. */
static void
update_timeline (LiaAccountPage *self)
{
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->section_stack), "timeline") == 0;

  if (self->account != NULL && (shown || adw_bin_get_child (self->timeline_bin) != NULL))
    lia_timeline_view_embed (self->timeline_bin, self->book, lia_account_get_id (self->account), FALSE);
}

static void
on_section_changed_cb (LiaAccountPage *self)
{
  update_timeline (self);
}

static void
on_field_changed_cb (LiaAccountPage *self)
{
  g_autoptr(LiaAccount) edited = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || self->account == NULL)
    return;

  self->dirty = TRUE;
  edited = lia_account_page_build_edited (self, &error);
  self->valid = edited != NULL && lia_account_validate (edited, &error) &&
                lia_staff_check_manager (self->book, edited, &error);
  if (edited != NULL)
    update_staffing_hints (self, edited);

  gtk_label_set_label (self->details_error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), error != NULL);
  lia_account_page_update_actions (self);
}

/**
 * lia_account_page_build_edited:
 *
 * A copy of the account with what the fields say, or %NULL if a field
 * cannot be read (the contract value, say).
 */
LiaAccount *
lia_account_page_build_edited (LiaAccountPage  *self,
                               GError         **error)
{
  g_autoptr(LiaAccount) edited = lia_account_copy (self->account);
  GListModel *staff = lia_book_get_staff (self->book);
  g_autofree char *currency = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row))));
  g_autofree char *notes = NULL;
  GtkTextIter start, end;
  gint64 value = 0;

  if (!lia_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->value_row)), currency, &value, error))
    return NULL;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->notes_view), &start, &end);
  notes = gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->notes_view), &start, &end, FALSE);

  lia_account_set_name (edited, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  lia_account_set_number (edited, gtk_editable_get_text (GTK_EDITABLE (self->number_row)));
  lia_account_set_segment_id (edited,
                              lia_choice_labels_get_id (lia_book_get_segments (self->book), FALSE,
                                                        adw_combo_row_get_selected (self->segment_row)));
  lia_account_set_service_plan_id (edited,
                                   lia_choice_labels_get_id (lia_book_get_service_plans (self->book), TRUE,
                                                             adw_combo_row_get_selected (self->plan_row)));
  lia_account_set_channel (edited, adw_combo_row_get_selected (self->channel_row));
  lia_account_set_manager_id (edited,
                              lia_staff_picked_id (staff, adw_combo_row_get_selected (self->manager_row),
                                                   lia_account_get_manager_id (self->account)));
  lia_account_set_deputy_id (edited,
                             lia_staff_picked_id (staff, adw_combo_row_get_selected (self->deputy_row),
                                                  lia_account_get_deputy_id (self->account)));
  lia_account_set_unit_kind (edited, adw_combo_row_get_selected (self->kind_row));
  lia_account_set_contact_cadence_days (edited, (guint)gtk_spin_button_get_value_as_int (self->cadence_spin));
  lia_account_set_contract_value (edited, value);
  lia_account_set_currency (edited, currency);
  lia_account_set_address (edited, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  lia_account_set_notes (edited, notes);

  return g_steal_pointer (&edited);
}

/* Whether the fields say something the book does not. */
gboolean
lia_account_page_has_unsaved_edits (LiaAccountPage *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_PAGE (self), FALSE);
  return self->account != NULL && self->dirty;
}

/**
 * lia_account_page_save:
 *
 * Writes the fields to the book. On failure the reason is shown under
 * the fields and returned.
 */
gboolean
lia_account_page_save (LiaAccountPage  *self,
                       GError         **error)
{
  g_autoptr(LiaAccount) edited = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIA_IS_ACCOUNT_PAGE (self), FALSE);
  g_return_val_if_fail (self->account != NULL, FALSE);

  if (!(edited = lia_account_page_build_edited (self, &local_error)) ||
      !lia_account_repository_save (repository (self), edited, &local_error))
    {
      gtk_label_set_label (self->details_error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The book's signal already re-read the account; now show it as saved. */
  self->dirty = FALSE;
  g_set_object (&self->account, edited);
  fill_fields (self);
  update_summary (self);
  lia_account_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
  return TRUE;
}

/**
 * lia_account_page_transition:
 *
 * Moves the account to @to with @reason: what the reason dialog's
 * confirm button does.
 */
gboolean
lia_account_page_transition (LiaAccountPage   *self,
                             LiaAccountState   to,
                             const char       *reason,
                             GError          **error)
{
  g_autoptr(LiaAccount) target = NULL;

  g_return_val_if_fail (LIA_IS_ACCOUNT_PAGE (self), FALSE);
  g_return_val_if_fail (self->account != NULL, FALSE);

  target = lia_account_copy (self->account);
  return lia_account_repository_transition (repository (self), target, to, reason, error);
}

static void
on_reason_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "apply", *reason != '\0');
}

/* ---- closing an account: its secrets need not outlive it ---- */

static void
on_credentials_removed_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(LiaAccountPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint n = 0;

  if (!lia_credential_repository_delete_for_account_finish (LIA_CREDENTIAL_REPOSITORY (source), result,
                                                            &n, &error))
    {
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }
  /* Translators: a toast; %u is a number of credentials */
  done = g_strdup_printf (ngettext ("Removed %u credential from the keyring",
                                    "Removed %u credentials from the keyring", n), n);
  lia_toast_show (GTK_WIDGET (self), done);
}

static void
on_remove_credentials_response_cb (AdwMessageDialog *dialog,
                                   const char       *response,
                                   LiaAccountPage   *self)
{
  gint64 account_id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "lia-account-id");

  if (g_strcmp0 (response, "remove") == 0 && self->book != NULL)
    lia_credential_repository_delete_for_account (lia_book_get_credentials (self->book), account_id, NULL,
                                                  on_credentials_removed_cb, g_object_ref (self));
}

/* Asked once the account is closed; keeping them is the safe default. */
static void
offer_credential_removal (LiaAccountPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 account_id = lia_account_get_id (self->account);
  guint n = lia_credential_repository_count_for_account (lia_book_get_credentials (self->book), account_id);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n == 0)
    return;

  /* Translators: %u is a number of credentials, %s an account's name */
  body = g_strdup_printf (ngettext ("Remove the %u credential of “%s” from the keyring? "
                                    "Kept, it stays listed with the closed account.",
                                    "Remove the %u credentials of “%s” from the keyring? "
                                    "Kept, they stay listed with the closed account.", n),
                          n, lia_account_get_name (self->account));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove Credentials?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "lia-account-id",
                          g_memdup2 (&account_id, sizeof account_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_credentials_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_reason_response_cb (LiaAccountPage   *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  LiaAccountState to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "lia-target-state"));
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (g_strcmp0 (response, "apply") != 0)
    return;

  if (!lia_account_page_transition (self, to, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      lia_toast_show (GTK_WIDGET (self), error->message);
      return;
    }

  /* Translators: a toast: an account moved on in its lifecycle; %s is the
   * state it is now in, e.g. "Active" */
  done = g_strdup_printf (C_("account moved to a state", "Moved to %s"), lia_account_state_to_label (to));
  lia_toast_show (GTK_WIDGET (self), done);
  if (to == LIA_ACCOUNT_STATE_CLOSED)
    offer_credential_removal (self);
}

/**
 * lia_account_page_request_transition:
 *
 * Asks for the reason every lifecycle change must carry, then applies it.
 */
void
lia_account_page_request_transition (LiaAccountPage  *self,
                                     LiaAccountState  to)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *from = lia_account_state_to_label (lia_account_get_state (self->account));
  const char *target = lia_account_state_to_label (to);
  g_autofree char *heading = g_strdup_printf (_("Move to %s?"), target);
  g_autofree char *body = NULL;
  g_autofree char *confirm = NULL;
  GtkWidget *dialog, *entry;

  /* Translators: account name, old state, new state */
  body = g_strdup_printf (_("“%s” moves from %s to %s. Give the reason; it is kept in the account’s history."),
                          lia_account_get_name (self->account), from, target);
  confirm = g_strdup_printf (_("Move to %s"), target);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for the change"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "apply", confirm, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              to >= LIA_ACCOUNT_STATE_CLOSING
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "lia-target-state", GINT_TO_POINTER (to));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reason_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Refills a picker of active staff when staff come and go: an unsaved
 * choice is kept by id, else the account's own is shown. */
static void
setup_staff_row (LiaAccountPage *self,
                 AdwComboRow    *row,
                 const char     *none_label,
                 gint64          stored_id)
{
  gboolean filling = self->filling;
  gint64 chosen = self->dirty ? lia_staff_picker_get_id (row) : stored_id;

  self->filling = TRUE;
  lia_staff_picker_refill (row, lia_book_get_staff (self->book), none_label, chosen);
  self->filling = filling;
}

static void
setup_manager_row (LiaAccountPage *self)
{
  setup_staff_row (self, self->manager_row, C_("manager", "None"),
                   self->account ? lia_account_get_manager_id (self->account) : 0);
  setup_staff_row (self, self->deputy_row, C_("deputy", "None"),
                   self->account ? lia_account_get_deputy_id (self->account) : 0);
}

static void
setup_choice_rows (LiaAccountPage *self)
{
  g_autoptr(GtkStringList) segments = lia_choice_labels_new (lia_book_get_segments (self->book), NULL);
  g_autoptr(GtkStringList) plans = lia_choice_labels_new (lia_book_get_service_plans (self->book),
                                                          C_("service plan", "None"));
  g_autoptr(GtkStringList) channels = lia_channel_labels_new ();
  g_autoptr(GtkStringList) kinds = lia_unit_kind_labels_new ();

  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->segment_row, G_LIST_MODEL (segments));
  adw_combo_row_set_model (self->plan_row, G_LIST_MODEL (plans));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  self->filling = FALSE;

  lia_staff_picker_init (self->manager_row, lia_book_get_staff (self->book));
  lia_staff_picker_init (self->deputy_row, lia_book_get_staff (self->book));
  setup_manager_row (self);
  g_signal_connect_object (lia_book_get_staff (self->book), "items-changed",
                           G_CALLBACK (setup_manager_row), self, G_CONNECT_SWAPPED);
}

void
lia_account_page_set_book (LiaAccountPage *self,
                           LiaBook        *book)
{
  g_return_if_fail (LIA_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  g_signal_connect_object (book, "account-changed", G_CALLBACK (on_account_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_meetings (book), "meeting-changed",
                           G_CALLBACK (on_meeting_changed_cb), self, G_CONNECT_SWAPPED);
  setup_choice_rows (self);
  lia_fields_group_set_book (self->fields_group, book);
  lia_credentials_group_set_book (self->credentials_group, book);

  /* A read-only book can be read, not changed. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->details_group), !lia_book_is_read_only (book));
  gtk_text_view_set_editable (self->notes_view, !lia_book_is_read_only (book));
}

LiaAccount *
lia_account_page_get_account (LiaAccountPage *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_PAGE (self), NULL);
  return self->account;
}

/**
 * lia_account_page_set_account:
 *
 * Shows @account (the page keeps a copy). Showing the account already
 * shown keeps unsaved edits.
 */
void
lia_account_page_set_account (LiaAccountPage *self,
                              LiaAccount     *account)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (LIA_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (self->book != NULL);

  if (account != NULL && self->account != NULL &&
      lia_account_get_id (account) == lia_account_get_id (self->account))
    return;

  g_clear_object (&self->account);
  if (account == NULL)
    {
      /* Nothing shown: nothing to save, and no account.* action applies. */
      self->dirty = FALSE;
      lia_fields_group_set_row (self->fields_group, LIA_FIELD_ENTITY_ACCOUNT, 0);
      lia_credentials_group_set_account (self->credentials_group, 0);
      lia_account_page_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
      return;
    }

  self->account = lia_account_copy (account);
  update_timeline (self);
  fill_fields (self);
  update_summary (self);
  reload_sections (self);
  lia_fields_group_set_row (self->fields_group, LIA_FIELD_ENTITY_ACCOUNT, lia_account_get_id (account));
  lia_credentials_group_set_account (self->credentials_group, lia_account_get_id (account));
  lia_account_page_update_actions (self);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

static void
lia_account_page_dispose (GObject *object)
{
  LiaAccountPage *self = (LiaAccountPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_ACCOUNT_PAGE);
  /* dispose_template() only drops the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->contacts);
  g_clear_object (&self->account);
  g_clear_object (&self->settings);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_account_page_parent_class)->dispose (object);
}

static void
lia_account_page_finalize (GObject *object)
{
  LiaAccountPage *self = (LiaAccountPage *)object;

  g_clear_pointer (&self->state_class, g_free);

  G_OBJECT_CLASS (lia_account_page_parent_class)->finalize (object);
}

static void
lia_account_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaAccountPage *self = LIA_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: g_value_set_object (value, self->account); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_account_page_class_init (LiaAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_account_page_dispose;
  object_class->finalize = lia_account_page_finalize;
  object_class->get_property = lia_account_page_get_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, LIA_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIA_TYPE_FIELDS_GROUP);
  g_type_ensure (LIA_TYPE_CREDENTIALS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/lia-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, verified_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, review_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, transition_button);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, number_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, segment_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, plan_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, manager_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, deputy_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, parent_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, value_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, fields_group);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, credentials_group);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, inquiries_list);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, audit_list);
  gtk_widget_class_bind_template_child (widget_class, LiaAccountPage, timeline_bin);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  lia_account_page_class_init_actions (widget_class);
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
lia_account_page_init (LiaAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_set_placeholder (self->contacts_list, new_placeholder (_("No contacts yet")));
  gtk_list_box_set_placeholder (self->inquiries_list, new_placeholder (_("No inquiries yet")));
  gtk_list_box_set_placeholder (self->history_list, new_placeholder (_("No changes yet")));
  gtk_list_box_set_placeholder (self->audit_list, new_placeholder (_("Nothing audited yet")));
  lia_account_page_update_actions (self);
}
