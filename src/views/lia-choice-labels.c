/* lia-choice-labels.c — string lists for drop-downs over small vocabularies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-note.h"
#include "lia-choice-labels.h"
#include "lia-choice.h"
#include "lia-staff-member.h"

GtkStringList *
lia_choice_labels_new (GListModel *choices,
                       const char *first_label)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (choices);

  if (first_label != NULL)
    gtk_string_list_append (labels, first_label);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaChoice) choice = g_list_model_get_item (choices, i);
      gtk_string_list_append (labels, lia_choice_get_name (choice));
    }

  return labels;
}

/* Returns NULL for the leading entry or an invalid position. */
const char *
lia_choice_labels_get_id (GListModel *choices,
                          gboolean    has_first,
                          guint       position)
{
  g_autoptr(LiaChoice) choice = NULL;

  if (position == GTK_INVALID_LIST_POSITION || (has_first && position == 0))
    return NULL;

  choice = g_list_model_get_item (choices, has_first ? position - 1 : position);
  /* The book's list keeps its own reference, so the id outlives @choice. */
  return choice ? lia_choice_get_id (choice) : NULL;
}

guint
lia_choice_labels_find (GListModel *choices,
                        gboolean    has_first,
                        const char *id)
{
  guint n = g_list_model_get_n_items (choices);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(LiaChoice) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (lia_choice_get_id (choice), id) == 0)
        return has_first ? i + 1 : i;
    }

  return has_first ? 0 : GTK_INVALID_LIST_POSITION;
}

GtkStringList *
lia_staff_labels_new (GListModel         *staff,
                      const char * const *leading)
{
  GtkStringList *labels = gtk_string_list_new ((const char * const *)leading);
  guint n = g_list_model_get_n_items (staff);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaStaffMember) member = g_list_model_get_item (staff, i);
      gtk_string_list_append (labels, lia_staff_member_get_name (member));
    }

  return labels;
}

/* Returns 0 for a leading entry (the caller knows what each one means). */
gint64
lia_staff_labels_get_id (GListModel *staff,
                         guint       n_leading,
                         guint       position)
{
  g_autoptr(LiaStaffMember) member = NULL;

  if (position == GTK_INVALID_LIST_POSITION || position < n_leading)
    return 0;

  member = g_list_model_get_item (staff, position - n_leading);
  return member ? lia_staff_member_get_id (member) : 0;
}

guint
lia_staff_labels_find (GListModel *staff,
                       guint       n_leading,
                       gint64      id)
{
  guint n = g_list_model_get_n_items (staff);

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(LiaStaffMember) member = g_list_model_get_item (staff, i);

      if (lia_staff_member_get_id (member) == id)
        return i + n_leading;
    }

  return 0;
}

GtkStringList *
lia_state_labels_new (const char *first_label)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (first_label != NULL)
    gtk_string_list_append (labels, first_label);
  for (LiaAccountState s = LIA_ACCOUNT_STATE_PROSPECT; s <= LIA_ACCOUNT_STATE_CLOSED; s++)
    gtk_string_list_append (labels, lia_account_state_to_label (s));

  return labels;
}

GtkStringList *
lia_channel_labels_new (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (LiaChannel c = LIA_CHANNEL_DIRECT; c <= LIA_CHANNEL_PHONE; c++)
    gtk_string_list_append (labels, lia_channel_to_label (c));

  return labels;
}

GtkStringList *
lia_contact_channel_labels_new (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (LiaContactChannel c = LIA_CONTACT_CHANNEL_EMAIL; c <= LIA_CONTACT_CHANNEL_LETTER; c++)
    gtk_string_list_append (labels, lia_contact_channel_to_label (c));

  return labels;
}

GtkStringList *
lia_inquiry_channel_labels_new (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (LiaInquiryChannel c = LIA_INQUIRY_CHANNEL_PHONE; c <= LIA_INQUIRY_CHANNEL_MEETING; c++)
    gtk_string_list_append (labels, lia_inquiry_channel_to_label (c));

  return labels;
}

