/* lia-format.h — dates and audit values as people read them
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
