/* main.c — entry point: the headless command line or the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "lia-application.h"
#include "lia-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiaApplication) app = NULL;

#ifdef __GLIBC__
  /* Scrolling the account list makes and frees objects page by page, and
   * the GL renderer frees large buffers; glibc then raises its trim and
   * mmap thresholds and keeps megabytes it no longer uses. Fixed, modest
   * thresholds hand freed memory back (about 10 MB at 100k accounts). */
  mallopt (M_TRIM_THRESHOLD, 128 * 1024);
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif

  setlocale (LC_ALL, "");
  /* Run uninstalled (say, for a screenshot in another language), the
   * catalogues are in the build tree: <builddir>/po. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIAISON_LOCALEDIR") ? g_getenv ("LIAISON_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands never touch GTK, so they run without a display. */
  if (lia_cli_is_command (argc, argv))
    return lia_cli_run (argc, argv);

  app = lia_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
