/* test-german.c — the app as LANGUAGE=de shows it
 *
 * A display suite: run under xvfb-run (and dbus-run-session). It needs a
 * German locale, since gettext ignores LANGUAGE in the C locale: in CI
 * (.ci/install-deps generates de_DE.UTF-8) a missing one fails the
 * tests, elsewhere they skip saying so. The catalogue is the one meson
 * compiles from po/de.po into the build tree.
 *
 * What "English" means comes from the sources, not from a list here:
 * tests/check-po.py --list runs xgettext over po/POTFILES and pairs each
 * msgid with de.po's translation. A visible text equal to a msgid that
 * de.po translates differently fails the test: the code shows a string
 * without looking it up. One that de.po does not translate yet (a string
 * just added) is reported by name and place but does not fail here:
 * check-po fails for it, and it is the translation that is behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lia-account-dialog.h"
#include "lia-accounts-view.h"
#include "lia-format.h"
#include "lia-money.h"
#include "lia-preferences-window.h"
#include "lia-sample-data.h"

#include "test-display.h"

#define GERMAN_LOCALE "de_DE.UTF-8"

static gboolean have_german;

/* Without a German locale the suite cannot say anything: CI installs
 * one, so there it is a failure; elsewhere a skip that says why. */
static gboolean
require_german (void)
{
  const char *why = "no " GERMAN_LOCALE " locale (gettext ignores LANGUAGE in the C locale); "
                    "on Debian run .ci/install-deps, or enable it in /etc/locale.gen and run locale-gen";

  if (have_german)
    return TRUE;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0 ||
      g_strcmp0 (g_getenv ("LIAISON_TEST_KEYRING"), "required") == 0)
    {
      g_test_message ("%s", why);
      g_test_fail ();
    }
  else
    g_test_skip (why);
  return FALSE;
}

/* ---- the sources' msgids and de.po's translations ---- */

typedef struct
{
  char    *msgid;
  char    *plural;
  char    *refs;
  gboolean translated;  /* de.po has every form */
  gboolean differs;     /* and they are not the English text */
  GRegex  *pattern;     /* for a msgid with directives, what it prints */
} Msgid;

static void
msgid_free (Msgid *m)
{
  g_free (m->msgid);
  g_free (m->plural);
  g_free (m->refs);
  g_clear_pointer (&m->pattern, g_regex_unref);
  g_free (m);
}

typedef struct
{
  GHashTable *english;  /* msgid and msgid_plural → Msgid */
  GPtrArray  *msgids;   /* every Msgid, owned */
  GHashTable *german;   /* every msgstr form */
  guint       n_msgids;
} Catalogue;

static Catalogue catalogue;

/* "%u accounts" → ^(.+) accounts$, so a formatted English string is
 * recognized too. Only where the words around the directives are long
 * enough to tell English apart: "%s · %s" would match anything, and
 * German shares short words ("Name", "Status") with English. */
static GRegex *
pattern_for (const char *msgid)
{
  static GRegex *directive = NULL;
  static GRegex *english_word = NULL;
  g_auto(GStrv) literals = NULL;
  g_autoptr(GString) regex = g_string_new ("^");
  g_autoptr(GString) words = g_string_new (NULL);

  if (directive == NULL)
    {
      directive = g_regex_new ("%(?:\\d+\\$)?[-+ #0']*\\d*(?:\\.\\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp]",
                               G_REGEX_OPTIMIZE, 0, NULL);
      english_word = g_regex_new ("[A-Za-z]{5,}", G_REGEX_OPTIMIZE, 0, NULL);
    }
  if (strchr (msgid, '%') == NULL)
    return NULL;

  literals = g_regex_split (directive, msgid, 0);
  for (guint i = 0; literals[i]; i++)
    {
      g_autofree char *unescaped = NULL;
      g_autofree char *quoted = NULL;
      GString *s = g_string_new (literals[i]);

      g_string_replace (s, "%%", "%", 0);
      unescaped = g_string_free (s, FALSE);
      quoted = g_regex_escape_string (unescaped, -1);
      if (i > 0)
        g_string_append (regex, "(.+)");
      g_string_append (regex, quoted);
      g_string_append_c (words, ' ');
      g_string_append (words, unescaped);
    }
  g_string_append_c (regex, '$');

  if (!g_regex_match (english_word, words->str, 0, NULL))
    return NULL;
  return g_regex_new (regex->str, G_REGEX_DOTALL, 0, NULL);
}

