/* lia-event-labels.c — what the event views show for kinds, statuses,
 * SLA states and performers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-enum-types.h"
#include "lia-event-labels.h"
#include "lia-event-repository.h"
#include "lia-staff-member.h"
#include "lia-vendor.h"

/* Icons of the Adwaita theme that Debian 12 and the Flatpak runtime share. */
const char *
lia_event_kind_icon_name (LiaEventKind kind)
{
  switch (kind)
    {
    case LIA_EVENT_KIND_INCIDENT:    return "dialog-warning-symbolic";
    case LIA_EVENT_KIND_MAINTENANCE: return "emblem-system-symbolic";
    case LIA_EVENT_KIND_REQUEST:     return "emblem-documents-symbolic";
    case LIA_EVENT_KIND_PROPOSAL:    return "x-office-presentation-symbolic";
    case LIA_EVENT_KIND_INQUIRY:     return "dialog-question-symbolic";
    case LIA_EVENT_KIND_CALL:        return "call-start-symbolic";
    case LIA_EVENT_KIND_VISIT:       return "find-location-symbolic";
    case LIA_EVENT_KIND_EMAIL:       return "mail-unread-symbolic";
    default:                         g_return_val_if_reached ("text-x-generic-symbolic");
    }
}

const char *
lia_sla_state_to_label (LiaSlaState state)
{
  switch (state)
    {
    case LIA_SLA_STATE_RUNNING:  return _("SLA running");
    case LIA_SLA_STATE_AT_RISK:  return _("SLA at risk");
    case LIA_SLA_STATE_MET:      return _("SLA met");
    case LIA_SLA_STATE_BREACHED: return _("SLA breached");
    case LIA_SLA_STATE_PAUSED:   return _("SLA paused");
    case LIA_SLA_STATE_NONE:     return NULL;
    default:                     g_return_val_if_reached (NULL);
    }
}

static const char *
sla_state_css_class (LiaSlaState state)
{
  switch (state)
    {
    case LIA_SLA_STATE_MET:      return "success";
    case LIA_SLA_STATE_AT_RISK:  return "warning";
    case LIA_SLA_STATE_BREACHED: return "error";
    default:                     return "dim-label";
    }
}

/**
 * lia_sla_badge_update:
 *
 * Makes @badge (a label styled "lia-pill") say @state in the colour of
 * its urgency, or hides it for an event without targets.
 */
void
lia_sla_badge_update (GtkLabel    *badge,
                      LiaSlaState  state)
{
  const char *classes[] = { "lia-pill", sla_state_css_class (state), NULL };
  const char *label = lia_sla_state_to_label (state);

  gtk_widget_set_css_classes (GTK_WIDGET (badge), classes);
  gtk_label_set_label (badge, label ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (badge), label != NULL);
}

typedef const char *(*LabelFunc) (int value);

static GtkStringList *
enum_labels_new (const char *first_label,
                 int         n_values,
                 LabelFunc   label)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (first_label != NULL)
    gtk_string_list_append (labels, first_label);
  for (int i = 0; i < n_values; i++)
    gtk_string_list_append (labels, label (i));

  return labels;
}

GtkStringList *
lia_event_kind_labels_new (const char *first_label)
{
  return enum_labels_new (first_label, LIA_EVENT_KIND_EMAIL + 1, (LabelFunc)lia_event_kind_to_label);
}

GtkStringList *
lia_event_status_labels_new (const char *first_label)
{
  return enum_labels_new (first_label, LIA_EVENT_STATUS_CLOSED + 1,
                          (LabelFunc)lia_event_status_to_label);
}

/* NONE is what kinds without a severity have, never a choice. */
GtkStringList *
lia_severity_labels_new (void)
{
  return enum_labels_new (NULL, LIA_SEVERITY_LOW + 1, (LabelFunc)lia_severity_to_label);
}

GtkStringList *
lia_event_source_labels_new (void)
{
  return enum_labels_new (NULL, LIA_EVENT_SOURCE_VISIT + 1, (LabelFunc)lia_event_source_to_label);
}

GMenuModel *
lia_event_status_menu_new (const char *action)
{
  GMenu *menu = g_menu_new ();

  for (LiaEventStatus s = LIA_EVENT_STATUS_OPEN; s <= LIA_EVENT_STATUS_CLOSED; s++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (lia_event_status_to_label (s), NULL);

      g_menu_item_set_action_and_target_value (item, action,
                                               g_variant_new_string (lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, s)));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static void
append_performer (GtkStringList *labels,
                  GArray        *performers,
                  const char    *label,
                  gint64         staff_id,
                  gint64         vendor_id)
{
  LiaPerformer performer = { staff_id, vendor_id };

  gtk_string_list_append (labels, label);
  g_array_append_val (performers, performer);
}

static void
append_staff (GtkStringList *labels,
              GArray        *performers,
              GListModel    *staff,
              gboolean       active_only)
{
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(LiaStaffMember) member = g_list_model_get_item (staff, i);

      if (!active_only || lia_staff_member_get_active (member))
        append_performer (labels, performers, lia_staff_member_get_name (member),
                          lia_staff_member_get_id (member), 0);
    }
}

static void
append_vendors (GtkStringList *labels,
                GArray        *performers,
                GListModel    *vendors,
                gboolean       active_only)
{
  for (guint i = 0; i < g_list_model_get_n_items (vendors); i++)
    {
      g_autoptr(LiaVendor) vendor = g_list_model_get_item (vendors, i);
      g_autofree char *label = NULL;

      if (active_only && !lia_vendor_get_active (vendor))
        continue;
      label = lia_format_vendor (lia_vendor_get_name (vendor));
      append_performer (labels, performers, label, 0, lia_vendor_get_id (vendor));
    }
}

GtkStringList *
lia_performer_labels_new (LiaBook     *book,
                          const char  *first_label,
                          gboolean     active_only,
                          GArray     **out_performers)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GArray *performers = g_array_new (FALSE, FALSE, sizeof (LiaPerformer));

  append_performer (labels, performers, first_label, 0, 0);
  append_staff (labels, performers, lia_book_get_staff (book), active_only);
  append_vendors (labels, performers, lia_event_repository_get_vendors (lia_book_get_events (book)),
                  active_only);

  *out_performers = performers;
  return labels;
}

/* The position of that staff member or vendor; 0 (the first label) when
 * not listed. */
guint
lia_performer_find (GArray *performers,
                    gint64  staff_id,
                    gint64  vendor_id)
{
  for (guint i = 0; i < performers->len; i++)
    {
      LiaPerformer *p = &g_array_index (performers, LiaPerformer, i);

      if (p->staff_id == staff_id && p->vendor_id == vendor_id)
        return i;
    }

  return 0;
}

char *
lia_format_vendor (const char *name)
{
  /* Translators: a vendor among people who did things; %s is its name */
  return g_strdup_printf (_("%s (vendor)"), name);
}
