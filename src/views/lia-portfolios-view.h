/* lia-portfolios-view.h — the Portfolios area: the tree of corporate
 * groups with their roll-ups, and a group's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-portfolio-page.h"

G_BEGIN_DECLS

#define LIA_TYPE_PORTFOLIOS_VIEW (lia_portfolios_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaPortfoliosView, lia_portfolios_view, LIA, PORTFOLIOS_VIEW, GtkWidget)

void              lia_portfolios_view_set_book       (LiaPortfoliosView *self,
                                                      LiaBook           *book);
void              lia_portfolios_view_set_areas      (LiaPortfoliosView *self,
                                                      AdwViewStack      *areas);
gboolean          lia_portfolios_view_get_narrow     (LiaPortfoliosView *self);
GListModel       *lia_portfolios_view_get_rows       (LiaPortfoliosView *self);
LiaPortfolioPage *lia_portfolios_view_get_page       (LiaPortfoliosView *self);
void              lia_portfolios_view_show_portfolio (LiaPortfoliosView *self,
                                                      gint64             account_id);

G_END_DECLS
