/* lia-cli-common.c — errors, options and output shared by the commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <string.h>

#include "lia-account-repository.h"
#include "lia-choice.h"
#include "lia-cli-private.h"

/* One line on stderr; the work failed. */
int
lia_cli_fail (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("liaison: %s\n", message);
  return EXIT_FAILED;
}

/* One line (or the command table) on stderr; the command line was wrong. */
int
lia_cli_usage (const char *text)
{
  g_printerr ("liaison: %s\n", text);
  return EXIT_USAGE;
}

/* Parses a command's own options; leaves positional arguments in argv. */
gboolean
lia_cli_parse_options (const char    *command,
                       GOptionEntry  *entries,
                       int           *argc,
                       char        ***argv,
                       GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (command);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

/* --format: NULL or "text" prints columns, "csv" RFC 4180. */
gboolean
lia_cli_check_format (const char *format,
                      gboolean   *out_csv)
{
  if (format && !g_str_equal (format, "csv") && !g_str_equal (format, "text"))
    return FALSE;
  *out_csv = format && g_str_equal (format, "csv");
  return TRUE;
}

/* RFC 4180: quote a field when it holds a separator, quote or line break. */
void
lia_cli_print_csv_field (const char *value,
                         gboolean    last)
{
  value = value ? value : "";

  if (strpbrk (value, ",\"\r\n"))
    {
      g_autoptr(GString) quoted = g_string_new (value);

      g_string_replace (quoted, "\"", "\"\"", 0);
      g_print ("\"%s\"", quoted->str);
    }
  else
    g_print ("%s", value);

  g_print (last ? "\r\n" : ",");
}

static char *
format_local (gint64      unix_time,
              const char *format)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time == 0)
    return g_strdup ("");

  dt = g_date_time_new_from_unix_local (unix_time);
  return g_date_time_format (dt, format);
}

/* Local dates and times; "" for 0 (never). */
char *
lia_cli_format_date (gint64 unix_time)
{
  return format_local (unix_time, "%Y-%m-%d");
}

char *
lia_cli_format_time (gint64 unix_time)
{
  return format_local (unix_time, "%Y-%m-%d %H:%M");
}

/* NULL, having said so on stderr, when there is no such account. */
LiaAccount *
lia_cli_find_account (LiaBook    *book,
                      const char *number)
{
  g_autoptr(GError) error = NULL;
  LiaAccount *account;

  if (!(account = lia_account_repository_lookup_by_number (lia_book_get_accounts (book), number, &error)))
    lia_cli_fail ("no account numbered “%s”", number);
  return account;
}

/* Accepts a choice's id ("key-account") or its name ("Key account");
 * the id returned belongs to the item, which @choices holds. */
const char *
lia_cli_resolve_choice (GListModel *choices,
                        const char *text)
{
  guint n = g_list_model_get_n_items (choices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaChoice) choice = g_list_model_get_item (choices, i);

      if (g_ascii_strcasecmp (lia_choice_get_id (choice), text) == 0 ||
          g_ascii_strcasecmp (lia_choice_get_name (choice), text) == 0)
        return lia_choice_get_id (choice);
    }

  return NULL;
}

char *
lia_cli_known_choices (GListModel *choices)
{
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(LiaChoice) choice = g_list_model_get_item (choices, i);

      g_string_append_printf (known, "%s%s", i ? ", " : "", lia_choice_get_id (choice));
    }

  return g_string_free (g_steal_pointer (&known), FALSE);
}
