/* lia-cli-common.c — errors, options and output shared by the commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "lia-account-repository.h"
#include "lia-choice.h"
#include "lia-cli-private.h"
#include "lia-secrets.h"
#include "lia-vault.h"

/* A value read from standard input: a tax id or bank details given on
 * the command line would show in `ps` and the shell's history. */
#define MAX_LINE_BYTES 16384

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
  /* One local zone for the run: looking it up per date stat()ed
   * /etc/localtime twice a row in long listings. */
  static GTimeZone *local_zone;  /* the command line is single-threaded */
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time == 0)
    return g_strdup ("");

  if (local_zone == NULL)
    local_zone = g_time_zone_new_local ();
  utc = g_date_time_new_from_unix_utc (unix_time);
  dt = g_date_time_to_timezone (utc, local_zone);
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

/* A positive integer id, the whole of @text. */
gboolean
lia_cli_parse_id (const char *text,
                  gint64     *out_id)
{
  guint64 id = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *out_id = (gint64)id;
  return TRUE;
}

/* One line of standard input without its line break; "" at the end of
 * input. @prompt goes to stderr only when a person is typing. Read a
 * byte at a time with read(2), so no stdio buffer keeps a copy; free the
 * result with lia_secrets_text_free(): it may be confidential. */
char *
lia_cli_read_line (const char  *prompt,
                   GError     **error)
{
  g_autoptr(LiaSecretsText) line = g_malloc0 (MAX_LINE_BYTES);
  gsize length = 0;

  if (isatty (STDIN_FILENO))
    g_printerr ("%s", prompt);

  for (;;)
    {
      char c;
      gssize got = read (STDIN_FILENO, &c, 1);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errno),
                               "cannot read standard input");
          return NULL;
        }
      if (got == 0 || c == '\n')
        break;
      if (length == MAX_LINE_BYTES - 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "the value is longer than %d bytes", MAX_LINE_BYTES - 1);
          return NULL;
        }
      line[length++] = c;
    }

  if (length > 0 && line[length - 1] == '\r')
    line[--length] = '\0';
  return g_steal_pointer (&line);
}

/* Loads the book's data key from the keyring, waiting for the answer:
 * a command has nothing else to do meanwhile. FALSE, having said why on
 * stderr, when confidential fields stay locked. */
gboolean
lia_cli_open_vault (LiaBook *book)
{
  LiaVault *vault = lia_book_get_vault (book);
  const char *why;

  lia_vault_open (vault);
  while (lia_vault_get_state (vault) == LIA_VAULT_STATE_OPENING)
    g_main_context_iteration (NULL, TRUE);

  if (lia_vault_has_key (vault))
    return TRUE;

  why = lia_vault_get_message (vault);
  lia_cli_fail ("confidential fields are locked: %s",
                why ? why : "the keyring did not give this book's key");
  return FALSE;
}
