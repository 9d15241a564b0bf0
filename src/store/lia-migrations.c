/* lia-migrations.c — schema steps, one transaction each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-migrations"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-database-private.h"

/* Never edit a step that has shipped: files in the field were built by it.
 * Add a new step and bump LIA_SCHEMA_VERSION instead. */

/* Version 1: accounts with their segment, plan, manager, contacts,
 * inquiries, lifecycle history and audit trail. Times are Unix seconds
 * (UTC); money is integer minor units plus an ISO 4217 code. */
static const char schema_v1[] =
  "CREATE TABLE segments ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO segments (id, name, position) VALUES"
  "  ('individual', 'Individual', 0),"
  "  ('small-business', 'Small business', 1),"
  "  ('corporate', 'Corporate', 2),"
  "  ('key-account', 'Key account', 3),"
  "  ('public-sector', 'Public sector', 4);"

  "CREATE TABLE service_plans ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO service_plans (id, name, position) VALUES"
  "  ('basic', 'Basic', 0),"
  "  ('standard', 'Standard', 1),"
  "  ('premium', 'Premium', 2),"
  "  ('enterprise', 'Enterprise', 3);"

  "CREATE TABLE staff ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT 'account-manager'"
  "    CHECK (role IN ('account-manager', 'engineer', 'other')),"
  "  email TEXT NOT NULL DEFAULT '',"
  "  active INTEGER NOT NULL DEFAULT 1);"
  "CREATE INDEX staff_name ON staff (name COLLATE NOCASE);"

  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  segment_id TEXT NOT NULL REFERENCES segments (id),"
  "  service_plan_id TEXT REFERENCES service_plans (id),"
  "  channel TEXT NOT NULL DEFAULT 'direct'"
  "    CHECK (channel IN ('direct', 'partner', 'online', 'phone')),"
  "  state TEXT NOT NULL DEFAULT 'prospect'"
  "    CHECK (state IN ('prospect', 'opening', 'active', 'dormant', 'closing', 'closed')),"
  "  manager_id INTEGER REFERENCES staff (id),"
  "  contract_value INTEGER NOT NULL DEFAULT 0,"
  "  currency TEXT NOT NULL DEFAULT 'EUR',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  last_verified_at INTEGER);"
  /* The list is sorted by name; (name, id) makes keyset paging exact, and
   * the filter columns make counting and OFFSET jumps index-only. */
  "CREATE INDEX accounts_name ON accounts"
  "  (name COLLATE NOCASE, id, state, segment_id, manager_id, last_verified_at);"
  "CREATE INDEX accounts_state_name ON accounts (state, name COLLATE NOCASE, id);"
  "CREATE INDEX accounts_segment ON accounts (segment_id);"
  "CREATE INDEX accounts_manager ON accounts (manager_id);"
  "CREATE INDEX accounts_verified ON accounts (last_verified_at);"

  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  preferred_channel TEXT NOT NULL DEFAULT 'email'"
  "    CHECK (preferred_channel IN ('email', 'phone', 'visit', 'letter')),"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX contacts_account ON contacts (account_id);"

  "CREATE TABLE inquiries ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  asked_at INTEGER NOT NULL,"
  "  channel TEXT NOT NULL DEFAULT 'phone'"
  "    CHECK (channel IN ('phone', 'email', 'visit', 'portal', 'meeting')),"
  "  question TEXT NOT NULL,"
  "  advice TEXT NOT NULL DEFAULT '',"
  "  staff_id INTEGER REFERENCES staff (id));"
  "CREATE INDEX inquiries_account ON inquiries (account_id, asked_at);"

  "CREATE TABLE lifecycle_history ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  changed_at INTEGER NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  from_state TEXT,"
  "  to_state TEXT NOT NULL,"
  "  reason TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX lifecycle_history_account ON lifecycle_history (account_id, changed_at);"

  /* No foreign key: the trail must outlive what it describes. */
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  actor TEXT NOT NULL,"
  "  changed_at INTEGER NOT NULL);"
  "CREATE INDEX audit_log_account ON audit_log (account_id, changed_at);"
  /* Append-only, whatever code path tries otherwise. */
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"
  "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;";

/* Version 2: full-text search over account name, number, contacts and
 * notes. One FTS row per account (rowid = account id), kept in sync by
 * triggers; prefix indexes make 1–3 letter type-ahead cheap. */