static void
add_english (const char *text,
             Msgid      *m)
{
  Msgid *known = g_hash_table_lookup (catalogue.english, text);

  /* One text, several msgids (contexts): one translated differently
   * is enough to call the text English. */
  if (known == NULL || (m->differs && !known->differs))
    g_hash_table_insert (catalogue.english, (gpointer)text, m);
}

static void
read_record (char *record)
{
  g_auto(GStrv) fields = g_strsplit (record, "\x1f", -1);
  guint n = g_strv_length (fields);
  Msgid *m;

  if (n < 4)
    return;

  m = g_new0 (Msgid, 1);
  m->msgid = g_strdup (fields[1]);
  m->plural = *fields[2] ? g_strdup (fields[2]) : NULL;
  m->refs = g_strdup (fields[3]);
  m->translated = n > 4;
  for (guint i = 4; i < n; i++)
    {
      g_hash_table_add (catalogue.german, g_strdup (fields[i]));
      if (g_strcmp0 (fields[i], fields[1]) != 0 && g_strcmp0 (fields[i], fields[2]) != 0)
        m->differs = TRUE;
    }
  m->pattern = pattern_for (m->msgid);

  /* The array owns every Msgid; the table finds it by msgid and plural. */
  g_ptr_array_add (catalogue.msgids, m);
  add_english (m->msgid, m);
  if (m->plural != NULL)
    add_english (m->plural, m);
  catalogue.n_msgids++;
}

/* Runs check-po.py --list: xgettext over po/POTFILES, paired with de.po. */
static void
load_catalogue (void)
{
  const char *argv[] = { LIA_TEST_PYTHON, LIA_TEST_SOURCE_ROOT "/tests/check-po.py", "--list",
                         LIA_TEST_SOURCE_ROOT, "de", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) records = NULL;
  int status = 0;

  catalogue.english = g_hash_table_new (g_str_hash, g_str_equal);
  catalogue.msgids = g_ptr_array_new_with_free_func ((GDestroyNotify)msgid_free);
  catalogue.german = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("tests/check-po.py --list failed: %s", err);

  records = g_strsplit (out, "\x1e", -1);
  for (guint i = 0; records[i]; i++)
    read_record (records[i]);
  g_assert_cmpuint (catalogue.n_msgids, >, 100);
}

/* ---- looking at what a person sees ---- */

typedef struct
{
  const char *place;       /* what is being looked at */
  gboolean    mapped_only; /* a shown window: only what is on screen */
  GHashTable *seen;        /* every text looked at */
  GHashTable *english;     /* report line → TRUE: shown in English though translated */
  GHashTable *behind;      /* report line → TRUE: not in de.po yet */
} Walk;

static Msgid *
english_msgid (const char *text)
{
  Msgid *m = g_hash_table_lookup (catalogue.english, text);

  if (m != NULL)
    return m;
  for (guint i = 0; i < catalogue.msgids->len; i++)
    {
      Msgid *p = g_ptr_array_index (catalogue.msgids, i);

      if (p->pattern != NULL && g_regex_match (p->pattern, text, 0, NULL))
        return p;
    }
  return NULL;
}

