/* test-contacts.c — contact validation, contacts in the book, and money
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "lia-account-repository.h"
#include "lia-money.h"
#include "lia-personal-data.h"

#include "test-book.h"

typedef gboolean (*Validator) (const char *value, GError **error);

static void
check_table (const char        *what,
             Validator          validate,
             const char * const valid[],
             const char * const invalid[])
{
  for (guint i = 0; valid[i]; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!validate (valid[i], &error))
        g_error ("%s “%s” refused: %s", what, valid[i], error->message);
      g_assert_no_error (error);
    }

  for (guint i = 0; invalid[i]; i++)
    {
      g_autoptr(GError) error = NULL;

      if (validate (invalid[i], &error))
        g_error ("%s “%s” accepted", what, invalid[i]);
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      g_assert_cmpuint (strlen (error->message), >, 0);
      /* The message must also survive without a GError to put it in. */
      g_assert_false (validate (invalid[i], NULL));
    }
}

static void
test_validate_email (void)
{
  /* 254 characters is the longest address SMTP carries. */
  g_autofree char *local = g_strnfill (64, 'a');
  g_autofree char *label = g_strnfill (254 - 64 - 1 - 4, 'd');
  g_autofree char *longest = g_strdup_printf ("%s@%s.com", local, label);
  g_autofree char *too_long = g_strdup_printf ("%s@%sd.com", local, label);
  const char *valid[] = {
    "", longest, "a@b.co", "anna.berg@example.com", "first.last+tag@sub.example.co.uk",
    "o'brien@example.ie", "x_y-z@ex-ample.org", "müller@exämple.de", "12345@numbers.example",
    NULL,
  };
  const char *invalid[] = {
    "plainaddress", "@example.com", "anna@", "anna@example", "anna@@example.com",
    "an na@example.com", "anna@exa mple.com", "anna@example..com", "anna@.example.com",
    "anna@example.com.", "anna@example.com ", " anna@example.com", "anna@ex@ample.com",
    "anna\t@example.com", too_long, NULL,
  };

  g_assert_cmpuint (strlen (longest), ==, 254);
  g_assert_true (lia_contact_validate_email (NULL, NULL));
  check_table ("email", lia_contact_validate_email, valid, invalid);
}

static void
test_validate_phone (void)
{
  const char *valid[] = {
    "", "+49 30 1234567", "(030) 123-4567", "030/1234567", "+1 555.123.4567", "123456",
    "+44 20 7946 0958 ext. 12", "+44 20 7946 0958 x12", "+44 20 7946 0958 EXT 3",
    "12345678901234567890", NULL,
  };
  const char *invalid[] = {
    "12345", "phone", "+49 30 12a4567", "++49 30 1234567", "49+ 30 1234567",
    "123456789012345678901", "+49 30 1234567 ext. 1234567", "tel:+4930123456",
    "+49 (30) 1234567!", "------", NULL,
  };

  g_assert_true (lia_contact_validate_phone (NULL, NULL));
  check_table ("phone", lia_contact_validate_phone, valid, invalid);
}

static void
test_validate_name (void)
{
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autoptr(GString) too_long = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (longest, "é");
  too_long = g_string_new (longest->str);
  g_string_append (too_long, "é");

  {
    const char *valid[] = { "Ann", "Hans Müller", "李小龍", "O'Brien-Smith", "  padded  ",
                            longest->str, NULL };
    const char *invalid[] = { "", "   ", "\t\n", too_long->str, NULL };

    g_assert_false (lia_contact_validate_name (NULL, NULL));
    check_table ("name", lia_contact_validate_name, valid, invalid);
  }
}

/* --- contacts in the book --- */

typedef struct
{
  char                 *dir;
  char                 *path;
  LiaBook              *book;
  LiaAccountRepository *repo;
  LiaAccount           *account;
  gint64                now;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = 1700000000;
  f->book = lia_test_book_new (&f->dir, &f->path, &f->now, NULL);
  f->repo = lia_book_get_accounts (f->book);

  f->account = lia_test_account_new ("C-1", "Contacts Ltd", "small-business");
  lia_test_account_create (f->book, f->account);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->account);
  lia_test_book_close (&f->book, &f->dir, &f->path);
}

