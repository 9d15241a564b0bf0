/* lia-inquiry.c — what a customer asked and the advice given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-contact-store.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"

struct _LiaInquiry
{
  GObject            parent_instance;
  gint64             id;
  gint64             account_id;
  gint64             asked_at;
  LiaInquiryChannel  channel;
  char              *question;
  char              *advice;
  gint64             staff_id;
  char              *staff_name;
};

G_DEFINE_FINAL_TYPE (LiaInquiry, lia_inquiry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_ASKED_AT,
  PROP_CHANNEL,
  PROP_QUESTION,
  PROP_ADVICE,
  PROP_STAFF_ID,
  PROP_STAFF_NAME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_inquiry_finalize (GObject *object)
{
  LiaInquiry *self = (LiaInquiry *)object;

  g_free (self->question);
  g_free (self->advice);
  g_free (self->staff_name);
  G_OBJECT_CLASS (lia_inquiry_parent_class)->finalize (object);
}

static void
lia_inquiry_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaInquiry *self = LIA_INQUIRY (object);

  switch (prop_id)
    {
    case PROP_ID:         g_value_set_int64 (value, self->id); break;
    case PROP_ACCOUNT_ID: g_value_set_int64 (value, self->account_id); break;
    case PROP_ASKED_AT:   g_value_set_int64 (value, self->asked_at); break;
    case PROP_CHANNEL:    g_value_set_enum (value, self->channel); break;
    case PROP_QUESTION:   g_value_set_string (value, self->question); break;
    case PROP_ADVICE:     g_value_set_string (value, self->advice); break;
    case PROP_STAFF_ID:   g_value_set_int64 (value, self->staff_id); break;
    case PROP_STAFF_NAME: g_value_set_string (value, self->staff_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_inquiry_class_init (LiaInquiryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_inquiry_finalize;
  object_class->get_property = lia_inquiry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ASKED_AT] = g_param_spec_int64 ("asked-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CHANNEL] = g_param_spec_enum ("channel", NULL, NULL, LIA_TYPE_INQUIRY_CHANNEL,
                                                LIA_INQUIRY_CHANNEL_PHONE, ro);
  properties[PROP_QUESTION] = g_param_spec_string ("question", NULL, NULL, NULL, ro);
  properties[PROP_ADVICE] = g_param_spec_string ("advice", NULL, NULL, NULL, ro);
  properties[PROP_STAFF_ID] = g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_STAFF_NAME] = g_param_spec_string ("staff-name", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_inquiry_init (LiaInquiry *self)
{
}

LiaInquiry *
lia_inquiry_new (gint64             account_id,
                 gint64             asked_at,
                 LiaInquiryChannel  channel,
                 const char        *question,
                 const char        *advice,
                 gint64             staff_id)
{
  LiaInquiry *self = g_object_new (LIA_TYPE_INQUIRY, NULL);

  self->account_id = account_id;
  self->asked_at = asked_at;
  self->channel = channel;
  self->question = g_strdup (question);
  self->advice = g_strdup (advice);
  self->staff_id = staff_id;
  return self;
}

LiaInquiry *
lia_inquiry_new_from_row (LiaRow *row)
{
  LiaInquiry *self;
  int channel = LIA_INQUIRY_CHANNEL_PHONE;

  lia_enum_from_nick (LIA_TYPE_INQUIRY_CHANNEL,
                      lia_row_get_string (row, LIA_INQUIRY_COLUMN_CHANNEL), &channel);
  self = lia_inquiry_new (lia_row_get_int64 (row, LIA_INQUIRY_COLUMN_ACCOUNT_ID),
                          lia_row_get_int64 (row, LIA_INQUIRY_COLUMN_ASKED_AT),
                          channel,
                          lia_row_get_string (row, LIA_INQUIRY_COLUMN_QUESTION),
                          lia_row_get_string (row, LIA_INQUIRY_COLUMN_ADVICE),
                          lia_row_get_int64 (row, LIA_INQUIRY_COLUMN_STAFF_ID));
  self->id = lia_row_get_int64 (row, LIA_INQUIRY_COLUMN_ID);
  if (!lia_row_is_null (row, LIA_INQUIRY_COLUMN_STAFF_NAME))
    self->staff_name = g_strdup (lia_row_get_string (row, LIA_INQUIRY_COLUMN_STAFF_NAME));
  return self;
}

/* Set by the repository once the row exists. */
void
lia_inquiry_set_id (LiaInquiry *self,
                    gint64      id)
{
  g_return_if_fail (LIA_IS_INQUIRY (self));
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lia_inquiry_get_id (LiaInquiry *self)
{
  g_return_val_if_fail (LIA_IS_INQUIRY (self), 0);
  return self->id;
}

gint64
lia_inquiry_get_account_id (LiaInquiry *self)
{
  g_return_val_if_fail (LIA_IS_INQUIRY (self), 0);
  return self->account_id;
}

gint64
lia_inquiry_get_asked_at (LiaInquiry *self)
{
  g_return_val_if_fail (LIA_IS_INQUIRY (self), 0);
  return self->asked_at;
}

LiaInquiryChannel
lia_inquiry_get_channel (LiaInquiry *self)
{
  g_return_val_if_fail (LIA_IS_INQUIRY (self), 0);
  return self->channel;
}

const char *
lia_inquiry_get_question (LiaInquiry *self)
{
  g_return_val_if_fail (LIA_IS_INQUIRY (self), NULL);
  return self->question;
}

const char *
lia_inquiry_get_advice (LiaInquiry *self)
{
  g_return_val_if_fail (LIA_IS_INQUIRY (self), NULL);
  return self->advice;
}

gint64
lia_inquiry_get_staff_id (LiaInquiry *self)
{
  g_return_val_if_fail (LIA_IS_INQUIRY (self), 0);
  return self->staff_id;
}

const char *
lia_inquiry_get_staff_name (LiaInquiry *self)
{
  g_return_val_if_fail (LIA_IS_INQUIRY (self), NULL);
  return self->staff_name;
}
