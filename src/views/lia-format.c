/* lia-format.c — dates and audit values as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-enum-types.h"
#include "lia-field-class.h"
#include "lia-format.h"
#include "lia-money.h"
#include "lia-staff-member.h"

/* The book stores UTC seconds; people read their own time zone. */
static char *
format_local (gint64      unix_seconds,
              const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, format);
}

char *
lia_format_date (gint64 unix_seconds)
{
  /* Translators: a date, see g_date_time_format(); e.g. "12 Mar 2026" */
  return format_local (unix_seconds, C_("date", "%-d %b %Y"));
}

char *
lia_format_date_time (gint64 unix_seconds)
{
  /* Translators: a date and time, see g_date_time_format() */
  return format_local (unix_seconds, C_("date and time", "%-d %b %Y, %H:%M"));
}

static guint32
local_julian_day (GDateTime *dt)
{
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (dt),
                                          g_date_time_get_month (dt),
                                          g_date_time_get_year (dt));

  return g_date_get_julian (date);
}

/* Calendar days between two local dates. Counting whole 24-hour spans
 * would be wrong across a DST change (a 23-hour day is not "Today"). */
static int
local_day_difference (gint64 earlier,
                      gint64 later)
{
  g_autoptr(GDateTime) a = g_date_time_new_from_unix_local (earlier);
  g_autoptr(GDateTime) b = g_date_time_new_from_unix_local (later);

  if (a == NULL || b == NULL)
    return G_MAXINT;

  return (int) local_julian_day (b) - (int) local_julian_day (a);
}

char *
lia_format_last_verified (gint64 unix_seconds,
                          gint64 now)
{
  if (unix_seconds <= 0)
    return g_strdup (C_("last verified", "Never"));

  switch (local_day_difference (unix_seconds, now))
    {
    case 0:  return g_strdup (C_("last verified", "Today"));
    case 1:  return g_strdup (C_("last verified", "Yesterday"));
    default: return lia_format_date (unix_seconds);
    }
}

/* "123456 EUR" (minor units and code, as the audit stores it) → "1,234.56 EUR" */
static char *
describe_money (const char *stored)
{
  g_auto(GStrv) parts = NULL;

  if (stored == NULL)
    return NULL;

  parts = g_strsplit (stored, " ", 2);
  if (g_strv_length (parts) != 2)
    return g_strdup (stored);
  return lia_money_format (g_ascii_strtoll (parts[0], NULL, 10), parts[1]);
}

static char *
staff_name (LiaBook *book,
            gint64   id)
{
  g_autoptr(LiaStaffMember) member = lia_book_lookup_staff (book, id);

  return member ? g_strdup (lia_staff_member_get_name (member)) : NULL;
}

/* The trail stores "ID NAME"; the name is what was true then. An id
 * alone (older lines) is looked up among today's staff. */
static char *
describe_manager (LiaBook    *book,
                  const char *stored)
{
  const char *space;
  gint64 id;

  if (stored == NULL)
    return NULL;

  id = g_ascii_strtoll (stored, NULL, 10);
  if (id == 0)
    return g_strdup (C_("manager", "None"));
  if ((space = strchr (stored, ' ')) != NULL && space[1] != '\0')
    return g_strdup (space + 1);
  return staff_name (book, id);
}

static char *
describe_state (const char *nick)
{
  int state;

  if (!lia_enum_from_nick (LIA_TYPE_ACCOUNT_STATE, nick, &state))
    return g_strdup (nick);
  return g_strdup (lia_account_state_to_label (state));
}

static const char *
field_label (const char *entity,
             const char *field)
{
  if (g_strcmp0 (field, "contract_value") == 0) return _("Contract value");
  if (g_strcmp0 (field, "manager") == 0)        return _("Account manager");
  if (g_strcmp0 (field, "state") == 0)          return _("State");
  if (g_strcmp0 (field, "name") == 0)           return _("Contact name");
  if (g_strcmp0 (field, "role") == 0)           return _("Contact role");
  if (g_strcmp0 (field, "email") == 0)          return _("Contact email");
  if (g_strcmp0 (field, "phone") == 0)          return _("Contact phone");
  return field;
}

static char *
or_dash (char *value)
{
  if (value == NULL || *value == '\0')
    {
      g_free (value);
      return g_strdup ("—");
    }
  return value;
}