static LiaContact *
make_contact (Fixture    *f,
              const char *name,
              const char *email,
              const char *phone)
{
  LiaContact *contact = lia_contact_new ();

  lia_contact_set_account_id (contact, lia_account_get_id (f->account));
  lia_contact_set_name (contact, name);
  lia_contact_set_role (contact, "Buyer");
  lia_contact_set_email (contact, email);
  lia_contact_set_phone (contact, phone);
  lia_contact_set_preferred_channel (contact, LIA_CONTACT_CHANNEL_PHONE);
  return contact;
}

static guint
n_contacts (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contacts =
    lia_account_repository_list_contacts (f->repo, lia_account_get_id (f->account), &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (contacts);
}

static gint64
n_audit (Fixture *f)
{
  sqlite3 *raw = lia_test_sqlite_open (f->path);
  gint64 n = lia_test_sql_int (raw, "SELECT count(*) FROM audit_log");

  sqlite3_close (raw);
  return n;
}

static void
test_repository_refuses_invalid (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) good = make_contact (f, "Greta Hansen", "greta@example.com", "+45 1234 5678");
  g_autoptr(LiaContact) stored = NULL;
  g_autoptr(GListModel) contacts = NULL;
  const char *bad[][3] = {
    { "", "ok@example.com", "" },
    { "Bad Email", "not-an-email", "" },
    { "Bad Phone", "", "call me" },
    { "Short Phone", "", "123" },
  };
  gint64 audit_before;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LiaContact) contact = make_contact (f, bad[i][0], bad[i][1], bad[i][2]);
      audit_before = n_audit (f);

      g_assert_false (lia_account_repository_add_contact (f->repo, contact, &error));
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      g_assert_cmpint (lia_contact_get_id (contact), ==, 0);
      g_assert_cmpuint (n_contacts (f), ==, 0);
      g_assert_cmpint (n_audit (f), ==, audit_before);
    }

  /* A contact needs an existing account. */
  {
    g_autoptr(LiaContact) orphan = make_contact (f, "Orphan", "", "");

    lia_contact_set_account_id (orphan, 987654);
    g_assert_false (lia_account_repository_add_contact (f->repo, orphan, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpuint (n_contacts (f), ==, 0);
  }

  g_assert_true (lia_account_repository_add_contact (f->repo, good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_id (good), >, 0);

  /* Editing into an invalid value is refused and the stored one stays. */
  audit_before = n_audit (f);
  lia_contact_set_email (good, "greta at example dot com");
  g_assert_false (lia_account_repository_save_contact (f->repo, good, &error));
  g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
  g_assert_cmpint (n_audit (f), ==, audit_before);

  contacts = lia_account_repository_list_contacts (f->repo, lia_account_get_id (f->account), NULL);
  stored = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (lia_contact_get_email (stored), ==, "greta@example.com");
}

/* A removed contact's id is never handed to a new one, even when it was
 * the highest: the trail's lines about the first person would read as
 * the second's, in the Personal Data report and in an erasure. */
static void
test_ids_not_reused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) alice = make_contact (f, "Alice Ashdown", "alice@ashdown.example", "");
  g_autoptr(LiaContact) bob = make_contact (f, "Bob Brindle", "bob@brindle.example", "");
  g_autoptr(LiaPersonalData) report = NULL;
  GListModel *items;
  gint64 alice_id;

  g_assert_true (lia_account_repository_add_contact (f->repo, alice, &error));
  g_assert_no_error (error);
  alice_id = lia_contact_get_id (alice);
  f->now += 60;
  g_assert_true (lia_account_repository_remove_contact (f->repo, alice, &error));
  g_assert_no_error (error);

  f->now += 60;
  g_assert_true (lia_account_repository_add_contact (f->repo, bob, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_id (bob), >, alice_id);

  report = lia_personal_data_collect (f->book, lia_contact_get_id (bob), &error);
  g_assert_no_error (error);
  items = lia_personal_data_get_items (report);
  g_assert_cmpuint (g_list_model_get_n_items (items), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(LiaPersonalDataItem) item = g_list_model_get_item (items, i);
      const char *value = lia_personal_data_item_get_value (item);

      g_assert_null (strstr (lia_personal_data_item_get_label (item), "removed"));
      g_assert_true (value == NULL || strstr (value, "Alice") == NULL);
      g_assert_true (value == NULL || strstr (value, "ashdown") == NULL);
    }

  /* A contact written with its own id (an undo) keeps it. */
  g_assert_true (lia_account_repository_restore_contact (f->repo, alice, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_id (alice), ==, alice_id);
}

static void
test_remove_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) contact = make_contact (f, "Kenji Tanaka", "kenji@example.jp", "+81 3 1234 5678");
  g_autoptr(LiaContact) keep = make_contact (f, "Olga Petrova", "olga@example.com", "");
  g_autoptr(LiaContact) back = NULL;
  g_autoptr(LiaContact) newer = NULL;
  g_autoptr(GListModel) contacts = NULL;
  gint64 id;

  g_assert_true (lia_account_repository_add_contact (f->repo, contact, &error));
  g_assert_true (lia_account_repository_add_contact (f->repo, keep, &error));
  g_assert_no_error (error);
  id = lia_contact_get_id (contact);
  g_assert_cmpuint (n_contacts (f), ==, 2);

  f->now += 500;
  g_assert_true (lia_account_repository_remove_contact (f->repo, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_contacts (f), ==, 1);

  /* Undo: the same row, under the same id, with what it held. */
  f->now += 500;
  g_assert_true (lia_account_repository_restore_contact (f->repo, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_contact_get_id (contact), ==, id);
  g_assert_cmpuint (n_contacts (f), ==, 2);

  contacts = lia_account_repository_list_contacts (f->repo, lia_account_get_id (f->account), &error);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(LiaContact) c = g_list_model_get_item (contacts, i);

      if (lia_contact_get_id (c) == id)
        back = g_object_ref (c);
    }
  g_assert_nonnull (back);
  g_assert_cmpstr (lia_contact_get_name (back), ==, "Kenji Tanaka");
  g_assert_cmpstr (lia_contact_get_role (back), ==, "Buyer");
  g_assert_cmpstr (lia_contact_get_email (back), ==, "kenji@example.jp");
  g_assert_cmpstr (lia_contact_get_phone (back), ==, "+81 3 1234 5678");
  g_assert_cmpint (lia_contact_get_preferred_channel (back), ==, LIA_CONTACT_CHANNEL_PHONE);

  /* Ids are never handed out twice: a new contact gets a fresh one. */
  newer = make_contact (f, "New Person", "", "");
  g_assert_true (lia_account_repository_add_contact (f->repo, newer, &error));
  g_assert_cmpint (lia_contact_get_id (newer), !=, id);
  g_assert_cmpint (lia_contact_get_id (newer), !=, lia_contact_get_id (keep));
}

/* Removing a contact that is already gone (a second click, a stale row)
 * must not add a "removed" line to the audit trail for nothing. Reported,
 * not asserted, so the tests after this one still run. */
static void
test_remove_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) contact = make_contact (f, "Gone Twice", "", "");
  gint64 audit_before;
  gboolean ok;

  g_assert_true (lia_account_repository_add_contact (f->repo, contact, &error));
  g_assert_true (lia_account_repository_remove_contact (f->repo, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_contacts (f), ==, 0);

  audit_before = n_audit (f);
  ok = lia_account_repository_remove_contact (f->repo, contact, &error);
  g_assert_cmpuint (n_contacts (f), ==, 0);
  if (n_audit (f) != audit_before)
    {
      g_test_message ("second removal returned %s and appended %" G_GINT64_FORMAT " audit line(s)",
                      ok ? "TRUE" : "FALSE", n_audit (f) - audit_before);
      g_test_fail ();
    }
}

