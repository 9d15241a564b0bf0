/* lia-credential.c — what Liaison knows of a customer credential; the
 * secret itself stays in the keyring
 *
 * Nothing here holds or names the secret: every property is metadata the
 * book stores in clear, so views may bind to any of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-credential-private.h"
#include "lia-enum-types.h"
#include "lia-keyring-store.h"

#define SECONDS_PER_DAY 86400

struct _LiaCredential
{
  GObject            parent_instance;
  gint64             id;
  gint64             account_id;
  char              *account_name;
  char              *label;
  LiaCredentialKind  kind;
  char              *username;
  char              *url;
  char              *notes;
  guint              rotation_days;
  gint64             created_at;
  gint64             updated_at;
  gint64             rotated_at;
  LiaSecretState     secret_state;
};

G_DEFINE_FINAL_TYPE (LiaCredential, lia_credential, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_LABEL,
  PROP_KIND,
  PROP_USERNAME,
  PROP_URL,
  PROP_NOTES,
  PROP_ROTATION_DAYS,
  PROP_ROTATED_AT,
  PROP_ROTATE_BY,
  PROP_SECRET_STATE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_credential_finalize (GObject *object)
{
  LiaCredential *self = (LiaCredential *)object;

  g_free (self->account_name);
  g_free (self->label);
  g_free (self->username);
  g_free (self->url);
  g_free (self->notes);
  G_OBJECT_CLASS (lia_credential_parent_class)->finalize (object);
}

static void
lia_credential_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaCredential *self = LIA_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_int64 (value, self->id); break;
    case PROP_ACCOUNT_ID:    g_value_set_int64 (value, self->account_id); break;
    case PROP_ACCOUNT_NAME:  g_value_set_string (value, self->account_name); break;
    case PROP_LABEL:         g_value_set_string (value, self->label); break;
    case PROP_KIND:          g_value_set_enum (value, self->kind); break;
    case PROP_USERNAME:      g_value_set_string (value, self->username); break;
    case PROP_URL:           g_value_set_string (value, self->url); break;
    case PROP_NOTES:         g_value_set_string (value, self->notes); break;
    case PROP_ROTATION_DAYS: g_value_set_uint (value, self->rotation_days); break;
    case PROP_ROTATED_AT:    g_value_set_int64 (value, self->rotated_at); break;
    case PROP_ROTATE_BY:     g_value_set_int64 (value, lia_credential_get_rotate_by (self)); break;
    case PROP_SECRET_STATE:  g_value_set_enum (value, self->secret_state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_credential_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaCredential *self = LIA_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_LABEL:         lia_credential_set_label (self, g_value_get_string (value)); break;
    case PROP_KIND:          lia_credential_set_kind (self, g_value_get_enum (value)); break;
    case PROP_USERNAME:      lia_credential_set_username (self, g_value_get_string (value)); break;
    case PROP_URL:           lia_credential_set_url (self, g_value_get_string (value)); break;
    case PROP_NOTES:         lia_credential_set_notes (self, g_value_get_string (value)); break;
    case PROP_ROTATION_DAYS: lia_credential_set_rotation_days (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_credential_class_init (LiaCredentialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = lia_credential_finalize;
  object_class->get_property = lia_credential_get_property;
  object_class->set_property = lia_credential_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, NULL, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, LIA_TYPE_CREDENTIAL_KIND,
                                             LIA_CREDENTIAL_KIND_PORTAL, rw);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, rw);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_ROTATION_DAYS] = g_param_spec_uint ("rotation-days", NULL, NULL,
                                                      0, G_MAXUINT, 0, rw);
  properties[PROP_ROTATED_AT] = g_param_spec_int64 ("rotated-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ROTATE_BY] = g_param_spec_int64 ("rotate-by", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SECRET_STATE] = g_param_spec_enum ("secret-state", NULL, NULL,
                                                     LIA_TYPE_SECRET_STATE,
                                                     LIA_SECRET_STATE_UNKNOWN, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_credential_init (LiaCredential *self)
{
  self->label = g_strdup ("");
  self->username = g_strdup ("");
  self->url = g_strdup ("");
  self->notes = g_strdup ("");
}

/* A draft, not yet stored: LiaCredentialRepository's add gives it an id. */
LiaCredential *
lia_credential_new (gint64             account_id,
                    const char        *label,
                    LiaCredentialKind  kind)
{
  LiaCredential *self = g_object_new (LIA_TYPE_CREDENTIAL, NULL);

  self->account_id = account_id;
  lia_credential_set_label (self, label);
  lia_credential_set_kind (self, kind);
  return self;
}

