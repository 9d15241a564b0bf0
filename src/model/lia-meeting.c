/* lia-meeting.c — a review or progress meeting with a customer, or a
 * series of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-meeting-private.h"
#include "lia-meeting-store.h"

struct _LiaMeeting
{
  GObject           parent_instance;
  gint64            id;
  char             *uid;
  gint64            account_id;
  char             *account_name;
  gboolean          for_portfolio;
  char             *title;
  gint64            starts_at;
  gint64            ends_at;
  char             *tzid;
  gboolean          all_day;
  char             *location;
  char             *rrule;
  gint64            until_at;
  gboolean          is_review;
  char             *agenda;
  char             *minutes;
  char             *outcome;
  int               rating;
  LiaMeetingStatus  status;
  gint64            organizer_id;
  gint64            sequence;
  gint64            contact_event_id;
  GListStore       *attendees;
};

G_DEFINE_FINAL_TYPE (LiaMeeting, lia_meeting, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ACCOUNT_NAME,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_STATUS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
static void
set_str (char       **field,
         const char  *value)
{
  if (*field != value)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

static void
lia_meeting_finalize (GObject *object)
{
  LiaMeeting *self = (LiaMeeting *)object;

  g_free (self->uid);
  g_free (self->account_name);
  g_free (self->title);
  g_free (self->tzid);
  g_free (self->location);
  g_free (self->rrule);
  g_free (self->agenda);
  g_free (self->minutes);
  g_free (self->outcome);
  g_clear_object (&self->attendees);
  G_OBJECT_CLASS (lia_meeting_parent_class)->finalize (object);
}

static void
lia_meeting_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaMeeting *self = LIA_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_TITLE:        g_value_set_string (value, lia_meeting_get_title (self)); break;
    case PROP_ACCOUNT_NAME: g_value_set_string (value, self->account_name); break;
    case PROP_STARTS_AT:    g_value_set_int64 (value, self->starts_at); break;
    case PROP_ENDS_AT:      g_value_set_int64 (value, self->ends_at); break;
    case PROP_STATUS:       g_value_set_enum (value, self->status); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_meeting_class_init (LiaMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_meeting_finalize;
  object_class->get_property = lia_meeting_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, ro);
  properties[PROP_STARTS_AT] = g_param_spec_int64 ("starts-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_ENDS_AT] = g_param_spec_int64 ("ends-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, LIA_TYPE_MEETING_STATUS,
                                               LIA_MEETING_STATUS_PLANNED, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Strings are NULL until set ("" to the getters): a month of a large
 * book makes thousands of these from rows. */
static void
lia_meeting_init (LiaMeeting *self)
{
  self->is_review = TRUE;
  self->status = LIA_MEETING_STATUS_PLANNED;
  self->attendees = g_list_store_new (LIA_TYPE_ATTENDEE);
}

LiaMeeting *
lia_meeting_new (gint64      account_id,
                 const char *title,
                 gint64      starts_at,
                 gint64      ends_at)
{
  LiaMeeting *self = g_object_new (LIA_TYPE_MEETING, NULL);

  self->tzid = g_strdup (lia_recurrence_local_tzid ());
  self->account_id = account_id;
  set_str (&self->title, title ? title : "");
  self->starts_at = starts_at;
  self->ends_at = ends_at;
  return self;
}

