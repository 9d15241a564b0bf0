/* lia-meeting-dialog.c — plan a meeting or a series of reviews, or
 * change one
 *
 * Quick to fill in: a quarterly review of the account tomorrow at ten,
 * an hour long, in the local time zone, with the account's manager and
 * key contacts invited. Dates and times are read in the meeting's own
 * zone; what the model would refuse is said under the fields.
 *
 * An all-day meeting has a first and a last day instead of times: it is
 * stored as iCalendar has it, from the first day's midnight to the
 * midnight after the last day (exclusive), in its zone. A meeting may
 * last no time at all, as the model allows; it may not end before it
 * starts.
 *
 * Editing one meeting of a series asks whether the change is for it
 * alone, it and the later ones, or all of them. What belongs to the
 * series as a whole (its rule, zone, all-day flag, attendees, portfolio
 * and review flags) can only change for all of them, so the first two
 * answers are not offered when one of those changed. Moving the whole
 * series moves every meeting by the same wall-clock amount, so a ten
 * o'clock meeting stays at ten across a daylight-saving change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-meeting-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-picker.h"
#include "lia-account-repository.h"
#include "lia-attendee.h"
#include "lia-meeting-dialog.h"
#include "lia-meeting-labels.h"
#include "lia-meeting-repository.h"
#include "lia-recurrence.h"
#include "lia-toast.h"
#include "lia-views.h"

#define DEFAULT_TITLE N_("Quarterly review")

struct _LiaMeetingDialog
{
  AdwWindow         parent_instance;

  LiaBook          *book;
  /* The account given (fixed); 0: picked */
  gint64            account_id;
  /* Editing: the series and the occurrence (our own copies); else NULL */
  LiaMeeting       *meeting;
  LiaOccurrence    *occurrence;
  /* "c:12", "s:3": the contacts and staff ticked */
  GHashTable       *checked;
  char             *original_attendees;
  gboolean          filling;
  /* The last date the date row made sense as: the end date keeps its
   * distance from it when it changes */
  GDate             shown_date;

  /* Template children */
  AdwWindowTitle   *window_title;
  AdwPreferencesGroup *account_group;
  LiaAccountPicker *account_picker;
  AdwActionRow     *account_row;
  GtkSwitch        *portfolio_switch;
  AdwEntryRow      *title_row;
  GtkSwitch        *review_switch;
  AdwEntryRow      *location_row;
  GtkSwitch        *all_day_switch;
  AdwEntryRow      *date_row;
  AdwEntryRow      *end_date_row;
  AdwEntryRow      *start_row;
  AdwEntryRow      *end_row;
  AdwEntryRow      *zone_row;
  AdwComboRow      *repeat_row;
  AdwEntryRow      *rrule_row;
  GtkListBox       *attendees_list;
  GtkTextView      *agenda_view;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (LiaMeetingDialog, lia_meeting_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };

static guint signals[N_SIGNALS];

/* What the fields say, once they all make sense. */
typedef struct
{
  const char *title;
  const char *location;
  char       *agenda;
  const char *tzid;        /* NULL: local time */
  char       *rrule;       /* NULL: once */
  gint64      starts_at;
  gint64      ends_at;
  guint       n_days;      /* all day: the days it covers */
  gboolean    all_day;
  gboolean    for_portfolio;
  gboolean    is_review;
} Fields;

static void
fields_clear (Fields *fields)
{
  g_clear_pointer (&fields->agenda, g_free);
  g_clear_pointer (&fields->rrule, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fields, fields_clear)

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static gint64
chosen_account (LiaMeetingDialog *self)
{
  return self->account_id != 0 ? self->account_id : lia_account_picker_get_account_id (self->account_picker);
}

static void
show_error (LiaMeetingDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- reading the fields ---- */

static GTimeZone *
read_zone (LiaMeetingDialog  *self,
           GError           **error)
{
  const char *zone = nonempty (text_of (self->zone_row));
  GTimeZone *tz = zone ? g_time_zone_new_identifier (zone) : g_time_zone_new_local ();

  lia_widget_set_invalid (GTK_WIDGET (self->zone_row), tz == NULL);
  if (tz == NULL)
    /* Translators: %s is what was typed as a time zone */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("“%s” is not a time zone (expected a name such as Europe/Berlin)"), zone);
  return tz;
}

static gint64
zoned_time (GTimeZone   *tz,
            const GDate *date,
            int          hour,
            int          minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date),
                                             g_date_get_day (date), hour, minute, 0);

  return dt ? g_date_time_to_unix (dt) : 0;
}

static gboolean
end_date_shown (LiaMeetingDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->end_date_row));
}

/* An all-day meeting runs from its first day's midnight to the one after
 * its last day; a timed one from its start to its end time, on the end
 * date when that is shown (else the same day). */
