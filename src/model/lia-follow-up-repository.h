/* lia-follow-up-repository.h — follow-ups of meetings and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"
#include "lia-follow-up.h"

G_BEGIN_DECLS

#define LIA_TYPE_FOLLOW_UP_REPOSITORY (lia_follow_up_repository_get_type ())

G_DECLARE_FINAL_TYPE (LiaFollowUpRepository, lia_follow_up_repository, LIA, FOLLOW_UP_REPOSITORY, GObject)

/* Emits "follow-up-changed" (gint64 follow_up_id, gint64 account_id). */
LiaFollowUpRepository *lia_follow_up_repository_new (LiaBook *book);

gboolean     lia_follow_up_repository_add            (LiaFollowUpRepository  *self,
                                                      LiaFollowUp            *follow_up,
                                                      GError                **error);
gboolean     lia_follow_up_repository_update         (LiaFollowUpRepository  *self,
                                                      LiaFollowUp            *follow_up,
                                                      GError                **error);
/* Done stamps the done date now; reopening clears it. */
gboolean     lia_follow_up_repository_set_status     (LiaFollowUpRepository  *self,
                                                      gint64                  follow_up_id,
                                                      LiaFollowUpStatus       status,
                                                      GError                **error);
LiaFollowUp *lia_follow_up_repository_lookup         (LiaFollowUpRepository  *self,
                                                      gint64                  follow_up_id,
                                                      GError                **error);
/* Open ones of @owner_id (0: everyone's), overdue first, then by due day. */
GListModel  *lia_follow_up_repository_list_open      (LiaFollowUpRepository  *self,
                                                      gint64                  owner_id,
                                                      GError                **error);
GListModel  *lia_follow_up_repository_list_for_meeting (LiaFollowUpRepository *self,
                                                      gint64                  meeting_id,
                                                      gint64                  occurrence_at,
                                                      GError                **error);
GListModel  *lia_follow_up_repository_list_for_event (LiaFollowUpRepository  *self,
                                                      gint64                  event_id,
                                                      GError                **error);
/* Open follow-ups due before today (local), of @owner_id (0: all). */
guint        lia_follow_up_repository_count_overdue  (LiaFollowUpRepository  *self,
                                                      gint64                  owner_id);

G_END_DECLS
