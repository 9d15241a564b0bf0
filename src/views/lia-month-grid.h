/* lia-month-grid.h — six weeks of days, each listing its meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIA_TYPE_MONTH_GRID (lia_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (LiaMonthGrid, lia_month_grid, LIA, MONTH_GRID, GtkWidget)

GtkWidget   *lia_month_grid_new             (void);
/* The selected day; the grid shows its month. */
void         lia_month_grid_set_date        (LiaMonthGrid *self,
                                             const GDate  *date);
const GDate *lia_month_grid_get_date        (LiaMonthGrid *self);
void         lia_month_grid_set_today       (LiaMonthGrid *self,
                                             const GDate  *today);
/* The first day shown and the day after the last one. */
void         lia_month_grid_get_range       (LiaMonthGrid *self,
                                             GDate        *first,
                                             GDate        *after_last);
/* LiaOccurrence items of the range shown, by start. */
void         lia_month_grid_set_occurrences (LiaMonthGrid *self,
                                             GListModel   *occurrences);

G_END_DECLS
