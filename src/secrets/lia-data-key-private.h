/* lia-data-key-private.h — the raw key, for LiaCipher and the key file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-data-key.h"

G_BEGIN_DECLS

/* LIA_DATA_KEY_SIZE bytes, valid while the key lives. */
const guint8 *lia_data_key_peek            (LiaDataKey   *self);
LiaDataKey   *lia_data_key_new_from_bytes  (const char   *book_id,
                                            const guint8 *bytes);
LiaDataKey   *lia_data_key_new_from_base64 (const char   *book_id,
                                            const char   *base64,
                                            GError      **error);
char         *lia_data_key_to_base64       (LiaDataKey   *self);

G_END_DECLS
