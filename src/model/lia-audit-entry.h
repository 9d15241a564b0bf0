/* lia-audit-entry.h — one line of the append-only audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_AUDIT_ENTRY (lia_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (LiaAuditEntry, lia_audit_entry, LIA, AUDIT_ENTRY, GObject)

gint64      lia_audit_entry_get_account_id (LiaAuditEntry *self);
const char *lia_audit_entry_get_entity     (LiaAuditEntry *self);
gint64      lia_audit_entry_get_entity_id  (LiaAuditEntry *self);
const char *lia_audit_entry_get_field      (LiaAuditEntry *self);
const char *lia_audit_entry_get_old_value  (LiaAuditEntry *self);
const char *lia_audit_entry_get_new_value  (LiaAuditEntry *self);
const char *lia_audit_entry_get_actor      (LiaAuditEntry *self);
gint64      lia_audit_entry_get_changed_at (LiaAuditEntry *self);

G_END_DECLS
