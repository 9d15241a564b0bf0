/* lia-choice.h — an entry of a vocabulary kept as data (segment, service plan)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_CHOICE (lia_choice_get_type ())

G_DECLARE_FINAL_TYPE (LiaChoice, lia_choice, LIA, CHOICE, GObject)

LiaChoice  *lia_choice_new      (const char *id,
                                 const char *name);
const char *lia_choice_get_id   (LiaChoice  *self);
const char *lia_choice_get_name (LiaChoice  *self);

G_END_DECLS
