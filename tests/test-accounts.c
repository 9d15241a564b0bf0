/* test-accounts.c — account CRUD, lifecycle rules, history and audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-audit-entry.h"
#include "lia-enum-types.h"
#include "lia-history-entry.h"

#include "test-book.h"

#define T0 1700000000  /* 2023-11-14, the injected "now" */

typedef struct
{
  char                 *dir;
  char                 *path;
  LiaBook              *book;
  LiaAccountRepository *repo;
  gint64                now;
  gint64                manager;
  gint64                other_manager;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->now = T0;
  f->book = lia_test_book_new (&f->dir, &f->path, &f->now, "Test Actor");
  f->repo = lia_book_get_accounts (f->book);

  g_assert_true (lia_book_add_staff (f->book, "Alice Martin", LIA_STAFF_ROLE_ACCOUNT_MANAGER,
                                     "alice@example.com", &f->manager, &error));
  g_assert_no_error (error);
  f->other_manager = lia_test_add_staff (f->book, "Bruno Keller", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, &f->path);
}

/* Everything a failed call must not have changed. */
static const char * const watched[] = {
  "accounts", "lifecycle_history", "audit_log", "contacts", "account_fts", NULL,
};

static LiaAccount *
new_account (const char *number,
             const char *name)
{
  /* Small business: no manager required, so tests that do not care about
   * staffing need not name one. */
  return lia_test_account_new (number, name, "small-business");
}

static LiaAccount *
create (Fixture    *f,
        const char *number,
        const char *name)
{
  LiaAccount *account = new_account (number, name);

  lia_test_account_create (f->book, account);
  return account;
}

