/* lia-choice.c — an entry of a vocabulary kept as data (segment, service plan)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-catalog-store.h"
#include "lia-model-private.h"

struct _LiaChoice
{
  GObject  parent_instance;
  char    *id;
  char    *name;
};

G_DEFINE_FINAL_TYPE (LiaChoice, lia_choice, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
lia_choice_finalize (GObject *object)
{
  LiaChoice *self = (LiaChoice *)object;

  g_free (self->id);
  g_free (self->name);
  G_OBJECT_CLASS (lia_choice_parent_class)->finalize (object);
}

static void
lia_choice_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaChoice *self = LIA_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:   g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_choice_class_init (LiaChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_choice_finalize;
  object_class->get_property = lia_choice_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_choice_init (LiaChoice *self)
{
}

LiaChoice *
lia_choice_new (const char *id,
                const char *name)
{
  LiaChoice *self = g_object_new (LIA_TYPE_CHOICE, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  return self;
}

/* The schema seeds these names in English and nothing renames them, so
 * they are shown translated; any other name is shown as stored. */
static const char * const seeded_names[] = {
  /* Translators: customer segments */
  N_("Individual"), N_("Small business"), N_("Corporate"), N_("Key account"), N_("Public sector"),
  /* Translators: service plans */
  N_("Basic"), N_("Standard"), N_("Premium"), N_("Enterprise"),
};

static const char *
display_name (const char *stored)
{
  for (guint i = 0; i < G_N_ELEMENTS (seeded_names); i++)
    if (g_strcmp0 (stored, seeded_names[i]) == 0)
      return _(stored);
  return stored;
}

LiaChoice *
lia_choice_new_from_row (LiaRow *row)
{
  return lia_choice_new (lia_row_get_string (row, LIA_CHOICE_COLUMN_ID),
                         display_name (lia_row_get_string (row, LIA_CHOICE_COLUMN_NAME)));
}

const char *
lia_choice_get_id (LiaChoice *self)
{
  g_return_val_if_fail (LIA_IS_CHOICE (self), NULL);
  return self->id;
}

const char *
lia_choice_get_name (LiaChoice *self)
{
  g_return_val_if_fail (LIA_IS_CHOICE (self), NULL);
  return self->name;
}