static const char schema_v2[] =
  "CREATE VIRTUAL TABLE account_fts USING fts5 ("
  "  name, number, contacts, notes,"
  "  prefix = '1 2 3',"
  "  tokenize = 'unicode61 remove_diacritics 2');"

  "INSERT INTO account_fts (rowid, name, number, contacts, notes)"
  "  SELECT a.id, a.name, a.number,"
  "    coalesce ((SELECT group_concat (c.name || ' ' || c.email, ' ')"
  "               FROM contacts c WHERE c.account_id = a.id), ''),"
  "    a.notes"
  "  FROM accounts a;"

  "CREATE TRIGGER accounts_fts_insert AFTER INSERT ON accounts BEGIN"
  "  INSERT INTO account_fts (rowid, name, number, contacts, notes)"
  "    VALUES (new.id, new.name, new.number, '', new.notes);"
  "END;"
  "CREATE TRIGGER accounts_fts_update AFTER UPDATE OF name, number, notes ON accounts BEGIN"
  "  UPDATE account_fts SET name = new.name, number = new.number, notes = new.notes"
  "    WHERE rowid = new.id;"
  "END;"
  "CREATE TRIGGER accounts_fts_delete AFTER DELETE ON accounts BEGIN"
  "  DELETE FROM account_fts WHERE rowid = old.id;"
  "END;"

  "CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN"
  "  UPDATE account_fts SET contacts ="
  "    (SELECT group_concat (name || ' ' || email, ' ') FROM contacts WHERE account_id = new.account_id)"
  "    WHERE rowid = new.account_id;"
  "END;"
  "CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, email, account_id ON contacts BEGIN"
  "  UPDATE account_fts SET contacts = coalesce ("
  "    (SELECT group_concat (name || ' ' || email, ' ') FROM contacts WHERE account_id = old.account_id), '')"
  "    WHERE rowid = old.account_id;"
  "  UPDATE account_fts SET contacts ="
  "    (SELECT group_concat (name || ' ' || email, ' ') FROM contacts WHERE account_id = new.account_id)"
  "    WHERE rowid = new.account_id;"
  "END;"
  "CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN"
  "  UPDATE account_fts SET contacts = coalesce ("
  "    (SELECT group_concat (name || ' ' || email, ' ') FROM contacts WHERE account_id = old.account_id), '')"
  "    WHERE rowid = old.account_id;"
  "END;";

/* Version 3: corporate portfolios (a parent account with subsidiaries
 * and sites, any depth), a deputy manager, contact cadence per segment and
 * per account, a log of contacts made, dated notes on preferences and
 * anticipated needs, and contacts' employment history.
 *
 * Three columns are kept for speed: root_id, the top of the account's
 * group (itself when it stands alone), rewritten for a moved subtree by
 * the store; last_contact_at, kept by triggers on contact_log; and on a
 * group's top account group_last_contact_at, the latest contact anywhere
 * in the group, kept by the same triggers and by moves. Group roll-ups
 * and contact coverage then read an index instead of walking the tree. */
