/* lia-field-private.h — for the model's own bulk writers of classified
 * fields (the sample data), which write through the store themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-field-repository.h"

G_BEGIN_DECLS

/* @text sealed for @field of @row_id exactly as the repository seals it;
 * LIA_SECRETS_ERROR_LOCKED without the book's key. */
GBytes *lia_field_repository_seal (LiaFieldRepository  *self,
                                   LiaFieldEntity       entity,
                                   gint64               row_id,
                                   const char          *field,
                                   const char          *text,
                                   GError             **error);

G_END_DECLS
