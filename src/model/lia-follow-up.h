/* lia-follow-up.h — something a customer requested or was proposed,
 * to be followed up by an owner by a day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_FOLLOW_UP (lia_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (LiaFollowUp, lia_follow_up, LIA, FOLLOW_UP, GObject)

/* Due on @due_date, a local calendar day (its time is not used). */
LiaFollowUp       *lia_follow_up_new               (gint64         account_id,
                                                    const char    *summary,
                                                    GDate         *due_date);
gint64             lia_follow_up_get_id            (LiaFollowUp   *self);
gint64             lia_follow_up_get_account_id    (LiaFollowUp   *self);
const char        *lia_follow_up_get_account_name  (LiaFollowUp   *self);
const char        *lia_follow_up_get_summary       (LiaFollowUp   *self);
/* Where it came from: a meeting occurrence or an event (0: neither). */
gint64             lia_follow_up_get_meeting_id    (LiaFollowUp   *self);
gint64             lia_follow_up_get_occurrence_at (LiaFollowUp   *self);
const char        *lia_follow_up_get_meeting_title (LiaFollowUp   *self);
gint64             lia_follow_up_get_event_id      (LiaFollowUp   *self);
gint64             lia_follow_up_get_owner_id      (LiaFollowUp   *self);
const char        *lia_follow_up_get_owner_name    (LiaFollowUp   *self);
/* Owned by the follow-up. */
const GDate       *lia_follow_up_get_due_date      (LiaFollowUp   *self);
LiaFollowUpStatus  lia_follow_up_get_status        (LiaFollowUp   *self);
gint64             lia_follow_up_get_done_at       (LiaFollowUp   *self);   /* 0: not done */
/* Open and due before the local day of @now. */
gboolean           lia_follow_up_is_overdue        (LiaFollowUp   *self,
                                                    gint64         now);

void               lia_follow_up_set_summary       (LiaFollowUp   *self,
                                                    const char    *summary);
void               lia_follow_up_set_due_date      (LiaFollowUp   *self,
                                                    GDate         *due_date);
void               lia_follow_up_set_owner_id      (LiaFollowUp   *self,
                                                    gint64         staff_id);
void               lia_follow_up_set_meeting       (LiaFollowUp   *self,
                                                    gint64         meeting_id,
                                                    gint64         occurrence_at);
void               lia_follow_up_set_event_id      (LiaFollowUp   *self,
                                                    gint64         event_id);

G_END_DECLS
