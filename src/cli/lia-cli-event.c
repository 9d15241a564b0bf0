/* lia-cli-event.c — events and vendors on the command line
 *
 * `event list` walks the LiaTimeline the window shows, a page at a time,
 * so scripts see the same rows in the same order, paged the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-cli"

#include "config.h"

#include <stdio.h>

#include "lia-account-repository.h"
#include "lia-cli-private.h"
#include "lia-enum-types.h"
#include "lia-event-repository.h"
#include "lia-status-change.h"
#include "lia-timeline.h"

#define DEFAULT_LIMIT 50
/* For parse_nick(): every value of the type is allowed. */
#define ALL_VALUES G_MAXUINT

static const char *
or_dash (const char *text)
{
  return text && *text ? text : "—";
}

/* One row of a list: RFC 4180 fields, or columns of @widths characters
 * (printf would pad by bytes) with the last one unpadded. */
static void
print_row (const char * const *fields,
           guint               n_fields,
           const int          *widths,
           gboolean            csv)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *text = or_dash (fields[i]);

      if (csv)
        lia_cli_print_csv_field (fields[i], i + 1 == n_fields);
      else if (i + 1 == n_fields)
        g_print ("%s\n", text);
      else
        g_print ("%s%*s", text, (int)MAX (widths[i] - g_utf8_strlen (text, -1), 0) + 2, "");
    }
}

/* Reads @text as a nick of @type whose value is below @n_values (so
 * severities can leave out "none"). Otherwise reports a usage error that
 * lists the allowed nicks, and returns FALSE: the caller exits EXIT_USAGE. */
static gboolean
parse_nick (GType       type,
            guint       n_values,
            const char *what,
            const char *text,
            int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) known = NULL;
  g_autofree char *message = NULL;

  if (lia_enum_from_nick (type, text, value) && (guint)*value < n_values)
    return TRUE;

  klass = g_type_class_ref (type);
  known = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    if ((guint)klass->values[i].value < n_values)
      g_string_append_printf (known, "%s%s", known->len ? ", " : "", klass->values[i].value_nick);

  message = g_strdup_printf ("unknown %s “%s” (known: %s)", what, text, known->str);
  lia_cli_usage (message);
  return FALSE;
}

/* A mask with the bit (1 << value) of every value of @type; the model's
 * vocabularies number their values from 0 without gaps. */
static guint
every_value (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  return (1u << klass->n_values) - 1;
}

static gboolean
parse_event_id (const char *text,
                gint64     *out_id)
{
  g_autofree char *message = NULL;

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out_id, NULL))
    return TRUE;

  message = g_strdup_printf ("“%s” is not an event id", text);
  lia_cli_usage (message);
  return FALSE;
}

/* "YYYY-MM-DD HH:MM" in local time. */
static gboolean
parse_local_time (const char *text,
                  gint64     *out_time)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day, hour, minute;
  char trailing;

  if (sscanf (text, "%4d-%2d-%2d %2d:%2d%c", &year, &month, &day, &hour, &minute, &trailing) != 5)
    return FALSE;
  /* NULL for a day or time that does not exist. */
  if (!(dt = g_date_time_new_local (year, month, day, hour, minute, 0)))
    return FALSE;

  *out_time = g_date_time_to_unix (dt);
  return TRUE;
}

/* Vendors are unique by name, ignoring ASCII case, as in the database. */
static LiaVendor *
find_vendor (LiaBook    *book,
             const char *name)
{
  GListModel *vendors = lia_event_repository_get_vendors (lia_book_get_events (book));

  for (guint i = 0; i < g_list_model_get_n_items (vendors); i++)
    {
      g_autoptr(LiaVendor) vendor = g_list_model_get_item (vendors, i);

      if (g_ascii_strcasecmp (lia_vendor_get_name (vendor), name) == 0)
        return g_steal_pointer (&vendor);
    }

  return NULL;
}

/* --staff or --vendor, each by name; FALSE, having said so, when the
 * name is not on file (a typo should not file work under nobody). */
