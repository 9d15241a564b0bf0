/* lia-follow-up-row.c — one follow-up as a list row: what, by when,
 * whose, and buttons to settle it
 *
 * Shared by the meeting page (its own follow-ups) and the Follow-ups
 * area (everyone's open ones, with where they came from).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-follow-up-row.h"

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *label,
                 const char *prefix,
                 const char *action,
                 gint64      target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);
  g_autofree char *name = g_strconcat (prefix, ".", action, NULL);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), name);
  return button;
}

static GtkWidget *
new_pill (const char *text,
          const char *css_class)
{
  GtkWidget *pill = gtk_label_new (text);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "lia-pill");
  if (css_class != NULL)
    gtk_widget_add_css_class (pill, css_class);
  return pill;
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

/* "Due 3 Mar 2026 · Harbor Logistics · from Quarterly review · Morgan" */
static char *
describe (LiaFollowUp *follow_up,
          gboolean     with_source)
{
  const GDate *due = lia_follow_up_get_due_date (follow_up);
  const char *owner = lia_follow_up_get_owner_name (follow_up);
  const char *meeting = lia_follow_up_get_meeting_title (follow_up);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *source = NULL;
  char date[64] = "";

  if (due != NULL && g_date_valid (due))
    /* Translators: a due day, see strftime() */
    g_date_strftime (date, sizeof date, C_("due date", "%-d %b %Y"), due);
  g_string_printf (text, _("Due %s"), date);
  if (with_source)
    {
      append_part (text, lia_follow_up_get_account_name (follow_up));
      /* Translators: where a follow-up came from: a meeting's title */
      source = meeting && *meeting ? g_strdup_printf (_("from %s"), meeting)
             : lia_follow_up_get_event_id (follow_up) ? g_strdup (_("from an event")) : NULL;
      append_part (text, source);
    }
  append_part (text, owner && *owner ? owner : C_("owner", "Nobody"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GtkWidget *
lia_follow_up_row_new (LiaFollowUp *follow_up,
                       gint64       now,
                       const char  *prefix,
                       gboolean     with_source)
{
  LiaFollowUpStatus status = lia_follow_up_get_status (follow_up);
  gint64 id = lia_follow_up_get_id (follow_up);
  g_autofree char *subtitle = describe (follow_up, with_source);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_follow_up_get_summary (follow_up));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "lia-follow-up", g_object_ref (follow_up), g_object_unref);

  if (status != LIA_FOLLOW_UP_STATUS_OPEN)
    {
      gtk_widget_add_css_class (row, "lia-follow-up-closed");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_pill (lia_follow_up_status_to_label (status), NULL));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("edit-undo-symbolic", _("Reopen"), prefix, "follow-up-reopen", id));
      return row;
    }

  if (lia_follow_up_is_overdue (follow_up, now))
    {
      gtk_widget_add_css_class (row, "lia-follow-up-overdue");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_pill (_("Overdue"), "lia-overdue"));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("object-select-symbolic", _("Mark as Done"), prefix, "follow-up-done", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("edit-delete-symbolic", _("Drop"), prefix, "follow-up-drop", id));
  return row;
}

LiaFollowUp *
lia_follow_up_row_get_item (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "lia-follow-up");
}

LiaFollowUpStatus
lia_follow_up_row_action_status (const char *action_name)
{
  if (g_str_has_suffix (action_name, ".follow-up-done"))
    return LIA_FOLLOW_UP_STATUS_DONE;
  if (g_str_has_suffix (action_name, ".follow-up-drop"))
    return LIA_FOLLOW_UP_STATUS_DROPPED;
  return LIA_FOLLOW_UP_STATUS_OPEN;
}
