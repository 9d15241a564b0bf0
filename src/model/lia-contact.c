/* lia-contact.c — a person at a customer account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-contact"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-contact-store.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"

#define MAX_EMAIL_LENGTH 254  /* RFC 5321 path limit */
#define MAX_TEXT_LENGTH  200

struct _LiaContact
{
  GObject            parent_instance;
  gint64             id;
  gint64             account_id;
  char              *name;
  char              *role;
  char              *email;
  char              *phone;
  LiaContactChannel  preferred_channel;
  gint64             created_at;
  gboolean           key_contact;
  char              *account_name;
};

G_DEFINE_FINAL_TYPE (LiaContact, lia_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_PREFERRED_CHANNEL,
  PROP_CREATED_AT,
  PROP_KEY_CONTACT,
  PROP_ACCOUNT_NAME,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
set_string (LiaContact  *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
lia_contact_finalize (GObject *object)
{
  LiaContact *self = (LiaContact *)object;

  g_free (self->name);
  g_free (self->role);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->account_name);
  G_OBJECT_CLASS (lia_contact_parent_class)->finalize (object);
}

static void
lia_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LiaContact *self = LIA_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:                g_value_set_int64 (value, self->id); break;
    case PROP_ACCOUNT_ID:        g_value_set_int64 (value, self->account_id); break;
    case PROP_NAME:              g_value_set_string (value, self->name); break;
    case PROP_ROLE:              g_value_set_string (value, self->role); break;
    case PROP_EMAIL:             g_value_set_string (value, self->email); break;
    case PROP_PHONE:             g_value_set_string (value, self->phone); break;
    case PROP_PREFERRED_CHANNEL: g_value_set_enum (value, self->preferred_channel); break;
    case PROP_CREATED_AT:        g_value_set_int64 (value, self->created_at); break;
    case PROP_KEY_CONTACT:       g_value_set_boolean (value, self->key_contact); break;
    case PROP_ACCOUNT_NAME:      g_value_set_string (value, self->account_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LiaContact *self = LIA_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:        lia_contact_set_account_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME:              lia_contact_set_name (self, g_value_get_string (value)); break;
    case PROP_ROLE:              lia_contact_set_role (self, g_value_get_string (value)); break;
    case PROP_EMAIL:             lia_contact_set_email (self, g_value_get_string (value)); break;
    case PROP_PHONE:             lia_contact_set_phone (self, g_value_get_string (value)); break;
    case PROP_PREFERRED_CHANNEL: lia_contact_set_preferred_channel (self, g_value_get_enum (value)); break;
    case PROP_KEY_CONTACT:       lia_contact_set_key_contact (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_contact_class_init (LiaContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_contact_finalize;
  object_class->get_property = lia_contact_get_property;
  object_class->set_property = lia_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_PREFERRED_CHANNEL] =
    g_param_spec_enum ("preferred-channel", NULL, NULL, LIA_TYPE_CONTACT_CHANNEL,
                       LIA_CONTACT_CHANNEL_EMAIL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KEY_CONTACT] = g_param_spec_boolean ("key-contact", NULL, NULL, FALSE, rw);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_contact_init (LiaContact *self)
{
}

LiaContact *
lia_contact_new (void)
{
  return g_object_new (LIA_TYPE_CONTACT, NULL);
}

LiaContact *
lia_contact_copy (LiaContact *self)
{
  LiaContact *copy;

  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);

  copy = lia_contact_new ();
  copy->id = self->id;
  copy->account_id = self->account_id;
  copy->name = g_strdup (self->name);
  copy->role = g_strdup (self->role);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  copy->preferred_channel = self->preferred_channel;
  copy->created_at = self->created_at;
  copy->key_contact = self->key_contact;
  copy->account_name = g_strdup (self->account_name);
  return copy;
}

LiaContact *
lia_contact_new_from_row (LiaRow *row)
{
  LiaContact *self = lia_contact_new ();
  int channel = LIA_CONTACT_CHANNEL_EMAIL;

  self->id = lia_row_get_int64 (row, LIA_CONTACT_COLUMN_ID);
  self->account_id = lia_row_get_int64 (row, LIA_CONTACT_COLUMN_ACCOUNT_ID);
  self->name = g_strdup (lia_row_get_string (row, LIA_CONTACT_COLUMN_NAME));
  self->role = g_strdup (lia_row_get_string (row, LIA_CONTACT_COLUMN_ROLE));
  self->email = g_strdup (lia_row_get_string (row, LIA_CONTACT_COLUMN_EMAIL));
  self->phone = g_strdup (lia_row_get_string (row, LIA_CONTACT_COLUMN_PHONE));
  lia_enum_from_nick (LIA_TYPE_CONTACT_CHANNEL,
                      lia_row_get_string (row, LIA_CONTACT_COLUMN_PREFERRED_CHANNEL), &channel);
  self->preferred_channel = channel;
  self->created_at = lia_row_get_int64 (row, LIA_CONTACT_COLUMN_CREATED_AT);
  self->key_contact = lia_row_get_int64 (row, LIA_CONTACT_COLUMN_KEY_CONTACT) != 0;
  return self;
}

LiaContact *
lia_contact_new_from_group_row (LiaRow *row)
{
  LiaContact *self = lia_contact_new_from_row (row);

  self->account_name = g_strdup (lia_row_get_string (row, LIA_CONTACT_COLUMN_ACCOUNT_NAME));
  return self;
}

gboolean
lia_contact_get_key_contact (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), FALSE);
  return self->key_contact;
}