static const char schema_v3[] =
  "ALTER TABLE accounts ADD COLUMN parent_id INTEGER REFERENCES accounts (id);"
  "ALTER TABLE accounts ADD COLUMN root_id INTEGER;"
  "ALTER TABLE accounts ADD COLUMN unit_kind TEXT NOT NULL DEFAULT 'company'"
  "  CHECK (unit_kind IN ('company', 'site'));"
  "ALTER TABLE accounts ADD COLUMN deputy_id INTEGER REFERENCES staff (id);"
  /* NULL: the segment's cadence. */
  "ALTER TABLE accounts ADD COLUMN contact_cadence_days INTEGER"
  "  CHECK (contact_cadence_days IS NULL OR contact_cadence_days > 0);"
  "ALTER TABLE accounts ADD COLUMN last_contact_at INTEGER;"
  /* On a group's top account: the latest contact anywhere in the group. */
  "ALTER TABLE accounts ADD COLUMN group_last_contact_at INTEGER;"
  "UPDATE accounts SET root_id = id;"
  "CREATE TRIGGER accounts_root_insert AFTER INSERT ON accounts WHEN new.root_id IS NULL BEGIN"
  "  UPDATE accounts SET root_id = new.id WHERE id = new.id;"
  "END;"

  /* Accounts per state, kept by triggers: the unfiltered list's length
   * without counting 100,000 index entries before the first frame. */
  "CREATE TABLE account_state_counts ("
  "  state TEXT PRIMARY KEY,"
  "  n INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
  "INSERT INTO account_state_counts (state, n)"
  "  SELECT s.state, (SELECT count (*) FROM accounts a WHERE a.state = s.state)"
  "  FROM (SELECT 'prospect' AS state UNION ALL SELECT 'opening' UNION ALL SELECT 'active'"
  "        UNION ALL SELECT 'dormant' UNION ALL SELECT 'closing' UNION ALL SELECT 'closed') s;"
  "CREATE TRIGGER accounts_count_insert AFTER INSERT ON accounts BEGIN"
  "  UPDATE account_state_counts SET n = n + 1 WHERE state = new.state;"
  "END;"
  "CREATE TRIGGER accounts_count_delete AFTER DELETE ON accounts BEGIN"
  "  UPDATE account_state_counts SET n = n - 1 WHERE state = old.state;"
  "END;"
  "CREATE TRIGGER accounts_count_update AFTER UPDATE OF state ON accounts"
  "  WHEN new.state <> old.state BEGIN"
  "  UPDATE account_state_counts SET n = n - 1 WHERE state = old.state;"
  "  UPDATE account_state_counts SET n = n + 1 WHERE state = new.state;"
  "END;"

  "CREATE INDEX accounts_parent ON accounts (parent_id, root_id);"
  "CREATE INDEX accounts_root ON accounts"
  "  (root_id, state, contract_value, currency, last_contact_at);"
  "DROP INDEX accounts_manager;"
  "CREATE INDEX accounts_manager ON accounts"
  "  (manager_id, state, segment_id, contract_value, parent_id, currency);"
  "DROP INDEX accounts_segment;"
  "CREATE INDEX accounts_segment ON accounts"
  "  (segment_id, parent_id, state, contact_cadence_days, group_last_contact_at, created_at);"
  "CREATE INDEX accounts_own_cadence ON accounts (contact_cadence_days)"
  "  WHERE contact_cadence_days IS NOT NULL;"

  "ALTER TABLE segments ADD COLUMN contact_cadence_days INTEGER"
  "  CHECK (contact_cadence_days IS NULL OR contact_cadence_days > 0);"
  "ALTER TABLE segments ADD COLUMN requires_manager INTEGER NOT NULL DEFAULT 0;"
  "UPDATE segments SET contact_cadence_days = 30, requires_manager = 1 WHERE id = 'key-account';"
  "UPDATE segments SET contact_cadence_days = 60, requires_manager = 1 WHERE id = 'corporate';"

  "CREATE TABLE contact_log ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'email')),"
  "  happened_at INTEGER NOT NULL,"
  "  staff_id INTEGER REFERENCES staff (id),"
  "  notes TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX contact_log_account ON contact_log (account_id, happened_at);"
  "CREATE TRIGGER contact_log_insert AFTER INSERT ON contact_log BEGIN"
  "  UPDATE accounts SET last_contact_at = max (coalesce (last_contact_at, 0), new.happened_at)"
  "    WHERE id = new.account_id;"
  "  UPDATE accounts SET group_last_contact_at ="
  "    max (coalesce (group_last_contact_at, 0), new.happened_at)"
  "    WHERE id = (SELECT root_id FROM accounts WHERE id = new.account_id);"
  "END;"
  "CREATE TRIGGER contact_log_delete AFTER DELETE ON contact_log BEGIN"
  "  UPDATE accounts SET last_contact_at ="
  "    (SELECT max (happened_at) FROM contact_log WHERE account_id = old.account_id)"
  "    WHERE id = old.account_id;"
  "  UPDATE accounts SET group_last_contact_at ="
  "    (SELECT max (m.last_contact_at) FROM accounts m WHERE m.root_id = accounts.id)"
  "    WHERE id = (SELECT root_id FROM accounts WHERE id = old.account_id);"
  "END;"
  "CREATE TRIGGER contact_log_update AFTER UPDATE OF account_id, happened_at ON contact_log BEGIN"
  "  UPDATE accounts SET last_contact_at ="
  "    (SELECT max (happened_at) FROM contact_log WHERE account_id = accounts.id)"
  "    WHERE id IN (old.account_id, new.account_id);"
  "  UPDATE accounts SET group_last_contact_at ="
  "    (SELECT max (m.last_contact_at) FROM accounts m WHERE m.root_id = accounts.id)"
  "    WHERE id IN (SELECT root_id FROM accounts WHERE id IN (old.account_id, new.account_id));"
  "END;"

  "CREATE TABLE account_notes ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  noted_at INTEGER NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'preference'"
  "    CHECK (kind IN ('preference', 'anticipated-need')),"
  "  body TEXT NOT NULL,"
  "  author TEXT NOT NULL);"
  "CREATE INDEX account_notes_account ON account_notes (account_id, noted_at);"

  /* INSERT OR REPLACE deletes without firing DELETE triggers: refuse
   * any insert that would land on an existing audit line. */
  "CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log"
  "  WHEN new.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = new.id)"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;"

  "ALTER TABLE contacts ADD COLUMN key_contact INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE inquiries ADD COLUMN contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL;"
  /* Where a contact worked when: past inquiries and events stay with the
   * employer of the time when a contact moves on. */
  "CREATE TABLE contact_employments ("
  "  id INTEGER PRIMARY KEY,"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  started_at INTEGER NOT NULL,"
  "  ended_at INTEGER);"
  "CREATE INDEX contact_employments_contact ON contact_employments (contact_id, started_at);"
  "INSERT INTO contact_employments (contact_id, account_id, role, started_at)"
  "  SELECT id, account_id, role, created_at FROM contacts;"
  /* Moves are written by the store with the caller's clock; a new
   * contact's first employment needs no code path to remember it. */
  "CREATE TRIGGER contacts_employment_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contact_employments (contact_id, account_id, role, started_at)"
  "    VALUES (new.id, new.account_id, new.role, new.created_at);"
  "END;";

/* Version 4: maintenance events, outsourced vendors and SLA targets.
 *
 * One events table holds every maintenance-related event: incidents,
 * scheduled work, requests, proposals, customer inquiries and contacts
 * made (call, visit, email). The v3 contact_log and the v1 inquiries
 * move into it, so the timeline, the portfolio roll-ups and contact
 * coverage read one source of truth.
 *
 * Each event keeps the SLA targets and business hours of its account's
 * plan as they were when it opened, and four instants the model
 * recomputes on every change (lia-sla.c): when the response and the
 * resolution clock are or will be breached, the first of them, and when
 * a running clock falls at risk. SQL can then filter and count SLA
 * states at any "now" without knowing about business hours. */
