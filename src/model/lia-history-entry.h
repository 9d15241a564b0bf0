/* lia-history-entry.h — one lifecycle change of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_HISTORY_ENTRY (lia_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (LiaHistoryEntry, lia_history_entry, LIA, HISTORY_ENTRY, GObject)

gint64           lia_history_entry_get_changed_at (LiaHistoryEntry *self);
const char      *lia_history_entry_get_actor      (LiaHistoryEntry *self);
/* -1 for the first entry, when the account was created. */
int              lia_history_entry_get_from_state (LiaHistoryEntry *self);
LiaAccountState  lia_history_entry_get_to_state   (LiaHistoryEntry *self);
const char      *lia_history_entry_get_reason     (LiaHistoryEntry *self);

G_END_DECLS
