/* test-search.c — full-text prefix search, through the repository and the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-account-list.h"
#include "lia-account-repository.h"
#include "lia-account-store.h"
#include "lia-sample-data.h"

#include "test-book.h"

typedef struct
{
  char                 *dir;
  LiaBook              *book;
  LiaAccountRepository *repo;
  LiaAccountList       *list;
} Fixture;

static LiaAccount *
add (Fixture    *f,
     const char *number,
     const char *name,
     const char *notes)
{
  LiaAccount *account = lia_test_account_new (number, name, "small-business");

  lia_account_set_notes (account, notes);
  lia_test_account_create (f->book, account);
  return account;
}

static LiaContact *
add_contact (Fixture    *f,
             LiaAccount *account,
             const char *name,
             const char *email)
{
  g_autoptr(GError) error = NULL;
  LiaContact *contact = lia_contact_new ();

  lia_contact_set_account_id (contact, lia_account_get_id (account));
  lia_contact_set_name (contact, name);
  lia_contact_set_email (contact, email);
  g_assert_true (lia_account_repository_add_contact (f->repo, contact, &error));
  g_assert_no_error (error);
  return contact;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->book = lia_test_book_new (&f->dir, NULL, NULL, NULL);
  f->repo = lia_book_get_accounts (f->book);

  /* A small book whose words overlap in their first letters. */
  g_object_unref (add (f, "NW-100", "Northwind Logistics", "Prefers calls before ten"));
  g_object_unref (add (f, "NO-200", "Nordhavn Shipping", ""));
  g_object_unref (add (f, "NA-300", "Natural Foods", "Quarterly review in spring"));
  g_object_unref (add (f, "BH-400", "Blue Harbor Foods", ""));
  g_object_unref (add (f, "MU-500", "Müller & Söhne", "Kunde seit 1998"));
  g_object_unref (add (f, "ZZ-600", "Zephyr Analytics", "Interested in the premium plan"));

  f->list = lia_account_list_new (f->book);
  lia_account_list_set_include_closed (f->list, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->list);
  lia_test_book_close (&f->book, &f->dir, NULL);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The numbers the repository finds for @text, sorted, as one string. */
static char *
repo_search (Fixture    *f,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = lia_account_repository_search (f->repo, text, 100, &error);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

  g_assert_no_error (error);
  g_assert_nonnull (found);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (numbers, (gpointer)lia_account_get_number (g_ptr_array_index (found, i)));
  g_ptr_array_sort (numbers, compare_strings);
  g_ptr_array_add (numbers, NULL);
  return g_strjoinv (" ", (char **)numbers->pdata);
}

/* The same through the list's search-text, in the list's order. */
static char *
list_search (Fixture    *f,
             const char *text)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  guint n;

  lia_account_list_set_search_text (f->list, text);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAccount) account = g_list_model_get_item (model, i);
      g_ptr_array_add (numbers, g_strdup (lia_account_get_number (account)));
    }
  g_assert_null (g_list_model_get_item (model, n));
  g_ptr_array_sort (numbers, compare_strings);
  g_ptr_array_add (numbers, NULL);
  return g_strjoinv (" ", (char **)numbers->pdata);
}

/* Both ways of searching find exactly @expected (sorted numbers). */
static void
assert_search (Fixture    *f,
               const char *text,
               const char *expected)
{
  g_autofree char *by_repo = repo_search (f, text);
  g_autofree char *by_list = list_search (f, text);

  if (g_strcmp0 (by_repo, expected) != 0 || g_strcmp0 (by_list, expected) != 0)
    g_error ("search “%s”: expected [%s], repository found [%s], list showed [%s]",
             text, expected, by_repo, by_list);
}

