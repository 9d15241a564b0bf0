/* lia-personal-data.h — everything the book holds about one person, and
 * its erasure on a data-subject request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"

G_BEGIN_DECLS

typedef enum /*< prefix=LIA_PERSONAL_DATA_SECTION >*/
{
  LIA_PERSONAL_DATA_SECTION_CONTACT,     /*< nick=contact >*/     /* the contact's own fields */
  LIA_PERSONAL_DATA_SECTION_FIELDS,      /*< nick=fields >*/      /* classified fields */
  LIA_PERSONAL_DATA_SECTION_EMPLOYMENTS, /*< nick=employments >*/
  LIA_PERSONAL_DATA_SECTION_EVENTS,      /*< nick=events >*/      /* events naming the contact */
  LIA_PERSONAL_DATA_SECTION_MEETINGS,    /*< nick=meetings >*/    /* attendances */
  LIA_PERSONAL_DATA_SECTION_AUDIT,       /*< nick=audit >*/       /* trail lines about the contact */
} LiaPersonalDataSection;

#define LIA_TYPE_PERSONAL_DATA_ITEM (lia_personal_data_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaPersonalDataItem, lia_personal_data_item, LIA, PERSONAL_DATA_ITEM, GObject)

LiaPersonalDataSection lia_personal_data_item_get_section (LiaPersonalDataItem *self);
/* Translated, e.g. "E-mail", "Employed at", an event's summary. */
const char *lia_personal_data_item_get_label    (LiaPersonalDataItem *self);
/* NULL for a confidential field (masked: reveal it through
 * LiaFieldRepository with the item's field name). */
const char *lia_personal_data_item_get_value    (LiaPersonalDataItem *self);
gboolean    lia_personal_data_item_is_confidential (LiaPersonalDataItem *self);
/* The classified field's name, or NULL. */
const char *lia_personal_data_item_get_field    (LiaPersonalDataItem *self);
gint64      lia_personal_data_item_get_time     (LiaPersonalDataItem *self);   /* 0: none */

#define LIA_TYPE_PERSONAL_DATA (lia_personal_data_get_type ())

G_DECLARE_FINAL_TYPE (LiaPersonalData, lia_personal_data, LIA, PERSONAL_DATA, GObject)

LiaPersonalData *lia_personal_data_collect      (LiaBook          *book,
                                                 gint64            contact_id,
                                                 GError          **error);
gint64           lia_personal_data_get_contact_id (LiaPersonalData *self);
const char      *lia_personal_data_get_name     (LiaPersonalData  *self);
/* LiaPersonalDataItem, section by section. */
GListModel      *lia_personal_data_get_items    (LiaPersonalData  *self);

/* In one transaction: the contact, its classified values, employments
 * and meeting attendances are deleted, events keep no link to it, and the
 * values of trail lines about it are blanked; one trail line records
 * that an erasure happened (the contact's id, never the name). Then the
 * search index is optimised and the -wal checkpointed so no copy stays. */
gboolean         lia_personal_data_erase        (LiaBook          *book,
                                                 gint64            contact_id,
                                                 GError          **error);

G_END_DECLS
