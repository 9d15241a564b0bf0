/* lia-account-picker.h — choose one account by typing part of its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACCOUNT_PICKER (lia_account_picker_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccountPicker, lia_account_picker, LIA, ACCOUNT_PICKER, GtkWidget)

GtkWidget  *lia_account_picker_new              (void);
void        lia_account_picker_set_book         (LiaAccountPicker *self,
                                                 LiaBook          *book);
/* 0 while nothing is chosen. */
gint64      lia_account_picker_get_account_id   (LiaAccountPicker *self);
const char *lia_account_picker_get_account_name (LiaAccountPicker *self);
void        lia_account_picker_set_account      (LiaAccountPicker *self,
                                                 gint64            account_id,
                                                 const char       *name);
GtkEditable *lia_account_picker_get_entry       (LiaAccountPicker *self);
GtkListBox *lia_account_picker_get_results      (LiaAccountPicker *self);

G_END_DECLS