static void
test_create_and_lookup (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = new_account ("ACC-1", "Northwind Logistics");
  g_autoptr(LiaAccount) by_id = NULL;
  g_autoptr(LiaAccount) by_number = NULL;
  g_autoptr(LiaAccount) missing = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(LiaHistoryEntry) first = NULL;

  lia_account_set_service_plan_id (account, "premium");
  lia_account_set_channel (account, LIA_CHANNEL_PARTNER);
  lia_account_set_manager_id (account, f->manager);
  lia_account_set_contract_value (account, 1234550);
  lia_account_set_currency (account, "CHF");
  lia_account_set_address (account, "Bahnhofstrasse 1, 8001 Zürich");
  lia_account_set_notes (account, "Prefers email.");

  g_assert_cmpint (lia_account_get_id (account), ==, 0);
  g_assert_true (lia_account_repository_create (f->repo, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_account_get_id (account), >, 0);
  g_assert_cmpint (lia_account_get_created_at (account), ==, T0);
  g_assert_cmpint (lia_account_get_updated_at (account), ==, T0);
  g_assert_cmpint (lia_account_get_state (account), ==, LIA_ACCOUNT_STATE_PROSPECT);
  /* Whoever enters a record has just checked it. */
  g_assert_cmpint (lia_account_get_last_verified_at (account), ==, T0);
  g_assert_cmpstr (lia_account_get_manager_name (account), ==, "Alice Martin");

  by_id = lia_account_repository_lookup (f->repo, lia_account_get_id (account), &error);
  g_assert_no_error (error);
  by_number = lia_account_repository_lookup_by_number (f->repo, "ACC-1", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      LiaAccount *a = i ? by_number : by_id;

      g_assert_cmpint (lia_account_get_id (a), ==, lia_account_get_id (account));
      g_assert_cmpstr (lia_account_get_number (a), ==, "ACC-1");
      g_assert_cmpstr (lia_account_get_name (a), ==, "Northwind Logistics");
      g_assert_cmpstr (lia_account_get_segment_id (a), ==, "small-business");
      g_assert_cmpstr (lia_account_get_service_plan_id (a), ==, "premium");
      g_assert_cmpint (lia_account_get_channel (a), ==, LIA_CHANNEL_PARTNER);
      g_assert_cmpint (lia_account_get_manager_id (a), ==, f->manager);
      g_assert_cmpstr (lia_account_get_manager_name (a), ==, "Alice Martin");
      g_assert_cmpint (lia_account_get_contract_value (a), ==, 1234550);
      g_assert_cmpstr (lia_account_get_currency (a), ==, "CHF");
      g_assert_cmpstr (lia_account_get_address (a), ==, "Bahnhofstrasse 1, 8001 Zürich");
      g_assert_cmpstr (lia_account_get_notes (a), ==, "Prefers email.");
      g_assert_cmpint (lia_account_get_created_at (a), ==, T0);
    }

  /* Creation is the first line of the history, by the actor. */
  history = lia_account_repository_list_history (f->repo, lia_account_get_id (account), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  first = g_list_model_get_item (history, 0);
  g_assert_cmpint (lia_history_entry_get_from_state (first), ==, -1);
  g_assert_cmpint (lia_history_entry_get_to_state (first), ==, LIA_ACCOUNT_STATE_PROSPECT);
  g_assert_cmpstr (lia_history_entry_get_actor (first), ==, "Test Actor");
  g_assert_cmpint (lia_history_entry_get_changed_at (first), ==, T0);

  missing = lia_account_repository_lookup_by_number (f->repo, "NOPE-1", &error);
  g_assert_null (missing);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (lia_account_repository_lookup (f->repo, 999999, &error));
  g_assert_nonnull (error);
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = create (f, "ACC-1", "Old Name");
  g_autoptr(LiaAccount) stored = NULL;
  gint64 id = lia_account_get_id (account);

  f->now = T0 + 3600;
  lia_account_set_name (account, "New Name");
  lia_account_set_number (account, "ACC-1B");
  lia_account_set_segment_id (account, "key-account");
  lia_account_set_manager_id (account, f->manager);
  lia_account_set_address (account, "Somewhere 2");
  lia_account_set_notes (account, "Changed notes");
  g_assert_true (lia_account_repository_save (f->repo, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_account_get_updated_at (account), ==, T0 + 3600);

  stored = lia_account_repository_lookup (f->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lia_account_get_name (stored), ==, "New Name");
  g_assert_cmpstr (lia_account_get_number (stored), ==, "ACC-1B");
  g_assert_cmpstr (lia_account_get_segment_id (stored), ==, "key-account");
  g_assert_cmpstr (lia_account_get_address (stored), ==, "Somewhere 2");
  g_assert_cmpstr (lia_account_get_notes (stored), ==, "Changed notes");
  g_assert_cmpint (lia_account_get_created_at (stored), ==, T0);
  g_assert_cmpint (lia_account_get_updated_at (stored), ==, T0 + 3600);
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM accounts"), ==, 1);

  g_clear_object (&stored);
  stored = lia_account_repository_lookup_by_number (f->repo, "ACC-1", &error);
  g_assert_null (stored);
}

static void
test_duplicate_number (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) first = create (f, "DUP-1", "First");
  g_autoptr(LiaAccount) second = create (f, "DUP-2", "Second");
  g_autoptr(LiaAccount) clash = new_account ("DUP-1", "Clash");
  LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

  g_assert_false (lia_account_repository_create (f->repo, clash, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "DUP-1"));
  g_clear_error (&error);
  g_assert_cmpint (lia_account_get_id (clash), ==, 0);
  lia_test_assert_unchanged (f->book, &before);

  /* Renumbering onto another account's number is the same mistake. */
  lia_account_set_number (second, "DUP-1");
  g_assert_false (lia_account_repository_save (f->repo, second, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_DUPLICATE);
  g_clear_error (&error);
  lia_test_assert_unchanged (f->book, &before);

  /* Saving an account under its own number is no clash. */
  lia_account_set_notes (first, "still DUP-1");
  g_assert_true (lia_account_repository_save (f->repo, first, &error));
  g_assert_no_error (error);
}

typedef void (*Spoil) (LiaAccount *account, Fixture *f);

static void spoil_segment (LiaAccount *a, Fixture *f) { lia_account_set_segment_id (a, "galactic-empire"); }
static void spoil_no_segment (LiaAccount *a, Fixture *f) { lia_account_set_segment_id (a, NULL); }
static void spoil_plan (LiaAccount *a, Fixture *f) { lia_account_set_service_plan_id (a, "platinum-plus"); }
static void spoil_manager (LiaAccount *a, Fixture *f) { lia_account_set_manager_id (a, f->manager + 1000); }
static void spoil_empty_name (LiaAccount *a, Fixture *f) { lia_account_set_name (a, ""); }
static void spoil_blank_name (LiaAccount *a, Fixture *f) { lia_account_set_name (a, "  \t "); }
static void spoil_null_name (LiaAccount *a, Fixture *f) { lia_account_set_name (a, NULL); }
static void spoil_empty_number (LiaAccount *a, Fixture *f) { lia_account_set_number (a, ""); }
static void spoil_blank_number (LiaAccount *a, Fixture *f) { lia_account_set_number (a, "   "); }
static void spoil_currency (LiaAccount *a, Fixture *f) { lia_account_set_currency (a, "euro"); }
static void spoil_negative (LiaAccount *a, Fixture *f) { lia_account_set_contract_value (a, -1); }

static void
spoil_long_name (LiaAccount *a,
                 Fixture    *f)
{
  g_autofree char *name = g_strnfill (LIA_MAX_NAME_LENGTH + 1, 'n');
  lia_account_set_name (a, name);
}

static void
spoil_long_number (LiaAccount *a,
                   Fixture    *f)
{
  g_autofree char *number = g_strnfill (LIA_MAX_NUMBER_LENGTH + 1, '7');
  lia_account_set_number (a, number);
}

static void
spoil_long_notes (LiaAccount *a,
                  Fixture    *f)
{
  g_autofree char *notes = g_strnfill (LIA_MAX_NOTES_LENGTH + 1, 'x');
  lia_account_set_notes (a, notes);
}

static void
spoil_long_address (LiaAccount *a,
                    Fixture    *f)
{
  g_autofree char *address = g_strnfill (LIA_MAX_ADDRESS_LENGTH + 1, 'a');
  lia_account_set_address (a, address);
}

static const struct { const char *what; Spoil spoil; } spoilers[] = {
  { "unknown segment", spoil_segment },
  { "no segment", spoil_no_segment },
  { "unknown plan", spoil_plan },
  { "unknown manager", spoil_manager },
  { "empty name", spoil_empty_name },
  { "blank name", spoil_blank_name },
  { "no name", spoil_null_name },
  { "empty number", spoil_empty_number },
  { "blank number", spoil_blank_number },
  { "bad currency", spoil_currency },
  { "negative value", spoil_negative },
  { "long name", spoil_long_name },
  { "long number", spoil_long_number },
  { "long notes", spoil_long_notes },
  { "long address", spoil_long_address },
};

/* Each bad value is refused with INVALID_VALUE and a message, on create
 * and on save, and nothing reaches the file. */
static void
test_invalid_values (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LiaAccount) existing = create (f, "OK-1", "Fine Account");

  for (guint i = 0; i < G_N_ELEMENTS (spoilers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaAccount) fresh = new_account ("NEW-1", "New Account");
      g_autoptr(LiaAccount) edited = lia_account_copy (existing);
      g_autoptr(LiaAccount) stored = NULL;
      LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

      g_test_message ("refusing %s", spoilers[i].what);

      spoilers[i].spoil (fresh, f);
      g_assert_false (lia_account_repository_create (f->repo, fresh, &error));
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      g_assert_cmpuint (strlen (error->message), >, 0);
      g_clear_error (&error);
      g_assert_cmpint (lia_account_get_id (fresh), ==, 0);

      spoilers[i].spoil (edited, f);
      g_assert_false (lia_account_repository_save (f->repo, edited, &error));
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      g_clear_error (&error);

      lia_test_assert_unchanged (f->book, &before);
      stored = lia_account_repository_lookup (f->repo, lia_account_get_id (existing), &error);
      g_assert_cmpstr (lia_account_get_name (stored), ==, "Fine Account");
      g_assert_cmpstr (lia_account_get_number (stored), ==, "OK-1");
    }
}

/* The limits count characters, not bytes, and are inclusive. */
static void
test_limits_inclusive (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) address = g_string_new (NULL);
  g_autofree char *notes = g_strnfill (LIA_MAX_NOTES_LENGTH, 'x');
  g_autofree char *number = g_strnfill (LIA_MAX_NUMBER_LENGTH, '9');
  g_autoptr(LiaAccount) account = NULL;
  g_autoptr(LiaAccount) stored = NULL;

  for (guint i = 0; i < LIA_MAX_NAME_LENGTH; i++)
    g_string_append (name, "ü");
  for (guint i = 0; i < LIA_MAX_ADDRESS_LENGTH; i++)
    g_string_append (address, "ß");

  account = new_account (number, name->str);
  lia_account_set_address (account, address->str);
  lia_account_set_notes (account, notes);
  g_assert_true (lia_account_repository_create (f->repo, account, &error));
  g_assert_no_error (error);

  stored = lia_account_repository_lookup (f->repo, lia_account_get_id (account), &error);
  g_assert_cmpstr (lia_account_get_name (stored), ==, name->str);
  g_assert_cmpstr (lia_account_get_address (stored), ==, address->str);
  g_assert_cmpstr (lia_account_get_notes (stored), ==, notes);
}

/* The rule table, written out here independently of the code. */
static gboolean
allowed (LiaAccountState from,
         LiaAccountState to)
{
  static const LiaAccountState pairs[][2] = {
    { LIA_ACCOUNT_STATE_PROSPECT, LIA_ACCOUNT_STATE_OPENING },
    { LIA_ACCOUNT_STATE_OPENING, LIA_ACCOUNT_STATE_ACTIVE },
    { LIA_ACCOUNT_STATE_ACTIVE, LIA_ACCOUNT_STATE_DORMANT },
    { LIA_ACCOUNT_STATE_DORMANT, LIA_ACCOUNT_STATE_ACTIVE },
    { LIA_ACCOUNT_STATE_DORMANT, LIA_ACCOUNT_STATE_CLOSING },
    /* The code's documented shortcut: an active account may close directly. */
    { LIA_ACCOUNT_STATE_ACTIVE, LIA_ACCOUNT_STATE_CLOSING },
    { LIA_ACCOUNT_STATE_CLOSING, LIA_ACCOUNT_STATE_CLOSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (pairs[i][0] == from && pairs[i][1] == to)
      return TRUE;
  return FALSE;
}

/* The shortest way to @state from prospect. */
static const LiaAccountState path_to[6][5] = {
  [LIA_ACCOUNT_STATE_PROSPECT] = { 0 },
  [LIA_ACCOUNT_STATE_OPENING] = { LIA_ACCOUNT_STATE_OPENING },
  [LIA_ACCOUNT_STATE_ACTIVE] = { LIA_ACCOUNT_STATE_OPENING, LIA_ACCOUNT_STATE_ACTIVE },
  [LIA_ACCOUNT_STATE_DORMANT] = { LIA_ACCOUNT_STATE_OPENING, LIA_ACCOUNT_STATE_ACTIVE,
                                  LIA_ACCOUNT_STATE_DORMANT },
  [LIA_ACCOUNT_STATE_CLOSING] = { LIA_ACCOUNT_STATE_OPENING, LIA_ACCOUNT_STATE_ACTIVE,
                                  LIA_ACCOUNT_STATE_DORMANT, LIA_ACCOUNT_STATE_CLOSING },
  [LIA_ACCOUNT_STATE_CLOSED] = { LIA_ACCOUNT_STATE_OPENING, LIA_ACCOUNT_STATE_ACTIVE,
                                 LIA_ACCOUNT_STATE_DORMANT, LIA_ACCOUNT_STATE_CLOSING,
                                 LIA_ACCOUNT_STATE_CLOSED },
};
static const guint path_length[6] = { 0, 1, 2, 3, 4, 5 };

static const char *
nick (LiaAccountState state)
{
  return lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, state);
}

static char *
stored_state (Fixture *f,
              gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT state FROM accounts WHERE id = %" G_GINT64_FORMAT, id);
  return lia_test_sql_text (lia_test_book_handle (f->book), sql);
}

/* All 36 (from, to) pairs: allowed ones write the state, a history line
 * (who, when, why, from, to) and an audit line; the others are refused
 * with INVALID_TRANSITION and change nothing at all. */
static void
test_every_transition (Fixture       *f,
                       gconstpointer  data)
{
  guint n_allowed = 0;

  for (LiaAccountState from = LIA_ACCOUNT_STATE_PROSPECT; from <= LIA_ACCOUNT_STATE_CLOSED; from++)
    for (LiaAccountState to = LIA_ACCOUNT_STATE_PROSPECT; to <= LIA_ACCOUNT_STATE_CLOSED; to++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *number = g_strdup_printf ("T-%d-%d", from, to);
        g_autofree char *reason = g_strdup_printf ("reason %s to %s", nick (from), nick (to));
        g_autofree char *state = NULL;
        g_autoptr(LiaAccount) account = create (f, number, number);
        g_autoptr(GListModel) history = NULL;
        g_autoptr(GListModel) audit = NULL;
        gint64 id = lia_account_get_id (account);
        guint n_history;
        LiaTestSnapshot before;
        gboolean ok;

        for (guint i = 0; i < path_length[from]; i++)
          g_assert_true (lia_account_repository_transition (f->repo, account, path_to[from][i],
                                                            "on the way", &error));
        g_assert_no_error (error);
        g_assert_cmpint (lia_account_get_state (account), ==, from);

        g_assert_cmpint (lia_account_state_can_transition (from, to), ==, allowed (from, to));

        history = lia_account_repository_list_history (f->repo, id, &error);
        n_history = g_list_model_get_n_items (history);
        g_clear_object (&history);
        before = lia_test_snapshot (f->book, watched);
        f->now += 60;

        ok = lia_account_repository_transition (f->repo, account, to, reason, &error);
        state = stored_state (f, id);

        if (allowed (from, to))
          {
            g_autoptr(LiaHistoryEntry) newest = NULL;
            g_autoptr(LiaAuditEntry) last_audit = NULL;

            n_allowed++;
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpstr (state, ==, nick (to));
            g_assert_cmpint (lia_account_get_state (account), ==, to);
            g_assert_cmpint (lia_account_get_updated_at (account), ==, f->now);

            history = lia_account_repository_list_history (f->repo, id, &error);
            g_assert_cmpuint (g_list_model_get_n_items (history), ==, n_history + 1);
            newest = g_list_model_get_item (history, 0);
            g_assert_cmpint (lia_history_entry_get_from_state (newest), ==, from);
            g_assert_cmpint (lia_history_entry_get_to_state (newest), ==, to);
            g_assert_cmpstr (lia_history_entry_get_actor (newest), ==, "Test Actor");
            g_assert_cmpstr (lia_history_entry_get_reason (newest), ==, reason);
            g_assert_cmpint (lia_history_entry_get_changed_at (newest), ==, f->now);

            audit = lia_account_repository_list_audit (f->repo, id, &error);
            last_audit = g_list_model_get_item (audit, 0);
            g_assert_cmpstr (lia_audit_entry_get_field (last_audit), ==, "state");
            g_assert_cmpstr (lia_audit_entry_get_old_value (last_audit), ==, nick (from));
            g_assert_cmpstr (lia_audit_entry_get_new_value (last_audit), ==, nick (to));
            g_assert_cmpstr (lia_audit_entry_get_actor (last_audit), ==, "Test Actor");
          }
        else
          {
            g_assert_false (ok);
            g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_TRANSITION);
            g_assert_cmpuint (strlen (error->message), >, 0);
            g_assert_cmpstr (state, ==, nick (from));
            g_assert_cmpint (lia_account_get_state (account), ==, from);
            lia_test_assert_unchanged (f->book, &before);
          }
      }

  g_assert_cmpuint (n_allowed, ==, 7);
}

/* A change of state needs a reason; a blank one is no reason. */
static void
test_reason_required (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LiaAccount) account = create (f, "R-1", "Reasonable");
  const char *reasons[] = { NULL, "", "   ", "\n\t" };

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *state = NULL;
      LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

      g_assert_false (lia_account_repository_transition (f->repo, account, LIA_ACCOUNT_STATE_OPENING,
                                                         reasons[i], &error));
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      state = stored_state (f, lia_account_get_id (account));
      g_assert_cmpstr (state, ==, "prospect");
      lia_test_assert_unchanged (f->book, &before);
    }
}