static void
test_name_prefixes (Fixture       *f,
                    gconstpointer  data)
{
  assert_search (f, "n", "NA-300 NO-200 NW-100");
  assert_search (f, "no", "NO-200 NW-100");
  assert_search (f, "nor", "NO-200 NW-100");
  assert_search (f, "nort", "NW-100");
  assert_search (f, "NORTHWIND", "NW-100");
  assert_search (f, "f", "BH-400 NA-300");         /* second word */
  assert_search (f, "fo", "BH-400 NA-300");
  assert_search (f, "foo", "BH-400 NA-300");
  assert_search (f, "blue foo", "BH-400");         /* every word must match */
  assert_search (f, "foo blue", "BH-400");
  assert_search (f, "blue nord", "");
  assert_search (f, "x", "");
  /* Inside a word is not a prefix. */
  assert_search (f, "wind", "");

  lia_account_list_set_search_text (f->list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 6);
}

static void
test_numbers_and_notes (Fixture       *f,
                        gconstpointer  data)
{
  assert_search (f, "NW-100", "NW-100");
  assert_search (f, "nw-1", "NW-100");
  assert_search (f, "100", "NW-100");
  assert_search (f, "BH", "BH-400");
  assert_search (f, "prefers", "NW-100");
  assert_search (f, "quarter", "NA-300");
  assert_search (f, "premium pl", "ZZ-600");
  assert_search (f, "1998", "MU-500");
}

static void
test_contacts_indexed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) zephyr = lia_account_repository_lookup_by_number (f->repo, "ZZ-600", &error);
  g_autoptr(LiaAccount) blue = lia_account_repository_lookup_by_number (f->repo, "BH-400", &error);
  g_autoptr(LiaContact) greta = NULL;
  g_autoptr(LiaContact) kenji = NULL;
  g_autoptr(LiaContact) other = NULL;

  assert_search (f, "greta", "");

  greta = add_contact (f, zephyr, "Greta Hansen", "g.hansen@zephyr-analytics.example");
  kenji = add_contact (f, blue, "Kenji Tanaka", "kenji@blueharbor.example");
  other = add_contact (f, zephyr, "Olga Petrova", "olga@zephyr-analytics.example");

  assert_search (f, "greta", "ZZ-600");
  assert_search (f, "han", "ZZ-600");
  assert_search (f, "olga", "ZZ-600");
  assert_search (f, "g.hansen@zephyr", "ZZ-600");
  assert_search (f, "kenji@blueharbor.example", "BH-400");
  assert_search (f, "tanaka", "BH-400");

  /* Editing a contact re-indexes it. */
  lia_contact_set_name (kenji, "Kenta Tanabe");
  lia_contact_set_email (kenji, "kenta@blueharbor.example");
  g_assert_true (lia_account_repository_save_contact (f->repo, kenji, &error));
  g_assert_no_error (error);
  assert_search (f, "kenji", "");
  assert_search (f, "kenta", "BH-400");

  /* A removed contact is no longer found; the other one still is. */
  g_assert_true (lia_account_repository_remove_contact (f->repo, greta, &error));
  g_assert_no_error (error);
  assert_search (f, "greta", "");
  assert_search (f, "g.hansen", "");
  assert_search (f, "olga", "ZZ-600");

  /* Undo brings it back into the index too. */
  g_assert_true (lia_account_repository_restore_contact (f->repo, greta, &error));
  g_assert_no_error (error);
  assert_search (f, "greta", "ZZ-600");

  /* The last contact gone leaves the account findable by its own words. */
  g_assert_true (lia_account_repository_remove_contact (f->repo, kenji, &error));
  assert_search (f, "kenta", "");
  assert_search (f, "harbor", "BH-400");
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = lia_account_repository_lookup_by_number (f->repo, "NA-300", &error);

  assert_search (f, "natural", "NA-300");

  lia_account_set_name (account, "Evergreen Produce");
  lia_account_set_notes (account, "");
  g_assert_true (lia_account_repository_save (f->repo, account, &error));
  g_assert_no_error (error);

  assert_search (f, "natural", "");
  assert_search (f, "quarterly", "");
  assert_search (f, "evergreen", "NA-300");
  assert_search (f, "prod", "NA-300");

  /* Renumbering re-indexes the number. */
  lia_account_set_number (account, "EV-301");
  g_assert_true (lia_account_repository_save (f->repo, account, &error));
  assert_search (f, "NA-300", "");
  assert_search (f, "EV-301", "EV-301");
}