static gboolean
read_times (LiaMeetingDialog  *self,
            Fields            *fields,
            GError           **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);
  int sh = 0, sm = 0, eh = 0, em = 0;
  gboolean date_ok, end_date_ok = TRUE, start_ok = TRUE, end_ok = TRUE;
  GDate date, end_date;

  date_ok = lia_parse_date (text_of (self->date_row), &date);
  if (end_date_shown (self))
    end_date_ok = lia_parse_date (text_of (self->end_date_row), &end_date);
  else
    end_date = date;
  if (!all_day)
    {
      start_ok = lia_parse_time_of_day (text_of (self->start_row), &sh, &sm);
      end_ok = lia_parse_time_of_day (text_of (self->end_row), &eh, &em);
    }
  lia_widget_set_invalid (GTK_WIDGET (self->date_row), !date_ok);
  lia_widget_set_invalid (GTK_WIDGET (self->end_date_row), !end_date_ok);
  lia_widget_set_invalid (GTK_WIDGET (self->start_row), !start_ok);
  lia_widget_set_invalid (GTK_WIDGET (self->end_row), !end_ok);
  if (!date_ok || !end_date_ok || !start_ok || !end_ok)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           !date_ok || !end_date_ok ? _("A date is not a date (expected YYYY-MM-DD)")
                                                    : _("A time is not a time of day (expected HH:MM)"));
      return FALSE;
    }
  if (!(tz = read_zone (self, error)))
    return FALSE;

  fields->all_day = all_day;
  if (all_day)
    {
      gint days = g_date_days_between (&date, &end_date);

      lia_widget_set_invalid (GTK_WIDGET (self->end_date_row), days < 0);
      if (days < 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The end date is before the start date"));
          return FALSE;
        }
      fields->n_days = (guint)days + 1;
      g_date_add_days (&end_date, 1);
    }
  fields->starts_at = zoned_time (tz, &date, sh, sm);
  fields->ends_at = zoned_time (tz, &end_date, eh, em);
  /* No time at all is a meeting too (a reminder, a deadline). */
  if (!all_day)
    lia_widget_set_invalid (GTK_WIDGET (self->end_row), fields->ends_at < fields->starts_at);
  if (fields->ends_at < fields->starts_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The meeting cannot end before it starts"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_rule (LiaMeetingDialog  *self,
           Fields            *fields,
           GError           **error)
{
  LiaRepeat repeat = adw_combo_row_get_selected (self->repeat_row);
  gint64 last = 0;
  gboolean ok;

  if (repeat == LIA_REPEAT_CUSTOM)
    fields->rrule = g_strstrip (g_strdup (text_of (self->rrule_row)));
  else if (repeat != LIA_REPEAT_NONE && repeat < LIA_REPEAT_CUSTOM)
    fields->rrule = g_strdup (lia_repeat_to_rrule (repeat));
  if (fields->rrule != NULL && *fields->rrule == '\0')
    g_clear_pointer (&fields->rrule, g_free);
  if (fields->rrule == NULL)
    {
      lia_widget_set_invalid (GTK_WIDGET (self->rrule_row), repeat == LIA_REPEAT_CUSTOM);
      if (repeat == LIA_REPEAT_CUSTOM)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Write the repeat rule"));
      return repeat != LIA_REPEAT_CUSTOM;
    }

  ok = lia_recurrence_check (fields->rrule, fields->starts_at, fields->tzid, &last, error);
  lia_widget_set_invalid (GTK_WIDGET (self->rrule_row), !ok);
  return ok;
}

static char *
agenda_text (LiaMeetingDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->agenda_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
read_fields (LiaMeetingDialog  *self,
             Fields            *fields,
             GError           **error)
{
  g_autofree char *title = g_strstrip (g_strdup (text_of (self->title_row)));
  g_autofree char *agenda = agenda_text (self);

  *fields = (Fields) { 0, };
  fields->title = text_of (self->title_row);
  fields->location = nonempty (text_of (self->location_row));
  fields->agenda = *agenda ? g_steal_pointer (&agenda) : NULL;
  fields->tzid = nonempty (text_of (self->zone_row));
  fields->for_portfolio = gtk_switch_get_active (self->portfolio_switch);
  fields->is_review = gtk_switch_get_active (self->review_switch);

  /* Filled in from the start: empty only when someone cleared it. */
  lia_widget_set_invalid (GTK_WIDGET (self->title_row), *title == '\0');
  if (!read_times (self, fields, error) || !read_rule (self, fields, error))
    return FALSE;
  if (*title == '\0' || chosen_account (self) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           *title == '\0' ? _("A title is required") : _("Choose the account"));
      return FALSE;
    }
  return TRUE;
}

static void
on_field_changed_cb (LiaMeetingDialog *self)
{
  g_auto(Fields) fields = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->filling)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->rrule_row),
                          adw_combo_row_get_selected (self->repeat_row) == LIA_REPEAT_CUSTOM);
  ok = read_fields (self, &fields, &error);
  show_error (self, ok ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting-dialog.save", ok);
}

/* Without the times for an all-day meeting; with the end date for it and
 * for a meeting that ends on a later day than it starts. */
static void
show_when_rows (LiaMeetingDialog *self,
                gboolean          end_date)
{
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);

  end_date = end_date || all_day;
  gtk_widget_set_visible (GTK_WIDGET (self->start_row), !all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), !all_day);
  gtk_widget_set_visible (GTK_WIDGET (self->end_date_row), end_date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 end_date ? _("Start Date (YYYY-MM-DD)") : _("Date (YYYY-MM-DD)"));
}

