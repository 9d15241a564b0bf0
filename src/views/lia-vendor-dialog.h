/* lia-vendor-dialog.h — add or edit an outsourced vendor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-vendor.h"

G_BEGIN_DECLS

#define LIA_TYPE_VENDOR_DIALOG (lia_vendor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaVendorDialog, lia_vendor_dialog, LIA, VENDOR_DIALOG, AdwWindow)

GtkWidget *lia_vendor_dialog_new (GtkWindow *parent,
                                  LiaBook   *book,
                                  LiaVendor *vendor);

G_END_DECLS
