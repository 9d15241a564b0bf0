/* lia-portfolio-page.h — one corporate group: who owns it, its key
 * contacts, its roll-ups, and notes on what it prefers and will need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-book.h"
#include "lia-portfolio-node.h"

G_BEGIN_DECLS

#define LIA_TYPE_PORTFOLIO_PAGE (lia_portfolio_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaPortfolioPage, lia_portfolio_page, LIA, PORTFOLIO_PAGE, GtkWidget)

void              lia_portfolio_page_set_book       (LiaPortfolioPage *self,
                                                     LiaBook          *book);
void              lia_portfolio_page_set_account_id (LiaPortfolioPage *self,
                                                     gint64            account_id);
LiaPortfolioNode *lia_portfolio_page_get_node       (LiaPortfolioPage *self);
gboolean          lia_portfolio_page_save_staffing  (LiaPortfolioPage *self,
                                                     GError          **error);

G_END_DECLS