/* ---- credentials, classified fields, the data key, erasure ---- */

static char *
describe_credential (const char *field,
                     const char *label)
{
  /* Translators: audit lines; %s is a credential's label (never its secret) */
  if (g_strcmp0 (field, "added") == 0)    return g_strdup_printf (_("Credential added: “%s”"), label);
  if (g_strcmp0 (field, "edited") == 0)   return g_strdup_printf (_("Credential edited: “%s”"), label);
  if (g_strcmp0 (field, "rotated") == 0)  return g_strdup_printf (_("Rotated the secret of “%s”"), label);
  if (g_strcmp0 (field, "revealed") == 0) return g_strdup_printf (_("Revealed the secret of “%s”"), label);
  if (g_strcmp0 (field, "copied") == 0)   return g_strdup_printf (_("Copied the secret of “%s”"), label);
  if (g_strcmp0 (field, "deleted") == 0)  return g_strdup_printf (_("Credential deleted: “%s”"), label);
  return NULL;
}

static char *
describe_book (const char *field,
               const char *new_value)
{
  if (g_strcmp0 (field, "data-key-created") == 0)  return g_strdup (_("Data key created"));
  if (g_strcmp0 (field, "data-key-exported") == 0) return g_strdup (_("Data key exported"));
  if (g_strcmp0 (field, "data-key-imported") == 0) return g_strdup (_("Data key imported"));
  if (g_strcmp0 (field, "exported-confidential") == 0)
    /* Translators: %s says what was exported, e.g. "accounts (300 rows)" */
    return g_strdup_printf (_("Exported with confidential values: %s"), new_value ? new_value : "");
  return NULL;
}

static gboolean
field_entity_from_nick (const char     *nick,
                        LiaFieldEntity *entity)
{
  int value;

  if (!lia_enum_from_nick (LIA_TYPE_FIELD_ENTITY, nick, &value))
    return FALSE;
  *entity = value;
  return TRUE;
}

static char *
describe_level (const char *nick)
{
  int level;

  if (nick == NULL || !lia_enum_from_nick (LIA_TYPE_FIELD_LEVEL, nick, &level))
    return g_strdup (nick);
  return g_strdup (lia_field_level_to_label (level));
}

/* "account.tax_id", public → confidential */
static char *
describe_classification (const char *which,
                         const char *old_value,
                         const char *new_value)
{
  g_auto(GStrv) parts = g_strsplit (which ? which : "", ".", 2);
  g_autofree char *before = describe_level (old_value);
  g_autofree char *after = describe_level (new_value);
  LiaFieldEntity entity;
  const char *label = which;

  if (g_strv_length (parts) == 2 && field_entity_from_nick (parts[0], &entity))
    label = lia_field_label (entity, parts[1]);
  before = or_dash (g_steal_pointer (&before));
  after = or_dash (g_steal_pointer (&after));
  /* Translators: an audit line: a field such as "Tax ID", old level, new level */
  return g_strdup_printf (_("Classification of %s: %s → %s"), label ? label : "", before, after);
}

/* A classified field of an account or contact. A confidential one never
 * has its text in the trail, only whether it was set or cleared. */
static char *
describe_classified (const char *entity_nick,
                     const char *field,
                     const char *old_value,
                     const char *new_value)
{
  LiaFieldEntity entity;
  const char *label;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!field_entity_from_nick (entity_nick, &entity))
    return NULL;

  if (g_strcmp0 (field, "revealed") == 0)
    /* Translators: an audit line; %s is a field such as "Tax ID" */
    return g_strdup_printf (_("Revealed %s"), lia_field_label (entity, new_value ? new_value : ""));
  if (entity == LIA_FIELD_ENTITY_CONTACT && g_strcmp0 (field, "erased") == 0)
    return g_strdup (_("Personal data erased"));

  label = lia_field_label (entity, field);
  if (g_strcmp0 (label, field) == 0)
    return NULL;  /* not a classified field: the older lines' own wording */

  if (old_value == NULL && g_strcmp0 (new_value, "(set)") == 0)
    /* Translators: an audit line; %s is a confidential field such as "Tax ID" */
    return g_strdup_printf (_("%s set (confidential)"), label);
  if (old_value == NULL && g_strcmp0 (new_value, "(cleared)") == 0)
    return g_strdup_printf (_("%s cleared (confidential)"), label);

  before = or_dash (g_strdup (old_value));
  after = or_dash (g_strdup (new_value));
  return g_strdup_printf (_("%s: %s → %s"), label, before, after);
}

