/* lia-cli-credential.c — customer credentials on the command line
 *
 * Secrets come in on standard input only, never as arguments: those show
 * in `ps`, in the shell's history and in logs of whatever ran the
 * command. A secret goes out only with `show ID --reveal`, which the
 * book audits like a reveal in the window.
 *
 * The keyring calls are asynchronous; a command has nothing else to do
 * meanwhile, so it runs the main context until the answer is in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <libsecret/secret.h>
#include <termios.h>
#include <unistd.h>

#include "lia-cli-credential.h"
#include "lia-cli-private.h"
#include "lia-credential-repository.h"
#include "lia-enum-types.h"
#include "lia-secrets.h"

#define USAGE                                                                              \
  "usage:\n"                                                                               \
  "  liaison credential add ACCOUNT-NUMBER --label LABEL [--kind portal|vpn|api-token|"    \
  "remote-access|other] [--username U] [--url URL] [--notes TEXT] [--rotation-days N]"     \
  "  (the secret: one line of standard input)\n"                                           \
  "  liaison credential list [ACCOUNT-NUMBER] [--format csv|text]\n"                       \
  "  liaison credential show ID [--reveal]  (--reveal prints the secret alone; audited)\n"  \
  "  liaison credential rotate ID  (the new secret: one line of standard input)\n"         \
  "  liaison credential delete ID\n"                                                       \
  "  liaison credential check  (unknown: secrets under this book's keyring id it cannot "  \
  "explain, e.g. a copy's)\n"                                                              \
  "  liaison credential remove-orphans  (keeps the unknown ones)\n"                         \
  "  liaison credential rotation-due [--format csv|text]"

static void
on_ready_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static void
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* One line on stderr in the command line's own words: the model's
 * messages are written for a banner. */
static int
fail_with (const char   *what,
           const GError *error)
{
  const char *reason = error->message;

  if (g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE))
    reason = "the keyring is not available (no secret service on the session bus)";
  else if (g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED))
    reason = "the keyring is locked (unlock it, then try again)";
  else if (g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND))
    reason = "the secret is missing from the keyring";
  else if (g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_FAILED))
    reason = "the keyring could not complete the request";

  if (what != NULL)
    return lia_cli_fail ("%s: %s", what, reason);
  return lia_cli_fail ("%s", reason);
}

/* One line of standard input, not echoed when a person types it. Free
 * with lia_secrets_text_free(). */
static char *
read_secret (const char  *prompt,
             GError     **error)
{
  struct termios saved, quiet;
  gboolean hidden = FALSE;
  char *secret;

  if (isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t)ECHO;
      hidden = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }

  secret = lia_cli_read_line (prompt, error);

  if (hidden)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }
  return secret;
}

static gboolean
parse_credential_id (const char *text,
                     gint64     *out_id)
{
  g_autofree char *message = NULL;

  if (lia_cli_parse_id (text, out_id))
    return TRUE;

  message = g_strdup_printf ("“%s” is not a credential id", text);
  lia_cli_usage (message);
  return FALSE;
}

static gboolean
parse_kind (const char        *text,
            LiaCredentialKind *out_kind)
{
  int value = LIA_CREDENTIAL_KIND_PORTAL;
  g_autofree char *message = NULL;

  if (text == NULL || lia_enum_from_nick (LIA_TYPE_CREDENTIAL_KIND, text, &value))
    {
      *out_kind = value;
      return TRUE;
    }

  message = g_strdup_printf ("unknown kind “%s” (known: portal, vpn, api-token, "
                             "remote-access, other)", text);
  lia_cli_usage (message);
  return FALSE;
}

static LiaCredentialRepository *
repository (LiaBook *book)
{
  return lia_book_get_credentials (book);
}

/* credential add ------------------------------------------------------- */

