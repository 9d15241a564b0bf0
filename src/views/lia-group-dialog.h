/* lia-group-dialog.h — build a corporate group: choose its parent
 * account, then add subsidiaries and sites under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-account.h"
#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_GROUP_DIALOG (lia_group_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaGroupDialog, lia_group_dialog, LIA, GROUP_DIALOG, AdwWindow)

GtkWidget  *lia_group_dialog_new            (GtkWindow      *parent,
                                             LiaBook        *book,
                                             gint64          parent_id);
GtkWidget  *lia_group_dialog_new_for_member (GtkWindow      *parent,
                                             LiaBook        *book,
                                             LiaAccount     *member);
GListModel *lia_group_dialog_get_results    (LiaGroupDialog *self);
gboolean    lia_group_dialog_choose         (LiaGroupDialog *self,
                                             LiaAccount     *account,
                                             GError        **error);

G_END_DECLS
