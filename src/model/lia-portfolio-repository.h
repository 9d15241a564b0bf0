/* lia-portfolio-repository.h — corporate groups: hierarchy, roll-ups,
 * contact coverage, workload and re-deployment of account managers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-account.h"
#include "lia-account-note.h"
#include "lia-book.h"
#include "lia-contact.h"
#include "lia-coverage-entry.h"
#include "lia-portfolio-node.h"
#include "lia-reassignment.h"
#include "lia-workload-entry.h"

G_BEGIN_DECLS

#define LIA_TYPE_PORTFOLIO_REPOSITORY (lia_portfolio_repository_get_type ())

G_DECLARE_FINAL_TYPE (LiaPortfolioRepository, lia_portfolio_repository, LIA, PORTFOLIO_REPOSITORY, GObject)

LiaPortfolioRepository *lia_portfolio_repository_new     (LiaBook                 *book);
GListModel       *lia_portfolio_repository_list_groups   (LiaPortfolioRepository  *self,
                                                          GError                 **error);
GListModel       *lia_portfolio_repository_list_children (LiaPortfolioRepository  *self,
                                                          gint64                   parent_id,
                                                          GError                 **error);
LiaPortfolioNode *lia_portfolio_repository_lookup_node   (LiaPortfolioRepository  *self,
                                                          gint64                   account_id,
                                                          GError                 **error);
gint64            lia_portfolio_repository_find_root     (LiaPortfolioRepository  *self,
                                                          gint64                   account_id);
gboolean          lia_portfolio_repository_set_parent    (LiaPortfolioRepository  *self,
                                                          LiaAccount              *account,
                                                          gint64                   parent_id,
                                                          GError                 **error);

gboolean          lia_portfolio_repository_log_contact   (LiaPortfolioRepository  *self,
                                                          gint64                   account_id,
                                                          LiaContactKind           kind,
                                                          gint64                   happened_at,
                                                          gint64                   contact_id,
                                                          const char              *notes,
                                                          GError                 **error);
/* The coverage page shows at most this many overdue accounts. */
#define LIA_COVERAGE_LIST_LIMIT 500

GListModel       *lia_portfolio_repository_list_coverage (LiaPortfolioRepository  *self,
                                                          gboolean                 only_overdue,
                                                          guint                    limit,
                                                          GError                 **error);
gboolean          lia_portfolio_repository_count_coverage (LiaPortfolioRepository *self,
                                                          guint                   *out_on_time,
                                                          guint                   *out_total,
                                                          GError                 **error);
GListModel       *lia_portfolio_repository_list_workload (LiaPortfolioRepository  *self,
                                                          GError                 **error);

GListModel       *lia_portfolio_repository_preview_reassignment (LiaPortfolioRepository *self,
                                                          const gint64            *account_ids,
                                                          guint                    n_account_ids,
                                                          gboolean                 cascade,
                                                          gint64                   new_manager_id,
                                                          GError                 **error);
gboolean          lia_portfolio_repository_apply_reassignment (LiaPortfolioRepository *self,
                                                          GListModel              *plan,
                                                          GError                 **error);
gboolean          lia_portfolio_repository_undo_reassignment (LiaPortfolioRepository *self,
                                                          GListModel              *plan,
                                                          GError                 **error);

gboolean          lia_portfolio_repository_add_note      (LiaPortfolioRepository  *self,
                                                          gint64                   account_id,
                                                          LiaNoteKind              kind,
                                                          const char              *body,
                                                          GError                 **error);
GListModel       *lia_portfolio_repository_list_notes    (LiaPortfolioRepository  *self,
                                                          gint64                   root_id,
                                                          GError                 **error);
GListModel       *lia_portfolio_repository_list_group_contacts (LiaPortfolioRepository *self,
                                                          gint64                   root_id,
                                                          GError                 **error);
gboolean          lia_portfolio_repository_move_contact  (LiaPortfolioRepository  *self,
                                                          LiaContact              *contact,
                                                          gint64                   new_account_id,
                                                          GError                 **error);

G_END_DECLS
