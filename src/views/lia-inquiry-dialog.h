/* lia-inquiry-dialog.h — record what a customer asked and the advice given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_INQUIRY_DIALOG (lia_inquiry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaInquiryDialog, lia_inquiry_dialog, LIA, INQUIRY_DIALOG, AdwWindow)

GtkWidget *lia_inquiry_dialog_new (GtkWindow *parent,
                                   LiaBook   *book,
                                   gint64     account_id);

G_END_DECLS
