/* lia-bench-hooks.h — what liaison-bench measures inside the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-window.h"

G_BEGIN_DECLS

void lia_bench_hooks_attach (LiaWindow *window);

G_END_DECLS
