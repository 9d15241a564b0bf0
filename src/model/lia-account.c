/* lia-account.c — a customer account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-account"

#include "config.h"

#include "lia-account-store.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"
#include "lia-money.h"

struct _LiaAccount
{
  GObject          parent_instance;

  gint64           id;
  char            *number;
  char            *name;
  char            *segment_id;
  char            *service_plan_id;
  LiaChannel       channel;
  LiaAccountState  state;
  gint64           manager_id;
  char            *manager_name;
  gint64           contract_value;
  char            *currency;
  char            *address;
  char            *notes;
  gint64           created_at;
  gint64           updated_at;
  gint64           last_verified_at;
  gint64           parent_id;
  LiaUnitKind      unit_kind;
  gint64           deputy_id;
  char            *deputy_name;
  guint            contact_cadence_days;
  gboolean         manager_active;
};

G_DEFINE_FINAL_TYPE (LiaAccount, lia_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_NAME,
  PROP_SEGMENT_ID,
  PROP_SERVICE_PLAN_ID,
  PROP_CHANNEL,
  PROP_STATE,
  PROP_MANAGER_ID,
  PROP_MANAGER_NAME,
  PROP_CONTRACT_VALUE,
  PROP_CURRENCY,
  PROP_ADDRESS,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_LAST_VERIFIED_AT,
  PROP_PARENT_ID,
  PROP_UNIT_KIND,
  PROP_DEPUTY_ID,
  PROP_DEPUTY_NAME,
  PROP_CONTACT_CADENCE_DAYS,
  PROP_MANAGER_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (LiaAccount *self,
            char      **field,
            const char *value,
            guint       prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int64 (LiaAccount *self,
           gint64     *field,
           gint64      value,
           guint       prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
lia_account_finalize (GObject *object)
{
  LiaAccount *self = (LiaAccount *)object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->segment_id, g_free);
  g_clear_pointer (&self->service_plan_id, g_free);
  g_clear_pointer (&self->manager_name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->deputy_name, g_free);

  G_OBJECT_CLASS (lia_account_parent_class)->finalize (object);
}

static void
lia_account_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaAccount *self = LIA_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:               g_value_set_int64 (value, self->id); break;
    case PROP_NUMBER:           g_value_set_string (value, self->number); break;
    case PROP_NAME:             g_value_set_string (value, self->name); break;
    case PROP_SEGMENT_ID:       g_value_set_string (value, self->segment_id); break;
    case PROP_SERVICE_PLAN_ID:  g_value_set_string (value, self->service_plan_id); break;
    case PROP_CHANNEL:          g_value_set_enum (value, self->channel); break;
    case PROP_STATE:            g_value_set_enum (value, self->state); break;
    case PROP_MANAGER_ID:       g_value_set_int64 (value, self->manager_id); break;
    case PROP_MANAGER_NAME:     g_value_set_string (value, self->manager_name); break;
    case PROP_CONTRACT_VALUE:   g_value_set_int64 (value, self->contract_value); break;
    case PROP_CURRENCY:         g_value_set_string (value, self->currency); break;
    case PROP_ADDRESS:          g_value_set_string (value, self->address); break;
    case PROP_NOTES:            g_value_set_string (value, self->notes); break;
    case PROP_CREATED_AT:       g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT:       g_value_set_int64 (value, self->updated_at); break;
    case PROP_LAST_VERIFIED_AT: g_value_set_int64 (value, self->last_verified_at); break;
    case PROP_PARENT_ID:        g_value_set_int64 (value, self->parent_id); break;
    case PROP_UNIT_KIND:        g_value_set_enum (value, self->unit_kind); break;
    case PROP_DEPUTY_ID:        g_value_set_int64 (value, self->deputy_id); break;
    case PROP_DEPUTY_NAME:      g_value_set_string (value, self->deputy_name); break;
    case PROP_CONTACT_CADENCE_DAYS: g_value_set_uint (value, self->contact_cadence_days); break;
    case PROP_MANAGER_ACTIVE:   g_value_set_boolean (value, self->manager_active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_account_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LiaAccount *self = LIA_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NUMBER:          lia_account_set_number (self, g_value_get_string (value)); break;
    case PROP_NAME:            lia_account_set_name (self, g_value_get_string (value)); break;
    case PROP_SEGMENT_ID:      lia_account_set_segment_id (self, g_value_get_string (value)); break;
    case PROP_SERVICE_PLAN_ID: lia_account_set_service_plan_id (self, g_value_get_string (value)); break;
    case PROP_CHANNEL:         lia_account_set_channel (self, g_value_get_enum (value)); break;
    case PROP_MANAGER_ID:      lia_account_set_manager_id (self, g_value_get_int64 (value)); break;
    case PROP_CONTRACT_VALUE:  lia_account_set_contract_value (self, g_value_get_int64 (value)); break;
    case PROP_CURRENCY:        lia_account_set_currency (self, g_value_get_string (value)); break;
    case PROP_ADDRESS:         lia_account_set_address (self, g_value_get_string (value)); break;
    case PROP_NOTES:           lia_account_set_notes (self, g_value_get_string (value)); break;
    case PROP_UNIT_KIND:       lia_account_set_unit_kind (self, g_value_get_enum (value)); break;
    case PROP_DEPUTY_ID:       lia_account_set_deputy_id (self, g_value_get_int64 (value)); break;
    case PROP_CONTACT_CADENCE_DAYS: lia_account_set_contact_cadence_days (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
lia_account_class_init (LiaAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_account_finalize;
  object_class->get_property = lia_account_get_property;
  object_class->set_property = lia_account_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, RW);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, RW);
  properties[PROP_SEGMENT_ID] = g_param_spec_string ("segment-id", NULL, NULL, NULL, RW);
  properties[PROP_SERVICE_PLAN_ID] = g_param_spec_string ("service-plan-id", NULL, NULL, NULL, RW);
  properties[PROP_CHANNEL] =
    g_param_spec_enum ("channel", NULL, NULL, LIA_TYPE_CHANNEL, LIA_CHANNEL_DIRECT, RW);
  /* Read-only: the lifecycle moves only through the repository's rules. */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LIA_TYPE_ACCOUNT_STATE, LIA_ACCOUNT_STATE_PROSPECT, RO);
  properties[PROP_MANAGER_ID] = g_param_spec_int64 ("manager-id", NULL, NULL, 0, G_MAXINT64, 0, RW);
  properties[PROP_MANAGER_NAME] = g_param_spec_string ("manager-name", NULL, NULL, NULL, RO);
  properties[PROP_CONTRACT_VALUE] =
    g_param_spec_int64 ("contract-value", NULL, NULL, 0, G_MAXINT64, 0, RW);
  properties[PROP_CURRENCY] = g_param_spec_string ("currency", NULL, NULL, "EUR", RW);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, RW);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, RW);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_LAST_VERIFIED_AT] =
    g_param_spec_int64 ("last-verified-at", NULL, NULL, 0, G_MAXINT64, 0, RO);

  /* Moved only through the portfolio rules (no cycles). */
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, RO);
  properties[PROP_UNIT_KIND] =
    g_param_spec_enum ("unit-kind", NULL, NULL, LIA_TYPE_UNIT_KIND, LIA_UNIT_KIND_COMPANY, RW);
  properties[PROP_DEPUTY_ID] = g_param_spec_int64 ("deputy-id", NULL, NULL, 0, G_MAXINT64, 0, RW);
  properties[PROP_DEPUTY_NAME] = g_param_spec_string ("deputy-name", NULL, NULL, NULL, RO);
  properties[PROP_CONTACT_CADENCE_DAYS] =
    g_param_spec_uint ("contact-cadence-days", NULL, NULL, 0, 3650, 0, RW);
  properties[PROP_MANAGER_ACTIVE] = g_param_spec_boolean ("manager-active", NULL, NULL, TRUE, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_account_init (LiaAccount *self)
{
  self->manager_active = TRUE;
  self->currency = g_strdup ("EUR");
  self->segment_id = g_strdup ("corporate");
}

LiaAccount *
lia_account_new (void)
{
  return g_object_new (LIA_TYPE_ACCOUNT, NULL);
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* A detached copy for an editor: changes reach the book only on save. */
LiaAccount *
lia_account_copy (LiaAccount *self)
{
  LiaAccount *copy;

  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);

  copy = lia_account_new ();
  copy->id = self->id;
  replace_str (&copy->number, self->number);
  replace_str (&copy->name, self->name);
  replace_str (&copy->segment_id, self->segment_id);
  replace_str (&copy->service_plan_id, self->service_plan_id);
  copy->channel = self->channel;
  copy->state = self->state;
  copy->manager_id = self->manager_id;
  replace_str (&copy->manager_name, self->manager_name);
  copy->contract_value = self->contract_value;
  replace_str (&copy->currency, self->currency);
  replace_str (&copy->address, self->address);
  replace_str (&copy->notes, self->notes);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->last_verified_at = self->last_verified_at;
  copy->parent_id = self->parent_id;
  copy->unit_kind = self->unit_kind;
  copy->deputy_id = self->deputy_id;
  replace_str (&copy->deputy_name, self->deputy_name);
  copy->contact_cadence_days = self->contact_cadence_days;
  copy->manager_active = self->manager_active;

  return copy;
}

static const char *
row_string (LiaRow *row,
            int     column)
{
  return lia_row_is_null (row, column) ? NULL : lia_row_get_string (row, column);
}

/* Refreshes every field from a LiaAccountColumn row, notifying only
 * what changed, so rows bound to this object update in place. */
void
lia_account_update_from_row (LiaAccount *self,
                             LiaRow     *row)
{
  int value = 0;

  g_object_freeze_notify (G_OBJECT (self));

  set_int64 (self, &self->id, lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_ID), PROP_ID);
  lia_account_set_number (self, row_string (row, LIA_ACCOUNT_COLUMN_NUMBER));
  lia_account_set_name (self, row_string (row, LIA_ACCOUNT_COLUMN_NAME));
  lia_account_set_segment_id (self, row_string (row, LIA_ACCOUNT_COLUMN_SEGMENT_ID));
  lia_account_set_service_plan_id (self, row_string (row, LIA_ACCOUNT_COLUMN_SERVICE_PLAN_ID));
  if (lia_enum_from_nick (LIA_TYPE_CHANNEL, row_string (row, LIA_ACCOUNT_COLUMN_CHANNEL), &value))
    lia_account_set_channel (self, value);
  if (lia_enum_from_nick (LIA_TYPE_ACCOUNT_STATE, row_string (row, LIA_ACCOUNT_COLUMN_STATE), &value))
    lia_account_set_state (self, value);
  lia_account_set_manager_id (self, lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_MANAGER_ID));
  lia_account_set_manager_name (self, row_string (row, LIA_ACCOUNT_COLUMN_MANAGER_NAME));
  lia_account_set_contract_value (self, lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_CONTRACT_VALUE));
  lia_account_set_currency (self, row_string (row, LIA_ACCOUNT_COLUMN_CURRENCY));
  lia_account_set_address (self, row_string (row, LIA_ACCOUNT_COLUMN_ADDRESS));
  lia_account_set_notes (self, row_string (row, LIA_ACCOUNT_COLUMN_NOTES));
  lia_account_set_timestamps (self,
                              lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_CREATED_AT),
                              lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_UPDATED_AT));
  lia_account_set_last_verified_at (self, lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_LAST_VERIFIED_AT));
  lia_account_set_parent_id (self, lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_PARENT_ID));
  if (lia_enum_from_nick (LIA_TYPE_UNIT_KIND, row_string (row, LIA_ACCOUNT_COLUMN_UNIT_KIND), &value))
    lia_account_set_unit_kind (self, value);
  lia_account_set_deputy_id (self, lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_DEPUTY_ID));
  set_string (self, &self->deputy_name, row_string (row, LIA_ACCOUNT_COLUMN_DEPUTY_NAME), PROP_DEPUTY_NAME);
  lia_account_set_contact_cadence_days (self, lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_CONTACT_CADENCE_DAYS));
  if (self->manager_active != (lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_MANAGER_ACTIVE) != 0))
    {
      self->manager_active = !self->manager_active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER_ACTIVE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

LiaAccount *
lia_account_new_from_row (LiaRow *row)
{
  LiaAccount *self = lia_account_new ();

  lia_account_update_from_row (self, row);
  return self;
}

gint64
lia_account_get_id (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->id;
}

void
lia_account_set_id (LiaAccount *self,
                    gint64      id)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_int64 (self, &self->id, id, PROP_ID);
}

