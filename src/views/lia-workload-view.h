/* lia-workload-view.h — the Workload area: what each account manager
 * carries, sortable by any column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_WORKLOAD_VIEW (lia_workload_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaWorkloadView, lia_workload_view, LIA, WORKLOAD_VIEW, GtkWidget)

void        lia_workload_view_set_book  (LiaWorkloadView *self,
                                         LiaBook         *book);
void        lia_workload_view_set_areas (LiaWorkloadView *self,
                                         AdwViewStack    *areas);
gboolean    lia_workload_view_get_narrow (LiaWorkloadView *self);
GListModel *lia_workload_view_get_rows  (LiaWorkloadView *self);

G_END_DECLS
