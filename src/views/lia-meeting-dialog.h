/* lia-meeting-dialog.h — plan a meeting or a series of reviews, or
 * change one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_MEETING_DIALOG (lia_meeting_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaMeetingDialog, lia_meeting_dialog, LIA, MEETING_DIALOG, AdwWindow)

/* @account_id 0 lets the person pick the account; @date NULL: tomorrow. */
GtkWidget *lia_meeting_dialog_new          (GtkWindow   *parent,
                                            LiaBook     *book,
                                            gint64       account_id,
                                            const GDate *date);
/* A review of @account_id when it is next due, repeating at its
 * segment's cadence. */
GtkWidget *lia_meeting_dialog_new_review   (GtkWindow   *parent,
                                            LiaBook     *book,
                                            gint64       account_id);
/* One occurrence of a meeting; saving a repeating one asks which. */
GtkWidget *lia_meeting_dialog_new_for_edit (GtkWindow   *parent,
                                            LiaBook     *book,
                                            gint64       meeting_id,
                                            gint64       recurrence_id);

G_END_DECLS