static char *
describe_security (const char *entity,
                   const char *field,
                   const char *old_value,
                   const char *new_value)
{
  if (g_strcmp0 (entity, "credential") == 0)
    return describe_credential (field, new_value ? new_value : "");
  if (g_strcmp0 (entity, "book") == 0)
    return describe_book (field, new_value);
  if (g_strcmp0 (entity, "field-class") == 0)
    return describe_classification (field, old_value, new_value);
  return describe_classified (entity, field, old_value, new_value);
}

/**
 * lia_format_audit_change:
 *
 * One line saying what changed, e.g. "State: Active → Dormant".
 */
char *
lia_format_audit_change (LiaAuditEntry *entry,
                         LiaBook       *book)
{
  return lia_format_audit_values (lia_audit_entry_get_entity (entry),
                                  lia_audit_entry_get_field (entry),
                                  lia_audit_entry_get_old_value (entry),
                                  lia_audit_entry_get_new_value (entry), book);
}

/* The same for an audit line known by its parts (a timeline row). */
char *
lia_format_audit_values (const char *entity,
                         const char *field,
                         const char *old_value,
                         const char *new_value,
                         LiaBook    *book)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char *security;

  if ((security = describe_security (entity, field, old_value, new_value)) != NULL)
    return security;

  if (g_strcmp0 (field, "created") == 0)
    return g_strdup_printf (_("Account created: %s"), new_value ? new_value : "");

  /* Contact rows coming and going carry the whole contact in one value. */
  if (g_strcmp0 (field, "added") == 0)
    return g_strdup_printf (_("Contact added: %s"), new_value ? new_value : "");
  if (g_strcmp0 (field, "restored") == 0)
    return g_strdup_printf (_("Contact restored: %s"), new_value ? new_value : "");
  if (g_strcmp0 (field, "removed") == 0)
    return g_strdup_printf (_("Contact removed: %s"), old_value ? old_value : "");

  if (g_strcmp0 (field, "contract_value") == 0)
    {
      before = describe_money (old_value);
      after = describe_money (new_value);
    }
  else if (g_strcmp0 (field, "manager") == 0)
    {
      before = describe_manager (book, old_value);
      after = describe_manager (book, new_value);
    }
  else if (g_strcmp0 (field, "state") == 0)
    {
      before = describe_state (old_value);
      after = describe_state (new_value);
    }
  else
    {
      before = g_strdup (old_value);
      after = g_strdup (new_value);
    }

  before = or_dash (g_steal_pointer (&before));
  after = or_dash (g_steal_pointer (&after));

  /* Translators: an audit line: field, old value, new value */
  return g_strdup_printf (_("%s: %s → %s"), field_label (entity, field), before, after);
}

/**
 * lia_format_relative_day:
 *
 * "Today", "Yesterday", "5 days ago" for the last fortnight, then the
 * date; "Never" for 0.
 */
char *
lia_format_relative_day (gint64 unix_seconds,
                         gint64 now)
{
  int days;

  if (unix_seconds <= 0)
    return g_strdup (C_("last contact", "Never"));

  days = local_day_difference (unix_seconds, now);
  if (days <= 0)
    return g_strdup (C_("relative day", "Today"));
  if (days == 1)
    return g_strdup (C_("relative day", "Yesterday"));
  if (days < 14)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
  return lia_format_date (unix_seconds);
}

/* A count from a roll-up; LIA_ROLLUP_UNKNOWN until its table exists. */
char *
lia_format_rollup_count (gint64 value)
{
  if (value < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* A date from a roll-up: unknown (-1) and none (0) both read "—". */
char *
lia_format_rollup_date (gint64 unix_seconds)
{
  if (unix_seconds <= 0)
    return g_strdup ("—");
  return lia_format_date (unix_seconds);
}

/* The total contract value of a node and everything below it. */
char *
lia_format_node_value (LiaPortfolioNode *node)
{
  LiaAccount *account = lia_portfolio_node_get_account (node);

  if (lia_portfolio_node_get_mixed_currencies (node))
    return g_strdup (_("mixed currencies"));
  return lia_money_format (lia_portfolio_node_get_total_value (node),
                           lia_account_get_currency (account));
}
