/* lia-portfolio-node.h — one account in a corporate group, with the
 * figures rolled up over everything below it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-account.h"

G_BEGIN_DECLS

/* A roll-up whose source does not exist yet (shown as "—"). */
#define LIA_ROLLUP_UNKNOWN (-1)

#define LIA_TYPE_PORTFOLIO_NODE (lia_portfolio_node_get_type ())

G_DECLARE_FINAL_TYPE (LiaPortfolioNode, lia_portfolio_node, LIA, PORTFOLIO_NODE, GObject)

LiaAccount *lia_portfolio_node_get_account           (LiaPortfolioNode *self);
gboolean    lia_portfolio_node_get_has_children      (LiaPortfolioNode *self);
guint       lia_portfolio_node_get_n_accounts        (LiaPortfolioNode *self);
gint64      lia_portfolio_node_get_total_value       (LiaPortfolioNode *self);
/* TRUE when the subtree mixes currencies and the total is meaningless. */
gboolean    lia_portfolio_node_get_mixed_currencies  (LiaPortfolioNode *self);
gint64      lia_portfolio_node_get_last_contact_at   (LiaPortfolioNode *self);
gint64      lia_portfolio_node_get_open_events       (LiaPortfolioNode *self);
gint64      lia_portfolio_node_get_sla_breaches      (LiaPortfolioNode *self);
gint64      lia_portfolio_node_get_next_review_at    (LiaPortfolioNode *self);
gint64      lia_portfolio_node_get_overdue_followups (LiaPortfolioNode *self);

G_END_DECLS
