/* lia-coverage-view.h — the Coverage area: how many major accounts are
 * in touch within their cadence, and which are overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_COVERAGE_VIEW (lia_coverage_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaCoverageView, lia_coverage_view, LIA, COVERAGE_VIEW, GtkWidget)

void        lia_coverage_view_set_book   (LiaCoverageView *self,
                                          LiaBook         *book);
void        lia_coverage_view_set_areas  (LiaCoverageView *self,
                                          AdwViewStack    *areas);
gboolean    lia_coverage_view_get_narrow (LiaCoverageView *self);
GListModel *lia_coverage_view_get_overdue (LiaCoverageView *self);

G_END_DECLS