/* The object in hand may be stale: the rules judge what is stored. */
static void
test_transition_judges_stored_state (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = create (f, "S-1", "Stale");
  g_autoptr(LiaAccount) stale = lia_account_copy (account);

  g_assert_true (lia_account_repository_transition (f->repo, account, LIA_ACCOUNT_STATE_OPENING,
                                                    "first", &error));
  /* @stale still says prospect; prospect → opening again must be refused. */
  g_assert_false (lia_account_repository_transition (f->repo, stale, LIA_ACCOUNT_STATE_OPENING,
                                                     "second", &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_TRANSITION);
}

static void
test_closed_keeps_data (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = create (f, "C-1", "Closing Time");
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(LiaInquiry) inquiry = NULL;
  g_autoptr(LiaAccount) stored = NULL;
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GListModel) inquiries = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 id = lia_account_get_id (account);
  const LiaAccountState path[] = { LIA_ACCOUNT_STATE_OPENING, LIA_ACCOUNT_STATE_ACTIVE,
                                   LIA_ACCOUNT_STATE_CLOSING, LIA_ACCOUNT_STATE_CLOSED };

  lia_account_set_notes (account, "Keep these notes");
  lia_account_set_contract_value (account, 4200);
  g_assert_true (lia_account_repository_save (f->repo, account, &error));

  lia_contact_set_account_id (contact, id);
  lia_contact_set_name (contact, "Greta Hansen");
  lia_contact_set_email (contact, "greta@example.com");
  g_assert_true (lia_account_repository_add_contact (f->repo, contact, &error));
  inquiry = lia_inquiry_new (id, T0, LIA_INQUIRY_CHANNEL_PHONE, "Can we pause?", "Yes, for 3 months.", f->manager);
  g_assert_true (lia_account_repository_add_inquiry (f->repo, inquiry, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    g_assert_true (lia_account_repository_transition (f->repo, account, path[i], "winding down", &error));
  g_assert_no_error (error);

  stored = lia_account_repository_lookup (f->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lia_account_get_state (stored), ==, LIA_ACCOUNT_STATE_CLOSED);
  g_assert_cmpstr (lia_account_get_name (stored), ==, "Closing Time");
  g_assert_cmpstr (lia_account_get_notes (stored), ==, "Keep these notes");
  g_assert_cmpint (lia_account_get_contract_value (stored), ==, 4200);

  contacts = lia_account_repository_list_contacts (f->repo, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  inquiries = lia_account_repository_list_inquiries (f->repo, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (inquiries), ==, 1);
  history = lia_account_repository_list_history (f->repo, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 5);
  found = lia_account_repository_search (f->repo, "greta", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
}

/* Finds the newest audit entry for @field, or NULL. */
static LiaAuditEntry *
newest_audit (Fixture    *f,
              gint64      account_id,
              const char *field,
              guint      *out_n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit = lia_account_repository_list_audit (f->repo, account_id, &error);
  guint n = g_list_model_get_n_items (audit);
  guint matching = 0;
  LiaAuditEntry *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAuditEntry) entry = g_list_model_get_item (audit, i);

      if (g_strcmp0 (lia_audit_entry_get_field (entry), field) == 0)
        {
          if (found == NULL)
            found = g_object_ref (entry);
          matching++;
        }
    }

  if (out_n)
    *out_n = matching;
  return found;
}

static void
assert_audit (LiaAuditEntry *entry,
              const char    *entity,
              gint64         when)
{
  g_assert_nonnull (entry);
  g_assert_cmpstr (lia_audit_entry_get_entity (entry), ==, entity);
  g_assert_cmpstr (lia_audit_entry_get_actor (entry), ==, "Auditor Annie");
  g_assert_cmpint (lia_audit_entry_get_changed_at (entry), ==, when);
}

static void
test_audit_account (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = create (f, "AU-1", "Audited");
  g_autoptr(LiaAuditEntry) entry = NULL;
  gint64 id = lia_account_get_id (account);
  guint n_value, n_manager, n_total_before, n_total_after;

  lia_book_set_actor (f->book, "Auditor Annie");

  f->now = T0 + 100;
  lia_account_set_contract_value (account, 150000);
  g_assert_true (lia_account_repository_save (f->repo, account, &error));
  entry = newest_audit (f, id, "contract_value", &n_value);
  assert_audit (entry, "account", T0 + 100);
  g_assert_cmpuint (n_value, ==, 1);
  g_assert_nonnull (strstr (lia_audit_entry_get_old_value (entry), "0"));
  g_assert_nonnull (strstr (lia_audit_entry_get_new_value (entry), "150000"));
  g_clear_object (&entry);

  f->now = T0 + 200;
  lia_account_set_currency (account, "USD");
  g_assert_true (lia_account_repository_save (f->repo, account, &error));
  entry = newest_audit (f, id, "contract_value", &n_value);
  assert_audit (entry, "account", T0 + 200);
  g_assert_cmpuint (n_value, ==, 2);
  g_assert_nonnull (strstr (lia_audit_entry_get_old_value (entry), "EUR"));
  g_assert_nonnull (strstr (lia_audit_entry_get_new_value (entry), "USD"));
  g_clear_object (&entry);

  f->now = T0 + 300;
  lia_account_set_manager_id (account, f->manager);
  g_assert_true (lia_account_repository_save (f->repo, account, &error));
  f->now = T0 + 400;
  lia_account_set_manager_id (account, f->other_manager);
  g_assert_true (lia_account_repository_save (f->repo, account, &error));
  g_assert_no_error (error);
  entry = newest_audit (f, id, "manager", &n_manager);
  assert_audit (entry, "account", T0 + 400);
  g_assert_cmpuint (n_manager, ==, 2);
  g_clear_object (&entry);

  /* Changes outside the audited fields add no audit lines. */
  g_clear_object (&entry);
  {
    g_autoptr(GListModel) audit = lia_account_repository_list_audit (f->repo, id, &error);
    n_total_before = g_list_model_get_n_items (audit);
  }
  lia_account_set_notes (account, "just notes");
  g_assert_true (lia_account_repository_save (f->repo, account, &error));
  {
    g_autoptr(GListModel) audit = lia_account_repository_list_audit (f->repo, id, &error);
    n_total_after = g_list_model_get_n_items (audit);
  }
  g_assert_cmpuint (n_total_after, ==, n_total_before);
}

static void
test_audit_contacts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = create (f, "AU-2", "Audited Contacts");
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(LiaAuditEntry) entry = NULL;
  gint64 id = lia_account_get_id (account);
  guint n;

  lia_book_set_actor (f->book, "Auditor Annie");

  f->now = T0 + 10;
  lia_contact_set_account_id (contact, id);
  lia_contact_set_name (contact, "Hans Müller");
  lia_contact_set_email (contact, "hans@example.com");
  lia_contact_set_phone (contact, "+49 711 123456");
  g_assert_true (lia_account_repository_add_contact (f->repo, contact, &error));
  g_assert_no_error (error);
  entry = newest_audit (f, id, "added", &n);
  assert_audit (entry, "contact", T0 + 10);
  g_assert_cmpint (lia_audit_entry_get_entity_id (entry), ==, lia_contact_get_id (contact));
  g_assert_nonnull (strstr (lia_audit_entry_get_new_value (entry), "hans@example.com"));
  g_clear_object (&entry);

  f->now = T0 + 20;
  lia_contact_set_email (contact, "hans.mueller@example.com");
  g_assert_true (lia_account_repository_save_contact (f->repo, contact, &error));
  g_assert_no_error (error);
  entry = newest_audit (f, id, "email", &n);
  assert_audit (entry, "contact", T0 + 20);
  g_assert_cmpstr (lia_audit_entry_get_old_value (entry), ==, "hans@example.com");
  g_assert_cmpstr (lia_audit_entry_get_new_value (entry), ==, "hans.mueller@example.com");
  g_clear_object (&entry);

  f->now = T0 + 25;
  lia_contact_set_phone (contact, "+49 711 654321");
  g_assert_true (lia_account_repository_save_contact (f->repo, contact, &error));
  entry = newest_audit (f, id, "phone", &n);
  assert_audit (entry, "contact", T0 + 25);
  g_assert_cmpstr (lia_audit_entry_get_new_value (entry), ==, "+49 711 654321");
  g_clear_object (&entry);

  f->now = T0 + 30;
  g_assert_true (lia_account_repository_remove_contact (f->repo, contact, &error));
  g_assert_no_error (error);
  entry = newest_audit (f, id, "removed", &n);
  assert_audit (entry, "contact", T0 + 30);
  g_assert_nonnull (strstr (lia_audit_entry_get_old_value (entry), "Hans Müller"));
}

/* Neither the code nor anyone with the file can rewrite the trail. */
static void
test_audit_append_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(LiaAccount) account = create (f, "AU-3", "Untouchable");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *dump = "SELECT group_concat (id || field || coalesce (new_value, '') || actor || changed_at, ';')"
                     " FROM audit_log";
  sqlite3 *raw = lia_test_sqlite_open (f->path);
  gint64 n;

  lia_account_set_contract_value (account, 100);
  g_assert_true (lia_account_repository_save (f->repo, account, NULL));

  n = lia_test_sql_int (raw, "SELECT count(*) FROM audit_log");
  g_assert_cmpint (n, >=, 2);
  before = lia_test_sql_text (raw, dump);

  g_assert_cmpint (sqlite3_exec (raw, "UPDATE audit_log SET actor = 'Mallory'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE audit_log SET new_value = NULL WHERE id = 1", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM audit_log", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM audit_log WHERE id = 1", NULL, NULL, NULL), !=, SQLITE_OK);
  /* Blanking a line's values is allowed for erasures of contacts and
   * confidential fields only; a forged 'erased' line about an account,
   * however new, does not open the account's lines. */
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO audit_log (account_id, entity, entity_id, field, actor,"
                                      " changed_at) SELECT account_id, entity, entity_id, 'erased', 'Mallory', 0"
                                      " FROM audit_log WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  n++;
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL WHERE id = 1",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE audit_log SET old_value = NULL, new_value = NULL"
                                      " WHERE field <> 'erased'", NULL, NULL, NULL), !=, SQLITE_OK);

  g_assert_cmpint (lia_test_sql_int (raw, "SELECT count(*) FROM audit_log"), ==, n);
  after = lia_test_sql_text (raw, "SELECT group_concat (id || field || coalesce (new_value, '') || actor"
                                   " || changed_at, ';') FROM audit_log WHERE field <> 'erased'");
  g_assert_cmpstr (after, ==, before);
  sqlite3_close (raw);
}

