/* lia-model-private.h — what the model's own files share, never the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-account.h"
#include "lia-contact.h"
#include "lia-inquiry.h"
#include "lia-history-entry.h"
#include "lia-audit-entry.h"
#include "lia-staff-member.h"
#include "lia-choice.h"
#include "lia-account-note.h"
#include "lia-coverage-entry.h"
#include "lia-portfolio-node.h"
#include "lia-workload-entry.h"
#include "lia-row.h"

G_BEGIN_DECLS

/* Each reads the columns its lia-*-store.h declares. */
LiaAccount      *lia_account_new_from_row       (LiaRow          *row);
void             lia_account_update_from_row    (LiaAccount      *self,
                                                 LiaRow          *row);
void             lia_account_set_id             (LiaAccount      *self,
                                                 gint64           id);
void             lia_account_set_state          (LiaAccount      *self,
                                                 LiaAccountState  state);
void             lia_account_set_manager_name   (LiaAccount      *self,
                                                 const char      *manager_name);
void             lia_account_set_timestamps     (LiaAccount      *self,
                                                 gint64           created_at,
                                                 gint64           updated_at);
void             lia_account_set_last_verified_at (LiaAccount    *self,
                                                 gint64           verified_at);
void             lia_account_set_parent_id      (LiaAccount      *self,
                                                 gint64           parent_id);
LiaContact      *lia_contact_new_from_row       (LiaRow          *row);
LiaContact      *lia_contact_new_from_group_row (LiaRow          *row);
void             lia_contact_set_id             (LiaContact      *self,
                                                 gint64           id);
LiaInquiry      *lia_inquiry_new_from_row       (LiaRow          *row);
void             lia_inquiry_set_id             (LiaInquiry      *self,
                                                 gint64           id);
LiaHistoryEntry *lia_history_entry_new_from_row (LiaRow          *row);
LiaAuditEntry   *lia_audit_entry_new_from_row   (LiaRow          *row);
LiaStaffMember  *lia_staff_member_new_from_row  (LiaRow          *row);
LiaChoice       *lia_choice_new_from_row        (LiaRow          *row);
LiaPortfolioNode *lia_portfolio_node_new_from_row (LiaRow         *row);
LiaCoverageEntry *lia_coverage_entry_new_from_row (LiaRow         *row);
LiaWorkloadEntry *lia_workload_entry_new_from_row (LiaRow         *row);
LiaAccountNote  *lia_account_note_new_from_row  (LiaRow          *row);

/* A LiaRowFunc that appends new_from_row() objects to a GPtrArray or a GListStore. */
typedef gpointer (*LiaFromRowFunc) (LiaRow *row);

typedef struct
{
  LiaFromRowFunc  from_row;
  GPtrArray      *array;
} LiaCollect;

void             lia_collect_row                (LiaRow          *row,
                                                 gpointer         user_data);

G_END_DECLS