/* Active staff in picker order: account managers first, then the rest,
 * each by name (the book's order). Returns new references. */
static GPtrArray *
active_staff (GListModel *staff)
{
  GPtrArray *managers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (staff);

  for (guint i = 0; i < n; i++)
    {
      LiaStaffMember *member = g_list_model_get_item (staff, i);

      if (!lia_staff_member_get_active (member))
        g_object_unref (member);
      else if (lia_staff_member_get_role (member) == LIA_STAFF_ROLE_ACCOUNT_MANAGER)
        g_ptr_array_add (managers, member);
      else
        g_ptr_array_add (others, member);
    }

  /* @others' references move into @managers. */
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (managers, others->pdata[i]);
  return managers;
}

GtkStringList *
lia_active_staff_labels_new (GListModel *staff,
                             const char *first_label)
{
  g_autoptr(GPtrArray) members = active_staff (staff);
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (first_label != NULL)
    gtk_string_list_append (labels, first_label);
  for (guint i = 0; i < members->len; i++)
    gtk_string_list_append (labels, lia_staff_member_get_name (members->pdata[i]));

  return labels;
}

/* Returns 0 for the leading entry or an invalid position. */
gint64
lia_active_staff_labels_get_id (GListModel *staff,
                                gboolean    has_first,
                                guint       position)
{
  g_autoptr(GPtrArray) members = active_staff (staff);
  guint index;

  if (position == GTK_INVALID_LIST_POSITION || (has_first && position == 0))
    return 0;

  index = has_first ? position - 1 : position;
  return index < members->len ? lia_staff_member_get_id (members->pdata[index]) : 0;
}

/* The leading entry (or no position) when @id is nobody active. */
guint
lia_active_staff_labels_find (GListModel *staff,
                              gboolean    has_first,
                              gint64      id)
{
  g_autoptr(GPtrArray) members = active_staff (staff);

  for (guint i = 0; id != 0 && i < members->len; i++)
    if (lia_staff_member_get_id (members->pdata[i]) == id)
      return has_first ? i + 1 : i;

  return has_first ? 0 : GTK_INVALID_LIST_POSITION;
}

static LiaStaffMember *
find_member (GListModel *staff,
             gint64      id)
{
  guint n = g_list_model_get_n_items (staff);

  for (guint i = 0; id != 0 && i < n; i++)
    {
      g_autoptr(LiaStaffMember) member = g_list_model_get_item (staff, i);

      if (lia_staff_member_get_id (member) == id)
        return g_steal_pointer (&member);
    }

  return NULL;
}

gboolean
lia_staff_is_active (GListModel *staff,
                     gint64      id)
{
  g_autoptr(LiaStaffMember) member = find_member (staff, id);

  return member != NULL && lia_staff_member_get_active (member);
}

/* NULL for nobody; the book's staff list keeps the string alive. */
const char *
lia_staff_name (GListModel *staff,
                gint64      id)
{
  g_autoptr(LiaStaffMember) member = find_member (staff, id);

  return member ? lia_staff_member_get_name (member) : NULL;
}

GtkStringList *
lia_staff_role_labels_new (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (LiaStaffRole r = LIA_STAFF_ROLE_ACCOUNT_MANAGER; r <= LIA_STAFF_ROLE_OTHER; r++)
    gtk_string_list_append (labels, lia_staff_role_to_label (r));

  return labels;
}

const char *
lia_unit_kind_to_label (LiaUnitKind kind)
{
  switch (kind)
    {
    case LIA_UNIT_KIND_COMPANY: return _("Company");
    case LIA_UNIT_KIND_SITE:    return _("Site");
    default:                    g_return_val_if_reached ("");
    }
}

const char *
lia_contact_kind_to_label (LiaContactKind kind)
{
  switch (kind)
    {
    case LIA_CONTACT_KIND_CALL:  return C_("contact kind", "Call");
    case LIA_CONTACT_KIND_VISIT: return C_("contact kind", "Visit");
    case LIA_CONTACT_KIND_EMAIL: return C_("contact kind", "Email");
    default:                     g_return_val_if_reached ("");
    }
}