LiaCredential *
lia_credential_new_from_row (LiaRow *row)
{
  LiaCredential *self = g_object_new (LIA_TYPE_CREDENTIAL, NULL);
  int kind = LIA_CREDENTIAL_KIND_OTHER;

  self->id = lia_row_get_int64 (row, LIA_CREDENTIAL_COLUMN_ID);
  self->account_id = lia_row_get_int64 (row, LIA_CREDENTIAL_COLUMN_ACCOUNT_ID);
  self->account_name = g_strdup (lia_row_get_string (row, LIA_CREDENTIAL_COLUMN_ACCOUNT_NAME));
  lia_credential_set_label (self, lia_row_get_string (row, LIA_CREDENTIAL_COLUMN_LABEL));
  lia_enum_from_nick (LIA_TYPE_CREDENTIAL_KIND, lia_row_get_string (row, LIA_CREDENTIAL_COLUMN_KIND),
                      &kind);
  self->kind = kind;
  lia_credential_set_username (self, lia_row_get_string (row, LIA_CREDENTIAL_COLUMN_USERNAME));
  lia_credential_set_url (self, lia_row_get_string (row, LIA_CREDENTIAL_COLUMN_URL));
  lia_credential_set_notes (self, lia_row_get_string (row, LIA_CREDENTIAL_COLUMN_NOTES));
  self->rotation_days = (guint)lia_row_get_int64 (row, LIA_CREDENTIAL_COLUMN_ROTATION_DAYS);
  self->created_at = lia_row_get_int64 (row, LIA_CREDENTIAL_COLUMN_CREATED_AT);
  self->updated_at = lia_row_get_int64 (row, LIA_CREDENTIAL_COLUMN_UPDATED_AT);
  self->rotated_at = lia_row_get_int64 (row, LIA_CREDENTIAL_COLUMN_ROTATED_AT);
  return self;
}

gint64
lia_credential_get_id (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), 0);
  return self->id;
}

void
lia_credential_set_id (LiaCredential *self,
                       gint64         id)
{
  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
lia_credential_get_account_id (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), 0);
  return self->account_id;
}

/* NULL for a draft: only stored credentials know it. */
const char *
lia_credential_get_account_name (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), NULL);
  return self->account_name;
}

/* Never NULL: "" stands for none in the text fields. */
static gboolean
replace_text (char       **field,
              const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
lia_credential_get_label (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), NULL);
  return self->label;
}

void
lia_credential_set_label (LiaCredential *self,
                          const char    *label)
{
  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  if (replace_text (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

LiaCredentialKind
lia_credential_get_kind (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), LIA_CREDENTIAL_KIND_OTHER);
  return self->kind;
}

void
lia_credential_set_kind (LiaCredential     *self,
                         LiaCredentialKind  kind)
{
  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
lia_credential_get_username (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), NULL);
  return self->username;
}

void
lia_credential_set_username (LiaCredential *self,
                             const char    *username)
{
  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  if (replace_text (&self->username, username))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

const char *
lia_credential_get_url (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), NULL);
  return self->url;
}

void
lia_credential_set_url (LiaCredential *self,
                        const char    *url)
{
  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  if (replace_text (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
lia_credential_get_notes (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), NULL);
  return self->notes;
}

void
lia_credential_set_notes (LiaCredential *self,
                          const char    *notes)
{
  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  if (replace_text (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

guint
lia_credential_get_rotation_days (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), 0);
  return self->rotation_days;
}

void
lia_credential_set_rotation_days (LiaCredential *self,
                                  guint          days)
{
  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  if (self->rotation_days == days)
    return;
  self->rotation_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATION_DAYS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATE_BY]);
}

gint64
lia_credential_get_created_at (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), 0);
  return self->created_at;
}

gint64
lia_credential_get_updated_at (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), 0);
  return self->updated_at;
}

gint64
lia_credential_get_rotated_at (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), 0);
  return self->rotated_at;
}

/* @rotated_at 0: never rotated. */
void
lia_credential_set_times (LiaCredential *self,
                          gint64         created_at,
                          gint64         updated_at,
                          gint64         rotated_at)
{
  gboolean rotated_changed, due_changed;

  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  rotated_changed = self->rotated_at != rotated_at;
  due_changed = rotated_changed || self->created_at != created_at;
  self->created_at = created_at;
  self->updated_at = updated_at;
  self->rotated_at = rotated_at;
  if (rotated_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATED_AT]);
  if (due_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATE_BY]);
}

/* Counted from the last rotation, or from creation when never rotated,
 * as the schema's generated rotate_by column is. */
gint64
lia_credential_get_rotate_by (LiaCredential *self)
{
  gint64 since;

  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), 0);

  if (self->rotation_days == 0)
    return 0;
  since = self->rotated_at != 0 ? self->rotated_at : self->created_at;
  return since + (gint64)self->rotation_days * SECONDS_PER_DAY;
}

/* Due at @now or earlier, as lia_credential_repository_list_rotation_due() counts. */
gboolean
lia_credential_is_rotation_overdue (LiaCredential *self,
                                    gint64         now)
{
  gint64 rotate_by;

  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), FALSE);

  rotate_by = lia_credential_get_rotate_by (self);
  return rotate_by != 0 && rotate_by <= now;
}

LiaSecretState
lia_credential_get_secret_state (LiaCredential *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL (self), LIA_SECRET_STATE_UNKNOWN);
  return self->secret_state;
}

void
lia_credential_set_secret_state (LiaCredential  *self,
                                 LiaSecretState  state)
{
  g_return_if_fail (LIA_IS_CREDENTIAL (self));

  if (self->secret_state == state)
    return;
  self->secret_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECRET_STATE]);
}
