/* lia-keyring-store.h — SQL for what the book knows of the keyring: its
 * own id and data-key check (book_meta) and credentials' metadata
 *
 * Secrets never come here: a credential's secret is in the keyring under
 * the credential's id, and the data key only under the book's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-database.h"
#include "lia-row.h"

G_BEGIN_DECLS

/* The columns of a credential row, in this order. */
enum
{
  LIA_CREDENTIAL_COLUMN_ID,
  LIA_CREDENTIAL_COLUMN_ACCOUNT_ID,
  LIA_CREDENTIAL_COLUMN_ACCOUNT_NAME,
  LIA_CREDENTIAL_COLUMN_LABEL,
  LIA_CREDENTIAL_COLUMN_KIND,
  LIA_CREDENTIAL_COLUMN_USERNAME,
  LIA_CREDENTIAL_COLUMN_URL,
  LIA_CREDENTIAL_COLUMN_NOTES,
  LIA_CREDENTIAL_COLUMN_CREATED_AT,
  LIA_CREDENTIAL_COLUMN_UPDATED_AT,
  LIA_CREDENTIAL_COLUMN_ROTATED_AT,     /* NULL: never rotated */
  LIA_CREDENTIAL_COLUMN_ROTATION_DAYS,  /* NULL: no period */
  LIA_CREDENTIAL_COLUMN_ROTATE_BY,      /* NULL: no period */
};

/* What insert and update write; kind is the LiaCredentialKind nick. */
typedef struct
{
  gint64      id;              /* chosen by the model before the insert */
  gint64      account_id;
  const char *label;
  const char *kind;
  const char *username;
  const char *url;
  const char *notes;
  guint       rotation_days;   /* 0: no period */
  gint64      updated_at;
} LiaCredentialValues;

/* Either may come back NULL (never set). Free both. */
gboolean lia_book_meta_store_get            (LiaDatabase                *db,
                                             char                      **out_book_id,
                                             char                      **out_data_key_check,
                                             GError                    **error);
/* Each sets its column only while it is NULL, so a value, once there,
 * is never replaced; *@out_set says whether this call set it. */
gboolean lia_book_meta_store_set_book_id    (LiaDatabase                *db,
                                             const char                 *book_id,
                                             gboolean                   *out_set,
                                             GError                    **error);
gboolean lia_book_meta_store_set_data_key_check (LiaDatabase            *db,
                                             const char                 *check,
                                             gboolean                   *out_set,
                                             GError                    **error);

/* Moves the check from @old_check (NULL: none yet) to @new_check (NULL
 * gives a claim back) in one statement; replacing a check succeeds only
 * while no value of the book is sealed. *@out_claimed says whether it
 * moved: another program may have claimed first. */
gboolean lia_book_meta_store_claim_data_key_check (LiaDatabase          *db,
                                             const char                 *old_check,
                                             const char                 *new_check,
                                             gboolean                   *out_claimed,
                                             GError                    **error);

gboolean lia_credential_store_insert        (LiaDatabase                *db,
                                             const LiaCredentialValues  *values,
                                             gint64                      created_at,
                                             GError                    **error);
/* Label, kind, username, URL, notes and period; never the account. */
gboolean lia_credential_store_update        (LiaDatabase                *db,
                                             const LiaCredentialValues  *values,
                                             GError                    **error);
gboolean lia_credential_store_set_rotated   (LiaDatabase                *db,
                                             gint64                      id,
                                             gint64                      rotated_at,
                                             GError                    **error);
gboolean lia_credential_store_delete        (LiaDatabase                *db,
                                             gint64                      id,
                                             GError                    **error);
gboolean lia_credential_store_exists        (LiaDatabase                *db,
                                             gint64                      id,
                                             gboolean                   *out_exists,
                                             GError                    **error);
/* LIA_DATABASE_ERROR_NOT_FOUND when there is no such credential. */
gboolean lia_credential_store_get           (LiaDatabase                *db,
                                             gint64                      id,
                                             LiaRowFunc                  func,
                                             gpointer                    user_data,
                                             GError                    **error);
/* By label, ignoring case. */
gboolean lia_credential_store_for_account   (LiaDatabase                *db,
                                             gint64                      account_id,
                                             LiaRowFunc                  func,
                                             gpointer                    user_data,
                                             GError                    **error);
gint64   lia_credential_store_count_for_account (LiaDatabase            *db,
                                             gint64                      account_id,
                                             GError                    **error);
/* Every credential of the book, by account name, label and id. */
gboolean lia_credential_store_all           (LiaDatabase                *db,
                                             LiaRowFunc                  func,
                                             gpointer                    user_data,
                                             GError                    **error);
/* Whether this book can explain a keyring item no row owns: its trail
 * has @credential_id, or @account_id is none of its accounts. */
gboolean lia_credential_store_explains      (LiaDatabase                *db,
                                             gint64                      credential_id,
                                             gint64                      account_id,
                                             gboolean                   *out_explained,
                                             GError                    **error);
/* With a period and due at or before @now, most overdue first. */
gboolean lia_credential_store_rotation_due  (LiaDatabase                *db,
                                             gint64                      now,
                                             LiaRowFunc                  func,
                                             gpointer                    user_data,
                                             GError                    **error);

G_END_DECLS
