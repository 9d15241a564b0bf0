/* lia-cli-ics.c — iCalendar export and import on the command line
 *
 * Like the rest of the command line (lia-cli.c, lia-cli-event.c), its
 * own words are not translated: scripts read them, and src/cli is not in
 * po/POTFILES. The model's messages it passes on are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include "lia-cli-private.h"
#include "lia-ics.h"

/* FILE and --account NUMBER, as both commands take them; FALSE having
 * said why (the status to exit with in @out_status). */
static gboolean
parse_ics_args (const char  *command,
                LiaBook     *book,
                int          argc,
                char       **argv,
                GFile      **out_file,
                gint64      *out_account_id,
                int         *out_status)
{
  g_autofree char *number = NULL;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &number, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = NULL;

  *out_status = EXIT_USAGE;
  if (!lia_cli_parse_options (command, entries, &argc, &argv, &error))
    {
      lia_cli_usage (error->message);
      return FALSE;
    }
  if (argc != 2)
    {
      g_autofree char *text = g_strdup_printf ("%s takes one file", command);

      lia_cli_usage (text);
      return FALSE;
    }

  *out_status = EXIT_FAILED;
  if (number && !(account = lia_cli_find_account (book, number)))
    return FALSE;

  *out_file = g_file_new_for_commandline_arg (argv[1]);
  *out_account_id = account ? lia_account_get_id (account) : 0;
  return TRUE;
}

int
lia_cli_export_ics (LiaBook  *book,
                    int       argc,
                    char    **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account_id = 0;
  int status;

  if (!parse_ics_args ("export-ics", book, argc, argv, &file, &account_id, &status))
    return status;
  if (!lia_ics_export_file (book, account_id, 0, file, &error))
    return lia_cli_fail ("%s: %s", g_file_peek_path (file), error->message);
  return EXIT_OK;
}

int
lia_cli_import_ics (LiaBook  *book,
                    int       argc,
                    char    **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gint64 account_id = 0;
  guint added = 0, updated = 0;
  int status;

  if (!parse_ics_args ("import-ics", book, argc, argv, &file, &account_id, &status))
    return status;

  if (!lia_ics_import_file (book, file, account_id, &added, &updated, &error))
    {
      if (g_error_matches (error, LIA_ICS_ERROR, LIA_ICS_ERROR_UNMATCHED))
        return lia_cli_fail ("%s: %s (import them into one account with --account NUMBER)",
                             g_file_peek_path (file), error->message);
      return lia_cli_fail ("%s: %s", g_file_peek_path (file), error->message);
    }

  g_print ("%u added, %u updated\n", added, updated);
  return EXIT_OK;
}
