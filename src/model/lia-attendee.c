/* lia-attendee.c — someone invited to a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-event-private.h"
#include "lia-meeting-private.h"
#include "lia-meeting-store.h"

struct _LiaAttendee
{
  GObject  parent_instance;
  gint64   contact_id;
  gint64   staff_id;
  char    *name;
  char    *email;
};

G_DEFINE_FINAL_TYPE (LiaAttendee, lia_attendee, G_TYPE_OBJECT)

enum { PROP_0, PROP_NAME, PROP_EMAIL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
lia_attendee_finalize (GObject *object)
{
  LiaAttendee *self = (LiaAttendee *)object;

  g_free (self->name);
  g_free (self->email);
  G_OBJECT_CLASS (lia_attendee_parent_class)->finalize (object);
}

static void
lia_attendee_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LiaAttendee *self = LIA_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_NAME:  g_value_set_string (value, self->name); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_attendee_class_init (LiaAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_attendee_finalize;
  object_class->get_property = lia_attendee_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_attendee_init (LiaAttendee *self)
{
  self->name = g_strdup ("");
  self->email = g_strdup ("");
}

LiaAttendee *
lia_attendee_new_contact (gint64 contact_id)
{
  LiaAttendee *self = g_object_new (LIA_TYPE_ATTENDEE, NULL);

  self->contact_id = contact_id;
  return self;
}

LiaAttendee *
lia_attendee_new_staff (gint64 staff_id)
{
  LiaAttendee *self = g_object_new (LIA_TYPE_ATTENDEE, NULL);

  self->staff_id = staff_id;
  return self;
}

LiaAttendee *
lia_attendee_new_address (const char *name,
                          const char *email)
{
  LiaAttendee *self = g_object_new (LIA_TYPE_ATTENDEE, NULL);

  g_free (self->name);
  g_free (self->email);
  self->name = g_strdup (name ? name : "");
  self->email = g_strdup (email ? email : "");
  return self;
}

LiaAttendee *
lia_attendee_new_from_row (LiaRow *row)
{
  LiaAttendee *self = lia_attendee_new_address (lia_row_get_string (row, LIA_ATTENDEE_COLUMN_NAME),
                                                lia_row_get_string (row, LIA_ATTENDEE_COLUMN_EMAIL));

  self->contact_id = lia_row_get_int64 (row, LIA_ATTENDEE_COLUMN_CONTACT_ID);
  self->staff_id = lia_row_get_int64 (row, LIA_ATTENDEE_COLUMN_STAFF_ID);
  return self;
}

gint64
lia_attendee_get_contact_id (LiaAttendee *self)
{
  g_return_val_if_fail (LIA_IS_ATTENDEE (self), 0);
  return self->contact_id;
}

gint64
lia_attendee_get_staff_id (LiaAttendee *self)
{
  g_return_val_if_fail (LIA_IS_ATTENDEE (self), 0);
  return self->staff_id;
}

const char *
lia_attendee_get_name (LiaAttendee *self)
{
  g_return_val_if_fail (LIA_IS_ATTENDEE (self), NULL);
  return self->name;
}

const char *
lia_attendee_get_email (LiaAttendee *self)
{
  g_return_val_if_fail (LIA_IS_ATTENDEE (self), NULL);
  return self->email;
}
