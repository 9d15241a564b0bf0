/* lia-contact-store.h — SQL for an account's contacts and inquiries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-database.h"
#include "lia-row.h"

G_BEGIN_DECLS

enum
{
  LIA_CONTACT_COLUMN_ID,
  LIA_CONTACT_COLUMN_ACCOUNT_ID,
  LIA_CONTACT_COLUMN_NAME,
  LIA_CONTACT_COLUMN_ROLE,
  LIA_CONTACT_COLUMN_EMAIL,
  LIA_CONTACT_COLUMN_PHONE,
  LIA_CONTACT_COLUMN_PREFERRED_CHANNEL,
  LIA_CONTACT_COLUMN_CREATED_AT,
  LIA_CONTACT_COLUMN_KEY_CONTACT,
  LIA_CONTACT_COLUMN_ACCOUNT_NAME,  /* only in group listings */
};

typedef struct
{
  gint64      id;                /* 0: a new row; set to restore a deleted one */
  gint64      account_id;
  const char *name;
  const char *role;
  const char *email;
  const char *phone;
  const char *preferred_channel;
  gint64      created_at;
  gboolean    key_contact;
} LiaContactValues;

enum
{
  LIA_INQUIRY_COLUMN_ID,
  LIA_INQUIRY_COLUMN_ACCOUNT_ID,
  LIA_INQUIRY_COLUMN_ASKED_AT,
  LIA_INQUIRY_COLUMN_CHANNEL,
  LIA_INQUIRY_COLUMN_QUESTION,
  LIA_INQUIRY_COLUMN_ADVICE,
  LIA_INQUIRY_COLUMN_STAFF_ID,
  LIA_INQUIRY_COLUMN_STAFF_NAME,
};

typedef struct
{
  gint64      id;                /* 0: a new row */
  gint64      account_id;
  gint64      asked_at;
  const char *channel;
  const char *question;
  const char *advice;
  gint64      staff_id;          /* 0: none */
} LiaInquiryValues;

gboolean lia_contact_store_insert      (LiaDatabase             *db,
                                        const LiaContactValues  *values,
                                        gint64                  *out_id,
                                        GError                 **error);
gboolean lia_contact_store_update      (LiaDatabase             *db,
                                        const LiaContactValues  *values,
                                        GError                 **error);
gboolean lia_contact_store_delete      (LiaDatabase             *db,
                                        gint64                   id,
                                        GError                 **error);
gboolean lia_contact_store_employer    (LiaDatabase             *db,
                                        gint64                   contact_id,
                                        gint64                  *out_account_id,
                                        GError                 **error);
gboolean lia_contact_store_move        (LiaDatabase             *db,
                                        gint64                   contact_id,
                                        gint64                   new_account_id,
                                        gint64                   moved_at,
                                        GError                 **error);
gboolean lia_contact_store_get         (LiaDatabase             *db,
                                        gint64                   id,
                                        LiaRowFunc               func,
                                        gpointer                 user_data,
                                        GError                 **error);
gboolean lia_contact_store_for_account (LiaDatabase             *db,
                                        gint64                   account_id,
                                        LiaRowFunc               func,
                                        gpointer                 user_data,
                                        GError                 **error);

gboolean lia_inquiry_store_insert      (LiaDatabase             *db,
                                        const LiaInquiryValues  *values,
                                        gint64                  *out_id,
                                        GError                 **error);
gboolean lia_inquiry_store_delete      (LiaDatabase             *db,
                                        gint64                   id,
                                        GError                 **error);
gboolean lia_inquiry_store_for_account (LiaDatabase             *db,
                                        gint64                   account_id,
                                        LiaRowFunc               func,
                                        gpointer                 user_data,
                                        GError                 **error);

G_END_DECLS
