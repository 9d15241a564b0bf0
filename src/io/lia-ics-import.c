/* lia-ics-import.c — meetings from an iCalendar file, all or nothing
 *
 * The file is read and every event checked before anything is written:
 * times that are no real time, rules the model refuses and events no
 * account can be found for refuse the whole file. Then one transaction
 * adds or updates a series per UID, deletes the occurrences its EXDATEs
 * name and applies each RECURRENCE-ID override to its occurrence alone.
 *
 * An event goes to the account its X-LIAISON-ACCOUNT names (Liaison's
 * own exports: a portfolio meeting may invite a subsidiary's contacts,
 * and must stay with the group), else to the account of the first
 * attendee who is a known contact, else to the fallback account.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-account-repository.h"
#include "lia-attendee.h"
#include "lia-enum-types.h"
#include "lia-ics.h"
#include "lia-ics-private.h"
#include "lia-meeting-repository.h"
#include "lia-recurrence.h"

#define MAX_UNMATCHED_SHOWN 10

typedef struct
{
  icalcomponent    *component;       /* the VEVENT; the parse owns it */
  LiaIcsEventLines  lines;
  const char       *uid;
  const char       *title;
  gint64            starts_at;
  gint64            ends_at;
  const char       *tzid;            /* interned IANA name or "UTC" */
  gboolean          all_day;
  gboolean          is_override;
  gint64            recurrence_id;
  char             *own_uid;         /* when not the file's */
  char             *rrule;
  GArray           *exdates;         /* gint64 */
  gint64            account_id;
  gint64            sequence;        /* the file's SEQUENCE */
  gint64            meeting_id;      /* the series written, 0: none */
  gint64            new_sequence;    /* what it ends up with */
} Incoming;

typedef struct
{
  LiaBook              *book;
  LiaAccountRepository *accounts;
  LiaMeetingRepository *meetings;
  GPtrArray            *events;      /* Incoming, in file order */
  GHashTable           *contacts;    /* lower-case email → LiaContact, NULL: none */
  GHashTable           *staff;       /* lower-case email → LiaStaffMember */
  guint                 added;
  guint                 updated;
} Import;

static void
incoming_free (Incoming *in)
{
  g_free (in->own_uid);
  g_free (in->rrule);
  g_clear_pointer (&in->exdates, g_array_unref);
  g_free (in);
}

/* --- reading one VEVENT --- */

static const char *
x_property (icalcomponent *component,
            const char    *name)
{
  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
       p; p = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    if (g_ascii_strcasecmp (icalproperty_get_x_name (p), name) == 0)
      return icalproperty_get_x (p);
  return NULL;
}

static icaltimezone *
zone_of (const char *iana)
{
  if (g_str_equal (iana, "UTC"))
    return icaltimezone_get_utc_timezone ();
  return icaltimezone_get_builtin_timezone (iana);
}

/* @tt (of @property) as Unix seconds and the IANA zone it counts in.
 * A date is midnight in @day_zone; a TZID that is no IANA name after
 * lia_ics_zone_to_iana() is converted with the file's VTIMEZONE and kept
 * in UTC; a floating time is taken in @day_zone. */
static void
read_time (icalproperty        *property,
           struct icaltimetype  tt,
           const char          *day_zone,
           gint64              *out_time,
           const char         **out_tzid)
{
  icalparameter *param = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  const char *iana = param ? lia_ics_zone_to_iana (icalparameter_get_tzid (param)) : NULL;
  icaltimezone *zone;

  if (tt.is_date)
    {
      tt.is_date = 0;
      tt.hour = tt.minute = tt.second = 0;
      iana = day_zone;
    }
  else if (iana == NULL && param && tt.zone)
    {
      *out_time = (gint64)icaltime_as_timet_with_zone (tt, tt.zone);
      *out_tzid = g_intern_static_string ("UTC");
      return;
    }
  else if (iana == NULL)
    iana = icaltime_is_utc (tt) ? g_intern_static_string ("UTC") : day_zone;

  zone = zone_of (iana);
  icaltime_set_timezone (&tt, zone);
  *out_time = (gint64)icaltime_as_timet_with_zone (tt, zone);
  *out_tzid = iana;
}