static gboolean
set_performer (LiaBook    *book,
               LiaEvent   *event,
               const char *staff,
               const char *vendor)
{
  g_autoptr(LiaVendor) found = NULL;
  gint64 staff_id = 0;

  if (staff && (staff_id = lia_book_find_staff (book, staff)) == 0)
    {
      lia_cli_fail ("no staff member named “%s”", staff);
      return FALSE;
    }
  if (vendor && !(found = find_vendor (book, vendor)))
    {
      lia_cli_fail ("no vendor named “%s”", vendor);
      return FALSE;
    }

  if (staff_id != 0)
    lia_event_set_staff_id (event, staff_id);
  if (found != NULL)
    lia_event_set_vendor_id (event, lia_vendor_get_id (found));
  return TRUE;
}

/* The words of `event add`, checked before the book is touched. */
typedef struct
{
  int    kind;
  int    severity;
  int    source;
  gint64 opened_at;    /* 0: now */
} EventWords;

static gboolean
parse_event_words (const char *kind,
                   const char *severity,
                   const char *source,
                   const char *opened,
                   EventWords *words)
{
  *words = (EventWords) { 0, LIA_SEVERITY_NONE, LIA_EVENT_SOURCE_PHONE, 0 };

  if (!parse_nick (LIA_TYPE_EVENT_KIND, ALL_VALUES, "kind", kind, &words->kind) ||
      (severity && !parse_nick (LIA_TYPE_SEVERITY, LIA_SEVERITY_NONE, "severity", severity, &words->severity)) ||
      (source && !parse_nick (LIA_TYPE_EVENT_SOURCE, ALL_VALUES, "source", source, &words->source)))
    return FALSE;
  if (severity && !lia_event_kind_has_severity (words->kind))
    {
      lia_cli_usage ("only incidents and requests have a severity");
      return FALSE;
    }
  if (opened && !parse_local_time (opened, &words->opened_at))
    {
      lia_cli_usage ("--opened is “YYYY-MM-DD HH:MM”, in local time");
      return FALSE;
    }
  return TRUE;
}

int
lia_cli_event_add (LiaBook  *book,
                   int       argc,
                   char    **argv)
{
  g_autofree char *number = NULL, *kind = NULL, *summary = NULL, *details = NULL;
  g_autofree char *severity = NULL, *source = NULL, *staff = NULL, *vendor = NULL, *opened = NULL;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &number, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary, NULL, NULL },
    { "details", 0, 0, G_OPTION_ARG_STRING, &details, NULL, NULL },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity, NULL, NULL },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, NULL, NULL },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, NULL, NULL },
    { "vendor", 0, 0, G_OPTION_ARG_STRING, &vendor, NULL, NULL },
    { "opened", 0, 0, G_OPTION_ARG_STRING, &opened, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(LiaEvent) event = NULL;
  EventWords words;

  if (!lia_cli_parse_options ("event add", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (!number || !kind || !summary)
    return lia_cli_usage ("event add needs --account, --kind and --summary");
  if (argc > 1)
    return lia_cli_usage ("event add takes no positional arguments");
  if (staff && vendor)
    return lia_cli_usage ("an event is performed by --staff or by --vendor, not both");
  if (!parse_event_words (kind, severity, source, opened, &words))
    return EXIT_USAGE;
  if (!(account = lia_cli_find_account (book, number)))
    return EXIT_FAILED;

  event = lia_event_new (lia_account_get_id (account), words.kind, summary);
  lia_event_set_details (event, details);
  if (severity)
    lia_event_set_severity (event, words.severity);
  lia_event_set_source (event, words.source);
  lia_event_set_opened_at (event, words.opened_at);
  if (!set_performer (book, event, staff, vendor))
    return EXIT_FAILED;

  /* The model checks the rest (summary, times) and says what is wrong. */
  if (!lia_event_repository_add (lia_book_get_events (book), event, &error))
    return lia_cli_fail ("%s", error->message);

  g_print ("%" G_GINT64_FORMAT "\n", lia_event_get_id (event));
  return EXIT_OK;
}

/* event list ------------------------------------------------------------ */

static void
print_event_row (LiaTimelineItem *item,
                 gboolean         csv)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lia_timeline_item_get_id (item));
  g_autofree char *opened = lia_cli_format_time (lia_timeline_item_get_time (item));
  const char *kind = lia_enum_to_nick (LIA_TYPE_EVENT_KIND, lia_timeline_item_get_event_kind (item));
  const char *status = lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, lia_timeline_item_get_status (item));
  LiaSeverity severity = lia_timeline_item_get_severity (item);
  const char *severity_nick = severity == LIA_SEVERITY_NONE ? NULL : lia_enum_to_nick (LIA_TYPE_SEVERITY, severity);
  const char *sla = lia_enum_to_nick (LIA_TYPE_SLA_STATE, lia_timeline_item_get_sla_state (item));
  const char *fields[] = {
    id, opened, lia_timeline_item_get_account_name (item), kind, status, severity_nick,
    lia_timeline_item_get_performer (item), sla, lia_timeline_item_get_summary (item),
  };
  static const int widths[] = { 6, 16, 28, 11, 11, 8, 20, 8 };

  print_row (fields, G_N_ELEMENTS (fields), widths, csv);
}