static gboolean
dates_apart (LiaMeetingDialog *self)
{
  GDate date, end_date;

  return lia_parse_date (text_of (self->date_row), &date) &&
         lia_parse_date (text_of (self->end_date_row), &end_date) &&
         g_date_compare (&date, &end_date) != 0;
}

static void
on_all_day_toggled_cb (LiaMeetingDialog *self)
{
  if (self->filling)
    return;
  show_when_rows (self, dates_apart (self));
  on_field_changed_cb (self);
}

/* The end date moves with the start date: the meeting keeps its days. */
static void
on_date_changed_cb (LiaMeetingDialog *self)
{
  GDate date, end_date;

  if (!lia_parse_date (text_of (self->date_row), &date))
    {
      on_field_changed_cb (self);
      return;
    }
  if (!self->filling && g_date_valid (&self->shown_date) &&
      lia_parse_date (text_of (self->end_date_row), &end_date))
    {
      gint64 julian = (gint64)g_date_get_julian (&end_date) + g_date_days_between (&self->shown_date, &date);
      g_autoptr(GDate) last = g_date_new_dmy (31, G_DATE_DECEMBER, 9999);

      if (julian >= 1 && julian <= (gint64)g_date_get_julian (last))
        {
          g_autofree char *text = NULL;

          g_date_set_julian (&end_date, (guint32)julian);
          text = lia_format_iso_date (&end_date);
          self->filling = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->end_date_row), text);
          self->filling = FALSE;
        }
    }
  self->shown_date = date;
  on_field_changed_cb (self);
}

/* ---- attendees ---- */

static char *
attendee_key (char   kind,
              gint64 id)
{
  return g_strdup_printf ("%c:%" G_GINT64_FORMAT, kind, id);
}

static void
on_attendee_toggled_cb (GtkCheckButton   *check,
                        LiaMeetingDialog *self)
{
  const char *key = g_object_get_data (G_OBJECT (check), "lia-attendee-key");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->checked, g_strdup (key));
  else
    g_hash_table_remove (self->checked, key);
}

static void
append_attendee_row (LiaMeetingDialog *self,
                     char              kind,
                     gint64            id,
                     const char       *name,
                     const char       *detail)
{
  g_autofree char *key = attendee_key (kind, id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail ? detail : "");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->checked, key));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (check), "lia-attendee-key", g_steal_pointer (&key), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_attendee_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->attendees_list, row);
}

static void
append_contacts (LiaMeetingDialog *self,
                 gint64            account_id)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GError) error = NULL;

  if (account_id == 0)
    return;
  if (!(contacts = lia_account_repository_list_contacts (lia_book_get_accounts (self->book), account_id, &error)))
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(LiaContact) contact = g_list_model_get_item (contacts, i);
      const char *role = lia_contact_get_role (contact);
      g_autofree char *detail = NULL;

      if (role != NULL && *role != '\0')
        /* Translators: an attendee who is the customer's contact, then their role */
        detail = g_strdup_printf (_("Customer contact · %s"), role);
      else
        detail = g_strdup (_("Customer contact"));

      append_attendee_row (self, 'c', lia_contact_get_id (contact), lia_contact_get_name (contact), detail);
    }
}

static void
append_staff (LiaMeetingDialog *self)
{
  GListModel *staff = lia_book_get_staff (self->book);

  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(LiaStaffMember) member = g_list_model_get_item (staff, i);
      g_autofree char *key = attendee_key ('s', lia_staff_member_get_id (member));

      /* Someone who left is listed only if already invited. */
      if (!lia_staff_member_get_active (member) && !g_hash_table_contains (self->checked, key))
        continue;
      append_attendee_row (self, 's', lia_staff_member_get_id (member), lia_staff_member_get_name (member),
                           lia_staff_role_to_label (lia_staff_member_get_role (member)));
    }
}

static void
fill_attendees (LiaMeetingDialog *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->attendees_list, 0)))
    gtk_list_box_remove (self->attendees_list, GTK_WIDGET (row));
  append_contacts (self, chosen_account (self));
  append_staff (self);
}

/* A new meeting invites the account's manager and key contacts. */
static void
check_default_attendees (LiaMeetingDialog *self,
                         gint64            account_id)
{
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(GListModel) contacts = NULL;
  LiaAccountRepository *accounts = lia_book_get_accounts (self->book);

  g_hash_table_remove_all (self->checked);
  if (account_id == 0 || !(account = lia_account_repository_lookup (accounts, account_id, NULL)))
    return;
  if (lia_account_get_manager_id (account) != 0)
    g_hash_table_add (self->checked, attendee_key ('s', lia_account_get_manager_id (account)));
  if (!(contacts = lia_account_repository_list_contacts (accounts, account_id, NULL)))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(LiaContact) contact = g_list_model_get_item (contacts, i);

      if (lia_contact_get_key_contact (contact))
        g_hash_table_add (self->checked, attendee_key ('c', lia_contact_get_id (contact)));
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The ticked ones in a fixed order, to tell whether they changed. */
static char *
attendees_signature (GHashTable *checked)
{
  guint n = 0;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (checked, &n);

  g_qsort_with_data (keys, n, sizeof (gpointer), compare_keys, NULL);
  return g_strjoinv (",", (char **)keys);
}

static GListModel *
build_attendees (LiaMeetingDialog *self)
{
  GListStore *store = g_list_store_new (LIA_TYPE_ATTENDEE);
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, self->checked);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, NULL))
    {
      gint64 id = g_ascii_strtoll (key + 2, NULL, 10);
      g_autoptr(LiaAttendee) attendee = key[0] == 'c' ? lia_attendee_new_contact (id)
                                                      : lia_attendee_new_staff (id);

      g_list_store_append (store, attendee);
    }
  return G_LIST_MODEL (store);
}

