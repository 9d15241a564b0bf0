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
#include "lia-cli-credential.h"
#include "lia-enum-types.h"
#include "lia-field-repository.h"
#include "lia-history-entry.h"
#include "lia-money.h"
#include "lia-personal-data.h"
#include "lia-secrets.h"
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

/* The account's classified fields as CSV fields, in @classes' order; a
 * confidential one only with @include_confidential. (One lookup a field:
 * fetching the row's values as objects at once measured slower.) */
static gboolean
print_csv_fields (LiaBook     *book,
                  LiaAccount  *account,
                  GListModel  *classes,
                  gboolean     include_confidential,
                  GError     **error)
{
  LiaFieldRepository *fields = lia_book_get_fields (book);
  guint n = g_list_model_get_n_items (classes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaFieldClass) class = g_list_model_get_item (classes, i);
      g_autoptr(LiaSecretsText) text = NULL;
      g_autoptr(GError) local_error = NULL;

      text = lia_field_repository_get_for_export (fields, LIA_FIELD_ENTITY_ACCOUNT,
                                                  lia_account_get_id (account),
                                                  lia_field_class_get_field (class),
                                                  include_confidential, &local_error);
      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s %s: ",
                                      lia_account_get_number (account),
                                      lia_field_class_get_field (class));
          return FALSE;
        }
      lia_cli_print_csv_field (text, i + 1 == n);
    }

  return TRUE;
}

static int
account_list (LiaBook  *book,
              int       argc,
              char    **argv)
{
  g_autofree char *format = NULL;
  gboolean all = FALSE, include_confidential = FALSE;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, NULL, NULL },
    { "include-confidential", 0, 0, G_OPTION_ARG_NONE, &include_confidential, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccountList) list = NULL;
  g_autoptr(GListModel) classes = NULL;
  gboolean csv;
  guint n;

  if (!lia_cli_parse_options ("account list", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (!lia_cli_check_format (format, &csv))
    return lia_cli_usage ("--format is csv or text");
  if (include_confidential && !csv)
    return lia_cli_usage ("--include-confidential goes with --format csv");

  /* The same lazy list the window shows, walked page by page. */
  list = lia_account_list_new (book);
  lia_account_list_set_include_closed (list, all);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  classes = lia_field_repository_list_classes (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT);

  /* The trail says so before a confidential value is written out. */
  if (include_confidential &&
      (!lia_cli_open_vault (book) ||
       !lia_field_repository_audit_export (lia_book_get_fields (book), "account list", n, &error)))
    return error ? lia_cli_fail ("%s", error->message) : EXIT_FAILED;

  /* A column per classified field, named as stored, after the fixed ones. */
  if (csv)
    {
      guint n_classes = g_list_model_get_n_items (classes);

      g_print ("number,name,segment,state,manager,contract_value,currency,last_verified%s",
               n_classes > 0 ? "," : "\r\n");
      for (guint i = 0; i < n_classes; i++)
        {
          g_autoptr(LiaFieldClass) class = g_list_model_get_item (classes, i);

          lia_cli_print_csv_field (lia_field_class_get_field (class), i + 1 == n_classes);
        }
    }

  /* One read transaction for the whole listing: a consistent snapshot,
   * and one WAL read lock instead of one per statement (five times
   * faster with the classified fields' lookups). */
  if (!lia_book_begin (book, &error))
    return lia_cli_fail ("%s", error->message);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAccount) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *verified = lia_cli_format_date (lia_account_get_last_verified_at (a));
      const char *state = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, lia_account_get_state (a));

      if (csv)
        {
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, lia_account_get_contract_value (a));
          gboolean more = g_list_model_get_n_items (classes) > 0;

          lia_cli_print_csv_field (lia_account_get_number (a), FALSE);
          lia_cli_print_csv_field (lia_account_get_name (a), FALSE);
          lia_cli_print_csv_field (lia_account_get_segment_id (a), FALSE);
          lia_cli_print_csv_field (state, FALSE);
          lia_cli_print_csv_field (lia_account_get_manager_name (a), FALSE);
          lia_cli_print_csv_field (value, FALSE);
          lia_cli_print_csv_field (lia_account_get_currency (a), FALSE);
          lia_cli_print_csv_field (verified, !more);
          if (more && !print_csv_fields (book, a, classes, include_confidential, &error))
            {
              lia_book_rollback (book);
              return lia_cli_fail ("%s", error->message);
            }
        }
      else
        g_print ("%-12s  %-40s  %-14s  %-8s  %s\n", lia_account_get_number (a),
                 lia_account_get_name (a), lia_account_get_segment_id (a), state,
                 lia_account_get_manager_name (a) ? lia_account_get_manager_name (a) : "—");
    }

  if (!lia_book_commit (book, &error))
    return lia_cli_fail ("%s", error->message);
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

