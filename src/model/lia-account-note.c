/* lia-account-note.c — a dated note on a customer's preferences or
 * anticipated needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-account-note.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"
#include "lia-portfolio-store.h"

struct _LiaAccountNote
{
  GObject      parent_instance;
  gint64       account_id;
  gint64       noted_at;
  LiaNoteKind  kind;
  char        *body;
  char        *author;
};

G_DEFINE_FINAL_TYPE (LiaAccountNote, lia_account_note, G_TYPE_OBJECT)

enum { PROP_0, PROP_ACCOUNT_ID, PROP_NOTED_AT, PROP_KIND, PROP_BODY, PROP_AUTHOR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
lia_account_note_finalize (GObject *object)
{
  LiaAccountNote *self = (LiaAccountNote *)object;

  g_free (self->body);
  g_free (self->author);
  G_OBJECT_CLASS (lia_account_note_parent_class)->finalize (object);
}

static void
lia_account_note_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaAccountNote *self = LIA_ACCOUNT_NOTE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID: g_value_set_int64 (value, self->account_id); break;
    case PROP_NOTED_AT:   g_value_set_int64 (value, self->noted_at); break;
    case PROP_KIND:       g_value_set_enum (value, self->kind); break;
    case PROP_BODY:       g_value_set_string (value, self->body); break;
    case PROP_AUTHOR:     g_value_set_string (value, self->author); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_account_note_class_init (LiaAccountNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_account_note_finalize;
  object_class->get_property = lia_account_note_get_property;

  properties[PROP_ACCOUNT_ID] = g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NOTED_AT] = g_param_spec_int64 ("noted-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, LIA_TYPE_NOTE_KIND,
                                             LIA_NOTE_KIND_PREFERENCE, ro);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, ro);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_account_note_init (LiaAccountNote *self)
{
}

LiaAccountNote *
lia_account_note_new_from_row (LiaRow *row)
{
  LiaAccountNote *self = g_object_new (LIA_TYPE_ACCOUNT_NOTE, NULL);
  int kind = LIA_NOTE_KIND_PREFERENCE;

  self->account_id = lia_row_get_int64 (row, LIA_NOTE_COLUMN_ACCOUNT_ID);
  self->noted_at = lia_row_get_int64 (row, LIA_NOTE_COLUMN_NOTED_AT);
  lia_enum_from_nick (LIA_TYPE_NOTE_KIND, lia_row_get_string (row, LIA_NOTE_COLUMN_KIND), &kind);
  self->kind = kind;
  self->body = g_strdup (lia_row_get_string (row, LIA_NOTE_COLUMN_BODY));
  self->author = g_strdup (lia_row_get_string (row, LIA_NOTE_COLUMN_AUTHOR));
  return self;
}

gint64
lia_account_note_get_account_id (LiaAccountNote *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_NOTE (self), 0);
  return self->account_id;
}

gint64
lia_account_note_get_noted_at (LiaAccountNote *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_NOTE (self), 0);
  return self->noted_at;
}

LiaNoteKind
lia_account_note_get_kind (LiaAccountNote *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_NOTE (self), 0);
  return self->kind;
}

const char *
lia_account_note_get_body (LiaAccountNote *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_NOTE (self), NULL);
  return self->body;
}

const char *
lia_account_note_get_author (LiaAccountNote *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_NOTE (self), NULL);
  return self->author;
}
