/* lia-agenda-list.h — the meetings of a month, day by day: the calendar
 * on a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIA_TYPE_AGENDA_LIST (lia_agenda_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaAgendaList, lia_agenda_list, LIA, AGENDA_LIST, GtkWidget)

GtkWidget  *lia_agenda_list_new             (void);
/* Shows the LiaOccurrence items of @occurrences that start on a local
 * day in [@first, @after_last); %NULL shows none. */
void        lia_agenda_list_set_occurrences (LiaAgendaList *self,
                                             GListModel    *occurrences,
                                             const GDate   *first,
                                             const GDate   *after_last);
void        lia_agenda_list_set_today       (LiaAgendaList *self,
                                             const GDate   *today);
/* Focuses (and so scrolls to) the first meeting on or after @date. */
gboolean    lia_agenda_list_focus_date      (LiaAgendaList *self,
                                             const GDate   *date);
GListModel *lia_agenda_list_get_model       (LiaAgendaList *self);

G_END_DECLS
