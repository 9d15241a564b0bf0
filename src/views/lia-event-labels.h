/* lia-event-labels.h — what the event views show for kinds, statuses,
 * SLA states and performers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-book.h"
#include "lia-enums.h"
#include "lia-sla.h"

G_BEGIN_DECLS

/* Who did it: one staff member or one vendor; both 0 for nobody. */
typedef struct
{
  gint64 staff_id;
  gint64 vendor_id;
} LiaPerformer;

const char    *lia_event_kind_icon_name     (LiaEventKind   kind);
/* The model has no labels for these yet. NULL for NONE: no badge. */
const char    *lia_sla_state_to_label       (LiaSlaState    state);
void           lia_sla_badge_update         (GtkLabel      *badge,
                                             LiaSlaState    state);

/* Labels of the event vocabularies, in enum order after @first_label. */
GtkStringList *lia_event_kind_labels_new    (const char    *first_label);
GtkStringList *lia_event_status_labels_new  (const char    *first_label);
GtkStringList *lia_severity_labels_new      (void);
GtkStringList *lia_event_source_labels_new  (void);
/* A menu of every status, each item activating @action with its nick. */
GMenuModel    *lia_event_status_menu_new    (const char    *action);

/* @first_label (e.g. "Anyone"), then staff, then vendors marked as such;
 * @out_performers gets one LiaPerformer per label. */
GtkStringList *lia_performer_labels_new     (LiaBook       *book,
                                             const char    *first_label,
                                             gboolean       active_only,
                                             GArray       **out_performers);
guint          lia_performer_find           (GArray        *performers,
                                             gint64         staff_id,
                                             gint64         vendor_id);
/* "CityFix Services (vendor)": a vendor among people. */
char          *lia_format_vendor            (const char    *name);

G_END_DECLS
