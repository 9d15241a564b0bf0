/* lia-cli.c — the headless command line, on the model layer only
 *
 * `liaison [--data-dir DIR] COMMAND …` runs without a display, for scripts
 * and tests. Every failure is one line on stderr and a non-zero status:
 * 1 when the work failed, 2 when the command line was wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lia-account-list.h"
#include "lia-account-repository.h"
#include "lia-book.h"
#include "lia-cli.h"
#include "lia-cli-private.h"
#include "lia-enum-types.h"
#include "lia-history-entry.h"
#include "lia-money.h"
#include "lia-sample-data.h"
#include "lia-staff-member.h"

typedef struct
{
  const char    *name;
  LiaCliRunFunc  run;
  const char    *usage;
} Command;

static int
account_add (LiaBook  *book,
             int       argc,
             char    **argv)
{
  g_autofree char *number = NULL, *name = NULL, *segment = NULL, *manager = NULL;
  g_autofree char *plan = NULL, *value = NULL, *currency = NULL;
  GOptionEntry entries[] = {
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, NULL, NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &segment, NULL, NULL },
    { "manager", 0, 0, G_OPTION_ARG_STRING, &manager, NULL, NULL },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, NULL, NULL },
    { "contract-value", 0, 0, G_OPTION_ARG_STRING, &value, NULL, NULL },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = lia_account_new ();
  const char *segment_id;
  gint64 minor = 0;

  if (!lia_cli_parse_options ("account add", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (!number || !name || !segment)
    return lia_cli_usage ("account add needs --number, --name and --segment");
  if (argc > 1)
    return lia_cli_usage ("account add takes no positional arguments");

  if (!(segment_id = lia_cli_resolve_choice (lia_book_get_segments (book), segment)))
    {
      g_autofree char *known = lia_cli_known_choices (lia_book_get_segments (book));
      return lia_cli_fail ("unknown segment “%s” (known: %s)", segment, known);
    }

  lia_account_set_number (account, number);
  lia_account_set_name (account, name);
  lia_account_set_segment_id (account, segment_id);
  lia_account_set_service_plan_id (account, plan);
  if (currency)
    lia_account_set_currency (account, currency);
  if (value && !lia_money_parse (value, lia_account_get_currency (account), &minor, &error))
    return lia_cli_fail ("%s", error->message);
  lia_account_set_contract_value (account, minor);

  /* Scripts name managers; one not yet on file is added as staff, in the
   * same transaction as the account, so a refused account adds nobody. */
  if (!lia_book_begin (book, &error))
    return lia_cli_fail ("%s", error->message);

  if (manager)
    {
      gint64 manager_id = lia_book_find_staff (book, manager);

      if (manager_id == 0 &&
          !lia_book_add_staff (book, manager, LIA_STAFF_ROLE_ACCOUNT_MANAGER, NULL, &manager_id, &error))
        {
          lia_book_rollback (book);
          return lia_cli_fail ("%s", error->message);
        }
      lia_account_set_manager_id (account, manager_id);
    }

  if (!lia_account_repository_create (lia_book_get_accounts (book), account, &error))
    {
      lia_book_rollback (book);
      return lia_cli_fail ("%s", error->message);
    }
  if (!lia_book_commit (book, &error))
    return lia_cli_fail ("%s", error->message);

  g_print ("%s\n", lia_account_get_number (account));
  return EXIT_OK;
}

static int
account_list (LiaBook  *book,
              int       argc,
              char    **argv)
{
  g_autofree char *format = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccountList) list = NULL;
  gboolean csv;
  guint n;

  if (!lia_cli_parse_options ("account list", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (!lia_cli_check_format (format, &csv))
    return lia_cli_usage ("--format is csv or text");

  /* The same lazy list the window shows, walked page by page. */
  list = lia_account_list_new (book);
  lia_account_list_set_include_closed (list, all);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (csv)
    g_print ("number,name,segment,state,manager,contract_value,currency,last_verified\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAccount) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *verified = lia_cli_format_date (lia_account_get_last_verified_at (a));
      const char *state = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, lia_account_get_state (a));

      if (csv)
        {
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, lia_account_get_contract_value (a));

          lia_cli_print_csv_field (lia_account_get_number (a), FALSE);
          lia_cli_print_csv_field (lia_account_get_name (a), FALSE);
          lia_cli_print_csv_field (lia_account_get_segment_id (a), FALSE);
          lia_cli_print_csv_field (state, FALSE);
          lia_cli_print_csv_field (lia_account_get_manager_name (a), FALSE);
          lia_cli_print_csv_field (value, FALSE);
          lia_cli_print_csv_field (lia_account_get_currency (a), FALSE);
          lia_cli_print_csv_field (verified, TRUE);
        }
      else
        g_print ("%-12s  %-40s  %-14s  %-8s  %s\n", lia_account_get_number (a),
                 lia_account_get_name (a), lia_account_get_segment_id (a), state,
                 lia_account_get_manager_name (a) ? lia_account_get_manager_name (a) : "—");
    }

  return EXIT_OK;
}