static const char schema_v4[] =
  "ALTER TABLE service_plans ADD COLUMN business_hours TEXT;"
  "UPDATE service_plans SET business_hours = 'tz=Europe/Berlin;mon-fri=08:00-18:00'"
  "  WHERE id IN ('basic', 'standard');"

  /* Hours in the preferences, seconds here like every other duration. */
  "CREATE TABLE sla_targets ("
  "  plan_id TEXT NOT NULL REFERENCES service_plans (id) ON DELETE CASCADE,"
  "  severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),"
  "  response_secs INTEGER NOT NULL CHECK (response_secs > 0),"
  "  resolution_secs INTEGER NOT NULL CHECK (resolution_secs >= response_secs),"
  "  PRIMARY KEY (plan_id, severity)) WITHOUT ROWID;"
  "INSERT INTO sla_targets (plan_id, severity, response_secs, resolution_secs)"
  "  SELECT p.id, t.severity, t.response * 3600, t.resolution * 3600"
  "  FROM service_plans p JOIN ("
  "    SELECT 'basic' AS plan, 'critical' AS severity, 8 AS response, 40 AS resolution"
  "    UNION ALL SELECT 'basic', 'high', 16, 80"
  "    UNION ALL SELECT 'basic', 'medium', 24, 120"
  "    UNION ALL SELECT 'basic', 'low', 40, 200"
  "    UNION ALL SELECT 'standard', 'critical', 4, 24"
  "    UNION ALL SELECT 'standard', 'high', 8, 40"
  "    UNION ALL SELECT 'standard', 'medium', 16, 80"
  "    UNION ALL SELECT 'standard', 'low', 24, 120"
  "    UNION ALL SELECT 'premium', 'critical', 1, 8"
  "    UNION ALL SELECT 'premium', 'high', 2, 24"
  "    UNION ALL SELECT 'premium', 'medium', 8, 48"
  "    UNION ALL SELECT 'premium', 'low', 24, 96"
  "    UNION ALL SELECT 'enterprise', 'critical', 1, 4"
  "    UNION ALL SELECT 'enterprise', 'high', 1, 12"
  "    UNION ALL SELECT 'enterprise', 'medium', 4, 24"
  "    UNION ALL SELECT 'enterprise', 'low', 8, 72) t ON t.plan = p.id;"

  "CREATE TABLE vendors ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  contact_name TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  /* The plan whose targets they signed up to; NULL: each customer's own. */
  "  sla_plan_id TEXT REFERENCES service_plans (id),"
  "  active INTEGER NOT NULL DEFAULT 1);"
  "CREATE UNIQUE INDEX vendors_name ON vendors (name COLLATE NOCASE);"

  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('incident', 'maintenance', 'request', 'proposal',"
  "    'inquiry', 'call', 'visit', 'email')),"
  "  summary TEXT NOT NULL,"
  "  details TEXT NOT NULL DEFAULT '',"
  "  severity TEXT CHECK (severity IN ('critical', 'high', 'medium', 'low')),"
  "  status TEXT NOT NULL DEFAULT 'open'"
  "    CHECK (status IN ('open', 'in-progress', 'waiting', 'resolved', 'closed')),"
  "  source TEXT NOT NULL DEFAULT 'phone'"
  "    CHECK (source IN ('phone', 'email', 'portal', 'meeting', 'visit')),"
  "  opened_at INTEGER NOT NULL,"
  "  responded_at INTEGER,"
  "  resolved_at INTEGER,"
  "  staff_id INTEGER REFERENCES staff (id),"
  "  vendor_id INTEGER REFERENCES vendors (id),"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  response_target INTEGER,"
  "  resolution_target INTEGER,"
  "  business_hours TEXT,"
  "  response_breach_at INTEGER,"
  "  resolution_breach_at INTEGER,"
  "  breach_at INTEGER,"
  "  risk_at INTEGER,"
  "  CHECK (staff_id IS NULL OR vendor_id IS NULL),"
  "  CHECK (responded_at IS NULL OR responded_at >= opened_at),"
  "  CHECK (resolved_at IS NULL OR resolved_at >= opened_at),"
  "  CHECK (responded_at IS NULL OR resolved_at IS NULL OR responded_at <= resolved_at));"

  /* The timeline pages by (time, id) newest first, overall or filtered
   * by one column; each of these serves one filter in that order. */
  "CREATE INDEX events_time ON events (opened_at, id);"
  "CREATE INDEX events_account ON events (account_id, opened_at, id);"
  "CREATE INDEX events_kind ON events (kind, opened_at, id);"
  "CREATE INDEX events_status ON events (status, opened_at, id);"
  "CREATE INDEX events_staff ON events (staff_id, opened_at, id) WHERE staff_id IS NOT NULL;"
  "CREATE INDEX events_vendor ON events (vendor_id, opened_at, id) WHERE vendor_id IS NOT NULL;"
  /* Roll-ups: open events and SLA breaches per account. */
  "CREATE INDEX events_open ON events (account_id, status)"
  "  WHERE status IN ('open', 'in-progress', 'waiting');"
  "CREATE INDEX events_breach ON events (account_id, breach_at) WHERE breach_at IS NOT NULL;"

  /* A contact's notes are its details: the kind says what happened. */
  "INSERT INTO events (account_id, kind, summary, details, status, source, opened_at,"
  "                    resolved_at, staff_id, contact_id)"
  "  SELECT account_id, kind, '', notes, 'closed',"
  "    CASE kind WHEN 'call' THEN 'phone' WHEN 'email' THEN 'email' ELSE 'visit' END,"
  "    happened_at, happened_at, staff_id, contact_id"
  "  FROM contact_log ORDER BY happened_at, id;"
  "INSERT INTO events (account_id, kind, summary, details, status, source, opened_at,"
  "                    resolved_at, staff_id, contact_id)"
  /* An inquiry was recorded once handled: resolved when asked. */
  "  SELECT account_id, 'inquiry', question, advice, 'resolved',"
  "    channel, asked_at, asked_at, staff_id, contact_id"
  "  FROM inquiries ORDER BY asked_at, id;"
  "DROP TABLE contact_log;"
  "DROP TABLE inquiries;"

  /* The same bookkeeping the contact log had, now on contact events. */
  "CREATE TRIGGER events_contact_insert AFTER INSERT ON events"
  "  WHEN new.kind IN ('call', 'visit', 'email') BEGIN"
  "  UPDATE accounts SET last_contact_at = max (coalesce (last_contact_at, 0), new.opened_at)"
  "    WHERE id = new.account_id;"
  "  UPDATE accounts SET group_last_contact_at ="
  "    max (coalesce (group_last_contact_at, 0), new.opened_at)"
  "    WHERE id = (SELECT root_id FROM accounts WHERE id = new.account_id);"
  "END;"
  "CREATE TRIGGER events_contact_delete AFTER DELETE ON events"
  "  WHEN old.kind IN ('call', 'visit', 'email') BEGIN"
  "  UPDATE accounts SET last_contact_at ="
  "    (SELECT max (opened_at) FROM events"
  "     WHERE account_id = old.account_id AND kind IN ('call', 'visit', 'email'))"
  "    WHERE id = old.account_id;"
  "  UPDATE accounts SET group_last_contact_at ="
  "    (SELECT max (m.last_contact_at) FROM accounts m WHERE m.root_id = accounts.id)"
  "    WHERE id = (SELECT root_id FROM accounts WHERE id = old.account_id);"
  "END;"
  "CREATE TRIGGER events_contact_update AFTER UPDATE OF account_id, opened_at, kind ON events"
  "  WHEN old.kind IN ('call', 'visit', 'email') OR new.kind IN ('call', 'visit', 'email') BEGIN"
  "  UPDATE accounts SET last_contact_at ="
  "    (SELECT max (opened_at) FROM events"
  "     WHERE account_id = accounts.id AND kind IN ('call', 'visit', 'email'))"
  "    WHERE id IN (old.account_id, new.account_id);"
  "  UPDATE accounts SET group_last_contact_at ="
  "    (SELECT max (m.last_contact_at) FROM accounts m WHERE m.root_id = accounts.id)"
  "    WHERE id IN (SELECT root_id FROM accounts WHERE id IN (old.account_id, new.account_id));"
  "END;"
  /* Contacts' latest event per account, for the trigger above. */
  "CREATE INDEX events_contact_time ON events (account_id, opened_at)"
  "  WHERE kind IN ('call', 'visit', 'email');"

  /* Every status an event went through, written by the model with its
   * clock and actor; the account is repeated so an account's or a
   * portfolio's timeline reads one index. */
  "CREATE TABLE event_status_history ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  account_id INTEGER NOT NULL,"
  "  changed_at INTEGER NOT NULL,"
  "  from_status TEXT,"
  "  to_status TEXT NOT NULL,"
  "  actor TEXT NOT NULL);"
  "CREATE INDEX event_status_history_event ON event_status_history (event_id, changed_at, id);"
  "CREATE INDEX event_status_history_time ON event_status_history (changed_at, id);"
  "CREATE INDEX event_status_history_account ON event_status_history"
  "  (account_id, changed_at, id);"
  "INSERT INTO event_status_history (event_id, account_id, changed_at, from_status, to_status, actor)"
  "  SELECT id, account_id, opened_at, NULL, status, 'migration' FROM events;"
  "CREATE TRIGGER events_history_account AFTER UPDATE OF account_id ON events BEGIN"
  "  UPDATE event_status_history SET account_id = new.account_id WHERE event_id = new.id;"
  "END;"

  /* The system lane of the timeline pages these by time as well. */
  "CREATE INDEX audit_log_time ON audit_log (changed_at, id);"
  "CREATE INDEX account_notes_time ON account_notes (noted_at, id);"

  "CREATE VIRTUAL TABLE event_fts USING fts5 ("
  "  summary, details,"
  "  content = 'events', content_rowid = 'id',"
  "  prefix = '2 3',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "INSERT INTO event_fts (event_fts) VALUES ('rebuild');"
  "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN"
  "  INSERT INTO event_fts (rowid, summary, details) VALUES (new.id, new.summary, new.details);"
  "END;"
  "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN"
  "  INSERT INTO event_fts (event_fts, rowid, summary, details)"
  "    VALUES ('delete', old.id, old.summary, old.details);"
  "END;"
  "CREATE TRIGGER events_fts_update AFTER UPDATE OF summary, details ON events BEGIN"
  "  INSERT INTO event_fts (event_fts, rowid, summary, details)"
  "    VALUES ('delete', old.id, old.summary, old.details);"
  "  INSERT INTO event_fts (rowid, summary, details) VALUES (new.id, new.summary, new.details);"
  "END;";

/* Version 5: review meetings with recurrence, their exceptions and
 * attendees, follow-ups, and review cadence per segment.
 *
 * A meeting row is a series (or a single meeting): its first start and
 * end in UTC seconds, the time zone its recurrence counts in, and the
 * RRULE text as iCalendar writes it. libical expands occurrences in the
 * model; the store only narrows by range: until_at is the start of the
 * series' last occurrence (NULL: it never ends), so a month's query
 * reads the series that can have an occurrence in it. An occurrence
 * moved, cancelled or minuted on its own is a row of
 * meeting_occurrences keyed by its original start (RECURRENCE-ID).
 * A single meeting's until_at is its start, so it is read only by the
 * ranges it starts in; a series reads the partial index of series.
 * A held meeting or occurrence names the contact event it recorded
 * (contact_event_id), so taking "held" back removes that contact. */
#define MEETINGS_SHOWN                                                         \
  "starts_at, until_at, account_id, for_portfolio, title, ends_at, tzid,"      \
  " all_day, location, rrule, is_review, status"

static const char schema_v5[] =
  "CREATE TABLE meetings ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  /* For the whole portfolio below the account, not the account alone. */
  "  for_portfolio INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  starts_at INTEGER NOT NULL,"
  "  ends_at INTEGER NOT NULL CHECK (ends_at >= starts_at),"
  "  tzid TEXT NOT NULL DEFAULT 'UTC',"
  "  all_day INTEGER NOT NULL DEFAULT 0,"
  "  location TEXT NOT NULL DEFAULT '',"
  "  rrule TEXT,"
  "  until_at INTEGER,"
  "  is_review INTEGER NOT NULL DEFAULT 1,"
  "  agenda TEXT NOT NULL DEFAULT '',"
  "  minutes TEXT NOT NULL DEFAULT '',"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  rating INTEGER CHECK (rating BETWEEN 1 AND 5),"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),"
  "  organizer_id INTEGER REFERENCES staff (id),"
  "  sequence INTEGER NOT NULL DEFAULT 0,"
  "  contact_event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  /* Single meetings and series by start, each index holding what a
   * calendar shows of them (lia-meeting-store.c's RANGE_COLUMNS): a month
   * reads thousands of meetings from a few pages of each, and no row. */
  "CREATE INDEX meetings_range ON meetings (" MEETINGS_SHOWN ") WHERE rrule IS NULL;"
  "CREATE INDEX meetings_series ON meetings (" MEETINGS_SHOWN ") WHERE rrule IS NOT NULL;"
  "CREATE INDEX meetings_account ON meetings (account_id, starts_at);"
  /* The account names a calendar shows, a few pages instead of an
   * account row each. */
  "CREATE INDEX accounts_names ON accounts (id, name);"

  "CREATE TABLE meeting_occurrences ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  recurrence_id INTEGER NOT NULL,"
  /* NULL: as the series says. */
  "  starts_at INTEGER,"
  "  ends_at INTEGER,"
  "  cancelled INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT,"
  "  location TEXT,"
  "  agenda TEXT,"
  "  minutes TEXT,"
  "  outcome TEXT,"
  "  rating INTEGER CHECK (rating BETWEEN 1 AND 5),"
  "  status TEXT CHECK (status IN ('planned', 'held', 'cancelled')),"
  "  contact_event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,"
  "  UNIQUE (meeting_id, recurrence_id));"
  "CREATE INDEX meeting_occurrences_moved ON meeting_occurrences (starts_at)"
  "  WHERE starts_at IS NOT NULL;"
  "CREATE INDEX meeting_occurrences_recurrence ON meeting_occurrences (recurrence_id);"

  "CREATE TABLE meeting_attendees ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
  "  contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,"
  "  staff_id INTEGER REFERENCES staff (id),"
  "  name TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX meeting_attendees_meeting ON meeting_attendees (meeting_id);"
  "CREATE INDEX meeting_attendees_contact ON meeting_attendees (contact_id)"
  "  WHERE contact_id IS NOT NULL;"
  "CREATE INDEX meeting_attendees_staff ON meeting_attendees (staff_id)"
  "  WHERE staff_id IS NOT NULL;"
  /* name and email: the attendee's own, or a copy of the contact's or
   * staff member's (as lia-meeting-store.c's ATTENDEE_SELECT picks them),
   * kept here so an export of every meeting reads no contact row. An
   * attendee whose contact is deleted keeps the copy. */
  "CREATE TRIGGER meeting_attendees_contact_copy AFTER UPDATE OF name, email ON contacts"
  " BEGIN"
  "  UPDATE meeting_attendees SET name = new.name,"
  "    email = coalesce (nullif (new.email, ''),"
  "                      (SELECT nullif (s.email, '') FROM staff s WHERE s.id = staff_id), '')"
  "  WHERE contact_id = new.id;"
  " END;"
  "CREATE TRIGGER meeting_attendees_staff_copy AFTER UPDATE OF name, email ON staff"
  " BEGIN"
  "  UPDATE meeting_attendees SET"
  "    name = coalesce ((SELECT c.name FROM contacts c WHERE c.id = contact_id), new.name),"
  "    email = coalesce ((SELECT nullif (c.email, '') FROM contacts c WHERE c.id = contact_id),"
  "                      nullif (new.email, ''), '')"
  "  WHERE staff_id = new.id;"
  " END;"

  /* Due on a local calendar day: overdue from the next local midnight. */
  "CREATE TABLE follow_ups ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,"
  "  occurrence_at INTEGER,"
  "  event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,"
  "  summary TEXT NOT NULL,"
  "  owner_id INTEGER REFERENCES staff (id),"
  "  due_date TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),"
  "  done_at INTEGER,"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX follow_ups_open ON follow_ups (due_date, owner_id) WHERE status = 'open';"
  "CREATE INDEX follow_ups_account ON follow_ups (account_id, status, due_date);"
  "CREATE INDEX follow_ups_owner ON follow_ups (owner_id, status, due_date);"
  "CREATE INDEX follow_ups_meeting ON follow_ups (meeting_id, occurrence_at);"
  "CREATE INDEX follow_ups_event ON follow_ups (event_id) WHERE event_id IS NOT NULL;"

  /* NULL: no periodic review expected. */
  "ALTER TABLE segments ADD COLUMN review_cadence_days INTEGER"
  "  CHECK (review_cadence_days IS NULL OR review_cadence_days > 0);"
  "UPDATE segments SET review_cadence_days = 91 WHERE id = 'key-account';"
  "UPDATE segments SET review_cadence_days = 182 WHERE id = 'corporate';"
  /* The last review held and the next one planned (from the account's
   * own meetings), kept by the model: recurrence is not SQL's to expand.
   * A next_review_at already past is refreshed before roll-ups. */
  "ALTER TABLE accounts ADD COLUMN last_review_at INTEGER;"
  "ALTER TABLE accounts ADD COLUMN next_review_at INTEGER;"
  "CREATE INDEX accounts_next_review ON accounts (next_review_at)"
  "  WHERE next_review_at IS NOT NULL;";

/* Version 6: credentials' metadata, classified fields and the book's
 * identity for the keyring.
 *
 * Secrets themselves never come here: a credential's password or token is
 * an item of the system keyring, keyed by the credential's id. Classified
 * fields (tax id, bank details, personal phone, private notes, …) live in
 * field_values, as plain text or, when their field is confidential, only
 * as AES-256-GCM ciphertext sealed by src/secrets with the entity, field
 * and row bound as associated data. Neither is indexed for full-text
 * search. */
static const char schema_v6[] =
  /* One row. book_id names this book's items in the keyring (set by the
   * model on first open); data_key_check proves a key is this book's, so a
   * lost key is reported instead of silently replaced. */
  "CREATE TABLE book_meta ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  book_id TEXT,"
  "  data_key_check TEXT);"
  "INSERT INTO book_meta (id) VALUES (1);"

  "CREATE TABLE credentials ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  label TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'portal'"
  "    CHECK (kind IN ('portal', 'vpn', 'api-token', 'remote-access', 'other')),"
  "  username TEXT NOT NULL DEFAULT '',"
  "  url TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  rotated_at INTEGER,"
  "  rotation_days INTEGER CHECK (rotation_days IS NULL OR rotation_days > 0),"
  /* When the secret is due to be replaced; NULL: no rotation period. */
  "  rotate_by INTEGER GENERATED ALWAYS AS"
  "    (coalesce (rotated_at, created_at) + rotation_days * 86400) VIRTUAL);"
  "CREATE INDEX credentials_account ON credentials (account_id, label COLLATE NOCASE);"
  "CREATE INDEX credentials_rotate_by ON credentials (rotate_by)"
  "  WHERE rotation_days IS NOT NULL;"

  /* Which fields exist and how sensitive each is: data, editable in the
   * preferences. Changing a level re-seals or opens every value of the
   * field in one transaction (the model does it; it holds the key). */
  "CREATE TABLE field_classes ("
  "  entity TEXT NOT NULL CHECK (entity IN ('account', 'contact')),"
  "  field TEXT NOT NULL,"
  "  level TEXT NOT NULL CHECK (level IN ('public', 'internal', 'confidential')),"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (entity, field)) WITHOUT ROWID;"
  "INSERT INTO field_classes (entity, field, level, position) VALUES"
  "  ('account', 'registration_number', 'public', 0),"
  "  ('account', 'billing_address', 'internal', 1),"
  "  ('account', 'tax_id', 'confidential', 2),"
  "  ('account', 'bank_details', 'confidential', 3),"
  "  ('account', 'private_notes', 'confidential', 4),"
  "  ('contact', 'personal_email', 'internal', 0),"
  "  ('contact', 'personal_phone', 'confidential', 1),"
  "  ('contact', 'private_notes', 'confidential', 2);"

  /* Exactly one of plain and sealed: a confidential value is never also
   * kept in clear. */
  "CREATE TABLE field_values ("
  "  entity TEXT NOT NULL,"
  "  row_id INTEGER NOT NULL,"
  "  field TEXT NOT NULL,"
  "  plain TEXT,"
  "  sealed BLOB,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK ((plain IS NULL) <> (sealed IS NULL)),"
  "  PRIMARY KEY (entity, row_id, field),"
  "  FOREIGN KEY (entity, field) REFERENCES field_classes (entity, field)) WITHOUT ROWID;"
  "CREATE INDEX field_values_field ON field_values (entity, field);"
  /* Text in clear where a confidential value belongs would be shown as
   * if it were the value: whatever writes the file, a confidential
   * field holds ciphertext only. A level changes to confidential once
   * the values are sealed, and away from it before they are opened. */
  "CREATE TRIGGER field_values_sealed_insert BEFORE INSERT ON field_values"
  "  WHEN new.plain IS NOT NULL AND EXISTS (SELECT 1 FROM field_classes c"
  "    WHERE c.entity = new.entity AND c.field = new.field AND c.level = 'confidential')"
  "  BEGIN SELECT RAISE (ABORT, 'a confidential value is stored sealed only'); END;"
  "CREATE TRIGGER field_values_sealed_update BEFORE UPDATE ON field_values"
  "  WHEN new.plain IS NOT NULL AND EXISTS (SELECT 1 FROM field_classes c"
  "    WHERE c.entity = new.entity AND c.field = new.field AND c.level = 'confidential')"
  "  BEGIN SELECT RAISE (ABORT, 'a confidential value is stored sealed only'); END;"
  "CREATE TRIGGER field_classes_sealed_insert BEFORE INSERT ON field_classes"
  "  WHEN new.level = 'confidential' AND EXISTS (SELECT 1 FROM field_values v"
  "    WHERE v.entity = new.entity AND v.field = new.field AND v.plain IS NOT NULL)"
  "  BEGIN SELECT RAISE (ABORT, 'a confidential value is stored sealed only'); END;"
  "CREATE TRIGGER field_classes_sealed_update BEFORE UPDATE ON field_classes"
  "  WHEN new.level = 'confidential' AND EXISTS (SELECT 1 FROM field_values v"
  "    WHERE v.entity = new.entity AND v.field = new.field AND v.plain IS NOT NULL)"
  "  BEGIN SELECT RAISE (ABORT, 'a confidential value is stored sealed only'); END;"
  /* No foreign key can point at two tables: triggers remove the values
   * with their row (foreign-key cascades fire them too). */
  "CREATE TRIGGER accounts_field_values_delete AFTER DELETE ON accounts BEGIN"
  "  DELETE FROM field_values WHERE entity = 'account' AND row_id = old.id;"
  "END;"
  "CREATE TRIGGER contacts_field_values_delete AFTER DELETE ON contacts BEGIN"
  "  DELETE FROM field_values WHERE entity = 'contact' AND row_id = old.id;"
  "END;"

  /* A data-subject erasure must remove a person's details from the trail
   * too, and a field made confidential the texts its lines kept while it
   * was not; yet the trail stays append-only otherwise. The one update
   * allowed blanks both values of a line and changes nothing else, for
   * a line about a contact that is gone and whose erasure the trail
   * recorded after the line (anyone may append an 'erased' line: alone
   * it proves nothing), or a line about a field that is confidential now.
   * The index also serves the next contact id (never one the trail has
   * seen: its lines would read as the new person's). */
  "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);"
  "DROP TRIGGER audit_log_no_update;"
  "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
  "  WHEN NOT (new.id = old.id"
  "            AND new.account_id IS old.account_id"
  "            AND new.entity = old.entity"
  "            AND new.entity_id IS old.entity_id"
  "            AND new.field = old.field"
  "            AND new.actor = old.actor"
  "            AND new.changed_at = old.changed_at"
  "            AND new.old_value IS NULL"
  "            AND new.new_value IS NULL"
  "            AND ((old.entity = 'contact'"
  "                  AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.id = old.entity_id)"
  "                  AND EXISTS (SELECT 1 FROM audit_log e"
  "                              WHERE e.entity = 'contact' AND e.entity_id = old.entity_id"
  "                                AND e.field = 'erased' AND e.id > old.id))"
  "                 OR EXISTS (SELECT 1 FROM field_classes c"
  "                            WHERE c.entity = old.entity AND c.field = old.field"
  "                              AND c.level = 'confidential')))"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;";

static const char * const steps[] = {
  NULL,       /* version 0: an empty file */
  schema_v1,
  schema_v2,
  schema_v3,
  schema_v4,
  schema_v5,
  schema_v6,
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == LIA_SCHEMA_VERSION + 1);

gboolean
lia_migrations_run (LiaDatabase  *self,
                    int           from_version,
                    int           to_version,
                    GError      **error)
{
  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= LIA_SCHEMA_VERSION, FALSE);

  for (int version = from_version + 1; version <= to_version; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

      g_debug ("Migrating %s to schema %d", lia_database_get_path (self), version);

      if (!lia_database_begin (self, error))
        return FALSE;

      if (!lia_database_exec (self, steps[version], error) ||
          !lia_database_exec (self, bump, error))
        {
          lia_database_rollback (self);
          g_prefix_error (error, _("Cannot update “%s” to schema %d: "),
                          lia_database_get_path (self), version);
          return FALSE;
        }

      if (!lia_database_commit (self, error))
        return FALSE;
    }

  return TRUE;
}
