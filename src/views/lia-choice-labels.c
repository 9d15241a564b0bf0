/* lia-choice-labels.c — string lists for drop-downs over small vocabularies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