/* What people type is taken literally, never as FTS5 syntax. */
static void
test_syntax_is_literal (Fixture       *f,
                        gconstpointer  data)
{
  const char *inputs[] = {
    "\"", "\"\"", "\"north", "north\"", "*", "**", "n*", "*n", "north OR blue", "OR", "AND",
    "NOT", "-", "-north", "north -blue", "NEAR(", "NEAR(north blue)", "NEAR(north, 2)",
    "(", ")", "(north", "name:north", "notes:", "^north", "{name}: north", "north + blue",
    "'", "north'", "\\", "%", "_", "north;DROP TABLE accounts", "\t", "   ", "",
    "ü", "Ω", "🙂", "north\xc3\xa9",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = lia_account_repository_search (f->repo, inputs[i], 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
      /* The list logs a warning on an SQL error, which fails this test. */
      lia_account_list_set_search_text (f->list, inputs[i]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), <=, 6);
    }

  /* The words around the punctuation still count. */
  assert_search (f, "\"north", "NW-100");
  assert_search (f, "north*", "NW-100");
  assert_search (f, "(north)", "NW-100");
  assert_search (f, "north OR blue", "");   /* OR is a word here, not an operator */
  assert_search (f, "-blue", "BH-400");

  /* Nothing got dropped on the way. */
  lia_account_list_set_search_text (f->list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 6);
}

static void
test_diacritics (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(LiaAccount) muller = add (f, "MU-501", "Muller Brothers", "");
  g_autoptr(LiaAccount) cafe = add (f, "CA-700", "Café Crème", "");

  assert_search (f, "müller", "MU-500 MU-501");
  assert_search (f, "muller", "MU-500 MU-501");
  assert_search (f, "MÜLL", "MU-500 MU-501");
  assert_search (f, "mu", "MU-500 MU-501");
  assert_search (f, "sohne", "MU-500");
  assert_search (f, "söhne", "MU-500");
  assert_search (f, "cafe creme", "CA-700");
  assert_search (f, "CAFÉ", "CA-700");
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  for (guint limit = 1; limit <= 4; limit++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = lia_account_repository_search (f->repo, "n", limit, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, MIN (limit, 3));
    }
}

/* More matches than a search shows: the list says it is truncated and
 * shows no more than the cap; a narrower search is not truncated. */
static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "big.db", NULL);
  g_autoptr(LiaBook) book = lia_book_open (path, &error);
  g_autoptr(LiaAccountList) list = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint n;

  g_assert_no_error (error);
  /* Sample numbers are ACC-000001 …, so "acc" matches every account. */
  g_assert_true (lia_sample_data_generate (book, LIA_ACCOUNT_SEARCH_LIMIT + 50, 3, &error));
  g_assert_no_error (error);

  list = lia_account_list_new (book);
  lia_account_list_set_include_closed (list, TRUE);
  g_assert_false (lia_account_list_get_truncated (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, LIA_ACCOUNT_SEARCH_LIMIT + 50);

  lia_account_list_set_search_text (list, "acc");
  g_assert_true (lia_account_list_get_truncated (list));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <=, LIA_ACCOUNT_SEARCH_LIMIT);

  found = lia_account_repository_search (lia_book_get_accounts (book), "acc",
                                         LIA_ACCOUNT_SEARCH_LIMIT + 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, LIA_ACCOUNT_SEARCH_LIMIT + 50);

  /* One account's number: not truncated. */
  lia_account_list_set_search_text (list, "ACC-000007");
  g_assert_false (lia_account_list_get_truncated (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  lia_account_list_set_search_text (list, "acc");
  g_assert_true (lia_account_list_get_truncated (list));
  lia_account_list_set_search_text (list, "");
  g_assert_false (lia_account_list_get_truncated (list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/search/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("name-prefixes", test_name_prefixes);
  ADD ("numbers-and-notes", test_numbers_and_notes);
  ADD ("contacts-indexed", test_contacts_indexed);
  ADD ("rename", test_rename);
  ADD ("syntax-is-literal", test_syntax_is_literal);
  ADD ("diacritics", test_diacritics);
  ADD ("limit", test_limit);
  ADD ("truncated", test_truncated);

#undef ADD

  return g_test_run ();
}
