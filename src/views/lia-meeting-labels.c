/* lia-meeting-labels.c — what the calendar views show for meetings:
 * times, repeat rules, statuses, and the "which meetings?" question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lia-enum-types.h"
#include "lia-format.h"
#include "lia-meeting-labels.h"

/* ---- repeat rules ---- */

static const char * const repeat_rules[] = {
  [LIA_REPEAT_NONE] = NULL,
  [LIA_REPEAT_MONTHLY] = "FREQ=MONTHLY",
  [LIA_REPEAT_QUARTERLY] = "FREQ=MONTHLY;INTERVAL=3",
  [LIA_REPEAT_HALF_YEARLY] = "FREQ=MONTHLY;INTERVAL=6",
  [LIA_REPEAT_CUSTOM] = NULL,
};

GtkStringList *
lia_repeat_labels_new (void)
{
  const char *labels[] = {
    C_("repeat", "Does not repeat"), C_("repeat", "Monthly"), C_("repeat", "Quarterly"),
    C_("repeat", "Half-yearly"), C_("repeat", "Custom rule"), NULL,
  };

  return gtk_string_list_new (labels);
}

const char *
lia_repeat_to_rrule (LiaRepeat repeat)
{
  g_return_val_if_fail (repeat <= LIA_REPEAT_CUSTOM, NULL);
  return repeat_rules[repeat];
}

LiaRepeat
lia_repeat_from_rrule (const char *rrule)
{
  if (rrule == NULL || *rrule == '\0')
    return LIA_REPEAT_NONE;
  for (LiaRepeat r = LIA_REPEAT_MONTHLY; r < LIA_REPEAT_CUSTOM; r++)
    if (g_ascii_strcasecmp (rrule, repeat_rules[r]) == 0)
      return r;
  return LIA_REPEAT_CUSTOM;
}

typedef struct
{
  const char *freq;
  int         interval;
  int         count;
  const char *until;
  gboolean    more;     /* BYDAY and the like: said as the rule itself */
} RuleParts;

static void
split_rule (char      *rule,
            RuleParts *parts)
{
  g_auto(GStrv) fields = g_strsplit (rule, ";", -1);

  *parts = (RuleParts) { NULL, 1, 0, NULL, FALSE };
  for (guint i = 0; fields[i] != NULL; i++)
    {
      char *value = strchr (fields[i], '=');

      if (value == NULL)
        continue;
      *value++ = '\0';
      if (g_ascii_strcasecmp (fields[i], "FREQ") == 0)
        parts->freq = g_intern_string (value);
      else if (g_ascii_strcasecmp (fields[i], "INTERVAL") == 0)
        parts->interval = MAX (1, atoi (value));
      else if (g_ascii_strcasecmp (fields[i], "COUNT") == 0)
        parts->count = atoi (value);
      else if (g_ascii_strcasecmp (fields[i], "UNTIL") == 0)
        parts->until = g_intern_string (value);
      else if (g_ascii_strcasecmp (fields[i], "WKST") != 0)
        parts->more = TRUE;
    }
}

static char *
describe_frequency (const char *freq,
                    int         n)
{
  if (g_strcmp0 (freq, "DAILY") == 0)
    return n == 1 ? g_strdup (C_("repeat", "Daily"))
                  : g_strdup_printf (ngettext ("Every %d day", "Every %d days", n), n);
  if (g_strcmp0 (freq, "WEEKLY") == 0)
    return n == 1 ? g_strdup (C_("repeat", "Weekly"))
                  : g_strdup_printf (ngettext ("Every %d week", "Every %d weeks", n), n);
  if (g_strcmp0 (freq, "MONTHLY") == 0)
    return n == 1 ? g_strdup (C_("repeat", "Monthly"))
                  : g_strdup_printf (ngettext ("Every %d month", "Every %d months", n), n);
  if (g_strcmp0 (freq, "YEARLY") == 0)
    return n == 1 ? g_strdup (C_("repeat", "Yearly"))
                  : g_strdup_printf (ngettext ("Every %d year", "Every %d years", n), n);
  return NULL;
}

