/* lia-row.h — a result row, read by column, without sqlite3 types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Valid only inside the LiaRowFunc it is handed to. */
typedef struct _LiaRow LiaRow;

typedef void (*LiaRowFunc) (LiaRow   *row,
                            gpointer  user_data);

gint64      lia_row_get_int64  (LiaRow *row,
                                int     column);
const char *lia_row_get_string (LiaRow *row,
                                int     column);
gboolean    lia_row_is_null    (LiaRow *row,
                                int     column);

G_END_DECLS
