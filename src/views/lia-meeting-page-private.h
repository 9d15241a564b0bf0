/* lia-meeting-page-private.h — shared by the page and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-meeting.h"
#include "lia-meeting-page.h"

G_BEGIN_DECLS

struct _LiaMeetingPage
{
  GtkWidget          parent_instance;

  LiaBook           *book;
  gint64             meeting_id;
  gint64             recurrence_id;
  /* The series (rule, zone, attendees) and the occurrence shown */
  LiaMeeting        *meeting;
  LiaOccurrence     *occurrence;
  GListModel        *follow_ups;
  gboolean           filling;
  gboolean           dirty;

  /* Template children */
  GtkStack          *content_stack;
  GtkScrolledWindow *scrolled_window;
  AdwStatusPage     *error_status;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkLabel          *status_label;
  GtkLabel          *exception_label;
  GtkMenuButton     *status_button;
  AdwActionRow      *when_row;
  AdwActionRow      *repeat_row;
  AdwActionRow      *location_row;
  AdwActionRow      *organizer_row;
  GtkListBox        *attendees_list;
  AdwPreferencesGroup *agenda_group;
  GtkLabel          *agenda_label;
  GtkTextView       *minutes_view;
  AdwEntryRow       *outcome_row;
  GtkToggleButton   *rating_1;
  GtkToggleButton   *rating_2;
  GtkToggleButton   *rating_3;
  GtkToggleButton   *rating_4;
  GtkToggleButton   *rating_5;
  GtkListBox        *follow_ups_list;
};

void   lia_meeting_page_class_init_actions (GtkWidgetClass *widget_class);
void   lia_meeting_page_update_actions     (LiaMeetingPage *self);
void   lia_meeting_page_reload             (LiaMeetingPage *self);
char  *lia_meeting_page_get_selected_text  (LiaMeetingPage *self);

G_END_DECLS