char *
lia_describe_rrule (const char *rrule)
{
  g_autofree char *rule = NULL;
  g_autofree char *text = NULL;
  RuleParts parts;

  if (rrule == NULL || *rrule == '\0')
    return g_strdup (C_("repeat", "Does not repeat"));

  rule = g_ascii_strup (rrule, -1);
  split_rule (rule, &parts);
  if (parts.more || !(text = describe_frequency (parts.freq, parts.interval)))
    /* Translators: a recurrence rule we cannot put in words, as written */
    return g_strdup_printf (_("Custom: %s"), rrule);

  /* RFC 5545 allows COUNT or UNTIL, not both. */
  if (parts.count > 0)
    /* Translators: a repeat rule with a number of meetings: %s is how often
     * ("Monthly", "Every 3 months"), %d how many; e.g. "Every 3 months, 4 times" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d time", "%s, %d times", parts.count),
                            text, parts.count);
  if (parts.until != NULL)
    {
      int y, m, d;

      /* A date (20270601) or a UTC time (20270601T090000Z) */
      if (sscanf (parts.until, "%4d%2d%2d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        {
          g_autoptr(GDateTime) dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
          g_autofree char *date = lia_format_date (g_date_time_to_unix (dt));

          /* Translators: a repeat rule with an end: %s is how often ("Monthly",
           * "Every 3 months"), then the last day; e.g. "Monthly until 1 Jun 2027" */
          return g_strdup_printf (_("%s until %s"), text, date);
        }
    }
  return g_steal_pointer (&text);
}

/* ---- times ---- */

char *
lia_format_time_of_day (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);

  return dt ? lia_format_time (dt) : g_strdup ("");
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static char *
format_span (GDateTime *start,
             GDateTime *end,
             gboolean   with_date)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (with_date)
    from = g_date_time_format (start,
                               /* Translators: a meeting's day and start, see g_date_time_format() */
                               lia_format_pick_clock (C_("meeting start", "%a %-d %b %Y, %H:%M"),
                                                      /* Translators: the same on a 12-hour clock */
                                                      C_("meeting start", "%a %-d %b %Y, %-l:%M %p")));
  else
    from = lia_format_time (start);
  /* An end on another day says which. */
  if (same_day (start, end))
    to = lia_format_time (end);
  else
    to = g_date_time_format (end,
                             /* Translators: a meeting's end on another day, see g_date_time_format() */
                             lia_format_pick_clock (C_("meeting end", "%a %-d %b, %H:%M"),
                                                    /* Translators: the same on a 12-hour clock */
                                                    C_("meeting end", "%a %-d %b, %-l:%M %p")));
  /* Translators: a span of time, start then end */
  return g_strdup_printf (_("%s–%s"), from, to);
}

/* The meeting's own clock, when it reads differently from ours. */
static char *
format_in_zone (gint64      starts_at,
                gint64      ends_at,
                const char *tzid)
{
  g_autoptr(GTimeZone) zone = tzid ? g_time_zone_new_identifier (tzid) : NULL;
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (starts_at);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *span = NULL;

  if (zone == NULL || local == NULL)
    return NULL;
  start = g_date_time_to_timezone (local, zone);
  if (start == NULL || g_date_time_get_utc_offset (start) == g_date_time_get_utc_offset (local))
    return NULL;
  end = g_date_time_add_seconds (start, (gdouble)(ends_at - starts_at));
  span = format_span (start, end, FALSE);
  return g_strdup_printf (" (%s %s)", span, tzid);
}

char *
lia_format_meeting_when (gint64      starts_at,
                         gint64      ends_at,
                         const char *tzid,
                         gboolean    all_day)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_local (starts_at);
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (MAX (ends_at, starts_at));
  g_autofree char *span = NULL;
  g_autofree char *zone = NULL;

  if (start == NULL || end == NULL)
    return g_strdup ("");
  if (all_day)
    /* Translators: an all-day meeting's day, see g_date_time_format() */
    return g_date_time_format (start, C_("meeting day", "%a %-d %b %Y, all day"));

  span = format_span (start, end, TRUE);
  zone = format_in_zone (starts_at, ends_at, tzid);
  return g_strconcat (span, zone, NULL);
}

