/* lia-account-store-private.h — the account row shape, for the store files
 * whose queries return accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Must list the columns in LiaAccountColumn order. */
#define LIA_ACCOUNT_COLUMNS \
  "a.id, a.number, a.name, a.segment_id, a.service_plan_id, a.channel, a.state," \
  " a.manager_id, s.name, a.contract_value, a.currency, a.address, a.notes," \
  " a.created_at, a.updated_at, a.last_verified_at, a.parent_id, a.unit_kind," \
  " a.deputy_id, d.name, a.contact_cadence_days, coalesce (s.active, 1)"
/* Every query returning account rows joins the manager as s, the deputy as d. */
#define LIA_ACCOUNT_STAFF_JOINS \
  " LEFT JOIN staff s ON s.id = a.manager_id LEFT JOIN staff d ON d.id = a.deputy_id"
#define LIA_ACCOUNT_FROM " FROM accounts a" LIA_ACCOUNT_STAFF_JOINS
