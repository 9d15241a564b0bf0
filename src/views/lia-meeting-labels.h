/* lia-meeting-labels.h — what the calendar views show for meetings:
 * times, repeat rules, statuses, and the "which meetings?" question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-enums.h"

G_BEGIN_DECLS

/* The repeat choices of the meeting dialog, in their order. */
typedef enum
{
  LIA_REPEAT_NONE,
  LIA_REPEAT_MONTHLY,
  LIA_REPEAT_QUARTERLY,
  LIA_REPEAT_HALF_YEARLY,
  LIA_REPEAT_CUSTOM,
} LiaRepeat;

GtkStringList *lia_repeat_labels_new          (void);
/* NULL for NONE and CUSTOM. */
const char    *lia_repeat_to_rrule            (LiaRepeat         repeat);
LiaRepeat      lia_repeat_from_rrule          (const char       *rrule);
/* "Does not repeat", "Every 3 months", "Every 2 weeks until 1 Jun 2027" */
char          *lia_describe_rrule             (const char       *rrule);

/* "10:00" in local time */
char          *lia_format_time_of_day         (gint64            unix_seconds);
/* "Tue 14 Apr 2026, 10:00–11:30", then the meeting's own zone's times
 * when its clock differs from the local one: " (09:00–10:30 Europe/London)" */
char          *lia_format_meeting_when        (gint64            starts_at,
                                               gint64            ends_at,
                                               const char       *tzid,
                                               gboolean          all_day);

/* "2026-04-14" and "9:30" as typed in the dialogs; FALSE for anything else. */
gboolean       lia_parse_date                 (const char       *text,
                                               GDate            *out_date);
gboolean       lia_parse_time_of_day          (const char       *text,
                                               int              *out_hour,
                                               int              *out_minute);
char          *lia_format_iso_date            (const GDate      *date);
/* The local day of @unix_seconds */
void           lia_date_from_unix             (gint64            unix_seconds,
                                               GDate            *out_date);

/* lia-meeting-planned / -held / -cancelled, the others removed */
void           lia_meeting_status_style       (GtkWidget        *widget,
                                               LiaMeetingStatus  status);
GMenuModel    *lia_meeting_status_menu_new    (const char       *action);

/* A question with "Only This Meeting", "This and Following" and "All
 * Meetings" (responses "this", "later", "all") and "Cancel". */
AdwMessageDialog *lia_edit_scope_dialog_new   (GtkWidget        *parent,
                                               gboolean          deleting);
gboolean       lia_edit_scope_from_response   (const char       *response,
                                               LiaEditScope     *out_scope);

/* A file chooser for .ics files, to open (@save FALSE) or to save as
 * @suggested_name; the caller owns it and unrefs it on "response". */
GtkFileChooserNative *lia_ics_chooser_new     (GtkWidget        *parent,
                                               gboolean          save,
                                               const char       *suggested_name);

G_END_DECLS
