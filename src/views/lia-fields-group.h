/* lia-fields-group.h — the classified fields of one account or contact:
 * edited one by one, confidential ones masked until revealed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"
#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_FIELDS_GROUP (lia_fields_group_get_type ())

G_DECLARE_FINAL_TYPE (LiaFieldsGroup, lia_fields_group, LIA, FIELDS_GROUP, AdwPreferencesGroup)

GtkWidget *lia_fields_group_new      (void);
void       lia_fields_group_set_book (LiaFieldsGroup *self,
                                      LiaBook        *book);
/* @row_id 0 shows nothing. */
void       lia_fields_group_set_row  (LiaFieldsGroup *self,
                                      LiaFieldEntity  entity,
                                      gint64          row_id);
/* The row of @field (an AdwEntryRow, or an AdwActionRow with Reveal and
 * Edit buttons for a confidential one), or NULL. */
GtkWidget *lia_fields_group_get_row  (LiaFieldsGroup *self,
                                      const char     *field);
/* The masked, revealed, "Not set" or "Locked" text of a confidential
 * row; NULL for the others. */
GtkLabel  *lia_fields_group_get_value_label (LiaFieldsGroup *self,
                                      const char     *field);

G_END_DECLS