static gboolean
read_times (Incoming    *in,
            const char  *day_zone,
            GError     **error)
{
  icalcomponent *c = in->component;
  icalproperty *dtstart = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY);
  struct icaltimetype start, end;
  const char *end_zone;

  if (dtstart == NULL)
    return lia_ics_malformed (error, in->lines.begin, _("the event “%s” has no DTSTART"), in->title);

  start = icalcomponent_get_dtstart (c);
  if (!lia_ics_time_is_valid (start))
    return lia_ics_malformed (error, in->lines.dtstart, _("DTSTART “%s” is not a real date or time"),
                              icaltime_as_ical_string (start));
  in->all_day = start.is_date;
  read_time (dtstart, start, day_zone, &in->starts_at, &in->tzid);

  /* No DTEND nor DURATION: a day lasts a day, a time no time (5545 3.6.1). */
  end = icalcomponent_get_dtend (c);
  if (icaltime_is_null_time (end))
    {
      end = start;
      if (end.is_date)
        icaltime_adjust (&end, 1, 0, 0, 0);
    }
  if (!lia_ics_time_is_valid (end))
    return lia_ics_malformed (error, in->lines.dtend, _("DTEND “%s” is not a real date or time"),
                              icaltime_as_ical_string (end));
  read_time (dtend ? dtend : dtstart, end, in->all_day ? in->tzid : day_zone, &in->ends_at, &end_zone);

  if (in->ends_at < in->starts_at)
    return lia_ics_malformed (error, in->lines.dtend, _("the event “%s” ends before it starts"),
                              in->title);
  return TRUE;
}

static gboolean
read_recurrence (Incoming    *in,
                 GError     **error)
{
  icalcomponent *c = in->component;
  icalproperty *rrule = icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY);
  icalproperty *rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);
  g_autoptr(GError) local_error = NULL;
  const char *ignored;
  gint64 last;

  if (rid)
    {
      struct icaltimetype tt = icalproperty_get_recurrenceid (rid);

      if (!lia_ics_time_is_valid (tt))
        return lia_ics_malformed (error, in->lines.recurrence_id,
                                  _("RECURRENCE-ID “%s” is not a real date or time"),
                                  icaltime_as_ical_string (tt));
      in->is_override = TRUE;
      read_time (rid, tt, in->tzid, &in->recurrence_id, &ignored);
    }

  if (rrule && !in->is_override)
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (rrule);
      char *text = icalrecurrencetype_as_string_r (&recur);

      in->rrule = g_strdup (text);
      icalmemory_free_buffer (text);
      if (!lia_recurrence_check (in->rrule, in->starts_at, in->tzid, &last, &local_error))
        return lia_ics_malformed (error, in->lines.rrule, "%s", local_error->message);
    }

  in->exdates = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_EXDATE_PROPERTY);
       p; p = icalcomponent_get_next_property (c, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype tt = icalproperty_get_exdate (p);
      gint64 when;

      if (!lia_ics_time_is_valid (tt))
        return lia_ics_malformed (error, in->lines.exdate, _("EXDATE “%s” is not a real date or time"),
                                  icaltime_as_ical_string (tt));
      read_time (p, tt, in->tzid, &when, &ignored);
      g_array_append_val (in->exdates, when);
    }
  return TRUE;
}

/* The zone dates and floating times count in: Liaison's own X-LIAISON-TZID,
 * else the calendar's X-WR-TIMEZONE (Google), else the local one. */
static const char *
day_zone_of (icalcomponent *event,
             icalcomponent *calendar)
{
  const char *zone = lia_ics_zone_to_iana (x_property (event, "X-LIAISON-TZID"));

  if (zone == NULL && calendar)
    zone = lia_ics_zone_to_iana (x_property (calendar, "X-WR-TIMEZONE"));
  return zone ? zone : lia_ics_zone_local ();
}

static Incoming *
read_event (icalcomponent           *event,
            icalcomponent           *calendar,
            const LiaIcsEventLines  *lines,
            GError                 **error)
{
  Incoming *in = g_new0 (Incoming, 1);
  const char *summary = icalcomponent_get_summary (event);

  in->component = event;
  in->lines = *lines;
  in->uid = icalcomponent_get_uid (event);
  in->title = summary && *summary ? summary : _("Meeting");
  in->sequence = MAX (icalcomponent_get_sequence (event), 0);

  if (in->uid == NULL || *in->uid == '\0')
    lia_ics_malformed (error, lines->begin, _("the event “%s” has no UID"), in->title);
  else if (read_times (in, day_zone_of (event, calendar), error) && read_recurrence (in, error))
    return in;

  incoming_free (in);
  return NULL;
}

