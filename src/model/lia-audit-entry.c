/* lia-audit-entry.c — one line of the append-only audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-account-store.h"
#include "lia-model-private.h"

struct _LiaAuditEntry
{
  GObject  parent_instance;
  gint64   account_id;
  char    *entity;
  gint64   entity_id;
  char    *field;
  char    *old_value;
  char    *new_value;
  char    *actor;
  gint64   changed_at;
};

G_DEFINE_FINAL_TYPE (LiaAuditEntry, lia_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_ACTOR,
  PROP_CHANGED_AT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_audit_entry_finalize (GObject *object)
{
  LiaAuditEntry *self = (LiaAuditEntry *)object;

  g_free (self->entity);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  g_free (self->actor);
  G_OBJECT_CLASS (lia_audit_entry_parent_class)->finalize (object);
}

static void
lia_audit_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LiaAuditEntry *self = LIA_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID: g_value_set_int64 (value, self->account_id); break;
    case PROP_ENTITY:     g_value_set_string (value, self->entity); break;
    case PROP_ENTITY_ID:  g_value_set_int64 (value, self->entity_id); break;
    case PROP_FIELD:      g_value_set_string (value, self->field); break;
    case PROP_OLD_VALUE:  g_value_set_string (value, self->old_value); break;
    case PROP_NEW_VALUE:  g_value_set_string (value, self->new_value); break;
    case PROP_ACTOR:      g_value_set_string (value, self->actor); break;
    case PROP_CHANGED_AT: g_value_set_int64 (value, self->changed_at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_audit_entry_class_init (LiaAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_audit_entry_finalize;
  object_class->get_property = lia_audit_entry_get_property;

  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ENTITY] = g_param_spec_string ("entity", NULL, NULL, NULL, ro);
  properties[PROP_ENTITY_ID] = g_param_spec_int64 ("entity-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, ro);
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, ro);
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, ro);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, ro);
  properties[PROP_CHANGED_AT] = g_param_spec_int64 ("changed-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_audit_entry_init (LiaAuditEntry *self)
{
}

static char *
dup_nullable (LiaRow *row,
              int     column)
{
  return lia_row_is_null (row, column) ? NULL : g_strdup (lia_row_get_string (row, column));
}

LiaAuditEntry *
lia_audit_entry_new_from_row (LiaRow *row)
{
  LiaAuditEntry *self = g_object_new (LIA_TYPE_AUDIT_ENTRY, NULL);

  self->account_id = lia_row_get_int64 (row, LIA_AUDIT_COLUMN_ACCOUNT_ID);
  self->entity = dup_nullable (row, LIA_AUDIT_COLUMN_ENTITY);
  self->entity_id = lia_row_get_int64 (row, LIA_AUDIT_COLUMN_ENTITY_ID);
  self->field = dup_nullable (row, LIA_AUDIT_COLUMN_FIELD);
  self->old_value = dup_nullable (row, LIA_AUDIT_COLUMN_OLD_VALUE);
  self->new_value = dup_nullable (row, LIA_AUDIT_COLUMN_NEW_VALUE);
  self->actor = dup_nullable (row, LIA_AUDIT_COLUMN_ACTOR);
  self->changed_at = lia_row_get_int64 (row, LIA_AUDIT_COLUMN_CHANGED_AT);
  return self;
}

gint64
lia_audit_entry_get_account_id (LiaAuditEntry *self)
{
  g_return_val_if_fail (LIA_IS_AUDIT_ENTRY (self), 0);
  return self->account_id;
}

const char *
lia_audit_entry_get_entity (LiaAuditEntry *self)
{
  g_return_val_if_fail (LIA_IS_AUDIT_ENTRY (self), NULL);
  return self->entity;
}

gint64
lia_audit_entry_get_entity_id (LiaAuditEntry *self)
{
  g_return_val_if_fail (LIA_IS_AUDIT_ENTRY (self), 0);
  return self->entity_id;
}

const char *
lia_audit_entry_get_field (LiaAuditEntry *self)
{
  g_return_val_if_fail (LIA_IS_AUDIT_ENTRY (self), NULL);
  return self->field;
}

const char *
lia_audit_entry_get_old_value (LiaAuditEntry *self)
{
  g_return_val_if_fail (LIA_IS_AUDIT_ENTRY (self), NULL);
  return self->old_value;
}

const char *
lia_audit_entry_get_new_value (LiaAuditEntry *self)
{
  g_return_val_if_fail (LIA_IS_AUDIT_ENTRY (self), NULL);
  return self->new_value;
}

const char *
lia_audit_entry_get_actor (LiaAuditEntry *self)
{
  g_return_val_if_fail (LIA_IS_AUDIT_ENTRY (self), NULL);
  return self->actor;
}

gint64
lia_audit_entry_get_changed_at (LiaAuditEntry *self)
{
  g_return_val_if_fail (LIA_IS_AUDIT_ENTRY (self), 0);
  return self->changed_at;
}