static int
credential_add (LiaBook  *book,
                int       argc,
                char    **argv)
{
  g_autofree char *label = NULL, *kind = NULL, *username = NULL, *url = NULL, *notes = NULL;
  int rotation_days = 0;
  GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_STRING, &label, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { "username", 0, 0, G_OPTION_ARG_STRING, &username, NULL, NULL },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, NULL, NULL },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &notes, NULL, NULL },
    { "rotation-days", 0, 0, G_OPTION_ARG_INT, &rotation_days, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(LiaCredential) credential = NULL;
  g_autoptr(LiaSecretsText) secret = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  LiaCredentialKind kind_value;

  if (!lia_cli_parse_options ("credential add", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (argc != 2 || label == NULL)
    return lia_cli_usage ("credential add takes an account number and --label; "
                          "the secret comes on standard input");
  if (rotation_days < 0)
    return lia_cli_usage ("--rotation-days is 0 (none) or more");
  if (!parse_kind (kind, &kind_value))
    return EXIT_USAGE;
  if (!(account = lia_cli_find_account (book, argv[1])))
    return EXIT_FAILED;

  if (!(secret = read_secret ("Secret: ", &error)))
    return lia_cli_fail ("%s", error->message);
  if (*secret == '\0')
    return lia_cli_fail ("no secret on standard input");

  credential = lia_credential_new (lia_account_get_id (account), label, kind_value);
  lia_credential_set_username (credential, username);
  lia_credential_set_url (credential, url);
  lia_credential_set_notes (credential, notes);
  lia_credential_set_rotation_days (credential, (guint)rotation_days);

  lia_credential_repository_add (repository (book), credential, secret, NULL, on_ready_cb, &result);
  wait_for (&result);
  if (!lia_credential_repository_add_finish (repository (book), result, &error))
    return fail_with (NULL, error);

  g_print ("%" G_GINT64_FORMAT "\n", lia_credential_get_id (credential));
  return EXIT_OK;
}

/* credential list, rotation-due ---------------------------------------- */

static const char *
state_word (LiaCredential *credential,
            gint64         now)
{
  if (lia_credential_get_secret_state (credential) == LIA_SECRET_STATE_MISSING)
    return "missing from keyring";
  if (lia_credential_is_rotation_overdue (credential, now))
    return "rotation overdue";
  return "";
}

static void
print_credential_row (LiaCredential *credential,
                      gint64         now,
                      gboolean       csv)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lia_credential_get_id (credential));
  g_autofree char *rotate_by = lia_credential_get_rotate_by (credential) != 0
                               ? lia_cli_format_date (lia_credential_get_rotate_by (credential))
                               : NULL;
  const char *fields[] = {
    id, lia_credential_get_account_name (credential), lia_credential_get_label (credential),
    lia_enum_to_nick (LIA_TYPE_CREDENTIAL_KIND, lia_credential_get_kind (credential)),
    lia_credential_get_username (credential), rotate_by, state_word (credential, now),
  };
  static const int widths[] = { 16, 24, 24, 13, 20, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = fields[i] && *fields[i] ? fields[i] : (csv ? "" : "—");
      gboolean last = i + 1 == G_N_ELEMENTS (fields);

      if (csv)
        lia_cli_print_csv_field (fields[i], last);
      else if (last)
        g_print ("%s\n", text);
      else
        g_print ("%s%*s", text, (int)MAX (widths[i] - g_utf8_strlen (text, -1), 0) + 2, "");
    }
}

static int
print_credentials (LiaBook    *book,
                   GListModel *credentials,
                   gboolean    csv)
{
  gint64 now = lia_book_now (book);
  guint n = g_list_model_get_n_items (credentials);

  if (csv)
    g_print ("id,account,label,kind,username,rotate_by,state\r\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaCredential) credential = g_list_model_get_item (credentials, i);

      print_credential_row (credential, now, csv);
    }
  return EXIT_OK;
}

/* One keyring search, so a list can mark what is missing. Without a
 * keyring the metadata is still worth listing: say so and go on. */
static gboolean
check (LiaBook *book,
       guint   *n_missing,
       guint   *n_orphans,
       guint   *n_unknown,
       GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lia_credential_repository_check (repository (book), NULL, on_ready_cb, &result);
  wait_for (&result);
  return lia_credential_repository_check_finish_full (repository (book), result, n_missing, n_orphans,
                                                      n_unknown, error);
}