static gboolean
attendees_changed (LiaMeetingDialog *self)
{
  g_autofree char *now = attendees_signature (self->checked);

  return g_strcmp0 (now, self->original_attendees) != 0;
}

static gboolean
write_attendees (LiaMeetingDialog  *self,
                 gint64             meeting_id,
                 GError           **error)
{
  g_autoptr(GListModel) attendees = build_attendees (self);

  return lia_meeting_repository_set_attendees (lia_book_get_meetings (self->book), meeting_id, attendees, error);
}

static void
on_account_picked_cb (LiaMeetingDialog *self)
{
  if (self->filling)
    return;
  check_default_attendees (self, chosen_account (self));
  fill_attendees (self);
  on_field_changed_cb (self);
}

/* ---- saving ---- */

/* What only the series as a whole has. */
static void
apply_series_only_fields (LiaMeeting   *meeting,
                          const Fields *fields)
{
  lia_meeting_set_all_day (meeting, fields->all_day);
  lia_meeting_set_for_portfolio (meeting, fields->for_portfolio);
  lia_meeting_set_is_review (meeting, fields->is_review);
  lia_meeting_set_rrule (meeting, fields->rrule);
  if (fields->tzid != NULL)
    lia_meeting_set_tzid (meeting, fields->tzid);
}

static void
apply_series_fields (LiaMeeting   *meeting,
                     const Fields *fields)
{
  lia_meeting_set_title (meeting, fields->title);
  lia_meeting_set_location (meeting, fields->location);
  lia_meeting_set_agenda (meeting, fields->agenda);
  apply_series_only_fields (meeting, fields);
}

static void
finish (LiaMeetingDialog *self,
        gint64            meeting_id,
        gint64            starts_at,
        const char       *message)
{
  lia_toast_show (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[SAVED], 0, meeting_id, starts_at);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Who plans it organizes it, when they are staff. */
static gint64
organizer (LiaMeetingDialog *self)
{
  return MAX (0, lia_book_find_staff (self->book, lia_book_get_actor (self->book)));
}

static gboolean
save_new (LiaMeetingDialog  *self,
          const Fields      *fields,
          GError           **error)
{
  g_autoptr(LiaMeeting) meeting = lia_meeting_new (chosen_account (self), fields->title,
                                                   fields->starts_at, fields->ends_at);

  apply_series_fields (meeting, fields);
  lia_meeting_set_organizer_id (meeting, organizer (self));
  if (!lia_meeting_repository_add (lia_book_get_meetings (self->book), meeting, error))
    return FALSE;
  /* The draft cannot carry them: the meeting needs its id first. */
  if (g_hash_table_size (self->checked) > 0 && !write_attendees (self, lia_meeting_get_id (meeting), error))
    return FALSE;
  finish (self, lia_meeting_get_id (meeting), fields->starts_at,
          fields->rrule ? _("Meetings planned") : _("Meeting planned"));
  return TRUE;
}

/* The zone @tzid names as the fields are read in it: the local one
 * when it names none GLib knows. */
static GTimeZone *
zone_named (const char *tzid)
{
  GTimeZone *tz = tzid != NULL ? g_time_zone_new_identifier (tzid) : NULL;

  return tz != NULL ? tz : g_time_zone_new_local ();
}

/* The same wall-clock time as @time in @from, in @to. */
static gint64
rezone (gint64     time,
        GTimeZone *from,
        GTimeZone *to)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, from);
  g_autoptr(GDateTime) here = g_date_time_new (to, g_date_time_get_year (there), g_date_time_get_month (there),
                                               g_date_time_get_day_of_month (there),
                                               g_date_time_get_hour (there), g_date_time_get_minute (there),
                                               g_date_time_get_second (there));

  return here != NULL ? g_date_time_to_unix (here) : time;
}

static gboolean
zone_changed (LiaMeetingDialog *self,
              const Fields     *fields)
{
  return fields->tzid != NULL && g_strcmp0 (fields->tzid, lia_meeting_get_tzid (self->meeting)) != 0;
}

/* The series' first start, moved by the wall-clock amount the occurrence
 * edited moved (a day later stays at the same hour across a DST change);
 * in a new zone, at the same wall-clock time there. */