static void
check_text (Walk       *walk,
            const char *text,
            GObject    *object,
            const char *property)
{
  Msgid *m;
  char *line;

  if (text == NULL || *text == '\0')
    return;
  g_hash_table_add (walk->seen, g_strdup (text));

  /* A German text that happens to be an English msgid too ("Portal"). */
  if (g_hash_table_contains (catalogue.german, text) || (m = english_msgid (text)) == NULL)
    return;
  if (m->translated && !m->differs)
    return;

  line = g_strdup_printf ("“%s” (msgid “%s”, %s) as %s:%s in %s", text, m->msgid, m->refs,
                          G_OBJECT_TYPE_NAME (object), property, walk->place);
  g_hash_table_add (m->translated ? walk->english : walk->behind, line);
}

static void
check_property (Walk       *walk,
                GObject    *object,
                const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_autofree char *text = NULL;

  if (pspec == NULL || pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE))
    return;
  g_object_get (object, property, &text, NULL);
  check_text (walk, text, object, property);
}

static void
check_menu (Walk       *walk,
            GMenuModel *menu,
            GObject    *owner)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      GMenuModel *linked;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (walk, label, owner, "menu item");
      while (g_menu_link_iter_get_next (links, NULL, &linked))
        {
          check_menu (walk, linked, owner);
          g_object_unref (linked);
        }
    }
}

static void
check_model (Walk       *walk,
             GListModel *model,
             GObject    *owner)
{
  if (GTK_IS_STRING_LIST (model))
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      check_text (walk, gtk_string_list_get_string (GTK_STRING_LIST (model), i), owner, "model item");
}

static void
check_pages (Walk             *walk,
             GtkSelectionModel *pages)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      check_property (walk, page, "title");
    }
}

static void
walk_widget (Walk      *walk,
             GtkWidget *widget)
{
  const char *properties[] = { "label", "title", "subtitle", "placeholder-text", "tooltip-text",
                               "description", "heading", "body" };
  GParamSpec *pspec;

  /* Unmapped, a window is looked at as it would show (its own visible
   * flag is off until it is presented). */
  if (walk->mapped_only ? !gtk_widget_get_mapped (widget)
                        : !gtk_widget_get_visible (widget) && !GTK_IS_ROOT (widget))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    check_property (walk, G_OBJECT (widget), properties[i]);
  if (GTK_IS_LABEL (widget))
    check_text (walk, gtk_label_get_text (GTK_LABEL (widget)), G_OBJECT (widget), "text");

  /* What opens from here: menus, drop-down lists, a stack's other pages. */
  if ((pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "menu-model")) &&
      g_type_is_a (pspec->value_type, G_TYPE_MENU_MODEL))
    {
      g_autoptr(GMenuModel) menu = NULL;

      g_object_get (widget, "menu-model", &menu, NULL);
      if (menu != NULL)
        check_menu (walk, menu, G_OBJECT (widget));
    }
  if (GTK_IS_DROP_DOWN (widget))
    check_model (walk, gtk_drop_down_get_model (GTK_DROP_DOWN (widget)), G_OBJECT (widget));
  if (ADW_IS_COMBO_ROW (widget))
    check_model (walk, adw_combo_row_get_model (ADW_COMBO_ROW (widget)), G_OBJECT (widget));
  if (ADW_IS_VIEW_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (ADW_VIEW_STACK (widget));

      check_pages (walk, pages);
    }
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (widget));

      check_pages (walk, pages);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    walk_widget (walk, c);
}

static void
walk_init (Walk *walk)
{
  walk->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  walk->behind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->seen, g_hash_table_unref);
  g_clear_pointer (&walk->english, g_hash_table_unref);
  g_clear_pointer (&walk->behind, g_hash_table_unref);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
print_sorted (GHashTable *lines,
              const char *heading)
{
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (lines, NULL);
  guint n = g_hash_table_size (lines);

  if (n == 0)
    return;
  qsort (keys, n, sizeof (gpointer), compare_lines);
  g_printerr ("%s (%u):\n", heading, n);
  for (guint i = 0; i < n; i++)
    g_printerr ("  %s\n", (char *)keys[i]);
}

