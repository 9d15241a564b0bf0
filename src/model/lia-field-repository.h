/* lia-field-repository.h — classified fields of accounts and contacts:
 * plain or sealed by their level, masked until revealed, audited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"
#include "lia-field-class.h"
#include "lia-field-value.h"

G_BEGIN_DECLS

#define LIA_TYPE_FIELD_REPOSITORY (lia_field_repository_get_type ())

G_DECLARE_FINAL_TYPE (LiaFieldRepository, lia_field_repository, LIA, FIELD_REPOSITORY, GObject)

/* Emits "value-changed" (LiaFieldEntity entity, gint64 row_id) after a
 * value is written and "classes-changed" after a level changes.
 * Writing or opening a confidential value without the book's key fails
 * with LIA_SECRETS_ERROR_LOCKED and writes nothing; a ciphertext that
 * fails authentication (altered, or moved to another row or field) fails
 * with LIA_SECRETS_ERROR_TAMPERED, never with wrong text. */
LiaFieldRepository *lia_field_repository_new (LiaBook *book);

/* LiaFieldClass items of @entity, in display order. */
GListModel *lia_field_repository_list_classes (LiaFieldRepository  *self,
                                               LiaFieldEntity       entity);
LiaFieldLevel lia_field_repository_get_level  (LiaFieldRepository  *self,
                                               LiaFieldEntity       entity,
                                               const char          *field);
/* Seals or opens every stored value of the field in one transaction,
 * then checkpoints so no plain copy stays in the -wal. Audited. */
gboolean    lia_field_repository_set_level    (LiaFieldRepository  *self,
                                               LiaFieldEntity       entity,
                                               const char          *field,
                                               LiaFieldLevel        level,
                                               GError             **error);
/* One LiaFieldValue per class of @entity, in display order, set or not. */
GListModel *lia_field_repository_list_values  (LiaFieldRepository  *self,
                                               LiaFieldEntity       entity,
                                               gint64               row_id,
                                               GError             **error);
/* NULL or "" clears. Audited; a confidential value's text never reaches
 * the trail. */
gboolean    lia_field_repository_set_value    (LiaFieldRepository  *self,
                                               LiaFieldEntity       entity,
                                               gint64               row_id,
                                               const char          *field,
                                               const char          *text,
                                               GError             **error);
/* The value in clear, whatever its level (NULL when unset, without an
 * error). Opening a confidential one is audited. Free with
 * lia_secrets_text_free(). */
char       *lia_field_repository_reveal       (LiaFieldRepository  *self,
                                               LiaFieldEntity       entity,
                                               gint64               row_id,
                                               const char          *field,
                                               GError             **error);
/* For exports: the value in clear when not confidential; a confidential
 * one only with @include_confidential (then opened without a reveal
 * entry each: lia_field_repository_audit_export() records the export
 * once). NULL when unset or left out. */
char       *lia_field_repository_get_for_export (LiaFieldRepository *self,
                                               LiaFieldEntity       entity,
                                               gint64               row_id,
                                               const char          *field,
                                               gboolean             include_confidential,
                                               GError             **error);
gboolean    lia_field_repository_audit_export (LiaFieldRepository  *self,
                                               const char          *what,
                                               guint                n_rows,
                                               GError             **error);

G_END_DECLS
