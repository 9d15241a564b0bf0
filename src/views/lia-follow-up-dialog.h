/* lia-follow-up-dialog.h — note something to follow up: what, who, by when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_FOLLOW_UP_DIALOG (lia_follow_up_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaFollowUpDialog, lia_follow_up_dialog, LIA, FOLLOW_UP_DIALOG, AdwWindow)

/* @summary: a start for what to follow up (text selected in minutes), or NULL. */
GtkWidget *lia_follow_up_dialog_new         (GtkWindow         *parent,
                                             LiaBook           *book,
                                             gint64             account_id,
                                             const char        *summary);
void       lia_follow_up_dialog_set_meeting (LiaFollowUpDialog *self,
                                             gint64             meeting_id,
                                             gint64             occurrence_at);
void       lia_follow_up_dialog_set_event   (LiaFollowUpDialog *self,
                                             gint64             event_id);

G_END_DECLS