/* The VEVENTs of @calendar, the *@n-th onwards of the file. */
static gboolean
read_calendar (Import         *import,
               icalcomponent  *calendar,
               GArray         *lines,
               guint          *n,
               GError        **error)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event; event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const LiaIcsEventLines none = { 0 };
      const LiaIcsEventLines *at = *n < lines->len ? &g_array_index (lines, LiaIcsEventLines, *n) : &none;
      Incoming *in = read_event (event, calendar, at, error);

      (*n)++;
      if (in == NULL)
        return FALSE;
      g_ptr_array_add (import->events, in);
    }
  return TRUE;
}

/* Every VEVENT of the VCALENDARs in @roots, paired with its lines: both
 * are in file order. */
static gboolean
read_events (Import     *import,
             GPtrArray  *roots,
             GArray     *lines,
             GError    **error)
{
  guint n = 0;

  for (guint r = 0; r < roots->len; r++)
    {
      icalcomponent *root = g_ptr_array_index (roots, r);

      if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT &&
          !read_calendar (import, root, lines, &n, error))
        return FALSE;
    }

  if (import->events->len == 0)
    {
      g_set_error_literal (error, LIA_ICS_ERROR, LIA_ICS_ERROR_EMPTY, _("The file holds no events"));
      return FALSE;
    }
  return TRUE;
}

/* --- finding accounts, contacts and staff --- */

static void
unref_if_any (gpointer object)
{
  if (object)
    g_object_unref (object);
}

/* "mailto:Ann@Example.com" → "Ann@Example.com". */
static const char *
strip_mailto (const char *address)
{
  if (address && g_ascii_strncasecmp (address, "mailto:", strlen ("mailto:")) == 0)
    return address + strlen ("mailto:");
  return address;
}

/* "mailto:Ann@Example.com" → "ann@example.com"; NULL for no address. */
static char *
address_email (const char *address)
{
  address = strip_mailto (address);
  if (address == NULL || *address == '\0')
    return NULL;
  return g_ascii_strdown (address, -1);
}

/* The contact whose email is @email, NULL if none. The model has no
 * lookup by email yet: full-text search narrows the accounts (their
 * contacts' emails are indexed), then their contacts are compared. */
static LiaContact *
find_contact (Import     *import,
              const char *email)
{
  g_autoptr(GPtrArray) candidates = NULL;
  LiaContact *found = NULL;

  if (g_hash_table_lookup_extended (import->contacts, email, NULL, (gpointer *)&found))
    return found;

  candidates = lia_account_repository_search (import->accounts, email, 50, NULL);
  for (guint i = 0; candidates && i < candidates->len && found == NULL; i++)
    {
      gint64 account_id = lia_account_get_id (g_ptr_array_index (candidates, i));
      g_autoptr(GListModel) contacts = lia_account_repository_list_contacts (import->accounts, account_id, NULL);

      for (guint c = 0; contacts && c < g_list_model_get_n_items (contacts) && found == NULL; c++)
        {
          g_autoptr(LiaContact) contact = g_list_model_get_item (contacts, c);
          const char *its = lia_contact_get_email (contact);

          if (its && g_ascii_strcasecmp (its, email) == 0)
            found = g_steal_pointer (&contact);
        }
    }

  g_hash_table_insert (import->contacts, g_strdup (email), found);
  return found;
}

static LiaStaffMember *
find_staff (Import     *import,
            const char *email)
{
  if (import->staff == NULL)
    {
      GListModel *staff = lia_book_get_staff (import->book);

      import->staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
        {
          LiaStaffMember *member = g_list_model_get_item (staff, i);
          const char *its = lia_staff_member_get_email (member);

          if (its && *its)
            g_hash_table_insert (import->staff, g_ascii_strdown (its, -1), member);
          else
            g_object_unref (member);
        }
    }
  return email ? g_hash_table_lookup (import->staff, email) : NULL;
}

