/* lia-ics-zones.c — the TZIDs calendars write, as IANA zone names
 *
 * Evolution and GNOME Calendar write IANA names, sometimes behind a
 * prefix ("/freeassociation.sourceforge.net/Europe/Berlin"); Google
 * writes UTC times or IANA names; Outlook writes Windows names ("W.
 * Europe Standard Time") with a VTIMEZONE of its own. The common Windows
 * names are mapped as CLDR's windowsZones.xml maps them for the whole
 * world ("001"); a TZID none of these explains is left to the file's own
 * VTIMEZONE by the importer, which then keeps the times in UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-io"

#include "config.h"

#include <string.h>

#include "lia-ics-private.h"

static const struct
{
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "Dateline Standard Time", "Etc/GMT+12" },
  { "UTC-11", "Etc/GMT+11" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "Mountain Standard Time", "America/Denver" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Standard Time", "America/Chicago" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Canada Central Standard Time", "America/Regina" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "Eastern Standard Time", "America/New_York" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Greenland Standard Time", "America/Nuuk" },
  { "UTC", "UTC" },
  { "Coordinated Universal Time", "UTC" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "Middle East Standard Time", "Asia/Beirut" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "China Standard Time", "Asia/Shanghai" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
};

static gboolean
is_utc_name (const char *tzid)
{
  return g_ascii_strcasecmp (tzid, "UTC") == 0 || g_ascii_strcasecmp (tzid, "GMT") == 0 ||
         g_ascii_strcasecmp (tzid, "Z") == 0 || g_ascii_strcasecmp (tzid, "Etc/UTC") == 0 ||
         g_ascii_strcasecmp (tzid, "Etc/GMT") == 0;
}

static const char *
known_iana (const char *name)
{
  if (is_utc_name (name))
    return g_intern_static_string ("UTC");
  /* Only names with an area: libical also "finds" bare words. */
  if (strchr (name, '/') && name[0] != '/' && icaltimezone_get_builtin_timezone (name))
    return g_intern_string (name);
  return NULL;
}

const char *
lia_ics_zone_to_iana (const char *tzid)
{
  const char *iana;

  if (tzid == NULL || *tzid == '\0')
    return NULL;
  if ((iana = known_iana (tzid)))
    return iana;

  /* "/vendor/…/Area/City": the longest tail that is a zone wins. */
  for (const char *slash = strchr (tzid, '/'); slash; slash = strchr (slash + 1, '/'))
    if ((iana = known_iana (slash + 1)))
      return iana;

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (tzid, windows_zones[i].windows) == 0)
      return known_iana (windows_zones[i].iana);

  return NULL;
}

icalcomponent *
lia_ics_zone_component (const char *iana_tzid)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (iana_tzid);
  icalcomponent *component;
  icalproperty *tzid;

  if (zone == NULL || zone == icaltimezone_get_utc_timezone ())
    return NULL;

  component = icalcomponent_new_clone (icaltimezone_get_component (zone));
  if ((tzid = icalcomponent_get_first_property (component, ICAL_TZID_PROPERTY)))
    icalproperty_set_tzid (tzid, iana_tzid);
  return component;
}

const char *
lia_ics_zone_local (void)
{
  static const char *local = NULL;

  if (g_once_init_enter (&local))
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      const char *id = g_time_zone_get_identifier (tz);
      const char *iana = lia_ics_zone_to_iana (id && *id == ':' ? id + 1 : id);

      g_once_init_leave (&local, iana ? iana : g_intern_static_string ("UTC"));
    }
  return local;
}