LiaMeeting *
lia_meeting_new_from_row (LiaRow *row)
{
  LiaMeeting *self = g_object_new (LIA_TYPE_MEETING, NULL);

  self->id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ID);
  self->uid = lia_row_dup_string (row, LIA_MEETING_COLUMN_UID);
  self->account_id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ACCOUNT_ID);
  self->account_name = lia_row_dup_string (row, LIA_MEETING_COLUMN_ACCOUNT_NAME);
  self->for_portfolio = lia_row_get_int64 (row, LIA_MEETING_COLUMN_FOR_PORTFOLIO) != 0;
  set_str (&self->title, lia_row_get_string (row, LIA_MEETING_COLUMN_TITLE));
  self->starts_at = lia_row_get_int64 (row, LIA_MEETING_COLUMN_STARTS_AT);
  self->ends_at = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ENDS_AT);
  set_str (&self->tzid, lia_row_get_string (row, LIA_MEETING_COLUMN_TZID));
  self->all_day = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ALL_DAY) != 0;
  set_str (&self->location, lia_row_get_string (row, LIA_MEETING_COLUMN_LOCATION));
  self->rrule = lia_row_dup_string (row, LIA_MEETING_COLUMN_RRULE);
  self->until_at = lia_row_get_int64 (row, LIA_MEETING_COLUMN_UNTIL_AT);
  self->is_review = lia_row_get_int64 (row, LIA_MEETING_COLUMN_IS_REVIEW) != 0;
  set_str (&self->agenda, lia_row_get_string (row, LIA_MEETING_COLUMN_AGENDA));
  set_str (&self->minutes, lia_row_get_string (row, LIA_MEETING_COLUMN_MINUTES));
  set_str (&self->outcome, lia_row_get_string (row, LIA_MEETING_COLUMN_OUTCOME));
  self->rating = (int)lia_row_get_int64 (row, LIA_MEETING_COLUMN_RATING);
  self->status = lia_row_get_enum (LIA_TYPE_MEETING_STATUS, row, LIA_MEETING_COLUMN_STATUS,
                                   LIA_MEETING_STATUS_PLANNED);
  self->organizer_id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_ORGANIZER_ID);
  self->sequence = lia_row_get_int64 (row, LIA_MEETING_COLUMN_SEQUENCE);
  self->contact_event_id = lia_row_get_int64 (row, LIA_MEETING_COLUMN_CONTACT_EVENT_ID);
  return self;
}

/* A draft with every field of @self, attendees shared. */
LiaMeeting *
lia_meeting_copy (LiaMeeting *self)
{
  LiaMeeting *copy = lia_meeting_new (self->account_id, self->title, self->starts_at, self->ends_at);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));

  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->account_name = g_strdup (self->account_name);
  copy->for_portfolio = self->for_portfolio;
  set_str (&copy->tzid, self->tzid);
  copy->all_day = self->all_day;
  set_str (&copy->location, self->location);
  copy->rrule = g_strdup (self->rrule);
  copy->until_at = self->until_at;
  copy->is_review = self->is_review;
  set_str (&copy->agenda, self->agenda);
  set_str (&copy->minutes, self->minutes);
  set_str (&copy->outcome, self->outcome);
  copy->rating = self->rating;
  copy->status = self->status;
  copy->organizer_id = self->organizer_id;
  copy->sequence = self->sequence;
  copy->contact_event_id = self->contact_event_id;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAttendee) attendee = g_list_model_get_item (G_LIST_MODEL (self->attendees), i);
      g_list_store_append (copy->attendees, attendee);
    }
  return copy;
}

#define GETTER(type, name, field, fallback)                                    \
  type                                                                         \
  lia_meeting_get_##name (LiaMeeting *self)                                    \
  {                                                                            \
    g_return_val_if_fail (LIA_IS_MEETING (self), fallback);                   \
    return self->field;                                                        \
  }

GETTER (gint64, id, id, 0)
GETTER (const char *, uid, uid, NULL)
GETTER (gint64, account_id, account_id, 0)
GETTER (const char *, account_name, account_name, NULL)
GETTER (gboolean, for_portfolio, for_portfolio, FALSE)
GETTER (gint64, starts_at, starts_at, 0)
GETTER (gint64, ends_at, ends_at, 0)
GETTER (const char *, tzid, tzid, NULL)
GETTER (gboolean, all_day, all_day, FALSE)
GETTER (const char *, rrule, rrule, NULL)
GETTER (gint64, until_at, until_at, 0)
GETTER (gboolean, is_review, is_review, FALSE)
GETTER (int, rating, rating, 0)
GETTER (LiaMeetingStatus, status, status, LIA_MEETING_STATUS_PLANNED)
GETTER (gint64, organizer_id, organizer_id, 0)
GETTER (gint64, sequence, sequence, 0)
GETTER (gint64, contact_event_id, contact_event_id, 0)

