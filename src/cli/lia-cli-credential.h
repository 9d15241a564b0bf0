/* lia-cli-credential.h — `liaison credential …`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-book.h"

G_BEGIN_DECLS

/* argv[0] is "credential", argv[1] the subcommand. */
int lia_cli_credential (LiaBook  *book,
                        int       argc,
                        char    **argv);

G_END_DECLS
