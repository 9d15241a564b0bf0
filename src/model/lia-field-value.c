/* lia-field-value.c — one classified field of one account or contact, as
 * shown: a confidential value is never opened here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-enum-types.h"
#include "lia-field-class.h"
#include "lia-field-value.h"

struct _LiaFieldValue
{
  GObject         parent_instance;
  LiaFieldEntity  entity;
  gint64          row_id;
  char           *field;
  LiaFieldLevel   level;
  gboolean        has_value;
  char           *text;     /* never a confidential value's */
};

G_DEFINE_FINAL_TYPE (LiaFieldValue, lia_field_value, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTITY,
  PROP_ROW_ID,
  PROP_FIELD,
  PROP_LABEL,
  PROP_LEVEL,
  PROP_HAS_VALUE,
  PROP_TEXT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_field_value_constructed (GObject *object)
{
  LiaFieldValue *self = (LiaFieldValue *)object;

  G_OBJECT_CLASS (lia_field_value_parent_class)->constructed (object);

  /* Whoever builds one, a confidential text never lands in a property. */
  if (self->level == LIA_FIELD_LEVEL_CONFIDENTIAL)
    g_clear_pointer (&self->text, g_free);
  if (self->text != NULL && *self->text == '\0')
    g_clear_pointer (&self->text, g_free);
}

static void
lia_field_value_finalize (GObject *object)
{
  LiaFieldValue *self = (LiaFieldValue *)object;

  g_free (self->field);
  g_free (self->text);
  G_OBJECT_CLASS (lia_field_value_parent_class)->finalize (object);
}

static void
lia_field_value_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaFieldValue *self = LIA_FIELD_VALUE (object);

  switch (prop_id)
    {
    case PROP_ENTITY:    g_value_set_enum (value, self->entity); break;
    case PROP_ROW_ID:    g_value_set_int64 (value, self->row_id); break;
    case PROP_FIELD:     g_value_set_string (value, self->field); break;
    case PROP_LABEL:     g_value_set_string (value, lia_field_value_get_label (self)); break;
    case PROP_LEVEL:     g_value_set_enum (value, self->level); break;
    case PROP_HAS_VALUE: g_value_set_boolean (value, self->has_value); break;
    case PROP_TEXT:      g_value_set_string (value, self->text); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_value_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LiaFieldValue *self = LIA_FIELD_VALUE (object);

  switch (prop_id)
    {
    case PROP_ENTITY:    self->entity = g_value_get_enum (value); break;
    case PROP_ROW_ID:    self->row_id = g_value_get_int64 (value); break;
    case PROP_FIELD:     self->field = g_value_dup_string (value); break;
    case PROP_LEVEL:     self->level = g_value_get_enum (value); break;
    case PROP_HAS_VALUE: self->has_value = g_value_get_boolean (value); break;
    case PROP_TEXT:      self->text = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_field_value_class_init (LiaFieldValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  /* A snapshot: the repository hands out new ones after "value-changed". */
  const GParamFlags once = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = lia_field_value_constructed;
  object_class->finalize = lia_field_value_finalize;
  object_class->get_property = lia_field_value_get_property;
  object_class->set_property = lia_field_value_set_property;

  properties[PROP_ENTITY] =
    g_param_spec_enum ("entity", NULL, NULL, LIA_TYPE_FIELD_ENTITY, LIA_FIELD_ENTITY_ACCOUNT, once);
  properties[PROP_ROW_ID] = g_param_spec_int64 ("row-id", NULL, NULL, 0, G_MAXINT64, 0, once);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, once);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_enum ("level", NULL, NULL, LIA_TYPE_FIELD_LEVEL, LIA_FIELD_LEVEL_CONFIDENTIAL, once);
  properties[PROP_HAS_VALUE] = g_param_spec_boolean ("has-value", NULL, NULL, FALSE, once);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, once);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_field_value_init (LiaFieldValue *self)
{
}

LiaFieldEntity
lia_field_value_get_entity (LiaFieldValue *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_VALUE (self), LIA_FIELD_ENTITY_ACCOUNT);
  return self->entity;
}

gint64
lia_field_value_get_row_id (LiaFieldValue *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_VALUE (self), 0);
  return self->row_id;
}

const char *
lia_field_value_get_field (LiaFieldValue *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_VALUE (self), NULL);
  return self->field;
}

const char *
lia_field_value_get_label (LiaFieldValue *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_VALUE (self), NULL);
  return lia_field_label (self->entity, self->field);
}

LiaFieldLevel
lia_field_value_get_level (LiaFieldValue *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_VALUE (self), LIA_FIELD_LEVEL_CONFIDENTIAL);
  return self->level;
}

gboolean
lia_field_value_has_value (LiaFieldValue *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_VALUE (self), FALSE);
  return self->has_value;
}

const char *
lia_field_value_get_text (LiaFieldValue *self)
{
  g_return_val_if_fail (LIA_IS_FIELD_VALUE (self), NULL);
  return self->text;
}