/* Pages in, as the window does when scrolled, until @limit rows are held
 * or there are no more. */
static gboolean
load_up_to (LiaTimeline  *timeline,
            guint         limit,
            GError      **error)
{
  while (g_list_model_get_n_items (G_LIST_MODEL (timeline)) < limit)
    if (!lia_timeline_load_more (timeline, error))
      return *error == NULL;

  return TRUE;
}

static int
print_events (LiaTimeline *timeline,
              guint        limit,
              gboolean     csv)
{
  g_autoptr(GError) error = NULL;
  guint n;

  if (!load_up_to (timeline, limit, &error))
    return lia_cli_fail ("%s", error->message);

  if (csv)
    g_print ("id,opened,account,kind,status,severity,performer,sla_state,summary\r\n");

  n = MIN (limit, g_list_model_get_n_items (G_LIST_MODEL (timeline)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaTimelineItem) item = g_list_model_get_item (G_LIST_MODEL (timeline), i);

      if (item == NULL)
        return lia_cli_fail ("the events changed while they were read");
      print_event_row (item, csv);
    }

  return EXIT_OK;
}

/* Fills @filter from the words of `event list`; FALSE after a usage error. */
static gboolean
parse_list_filter (const char        *kind,
                   const char        *status,
                   const char        *sla,
                   LiaTimelineFilter *filter)
{
  int value;

  /* A mask of every kind is still an event-only filter: notes stay out. */
  filter->kinds = every_value (LIA_TYPE_EVENT_KIND);
  if (kind && !parse_nick (LIA_TYPE_EVENT_KIND, ALL_VALUES, "kind", kind, &value))
    return FALSE;
  if (kind)
    filter->kinds = 1u << value;
  if (status && !parse_nick (LIA_TYPE_EVENT_STATUS, ALL_VALUES, "status", status, &value))
    return FALSE;
  if (status)
    filter->statuses = 1u << value;
  if (sla && !parse_nick (LIA_TYPE_SLA_STATE, ALL_VALUES, "SLA state", sla, &value))
    return FALSE;
  if (sla)
    filter->sla_states = 1u << value;
  return TRUE;
}

