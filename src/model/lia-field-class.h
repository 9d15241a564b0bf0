/* lia-field-class.h — a classified field and how sensitive it is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_FIELD_CLASS (lia_field_class_get_type ())

G_DECLARE_FINAL_TYPE (LiaFieldClass, lia_field_class, LIA, FIELD_CLASS, GObject)

LiaFieldEntity lia_field_class_get_entity (LiaFieldClass *self);
/* The stored name, e.g. "tax_id". */
const char    *lia_field_class_get_field  (LiaFieldClass *self);
/* Translated, e.g. "Tax ID". */
const char    *lia_field_class_get_label  (LiaFieldClass *self);
LiaFieldLevel  lia_field_class_get_level  (LiaFieldClass *self);

/* The label of a known field; @field itself for one the build does not
 * know (a newer book). */
const char    *lia_field_label            (LiaFieldEntity  entity,
                                           const char     *field);

G_END_DECLS