/* INSERT OR REPLACE deletes the old row without firing DELETE triggers
 * (recursive_triggers is off), so it must be refused by its own rule. */
static void
test_audit_no_replace (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LiaAccount) account = create (f, "AU-4", "Unreplaceable");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *row_1 = "SELECT field || '/' || actor FROM audit_log WHERE id = 1";
  sqlite3 *raw = lia_test_sqlite_open (f->path);
  int rc;

  before = lia_test_sql_text (raw, row_1);
  g_assert_nonnull (before);

  rc = sqlite3_exec (raw, "INSERT OR REPLACE INTO audit_log (id, entity, field, actor, changed_at)"
                          " VALUES (1, 'account', 'forged', 'Mallory', 0)", NULL, NULL, NULL);
  after = lia_test_sql_text (raw, row_1);
  sqlite3_close (raw);

  /* Reported, not asserted, so the tests after this one still run. */
  if (rc == SQLITE_OK || g_strcmp0 (after, before) != 0)
    {
      g_test_message ("audit row 1 was “%s” and INSERT OR REPLACE made it “%s”", before, after);
      g_test_fail ();
    }
}

/* Corporate and key accounts need an active designated manager; other
 * segments do not; a deputy is optional but must be on the staff. */
static void
test_manager_required (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) corporate = new_account ("MR-1", "Needs A Manager");
  g_autoptr(LiaAccount) small = new_account ("MR-2", "Fine Alone");
  g_autoptr(LiaAccount) stored = NULL;
  LiaTestSnapshot before = lia_test_snapshot (f->book, watched);

  lia_account_set_segment_id (corporate, "corporate");
  g_assert_false (lia_account_repository_create (f->repo, corporate, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_MANAGER_REQUIRED);
  g_assert_nonnull (strstr (error->message, "manager"));
  g_clear_error (&error);
  lia_test_assert_unchanged (f->book, &before);

  lia_account_set_segment_id (corporate, "key-account");
  g_assert_false (lia_account_repository_create (f->repo, corporate, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_MANAGER_REQUIRED);
  g_clear_error (&error);

  /* A deactivated manager does not count. */
  g_assert_true (lia_book_update_staff (f->book, f->other_manager, "Bruno Keller",
                                        LIA_STAFF_ROLE_ACCOUNT_MANAGER, NULL, FALSE, &error));
  lia_account_set_manager_id (corporate, f->other_manager);
  g_assert_false (lia_account_repository_create (f->repo, corporate, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_MANAGER_REQUIRED);
  g_clear_error (&error);

  /* An unknown deputy is refused; a known one is kept. */
  lia_account_set_manager_id (corporate, f->manager);
  lia_account_set_deputy_id (corporate, f->manager + 1000);
  g_assert_false (lia_account_repository_create (f->repo, corporate, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  lia_account_set_deputy_id (corporate, f->other_manager);
  g_assert_true (lia_account_repository_create (f->repo, corporate, &error));
  g_assert_no_error (error);
  stored = lia_account_repository_lookup (f->repo, lia_account_get_id (corporate), &error);
  g_assert_cmpint (lia_account_get_deputy_id (stored), ==, f->other_manager);
  g_assert_cmpstr (lia_account_get_deputy_name (stored), ==, "Bruno Keller");
  g_assert_false (lia_account_get_manager_active (stored) == FALSE);

  /* Saving cannot drop the manager of a corporate account either. */
  lia_account_set_manager_id (stored, 0);
  g_assert_false (lia_account_repository_save (f->repo, stored, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_MANAGER_REQUIRED);
  g_clear_error (&error);

  g_assert_true (lia_account_repository_create (f->repo, small, &error));
  g_assert_no_error (error);
}

static void
test_mark_verified (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = create (f, "V-1", "Verified");
  g_autoptr(LiaAccount) stored = NULL;

  /* Verified on entry; due once the interval has passed since then. */
  g_assert_cmpint (lia_account_get_last_verified_at (account), ==, T0);
  g_assert_false (lia_account_is_due_for_update (account, T0, 180));
  g_assert_true (lia_account_is_due_for_update (account, T0 + 181 * 86400, 180));

  f->now = T0 + 86400 * 3 + 17;
  g_assert_true (lia_account_repository_mark_verified (f->repo, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_account_get_last_verified_at (account), ==, T0 + 86400 * 3 + 17);

  stored = lia_account_repository_lookup (f->repo, lia_account_get_id (account), &error);
  g_assert_cmpint (lia_account_get_last_verified_at (stored), ==, T0 + 86400 * 3 + 17);

  /* save() does not move the verification date, whatever the object says. */
  lia_account_set_notes (stored, "edited later");
  f->now += 1000;
  g_assert_true (lia_account_repository_save (f->repo, stored, &error));
  g_assert_cmpint (lia_account_get_last_verified_at (stored), ==, T0 + 86400 * 3 + 17);
}

/* Verified exactly N days ago is still within N days; one second more is due. */
static void
test_due_boundary (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(LiaAccount) account = create (f, "D-1", "Due");
  const guint days[] = { 1, 30, 180, 365 };
  gint64 verified;

  f->now = T0 + 1000;
  g_assert_true (lia_account_repository_mark_verified (f->repo, account, NULL));
  verified = lia_account_get_last_verified_at (account);
  g_assert_cmpint (verified, ==, T0 + 1000);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      gint64 span = (gint64)days[i] * 86400;

      g_assert_false (lia_account_is_due_for_update (account, verified, days[i]));
      g_assert_false (lia_account_is_due_for_update (account, verified + span - 1, days[i]));
      g_assert_false (lia_account_is_due_for_update (account, verified + span, days[i]));
      g_assert_true (lia_account_is_due_for_update (account, verified + span + 1, days[i]));
      g_assert_true (lia_account_is_due_for_update (account, verified + 10 * span, days[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/accounts/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-lookup", test_create_and_lookup);
  ADD ("save", test_save);
  ADD ("duplicate-number", test_duplicate_number);
  ADD ("invalid-values", test_invalid_values);
  ADD ("limits-inclusive", test_limits_inclusive);
  ADD ("lifecycle/every-transition", test_every_transition);
  ADD ("lifecycle/reason-required", test_reason_required);
  ADD ("lifecycle/judges-stored-state", test_transition_judges_stored_state);
  ADD ("lifecycle/closed-keeps-data", test_closed_keeps_data);
  ADD ("audit/account-fields", test_audit_account);
  ADD ("audit/contacts", test_audit_contacts);
  ADD ("audit/append-only", test_audit_append_only);
  ADD ("audit/no-replace", test_audit_no_replace);
  ADD ("staffing/manager-required", test_manager_required);
  ADD ("verified/mark", test_mark_verified);
  ADD ("verified/due-boundary", test_due_boundary);

#undef ADD

  return g_test_run ();
}
