/* lia-book-private.h — for the model's own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-book.h"
#include "lia-database.h"

G_BEGIN_DECLS

LiaDatabase *lia_book_get_database (LiaBook  *self);
gboolean     lia_book_reload_staff (LiaBook  *self,
                                    GError  **error);
gboolean     lia_book_audit        (LiaBook     *self,
                                    gint64       account_id,
                                    const char  *entity,
                                    gint64       entity_id,
                                    const char  *field,
                                    const char  *old_value,
                                    const char  *new_value,
                                    GError     **error);
gboolean     lia_book_finish       (LiaBook     *self,
                                    gboolean     ok,
                                    GError     **error);
char        *lia_book_describe_staff (LiaBook   *self,
                                    gint64       staff_id);

G_END_DECLS
