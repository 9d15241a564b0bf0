/* lia-follow-up-row.h — one follow-up as a list row: what, by when,
 * whose, and buttons to settle it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-follow-up.h"

G_BEGIN_DECLS

/* An AdwActionRow for @follow_up as of @now. Its buttons activate
 * "@prefix.follow-up-done", "-drop" or "-reopen" with its id; with
 * @with_source it also names the account and what it came from. */
GtkWidget   *lia_follow_up_row_new      (LiaFollowUp *follow_up,
                                         gint64       now,
                                         const char  *prefix,
                                         gboolean     with_source);
LiaFollowUp *lia_follow_up_row_get_item (GtkWidget   *row);
/* The status one of those actions sets, from its name. */
LiaFollowUpStatus lia_follow_up_row_action_status (const char *action_name);

G_END_DECLS