/* Fails for what is English though de.po translates it; lists what
 * de.po does not translate yet. */
static void
walk_report (Walk *walk)
{
  g_test_message ("Looked at %u distinct texts", g_hash_table_size (walk->seen));
  print_sorted (walk->behind, "Not translated in po/de.po yet (tests/check-po.py fails for these)");
  print_sorted (walk->english, "Shown in English although po/de.po translates them");
  g_assert_cmpuint (g_hash_table_size (walk->english), ==, 0);
}

/* ---- the catalogue and the locale by themselves ---- */

static void
test_catalogue (void)
{
  g_autofree char *date = NULL;
  g_autofree char *money = NULL;
  g_autoptr(GDateTime) march = NULL;

  if (!require_german ())
    return;

  /* Mnemonics, plurals and contexts come through as German. */
  g_assert_cmpstr (_("_Cancel"), ==, "_Abbrechen");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%'u account", "%'u accounts", 1), ==, "%'u Konto");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%'u account", "%'u accounts", 5), ==, "%'u Konten");
  g_assert_cmpstr (C_("shortcut window", "Preferences"), ==, "Einstellungen");

  /* Model and store strings are translated where they are made. */
  g_assert_cmpstr (lia_account_state_to_label (LIA_ACCOUNT_STATE_DORMANT), ==, "Ruhend");

  /* Dates: the catalogue's format with the locale's month names. */
  march = g_date_time_new_local (2026, 3, 12, 12, 0, 0);
  date = lia_format_date (g_date_time_to_unix (march));
  g_assert_cmpstr (date, ==, "12. Mär 2026");

  /* Counts: the locale's thousands, in the catalogue's words. */
  {
    g_autofree char *count = lia_format_count (1234);
    g_autofree char *accounts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u account", "%'u accounts", 12345),
                                                 12345u);

    g_assert_cmpstr (count, ==, "1.234");
    g_assert_cmpstr (accounts, ==, "12.345 Konten");
  }

  /* Money: the locale's grouping and decimal mark. */
  money = lia_money_format (123456789, "EUR");
  g_assert_cmpstr (money, ==, "1.234.567,89 EUR");
}

/* ---- the main window on a sample book ---- */

typedef struct
{
  char      *data_dir;
  gint64     now;
  LiaBook   *book;
  LiaWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_german)
    return;

  fixture->now = LIA_TEST_START_TIME;
  fixture->book = lia_test_book_new (&fixture->data_dir, NULL, &fixture->now, "Test Person");
  g_assert_true (lia_sample_data_generate (fixture->book, 40, 7, &error));
  g_assert_no_error (error);
  fixture->window = lia_test_main_window_new (fixture->book, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    lia_test_display_tear_down (GTK_WINDOW (fixture->window), &fixture->book, &fixture->data_dir);
}

typedef struct
{
  AdwViewStack *areas;
  const char   *name;
} AreaShown;

static gboolean
area_shown (gpointer data)
{
  AreaShown *shown = data;
  GtkWidget *child = adw_view_stack_get_child_by_name (shown->areas, shown->name);

  return g_strcmp0 (adw_view_stack_get_visible_child_name (shown->areas), shown->name) == 0 &&
         child != NULL && gtk_widget_get_mapped (child);
}

/* Every area as it first shows, the accounts list with an account open,
 * and the primary menu. */