const char *
lia_account_get_number (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->number;
}

void
lia_account_set_number (LiaAccount *self,
                        const char *number)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_string (self, &self->number, number, PROP_NUMBER);
}

const char *
lia_account_get_name (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->name;
}

void
lia_account_set_name (LiaAccount *self,
                      const char *name)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
lia_account_get_segment_id (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->segment_id;
}

void
lia_account_set_segment_id (LiaAccount *self,
                            const char *segment_id)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_string (self, &self->segment_id, segment_id, PROP_SEGMENT_ID);
}

const char *
lia_account_get_service_plan_id (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->service_plan_id;
}

void
lia_account_set_service_plan_id (LiaAccount *self,
                                 const char *service_plan_id)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_string (self, &self->service_plan_id, service_plan_id, PROP_SERVICE_PLAN_ID);
}

LiaChannel
lia_account_get_channel (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->channel;
}

void
lia_account_set_channel (LiaAccount *self,
                         LiaChannel  channel)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  if (self->channel == channel)
    return;
  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

LiaAccountState
lia_account_get_state (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->state;
}

void
lia_account_set_state (LiaAccount      *self,
                       LiaAccountState  state)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gint64
lia_account_get_manager_id (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->manager_id;
}

void
lia_account_set_manager_id (LiaAccount *self,
                            gint64      manager_id)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_int64 (self, &self->manager_id, manager_id, PROP_MANAGER_ID);
}

