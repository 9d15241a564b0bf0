/* lia-money.h — integer minor units to and from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint     lia_money_minor_digits (const char  *currency);
char     *lia_money_format       (gint64       minor_units,
                                  const char  *currency);
gboolean  lia_money_parse        (const char  *text,
                                  const char  *currency,
                                  gint64      *out_minor_units,
                                  GError     **error);

G_END_DECLS
