/* lia-format.h — dates, times, counts and audit values as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-audit-entry.h"
#include "lia-book.h"
#include "lia-portfolio-node.h"

G_BEGIN_DECLS

char *lia_format_date          (gint64         unix_seconds);
char *lia_format_date_time     (gint64         unix_seconds);
char *lia_format_count         (gint64         value);
gboolean     lia_format_uses_12_hour  (void);
const char  *lia_format_pick_clock    (const char *format_24h,
                                       const char *format_12h);
char        *lia_format_time          (GDateTime  *dt);
char        *lia_format_minute_of_day (guint       minute);
GDateWeekday lia_format_first_weekday (void);
char *lia_format_last_verified (gint64         unix_seconds,
                                gint64         now);
char *lia_format_audit_change  (LiaAuditEntry *entry,
                                LiaBook       *book);
char *lia_format_audit_values  (const char    *entity,
                                const char    *field,
                                const char    *old_value,
                                const char    *new_value,
                                LiaBook       *book);
char *lia_format_relative_day  (gint64         unix_seconds,
                                gint64         now);
char *lia_format_rollup_count  (gint64         value);
char *lia_format_rollup_date   (gint64         unix_seconds);
char *lia_format_node_value    (LiaPortfolioNode *node);

G_END_DECLS