static gint64
account_by_number (Import     *import,
                   const char *number)
{
  g_autoptr(LiaAccount) account = NULL;

  if (number == NULL || *number == '\0')
    return 0;
  account = lia_account_repository_lookup_by_number (import->accounts, number, NULL);
  return account ? lia_account_get_id (account) : 0;
}

static gint64
account_by_attendee (Import        *import,
                     icalcomponent *event)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
       p; p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      g_autofree char *email = address_email (icalproperty_get_attendee (p));
      LiaContact *contact = email ? find_contact (import, email) : NULL;

      if (contact)
        return lia_contact_get_account_id (contact);
    }
  return 0;
}

static gint64
match_account (Import   *import,
               Incoming *in,
               gint64    fallback_account_id)
{
  gint64 account_id = account_by_number (import, x_property (in->component, "X-LIAISON-ACCOUNT"));

  if (account_id == 0)
    account_id = account_by_attendee (import, in->component);
  return account_id ? account_id : fallback_account_id;
}

/* The account of the series @uid names, in the file or in the book. */
static gint64
series_account (Import     *import,
                GHashTable *series,
                const char *uid)
{
  Incoming *in = g_hash_table_lookup (series, uid);
  g_autoptr(LiaMeeting) meeting = NULL;

  if (in)
    return in->account_id;
  meeting = lia_meeting_repository_lookup_uid (import->meetings, uid, NULL);
  return meeting ? lia_meeting_get_account_id (meeting) : 0;
}

/* Each series' account; an override goes with its series. FALSE, naming
 * them, when some events have none. */
static gboolean
match_accounts (Import   *import,
                gint64    fallback_account_id,
                GError  **error)
{
  g_autoptr(GHashTable) series = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) unmatched = g_string_new (NULL);
  guint n_unmatched = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < import->events->len; i++)
      {
        Incoming *in = g_ptr_array_index (import->events, i);

        Incoming *its_series = in->is_override ? g_hash_table_lookup (series, in->uid) : NULL;

        if (in->is_override != (pass == 1) || (its_series && its_series->account_id == 0))
          continue;
        if (in->is_override)
          in->account_id = series_account (import, series, in->uid);
        if (in->account_id == 0)
          in->account_id = match_account (import, in, fallback_account_id);
        if (!in->is_override)
          g_hash_table_insert (series, (gpointer)in->uid, in);

        if (in->account_id == 0 && n_unmatched++ < MAX_UNMATCHED_SHOWN)
          {
            if (unmatched->len)
              g_string_append (unmatched, ", ");
            /* Translators: an event's title in a list of those matching no account */
            g_string_append_printf (unmatched, _("“%s”"), in->title);
          }
      }

  if (n_unmatched == 0)
    return TRUE;
  if (n_unmatched > MAX_UNMATCHED_SHOWN)
    g_string_append (unmatched, ", …");
  g_set_error (error, LIA_ICS_ERROR, LIA_ICS_ERROR_UNMATCHED,
               g_dngettext (GETTEXT_PACKAGE, "%u event matches no account by attendee email: %s",
                            "%u events match no account by attendee email: %s", n_unmatched),
               n_unmatched, unmatched->str);
  return FALSE;
}

/* --- writing --- */

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

static gboolean
is_not_found (const GError *error)
{
  return error == NULL || g_error_matches (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);
}

/* "line 12, “Quarterly review”: " before what the model said. */
static gboolean
refused (GError   **error,
         GError    *model_error,
         Incoming  *in)
{
  g_propagate_prefixed_error (error, model_error, _("line %u, “%s”: "), in->lines.begin, in->title);
  return FALSE;
}