const char *
lia_account_get_manager_name (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->manager_name;
}

void
lia_account_set_manager_name (LiaAccount *self,
                              const char *manager_name)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_string (self, &self->manager_name, manager_name, PROP_MANAGER_NAME);
}

gint64
lia_account_get_contract_value (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->contract_value;
}

void
lia_account_set_contract_value (LiaAccount *self,
                                gint64      minor_units)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_int64 (self, &self->contract_value, minor_units, PROP_CONTRACT_VALUE);
}

const char *
lia_account_get_currency (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->currency;
}

void
lia_account_set_currency (LiaAccount *self,
                          const char *currency)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_string (self, &self->currency, currency, PROP_CURRENCY);
}

const char *
lia_account_get_address (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->address;
}

void
lia_account_set_address (LiaAccount *self,
                         const char *address)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_string (self, &self->address, address, PROP_ADDRESS);
}

const char *
lia_account_get_notes (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->notes;
}

void
lia_account_set_notes (LiaAccount *self,
                       const char *notes)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_string (self, &self->notes, notes, PROP_NOTES);
}

gint64
lia_account_get_created_at (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->created_at;
}

gint64
lia_account_get_updated_at (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->updated_at;
}

void
lia_account_set_timestamps (LiaAccount *self,
                            gint64      created_at,
                            gint64      updated_at)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_int64 (self, &self->created_at, created_at, PROP_CREATED_AT);
  set_int64 (self, &self->updated_at, updated_at, PROP_UPDATED_AT);
}

