/* lia-history-entry.c — one lifecycle change of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-account-store.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"

struct _LiaHistoryEntry
{
  GObject          parent_instance;
  gint64           changed_at;
  char            *actor;
  int              from_state;
  LiaAccountState  to_state;
  char            *reason;
};

G_DEFINE_FINAL_TYPE (LiaHistoryEntry, lia_history_entry, G_TYPE_OBJECT)

enum { PROP_0, PROP_CHANGED_AT, PROP_ACTOR, PROP_FROM_STATE, PROP_TO_STATE, PROP_REASON, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
lia_history_entry_finalize (GObject *object)
{
  LiaHistoryEntry *self = (LiaHistoryEntry *)object;

  g_free (self->actor);
  g_free (self->reason);
  G_OBJECT_CLASS (lia_history_entry_parent_class)->finalize (object);
}

static void
lia_history_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaHistoryEntry *self = LIA_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_CHANGED_AT: g_value_set_int64 (value, self->changed_at); break;
    case PROP_ACTOR:      g_value_set_string (value, self->actor); break;
    case PROP_FROM_STATE: g_value_set_int (value, self->from_state); break;
    case PROP_TO_STATE:   g_value_set_enum (value, self->to_state); break;
    case PROP_REASON:     g_value_set_string (value, self->reason); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_history_entry_class_init (LiaHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_history_entry_finalize;
  object_class->get_property = lia_history_entry_get_property;

  properties[PROP_CHANGED_AT] = g_param_spec_int64 ("changed-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, ro);
  properties[PROP_FROM_STATE] = g_param_spec_int ("from-state", NULL, NULL, -1, G_MAXINT, -1, ro);
  properties[PROP_TO_STATE] = g_param_spec_enum ("to-state", NULL, NULL, LIA_TYPE_ACCOUNT_STATE,
                                                 LIA_ACCOUNT_STATE_PROSPECT, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_history_entry_init (LiaHistoryEntry *self)
{
  self->from_state = -1;
}

LiaHistoryEntry *
lia_history_entry_new_from_row (LiaRow *row)
{
  LiaHistoryEntry *self = g_object_new (LIA_TYPE_HISTORY_ENTRY, NULL);
  int state;

  self->changed_at = lia_row_get_int64 (row, LIA_HISTORY_COLUMN_CHANGED_AT);
  self->actor = g_strdup (lia_row_get_string (row, LIA_HISTORY_COLUMN_ACTOR));
  if (!lia_row_is_null (row, LIA_HISTORY_COLUMN_FROM_STATE) &&
      lia_enum_from_nick (LIA_TYPE_ACCOUNT_STATE,
                          lia_row_get_string (row, LIA_HISTORY_COLUMN_FROM_STATE), &state))
    self->from_state = state;
  if (lia_enum_from_nick (LIA_TYPE_ACCOUNT_STATE,
                          lia_row_get_string (row, LIA_HISTORY_COLUMN_TO_STATE), &state))
    self->to_state = state;
  self->reason = g_strdup (lia_row_get_string (row, LIA_HISTORY_COLUMN_REASON));
  return self;
}

gint64
lia_history_entry_get_changed_at (LiaHistoryEntry *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY_ENTRY (self), 0);
  return self->changed_at;
}

const char *
lia_history_entry_get_actor (LiaHistoryEntry *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY_ENTRY (self), NULL);
  return self->actor;
}

int
lia_history_entry_get_from_state (LiaHistoryEntry *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY_ENTRY (self), -1);
  return self->from_state;
}

LiaAccountState
lia_history_entry_get_to_state (LiaHistoryEntry *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY_ENTRY (self), 0);
  return self->to_state;
}

const char *
lia_history_entry_get_reason (LiaHistoryEntry *self)
{
  g_return_val_if_fail (LIA_IS_HISTORY_ENTRY (self), NULL);
  return self->reason;
}