static LiaMeetingStatus
status_of (icalcomponent *event)
{
  const char *nick = x_property (event, "X-LIAISON-STATUS");
  int status;

  if (nick && lia_enum_from_nick (LIA_TYPE_MEETING_STATUS, nick, &status))
    return status;
  if (icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    return LIA_MEETING_STATUS_CANCELLED;
  return LIA_MEETING_STATUS_PLANNED;
}

static int
rating_of (icalcomponent *event)
{
  const char *text = x_property (event, "X-LIAISON-RATING");
  gint64 rating = text ? g_ascii_strtoll (text, NULL, 10) : 0;

  return rating >= 1 && rating <= 5 ? (int)rating : 0;
}

static gboolean
flag_of (icalcomponent *event,
         const char    *name,
         gboolean       otherwise)
{
  const char *text = x_property (event, name);

  if (text == NULL)
    return otherwise;
  return g_ascii_strcasecmp (text, "TRUE") == 0;
}

static const char *
common_name (icalproperty *property)
{
  icalparameter *cn = icalproperty_get_first_parameter (property, ICAL_CN_PARAMETER);

  return cn ? icalparameter_get_cn (cn) : NULL;
}

/* Staff by email, else by name; 0 for neither. */
static gint64
organizer_id (Import        *import,
              icalcomponent *event)
{
  icalproperty *organizer = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  g_autofree char *email = NULL;
  LiaStaffMember *staff;
  const char *name;

  if (organizer == NULL)
    return 0;
  email = address_email (icalproperty_get_organizer (organizer));
  if ((staff = find_staff (import, email)))
    return lia_staff_member_get_id (staff);
  name = common_name (organizer);
  return name && *name ? lia_book_find_staff (import->book, name) : 0;
}

static void
apply_series (Import     *import,
              Incoming   *in,
              LiaMeeting *meeting)
{
  icalcomponent *c = in->component;
  gint64 organizer = organizer_id (import, c);

  lia_meeting_set_account_id (meeting, in->account_id);
  lia_meeting_set_for_portfolio (meeting, flag_of (c, "X-LIAISON-PORTFOLIO", lia_meeting_get_for_portfolio (meeting)));
  lia_meeting_set_is_review (meeting, flag_of (c, "X-LIAISON-REVIEW", lia_meeting_get_is_review (meeting)));
  lia_meeting_set_title (meeting, in->title);
  lia_meeting_set_tzid (meeting, in->tzid);
  lia_meeting_set_all_day (meeting, in->all_day);
  lia_meeting_set_times (meeting, in->starts_at, in->ends_at);
  lia_meeting_set_rrule (meeting, in->rrule);
  lia_meeting_set_location (meeting, or_empty (icalcomponent_get_location (c)));
  lia_meeting_set_agenda (meeting, or_empty (icalcomponent_get_description (c)));
  lia_meeting_set_minutes (meeting, or_empty (x_property (c, "X-LIAISON-MINUTES")));
  lia_meeting_set_outcome (meeting, or_empty (x_property (c, "X-LIAISON-OUTCOME")));
  lia_meeting_set_rating (meeting, rating_of (c));
  lia_meeting_set_status (meeting, status_of (c));
  if (organizer)
    lia_meeting_set_organizer_id (meeting, organizer);
}

/* An attendee with no address: a contact of the event's account or a
 * staff member of that name, else just the name. */
static LiaAttendee *
attendee_by_name (Import     *import,
                  Incoming   *in,
                  const char *name)
{
  g_autoptr(GListModel) contacts = lia_account_repository_list_contacts (import->accounts, in->account_id, NULL);
  gint64 staff_id;

  for (guint i = 0; name && contacts && i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(LiaContact) contact = g_list_model_get_item (contacts, i);

      if (g_str_equal (lia_contact_get_name (contact), name))
        return lia_attendee_new_contact (lia_contact_get_id (contact));
    }
  if (name && (staff_id = lia_book_find_staff (import->book, name)))
    return lia_attendee_new_staff (staff_id);
  return lia_attendee_new_address (name, NULL);
}

static GListModel *
attendees_of (Import   *import,
              Incoming *in)
{
  GListStore *store = g_list_store_new (LIA_TYPE_ATTENDEE);

  for (icalproperty *p = icalcomponent_get_first_property (in->component, ICAL_ATTENDEE_PROPERTY);
       p; p = icalcomponent_get_next_property (in->component, ICAL_ATTENDEE_PROPERTY))
    {
      const char *address = icalproperty_get_attendee (p);
      g_autofree char *email = address_email (address);
      g_autoptr(LiaAttendee) attendee = NULL;
      LiaContact *contact;
      LiaStaffMember *staff;

      if (email == NULL)
        attendee = attendee_by_name (import, in, common_name (p));
      else if ((contact = find_contact (import, email)))
        attendee = lia_attendee_new_contact (lia_contact_get_id (contact));
      else if ((staff = find_staff (import, email)))
        attendee = lia_attendee_new_staff (lia_staff_member_get_id (staff));
      else
        attendee = lia_attendee_new_address (common_name (p), strip_mailto (address));
      g_list_store_append (store, attendee);
    }
  return G_LIST_MODEL (store);
}

static gboolean
delete_exdates (Import      *import,
                Incoming    *in,
                gint64       meeting_id,
                GError     **error)
{
  for (guint i = 0; i < in->exdates->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!lia_meeting_repository_delete_occurrence (import->meetings, meeting_id,
                                                     g_array_index (in->exdates, gint64, i),
                                                     LIA_EDIT_SCOPE_THIS, &local_error) &&
          !is_not_found (local_error))     /* not an occurrence, or deleted before */
        return refused (error, g_steal_pointer (&local_error), in);
    }
  return TRUE;
}

