/* lia-occurrence.c — one occurrence of a meeting, as expanded for a
 * range: the series' values with its own exception applied
 *
 * An occurrence keeps its series and only what differs from it, so a
 * month of a weekly series shares one copy of the agenda.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-meeting-private.h"
#include "lia-meeting-store.h"

struct _LiaOccurrence
{
  GObject     parent_instance;
  LiaMeeting *series;
  gint64      recurrence_id;
  gint64      starts_at;
  gint64      ends_at;
  char       *title;          /* NULL: the series' */
  char       *location;
  char       *agenda;
  char       *minutes;
  char       *outcome;
  int         rating;
  gboolean    has_rating;     /* else the series' */
  int         status;         /* -1: the series' */
  gboolean    is_exception;
  gint64      contact_event_id;
};

G_DEFINE_FINAL_TYPE (LiaOccurrence, lia_occurrence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ACCOUNT_NAME,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  PROP_STATUS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Exceptions ---------------------------------------------------------- */

LiaException *
lia_exception_new (gint64 meeting_id,
                   gint64 recurrence_id)
{
  LiaException *self = g_new0 (LiaException, 1);

  self->meeting_id = meeting_id;
  self->recurrence_id = recurrence_id;
  self->status = -1;
  return self;
}

LiaException *
lia_exception_new_from_row (LiaRow *row)
{
  LiaException *self = lia_exception_new (lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_MEETING_ID),
                                          lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_RECURRENCE_ID));

  self->id = lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_ID);
  self->starts_at = lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_STARTS_AT);
  self->ends_at = lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_ENDS_AT);
  self->cancelled = lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_CANCELLED) != 0;
  self->title = lia_row_dup_string (row, LIA_EXCEPTION_COLUMN_TITLE);
  self->location = lia_row_dup_string (row, LIA_EXCEPTION_COLUMN_LOCATION);
  self->agenda = lia_row_dup_string (row, LIA_EXCEPTION_COLUMN_AGENDA);
  self->minutes = lia_row_dup_string (row, LIA_EXCEPTION_COLUMN_MINUTES);
  self->outcome = lia_row_dup_string (row, LIA_EXCEPTION_COLUMN_OUTCOME);
  self->rating = (int)lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_RATING);
  self->status = lia_row_get_enum (LIA_TYPE_MEETING_STATUS, row, LIA_EXCEPTION_COLUMN_STATUS, -1);
  self->contact_event_id = lia_row_get_int64 (row, LIA_EXCEPTION_COLUMN_CONTACT_EVENT_ID);
  return self;
}

void
lia_exception_free (LiaException *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->location);
  g_free (self->agenda);
  g_free (self->minutes);
  g_free (self->outcome);
  g_free (self);
}

gboolean
lia_exception_is_empty (const LiaException *self)
{
  return self->starts_at == 0 && !self->cancelled && self->title == NULL &&
         self->location == NULL && self->agenda == NULL && self->minutes == NULL &&
         self->outcome == NULL && self->rating == 0 && self->status == -1 &&
         self->contact_event_id == 0;
}

/* Occurrences --------------------------------------------------------- */

static void
lia_occurrence_finalize (GObject *object)
{
  LiaOccurrence *self = (LiaOccurrence *)object;

  g_clear_object (&self->series);
  g_free (self->title);
  g_free (self->location);
  g_free (self->agenda);
  g_free (self->minutes);
  g_free (self->outcome);
  G_OBJECT_CLASS (lia_occurrence_parent_class)->finalize (object);
}

static void
lia_occurrence_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaOccurrence *self = LIA_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_TITLE:        g_value_set_string (value, lia_occurrence_get_title (self)); break;
    case PROP_ACCOUNT_NAME: g_value_set_string (value, lia_occurrence_get_account_name (self)); break;
    case PROP_STARTS_AT:    g_value_set_int64 (value, self->starts_at); break;
    case PROP_ENDS_AT:      g_value_set_int64 (value, self->ends_at); break;
    case PROP_STATUS:       g_value_set_enum (value, lia_occurrence_get_status (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_occurrence_class_init (LiaOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_occurrence_finalize;
  object_class->get_property = lia_occurrence_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, ro);
  properties[PROP_STARTS_AT] = g_param_spec_int64 ("starts-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_ENDS_AT] = g_param_spec_int64 ("ends-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, LIA_TYPE_MEETING_STATUS,
                                               LIA_MEETING_STATUS_PLANNED, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_occurrence_init (LiaOccurrence *self)
{
  self->status = -1;
}

LiaOccurrence *
lia_occurrence_new (LiaMeeting         *series,
                    gint64              recurrence_id,
                    const LiaException *exception)
{
  LiaOccurrence *self = g_object_new (LIA_TYPE_OCCURRENCE, NULL);

  self->series = g_object_ref (series);
  self->recurrence_id = recurrence_id;
  self->starts_at = recurrence_id;
  self->ends_at = recurrence_id + lia_meeting_get_ends_at (series) - lia_meeting_get_starts_at (series);
  if (exception == NULL)
    return self;

  self->is_exception = TRUE;
  if (exception->starts_at != 0)
    {
      self->starts_at = exception->starts_at;
      self->ends_at = MAX (exception->ends_at, exception->starts_at);
    }
  self->title = g_strdup (exception->title);
  self->location = g_strdup (exception->location);
  self->agenda = g_strdup (exception->agenda);
  self->minutes = g_strdup (exception->minutes);
  self->outcome = g_strdup (exception->outcome);
  self->rating = exception->rating;
  self->has_rating = exception->rating != 0;
  self->status = exception->status;
  self->contact_event_id = exception->contact_event_id;
  return self;
}

/* By start, then series and recurrence id: the calendar's order. */
int
lia_occurrence_compare (gconstpointer a,
                        gconstpointer b)
{
  const LiaOccurrence *x = *(LiaOccurrence * const *)a, *y = *(LiaOccurrence * const *)b;
  gint64 keys[2][3] = {
    { x->starts_at, lia_meeting_get_id (x->series), x->recurrence_id },
    { y->starts_at, lia_meeting_get_id (y->series), y->recurrence_id },
  };

  for (guint i = 0; i < 3; i++)
    if (keys[0][i] != keys[1][i])
      return keys[0][i] < keys[1][i] ? -1 : 1;
  return 0;
}

LiaMeeting *
lia_occurrence_get_series (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), NULL);
  return self->series;
}

/* The one a held occurrence of a series recorded; a single meeting's is
 * on the meeting. */
gint64
lia_occurrence_get_contact_event_id (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), 0);

  if (!lia_meeting_get_is_recurring (self->series))
    return lia_meeting_get_contact_event_id (self->series);
  return self->contact_event_id;
}