/* The creation time is the book's clock, and it survives a restore. */
static void
test_created_at (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaContact) contact = make_contact (f, "Timed", "", "");
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(LiaContact) stored = NULL;

  f->now = 1710000000;
  g_assert_true (lia_account_repository_add_contact (f->repo, contact, &error));
  contacts = lia_account_repository_list_contacts (f->repo, lia_account_get_id (f->account), &error);
  stored = g_list_model_get_item (contacts, 0);
  g_assert_cmpint (lia_contact_get_created_at (stored), ==, 1710000000);

  f->now = 1720000000;
  g_assert_true (lia_account_repository_remove_contact (f->repo, stored, &error));
  g_assert_true (lia_account_repository_restore_contact (f->repo, stored, &error));
  g_clear_object (&contacts);
  g_clear_object (&stored);
  contacts = lia_account_repository_list_contacts (f->repo, lia_account_get_id (f->account), &error);
  stored = g_list_model_get_item (contacts, 0);
  g_assert_cmpint (lia_contact_get_created_at (stored), ==, 1710000000);
}

/* --- money --- */

static void
test_money_parse (void)
{
  static const struct { const char *text, *currency; gint64 minor; } good[] = {
    { "1,234.50", "EUR", 123450 },
    { "1.234,50", "EUR", 123450 },
    { "1 234,50", "EUR", 123450 },
    { "1'234.50", "CHF", 123450 },
    { "1234.5", "EUR", 123450 },
    { "1234,5", "EUR", 123450 },
    { "1234", "EUR", 123400 },
    { "  1234  ", "EUR", 123400 },
    { "0.01", "EUR", 1 },
    { "0", "EUR", 0 },
    { "12", "JPY", 12 },
    { "1,234", "JPY", 1234 },
    { "1.234.567", "JPY", 1234567 },
    { "12.345", "BHD", 12345 },
    { "1,234.567", "KWD", 1234567 },
    { "1,000,000.00", "USD", 100000000 },
    /* Values a double would round: 0.29 × 100 = 28.999…, 4.35 × 100 = 434.999… */
    { "0.29", "EUR", 29 },
    { "4.35", "EUR", 435 },
    { "1.15", "EUR", 115 },
    { "19.99", "EUR", 1999 },
    { "123456789012345.67", "EUR", G_GINT64_CONSTANT (12345678901234567) },
    { "999999999999999.99", "EUR", G_GINT64_CONSTANT (99999999999999999) },
  };
  static const struct { const char *text, *currency; } bad[] = {
    { "garbage", "EUR" },
    { "12abc", "EUR" },
    { "abc12", "EUR" },
    { "€12", "EUR" },
    { "12 EUR", "EUR" },
    { "-5", "EUR" },
    { "1e3", "EUR" },
    { "0x10", "EUR" },
    { "1234567890123456", "EUR" },   /* past what minor units can hold safely */
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      if (!lia_money_parse (good[i].text, good[i].currency, &minor, &error))
        g_error ("“%s” %s refused: %s", good[i].text, good[i].currency, error->message);
      if (minor != good[i].minor)
        g_error ("“%s” %s parsed as %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 good[i].text, good[i].currency, minor, good[i].minor);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      if (lia_money_parse (bad[i].text, bad[i].currency, &minor, &error))
        g_error ("“%s” %s accepted as %" G_GINT64_FORMAT, bad[i].text, bad[i].currency, minor);
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      g_assert_cmpuint (strlen (error->message), >, 0);
    }
}

/* A separator that can be neither the decimal mark (too many digits for
 * the currency, or a currency without minor units) nor a thousands
 * separator (fewer than three digits follow) is a typing slip: "12.5"
 * yen must not become 125 yen. Reported, not asserted, so the tests
 * after this one still run. */
/* What lia_money_format() writes in any locale reads back: narrow and
 * no-break spaces (French), right single quotes (Swiss German). */
static void
test_money_parse_locale_grouping (void)
{
  static const struct { const char *text; gint64 minor; } grouped[] = {
    { "1\u202f234\u202f567,89", 123456789 },
    { "1\u00a0234,50", 123450 },
    { "1\u2019234\u2019567.89", 123456789 },
    { "1'234.50", 123450 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (grouped); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      g_assert_true (lia_money_parse (grouped[i].text, "EUR", &minor, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, grouped[i].minor);
    }
}

static void
test_money_parse_ambiguous (void)
{
  static const struct { const char *text, *currency; } slips[] = {
    { "12.5", "JPY" },
    { "1,5", "JPY" },
    { "1,2345", "EUR" },
    { "1.2.3", "EUR" },
    { "1..5", "EUR" },
    { ".", "EUR" },       /* no digits at all */
    { ",", "EUR" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (slips); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      if (lia_money_parse (slips[i].text, slips[i].currency, &minor, &error))
        {
          g_test_message ("“%s” %s accepted as %" G_GINT64_FORMAT " minor units",
                          slips[i].text, slips[i].currency, minor);
          g_test_fail ();
        }
    }
}

static void
test_money_format (void)
{
  static const struct { gint64 minor; const char *currency, *text; } table[] = {
    { 123450, "EUR", "1234.50 EUR" },
    { 5, "EUR", "0.05 EUR" },
    { -5, "EUR", "-0.05 EUR" },
    { -123450, "EUR", "-1234.50 EUR" },
    { 0, "EUR", "0.00 EUR" },
    { 12, "JPY", "12 JPY" },
    { 12345, "BHD", "12.345 BHD" },
    { G_GINT64_CONSTANT (12345678901234567), "EUR", "123456789012345.67 EUR" },
  };
  const char *old = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (old);

  /* No grouping in the C locale, so the figures are exact here. */
  setlocale (LC_ALL, "C");
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *text = lia_money_format (table[i].minor, table[i].currency);
      g_assert_cmpstr (text, ==, table[i].text);
    }

  /* Whatever the format prints (without its code), parse reads back. */
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *text = lia_money_format (table[i].minor, table[i].currency);
      g_autoptr(GError) error = NULL;
      gint64 back = -1;

      if (table[i].minor < 0)
        continue;
      *strrchr (text, ' ') = '\0';
      g_assert_true (lia_money_parse (text, table[i].currency, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, table[i].minor);
    }
  setlocale (LC_ALL, saved);
}

static void
test_minor_digits (void)
{
  g_assert_cmpuint (lia_money_minor_digits ("EUR"), ==, 2);
  g_assert_cmpuint (lia_money_minor_digits ("USD"), ==, 2);
  g_assert_cmpuint (lia_money_minor_digits ("JPY"), ==, 0);
  g_assert_cmpuint (lia_money_minor_digits ("KRW"), ==, 0);
  g_assert_cmpuint (lia_money_minor_digits ("KWD"), ==, 3);
  g_assert_cmpuint (lia_money_minor_digits ("BHD"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contacts/validate/email", test_validate_email);
  g_test_add_func ("/contacts/validate/phone", test_validate_phone);
  g_test_add_func ("/contacts/validate/name", test_validate_name);
  g_test_add ("/contacts/repository/refuses-invalid", Fixture, NULL,
              fixture_set_up, test_repository_refuses_invalid, fixture_tear_down);
  g_test_add ("/contacts/repository/remove-restore", Fixture, NULL,
              fixture_set_up, test_remove_restore, fixture_tear_down);
  g_test_add ("/contacts/repository/ids-not-reused", Fixture, NULL,
              fixture_set_up, test_ids_not_reused, fixture_tear_down);
  g_test_add ("/contacts/repository/remove-twice", Fixture, NULL,
              fixture_set_up, test_remove_twice, fixture_tear_down);
  g_test_add ("/contacts/repository/created-at", Fixture, NULL,
              fixture_set_up, test_created_at, fixture_tear_down);
  g_test_add_func ("/money/parse", test_money_parse);
  g_test_add_func ("/money/parse-ambiguous", test_money_parse_ambiguous);
  g_test_add_func ("/money/parse-locale-grouping", test_money_parse_locale_grouping);
  g_test_add_func ("/money/format", test_money_format);
  g_test_add_func ("/money/minor-digits", test_minor_digits);

  return g_test_run ();
}
