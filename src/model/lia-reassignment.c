/* lia-reassignment.c — one account changing manager, as previewed and applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-reassignment.h"

struct _LiaReassignment
{
  GObject  parent_instance;
  gint64   account_id;
  char    *account_name;
  guint    depth;
  gint64   old_manager_id;
  gint64   new_manager_id;
};

G_DEFINE_FINAL_TYPE (LiaReassignment, lia_reassignment, G_TYPE_OBJECT)

enum { PROP_0, PROP_ACCOUNT_ID, PROP_ACCOUNT_NAME, PROP_DEPTH, PROP_OLD_MANAGER_ID, PROP_NEW_MANAGER_ID, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
lia_reassignment_finalize (GObject *object)
{
  g_free (LIA_REASSIGNMENT (object)->account_name);
  G_OBJECT_CLASS (lia_reassignment_parent_class)->finalize (object);
}

static void
lia_reassignment_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaReassignment *self = LIA_REASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:     g_value_set_int64 (value, self->account_id); break;
    case PROP_ACCOUNT_NAME:   g_value_set_string (value, self->account_name); break;
    case PROP_DEPTH:          g_value_set_uint (value, self->depth); break;
    case PROP_OLD_MANAGER_ID: g_value_set_int64 (value, self->old_manager_id); break;
    case PROP_NEW_MANAGER_ID: g_value_set_int64 (value, self->new_manager_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_reassignment_class_init (LiaReassignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_reassignment_finalize;
  object_class->get_property = lia_reassignment_get_property;

  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, ro);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_OLD_MANAGER_ID] = g_param_spec_int64 ("old-manager-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NEW_MANAGER_ID] = g_param_spec_int64 ("new-manager-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_reassignment_init (LiaReassignment *self)
{
}

LiaReassignment *
lia_reassignment_new (gint64      account_id,
                      const char *account_name,
                      guint       depth,
                      gint64      old_manager_id,
                      gint64      new_manager_id)
{
  LiaReassignment *self = g_object_new (LIA_TYPE_REASSIGNMENT, NULL);

  self->account_id = account_id;
  self->account_name = g_strdup (account_name);
  self->depth = depth;
  self->old_manager_id = old_manager_id;
  self->new_manager_id = new_manager_id;
  return self;
}

gint64
lia_reassignment_get_account_id (LiaReassignment *self)
{
  g_return_val_if_fail (LIA_IS_REASSIGNMENT (self), 0);
  return self->account_id;
}

const char *
lia_reassignment_get_account_name (LiaReassignment *self)
{
  g_return_val_if_fail (LIA_IS_REASSIGNMENT (self), NULL);
  return self->account_name;
}

guint
lia_reassignment_get_depth (LiaReassignment *self)
{
  g_return_val_if_fail (LIA_IS_REASSIGNMENT (self), 0);
  return self->depth;
}

gint64
lia_reassignment_get_old_manager_id (LiaReassignment *self)
{
  g_return_val_if_fail (LIA_IS_REASSIGNMENT (self), 0);
  return self->old_manager_id;
}

gint64
lia_reassignment_get_new_manager_id (LiaReassignment *self)
{
  g_return_val_if_fail (LIA_IS_REASSIGNMENT (self), 0);
  return self->new_manager_id;
}
