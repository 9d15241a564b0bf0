/* lia-reassignment.h — one account changing manager, as previewed and applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_REASSIGNMENT (lia_reassignment_get_type ())

G_DECLARE_FINAL_TYPE (LiaReassignment, lia_reassignment, LIA, REASSIGNMENT, GObject)

LiaReassignment *lia_reassignment_new                (gint64           account_id,
                                                      const char      *account_name,
                                                      guint            depth,
                                                      gint64           old_manager_id,
                                                      gint64           new_manager_id);
gint64           lia_reassignment_get_account_id     (LiaReassignment *self);
const char      *lia_reassignment_get_account_name   (LiaReassignment *self);
/* 0 for a chosen account; 1 and more for subsidiaries and sites below it. */
guint            lia_reassignment_get_depth          (LiaReassignment *self);
gint64           lia_reassignment_get_old_manager_id (LiaReassignment *self);
gint64           lia_reassignment_get_new_manager_id (LiaReassignment *self);

G_END_DECLS
