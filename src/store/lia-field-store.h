/* lia-field-store.h — SQL for classified fields, and for everything the
 * book holds about one person (a data-subject request)
 *
 * Values come and go as stored: plain text or a sealed blob. Sealing and
 * opening belong to the model, which holds the key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-database.h"
#include "lia-row.h"

G_BEGIN_DECLS

/* lia_field_store_classes() */
enum
{
  LIA_FIELD_CLASS_COLUMN_FIELD,
  LIA_FIELD_CLASS_COLUMN_LEVEL,
  LIA_FIELD_CLASS_COLUMN_POSITION,
};

/* lia_field_store_values(), lia_field_store_value() and
 * lia_field_store_field_values(): the class with its value, if any. */
enum
{
  LIA_FIELD_VALUE_COLUMN_FIELD,
  LIA_FIELD_VALUE_COLUMN_LEVEL,
  LIA_FIELD_VALUE_COLUMN_ROW_ID,    /* NULL when unset */
  LIA_FIELD_VALUE_COLUMN_PLAIN,     /* NULL unless stored in clear */
  LIA_FIELD_VALUE_COLUMN_SEALED,    /* NULL unless stored sealed */
};

/* A blob column of @row (NULL for SQL NULL); LiaRow reads no blobs. */
GBytes  *lia_field_store_row_dup_blob   (LiaRow        *row,
                                         int            column);

/* @entity is a LiaFieldEntity nick ("account", "contact"). */
gboolean lia_field_store_classes        (LiaDatabase   *db,
                                         const char    *entity,
                                         LiaRowFunc     func,
                                         gpointer       user_data,
                                         GError       **error);
gboolean lia_field_store_set_level      (LiaDatabase   *db,
                                         const char    *entity,
                                         const char    *field,
                                         const char    *level,
                                         GError       **error);
/* Every class of @entity in display order, with @row_id's value. */
gboolean lia_field_store_values         (LiaDatabase   *db,
                                         const char    *entity,
                                         gint64         row_id,
                                         LiaRowFunc     func,
                                         gpointer       user_data,
                                         GError       **error);
/* One class with @row_id's value; NOT_FOUND for a field with no class. */
gboolean lia_field_store_value          (LiaDatabase   *db,
                                         const char    *entity,
                                         gint64         row_id,
                                         const char    *field,
                                         LiaRowFunc     func,
                                         gpointer       user_data,
                                         GError       **error);
/* Every stored value of one field, whatever the row. */
gboolean lia_field_store_field_values   (LiaDatabase   *db,
                                         const char    *entity,
                                         const char    *field,
                                         LiaRowFunc     func,
                                         gpointer       user_data,
                                         GError       **error);
/* Exactly one of @plain and @sealed; replaces what was there. */
gboolean lia_field_store_put            (LiaDatabase   *db,
                                         const char    *entity,
                                         gint64         row_id,
                                         const char    *field,
                                         const char    *plain,
                                         GBytes        *sealed,
                                         gint64         updated_at,
                                         GError       **error);
gboolean lia_field_store_clear          (LiaDatabase   *db,
                                         const char    *entity,
                                         gint64         row_id,
                                         const char    *field,
                                         gboolean      *out_removed,
                                         GError       **error);
/* Blanks both values of the trail lines about @field of @entity (not
 * the "(set)"/"(cleared)" markers): the trail allows it only while the
 * field is confidential, so set the level first. */
gboolean lia_field_store_blank_audit    (LiaDatabase   *db,
                                         const char    *entity,
                                         const char    *field,
                                         GError       **error);
/* Whether any classified value of the book is stored sealed. */
gboolean lia_field_store_has_sealed     (LiaDatabase   *db,
                                         gboolean      *out_has_sealed,
                                         GError       **error);
/* The account a row belongs to (an account's own id, a contact's
 * employer); NOT_FOUND when the row is not there. */
gboolean lia_field_store_owner          (LiaDatabase   *db,
                                         const char    *entity,
                                         gint64         row_id,
                                         gint64        *out_account_id,
                                         GError       **error);

/* --- one person ---------------------------------------------------- */

enum
{
  LIA_PERSON_EMPLOYMENT_COLUMN_ACCOUNT_ID,
  LIA_PERSON_EMPLOYMENT_COLUMN_ACCOUNT_NAME,
  LIA_PERSON_EMPLOYMENT_COLUMN_ROLE,
  LIA_PERSON_EMPLOYMENT_COLUMN_STARTED_AT,
  LIA_PERSON_EMPLOYMENT_COLUMN_ENDED_AT,   /* NULL: current */
};

enum
{
  LIA_PERSON_EVENT_COLUMN_ID,
  LIA_PERSON_EVENT_COLUMN_KIND,
  LIA_PERSON_EVENT_COLUMN_SUMMARY,
  LIA_PERSON_EVENT_COLUMN_OPENED_AT,
  LIA_PERSON_EVENT_COLUMN_ACCOUNT_NAME,
};

enum
{
  LIA_PERSON_ATTENDANCE_COLUMN_MEETING_ID,
  LIA_PERSON_ATTENDANCE_COLUMN_TITLE,
  LIA_PERSON_ATTENDANCE_COLUMN_STARTS_AT,
  LIA_PERSON_ATTENDANCE_COLUMN_NAME,
  LIA_PERSON_ATTENDANCE_COLUMN_EMAIL,
};

enum
{
  LIA_PERSON_AUDIT_COLUMN_ID,
  LIA_PERSON_AUDIT_COLUMN_FIELD,
  LIA_PERSON_AUDIT_COLUMN_OLD_VALUE,
  LIA_PERSON_AUDIT_COLUMN_NEW_VALUE,
  LIA_PERSON_AUDIT_COLUMN_ACTOR,
  LIA_PERSON_AUDIT_COLUMN_CHANGED_AT,
};

gboolean lia_person_store_employments   (LiaDatabase   *db,
                                         gint64         contact_id,
                                         LiaRowFunc     func,
                                         gpointer       user_data,
                                         GError       **error);
gboolean lia_person_store_events        (LiaDatabase   *db,
                                         gint64         contact_id,
                                         LiaRowFunc     func,
                                         gpointer       user_data,
                                         GError       **error);
/* Attendee rows linked to the contact, and unlinked ones (an imported
 * attendee, or one whose contact was removed) with @email or
 * @other_email (either may be NULL or ""). */
gboolean lia_person_store_attendances   (LiaDatabase   *db,
                                         gint64         contact_id,
                                         const char    *email,
                                         const char    *other_email,
                                         LiaRowFunc     func,
                                         gpointer       user_data,
                                         GError       **error);
gboolean lia_person_store_audit         (LiaDatabase   *db,
                                         gint64         contact_id,
                                         LiaRowFunc     func,
                                         gpointer       user_data,
                                         GError       **error);
/* Inside the caller's transaction: the attendances above, classified
 * values and employments go, events are unlinked, the contact row goes,
 * then the trail lines about the contact lose their values. The trail
 * allows the blanking only for a contact that is gone and whose erasure
 * it records after those lines: write that line first. */
gboolean lia_person_store_erase         (LiaDatabase   *db,
                                         gint64         contact_id,
                                         const char    *email,
                                         const char    *other_email,
                                         GError       **error);
/* Merges the search index into one segment, so the deleted terms'
 * pages are freed (and, with secure_delete, zeroed). */
gboolean lia_person_store_optimize_search (LiaDatabase *db,
                                         GError       **error);

G_END_DECLS
