/* lia-coverage-entry.h — a major account and when it is next due for contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-account.h"

G_BEGIN_DECLS

#define LIA_TYPE_COVERAGE_ENTRY (lia_coverage_entry_get_type ())

G_DECLARE_FINAL_TYPE (LiaCoverageEntry, lia_coverage_entry, LIA, COVERAGE_ENTRY, GObject)

LiaAccount *lia_coverage_entry_get_account         (LiaCoverageEntry *self);
guint       lia_coverage_entry_get_cadence_days    (LiaCoverageEntry *self);
/* 0 when nobody has been in touch yet. */
gint64      lia_coverage_entry_get_last_contact_at (LiaCoverageEntry *self);
gint64      lia_coverage_entry_get_due_at          (LiaCoverageEntry *self);
gboolean    lia_coverage_entry_is_overdue          (LiaCoverageEntry *self,
                                                    gint64            now);
guint       lia_coverage_entry_get_days_overdue    (LiaCoverageEntry *self,
                                                    gint64            now);

G_END_DECLS
