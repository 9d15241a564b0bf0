/* lia-follow-up.c — something a customer requested or was proposed, to
 * be followed up by an owner by a day
 *
 * The due date is a calendar day, not an instant: a follow-up due on
 * the 10th is overdue from local midnight starting the 11th, wherever
 * the clock's offset stands that day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-meeting-private.h"
#include "lia-meeting-store.h"

struct _LiaFollowUp
{
  GObject            parent_instance;
  gint64             id;
  gint64             account_id;
  char              *account_name;
  char              *summary;
  gint64             meeting_id;
  gint64             occurrence_at;
  char              *meeting_title;
  gint64             event_id;
  gint64             owner_id;
  char              *owner_name;
  GDate              due_date;
  LiaFollowUpStatus  status;
  gint64             done_at;
};

G_DEFINE_FINAL_TYPE (LiaFollowUp, lia_follow_up, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_ACCOUNT_NAME,
  PROP_OWNER_NAME,
  PROP_STATUS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_follow_up_finalize (GObject *object)
{
  LiaFollowUp *self = (LiaFollowUp *)object;

  g_free (self->account_name);
  g_free (self->summary);
  g_free (self->meeting_title);
  g_free (self->owner_name);
  G_OBJECT_CLASS (lia_follow_up_parent_class)->finalize (object);
}

static void
lia_follow_up_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaFollowUp *self = LIA_FOLLOW_UP (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:      g_value_set_string (value, self->summary); break;
    case PROP_ACCOUNT_NAME: g_value_set_string (value, self->account_name); break;
    case PROP_OWNER_NAME:   g_value_set_string (value, self->owner_name); break;
    case PROP_STATUS:       g_value_set_enum (value, self->status); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_follow_up_class_init (LiaFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_follow_up_finalize;
  object_class->get_property = lia_follow_up_get_property;

  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, ro);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, LIA_TYPE_FOLLOW_UP_STATUS,
                                               LIA_FOLLOW_UP_STATUS_OPEN, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_follow_up_init (LiaFollowUp *self)
{
  self->summary = g_strdup ("");
  g_date_clear (&self->due_date, 1);
}

static void
set_due_date (LiaFollowUp *self,
              const GDate *due_date)
{
  if (due_date != NULL && g_date_valid (due_date))
    self->due_date = *due_date;
  else
    g_date_clear (&self->due_date, 1);
}

LiaFollowUp *
lia_follow_up_new (gint64      account_id,
                   const char *summary,
                   GDate      *due_date)
{
  LiaFollowUp *self = g_object_new (LIA_TYPE_FOLLOW_UP, NULL);

  self->account_id = account_id;
  lia_follow_up_set_summary (self, summary);
  set_due_date (self, due_date);
  return self;
}

/* "YYYY-MM-DD" as stored; an invalid day leaves @date cleared. */
static void
parse_day (const char *text,
           GDate      *date)
{
  guint year = 0, month = 0, day = 0;

  g_date_clear (date, 1);
  if (text != NULL && sscanf (text, "%4u-%2u-%2u", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    g_date_set_dmy (date, day, month, year);
}

LiaFollowUp *
lia_follow_up_new_from_row (LiaRow *row)
{
  LiaFollowUp *self = g_object_new (LIA_TYPE_FOLLOW_UP, NULL);

  self->id = lia_row_get_int64 (row, LIA_FOLLOW_UP_COLUMN_ID);
  self->account_id = lia_row_get_int64 (row, LIA_FOLLOW_UP_COLUMN_ACCOUNT_ID);
  self->account_name = lia_row_dup_string (row, LIA_FOLLOW_UP_COLUMN_ACCOUNT_NAME);
  self->meeting_id = lia_row_get_int64 (row, LIA_FOLLOW_UP_COLUMN_MEETING_ID);
  self->occurrence_at = lia_row_get_int64 (row, LIA_FOLLOW_UP_COLUMN_OCCURRENCE_AT);
  self->meeting_title = lia_row_dup_string (row, LIA_FOLLOW_UP_COLUMN_MEETING_TITLE);
  self->event_id = lia_row_get_int64 (row, LIA_FOLLOW_UP_COLUMN_EVENT_ID);
  lia_follow_up_set_summary (self, lia_row_get_string (row, LIA_FOLLOW_UP_COLUMN_SUMMARY));
  self->owner_id = lia_row_get_int64 (row, LIA_FOLLOW_UP_COLUMN_OWNER_ID);
  self->owner_name = lia_row_dup_string (row, LIA_FOLLOW_UP_COLUMN_OWNER_NAME);
  parse_day (lia_row_get_string (row, LIA_FOLLOW_UP_COLUMN_DUE_DATE), &self->due_date);
  self->status = lia_row_get_enum (LIA_TYPE_FOLLOW_UP_STATUS, row, LIA_FOLLOW_UP_COLUMN_STATUS,
                                   LIA_FOLLOW_UP_STATUS_OPEN);
  self->done_at = lia_row_get_int64 (row, LIA_FOLLOW_UP_COLUMN_DONE_AT);
  return self;
}

#define GETTER(type, name, field, fallback)                                    \
  type                                                                         \
  lia_follow_up_get_##name (LiaFollowUp *self)                                 \
  {                                                                            \
    g_return_val_if_fail (LIA_IS_FOLLOW_UP (self), fallback);                 \
    return self->field;                                                        \
  }

GETTER (gint64, id, id, 0)
GETTER (gint64, account_id, account_id, 0)
GETTER (const char *, account_name, account_name, NULL)
GETTER (const char *, summary, summary, NULL)
GETTER (gint64, meeting_id, meeting_id, 0)
GETTER (gint64, occurrence_at, occurrence_at, 0)
GETTER (const char *, meeting_title, meeting_title, NULL)
GETTER (gint64, event_id, event_id, 0)
GETTER (gint64, owner_id, owner_id, 0)
GETTER (const char *, owner_name, owner_name, NULL)
GETTER (LiaFollowUpStatus, status, status, LIA_FOLLOW_UP_STATUS_OPEN)
GETTER (gint64, done_at, done_at, 0)

#undef GETTER

const GDate *
lia_follow_up_get_due_date (LiaFollowUp *self)
{
  g_return_val_if_fail (LIA_IS_FOLLOW_UP (self), NULL);
  return &self->due_date;
}

char *
lia_follow_up_local_day (gint64 now)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

gboolean
lia_follow_up_is_overdue (LiaFollowUp *self,
                          gint64       now)
{
  g_autoptr(GDateTime) local = NULL;
  GDate today;

  g_return_val_if_fail (LIA_IS_FOLLOW_UP (self), FALSE);

  if (self->status != LIA_FOLLOW_UP_STATUS_OPEN || !g_date_valid (&self->due_date))
    return FALSE;

  local = g_date_time_new_from_unix_local (now);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return g_date_compare (&self->due_date, &today) < 0;
}

void
lia_follow_up_set_summary (LiaFollowUp *self,
                           const char  *summary)
{
  char *copy = g_strdup (summary ? summary : "");

  g_return_if_fail (LIA_IS_FOLLOW_UP (self));
  g_free (self->summary);
  self->summary = copy;
}

void
lia_follow_up_set_due_date (LiaFollowUp *self,
                            GDate       *due_date)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP (self));
  set_due_date (self, due_date);
}

void
lia_follow_up_set_owner_id (LiaFollowUp *self,
                            gint64       staff_id)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP (self));
  self->owner_id = staff_id;
}

void
lia_follow_up_set_meeting (LiaFollowUp *self,
                           gint64       meeting_id,
                           gint64       occurrence_at)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP (self));
  self->meeting_id = meeting_id;
  self->occurrence_at = meeting_id ? occurrence_at : 0;
}

void
lia_follow_up_set_event_id (LiaFollowUp *self,
                            gint64       event_id)
{
  g_return_if_fail (LIA_IS_FOLLOW_UP (self));
  self->event_id = event_id;
}

void
lia_follow_up_set_id (LiaFollowUp *self,
                      gint64       id)
{
  self->id = id;
}

void
lia_follow_up_set_account_id (LiaFollowUp *self,
                              gint64       account_id)
{
  self->account_id = account_id;
}

void
lia_follow_up_set_status (LiaFollowUp       *self,
                          LiaFollowUpStatus  status,
                          gint64             done_at)
{
  self->status = status;
  self->done_at = done_at;
}