/* The class of @field among the account's, or NULL having said which
 * fields there are (a usage error). */
static LiaFieldClass *
find_account_field (LiaBook    *book,
                    const char *field)
{
  g_autoptr(GListModel) classes =
    lia_field_repository_list_classes (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT);
  g_autoptr(GString) known = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(LiaFieldClass) class = g_list_model_get_item (classes, i);

      if (g_str_equal (lia_field_class_get_field (class), field))
        return g_steal_pointer (&class);
      g_string_append_printf (known, "%s%s", i ? ", " : "", lia_field_class_get_field (class));
    }

  {
    g_autofree char *message = g_strdup_printf ("unknown field “%s” (known: %s)", field, known->str);
    lia_cli_usage (message);
  }
  return NULL;
}

/* Continuation lines under the first one's value column. */
static void
print_indented (const char *text,
                guint       indent)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("%*s%s\n", i ? (int)indent : 0, "", lines[i]);
}

static int
account_fields (LiaBook  *book,
                int       argc,
                char    **argv)
{
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    return lia_cli_usage ("account fields takes one account number");
  if (!(account = lia_cli_find_account (book, argv[1])))
    return EXIT_FAILED;

  /* Never opened here: a confidential value only says it is set. */
  values = lia_field_repository_list_values (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT,
                                             lia_account_get_id (account), &error);
  if (values == NULL)
    return lia_cli_fail ("%s", error->message);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LiaFieldValue) value = g_list_model_get_item (values, i);
      LiaFieldLevel level = lia_field_value_get_level (value);
      const char *text = lia_field_value_get_text (value);

      g_print ("%-20s  %-12s  ", lia_field_value_get_field (value),
               lia_enum_to_nick (LIA_TYPE_FIELD_LEVEL, level));
      if (!lia_field_value_has_value (value))
        g_print ("—\n");
      else if (text == NULL)
        g_print ("(confidential)\n");
      else
        print_indented (text, 20 + 2 + 12 + 2);
    }

  return EXIT_OK;
}

static int
account_set_field (LiaBook  *book,
                   int       argc,
                   char    **argv)
{
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(LiaFieldClass) class = NULL;
  g_autoptr(LiaSecretsText) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *value;

  if (argc != 3 && argc != 4)
    return lia_cli_usage ("account set-field takes an account number, a field and a value "
                          "(without one, a line of standard input)");
  if (!(class = find_account_field (book, argv[2])))
    return EXIT_USAGE;
  if (!(account = lia_cli_find_account (book, argv[1])))
    return EXIT_FAILED;

  /* An argument is in `ps` and the shell's history before we see it. */
  if (argc == 4 && lia_field_class_get_level (class) == LIA_FIELD_LEVEL_CONFIDENTIAL && *argv[3] != '\0')
    return lia_cli_usage ("a confidential value is not taken as an argument: leave VALUE out "
                          "and give it on standard input");

  if (argc == 4)
    value = argv[3];
  else
    {
      g_autofree char *prompt = g_strdup_printf ("%s (empty clears): ", argv[2]);

      if (!(read = lia_cli_read_line (prompt, &error)))
        return lia_cli_fail ("%s", error->message);
      value = read;
    }

  /* Only sealing needs the key; a public field never asks the keyring. */
  if (lia_field_class_get_level (class) == LIA_FIELD_LEVEL_CONFIDENTIAL && *value != '\0' &&
      !lia_cli_open_vault (book))
    return EXIT_FAILED;

  if (!lia_field_repository_set_value (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT,
                                       lia_account_get_id (account), argv[2], value, &error))
    return lia_cli_fail ("%s", error->message);

  return EXIT_OK;
}

