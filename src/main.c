/* main.c — entry point: the headless command line or the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "lia-application.h"
#include "lia-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands never touch GTK, so they run without a display. */
  if (lia_cli_is_command (argc, argv))
    return lia_cli_run (argc, argv);

  app = lia_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
