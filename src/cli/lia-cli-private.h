/* lia-cli-private.h — what the command line's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-account.h"
#include "lia-book.h"

G_BEGIN_DECLS

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* Each command gets its own argv starting at its last word, as GOption
 * expects, and returns the exit status. */
typedef int (*LiaCliRunFunc) (LiaBook *book,
                              int      argc,
                              char   **argv);

int         lia_cli_fail            (const char    *format,
                                     ...) G_GNUC_PRINTF (1, 2);
int         lia_cli_usage           (const char    *text);
gboolean    lia_cli_parse_options   (const char    *command,
                                     GOptionEntry  *entries,
                                     int           *argc,
                                     char        ***argv,
                                     GError       **error);
gboolean    lia_cli_check_format    (const char    *format,
                                     gboolean      *out_csv);
void        lia_cli_print_csv_field (const char    *value,
                                     gboolean       last);
char       *lia_cli_format_date     (gint64         unix_time);
char       *lia_cli_format_time     (gint64         unix_time);
LiaAccount *lia_cli_find_account    (LiaBook       *book,
                                     const char    *number);
const char *lia_cli_resolve_choice  (GListModel    *choices,
                                     const char    *text);
char       *lia_cli_known_choices   (GListModel    *choices);
gboolean    lia_cli_parse_id        (const char    *text,
                                     gint64        *out_id);
char       *lia_cli_read_line       (const char    *prompt,
                                     GError       **error);
gboolean    lia_cli_open_vault      (LiaBook       *book);

int         lia_cli_event_add        (LiaBook *book, int argc, char **argv);
int         lia_cli_event_list       (LiaBook *book, int argc, char **argv);
int         lia_cli_event_show       (LiaBook *book, int argc, char **argv);
int         lia_cli_event_set_status (LiaBook *book, int argc, char **argv);
int         lia_cli_vendor_add       (LiaBook *book, int argc, char **argv);
int         lia_cli_vendor_list      (LiaBook *book, int argc, char **argv);
int         lia_cli_export_ics       (LiaBook *book, int argc, char **argv);
int         lia_cli_import_ics       (LiaBook *book, int argc, char **argv);

G_END_DECLS