static int
credential_list (LiaBook  *book,
                 int       argc,
                 char    **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GListModel) credentials = NULL;
  gboolean csv;

  if (!lia_cli_parse_options ("credential list", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (argc > 2)
    return lia_cli_usage ("credential list takes at most one account number");
  if (!lia_cli_check_format (format, &csv))
    return lia_cli_usage ("--format is csv or text");
  if (argc == 2 && !(account = lia_cli_find_account (book, argv[1])))
    return EXIT_FAILED;

  if (!check (book, NULL, NULL, NULL, &error))
    {
      fail_with ("not checked against the keyring", error);
      g_clear_error (&error);
    }

  credentials = account != NULL
    ? lia_credential_repository_list_for_account (repository (book), lia_account_get_id (account), &error)
    : lia_credential_repository_list_all (repository (book), &error);
  if (credentials == NULL)
    return lia_cli_fail ("%s", error->message);
  return print_credentials (book, credentials, csv);
}

static int
credential_rotation_due (LiaBook  *book,
                         int       argc,
                         char    **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) credentials = NULL;
  gboolean csv;

  if (!lia_cli_parse_options ("credential rotation-due", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (argc != 1)
    return lia_cli_usage ("credential rotation-due takes no positional arguments");
  if (!lia_cli_check_format (format, &csv))
    return lia_cli_usage ("--format is csv or text");

  if (!(credentials = lia_credential_repository_list_rotation_due (repository (book), &error)))
    return lia_cli_fail ("%s", error->message);
  return print_credentials (book, credentials, csv);
}

/* credential show ------------------------------------------------------ */

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *key = g_strconcat (label, ":", NULL);

  g_print ("%-16s%s\n", key, value && *value ? value : "—");
}

static void
print_time_field (const char *label,
                  gint64      time)
{
  g_autofree char *text = time != 0 ? lia_cli_format_time (time) : NULL;

  print_field (label, text);
}

static void
print_details (LiaBook       *book,
               LiaCredential *credential)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lia_credential_get_id (credential));
  g_autofree char *period = NULL;
  const char *secret = NULL;

  if (lia_credential_get_rotation_days (credential) > 0)
    period = g_strdup_printf ("%u days", lia_credential_get_rotation_days (credential));

  switch (lia_credential_get_secret_state (credential))
    {
    case LIA_SECRET_STATE_PRESENT: secret = "in the keyring"; break;
    case LIA_SECRET_STATE_MISSING: secret = "missing from keyring"; break;
    default:                       secret = "not checked (keyring unavailable)"; break;
    }

  print_field ("id", id);
  print_field ("account", lia_credential_get_account_name (credential));
  print_field ("label", lia_credential_get_label (credential));
  print_field ("kind", lia_enum_to_nick (LIA_TYPE_CREDENTIAL_KIND, lia_credential_get_kind (credential)));
  print_field ("username", lia_credential_get_username (credential));
  print_field ("url", lia_credential_get_url (credential));
  print_field ("notes", lia_credential_get_notes (credential));
  print_time_field ("created", lia_credential_get_created_at (credential));
  print_time_field ("rotated", lia_credential_get_rotated_at (credential));
  print_field ("rotation", period);
  print_time_field ("rotate by", lia_credential_get_rotate_by (credential));
  print_field ("overdue", lia_credential_is_rotation_overdue (credential, lia_book_now (book))
                          ? "yes" : "no");
  print_field ("secret", secret);
}

static int
reveal (LiaBook *book,
        gint64   id,
        char    *what)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  lia_credential_repository_reveal (repository (book), id, LIA_SECRET_USE_REVEAL, NULL,
                                    on_ready_cb, &result);
  wait_for (&result);
  if (!(secret = lia_credential_repository_reveal_finish (repository (book), result, &error)))
    return fail_with (what, error);

  g_print ("%s\n", secret);
  secret_password_free (secret);
  return EXIT_OK;
}

