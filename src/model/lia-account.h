/* lia-account.h — a customer account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_ACCOUNT (lia_account_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccount, lia_account, LIA, ACCOUNT, GObject)

LiaAccount      *lia_account_new                  (void);
LiaAccount      *lia_account_copy                 (LiaAccount      *self);
gint64           lia_account_get_id               (LiaAccount      *self);
const char      *lia_account_get_number           (LiaAccount      *self);
void             lia_account_set_number           (LiaAccount      *self,
                                                   const char      *number);
const char      *lia_account_get_name             (LiaAccount      *self);
void             lia_account_set_name             (LiaAccount      *self,
                                                   const char      *name);
const char      *lia_account_get_segment_id       (LiaAccount      *self);
void             lia_account_set_segment_id       (LiaAccount      *self,
                                                   const char      *segment_id);
const char      *lia_account_get_service_plan_id  (LiaAccount      *self);
void             lia_account_set_service_plan_id  (LiaAccount      *self,
                                                   const char      *service_plan_id);
LiaChannel       lia_account_get_channel          (LiaAccount      *self);
void             lia_account_set_channel          (LiaAccount      *self,
                                                   LiaChannel       channel);
LiaAccountState  lia_account_get_state            (LiaAccount      *self);
gint64           lia_account_get_manager_id       (LiaAccount      *self);
void             lia_account_set_manager_id       (LiaAccount      *self,
                                                   gint64           manager_id);
const char      *lia_account_get_manager_name     (LiaAccount      *self);
gint64           lia_account_get_contract_value   (LiaAccount      *self);
void             lia_account_set_contract_value   (LiaAccount      *self,
                                                   gint64           minor_units);
const char      *lia_account_get_currency         (LiaAccount      *self);
void             lia_account_set_currency         (LiaAccount      *self,
                                                   const char      *currency);
const char      *lia_account_get_address          (LiaAccount      *self);
void             lia_account_set_address          (LiaAccount      *self,
                                                   const char      *address);
const char      *lia_account_get_notes            (LiaAccount      *self);
void             lia_account_set_notes            (LiaAccount      *self,
                                                   const char      *notes);
gint64           lia_account_get_created_at       (LiaAccount      *self);
gint64           lia_account_get_updated_at       (LiaAccount      *self);
gint64           lia_account_get_last_verified_at (LiaAccount      *self);
gint64           lia_account_get_parent_id        (LiaAccount      *self);
LiaUnitKind      lia_account_get_unit_kind        (LiaAccount      *self);
void             lia_account_set_unit_kind        (LiaAccount      *self,
                                                   LiaUnitKind      kind);
gint64           lia_account_get_deputy_id        (LiaAccount      *self);
void             lia_account_set_deputy_id        (LiaAccount      *self,
                                                   gint64           deputy_id);
const char      *lia_account_get_deputy_name      (LiaAccount      *self);
/* 0: the segment's cadence applies. */
guint            lia_account_get_contact_cadence_days (LiaAccount  *self);
void             lia_account_set_contact_cadence_days (LiaAccount  *self,
                                                   guint            days);
/* FALSE when the manager has been deactivated and the account needs a new one. */
gboolean         lia_account_get_manager_active   (LiaAccount      *self);
gboolean         lia_account_is_due_for_update    (LiaAccount      *self,
                                                   gint64           now,
                                                   guint            max_age_days);
char            *lia_account_format_contract_value (LiaAccount     *self);

G_END_DECLS