gboolean
lia_parse_date (const char *text,
                GDate      *out_date)
{
  int y, m, d;
  char end;

  g_date_clear (out_date, 1);
  if (text == NULL || sscanf (text, "%d-%d-%d%c", &y, &m, &d, &end) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out_date, d, m, y);
  return TRUE;
}

gboolean
lia_parse_time_of_day (const char *text,
                       int        *out_hour,
                       int        *out_minute)
{
  char end;

  return text != NULL && sscanf (text, "%d:%d%c", out_hour, out_minute, &end) == 2 &&
         *out_hour >= 0 && *out_hour <= 23 && *out_minute >= 0 && *out_minute <= 59;
}

char *
lia_format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
lia_date_from_unix (gint64  unix_seconds,
                    GDate  *out_date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_seconds);

  g_date_clear (out_date, 1);
  if (dt != NULL)
    g_date_set_dmy (out_date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                    g_date_time_get_year (dt));
}

/* ---- statuses ---- */

void
lia_meeting_status_style (GtkWidget        *widget,
                          LiaMeetingStatus  status)
{
  static const char * const classes[] = {
    [LIA_MEETING_STATUS_PLANNED] = "lia-meeting-planned",
    [LIA_MEETING_STATUS_HELD] = "lia-meeting-held",
    [LIA_MEETING_STATUS_CANCELLED] = "lia-meeting-cancelled",
  };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (i != status)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (status < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (widget, classes[status]);
}

GMenuModel *
lia_meeting_status_menu_new (const char *action)
{
  GMenu *menu = g_menu_new ();

  for (LiaMeetingStatus s = LIA_MEETING_STATUS_PLANNED; s <= LIA_MEETING_STATUS_CANCELLED; s++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (lia_meeting_status_to_label (s), NULL);

      g_menu_item_set_action_and_target (item, action, "s", lia_enum_to_nick (LIA_TYPE_MEETING_STATUS, s));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

/* ---- which meetings ---- */

AdwMessageDialog *
lia_edit_scope_dialog_new (GtkWidget *parent,
                           gboolean   deleting)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   deleting ? _("Delete a Repeating Meeting?")
                                            : _("Change a Repeating Meeting?"),
                                   deleting ? _("This meeting is one of a series. Delete only this "
                                                "one, this one and the ones after it, or the whole series?")
                                            : _("This meeting is one of a series. Change only this "
                                                "one, this one and the ones after it, or the whole series?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "this", _("_Only This Meeting"),
                                    "later", _("This and _Following"),
                                    "all", _("_All Meetings"),
                                    NULL);
  if (deleting)
    for (guint i = 0; i < 3; i++)
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                  (const char *[]) { "this", "later", "all" }[i],
                                                  ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "this");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

gboolean
lia_edit_scope_from_response (const char   *response,
                              LiaEditScope *out_scope)
{
  if (g_strcmp0 (response, "this") == 0)
    *out_scope = LIA_EDIT_SCOPE_THIS;
  else if (g_strcmp0 (response, "later") == 0)
    *out_scope = LIA_EDIT_SCOPE_THIS_AND_LATER;
  else if (g_strcmp0 (response, "all") == 0)
    *out_scope = LIA_EDIT_SCOPE_ALL;
  else
    return FALSE;
  return TRUE;
}

/* ---- files ---- */

GtkFileChooserNative *
lia_ics_chooser_new (GtkWidget  *parent,
                     gboolean    save,
                     const char *suggested_name)
{
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) calendars = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (save ? _("Export Calendar") : _("Import Calendar"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (calendars, _("Calendar files"));
  gtk_file_filter_add_mime_type (calendars, "text/calendar");
  gtk_file_filter_add_suffix (calendars, "ics");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), calendars);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (save && suggested_name != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s.ics", suggested_name);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_strdelimit (name, "/\\:", '-'));
    }
  return chooser;
}
