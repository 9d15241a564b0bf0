/* lia-workload-entry.h — what one account manager carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_WORKLOAD_ENTRY (lia_workload_entry_get_type ())

G_DECLARE_FINAL_TYPE (LiaWorkloadEntry, lia_workload_entry, LIA, WORKLOAD_ENTRY, GObject)

gint64      lia_workload_entry_get_staff_id              (LiaWorkloadEntry *self);
const char *lia_workload_entry_get_name                  (LiaWorkloadEntry *self);
gboolean    lia_workload_entry_get_active                (LiaWorkloadEntry *self);
guint       lia_workload_entry_get_major_accounts        (LiaWorkloadEntry *self);
guint       lia_workload_entry_get_portfolios            (LiaWorkloadEntry *self);
gint64      lia_workload_entry_get_total_value           (LiaWorkloadEntry *self);
/* NULL when the accounts mix currencies (the total is then not money). */
const char *lia_workload_entry_get_currency              (LiaWorkloadEntry *self);
/* LIA_ROLLUP_UNKNOWN (-1) until the timeline and calendar exist. */
gint64      lia_workload_entry_get_open_events           (LiaWorkloadEntry *self);
gint64      lia_workload_entry_get_meetings_next_30_days (LiaWorkloadEntry *self);

G_END_DECLS
