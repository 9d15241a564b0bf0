/* lia-notifier.h — desktop notifications for meetings about to start
 * and follow-ups falling due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_NOTIFIER (lia_notifier_get_type ())

G_DECLARE_FINAL_TYPE (LiaNotifier, lia_notifier, LIA, NOTIFIER, GObject)

/* Within this many seconds of its start a meeting is notified. */
#define LIA_NOTIFIER_LEAD_TIME (15 * 60)

/* Sends through @application's "app.open-meeting((xx))" and
 * "app.open-follow-up(x)" actions, which the application provides. */
LiaNotifier *lia_notifier_new   (GApplication *application,
                                 LiaBook      *book);
/* Checks now instead of at the next minute; returns how many
 * notifications were sent. */
guint        lia_notifier_check (LiaNotifier  *self);

G_END_DECLS