static void
print_contacts (LiaBook    *book,
                LiaAccount *account)
{
  g_autoptr(GListModel) contacts =
    lia_account_repository_list_contacts (lia_book_get_accounts (book), lia_account_get_id (account), NULL);

  for (guint i = 0; contacts && i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(LiaContact) c = g_list_model_get_item (contacts, i);

      g_print ("  contact:        %s, %s <%s> %s\n", lia_contact_get_name (c),
               lia_contact_get_role (c), lia_contact_get_email (c), lia_contact_get_phone (c));
    }
}

static void
print_history (LiaBook    *book,
               LiaAccount *account)
{
  g_autoptr(GListModel) history =
    lia_account_repository_list_history (lia_book_get_accounts (book), lia_account_get_id (account), NULL);

  for (guint i = 0; history && i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(LiaHistoryEntry) h = g_list_model_get_item (history, i);
      g_autofree char *when = lia_cli_format_date (lia_history_entry_get_changed_at (h));
      int from = lia_history_entry_get_from_state (h);

      g_print ("  history:        %s %s → %s by %s: %s\n", when,
               from < 0 ? "—" : lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, from),
               lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, lia_history_entry_get_to_state (h)),
               lia_history_entry_get_actor (h), lia_history_entry_get_reason (h));
    }
}

static int
account_show (LiaBook  *book,
              int       argc,
              char    **argv)
{
  g_autoptr(LiaAccount) a = NULL;
  g_autofree char *value = NULL, *verified = NULL;
  const char *plan;

  if (argc != 2)
    return lia_cli_usage ("account show takes one account number");
  if (!(a = lia_cli_find_account (book, argv[1])))
    return EXIT_FAILED;

  value = lia_account_format_contract_value (a);
  verified = lia_cli_format_date (lia_account_get_last_verified_at (a));
  plan = lia_account_get_service_plan_id (a);

  g_print ("number:           %s\n", lia_account_get_number (a));
  g_print ("name:             %s\n", lia_account_get_name (a));
  g_print ("segment:          %s\n", lia_book_get_segment_name (book, lia_account_get_segment_id (a)));
  g_print ("service plan:     %s\n", plan ? lia_book_get_service_plan_name (book, plan) : "—");
  g_print ("channel:          %s\n", lia_enum_to_nick (LIA_TYPE_CHANNEL, lia_account_get_channel (a)));
  g_print ("state:            %s\n", lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, lia_account_get_state (a)));
  g_print ("manager:          %s\n", lia_account_get_manager_name (a) ? lia_account_get_manager_name (a) : "—");
  g_print ("contract value:   %s\n", value);
  g_print ("address:          %s\n", lia_account_get_address (a));
  g_print ("last verified:    %s\n", *verified ? verified : "never");
  print_contacts (book, a);
  print_history (book, a);
  return EXIT_OK;
}