gint64
lia_occurrence_get_meeting_id (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), 0);
  return lia_meeting_get_id (self->series);
}

gint64
lia_occurrence_get_recurrence_id (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), 0);
  return self->recurrence_id;
}

gint64
lia_occurrence_get_starts_at (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), 0);
  return self->starts_at;
}

gint64
lia_occurrence_get_ends_at (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), 0);
  return self->ends_at;
}

#define FROM_SERIES(type, name, fallback)                                      \
  type                                                                         \
  lia_occurrence_get_##name (LiaOccurrence *self)                              \
  {                                                                            \
    g_return_val_if_fail (LIA_IS_OCCURRENCE (self), fallback);                \
    return lia_meeting_get_##name (self->series);                              \
  }

FROM_SERIES (gint64, account_id, 0)
FROM_SERIES (const char *, account_name, NULL)
FROM_SERIES (const char *, tzid, NULL)
FROM_SERIES (gboolean, all_day, FALSE)
FROM_SERIES (gboolean, is_recurring, FALSE)

#undef FROM_SERIES

#define OWN_OR_SERIES(name)                                                    \
  const char *                                                                 \
  lia_occurrence_get_##name (LiaOccurrence *self)                              \
  {                                                                            \
    g_return_val_if_fail (LIA_IS_OCCURRENCE (self), NULL);                    \
    return self->name ? self->name : lia_meeting_get_##name (self->series);    \
  }

OWN_OR_SERIES (title)
OWN_OR_SERIES (location)
OWN_OR_SERIES (agenda)
OWN_OR_SERIES (minutes)
OWN_OR_SERIES (outcome)

#undef OWN_OR_SERIES

int
lia_occurrence_get_rating (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), 0);
  return self->has_rating ? self->rating : lia_meeting_get_rating (self->series);
}

LiaMeetingStatus
lia_occurrence_get_status (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), LIA_MEETING_STATUS_PLANNED);
  return self->status >= 0 ? (LiaMeetingStatus)self->status : lia_meeting_get_status (self->series);
}

gboolean
lia_occurrence_get_is_exception (LiaOccurrence *self)
{
  g_return_val_if_fail (LIA_IS_OCCURRENCE (self), FALSE);
  return self->is_exception;
}

void
lia_occurrence_set_times (LiaOccurrence *self,
                          gint64         starts_at,
                          gint64         ends_at)
{
  g_return_if_fail (LIA_IS_OCCURRENCE (self));
  self->starts_at = starts_at;
  self->ends_at = ends_at;
}

#define SET_OWN(name)                                                          \
  void                                                                         \
  lia_occurrence_set_##name (LiaOccurrence *self,                              \
                             const char    *value)                             \
  {                                                                            \
    char *copy = g_strdup (value ? value : "");                                \
                                                                               \
    g_return_if_fail (LIA_IS_OCCURRENCE (self));                               \
    g_free (self->name);                                                       \
    self->name = copy;                                                         \
  }

SET_OWN (title)
SET_OWN (location)
SET_OWN (agenda)
SET_OWN (minutes)
SET_OWN (outcome)

#undef SET_OWN

void
lia_occurrence_set_rating (LiaOccurrence *self,
                           int            rating)
{
  g_return_if_fail (LIA_IS_OCCURRENCE (self));
  self->rating = rating;
  self->has_rating = TRUE;
}

void
lia_occurrence_set_status (LiaOccurrence    *self,
                           LiaMeetingStatus  status)
{
  g_return_if_fail (LIA_IS_OCCURRENCE (self));
  self->status = status;
}
