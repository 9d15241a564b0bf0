/* lia-cli.h — the headless command line, on the model layer only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lia_cli_is_command (int    argc,
                             char **argv);
int      lia_cli_run        (int    argc,
                             char **argv);

G_END_DECLS