static int
account_reveal (LiaBook  *book,
                int       argc,
                char    **argv)
{
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(LiaFieldClass) class = NULL;
  g_autoptr(LiaSecretsText) text = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    return lia_cli_usage ("account reveal takes an account number and a field");
  if (!(class = find_account_field (book, argv[2])))
    return EXIT_USAGE;
  if (!(account = lia_cli_find_account (book, argv[1])))
    return EXIT_FAILED;

  if (lia_field_class_get_level (class) == LIA_FIELD_LEVEL_CONFIDENTIAL && !lia_cli_open_vault (book))
    return EXIT_FAILED;

  text = lia_field_repository_reveal (lia_book_get_fields (book), LIA_FIELD_ENTITY_ACCOUNT,
                                      lia_account_get_id (account), argv[2], &error);
  if (error != NULL)
    return lia_cli_fail ("%s", error->message);
  if (text == NULL)
    return lia_cli_fail ("%s has no %s", argv[1], argv[2]);

  g_print ("%s\n", text);
  return EXIT_OK;
}

static int
contact_personal_data (LiaBook  *book,
                       int       argc,
                       char    **argv)
{
  g_autoptr(LiaPersonalData) data = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *items;
  gint64 id;

  if (argc != 2 || !lia_cli_parse_id (argv[1], &id))
    return lia_cli_usage ("contact personal-data takes one contact id");
  if (!(data = lia_personal_data_collect (book, id, &error)))
    return lia_cli_fail ("%s", error->message);

  g_print ("contact %" G_GINT64_FORMAT ": %s\n", id, lia_personal_data_get_name (data));
  items = lia_personal_data_get_items (data);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LiaPersonalDataItem) item = g_list_model_get_item (items, i);
      g_autofree char *when = lia_cli_format_time (lia_personal_data_item_get_time (item));
      const char *value = lia_personal_data_item_get_value (item);

      g_print ("%-12s  %-16s  %s: ",
               lia_enum_to_nick (LIA_TYPE_PERSONAL_DATA_SECTION, lia_personal_data_item_get_section (item)),
               when, lia_personal_data_item_get_label (item));
      if (lia_personal_data_item_is_confidential (item))
        g_print ("(confidential)\n");
      else
        print_indented (value ? value : "", 12 + 2 + 16 + 2);
    }

  return EXIT_OK;
}

static int
contact_erase (LiaBook  *book,
               int       argc,
               char    **argv)
{
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!lia_cli_parse_options ("contact erase", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (argc != 2 || !lia_cli_parse_id (argv[1], &id))
    return lia_cli_usage ("contact erase takes one contact id");
  if (!yes)
    return lia_cli_usage ("contact erase cannot be undone: confirm with --yes");

  if (!lia_personal_data_erase (book, id, &error))
    return lia_cli_fail ("%s", error->message);

  g_print ("erased contact %" G_GINT64_FORMAT "\n", id);
  return EXIT_OK;
}

static const Command commands[] = {
  { "account add", account_add, "account add --number N --name NAME --segment SEGMENT [--manager NAME] [--plan PLAN] [--contract-value V] [--currency CUR]" },
  { "account list", account_list, "account list [--format csv|text] [--all] [--include-confidential]" },
  { "account show", account_show, "account show NUMBER" },
  { "account set-state", account_set_state, "account set-state NUMBER STATE --reason REASON" },
  { "account fields", account_fields, "account fields NUMBER" },
  { "account set-field", account_set_field, "account set-field NUMBER FIELD [VALUE]  (no VALUE: one line of standard input, the only way for a confidential field; empty clears)" },
  { "account reveal", account_reveal, "account reveal NUMBER FIELD" },
  { "contact personal-data", contact_personal_data, "contact personal-data CONTACT-ID" },
  { "contact erase", contact_erase, "contact erase CONTACT-ID --yes" },
  { "credential", lia_cli_credential, "credential add|list|show|rotate|delete|check|remove-orphans|rotation-due …  (liaison credential: the details)" },
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
  "account", "contact", "credential", "event", "vendor", "export-ics", "import-ics", "sample-data", NULL
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

/* g_print()'s default handler flushes after every call: a CSV export
 * of 20,000 accounts made 440,000 write()s. Buffered, stdout is flushed
 * when the command exits. */
static void
print_buffered (const char *text)
{
  fputs (text, stdout);
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

  g_set_print_handler (print_buffered);
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