static gboolean
write_series (Import    *import,
              Incoming  *in,
              GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LiaMeeting) meeting = lia_meeting_repository_lookup_uid (import->meetings, in->uid, &local_error);
  g_autoptr(GListModel) attendees = NULL;
  gboolean known = meeting != NULL;
  gint64 stored_sequence = known ? lia_meeting_get_sequence (meeting) : 0;

  if (!known && !is_not_found (local_error))
    return refused (error, g_steal_pointer (&local_error), in);
  g_clear_error (&local_error);

  if (!known)
    {
      meeting = lia_meeting_new (in->account_id, in->title, in->starts_at, in->ends_at);
      lia_meeting_set_uid (meeting, in->uid);
    }
  apply_series (import, in, meeting);

  if (!(known ? lia_meeting_repository_update (import->meetings, meeting, &local_error)
              : lia_meeting_repository_add (import->meetings, meeting, &local_error)))
    return refused (error, g_steal_pointer (&local_error), in);

  attendees = attendees_of (import, in);
  if (!lia_meeting_repository_set_attendees (import->meetings, lia_meeting_get_id (meeting), attendees, &local_error))
    return refused (error, g_steal_pointer (&local_error), in);
  if (!delete_exdates (import, in, lia_meeting_get_id (meeting), error))
    return FALSE;

  /* A new meeting keeps the file's SEQUENCE (so an export of it reads
   * the same); an update is a new one, whatever the file says. Set once
   * its overrides are written too (write_sequences()). */
  in->meeting_id = lia_meeting_get_id (meeting);
  in->new_sequence = known ? MAX (in->sequence, stored_sequence + 1) : in->sequence;

  if (known)
    import->updated++;
  else
    import->added++;
  return TRUE;
}

/* An override says the whole occurrence: what differs from it is changed. */
static void
apply_override (Incoming      *in,
                LiaOccurrence *occurrence)
{
  icalcomponent *c = in->component;
  const char *location = or_empty (icalcomponent_get_location (c));
  const char *agenda = or_empty (icalcomponent_get_description (c));
  const char *minutes = or_empty (x_property (c, "X-LIAISON-MINUTES"));
  const char *outcome = or_empty (x_property (c, "X-LIAISON-OUTCOME"));

  if (in->starts_at != lia_occurrence_get_starts_at (occurrence) ||
      in->ends_at != lia_occurrence_get_ends_at (occurrence))
    lia_occurrence_set_times (occurrence, in->starts_at, in->ends_at);
  if (g_strcmp0 (in->title, lia_occurrence_get_title (occurrence)) != 0)
    lia_occurrence_set_title (occurrence, in->title);
  if (g_strcmp0 (location, or_empty (lia_occurrence_get_location (occurrence))) != 0)
    lia_occurrence_set_location (occurrence, location);
  if (g_strcmp0 (agenda, or_empty (lia_occurrence_get_agenda (occurrence))) != 0)
    lia_occurrence_set_agenda (occurrence, agenda);
  if (g_strcmp0 (minutes, or_empty (lia_occurrence_get_minutes (occurrence))) != 0)
    lia_occurrence_set_minutes (occurrence, minutes);
  if (g_strcmp0 (outcome, or_empty (lia_occurrence_get_outcome (occurrence))) != 0)
    lia_occurrence_set_outcome (occurrence, outcome);
  if (rating_of (c) != lia_occurrence_get_rating (occurrence))
    lia_occurrence_set_rating (occurrence, rating_of (c));
  if (status_of (c) != lia_occurrence_get_status (occurrence))
    lia_occurrence_set_status (occurrence, status_of (c));
}

