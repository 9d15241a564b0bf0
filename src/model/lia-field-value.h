/* lia-field-value.h — one classified field of one account or contact, as
 * shown: a confidential value is never opened here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_FIELD_VALUE (lia_field_value_get_type ())

G_DECLARE_FINAL_TYPE (LiaFieldValue, lia_field_value, LIA, FIELD_VALUE, GObject)

LiaFieldEntity lia_field_value_get_entity    (LiaFieldValue *self);
gint64         lia_field_value_get_row_id    (LiaFieldValue *self);
const char    *lia_field_value_get_field     (LiaFieldValue *self);
const char    *lia_field_value_get_label     (LiaFieldValue *self);
LiaFieldLevel  lia_field_value_get_level     (LiaFieldValue *self);
gboolean       lia_field_value_has_value     (LiaFieldValue *self);
/* The text of a public or internal value; NULL for a confidential one
 * (reveal it through the repository) and when empty. */
const char    *lia_field_value_get_text      (LiaFieldValue *self);

G_END_DECLS