gint64
lia_account_get_last_verified_at (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->last_verified_at;
}

void
lia_account_set_last_verified_at (LiaAccount *self,
                                  gint64      verified_at)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_int64 (self, &self->last_verified_at, verified_at, PROP_LAST_VERIFIED_AT);
}

/* Never verified counts as due: nobody has confirmed the record yet. */
gboolean
lia_account_is_due_for_update (LiaAccount *self,
                               gint64      now,
                               guint       max_age_days)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), FALSE);

  if (self->last_verified_at == 0)
    return TRUE;

  return self->last_verified_at < now - (gint64)max_age_days * 86400;
}

char *
lia_account_format_contract_value (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);

  return lia_money_format (self->contract_value, self->currency);
}

gint64
lia_account_get_parent_id (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->parent_id;
}

void
lia_account_set_parent_id (LiaAccount *self,
                           gint64      parent_id)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_int64 (self, &self->parent_id, parent_id, PROP_PARENT_ID);
}

LiaUnitKind
lia_account_get_unit_kind (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->unit_kind;
}

void
lia_account_set_unit_kind (LiaAccount  *self,
                           LiaUnitKind  kind)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  if (self->unit_kind == kind)
    return;
  self->unit_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_KIND]);
}

gint64
lia_account_get_deputy_id (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->deputy_id;
}

void
lia_account_set_deputy_id (LiaAccount *self,
                           gint64      deputy_id)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  set_int64 (self, &self->deputy_id, deputy_id, PROP_DEPUTY_ID);
}

const char *
lia_account_get_deputy_name (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), NULL);
  return self->deputy_name;
}

guint
lia_account_get_contact_cadence_days (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), 0);
  return self->contact_cadence_days;
}

void
lia_account_set_contact_cadence_days (LiaAccount *self,
                                      guint       days)
{
  g_return_if_fail (LIA_IS_ACCOUNT (self));
  if (self->contact_cadence_days == days)
    return;
  self->contact_cadence_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_CADENCE_DAYS]);
}

gboolean
lia_account_get_manager_active (LiaAccount *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT (self), TRUE);
  return self->manager_active;
}
