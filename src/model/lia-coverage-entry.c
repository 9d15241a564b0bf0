/* lia-coverage-entry.c — a major account and when it is next due for contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-coverage-entry.h"
#include "lia-model-private.h"
#include "lia-portfolio-store.h"

struct _LiaCoverageEntry
{
  GObject     parent_instance;
  LiaAccount *account;
  guint       cadence_days;
  gint64      last_contact_at;
  gint64      due_at;
};

G_DEFINE_FINAL_TYPE (LiaCoverageEntry, lia_coverage_entry, G_TYPE_OBJECT)

enum { PROP_0, PROP_ACCOUNT, PROP_CADENCE_DAYS, PROP_LAST_CONTACT_AT, PROP_DUE_AT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
lia_coverage_entry_finalize (GObject *object)
{
  g_clear_object (&LIA_COVERAGE_ENTRY (object)->account);
  G_OBJECT_CLASS (lia_coverage_entry_parent_class)->finalize (object);
}

static void
lia_coverage_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaCoverageEntry *self = LIA_COVERAGE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:         g_value_set_object (value, self->account); break;
    case PROP_CADENCE_DAYS:    g_value_set_uint (value, self->cadence_days); break;
    case PROP_LAST_CONTACT_AT: g_value_set_int64 (value, self->last_contact_at); break;
    case PROP_DUE_AT:          g_value_set_int64 (value, self->due_at); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_coverage_entry_class_init (LiaCoverageEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_coverage_entry_finalize;
  object_class->get_property = lia_coverage_entry_get_property;

  properties[PROP_ACCOUNT] = g_param_spec_object ("account", NULL, NULL, LIA_TYPE_ACCOUNT, ro);
  properties[PROP_CADENCE_DAYS] = g_param_spec_uint ("cadence-days", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LAST_CONTACT_AT] = g_param_spec_int64 ("last-contact-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DUE_AT] = g_param_spec_int64 ("due-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_coverage_entry_init (LiaCoverageEntry *self)
{
}

LiaCoverageEntry *
lia_coverage_entry_new_from_row (LiaRow *row)
{
  LiaCoverageEntry *self = g_object_new (LIA_TYPE_COVERAGE_ENTRY, NULL);

  self->account = lia_account_new_from_row (row);
  self->cadence_days = (guint)lia_row_get_int64 (row, LIA_COVERAGE_COLUMN_CADENCE_DAYS);
  self->last_contact_at = lia_row_get_int64 (row, LIA_COVERAGE_COLUMN_LAST_CONTACT_AT);
  self->due_at = lia_row_get_int64 (row, LIA_COVERAGE_COLUMN_DUE_AT);
  return self;
}

LiaAccount *
lia_coverage_entry_get_account (LiaCoverageEntry *self)
{
  g_return_val_if_fail (LIA_IS_COVERAGE_ENTRY (self), NULL);
  return self->account;
}

guint
lia_coverage_entry_get_cadence_days (LiaCoverageEntry *self)
{
  g_return_val_if_fail (LIA_IS_COVERAGE_ENTRY (self), 0);
  return self->cadence_days;
}

gint64
lia_coverage_entry_get_last_contact_at (LiaCoverageEntry *self)
{
  g_return_val_if_fail (LIA_IS_COVERAGE_ENTRY (self), 0);
  return self->last_contact_at;
}

gint64
lia_coverage_entry_get_due_at (LiaCoverageEntry *self)
{
  g_return_val_if_fail (LIA_IS_COVERAGE_ENTRY (self), 0);
  return self->due_at;
}

/* Contacted exactly a cadence ago is still on time; a second later is not. */
gboolean
lia_coverage_entry_is_overdue (LiaCoverageEntry *self,
                               gint64            now)
{
  g_return_val_if_fail (LIA_IS_COVERAGE_ENTRY (self), FALSE);
  return now > self->due_at;
}

/* Whole days past due; 0 when on time. */
guint
lia_coverage_entry_get_days_overdue (LiaCoverageEntry *self,
                                     gint64            now)
{
  g_return_val_if_fail (LIA_IS_COVERAGE_ENTRY (self), 0);

  if (now <= self->due_at)
    return 0;
  return (guint)((now - self->due_at + 86399) / 86400);
}