static void
test_main_window (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwViewStack *areas;
  g_autoptr(GtkSelectionModel) pages = NULL;
  gint64 account_id;
  Walk walk = { NULL, TRUE };

  if (!require_german ())
    return;

  walk_init (&walk);
  areas = ADW_VIEW_STACK (lia_test_child (fixture->window, LIA_TYPE_WINDOW, "areas"));
  pages = adw_view_stack_get_pages (areas);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      AreaShown shown = { areas, adw_view_stack_page_get_name (page) };
      g_autofree char *place = g_strdup_printf ("the %s area", shown.name);

      if (!adw_view_stack_page_get_visible (page))
        continue;
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-area",
                                                 "s", shown.name));
      lia_test_wait_for (area_shown, &shown, place);
      lia_test_drain_main_loop ();
      walk.place = place;
      walk_widget (&walk, GTK_WIDGET (fixture->window));
    }

  account_id = lia_test_book_sql_int (fixture->book, "SELECT min (id) FROM accounts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-account",
                                             "x", account_id));
  lia_test_wait_for (lia_test_is_mapped, lia_accounts_view_get_page (lia_window_get_accounts_view (fixture->window)),
                     "an account's page");
  lia_test_drain_main_loop ();
  walk.place = "an account's page";
  walk_widget (&walk, GTK_WIDGET (fixture->window));

  walk.place = "the primary menu";
  check_menu (&walk, lia_views_get_primary_menu (), G_OBJECT (fixture->window));

  walk_report (&walk);

  /* Some of what must be there, in German. */
  g_assert_true (g_hash_table_contains (walk.seen, "_Konten"));
  g_assert_true (g_hash_table_contains (walk.seen, "_Einstellungen"));
  g_assert_true (g_hash_table_contains (walk.seen, "Konten durchsuchen"));
  walk_clear (&walk);
}

/* Windows the main one opens: a dialog, the preferences, the shortcuts. */
static void
test_other_windows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtkBuilder) help = NULL;
  GtkWindow *dialog;
  GtkWidget *preferences;
  Walk walk = { NULL, FALSE };

  if (!require_german ())
    return;

  walk_init (&walk);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-account", NULL);
  dialog = lia_test_wait_for_toplevel (LIA_TYPE_ACCOUNT_DIALOG);
  lia_test_wait_for (lia_test_is_mapped, dialog, "the New Account dialog to map");
  walk.place = "the New Account dialog";
  walk.mapped_only = TRUE;
  walk_widget (&walk, GTK_WIDGET (dialog));
  gtk_window_destroy (dialog);

  preferences = lia_preferences_window_new (GTK_WINDOW (fixture->window), fixture->book);
  gtk_window_present (GTK_WINDOW (preferences));
  lia_test_wait_for (lia_test_is_mapped, preferences, "the preferences");
  walk.place = "the preferences";
  walk_widget (&walk, preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Never shown here: every section as it would be. */
  help = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  walk.place = "the shortcuts window";
  walk.mapped_only = FALSE;
  walk_widget (&walk, GTK_WIDGET (gtk_builder_get_object (help, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (help, "help_overlay")));

  walk_report (&walk);

  g_assert_true (g_hash_table_contains (walk.seen, "Neues Konto"));
  g_assert_true (g_hash_table_contains (walk.seen, "Tastenkürzel anzeigen"));
  walk_clear (&walk);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone; LANGUAGE before gettext reads it. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  lia_test_display_init (&argc, &argv);

  /* gtk_test_init() settled on a locale of its own: ask for German. */
  have_german = setlocale (LC_ALL, GERMAN_LOCALE) != NULL;
  bindtextdomain (GETTEXT_PACKAGE, LIA_TEST_LOCALE_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_assert_true (g_file_test (LIA_TEST_LOCALE_DIR "/de/LC_MESSAGES/" GETTEXT_PACKAGE ".mo",
                              G_FILE_TEST_IS_REGULAR));
  load_catalogue ();

  g_test_add_func ("/german/catalogue", test_catalogue);
  g_test_add ("/german/main-window", Fixture, NULL, fixture_set_up, test_main_window, fixture_tear_down);
  g_test_add ("/german/other-windows", Fixture, NULL, fixture_set_up, test_other_windows, fixture_tear_down);

  return g_test_run ();
}