/* Takes an int so this header need not include the note's. */
const char *
lia_note_kind_to_label (int kind)
{
  switch (kind)
    {
    case LIA_NOTE_KIND_PREFERENCE:       return _("Preference");
    case LIA_NOTE_KIND_ANTICIPATED_NEED: return _("Anticipated need");
    default:                             g_return_val_if_reached ("");
    }
}

GtkStringList *
lia_unit_kind_labels_new (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (LiaUnitKind k = LIA_UNIT_KIND_COMPANY; k <= LIA_UNIT_KIND_SITE; k++)
    gtk_string_list_append (labels, lia_unit_kind_to_label (k));

  return labels;
}

GtkStringList *
lia_note_kind_labels_new (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (int k = LIA_NOTE_KIND_PREFERENCE; k <= LIA_NOTE_KIND_ANTICIPATED_NEED; k++)
    gtk_string_list_append (labels, lia_note_kind_to_label (k));

  return labels;
}

/**
 * lia_staff_picked_id:
 * @position: the picker's selection; 0 is its leading "None"
 * @current_id: who the account has now
 *
 * Someone deactivated is not offered, so the picker shows "None" for
 * them; that keeps them until a new person is picked, rather than
 * silently clearing the field.
 */
gint64
lia_staff_picked_id (GListModel *staff,
                     guint       position,
                     gint64      current_id)
{
  gint64 id = lia_active_staff_labels_get_id (staff, TRUE, position);

  if (id == 0 && current_id != 0 && !lia_staff_is_active (staff, current_id))
    return current_id;
  return id;
}

/**
 * lia_staff_check_manager:
 *
 * The model's rule, said before saving: corporate and key accounts need
 * an active designated manager.
 */
gboolean
lia_staff_check_manager (LiaBook     *book,
                         LiaAccount  *account,
                         GError     **error)
{
  const char *segment = lia_account_get_segment_id (account);

  if (!lia_book_segment_requires_manager (book, segment) ||
      lia_staff_is_active (lia_book_get_staff (book), lia_account_get_manager_id (account)))
    return TRUE;

  /* Translators: %s is a segment, e.g. "A Corporate account needs…" */
  g_set_error (error, LIA_ERROR, LIA_ERROR_MANAGER_REQUIRED,
               _("A %s account needs an active account manager"),
               lia_book_get_segment_name (book, segment));
  return FALSE;
}

#define STAFF_PICKER_ID "lia-staff-picker-id"

static void
staff_picker_remember (AdwComboRow *row,
                       GListModel  *staff)
{
  gint64 id = lia_active_staff_labels_get_id (staff, TRUE, adw_combo_row_get_selected (row));

  g_object_set_data_full (G_OBJECT (row), STAFF_PICKER_ID, g_memdup2 (&id, sizeof id), g_free);
}

static void
on_staff_picker_selected_cb (AdwComboRow *row,
                             GParamSpec  *pspec,
                             GListModel  *staff)
{
  staff_picker_remember (row, staff);
}

/**
 * lia_staff_picker_init:
 *
 * Keeps, on every change of the selection, the id of the person shown
 * (0 for "None"). Positions mean nothing once the staff list changed;
 * the id does.
 */
void
lia_staff_picker_init (AdwComboRow *row,
                       GListModel  *staff)
{
  g_signal_connect_object (row, "notify::selected",
                           G_CALLBACK (on_staff_picker_selected_cb), staff, 0);
  staff_picker_remember (row, staff);
}

gint64
lia_staff_picker_get_id (AdwComboRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), STAFF_PICKER_ID);

  return id ? *id : 0;
}

/* New labels for the staff as they are now, showing @id (or "None"). */
void
lia_staff_picker_refill (AdwComboRow *row,
                         GListModel  *staff,
                         const char  *none_label,
                         gint64       id)
{
  g_autoptr(GtkStringList) labels = lia_active_staff_labels_new (staff, none_label);

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, lia_active_staff_labels_find (staff, TRUE, id));
  staff_picker_remember (row, staff);
}