static gint64
shifted_series_start (LiaMeetingDialog *self,
                      const Fields     *fields)
{
  const char *tzid = lia_meeting_get_tzid (self->meeting);
  gint64 start = lia_meeting_get_starts_at (self->meeting);
  gint64 old_ref = lia_occurrence_get_starts_at (self->occurrence);
  g_autoptr(GTimeZone) old_tz = NULL;
  g_autoptr(GTimeZone) new_tz = NULL;

  if (start == old_ref)
    return fields->starts_at;
  if (!zone_changed (self, fields))
    return lia_recurrence_shift (start, tzid, old_ref, fields->starts_at);

  old_tz = zone_named (tzid);
  new_tz = zone_named (fields->tzid);
  start = lia_recurrence_shift (start, tzid, old_ref, rezone (fields->starts_at, new_tz, old_tz));
  return rezone (start, old_tz, new_tz);
}

/* An all-day series lasts whole days, whatever a DST change does to one. */
static gint64
series_end (const Fields *fields,
            gint64        starts_at,
            const char   *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (!fields->all_day)
    return starts_at + (fields->ends_at - fields->starts_at);
  tz = zone_named (tzid);
  utc = g_date_time_new_from_unix_utc (starts_at);
  start = g_date_time_to_timezone (utc, tz);
  end = g_date_time_add_days (start, (int)fields->n_days);
  return end != NULL ? g_date_time_to_unix (end) : starts_at + (fields->ends_at - fields->starts_at);
}

/* Which of the occurrence's own fields the dialog changed. */
typedef struct
{
  gboolean times;
  gboolean title;
  gboolean location;
  gboolean agenda;
} Edits;

static void
find_edits (LiaOccurrence *occurrence,
            const Fields  *fields,
            Edits         *out)
{
  out->times = fields->starts_at != lia_occurrence_get_starts_at (occurrence) ||
               fields->ends_at != lia_occurrence_get_ends_at (occurrence);
  out->title = g_strcmp0 (fields->title, lia_occurrence_get_title (occurrence)) != 0;
  out->location = g_strcmp0 (fields->location, nonempty (lia_occurrence_get_location (occurrence))) != 0;
  out->agenda = g_strcmp0 (fields->agenda, nonempty (lia_occurrence_get_agenda (occurrence))) != 0;
}

/* The occurrence edited, now at @recurrence_id, gives up its own values
 * of what was edited for all: written as the series now has them, the
 * model keeps no copy of its own. One gone with a new zone or rule has
 * nothing to give up. */
static gboolean
forget_own_values (LiaMeetingDialog  *self,
                   gint64             recurrence_id,
                   const Edits       *edits,
                   GError           **error)
{
  LiaMeetingRepository *repository = lia_book_get_meetings (self->book);
  LiaMeeting *meeting = self->meeting;
  g_autoptr(LiaOccurrence) occurrence = NULL;

  if (!lia_meeting_get_rrule (meeting) || !lia_occurrence_get_is_exception (self->occurrence) ||
      !(edits->title || edits->location || edits->agenda))
    return TRUE;
  occurrence = lia_meeting_repository_lookup_occurrence (repository, lia_meeting_get_id (meeting),
                                                         recurrence_id, NULL);
  if (occurrence == NULL || !lia_occurrence_get_is_exception (occurrence))
    return TRUE;

  if (edits->title)
    lia_occurrence_set_title (occurrence, lia_meeting_get_title (meeting));
  if (edits->location)
    lia_occurrence_set_location (occurrence, lia_meeting_get_location (meeting));
  if (edits->agenda)
    lia_occurrence_set_agenda (occurrence, lia_meeting_get_agenda (meeting));
  return lia_meeting_repository_update_occurrence (repository, occurrence, LIA_EDIT_SCOPE_THIS, error);
}

/* The whole series, as the model's own edit of all its meetings: what
 * the occurrence edited changed (its times, title, location, agenda)
 * becomes the series', its times moved by the same wall-clock amount;
 * with the series' own fields (rule, zone, all day, flags, attendees). */
static gboolean
save_series (LiaMeetingDialog  *self,
             const Fields      *fields,
             GError           **error)
{
  LiaMeeting *meeting = self->meeting;
  /* Copied: the zone may change with the series' fields. */
  g_autofree char *old_tzid = g_strdup (lia_meeting_get_tzid (meeting));
  gint64 old_start = lia_meeting_get_starts_at (meeting);
  gint64 recurrence_id = lia_occurrence_get_recurrence_id (self->occurrence);
  Edits edits;

  find_edits (self->occurrence, fields, &edits);
  if (edits.title)
    lia_meeting_set_title (meeting, fields->title);
  if (edits.location)
    lia_meeting_set_location (meeting, fields->location);
  if (edits.agenda)
    lia_meeting_set_agenda (meeting, fields->agenda);
  if (edits.times)
    {
      gint64 start = shifted_series_start (self, fields);

      lia_meeting_set_times (meeting, start, series_end (fields, start, zone_changed (self, fields)
                                                                         ? fields->tzid : old_tzid));
      /* Where the model moves the occurrence's own values. */
      recurrence_id = lia_recurrence_shift (recurrence_id, old_tzid, old_start, start);
    }
  apply_series_only_fields (meeting, fields);
  if (!lia_meeting_repository_update (lia_book_get_meetings (self->book), meeting, error))
    return FALSE;
  if (attendees_changed (self) && !write_attendees (self, lia_meeting_get_id (meeting), error))
    return FALSE;
  if (!forget_own_values (self, recurrence_id, &edits, error))
    return FALSE;
  finish (self, lia_meeting_get_id (meeting), fields->starts_at, _("Meeting saved"));
  return TRUE;
}

