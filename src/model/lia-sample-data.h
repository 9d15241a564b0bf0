/* lia-sample-data.h — a generated, realistic book for newcomers and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_SAMPLE_DATA_ACCOUNTS 300

/* Fills an empty book with @n_accounts accounts (with contacts, inquiries
 * and lifecycle history) in one transaction. The same @seed always gives
 * the same book. */
gboolean lia_sample_data_generate (LiaBook  *book,
                                   guint     n_accounts,
                                   guint32   seed,
                                   GError  **error);

G_END_DECLS
