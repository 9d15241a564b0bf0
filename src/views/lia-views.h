/* lia-views.h — what the views library needs before its first widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void lia_views_init (void);

G_END_DECLS