#undef GETTER

#define TEXT_GETTER(name)                                                      \
  const char *                                                                 \
  lia_meeting_get_##name (LiaMeeting *self)                                    \
  {                                                                            \
    g_return_val_if_fail (LIA_IS_MEETING (self), NULL);                       \
    return self->name ? self->name : "";                                       \
  }

TEXT_GETTER (title)
TEXT_GETTER (location)
TEXT_GETTER (agenda)
TEXT_GETTER (minutes)
TEXT_GETTER (outcome)

#undef TEXT_GETTER

GListModel *
lia_meeting_get_attendees (LiaMeeting *self)
{
  g_return_val_if_fail (LIA_IS_MEETING (self), NULL);
  return G_LIST_MODEL (self->attendees);
}

gboolean
lia_meeting_get_is_recurring (LiaMeeting *self)
{
  g_return_val_if_fail (LIA_IS_MEETING (self), FALSE);
  return self->rrule != NULL;
}

/* Drafts are plain data: the repository validates on write. */
#define SETTER(type, name, field)                                              \
  void                                                                         \
  lia_meeting_set_##name (LiaMeeting *self,                                    \
                          type        value)                                   \
  {                                                                            \
    g_return_if_fail (LIA_IS_MEETING (self));                                  \
    self->field = value;                                                       \
  }

SETTER (gint64, id, id)
SETTER (gint64, account_id, account_id)
SETTER (gboolean, for_portfolio, for_portfolio)
SETTER (gboolean, all_day, all_day)
SETTER (gboolean, is_review, is_review)
SETTER (int, rating, rating)
SETTER (LiaMeetingStatus, status, status)
SETTER (gint64, organizer_id, organizer_id)
SETTER (gint64, until_at, until_at)
SETTER (gint64, contact_event_id, contact_event_id)

#undef SETTER

#define STRING_SETTER(name)                                                    \
  void                                                                         \
  lia_meeting_set_##name (LiaMeeting *self,                                    \
                          const char *value)                                   \
  {                                                                            \
    g_return_if_fail (LIA_IS_MEETING (self));                                  \
    set_str (&self->name, value ? value : "");                                 \
  }

STRING_SETTER (title)
STRING_SETTER (location)
STRING_SETTER (agenda)
STRING_SETTER (minutes)
STRING_SETTER (outcome)

#undef STRING_SETTER

void
lia_meeting_set_times (LiaMeeting *self,
                       gint64      starts_at,
                       gint64      ends_at)
{
  g_return_if_fail (LIA_IS_MEETING (self));
  self->starts_at = starts_at;
  self->ends_at = ends_at;
}

/* NULL or "": the local zone. */
void
lia_meeting_set_tzid (LiaMeeting *self,
                      const char *tzid)
{
  g_return_if_fail (LIA_IS_MEETING (self));
  set_str (&self->tzid, tzid && *tzid ? tzid : lia_recurrence_local_tzid ());
}

/* NULL or "": a single meeting. */
void
lia_meeting_set_rrule (LiaMeeting *self,
                       const char *rrule)
{
  g_return_if_fail (LIA_IS_MEETING (self));
  set_str (&self->rrule, rrule && *rrule ? rrule : NULL);
}

void
lia_meeting_set_uid (LiaMeeting *self,
                     const char *uid)
{
  g_return_if_fail (LIA_IS_MEETING (self));
  set_str (&self->uid, uid && *uid ? uid : NULL);
}

void
lia_meeting_take_attendees (LiaMeeting *self,
                            GPtrArray  *attendees)
{
  g_list_store_splice (self->attendees, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->attendees)),
                       attendees->pdata, attendees->len);
}
