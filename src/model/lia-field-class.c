/* lia-field-class.c — a classified field and how sensitive it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-enum-types.h"
#include "lia-field-class.h"

struct _LiaFieldClass
{
  GObject         parent_instance;
  LiaFieldEntity  entity;
  char           *field;
  LiaFieldLevel   level;
};

G_DEFINE_FINAL_TYPE (LiaFieldClass, lia_field_class, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_FIELD,
  PROP_LABEL,
  PROP_LEVEL,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The fields schema 6 knows; a newer book may classify more, shown by
 * their stored name. */
static const struct { LiaFieldEntity entity; const char *field; const char *label; } known[] = {
  { LIA_FIELD_ENTITY_ACCOUNT, "registration_number", N_("Registration number") },
  { LIA_FIELD_ENTITY_ACCOUNT, "billing_address",     N_("Billing address") },
  { LIA_FIELD_ENTITY_ACCOUNT, "tax_id",              N_("Tax ID") },
  { LIA_FIELD_ENTITY_ACCOUNT, "bank_details",        N_("Bank details") },
  { LIA_FIELD_ENTITY_ACCOUNT, "private_notes",       N_("Private notes") },
  { LIA_FIELD_ENTITY_CONTACT, "personal_email",      N_("Personal e-mail") },
  { LIA_FIELD_ENTITY_CONTACT, "personal_phone",      N_("Personal phone") },
  { LIA_FIELD_ENTITY_CONTACT, "private_notes",       N_("Private notes") },
};

const char *
lia_field_label (LiaFieldEntity  entity,
                 const char     *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (known[i].entity == entity && g_strcmp0 (known[i].field, field) == 0)
      return _(known[i].label);

  return field;
}

static void
lia_field_class_finalize (GObject *object)
{
  LiaFieldClass *self = (LiaFieldClass *)object;

  g_free (self->field);
  G_OBJECT_CLASS (lia_field_class_parent_class)->finalize (object);
}

static void
lia_field_class_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaFieldClass *self = LIA_FIELD_CLASS (object);

  switch (prop_id)
    {
    case PROP_ENTITY: g_value_set_enum (value, self->entity); break;
    case PROP_FIELD:  g_value_set_string (value, self->field); break;
    case PROP_LABEL:  g_value_set_string (value, lia_field_class_get_label (self)); break;
    case PROP_LEVEL:  g_value_set_enum (value, self->level); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_class_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaFieldClass *self = LIA_FIELD_CLASS (object);

  switch (prop_id)
    {
    case PROP_ENTITY: self->entity = g_value_get_enum (value); break;
    case PROP_FIELD:  self->field = g_value_dup_string (value); break;
    case PROP_LEVEL:  self->level = g_value_get_enum (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_class_class_init (LiaFieldClassClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* A snapshot of the class: the repository makes new ones when a level
   * changes ("classes-changed"), so every property is set once. */
  const GParamFlags once = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_field_class_finalize;
  object_class->get_property = lia_field_class_get_property;
  object_class->set_property = lia_field_class_set_property;

  properties[PROP_ENTITY] =
    g_param_spec_enum ("entity", NULL, NULL, LIA_TYPE_FIELD_ENTITY, LIA_FIELD_ENTITY_ACCOUNT, once);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, once);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, LIA_TYPE_FIELD_LEVEL, LIA_FIELD_LEVEL_CONFIDENTIAL, once);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_field_class_init (LiaFieldClass *self)
{
}

LiaFieldEntity
lia_field_class_get_entity (LiaFieldClass *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_CLASS (self), LIA_FIELD_ENTITY_ACCOUNT);
  return self->entity;
}

const char *
lia_field_class_get_field (LiaFieldClass *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_CLASS (self), NULL);
  return self->field;
}

const char *
lia_field_class_get_label (LiaFieldClass *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_CLASS (self), NULL);
  return lia_field_label (self->entity, self->field);
}

LiaFieldLevel
lia_field_class_get_level (LiaFieldClass *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_CLASS (self), LIA_FIELD_LEVEL_CONFIDENTIAL);
  return self->level;
}
