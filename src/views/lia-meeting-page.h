/* lia-meeting-page.h — one meeting: when and with whom, its minutes,
 * outcome and rating, and what was promised there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-book.h"
#include "lia-occurrence.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_PAGE (lia_meeting_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaMeetingPage, lia_meeting_page, LIA, MEETING_PAGE, GtkWidget)

void           lia_meeting_page_set_book        (LiaMeetingPage *self,
                                                 LiaBook        *book);
/* Shows one occurrence of a meeting (@recurrence_id: the start its
 * series gave it); 0, 0 shows nothing. Unsaved minutes of the one shown
 * before are saved first. */
void           lia_meeting_page_set_occurrence  (LiaMeetingPage *self,
                                                 gint64          meeting_id,
                                                 gint64          recurrence_id);
/* NULL when nothing is shown, or it no longer exists. */
LiaOccurrence *lia_meeting_page_get_occurrence  (LiaMeetingPage *self);
gboolean       lia_meeting_page_save_minutes    (LiaMeetingPage *self,
                                                 GError        **error);

G_END_DECLS
