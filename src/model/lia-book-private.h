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

G_END_DECLS
