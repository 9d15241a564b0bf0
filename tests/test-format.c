/* test-format.c — counts, times, the week and repeat rules as the
 * person's locale and desktop write them
 *
 * Needs no display: lia-format lives in the views library but uses no
 * widget. Locales are switched in-process with setlocale(); one that is
 * not installed skips its part with a message (CI generates de_DE.UTF-8;
 * en_US.UTF-8 may be absent). The 12/24-hour setting is the desktop's
 * own key, org.gnome.desktop.interface clock-format, through the memory
 * GSettings backend the test environment sets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <locale.h>

#include "lia-format.h"
#include "lia-meeting-labels.h"

/* Switches LC_ALL to @name; FALSE (and the C.UTF-8 locale back) when it
 * is not installed. */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) != NULL)
    return TRUE;
  setlocale (LC_ALL, "C.UTF-8");
  return FALSE;
}

static void
restore_locale (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

/* ---- counts ---- */

static void
assert_count (gint64      value,
              const char *expected)
{
  g_autofree char *text = lia_format_count (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_count_grouping (void)
{
  /* The C locale groups nothing. */
  restore_locale ();
  assert_count (1234, "1234");

  if (use_locale ("en_US.UTF-8"))
    assert_count (1234567, "1,234,567");
  else
    g_test_message ("en_US.UTF-8 is not installed: English grouping not checked");

  if (!use_locale ("de_DE.UTF-8"))
    {
      g_test_skip ("de_DE.UTF-8 is not installed: German grouping not checked");
      return;
    }
  assert_count (999, "999");
  assert_count (1234, "1.234");
  assert_count (100000, "100.000");
  assert_count (1234567, "1.234.567");
  assert_count (-12345, "-12.345");
  restore_locale ();
}

/* ---- the 12/24-hour clock ---- */

static GSettings *
interface_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL ||
      !(schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE)) ||
      !g_settings_schema_has_key (schema, "clock-format"))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
time_of (int hour,
         int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2026, 3, 12, hour, minute, 0);

  return lia_format_time (dt);
}

static void
assert_time (int         hour,
             int         minute,
             const char *expected)
{
  g_autofree char *text = time_of (hour, minute);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_clock_format (void)
{
  g_autoptr(GSettings) settings = interface_settings ();
  g_autofree char *minute = NULL;
  g_autofree char *date_time = NULL;

  restore_locale ();
  if (settings == NULL)
    {
      /* Without the schema the setting cannot be read: 24 hours. */
      g_assert_false (lia_format_uses_12_hour ());
      assert_time (14, 5, "14:05");
      g_test_skip ("org.gnome.desktop.interface is not installed (gsettings-desktop-schemas)");
      return;
    }

  /* 24 hours unless the desktop says otherwise. */
  g_settings_reset (settings, "clock-format");
  assert_time (14, 5, "14:05");
  assert_time (9, 30, "09:30");

  g_settings_set_string (settings, "clock-format", "12h");
  g_assert_true (lia_format_uses_12_hour ());
  assert_time (14, 5, "2:05 PM");
  assert_time (9, 30, "9:30 AM");
  assert_time (0, 15, "12:15 AM");
  minute = lia_format_minute_of_day (8 * 60);
  g_assert_cmpstr (minute, ==, "8:00 AM");
  {
    g_autoptr(GDateTime) dt = g_date_time_new_local (2026, 3, 12, 16, 45, 0);

    date_time = lia_format_date_time (g_date_time_to_unix (dt));
    g_assert_cmpstr (date_time, ==, "12 Mar 2026, 4:45 PM");
  }

  /* A locale without words for AM and PM keeps 24 hours. */
  if (use_locale ("de_DE.UTF-8"))
    {
      g_assert_false (lia_format_uses_12_hour ());
      assert_time (14, 5, "14:05");
    }
  else
    g_test_message ("de_DE.UTF-8 is not installed: the AM/PM fallback not checked");
  restore_locale ();

  g_settings_set_string (settings, "clock-format", "24h");
  assert_time (14, 5, "14:05");
  g_clear_pointer (&minute, g_free);
  minute = lia_format_minute_of_day (24 * 60);
  g_assert_cmpstr (minute, ==, "24:00");
  g_settings_reset (settings, "clock-format");
}

/* ---- the first day of the week ---- */

static void
test_first_weekday (void)
{
  gboolean checked = FALSE;

  if (use_locale ("de_DE.UTF-8"))
    {
      g_assert_cmpint (lia_format_first_weekday (), ==, G_DATE_MONDAY);
      checked = TRUE;
    }
  else
    g_test_message ("de_DE.UTF-8 is not installed: Monday-first not checked");

  if (use_locale ("en_US.UTF-8"))
    {
      g_assert_cmpint (lia_format_first_weekday (), ==, G_DATE_SUNDAY);
      checked = TRUE;
    }
  else
    g_test_message ("en_US.UTF-8 is not installed: Sunday-first not checked");

  restore_locale ();
  if (!checked)
    g_test_skip ("neither de_DE.UTF-8 nor en_US.UTF-8 is installed");
}

/* ---- repeat rules in whole phrases ---- */

static void
assert_rule (const char *rrule,
             const char *expected)
{
  g_autofree char *text = lia_describe_rrule (rrule);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_repeat_rules (void)
{
  restore_locale ();
  assert_rule ("FREQ=MONTHLY", "Monthly");
  assert_rule ("FREQ=MONTHLY;INTERVAL=3;COUNT=4", "Every 3 months, 4 times");
  assert_rule ("FREQ=WEEKLY;COUNT=1", "Weekly, 1 time");
  assert_rule ("FREQ=MONTHLY;UNTIL=20270601", "Monthly until 1 Jun 2027");
}

int
main (int   argc,
      char *argv[])
{
  /* The setting is read from memory, never from the person's dconf. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/count-grouping", test_count_grouping);
  g_test_add_func ("/format/clock-format", test_clock_format);
  g_test_add_func ("/format/first-weekday", test_first_weekday);
  g_test_add_func ("/format/repeat-rules", test_repeat_rules);

  return g_test_run ();
}
