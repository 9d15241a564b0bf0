/* lia-vendor.c — an outsourced contractor held to the same SLA
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-event-private.h"
#include "lia-event-store.h"

struct _LiaVendor
{
  GObject   parent_instance;
  gint64    id;
  char     *name;
  char     *contact_name;
  char     *email;
  char     *phone;
  char     *sla_plan_id;
  gboolean  active;
};

G_DEFINE_FINAL_TYPE (LiaVendor, lia_vendor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ACTIVE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_vendor_finalize (GObject *object)
{
  LiaVendor *self = (LiaVendor *)object;

  g_free (self->name);
  g_free (self->contact_name);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->sla_plan_id);
  G_OBJECT_CLASS (lia_vendor_parent_class)->finalize (object);
}

static void
lia_vendor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiaVendor *self = LIA_VENDOR (object);

  switch (prop_id)
    {
    case PROP_ID:     g_value_set_int64 (value, self->id); break;
    case PROP_NAME:   g_value_set_string (value, self->name); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_vendor_class_init (LiaVendorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_vendor_finalize;
  object_class->get_property = lia_vendor_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, TRUE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_vendor_init (LiaVendor *self)
{
  self->active = TRUE;
  self->name = g_strdup ("");
  self->contact_name = g_strdup ("");
  self->email = g_strdup ("");
  self->phone = g_strdup ("");
}

LiaVendor *
lia_vendor_new (const char *name)
{
  LiaVendor *self = g_object_new (LIA_TYPE_VENDOR, NULL);

  lia_vendor_set_name (self, name);
  return self;
}

LiaVendor *
lia_vendor_copy (LiaVendor *self)
{
  LiaVendor *copy;

  g_return_val_if_fail (LIA_IS_VENDOR (self), NULL);

  copy = lia_vendor_new (self->name);
  copy->id = self->id;
  lia_vendor_set_contact_name (copy, self->contact_name);
  lia_vendor_set_email (copy, self->email);
  lia_vendor_set_phone (copy, self->phone);
  lia_vendor_set_sla_plan_id (copy, self->sla_plan_id);
  copy->active = self->active;
  return copy;
}

LiaVendor *
lia_vendor_new_from_row (LiaRow *row)
{
  LiaVendor *self = g_object_new (LIA_TYPE_VENDOR, NULL);

  self->id = lia_row_get_int64 (row, LIA_VENDOR_COLUMN_ID);
  lia_vendor_set_name (self, lia_row_get_string (row, LIA_VENDOR_COLUMN_NAME));
  lia_vendor_set_contact_name (self, lia_row_get_string (row, LIA_VENDOR_COLUMN_CONTACT_NAME));
  lia_vendor_set_email (self, lia_row_get_string (row, LIA_VENDOR_COLUMN_EMAIL));
  lia_vendor_set_phone (self, lia_row_get_string (row, LIA_VENDOR_COLUMN_PHONE));
  if (!lia_row_is_null (row, LIA_VENDOR_COLUMN_SLA_PLAN_ID))
    lia_vendor_set_sla_plan_id (self, lia_row_get_string (row, LIA_VENDOR_COLUMN_SLA_PLAN_ID));
  self->active = lia_row_get_int64 (row, LIA_VENDOR_COLUMN_ACTIVE) != 0;
  return self;
}

void
lia_vendor_set_id (LiaVendor *self,
                   gint64     id)
{
  self->id = id;
}

gint64      lia_vendor_get_id           (LiaVendor *self) { return self->id; }
const char *lia_vendor_get_name         (LiaVendor *self) { return self->name; }
const char *lia_vendor_get_contact_name (LiaVendor *self) { return self->contact_name; }
const char *lia_vendor_get_email        (LiaVendor *self) { return self->email; }
const char *lia_vendor_get_phone        (LiaVendor *self) { return self->phone; }
const char *lia_vendor_get_sla_plan_id  (LiaVendor *self) { return self->sla_plan_id; }
gboolean    lia_vendor_get_active       (LiaVendor *self) { return self->active; }

static void
replace (char       **field,
         const char  *value,
         gboolean     nullable)
{
  char *copy = (value == NULL || *value == '\0') && nullable ? NULL : g_strdup (value ? value : "");

  g_free (*field);
  *field = copy;
}

void
lia_vendor_set_name (LiaVendor  *self,
                     const char *name)
{
  g_return_if_fail (LIA_IS_VENDOR (self));
  replace (&self->name, name, FALSE);
}

void
lia_vendor_set_contact_name (LiaVendor  *self,
                             const char *contact_name)
{
  g_return_if_fail (LIA_IS_VENDOR (self));
  replace (&self->contact_name, contact_name, FALSE);
}

void
lia_vendor_set_email (LiaVendor  *self,
                      const char *email)
{
  g_return_if_fail (LIA_IS_VENDOR (self));
  replace (&self->email, email, FALSE);
}

void
lia_vendor_set_phone (LiaVendor  *self,
                      const char *phone)
{
  g_return_if_fail (LIA_IS_VENDOR (self));
  replace (&self->phone, phone, FALSE);
}

void
lia_vendor_set_sla_plan_id (LiaVendor  *self,
                            const char *plan_id)
{
  g_return_if_fail (LIA_IS_VENDOR (self));
  replace (&self->sla_plan_id, plan_id, TRUE);
}

void
lia_vendor_set_active (LiaVendor *self,
                       gboolean   active)
{
  g_return_if_fail (LIA_IS_VENDOR (self));
  self->active = !!active;
}