void
lia_contact_set_key_contact (LiaContact *self,
                             gboolean    key_contact)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  key_contact = !!key_contact;
  if (self->key_contact == key_contact)
    return;
  self->key_contact = key_contact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_CONTACT]);
}

const char *
lia_contact_get_account_name (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);
  return self->account_name;
}

void
lia_contact_set_id (LiaContact *self,
                    gint64      id)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lia_contact_get_id (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);
  return self->id;
}

gint64
lia_contact_get_account_id (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);
  return self->account_id;
}

void
lia_contact_set_account_id (LiaContact *self,
                            gint64      account_id)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  if (self->account_id == account_id)
    return;
  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
lia_contact_get_name (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);
  return self->name;
}

void
lia_contact_set_name (LiaContact *self,
                      const char *name)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  set_string (self, &self->name, name, PROP_NAME);
}

const char *
lia_contact_get_role (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);
  return self->role;
}

void
lia_contact_set_role (LiaContact *self,
                      const char *role)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  set_string (self, &self->role, role, PROP_ROLE);
}

const char *
lia_contact_get_email (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);
  return self->email;
}

void
lia_contact_set_email (LiaContact *self,
                       const char *email)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  set_string (self, &self->email, email, PROP_EMAIL);
}

const char *
lia_contact_get_phone (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), NULL);
  return self->phone;
}

void
lia_contact_set_phone (LiaContact *self,
                       const char *phone)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  set_string (self, &self->phone, phone, PROP_PHONE);
}

LiaContactChannel
lia_contact_get_preferred_channel (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);
  return self->preferred_channel;
}

void
lia_contact_set_preferred_channel (LiaContact        *self,
                                   LiaContactChannel  channel)
{
  g_return_if_fail (LIA_IS_CONTACT (self));
  if (self->preferred_channel == channel)
    return;
  self->preferred_channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFERRED_CHANNEL]);
}

gint64
lia_contact_get_created_at (LiaContact *self)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), 0);
  return self->created_at;
}

gboolean
lia_contact_validate_name (const char  *name,
                           GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("A contact needs a name"));
      return FALSE;
    }
  if (g_utf8_strlen (stripped, -1) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "The name is longer than %d character",
                                "The name is longer than %d characters", MAX_TEXT_LENGTH),
                   MAX_TEXT_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* Deliberately plain: one @, no spaces, a dot in the domain. Anything
 * stricter refuses real addresses; this catches typing slips. */
gboolean
lia_contact_validate_email (const char  *email,
                            GError     **error)
{
  if (email == NULL || *email == '\0')
    return TRUE;

  if (strlen (email) > MAX_EMAIL_LENGTH)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "The email address is longer than %d character",
                                "The email address is longer than %d characters", MAX_EMAIL_LENGTH),
                   MAX_EMAIL_LENGTH);
      return FALSE;
    }

  if (!g_regex_match_simple ("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$", email, 0, 0))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is not an email address (expected name@example.com)"), email);
      return FALSE;
    }

  return TRUE;
}

/* International or local numbers: digits with the usual separators, an
 * optional leading + and extension; 6 to 20 digits in all. */
gboolean
lia_contact_validate_phone (const char  *phone,
                            GError     **error)
{
  guint digits = 0;

  if (phone == NULL || *phone == '\0')
    return TRUE;

  if (!g_regex_match_simple ("^\\+?[0-9 ()./-]+((ext\\.?|x) ?[0-9]{1,6})?$", phone,
                             G_REGEX_CASELESS, 0))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is not a phone number (digits, spaces, + ( ) - . / only)"), phone);
      return FALSE;
    }

  for (const char *p = phone; *p; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;

  if (digits < 6 || digits > 20)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "A phone number has 6 to 20 digits; “%s” has %u digit",
                                "A phone number has 6 to 20 digits; “%s” has %u digits", digits),
                   phone, digits);
      return FALSE;
    }

  return TRUE;
}

gboolean
lia_contact_validate (LiaContact  *self,
                      GError     **error)
{
  g_return_val_if_fail (LIA_IS_CONTACT (self), FALSE);

  if (!lia_contact_validate_name (self->name, error) ||
      !lia_contact_validate_email (self->email, error) ||
      !lia_contact_validate_phone (self->phone, error))
    return FALSE;

  if (self->role != NULL && g_utf8_strlen (self->role, -1) > MAX_TEXT_LENGTH)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "The role is longer than %d character",
                                "The role is longer than %d characters", MAX_TEXT_LENGTH),
                   MAX_TEXT_LENGTH);
      return FALSE;
    }

  return TRUE;
}
