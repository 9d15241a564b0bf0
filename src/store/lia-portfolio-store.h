/* lia-portfolio-store.h — SQL for corporate groups: the account hierarchy,
 * its roll-ups, contact coverage, workload and reassignment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-account-store.h"
#include "lia-row.h"

G_BEGIN_DECLS

/* Columns of a roll-up row: the node's account columns come first
 * (LiaAccountColumn), then these. NEXT_REVIEW_AT is NULL when none is
 * planned. */
enum
{
  LIA_ROLLUP_COLUMN_HAS_CHILDREN = LIA_ACCOUNT_N_COLUMNS,
  LIA_ROLLUP_COLUMN_N_ACCOUNTS,
  LIA_ROLLUP_COLUMN_TOTAL_VALUE,
  LIA_ROLLUP_COLUMN_N_CURRENCIES,
  LIA_ROLLUP_COLUMN_LAST_CONTACT_AT,
  LIA_ROLLUP_COLUMN_OPEN_EVENTS,
  LIA_ROLLUP_COLUMN_SLA_BREACHES,
  LIA_ROLLUP_COLUMN_NEXT_REVIEW_AT,
  LIA_ROLLUP_COLUMN_OVERDUE_FOLLOWUPS,
};

/* Columns of a coverage row: account columns, then these. */
enum
{
  LIA_COVERAGE_COLUMN_CADENCE_DAYS = LIA_ACCOUNT_N_COLUMNS,
  LIA_COVERAGE_COLUMN_LAST_CONTACT_AT,
  LIA_COVERAGE_COLUMN_DUE_AT,
};

enum
{
  LIA_WORKLOAD_COLUMN_STAFF_ID,
  LIA_WORKLOAD_COLUMN_NAME,
  LIA_WORKLOAD_COLUMN_ACTIVE,
  LIA_WORKLOAD_COLUMN_MAJOR_ACCOUNTS,
  LIA_WORKLOAD_COLUMN_PORTFOLIOS,
  LIA_WORKLOAD_COLUMN_TOTAL_VALUE,
  LIA_WORKLOAD_COLUMN_OPEN_EVENTS,
  LIA_WORKLOAD_COLUMN_MEETINGS_NEXT_30_DAYS,
  LIA_WORKLOAD_COLUMN_CURRENCY,  /* NULL when the manager's accounts mix currencies */
};

enum
{
  LIA_NOTE_COLUMN_ID,
  LIA_NOTE_COLUMN_ACCOUNT_ID,
  LIA_NOTE_COLUMN_NOTED_AT,
  LIA_NOTE_COLUMN_KIND,
  LIA_NOTE_COLUMN_BODY,
  LIA_NOTE_COLUMN_AUTHOR,
};

enum
{
  LIA_CONTACT_LOG_COLUMN_ID,
  LIA_CONTACT_LOG_COLUMN_ACCOUNT_ID,
  LIA_CONTACT_LOG_COLUMN_CONTACT_ID,
  LIA_CONTACT_LOG_COLUMN_KIND,
  LIA_CONTACT_LOG_COLUMN_HAPPENED_AT,
  LIA_CONTACT_LOG_COLUMN_STAFF_ID,
  LIA_CONTACT_LOG_COLUMN_NOTES,
};

/* Subtree member rows for a reassignment preview. */
enum
{
  LIA_MEMBER_COLUMN_ID,
  LIA_MEMBER_COLUMN_NAME,
  LIA_MEMBER_COLUMN_MANAGER_ID,
  LIA_MEMBER_COLUMN_DEPTH,
};

gboolean lia_portfolio_store_is_ancestor     (LiaDatabase  *db,
                                              gint64        ancestor_id,
                                              gint64        id,
                                              gboolean     *out_is_ancestor,
                                              GError      **error);
gboolean lia_portfolio_store_set_parent      (LiaDatabase  *db,
                                              gint64        id,
                                              gint64        parent_id,
                                              gint64        updated_at,
                                              GError      **error);
/* @today: the local day of @now, "YYYY-MM-DD", for overdue follow-ups. */
gboolean lia_portfolio_store_groups          (LiaDatabase  *db,
                                              gint64        now,
                                              const char   *today,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
gboolean lia_portfolio_store_children        (LiaDatabase  *db,
                                              gint64        parent_id,
                                              gint64        now,
                                              const char   *today,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
gboolean lia_portfolio_store_node            (LiaDatabase  *db,
                                              gint64        id,
                                              gint64        now,
                                              const char   *today,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
gboolean lia_portfolio_store_subtree         (LiaDatabase  *db,
                                              gint64        root_id,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
gboolean lia_portfolio_store_root_of         (LiaDatabase  *db,
                                              gint64        id,
                                              gint64       *out_root_id,
                                              GError      **error);
gboolean lia_portfolio_store_coverage        (LiaDatabase  *db,
                                              gint64        now,
                                              gboolean      only_overdue,
                                              guint         limit,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
gboolean lia_portfolio_store_coverage_counts (LiaDatabase  *db,
                                              gint64        now,
                                              guint        *out_on_time,
                                              guint        *out_total,
                                              GError      **error);
gboolean lia_portfolio_store_workload        (LiaDatabase  *db,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
gboolean lia_portfolio_store_set_manager     (LiaDatabase  *db,
                                              gint64        id,
                                              gint64        manager_id,
                                              gint64        updated_at,
                                              GError      **error);
gboolean lia_portfolio_store_log_contact     (LiaDatabase  *db,
                                              gint64        account_id,
                                              gint64        contact_id,
                                              const char   *kind,
                                              gint64        happened_at,
                                              gint64        staff_id,
                                              const char   *notes,
                                              gint64       *out_id,
                                              GError      **error);
gboolean lia_portfolio_store_contact_log     (LiaDatabase  *db,
                                              gint64        account_id,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
gboolean lia_portfolio_store_add_note        (LiaDatabase  *db,
                                              gint64        account_id,
                                              gint64        noted_at,
                                              const char   *kind,
                                              const char   *body,
                                              const char   *author,
                                              gint64       *out_id,
                                              GError      **error);
gboolean lia_portfolio_store_group_notes     (LiaDatabase  *db,
                                              gint64        root_id,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
gboolean lia_portfolio_store_group_key_contacts (LiaDatabase *db,
                                              gint64        root_id,
                                              LiaRowFunc    func,
                                              gpointer      user_data,
                                              GError      **error);
/* The exact SQL of the group roll-up and the coverage list, for the
 * benchmark's bare-sqlite3 floor. */
const char *lia_portfolio_store_groups_sql   (void);
const char *lia_portfolio_store_coverage_sql (void);
const char *lia_portfolio_store_coverage_counts_sql (void);
gboolean lia_portfolio_store_set_segment_cadence (LiaDatabase *db,
                                              const char   *segment_id,
                                              int           days,
                                              GError      **error);

G_END_DECLS