static gboolean
save_occurrence (LiaMeetingDialog  *self,
                 const Fields      *fields,
                 LiaEditScope       scope,
                 GError           **error)
{
  LiaOccurrence *occurrence = self->occurrence;

  lia_occurrence_set_times (occurrence, fields->starts_at, fields->ends_at);
  lia_occurrence_set_title (occurrence, fields->title);
  lia_occurrence_set_location (occurrence, fields->location);
  lia_occurrence_set_agenda (occurrence, fields->agenda);
  if (!lia_meeting_repository_update_occurrence (lia_book_get_meetings (self->book), occurrence, scope, error))
    return FALSE;
  /* A split starts a new series, whose id the model does not give back. */
  finish (self, scope == LIA_EDIT_SCOPE_THIS_AND_LATER ? 0 : lia_occurrence_get_meeting_id (occurrence),
          fields->starts_at, scope == LIA_EDIT_SCOPE_THIS ? _("Meeting saved") : _("Meetings saved"));
  return TRUE;
}

static gboolean
rules_equal (const char *a,
             const char *b)
{
  return a == NULL || b == NULL ? a == b : g_ascii_strcasecmp (a, b) == 0;
}

/* What only the series as a whole has. */
static gboolean
series_changed (LiaMeetingDialog *self,
                const Fields     *fields)
{
  LiaMeeting *m = self->meeting;

  return !rules_equal (fields->rrule, lia_meeting_get_rrule (m)) ||
         zone_changed (self, fields) ||
         fields->all_day != lia_meeting_get_all_day (m) ||
         fields->for_portfolio != lia_meeting_get_for_portfolio (m) ||
         fields->is_review != lia_meeting_get_is_review (m) ||
         attendees_changed (self);
}

static void
save_scoped (LiaMeetingDialog *self,
             LiaEditScope      scope)
{
  g_auto(Fields) fields = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!read_fields (self, &fields, &error))
    ok = FALSE;
  else if (scope == LIA_EDIT_SCOPE_ALL && series_changed (self, &fields))
    ok = save_series (self, &fields, &error);
  else
    ok = save_occurrence (self, &fields, scope, &error);
  if (!ok)
    show_error (self, error->message);
}

typedef struct
{
  LiaMeetingDialog *dialog;
  LiaEditScope      scope;
} ScopedSave;

static gboolean
save_scoped_idle_cb (gpointer data)
{
  ScopedSave *save = data;

  save_scoped (save->dialog, save->scope);
  g_object_unref (save->dialog);
  g_free (save);
  return G_SOURCE_REMOVE;
}

/* Saved once the question has gone: it is transient for this dialog,
 * which closes on success. */
static void
on_scope_response_cb (LiaMeetingDialog *self,
                      const char       *response)
{
  ScopedSave *save;
  LiaEditScope scope;

  if (!lia_edit_scope_from_response (response, &scope))
    return;
  save = g_new0 (ScopedSave, 1);
  save->dialog = g_object_ref (self);
  save->scope = scope;
  g_idle_add (save_scoped_idle_cb, save);
}

static void
ask_scope (LiaMeetingDialog *self,
           const Fields     *fields)
{
  AdwMessageDialog *dialog = lia_edit_scope_dialog_new (GTK_WIDGET (self), FALSE);
  gboolean partial = !series_changed (self, fields);

  if (!partial)
    adw_message_dialog_set_body (dialog, _("The repeat rule, time zone, all-day setting, attendees and kind of "
                                           "meeting belong to the whole series: this change is for all of its "
                                           "meetings."));
  adw_message_dialog_set_response_enabled (dialog, "this", partial);
  adw_message_dialog_set_response_enabled (dialog, "later", partial);
  adw_message_dialog_set_default_response (dialog, partial ? "this" : "all");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_scope_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaMeetingDialog *self = LIA_MEETING_DIALOG (widget);
  g_auto(Fields) fields = { 0, };
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (!read_fields (self, &fields, &error))
    ok = FALSE;
  else if (self->meeting == NULL)
    ok = save_new (self, &fields, &error);
  else if (lia_occurrence_get_is_recurring (self->occurrence))
    ask_scope (self, &fields);
  else
    ok = save_series (self, &fields, &error);
  if (!ok)
    show_error (self, error->message);
}

/* ---- object ---- */

static void
lia_meeting_dialog_dispose (GObject *object)
{
  LiaMeetingDialog *self = (LiaMeetingDialog *)object;

  g_clear_object (&self->meeting);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_meeting_dialog_parent_class)->dispose (object);
}

static void
lia_meeting_dialog_finalize (GObject *object)
{
  LiaMeetingDialog *self = (LiaMeetingDialog *)object;

  g_clear_pointer (&self->checked, g_hash_table_unref);
  g_clear_pointer (&self->original_attendees, g_free);

  G_OBJECT_CLASS (lia_meeting_dialog_parent_class)->finalize (object);
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, account_group);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, account_picker);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, portfolio_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, review_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, all_day_switch);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, zone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, rrule_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, attendees_list);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingDialog, error_label);
}