static gboolean
write_override (Import    *import,
                Incoming  *in,
                GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LiaMeeting) meeting = lia_meeting_repository_lookup_uid (import->meetings, in->uid, &local_error);
  g_autoptr(LiaOccurrence) occurrence = NULL;

  if (meeting == NULL && !is_not_found (local_error))
    return refused (error, g_steal_pointer (&local_error), in);
  g_clear_error (&local_error);

  /* One occurrence sent on its own (an invitation to it): a meeting of
   * its own, under a UID of its own. */
  if (meeting == NULL)
    {
      in->uid = in->own_uid = g_strdup_printf ("%s-%" G_GINT64_FORMAT, in->uid, in->recurrence_id);
      return write_series (import, in, error);
    }

  occurrence = lia_meeting_repository_lookup_occurrence (import->meetings, lia_meeting_get_id (meeting),
                                                         in->recurrence_id, &local_error);
  if (occurrence == NULL && is_not_found (local_error))
    {
      /* Calendars keep overrides of occurrences a later rule dropped. */
      g_debug ("No occurrence %" G_GINT64_FORMAT " of %s to override", in->recurrence_id, in->uid);
      return TRUE;
    }
  if (occurrence == NULL)
    return refused (error, g_steal_pointer (&local_error), in);

  apply_override (in, occurrence);
  if (!lia_meeting_repository_update_occurrence (import->meetings, occurrence, LIA_EDIT_SCOPE_THIS, &local_error))
    return refused (error, g_steal_pointer (&local_error), in);
  return TRUE;
}

/* The writes of a series and of its occurrences each raised its
 * sequence: it gets what write_series() chose. */
static gboolean
write_sequences (Import  *import,
                 GError **error)
{
  for (guint i = 0; i < import->events->len; i++)
    {
      Incoming *in = g_ptr_array_index (import->events, i);
      g_autoptr(GError) local_error = NULL;

      if (in->meeting_id != 0 &&
          !lia_meeting_repository_set_sequence (import->meetings, in->meeting_id, in->new_sequence,
                                                &local_error))
        return refused (error, g_steal_pointer (&local_error), in);
    }
  return TRUE;
}

/* Series first, so that overrides find them; one transaction. */
static gboolean
write_all (Import   *import,
           GError  **error)
{
  if (!lia_book_begin (import->book, error))
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < import->events->len; i++)
      {
        Incoming *in = g_ptr_array_index (import->events, i);

        if (in->is_override != (pass == 1))
          continue;
        if (!(in->is_override ? write_override (import, in, error) : write_series (import, in, error)))
          {
            lia_book_rollback (import->book);
            return FALSE;
          }
      }
  if (!write_sequences (import, error))
    {
      lia_book_rollback (import->book);
      return FALSE;
    }

  if (!lia_book_commit (import->book, error))
    return FALSE;

  /* The writes inside the transaction told nobody: calendars, pages and
   * the notifier read again once, now that it is all in. */
  g_signal_emit_by_name (lia_book_get_meetings (import->book), "meeting-changed",
                         (gint64)0, (gint64)0);
  return TRUE;
}

gboolean
lia_ics_import_file (LiaBook  *book,
                     GFile    *file,
                     gint64    fallback_account_id,
                     guint    *out_added,
                     guint    *out_updated,
                     GError  **error)
{
  g_autofree char *contents = NULL, *text = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GArray) lines = NULL;
  Import import = { 0 };
  gsize length = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_BOOK (book), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return FALSE;
  text = g_utf8_make_valid (contents, length);
  if (!(roots = lia_ics_parse (text, &lines, error)))
    return FALSE;

  import.book = book;
  import.accounts = lia_book_get_accounts (book);
  import.meetings = lia_book_get_meetings (book);
  import.events = g_ptr_array_new_with_free_func ((GDestroyNotify)incoming_free);
  import.contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_if_any);

  ok = read_events (&import, roots, lines, error) &&
       match_accounts (&import, fallback_account_id, error) &&
       write_all (&import, error);

  g_hash_table_unref (import.contacts);
  g_clear_pointer (&import.staff, g_hash_table_unref);
  g_ptr_array_unref (import.events);

  if (ok && out_added)
    *out_added = import.added;
  if (ok && out_updated)
    *out_updated = import.updated;
  return ok;
}
