/* lia-staff-member.c — someone on the company's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-catalog-store.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"

struct _LiaStaffMember
{
  GObject       parent_instance;
  gint64        id;
  char         *name;
  LiaStaffRole  role;
  char         *email;
  gboolean      active;
};

G_DEFINE_FINAL_TYPE (LiaStaffMember, lia_staff_member, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, PROP_ROLE, PROP_EMAIL, PROP_ACTIVE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
lia_staff_member_finalize (GObject *object)
{
  LiaStaffMember *self = (LiaStaffMember *)object;

  g_free (self->name);
  g_free (self->email);
  G_OBJECT_CLASS (lia_staff_member_parent_class)->finalize (object);
}

static void
lia_staff_member_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaStaffMember *self = LIA_STAFF_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:     g_value_set_int64 (value, self->id); break;
    case PROP_NAME:   g_value_set_string (value, self->name); break;
    case PROP_ROLE:   g_value_set_enum (value, self->role); break;
    case PROP_EMAIL:  g_value_set_string (value, self->email); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_staff_member_class_init (LiaStaffMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_staff_member_finalize;
  object_class->get_property = lia_staff_member_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, LIA_TYPE_STAFF_ROLE,
                                             LIA_STAFF_ROLE_ACCOUNT_MANAGER, ro);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, ro);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_staff_member_init (LiaStaffMember *self)
{
}

LiaStaffMember *
lia_staff_member_new_from_row (LiaRow *row)
{
  LiaStaffMember *self = g_object_new (LIA_TYPE_STAFF_MEMBER, NULL);
  int role = LIA_STAFF_ROLE_OTHER;

  self->id = lia_row_get_int64 (row, LIA_STAFF_COLUMN_ID);
  self->name = g_strdup (lia_row_get_string (row, LIA_STAFF_COLUMN_NAME));
  lia_enum_from_nick (LIA_TYPE_STAFF_ROLE, lia_row_get_string (row, LIA_STAFF_COLUMN_ROLE), &role);
  self->role = role;
  self->email = g_strdup (lia_row_get_string (row, LIA_STAFF_COLUMN_EMAIL));
  self->active = lia_row_get_int64 (row, LIA_STAFF_COLUMN_ACTIVE) != 0;
  return self;
}

gint64
lia_staff_member_get_id (LiaStaffMember *self)
{
  g_return_val_if_fail (LIA_IS_STAFF_MEMBER (self), 0);
  return self->id;
}

const char *
lia_staff_member_get_name (LiaStaffMember *self)
{
  g_return_val_if_fail (LIA_IS_STAFF_MEMBER (self), NULL);
  return self->name;
}

LiaStaffRole
lia_staff_member_get_role (LiaStaffMember *self)
{
  g_return_val_if_fail (LIA_IS_STAFF_MEMBER (self), 0);
  return self->role;
}

const char *
lia_staff_member_get_email (LiaStaffMember *self)
{
  g_return_val_if_fail (LIA_IS_STAFF_MEMBER (self), NULL);
  return self->email;
}

gboolean
lia_staff_member_get_active (LiaStaffMember *self)
{
  g_return_val_if_fail (LIA_IS_STAFF_MEMBER (self), FALSE);
  return self->active;
}
