/* lia-views.c — what the views library needs before its first widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-resources.h"
#include "lia-views.h"

/**
 * lia_views_init:
 *
 * Registers the templates, style sheet and icons. Safe to call more than
 * once; the application calls it before startup and the display tests
 * call it before their first widget.
 */
void
lia_views_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      lia_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}