static void
lia_meeting_dialog_class_init (LiaMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_meeting_dialog_dispose;
  object_class->finalize = lia_meeting_dialog_finalize;

  /* After writing: the meeting's id (0 for a series split off) and the
   * start of the occurrence saved. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  g_type_ensure (LIA_TYPE_ACCOUNT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-meeting-dialog.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_all_day_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_account_picked_cb);

  gtk_widget_class_install_action (widget_class, "meeting-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lia_meeting_dialog_init (LiaMeetingDialog *self)
{
  g_autoptr(GtkStringList) repeats = lia_repeat_labels_new ();

  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_clear (&self->shown_date, 1);
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (repeats));
  self->filling = FALSE;
  g_signal_connect_object (gtk_text_view_get_buffer (self->agenda_view), "changed",
                           G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

/* ---- constructors ---- */

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text ? text : "");
}

static void
show_account (LiaMeetingDialog *self,
              gint64            account_id,
              const char       *name)
{
  g_autoptr(LiaAccount) account = NULL;

  if (name == NULL &&
      (account = lia_account_repository_lookup (lia_book_get_accounts (self->book), account_id, NULL)))
    name = lia_account_get_name (account);
  adw_action_row_set_subtitle (self->account_row, name ? name : "");
}

static LiaMeetingDialog *
dialog_new (GtkWindow *parent,
            LiaBook   *book,
            gint64     account_id)
{
  LiaMeetingDialog *self = g_object_new (LIA_TYPE_MEETING_DIALOG, "transient-for", parent, NULL);

  self->book = g_object_ref (book);
  self->account_id = account_id;
  lia_account_picker_set_book (self->account_picker, book);
  gtk_widget_set_visible (GTK_WIDGET (self->account_group), account_id == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->account_row), account_id != 0);
  if (account_id != 0)
    show_account (self, account_id, NULL);
  gtk_window_set_focus (GTK_WINDOW (self), account_id == 0
                                           ? GTK_WIDGET (lia_account_picker_get_entry (self->account_picker))
                                           : GTK_WIDGET (self->title_row));
  return self;
}

static void
fill_new (LiaMeetingDialog *self,
          const GDate      *date,
          const char       *title,
          LiaRepeat         repeat)
{
  g_autofree char *day = NULL;
  GDate tomorrow;

  if (date == NULL)
    {
      lia_date_from_unix (lia_book_now (self->book), &tomorrow);
      g_date_add_days (&tomorrow, 1);
      date = &tomorrow;
    }
  day = lia_format_iso_date (date);

  self->filling = TRUE;
  set_text (self->title_row, title);
  set_text (self->date_row, day);
  set_text (self->end_date_row, day);
  set_text (self->start_row, "10:00");
  set_text (self->end_row, "11:00");
  adw_combo_row_set_selected (self->repeat_row, repeat);
  self->filling = FALSE;
  show_when_rows (self, FALSE);

  check_default_attendees (self, self->account_id);
  fill_attendees (self);
  on_field_changed_cb (self);
}

GtkWidget *
lia_meeting_dialog_new (GtkWindow   *parent,
                        LiaBook     *book,
                        gint64       account_id,
                        const GDate *date)
{
  LiaMeetingDialog *self;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  self = dialog_new (parent, book, account_id);
  fill_new (self, date, _(DEFAULT_TITLE), LIA_REPEAT_QUARTERLY);
  return GTK_WIDGET (self);
}

/* The series that matches a segment's review cadence in days. */
static LiaRepeat
repeat_for_cadence (guint days)
{
  if (days >= 28 && days <= 31)
    return LIA_REPEAT_MONTHLY;
  if (days >= 89 && days <= 92)
    return LIA_REPEAT_QUARTERLY;
  if (days >= 180 && days <= 184)
    return LIA_REPEAT_HALF_YEARLY;
  return LIA_REPEAT_NONE;
}

GtkWidget *
lia_meeting_dialog_new_review (GtkWindow *parent,
                               LiaBook   *book,
                               gint64     account_id)
{
  static const char * const titles[] = {
    [LIA_REPEAT_NONE] = N_("Review"), [LIA_REPEAT_MONTHLY] = N_("Monthly review"),
    [LIA_REPEAT_QUARTERLY] = N_("Quarterly review"), [LIA_REPEAT_HALF_YEARLY] = N_("Half-yearly review"),
  };
  g_autoptr(LiaAccount) account = NULL;
  LiaMeetingDialog *self;
  LiaRepeat repeat = LIA_REPEAT_NONE;
  gint64 due;
  GDate date, *when = NULL;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);
  g_return_val_if_fail (account_id != 0, NULL);

  account = lia_account_repository_lookup (lia_book_get_accounts (book), account_id, NULL);
  if (account != NULL)
    repeat = repeat_for_cadence (lia_book_get_segment_cadence (book, lia_account_get_segment_id (account)));
  /* When it falls due; one already overdue is planned for tomorrow. */
  due = lia_meeting_repository_next_review_due (lia_book_get_meetings (book), account_id, NULL);
  if (due > lia_book_now (book))
    {
      lia_date_from_unix (due, &date);
      when = &date;
    }

  self = dialog_new (parent, book, account_id);
  gtk_window_set_title (GTK_WINDOW (self), _("Plan Review"));
  adw_window_title_set_title (self->window_title, _("Plan Review"));
  fill_new (self, when, _(titles[repeat]), repeat);
  return GTK_WIDGET (self);
}