static int
account_set_state (LiaBook  *book,
                   int       argc,
                   char    **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = NULL;
  int state;

  if (!lia_cli_parse_options ("account set-state", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (argc != 3)
    return lia_cli_usage ("account set-state takes an account number and a state");
  if (!lia_enum_from_nick (LIA_TYPE_ACCOUNT_STATE, argv[2], &state))
    return lia_cli_usage ("states are prospect, opening, active, dormant, closing, closed");
  if (!(account = lia_cli_find_account (book, argv[1])))
    return EXIT_FAILED;

  if (!lia_account_repository_transition (lia_book_get_accounts (book), account, state, reason, &error))
    return lia_cli_fail ("%s", error->message);

  return EXIT_OK;
}

static int
sample_data (LiaBook  *book,
             int       argc,
             char    **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 1)
    return lia_cli_usage ("sample-data takes no arguments");
  if (!lia_sample_data_generate (book, LIA_SAMPLE_DATA_ACCOUNTS, 1, &error))
    return lia_cli_fail ("%s", error->message);

  g_print ("Added %u sample accounts to %s\n", LIA_SAMPLE_DATA_ACCOUNTS, lia_book_get_path (book));
  return EXIT_OK;
}

static const Command commands[] = {
  { "account add", account_add, "account add --number N --name NAME --segment SEGMENT [--manager NAME] [--plan PLAN] [--contract-value V] [--currency CUR]" },
  { "account list", account_list, "account list [--format csv|text] [--all]" },
  { "account show", account_show, "account show NUMBER" },
  { "account set-state", account_set_state, "account set-state NUMBER STATE --reason REASON" },
  { "event add", lia_cli_event_add, "event add --account NUMBER --kind KIND --summary TEXT [--details TEXT] [--severity critical|high|medium|low] [--source phone|email|portal|meeting|visit] [--staff NAME | --vendor NAME] [--opened \"YYYY-MM-DD HH:MM\"]" },
  { "event list", lia_cli_event_list, "event list [--account NUMBER [--subsidiaries]] [--kind KIND] [--status STATUS] [--sla running|at-risk|met|breached|paused|none] [--limit N] [--format csv|text]" },
  { "event show", lia_cli_event_show, "event show ID" },
  { "event set-status", lia_cli_event_set_status, "event set-status ID open|in-progress|waiting|resolved|closed" },
  { "vendor add", lia_cli_vendor_add, "vendor add --name NAME [--contact NAME] [--email E] [--phone P] [--plan PLAN]" },
  { "vendor list", lia_cli_vendor_list, "vendor list [--format csv|text]" },
  { "export-ics", lia_cli_export_ics, "export-ics FILE [--account NUMBER]" },
  { "import-ics", lia_cli_import_ics, "import-ics FILE [--account NUMBER]" },
  { "sample-data", sample_data, "sample-data" },
};

static const Command *
find_command (int    argc,
              char **argv,
              int   *consumed)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) words = g_strsplit (commands[i].name, " ", -1);
      guint n = g_strv_length (words);
      gboolean match = (guint)argc >= n;

      for (guint w = 0; match && w < n; w++)
        match = g_str_equal (argv[w], words[w]);

      if (match)
        {
          *consumed = n;
          return &commands[i];
        }
    }

  return NULL;
}

/* Removes --data-dir DIR / --data-dir=DIR wherever it stands. */
static char *
take_data_dir (int   *argc,
               char **argv)
{
  char *data_dir = NULL;
  int out = 0;

  for (int i = 0; i < *argc; i++)
    {
      const char *value = NULL;

      if (g_str_equal (argv[i], "--data-dir") && i + 1 < *argc)
        value = argv[++i];
      else if (g_str_has_prefix (argv[i], "--data-dir="))
        value = argv[i] + strlen ("--data-dir=");
      else
        argv[out++] = argv[i];

      if (value)
        {
          g_free (data_dir);
          data_dir = g_strdup (value);
        }
    }

  *argc = out;
  return data_dir;
}

static const char * const command_words[] = {
  "account", "event", "vendor", "export-ics", "import-ics", "sample-data", NULL
};

/* The first word that is not an option (or an option's value) decides. */
gboolean
lia_cli_is_command (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--data-dir"))
        {
          i++;
          continue;
        }
      if (argv[i][0] == '-')
        continue;
      return g_strv_contains (command_words, argv[i]);
    }

  return FALSE;
}

int
lia_cli_run (int    argc,
             char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaBook) book = NULL;
  const Command *command;
  int consumed = 0;

  data_dir = take_data_dir (&argc, argv);
  if (!(command = find_command (argc - 1, argv + 1, &consumed)))
    {
      g_autoptr(GString) text = g_string_new ("usage:");

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_string_append_printf (text, "\n  liaison [--data-dir DIR] %s", commands[i].usage);
      return lia_cli_usage (text->str);
    }

  if (data_dir == NULL)
    data_dir = lia_book_default_data_dir ();
  path = lia_book_path_for_data_dir (data_dir);

  if (!(book = lia_book_open (path, &error)))
    return lia_cli_fail ("%s", error->message);

  /* The command's own argv starts at its last word, as GOption expects. */
  return command->run (book, argc - consumed, argv + consumed);
}