int
lia_cli_event_list (LiaBook  *book,
                    int       argc,
                    char    **argv)
{
  g_autofree char *number = NULL, *kind = NULL, *status = NULL, *sla = NULL, *format = NULL;
  gboolean subsidiaries = FALSE, csv = FALSE;
  int limit = DEFAULT_LIMIT;
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &number, NULL, NULL },
    { "subsidiaries", 0, 0, G_OPTION_ARG_NONE, &subsidiaries, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, NULL, NULL },
    { "sla", 0, 0, G_OPTION_ARG_STRING, &sla, NULL, NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(LiaTimeline) timeline = NULL;
  LiaTimelineFilter filter = { 0, };

  if (!lia_cli_parse_options ("event list", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (argc > 1)
    return lia_cli_usage ("event list takes no positional arguments");
  if (!lia_cli_check_format (format, &csv))
    return lia_cli_usage ("--format is csv or text");
  if (limit < 1)
    return lia_cli_usage ("--limit is a number above 0");
  if (subsidiaries && !number)
    return lia_cli_usage ("--subsidiaries needs --account");
  if (!parse_list_filter (kind, status, sla, &filter))
    return EXIT_USAGE;
  if (number && !(account = lia_cli_find_account (book, number)))
    return EXIT_FAILED;

  filter.account_id = account ? lia_account_get_id (account) : 0;
  filter.with_subsidiaries = subsidiaries;
  timeline = lia_timeline_new (book);
  lia_timeline_set_filter (timeline, &filter);
  return print_events (timeline, limit, csv);
}

/* event show, event set-status ----------------------------------------- */

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *key = g_strconcat (label, ":", NULL);

  g_print ("%-21s%s\n", key, or_dash (value));
}

static void
print_time_field (const char *label,
                  gint64      unix_time,
                  const char *when_none)
{
  g_autofree char *text = lia_cli_format_time (unix_time);

  print_field (label, unix_time ? text : when_none);
}

static void
print_hours_field (const char *label,
                   gint64      seconds)
{
  g_autofree char *text = g_strdup_printf ("%g h", seconds / 3600.0);

  print_field (label, seconds ? text : "none");
}

static void
print_event (LiaBook  *book,
             LiaEvent *e)
{
  g_autoptr(LiaAccount) account =
    lia_account_repository_lookup (lia_book_get_accounts (book), lia_event_get_account_id (e), NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, lia_event_get_id (e));
  g_autofree char *account_text = g_strdup_printf ("%s %s", account ? lia_account_get_number (account) : "?",
                                                   lia_event_get_account_name (e));
  LiaSeverity severity = lia_event_get_severity (e);
  const char *by = lia_event_get_vendor_id (e) ? "vendor" : "staff";
  g_autofree char *performer = lia_event_get_performer_name (e)
    ? g_strdup_printf ("%s (%s)", lia_event_get_performer_name (e), by) : NULL;

  print_field ("id", id);
  print_field ("account", account_text);
  print_field ("kind", lia_enum_to_nick (LIA_TYPE_EVENT_KIND, lia_event_get_kind (e)));
  print_field ("summary", lia_event_get_summary (e));
  print_field ("details", lia_event_get_details (e));
  print_field ("severity", severity == LIA_SEVERITY_NONE ? NULL : lia_enum_to_nick (LIA_TYPE_SEVERITY, severity));
  print_field ("status", lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, lia_event_get_status (e)));
  print_field ("source", lia_enum_to_nick (LIA_TYPE_EVENT_SOURCE, lia_event_get_source (e)));
  print_field ("performed by", performer);
  print_field ("contact", lia_event_get_contact_name (e));
  print_time_field ("opened", lia_event_get_opened_at (e), NULL);
  print_time_field ("responded", lia_event_get_responded_at (e), "not yet");
  print_time_field ("resolved", lia_event_get_resolved_at (e), "not yet");
}

static void
print_sla (LiaEvent *e)
{
  print_field ("SLA state", lia_enum_to_nick (LIA_TYPE_SLA_STATE, lia_event_get_sla_state (e)));
  print_hours_field ("response target", lia_event_get_response_target (e));
  print_hours_field ("resolution target", lia_event_get_resolution_target (e));
  print_field ("business hours", lia_event_get_business_hours (e)
                                 ? lia_event_get_business_hours (e) : "around the clock");
  print_time_field ("response breached", lia_event_get_response_breach_at (e), "no");
  print_time_field ("resolution breached", lia_event_get_resolution_breach_at (e), "no");
}

static void
print_status_changes (LiaBook  *book,
                      LiaEvent *e)
{
  g_autoptr(GListModel) changes =
    lia_event_repository_list_status_changes (lia_book_get_events (book), lia_event_get_id (e), NULL);

  for (guint i = 0; changes && i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(LiaStatusChange) c = g_list_model_get_item (changes, i);
      g_autofree char *when = lia_cli_format_time (lia_status_change_get_changed_at (c));
      LiaEventStatus from = lia_status_change_get_from (c);
      LiaEventStatus to = lia_status_change_get_to (c);

      /* The first row records the status it opened with, from nothing;
       * a change to the same status is never recorded. */
      g_print ("  history:           %s %s → %s by %s\n", when,
               from == to ? "—" : lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, from),
               lia_enum_to_nick (LIA_TYPE_EVENT_STATUS, to), or_dash (lia_status_change_get_actor (c)));
    }
}