static int
credential_show (LiaBook  *book,
                 int       argc,
                 char    **argv)
{
  gboolean do_reveal = FALSE;
  GOptionEntry entries[] = {
    { "reveal", 0, 0, G_OPTION_ARG_NONE, &do_reveal, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaCredential) credential = NULL;
  g_autofree char *what = NULL;
  gint64 id;

  if (!lia_cli_parse_options ("credential show", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (argc != 2)
    return lia_cli_usage ("credential show takes one credential id");
  if (!parse_credential_id (argv[1], &id))
    return EXIT_USAGE;

  what = g_strdup_printf ("credential %" G_GINT64_FORMAT, id);
  if (do_reveal)
    return reveal (book, id, what);

  /* Present or missing, as a list would show it; a keyring that does not
   * answer leaves it unknown. */
  check (book, NULL, NULL, NULL, NULL);
  if (!(credential = lia_credential_repository_lookup (repository (book), id, &error)))
    return lia_cli_fail ("no credential with id %" G_GINT64_FORMAT, id);
  print_details (book, credential);
  return EXIT_OK;
}

/* credential rotate, delete -------------------------------------------- */

static int
credential_rotate (LiaBook  *book,
                   int       argc,
                   char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaSecretsText) secret = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *what = NULL;
  gint64 id;

  if (argc != 2)
    return lia_cli_usage ("credential rotate takes one credential id; "
                          "the new secret comes on standard input");
  if (!parse_credential_id (argv[1], &id))
    return EXIT_USAGE;

  if (!(secret = read_secret ("New secret: ", &error)))
    return lia_cli_fail ("%s", error->message);
  if (*secret == '\0')
    return lia_cli_fail ("no secret on standard input");

  what = g_strdup_printf ("credential %" G_GINT64_FORMAT, id);
  lia_credential_repository_rotate (repository (book), id, secret, NULL, on_ready_cb, &result);
  wait_for (&result);
  if (!lia_credential_repository_rotate_finish (repository (book), result, &error))
    return fail_with (what, error);
  return EXIT_OK;
}

static int
credential_delete (LiaBook  *book,
                   int       argc,
                   char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *what = NULL;
  gint64 id;

  if (argc != 2)
    return lia_cli_usage ("credential delete takes one credential id");
  if (!parse_credential_id (argv[1], &id))
    return EXIT_USAGE;

  what = g_strdup_printf ("credential %" G_GINT64_FORMAT, id);
  lia_credential_repository_delete (repository (book), id, NULL, on_ready_cb, &result);
  wait_for (&result);
  if (!lia_credential_repository_delete_finish (repository (book), result, &error))
    return fail_with (what, error);
  return EXIT_OK;
}

/* credential check, remove-orphans ------------------------------------- */

static int
credential_check (LiaBook  *book,
                  int       argc,
                  char    **argv)
{
  g_autoptr(GError) error = NULL;
  guint n_missing = 0, n_orphans = 0, n_unknown = 0;

  if (argc != 1)
    return lia_cli_usage ("credential check takes no arguments");
  if (!check (book, &n_missing, &n_orphans, &n_unknown, &error))
    return fail_with (NULL, error);

  /* unknown: secrets under this book's id that it cannot explain (a
   * copy's, or an add in flight elsewhere); remove-orphans keeps them. */
  g_print ("missing: %u\norphans: %u\nunknown: %u\n", n_missing, n_orphans, n_unknown);
  return EXIT_OK;
}

static int
credential_remove_orphans (LiaBook  *book,
                           int       argc,
                           char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint n_removed = 0, n_unknown = 0;

  if (argc != 1)
    return lia_cli_usage ("credential remove-orphans takes no arguments");

  lia_credential_repository_remove_orphans (repository (book), NULL, on_ready_cb, &result);
  wait_for (&result);
  if (!lia_credential_repository_remove_orphans_finish_full (repository (book), result, &n_removed,
                                                             &n_unknown, &error))
    return fail_with (NULL, error);

  g_print ("removed: %u\nunknown: %u\n", n_removed, n_unknown);
  return EXIT_OK;
}

static const struct
{
  const char    *name;
  LiaCliRunFunc  run;
} subcommands[] = {
  { "add", credential_add },
  { "list", credential_list },
  { "show", credential_show },
  { "rotate", credential_rotate },
  { "delete", credential_delete },
  { "check", credential_check },
  { "remove-orphans", credential_remove_orphans },
  { "rotation-due", credential_rotation_due },
};

int
lia_cli_credential (LiaBook  *book,
                    int       argc,
                    char    **argv)
{
  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      if (g_str_equal (argv[1], subcommands[i].name))
        return subcommands[i].run (book, argc - 1, argv + 1);

  return lia_cli_usage (USAGE);
}
