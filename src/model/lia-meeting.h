/* lia-meeting.h — a review or progress meeting with a customer, or a
 * series of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING (lia_meeting_get_type ())

G_DECLARE_FINAL_TYPE (LiaMeeting, lia_meeting, LIA, MEETING, GObject)

/* A draft for lia_meeting_repository_add(): planned, a review, in the
 * local time zone, no recurrence. Times are Unix seconds (UTC). */
LiaMeeting       *lia_meeting_new              (gint64            account_id,
                                                const char       *title,
                                                gint64            starts_at,
                                                gint64            ends_at);
gint64            lia_meeting_get_id           (LiaMeeting       *self);
/* The iCalendar UID: stable across exports, so importing again updates. */
const char       *lia_meeting_get_uid          (LiaMeeting       *self);
gint64            lia_meeting_get_account_id   (LiaMeeting       *self);
const char       *lia_meeting_get_account_name (LiaMeeting       *self);
gboolean          lia_meeting_get_for_portfolio (LiaMeeting      *self);
const char       *lia_meeting_get_title        (LiaMeeting       *self);
/* The first occurrence's. */
gint64            lia_meeting_get_starts_at    (LiaMeeting       *self);
gint64            lia_meeting_get_ends_at      (LiaMeeting       *self);
/* An IANA zone ("Europe/Berlin"): where the recurrence counts. */
const char       *lia_meeting_get_tzid         (LiaMeeting       *self);
gboolean          lia_meeting_get_all_day      (LiaMeeting       *self);
const char       *lia_meeting_get_location     (LiaMeeting       *self);
/* An RFC 5545 RRULE value ("FREQ=MONTHLY;INTERVAL=3"); NULL: one meeting. */
const char       *lia_meeting_get_rrule        (LiaMeeting       *self);
gboolean          lia_meeting_get_is_review    (LiaMeeting       *self);
const char       *lia_meeting_get_agenda       (LiaMeeting       *self);
const char       *lia_meeting_get_minutes      (LiaMeeting       *self);
const char       *lia_meeting_get_outcome      (LiaMeeting       *self);
int               lia_meeting_get_rating       (LiaMeeting       *self);   /* 0: none, else 1–5 */
LiaMeetingStatus  lia_meeting_get_status       (LiaMeeting       *self);
gint64            lia_meeting_get_organizer_id (LiaMeeting       *self);
/* The iCalendar SEQUENCE: goes up with every change of the series or
 * of one of its occurrences. */
gint64            lia_meeting_get_sequence     (LiaMeeting       *self);
/* LiaAttendee items; the repository fills them on lookup. */
GListModel       *lia_meeting_get_attendees    (LiaMeeting       *self);

void              lia_meeting_set_account_id   (LiaMeeting       *self,
                                                gint64            account_id);
void              lia_meeting_set_for_portfolio (LiaMeeting      *self,
                                                gboolean          for_portfolio);
void              lia_meeting_set_title        (LiaMeeting       *self,
                                                const char       *title);
void              lia_meeting_set_times        (LiaMeeting       *self,
                                                gint64            starts_at,
                                                gint64            ends_at);
void              lia_meeting_set_tzid         (LiaMeeting       *self,
                                                const char       *tzid);
void              lia_meeting_set_all_day      (LiaMeeting       *self,
                                                gboolean          all_day);
void              lia_meeting_set_location     (LiaMeeting       *self,
                                                const char       *location);
void              lia_meeting_set_rrule        (LiaMeeting       *self,
                                                const char       *rrule);
void              lia_meeting_set_is_review    (LiaMeeting       *self,
                                                gboolean          is_review);
void              lia_meeting_set_agenda       (LiaMeeting       *self,
                                                const char       *agenda);
void              lia_meeting_set_minutes      (LiaMeeting       *self,
                                                const char       *minutes);
void              lia_meeting_set_outcome      (LiaMeeting       *self,
                                                const char       *outcome);
void              lia_meeting_set_rating       (LiaMeeting       *self,
                                                int               rating);
void              lia_meeting_set_status       (LiaMeeting       *self,
                                                LiaMeetingStatus  status);
void              lia_meeting_set_organizer_id (LiaMeeting       *self,
                                                gint64            staff_id);
/* Only for imports: keeps the UID the file gave. */
void              lia_meeting_set_uid          (LiaMeeting       *self,
                                                const char       *uid);

G_END_DECLS
