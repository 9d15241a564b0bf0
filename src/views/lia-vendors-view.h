/* lia-vendors-view.h — the Vendors area: outsourced contractors and how
 * they keep the service levels compared with own staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_VENDORS_VIEW (lia_vendors_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaVendorsView, lia_vendors_view, LIA, VENDORS_VIEW, GtkWidget)

GtkWidget  *lia_vendors_view_new        (void);
void        lia_vendors_view_set_book   (LiaVendorsView *self,
                                         LiaBook        *book);
void        lia_vendors_view_set_areas  (LiaVendorsView *self,
                                         AdwViewStack   *areas);
gboolean    lia_vendors_view_get_narrow (LiaVendorsView *self);
gint64      lia_vendors_view_get_selected_vendor_id (LiaVendorsView *self);

G_END_DECLS