int
lia_cli_event_show (LiaBook  *book,
                    int       argc,
                    char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaEvent) event = NULL;
  gint64 id;

  if (argc != 2)
    return lia_cli_usage ("event show takes one event id");
  if (!parse_event_id (argv[1], &id))
    return EXIT_USAGE;
  if (!(event = lia_event_repository_lookup (lia_book_get_events (book), id, &error)))
    return lia_cli_fail ("%s", error->message);

  print_event (book, event);
  print_sla (event);
  print_status_changes (book, event);
  return EXIT_OK;
}

int
lia_cli_event_set_status (LiaBook  *book,
                          int       argc,
                          char    **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  if (argc != 3)
    return lia_cli_usage ("event set-status takes an event id and a status");
  if (!parse_event_id (argv[1], &id) ||
      !parse_nick (LIA_TYPE_EVENT_STATUS, ALL_VALUES, "status", argv[2], &status))
    return EXIT_USAGE;

  if (!lia_event_repository_set_status (lia_book_get_events (book), id, status, &error))
    return lia_cli_fail ("%s", error->message);

  return EXIT_OK;
}

/* vendors --------------------------------------------------------------- */

int
lia_cli_vendor_add (LiaBook  *book,
                    int       argc,
                    char    **argv)
{
  g_autofree char *name = NULL, *contact = NULL, *email = NULL, *phone = NULL, *plan = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, NULL, NULL },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, NULL, NULL },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, NULL, NULL },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, NULL, NULL },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan, NULL, NULL },
    { NULL }
  };
  GListModel *plans = lia_book_get_service_plans (book);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaVendor) vendor = NULL;
  const char *plan_id = NULL;

  if (!lia_cli_parse_options ("vendor add", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (!name)
    return lia_cli_usage ("vendor add needs --name");
  if (argc > 1)
    return lia_cli_usage ("vendor add takes no positional arguments");

  /* Checked here: the database would only say a constraint failed. */
  if (plan && !(plan_id = lia_cli_resolve_choice (plans, plan)))
    {
      g_autofree char *known = lia_cli_known_choices (plans);
      return lia_cli_fail ("unknown service plan “%s” (known: %s)", plan, known);
    }

  vendor = lia_vendor_new (name);
  lia_vendor_set_contact_name (vendor, contact);
  lia_vendor_set_email (vendor, email);
  lia_vendor_set_phone (vendor, phone);
  lia_vendor_set_sla_plan_id (vendor, plan_id);
  if (!lia_event_repository_add_vendor (lia_book_get_events (book), vendor, &error))
    return lia_cli_fail ("%s", error->message);

  g_print ("%s\n", lia_vendor_get_name (vendor));
  return EXIT_OK;
}

int
lia_cli_vendor_list (LiaBook  *book,
                     int       argc,
                     char    **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };
  GListModel *vendors = lia_event_repository_get_vendors (lia_book_get_events (book));
  static const int widths[] = { 30, 24, 30, 16, 12 };
  g_autoptr(GError) error = NULL;
  gboolean csv = FALSE;

  if (!lia_cli_parse_options ("vendor list", entries, &argc, &argv, &error))
    return lia_cli_usage (error->message);
  if (argc > 1)
    return lia_cli_usage ("vendor list takes no positional arguments");
  if (!lia_cli_check_format (format, &csv))
    return lia_cli_usage ("--format is csv or text");

  if (csv)
    g_print ("name,contact,email,phone,plan,active\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (vendors); i++)
    {
      g_autoptr(LiaVendor) v = g_list_model_get_item (vendors, i);
      const char *fields[] = {
        lia_vendor_get_name (v), lia_vendor_get_contact_name (v), lia_vendor_get_email (v),
        lia_vendor_get_phone (v), lia_vendor_get_sla_plan_id (v), lia_vendor_get_active (v) ? "yes" : "no",
      };

      print_row (fields, G_N_ELEMENTS (fields), widths, csv);
    }

  return EXIT_OK;
}
