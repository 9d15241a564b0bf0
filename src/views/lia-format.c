/* lia-format.c — dates and audit values as people read them
 *
 * Counts are grouped as the locale groups thousands (LC_NUMERIC: "1.234"
 * in German). Times follow the desktop's 12/24-hour setting, which the
 * locale alone does not say: org.gnome.desktop.interface clock-format
 * where that schema is installed, or the settings portal inside Flatpak
 * (where the host's GSettings cannot be read); 24 h otherwise, and in a
 * locale that has no AM/PM words. The first day of the week is the
 * locale's (LC_TIME).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
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
  return format_local (unix_seconds,
                       /* Translators: a date and time, see g_date_time_format() */
                       lia_format_pick_clock (C_("date and time", "%-d %b %Y, %H:%M"),
                                              /* Translators: a date and time on a 12-hour
                                               * clock, see g_date_time_format() */
                                              C_("date and time", "%-d %b %Y, %-l:%M %p")));
}

/* ---- counts ---- */

/**
 * lia_format_count:
 *
 * A count as the locale writes it: "1,234" in English, "1.234" in German.
 */
char *
lia_format_count (gint64 value)
{
  /* The ' flag groups by LC_NUMERIC (glibc's printf, which GLib uses). */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

/* ---- the 12/24-hour clock ---- */

static GSettings *interface_settings;
static gboolean   interface_looked_up;
static int        portal_clock = -1;   /* 1: 12 h, 0: 24 h, -1: not (yet) known */
static gboolean   portal_asked;
static int        in_flatpak = -1;

/* "12h", "24h" or a variant holding one (the portal's Read wraps its
 * value in one variant more than it says). */
static int
clock_from_variant (GVariant *value)
{
  g_autoptr(GVariant) inner = g_variant_ref (value);

  while (g_variant_is_of_type (inner, G_VARIANT_TYPE_VARIANT))
    {
      GVariant *next = g_variant_get_variant (inner);

      g_variant_unref (inner);
      inner = next;
    }
  if (!g_variant_is_of_type (inner, G_VARIANT_TYPE_STRING))
    return -1;
  return g_strcmp0 (g_variant_get_string (inner, NULL), "12h") == 0;
}

static void
on_portal_setting_changed_cb (GDBusConnection *bus,
                              const char      *sender,
                              const char      *path,
                              const char      *interface,
                              const char      *signal,
                              GVariant        *parameters,
                              gpointer         data)
{
  const char *schema, *key;
  g_autoptr(GVariant) value = NULL;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ssv)")))
    return;
  g_variant_get (parameters, "(&s&sv)", &schema, &key, &value);
  if (g_strcmp0 (schema, "org.gnome.desktop.interface") == 0 && g_strcmp0 (key, "clock-format") == 0)
    portal_clock = clock_from_variant (value);
}

/* Inside Flatpak: asked once (the portal answers at once), then kept up
 * to date by its signal. */
static int
portal_clock_format (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  if (portal_asked)
    return portal_clock;
  portal_asked = TRUE;
  if (!(bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL)))
    return -1;

  g_dbus_connection_signal_subscribe (bus, "org.freedesktop.portal.Desktop",
                                      "org.freedesktop.portal.Settings", "SettingChanged",
                                      "/org/freedesktop/portal/desktop", "org.gnome.desktop.interface",
                                      G_DBUS_SIGNAL_FLAGS_NONE, on_portal_setting_changed_cb, NULL, NULL);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                                       "org.freedesktop.portal.Settings", "Read",
                                       g_variant_new ("(ss)", "org.gnome.desktop.interface", "clock-format"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply == NULL)
    return -1;
  g_variant_get (reply, "(v)", &value);
  portal_clock = clock_from_variant (value);
  return portal_clock;
}

/* The desktop's own setting, read only if its schema is installed
 * (g_settings_new() aborts on a missing one). */
static GSettings *
lookup_interface_settings (void)
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (interface_looked_up)
    return interface_settings;
  interface_looked_up = TRUE;

  if ((source = g_settings_schema_source_get_default ()) != NULL &&
      (schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE)) != NULL &&
      g_settings_schema_has_key (schema, "clock-format"))
    interface_settings = g_settings_new_full (schema, NULL, NULL);
  return interface_settings;
}

/**
 * lia_format_uses_12_hour:
 *
 * Whether times are shown on a 12-hour clock: the desktop asks for it
 * and the locale has words for AM and PM (German has none).
 */
gboolean
lia_format_uses_12_hour (void)
{
  const char *am = nl_langinfo (AM_STR);
  GSettings *settings;
  int portal;

  if (am == NULL || *am == '\0')
    return FALSE;
  if (in_flatpak < 0)
    in_flatpak = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
  if (in_flatpak && (portal = portal_clock_format ()) >= 0)
    return portal;
  if ((settings = lookup_interface_settings ()) != NULL)
    {
      g_autofree char *format = g_settings_get_string (settings, "clock-format");

      return g_strcmp0 (format, "12h") == 0;
    }
  return FALSE;
}

/**
 * lia_format_pick_clock:
 *
 * One of two g_date_time_format() patterns, by the clock people use.
 * Both are literals at the caller, so both are translated.
 */
const char *
lia_format_pick_clock (const char *format_24h,
                       const char *format_12h)
{
  return lia_format_uses_12_hour () ? format_12h : format_24h;
}

/* "14:05" or "2:05 PM" */
char *
lia_format_time (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return g_date_time_format (dt,
                             /* Translators: a time of day, see g_date_time_format() */
                             lia_format_pick_clock (C_("time of day", "%H:%M"),
                                                    /* Translators: a time of day on a 12-hour
                                                     * clock, see g_date_time_format() */
                                                    C_("time of day", "%-l:%M %p")));
}

/* A minute of a day (0 to 1440, as opening hours are stored) on the
 * clock people use; the day's end reads "24:00" on a 24-hour clock. */
char *
lia_format_minute_of_day (guint minute)
{
  g_autoptr(GDateTime) dt = NULL;

  if (minute >= 24 * 60 && !lia_format_uses_12_hour ())
    return g_strdup_printf ("24:%02u", minute - 24 * 60);
  dt = g_date_time_new_utc (2024, 1, 1, (minute / 60) % 24, minute % 60, 0);
  return lia_format_time (dt);
}

/* ---- the week ---- */

/**
 * lia_format_first_weekday:
 *
 * The day a week starts on in the locale's calendars (LC_TIME): Monday
 * in Germany, Sunday in the United States. Monday where the C library
 * cannot say.
 */
GDateWeekday
lia_format_first_weekday (void)
{
#ifdef __GLIBC__
  /* glibc's own way of saying it (as GtkCalendar reads it): the first
   * weekday counts from 1 at the origin day of the week, a Sunday
   * (19971130) or a Monday (19971201). */
  union { unsigned int word; char *string; } info;
  int first_weekday, origin_monday;
  int day;   /* 0 Sunday … 6 Saturday */

  info.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = info.string[0];
  info.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (info.word == 19971130)
    origin_monday = 0;
  else if (info.word == 19971201)
    origin_monday = 1;
  else
    return G_DATE_MONDAY;

  day = (origin_monday + first_weekday - 1) % 7;
  return day == 0 ? G_DATE_SUNDAY : (GDateWeekday)day;
#else
  return G_DATE_MONDAY;
#endif
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
  return lia_format_count (value);
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