static void
fill_from_occurrence (LiaMeetingDialog *self)
{
  LiaOccurrence *o = self->occurrence;
  LiaMeeting *m = self->meeting;
  const char *rrule = lia_meeting_get_rrule (m);
  g_autoptr(GTimeZone) named = g_time_zone_new_identifier (lia_meeting_get_tzid (m));
  g_autoptr(GTimeZone) tz = named ? g_time_zone_ref (named) : g_time_zone_new_local ();
  gboolean all_day = lia_meeting_get_all_day (m);
  gint64 starts_at = lia_occurrence_get_starts_at (o);
  gint64 ends_at = MAX (starts_at, lia_occurrence_get_ends_at (o));
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (starts_at);
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_utc (ends_at);
  /* Shown on the meeting's own clock, as they are typed. */
  g_autoptr(GDateTime) zstart = g_date_time_to_timezone (start, tz);
  g_autoptr(GDateTime) zend = g_date_time_to_timezone (end, tz);
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *day = g_date_time_format (zstart, "%Y-%m-%d");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *last_day = NULL;

  if (all_day)
    {
      /* Whole days to the midnight after the last one (a DST change
       * makes one 23 or 25 hours); none at all reads as one day. The
       * times are there should it stop being all day. */
      gint64 days = (ends_at - starts_at + 12 * 60 * 60) / (24 * 60 * 60);

      last = g_date_time_add_days (zstart, (int)CLAMP (days, 1, 100000) - 1);
      from = g_strdup ("10:00");
      to = g_strdup ("11:00");
    }
  else
    {
      last = g_date_time_ref (zend);
      from = g_date_time_format (zstart, "%H:%M");
      to = g_date_time_format (zend, "%H:%M");
    }
  last_day = last != NULL ? g_date_time_format (last, "%Y-%m-%d") : g_strdup (day);

  self->filling = TRUE;
  set_text (self->title_row, lia_occurrence_get_title (o));
  set_text (self->location_row, lia_occurrence_get_location (o));
  gtk_switch_set_active (self->all_day_switch, all_day);
  set_text (self->date_row, day);
  set_text (self->end_date_row, last_day);
  set_text (self->start_row, from);
  set_text (self->end_row, to);
  set_text (self->zone_row, named ? lia_meeting_get_tzid (m) : NULL);
  adw_combo_row_set_selected (self->repeat_row, lia_repeat_from_rrule (rrule));
  set_text (self->rrule_row, rrule);
  gtk_switch_set_active (self->portfolio_switch, lia_meeting_get_for_portfolio (m));
  gtk_switch_set_active (self->review_switch, lia_meeting_get_is_review (m));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->agenda_view),
                            lia_occurrence_get_agenda (o) ? lia_occurrence_get_agenda (o) : "", -1);
  self->filling = FALSE;
  show_when_rows (self, g_strcmp0 (day, last_day) != 0);
}

static void
check_attendees_of (LiaMeetingDialog *self,
                    LiaMeeting       *meeting)
{
  GListModel *attendees = lia_meeting_get_attendees (meeting);

  for (guint i = 0; attendees && i < g_list_model_get_n_items (attendees); i++)
    {
      g_autoptr(LiaAttendee) attendee = g_list_model_get_item (attendees, i);

      if (lia_attendee_get_contact_id (attendee) != 0)
        g_hash_table_add (self->checked, attendee_key ('c', lia_attendee_get_contact_id (attendee)));
      else if (lia_attendee_get_staff_id (attendee) != 0)
        g_hash_table_add (self->checked, attendee_key ('s', lia_attendee_get_staff_id (attendee)));
    }
  self->original_attendees = attendees_signature (self->checked);
}

GtkWidget *
lia_meeting_dialog_new_for_edit (GtkWindow *parent,
                                 LiaBook   *book,
                                 gint64     meeting_id,
                                 gint64     recurrence_id)
{
  LiaMeetingRepository *repository = lia_book_get_meetings (book);
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autoptr(LiaOccurrence) occurrence = NULL;
  g_autoptr(GError) error = NULL;
  LiaMeetingDialog *self;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  if ((meeting = lia_meeting_repository_lookup (repository, meeting_id, &error)))
    occurrence = lia_meeting_repository_lookup_occurrence (repository, meeting_id, recurrence_id, &error);
  self = dialog_new (parent, book, meeting ? lia_meeting_get_account_id (meeting) : -1);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Meeting"));
  adw_window_title_set_title (self->window_title, _("Edit Meeting"));
  if (occurrence == NULL)
    {
      show_error (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting-dialog.save", FALSE);
      return GTK_WIDGET (self);
    }

  self->meeting = g_steal_pointer (&meeting);
  self->occurrence = g_steal_pointer (&occurrence);
  show_account (self, self->account_id, lia_meeting_get_account_name (self->meeting));
  fill_from_occurrence (self);
  check_attendees_of (self, self->meeting);
  fill_attendees (self);
  on_field_changed_cb (self);
  return GTK_WIDGET (self);
}
