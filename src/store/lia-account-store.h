/* lia-account-store.h — SQL for accounts, their lifecycle history and audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-database.h"
#include "lia-row.h"

G_BEGIN_DECLS

/* The most rows a search shows: type-ahead narrows, it does not page. */
#define LIA_ACCOUNT_SEARCH_LIMIT 1000

/* Columns of every account row handed to a LiaRowFunc. */
typedef enum
{
  LIA_ACCOUNT_COLUMN_ID,
  LIA_ACCOUNT_COLUMN_NUMBER,
  LIA_ACCOUNT_COLUMN_NAME,
  LIA_ACCOUNT_COLUMN_SEGMENT_ID,
  LIA_ACCOUNT_COLUMN_SERVICE_PLAN_ID,
  LIA_ACCOUNT_COLUMN_CHANNEL,
  LIA_ACCOUNT_COLUMN_STATE,
  LIA_ACCOUNT_COLUMN_MANAGER_ID,
  LIA_ACCOUNT_COLUMN_MANAGER_NAME,
  LIA_ACCOUNT_COLUMN_CONTRACT_VALUE,
  LIA_ACCOUNT_COLUMN_CURRENCY,
  LIA_ACCOUNT_COLUMN_ADDRESS,
  LIA_ACCOUNT_COLUMN_NOTES,
  LIA_ACCOUNT_COLUMN_CREATED_AT,
  LIA_ACCOUNT_COLUMN_UPDATED_AT,
  LIA_ACCOUNT_COLUMN_LAST_VERIFIED_AT,
  LIA_ACCOUNT_COLUMN_PARENT_ID,
  LIA_ACCOUNT_COLUMN_UNIT_KIND,
  LIA_ACCOUNT_COLUMN_DEPUTY_ID,
  LIA_ACCOUNT_COLUMN_DEPUTY_NAME,
  LIA_ACCOUNT_COLUMN_CONTACT_CADENCE_DAYS,  /* NULL: the segment's */
  LIA_ACCOUNT_COLUMN_MANAGER_ACTIVE,
  LIA_ACCOUNT_N_COLUMNS
} LiaAccountColumn;

typedef struct
{
  const char *number;
  const char *name;
  const char *segment_id;
  const char *service_plan_id;   /* NULL: none */
  const char *channel;
  const char *state;
  gint64      manager_id;        /* 0: none */
  gint64      contract_value;    /* minor units */
  const char *currency;
  const char *address;
  const char *notes;
  gint64      created_at;
  gint64      updated_at;
  gint64      last_verified_at;  /* 0: never */
  const char *unit_kind;         /* "company" or "site" */
  gint64      deputy_id;         /* 0: none */
  int         contact_cadence_days;  /* 0: the segment's */
} LiaAccountValues;

/* What the account list shows; every field left at 0/NULL means "any". */
typedef struct
{
  const char *search;            /* free text, matched as word prefixes */
  const char *segment_id;
  const char *state;
  gboolean    include_closed;    /* closed accounts are hidden unless asked for */
  gint64      manager_id;        /* -1: accounts with no manager */
  gint64      verified_before;   /* due for update: never verified, or before this */
  gboolean    needs_manager;     /* manager missing or deactivated */
} LiaAccountQuery;

/* Columns of history rows. */
enum
{
  LIA_HISTORY_COLUMN_ID,
  LIA_HISTORY_COLUMN_CHANGED_AT,
  LIA_HISTORY_COLUMN_ACTOR,
  LIA_HISTORY_COLUMN_FROM_STATE,
  LIA_HISTORY_COLUMN_TO_STATE,
  LIA_HISTORY_COLUMN_REASON,
};

/* Columns of audit rows. */
enum
{
  LIA_AUDIT_COLUMN_ID,
  LIA_AUDIT_COLUMN_ACCOUNT_ID,
  LIA_AUDIT_COLUMN_ENTITY,
  LIA_AUDIT_COLUMN_ENTITY_ID,
  LIA_AUDIT_COLUMN_FIELD,
  LIA_AUDIT_COLUMN_OLD_VALUE,
  LIA_AUDIT_COLUMN_NEW_VALUE,
  LIA_AUDIT_COLUMN_ACTOR,
  LIA_AUDIT_COLUMN_CHANGED_AT,
};

gboolean lia_account_store_insert         (LiaDatabase             *db,
                                           const LiaAccountValues  *values,
                                           gint64                  *out_id,
                                           GError                 **error);
gboolean lia_account_store_update         (LiaDatabase             *db,
                                           gint64                   id,
                                           const LiaAccountValues  *values,
                                           GError                 **error);
gboolean lia_account_store_set_state      (LiaDatabase             *db,
                                           gint64                   id,
                                           const char              *state,
                                           gint64                   updated_at,
                                           GError                 **error);
gboolean lia_account_store_set_verified   (LiaDatabase             *db,
                                           gint64                   id,
                                           gint64                   verified_at,
                                           GError                 **error);
gboolean lia_account_store_get            (LiaDatabase             *db,
                                           gint64                   id,
                                           LiaRowFunc               func,
                                           gpointer                 user_data,
                                           GError                 **error);
gboolean lia_account_store_get_by_number  (LiaDatabase             *db,
                                           const char              *number,
                                           LiaRowFunc               func,
                                           gpointer                 user_data,
                                           GError                 **error);
gboolean lia_account_store_any            (LiaDatabase             *db,
                                           gboolean                *out_any,
                                           GError                 **error);
gboolean lia_account_store_count          (LiaDatabase             *db,
                                           const LiaAccountQuery   *query,
                                           guint                   *out_count,
                                           GError                 **error);
gboolean lia_account_store_page           (LiaDatabase             *db,
                                           const LiaAccountQuery   *query,
                                           guint                    offset,
                                           const char              *after_name,
                                           gint64                   after_id,
                                           guint                    limit,
                                           LiaRowFunc               func,
                                           gpointer                 user_data,
                                           GError                 **error);
gboolean lia_account_store_position       (LiaDatabase             *db,
                                           const LiaAccountQuery   *query,
                                           gint64                   id,
                                           guint                   *out_position,
                                           GError                 **error);
gboolean lia_account_store_search         (LiaDatabase             *db,
                                           const char              *text,
                                           guint                    limit,
                                           LiaRowFunc               func,
                                           gpointer                 user_data,
                                           GError                 **error);
gboolean lia_account_store_search_is_capped (LiaDatabase           *db,
                                           const char              *text,
                                           gboolean                *out_capped,
                                           GError                 **error);
char    *lia_account_store_match_expression (const char            *text);

gboolean lia_account_store_add_history    (LiaDatabase             *db,
                                           gint64                   account_id,
                                           gint64                   changed_at,
                                           const char              *actor,
                                           const char              *from_state,
                                           const char              *to_state,
                                           const char              *reason,
                                           GError                 **error);
gboolean lia_account_store_history        (LiaDatabase             *db,
                                           gint64                   account_id,
                                           LiaRowFunc               func,
                                           gpointer                 user_data,
                                           GError                 **error);
gboolean lia_account_store_add_audit      (LiaDatabase             *db,
                                           gint64                   account_id,
                                           const char              *entity,
                                           gint64                   entity_id,
                                           const char              *field,
                                           const char              *old_value,
                                           const char              *new_value,
                                           const char              *actor,
                                           gint64                   changed_at,
                                           GError                 **error);
gboolean lia_account_store_audit          (LiaDatabase             *db,
                                           gint64                   account_id,
                                           LiaRowFunc               func,
                                           gpointer                 user_data,
                                           GError                 **error);

G_END_DECLS
