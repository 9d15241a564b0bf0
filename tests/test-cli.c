/* test-cli.c — the `liaison` command line, spawned as scripts run it
 *
 * LIAISON_BINARY (set by meson) is the built binary. Every run has its own
 * data dir, and HOME and the XDG dirs point into the test's temp folder,
 * with no display in the environment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <unistd.h>

#include "test-common.h"

typedef struct
{
  char *dir;
  char *data_dir;
  char *xdg_data;
  char *db_path;
} Fixture;

typedef struct
{
  int   status;    /* the exit status, or -1 if it did not exit */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = lia_test_make_tmp ();
  f->data_dir = g_build_filename (f->dir, "data", NULL);
  f->xdg_data = g_build_filename (f->dir, "xdg-data", NULL);
  f->db_path = g_build_filename (f->data_dir, "liaison.db", NULL);
  g_assert_cmpint (g_mkdir (f->xdg_data, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->data_dir);
  g_free (f->xdg_data);
  g_free (f->db_path);
}

static char **
child_environment (Fixture *f)
{
  g_autofree char *home = g_build_filename (f->dir, "home", NULL);
  g_autofree char *config = g_build_filename (f->dir, "xdg-config", NULL);
  g_autofree char *cache = g_build_filename (f->dir, "xdg-cache", NULL);
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", f->xdg_data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  /* Fixed formatting: no digit grouping, UTF-8 quotes. */
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  return env;
}

/* Runs `liaison ARGS…` exactly as given (no --data-dir added). */
static Run
run_raw (Fixture    *f,
         const char *first,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = child_environment (f);
  const char *binary = g_getenv ("LIAISON_BINARY");
  Run run = { -1, NULL, NULL };
  int wait_status = 0;
  va_list args;

  if (binary == NULL)
    g_error ("LIAISON_BINARY is not set (meson sets it to the built liaison)");

  g_ptr_array_add (argv, (gpointer)binary);
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->dir, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run.out, &run.err, &wait_status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    run.status = WEXITSTATUS (wait_status);

  {
    g_autofree char *err = g_strescape (run.err, NULL);
    g_test_message ("liaison %s … → exit %d, stderr “%s”", first, run.status, err);
  }
  return run;
}

#define run(f, ...) run_raw ((f), "--data-dir", (f)->data_dir, __VA_ARGS__, NULL)

/* In the child, just before exec: its standard input from a file. */
static void
stdin_from_file_cb (gpointer user_data)
{
  int fd = open (user_data, O_RDONLY);

  if (fd >= 0)
    {
      dup2 (fd, STDIN_FILENO);
      close (fd);
    }
}

/* Runs `liaison --data-dir DIR ARGS…` with @input on its standard input;
 * @bus, when not NULL, is its session bus address (one where no keyring
 * answers, say). */
static Run
run_input_raw (Fixture    *f,
               const char *input,
               const char *bus,
               const char *first,
               ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = child_environment (f);
  g_autofree char *input_path = g_build_filename (f->dir, "stdin.txt", NULL);
  const char *binary = g_getenv ("LIAISON_BINARY");
  Run run = { -1, NULL, NULL };
  int wait_status = 0;
  va_list args;

  if (binary == NULL)
    g_error ("LIAISON_BINARY is not set (meson sets it to the built liaison)");

  g_ptr_array_add (argv, (gpointer)binary);
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, f->data_dir);
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (bus != NULL)
    env = g_environ_setenv (env, "DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
  lia_test_write_file (input_path, input, strlen (input));
  g_spawn_sync (f->dir, (char **)argv->pdata, env, G_SPAWN_DEFAULT, stdin_from_file_cb, input_path,
                &run.out, &run.err, &wait_status, &error);
  g_assert_no_error (error);
  g_unlink (input_path);

  if (WIFEXITED (wait_status))
    run.status = WEXITSTATUS (wait_status);
  {
    g_autofree char *err = g_strescape (run.err, NULL);
    g_test_message ("liaison %s … (stdin) → exit %d, stderr “%s”", first, run.status, err);
  }
  return run;
}

#define run_input(f, input, ...) run_input_raw ((f), (input), NULL, __VA_ARGS__, NULL)
/* Nothing listens there: no secret service, so no keyring. */
#define NO_BUS "unix:path=/nonexistent/liaison-test-bus"

/* A failure is one line on stderr, naming @needle, and nothing on stdout. */
static void
assert_failed (Run        *run,
               const char *needle)
{
  const char *newline;

  g_assert_cmpint (run->status, >, 0);
  g_assert_cmpstr (run->out, ==, "");
  newline = strchr (run->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");       /* exactly one line */
  g_assert_cmpuint (strlen (run->err), >, 1);
  if (needle && !strstr (run->err, needle))
    g_error ("stderr “%s” does not mention “%s”", run->err, needle);
}

static void
assert_succeeded (Run *run)
{
  if (run->status != 0)
    g_error ("exit status %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

/* --- a strict RFC 4180 reader --- */

/* Returns the records (each a NULL-terminated array of fields), or NULL
 * when @text is not RFC 4180: every record ends in CRLF, a field with a
 * quote, comma or line break is quoted, and quotes inside are doubled. */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      gboolean quoted = *p == '"';

      g_string_truncate (field, 0);
      if (quoted)
        {
          for (p++;; p++)
            {
              if (*p == '\0')
                return NULL;                    /* unterminated quote */
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
        }
      else
        for (; *p && *p != ',' && *p != '\r' && *p != '\n'; p++)
          {
            if (*p == '"')
              return NULL;                      /* stray quote */
            g_string_append_c (field, *p);
          }

      g_ptr_array_add (fields, g_strdup (field->str));

      if (*p == ',')
        p++;
      else if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_ptr_array_steal (fields, NULL));
          g_ptr_array_set_free_func (fields, g_free);
        }
      else
        return NULL;                            /* bare LF, or junk after a quote */
    }

  if (fields->len > 0)
    return NULL;                                /* last record without CRLF */
  return g_steal_pointer (&records);
}

static const char * const csv_header[] = {
  "number", "name", "segment", "state", "manager", "contract_value", "currency", "last_verified",
  /* one column per classified field of accounts, in their order */
  "registration_number", "billing_address", "tax_id", "bank_details", "private_notes", NULL,
};

/* A listing's CSV output, checked and parsed: @header first, every row
 * as wide. The header row is left out. */
static GPtrArray *
parse_listing (Run                *run,
               const char * const *header)
{
  GPtrArray *records;

  assert_succeeded (run);
  records = parse_csv (run->out);
  if (records == NULL)
    g_error ("not RFC 4180 CSV:\n%s", run->out);
  g_assert_cmpuint (records->len, >=, 1);
  g_assert_true (g_strv_equal (g_ptr_array_index (records, 0), header));
  for (guint i = 1; i < records->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (records, i)), ==, g_strv_length ((char **)header));
  g_ptr_array_remove_index (records, 0);
  return records;
}

/* `account list --format csv [--all]`, checked and parsed. */
static GPtrArray *
list_csv (Fixture  *f,
          gboolean  all)
{
  g_auto(Run) run = all ? run (f, "account", "list", "--format", "csv", "--all")
                        : run (f, "account", "list", "--format", "csv");

  return parse_listing (&run, csv_header);
}

static const char * const event_csv_header[] = {
  "id", "opened", "account", "kind", "status", "severity", "performer", "sla_state", "summary", NULL,
};

/* `event list --format csv`, checked and parsed. */
static GPtrArray *
list_events_csv (Fixture *f)
{
  g_auto(Run) run = run (f, "event", "list", "--format", "csv");

  return parse_listing (&run, event_csv_header);
}

static void
test_csv_reader (void)
{
  g_autoptr(GPtrArray) ok = parse_csv ("a,\"b,\"\"c\"\"\",\r\n\"x\r\ny\",z,\r\n");
  g_autoptr(GPtrArray) bare_lf = parse_csv ("a,b\n");
  g_autoptr(GPtrArray) stray = parse_csv ("a,b\"c\r\n");
  g_autoptr(GPtrArray) open_quote = parse_csv ("\"a,b\r\n");

  /* The reader itself: right on good input, strict on bad. */
  g_assert_nonnull (ok);
  g_assert_cmpuint (ok->len, ==, 2);
  g_assert_cmpstr (((char **)g_ptr_array_index (ok, 0))[1], ==, "b,\"c\"");
  g_assert_cmpstr (((char **)g_ptr_array_index (ok, 0))[2], ==, "");
  g_assert_cmpstr (((char **)g_ptr_array_index (ok, 1))[0], ==, "x\r\ny");
  g_assert_null (bare_lf);
  g_assert_null (stray);
  g_assert_null (open_quote);
}

/* --- the commands --- */

static void
test_add_and_show (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Run) add = run (f, "account", "add", "--number", "T-100", "--name", "Northwind Logistics",
                         "--segment", "key-account", "--manager", "Alice Martin",
                         "--contract-value", "1,234.50", "--currency", "EUR");
  g_auto(Run) show = { 0 };
  GStatBuf st;

  assert_succeeded (&add);
  g_assert_cmpstr (add.out, ==, "T-100\n");

  /* The book is private to its owner. */
  g_assert_cmpint (g_stat (f->db_path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  show = run (f, "account", "show", "T-100");
  assert_succeeded (&show);
  g_assert_nonnull (strstr (show.out, "T-100"));
  g_assert_nonnull (strstr (show.out, "Northwind Logistics"));
  g_assert_nonnull (strstr (show.out, "Key account"));
  g_assert_nonnull (strstr (show.out, "Alice Martin"));
  g_assert_nonnull (strstr (show.out, "prospect"));
  g_assert_nonnull (strstr (show.out, "1234.50 EUR"));
  {
    /* Entering a record counts as checking it: verified today. */
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "last verified:    %Y-%m-%d");

    g_assert_nonnull (strstr (show.out, today));
  }

  /* A segment may be named by its label too, and the manager is reused. */
  {
    g_auto(Run) again = run (f, "account", "add", "--number", "T-101", "--name", "Second",
                             "--segment", "Public sector", "--manager", "alice martin");
    g_auto(Run) second = { 0 };

    assert_succeeded (&again);
    second = run (f, "account", "show", "T-101");
    g_assert_nonnull (strstr (second.out, "Public sector"));
    g_assert_nonnull (strstr (second.out, "Alice Martin"));
  }

  /* Showing what is not there fails by name. */
  {
    g_auto(Run) missing = run (f, "account", "show", "T-999");
    assert_failed (&missing, "T-999");
  }
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Run) first = run (f, "account", "add", "--number", "D-1", "--name", "First One",
                           "--segment", "small-business");
  g_auto(Run) second = run (f, "account", "add", "--number", "D-1", "--name", "Second One",
                            "--segment", "small-business");
  g_autoptr(GPtrArray) rows = NULL;

  assert_succeeded (&first);
  assert_failed (&second, "D-1");

  rows = list_csv (f, TRUE);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 0))[1], ==, "First One");
}

/* A failed add leaves the book as it was: the manager it named is not
 * added to the staff either. Reported, not asserted, so the tests after
 * this one still run. */
static void
test_failed_add_leaves_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_auto(Run) first = run (f, "account", "add", "--number", "F-1", "--name", "First",
                           "--segment", "small-business");
  g_auto(Run) clash = run (f, "account", "add", "--number", "F-1", "--name", "Clash",
                           "--segment", "corporate", "--manager", "Ghost Manager");
  sqlite3 *raw;
  gint64 ghosts;

  assert_succeeded (&first);
  assert_failed (&clash, "F-1");

  raw = lia_test_sqlite_open (f->db_path);
  ghosts = lia_test_sql_int (raw, "SELECT count(*) FROM staff WHERE name = 'Ghost Manager'");
  sqlite3_close (raw);
  if (ghosts != 0)
    {
      g_test_message ("the failed add left “Ghost Manager” on the staff");
      g_test_fail ();
    }
}

/* Adding an account in @segment fails, the message naming @why, and
 * the book stays empty. */
static void
assert_add_refused (Fixture    *f,
                    const char *number,
                    const char *name,
                    const char *segment,
                    const char *why)
{
  g_auto(Run) add = run (f, "account", "add", "--number", number, "--name", name, "--segment", segment);
  g_autoptr(GPtrArray) rows = NULL;

  assert_failed (&add, why);
  rows = list_csv (f, TRUE);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* A corporate account without a manager is refused, naming the rule. */
static void
test_manager_required (Fixture       *f,
                       gconstpointer  data)
{
  assert_add_refused (f, "M-1", "Unmanaged", "corporate", "manager");
}

static void
test_unknown_segment (Fixture       *f,
                      gconstpointer  data)
{
  assert_add_refused (f, "U-1", "Nowhere", "intergalactic", "intergalactic");
}

static void
test_bad_command_lines (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Run) no_name = run (f, "account", "add", "--number", "B-1", "--segment", "small-business");
  g_auto(Run) bad_value = run (f, "account", "add", "--number", "B-2", "--name", "Bad Value",
                               "--segment", "small-business", "--contract-value", "lots");
  g_auto(Run) bad_format = run (f, "account", "list", "--format", "xml");
  g_autoptr(GPtrArray) rows = NULL;

  assert_failed (&no_name, NULL);
  assert_failed (&bad_value, "lots");
  assert_failed (&bad_format, NULL);
  rows = list_csv (f, TRUE);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  const char *names[] = { "Smith, \"Jones\" & Co", "Plain Name", "Two\nLines", "Ünïcode “Quotes”" };
  const char *sorted[] = { "Plain Name", "Smith, \"Jones\" & Co", "Two\nLines", "Ünïcode “Quotes”" };
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(Run) raw = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *number = g_strdup_printf ("CSV-%u", i);
      g_auto(Run) add = run (f, "account", "add", "--number", number, "--name", names[i],
                             "--segment", "corporate", "--manager", "Manager, \"The\"",
                             "--contract-value", "12.5");
      assert_succeeded (&add);
    }

  rows = list_csv (f, FALSE);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (row[1], ==, sorted[i]);
      g_assert_cmpstr (row[2], ==, "corporate");
      g_assert_cmpstr (row[3], ==, "prospect");
      g_assert_cmpstr (row[4], ==, "Manager, \"The\"");
      g_assert_cmpstr (row[5], ==, "1250");
      g_assert_cmpstr (row[6], ==, "EUR");
      /* Verified on entry: a date, YYYY-MM-DD. */
      g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", row[7], 0, 0));
    }

  /* The quoting itself, byte for byte. */
  raw = run (f, "account", "list", "--format", "csv");
  g_assert_nonnull (strstr (raw.out, ",\"Smith, \"\"Jones\"\" & Co\","));
  g_assert_nonnull (strstr (raw.out, "\r\nCSV-1,Plain Name,corporate,"));
  g_assert_true (g_str_has_suffix (raw.out, "\r\n"));
}

static const char *
state_of (Fixture    *f,
          const char *number)
{
  g_autoptr(GPtrArray) rows = list_csv (f, TRUE);
  static char state[32];

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_str_equal (row[0], number))
        {
          g_strlcpy (state, row[3], sizeof state);
          return state;
        }
    }
  return NULL;
}

static void
test_set_state (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Run) add = run (f, "account", "add", "--number", "S-1", "--name", "Stateful",
                         "--segment", "small-business");
  g_auto(Run) open = { 0 }, skip = { 0 }, no_reason = { 0 }, bad_word = { 0 }, nobody = { 0 };
  g_auto(Run) show = { 0 };

  assert_succeeded (&add);

  open = run (f, "account", "set-state", "S-1", "opening", "--reason", "Contract signed");
  assert_succeeded (&open);
  g_assert_cmpstr (state_of (f, "S-1"), ==, "opening");

  /* opening → closed skips the lifecycle. */
  skip = run (f, "account", "set-state", "S-1", "closed", "--reason", "Changed our minds");
  assert_failed (&skip, NULL);
  g_assert_cmpstr (state_of (f, "S-1"), ==, "opening");

  no_reason = run (f, "account", "set-state", "S-1", "active");
  assert_failed (&no_reason, NULL);
  g_assert_cmpstr (state_of (f, "S-1"), ==, "opening");

  bad_word = run (f, "account", "set-state", "S-1", "exploded", "--reason", "Boom");
  assert_failed (&bad_word, NULL);

  nobody = run (f, "account", "set-state", "S-404", "opening", "--reason", "Who?");
  assert_failed (&nobody, "S-404");

  show = run (f, "account", "show", "S-1");
  g_assert_nonnull (strstr (show.out, "Contract signed"));
}

static void
test_sample_data (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) fill = run (f, "sample-data");
  g_auto(Run) again = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) open = NULL;
  guint closed = 0;

  assert_succeeded (&fill);
  all = list_csv (f, TRUE);
  g_assert_cmpuint (all->len, ==, 300);

  /* The default list leaves out exactly the closed ones. */
  for (guint i = 0; i < all->len; i++)
    closed += g_str_equal (((char **)g_ptr_array_index (all, i))[3], "closed");
  open = list_csv (f, FALSE);
  g_assert_cmpuint (closed, >, 0);
  g_assert_cmpuint (open->len, ==, all->len - closed);

  /* Companies have register numbers; no key was at hand, so no
   * confidential sample values were made. */
  for (guint i = 0; i < all->len; i++)
    {
      char **row = g_ptr_array_index (all, i);

      g_assert_true (g_str_equal (row[2], "individual") || g_str_has_prefix (row[8], "HRB "));
      g_assert_cmpstr (row[10], ==, "");
      g_assert_cmpstr (row[11], ==, "");
    }

  again = run (f, "sample-data");
  assert_failed (&again, NULL);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = list_csv (f, TRUE);
  g_assert_cmpuint (all->len, ==, 300);
}

static void
test_sample_data_needs_empty_book (Fixture       *f,
                                   gconstpointer  data)
{
  g_auto(Run) add = run (f, "account", "add", "--number", "E-1", "--name", "Already Here",
                         "--segment", "small-business");
  g_auto(Run) fill = run (f, "sample-data");
  g_autoptr(GPtrArray) all = NULL;

  assert_succeeded (&add);
  assert_failed (&fill, NULL);
  all = list_csv (f, TRUE);
  g_assert_cmpuint (all->len, ==, 1);
}

/* A file that is not a book: refused by path, left alone. */
static void
test_garbage_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char noise[8192];
  const char * const commands[][3] = {
    { "account", "list", NULL },
    { "account", "show", "X-1" },
    { "sample-data", NULL, NULL },
  };

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (char)g_rand_int_range (rand, 0, 256);
  g_assert_cmpint (g_mkdir (f->data_dir, 0700), ==, 0);
  lia_test_write_file (f->db_path, noise, sizeof noise);
  before = lia_test_checksum (f->db_path);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = run_raw (f, "--data-dir", f->data_dir, commands[i][0], commands[i][1],
                                 commands[i][2], NULL);
      assert_failed (&run, f->db_path);
    }

  {
    g_auto(Run) add = run (f, "account", "add", "--number", "G-1", "--name", "Garbage",
                           "--segment", "small-business");
    assert_failed (&add, f->db_path);
  }

  after = lia_test_checksum (f->db_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_too_new_database (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Run) add = run (f, "account", "add", "--number", "N-1", "--name", "Newer",
                         "--segment", "small-business");
  g_auto(Run) list = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *raw;

  assert_succeeded (&add);
  raw = lia_test_sqlite_open (f->db_path);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  before = lia_test_checksum (f->db_path);

  list = run (f, "account", "list");
  assert_failed (&list, f->db_path);
  after = lia_test_checksum (f->db_path);
  g_assert_cmpstr (before, ==, after);
}

/* --- events and vendors --- */

/* An account and a vendor to file events under. */
static void
add_account_and_vendor (Fixture *f)
{
  g_auto(Run) account = run (f, "account", "add", "--number", "EV-1", "--name", "Events, \"Inc\"",
                             "--segment", "small-business");
  g_auto(Run) vendor = run (f, "vendor", "add", "--name", "Fixit Ltd", "--contact", "Bea Fixer",
                            "--email", "bea@fixit.test", "--plan", "premium");

  assert_succeeded (&account);
  assert_succeeded (&vendor);
  g_assert_cmpstr (vendor.out, ==, "Fixit Ltd\n");
}

static void
test_vendors (Fixture       *f,
              gconstpointer  data)
{
  static const char * const header[] = { "name", "contact", "email", "phone", "plan", "active", NULL };
  g_auto(Run) list = { 0 }, again = { 0 }, bad_plan = { 0 }, bad_email = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  char **row;

  add_account_and_vendor (f);
  again = run (f, "vendor", "add", "--name", "fixit ltd");
  assert_failed (&again, "fixit ltd");
  bad_plan = run (f, "vendor", "add", "--name", "Gold Co", "--plan", "gold");
  assert_failed (&bad_plan, "gold");
  bad_email = run (f, "vendor", "add", "--name", "Mail Co", "--email", "nowhere");
  assert_failed (&bad_email, "@");

  list = run (f, "vendor", "list", "--format", "csv");
  rows = parse_listing (&list, header);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, "Fixit Ltd");
  g_assert_cmpstr (row[1], ==, "Bea Fixer");
  g_assert_cmpstr (row[2], ==, "bea@fixit.test");
  g_assert_cmpstr (row[4], ==, "premium");
  g_assert_cmpstr (row[5], ==, "yes");
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Run) add = { 0 }, resolve = { 0 }, show = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *id = NULL;
  char **row;

  add_account_and_vendor (f);
  add = run (f, "event", "add", "--account", "EV-1", "--kind", "incident", "--summary",
             "Boiler \"B2\" down, again", "--severity", "high", "--source", "email",
             "--vendor", "fixit ltd", "--opened", "2024-03-05 14:30");
  assert_succeeded (&add);
  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", add.out, 0, 0));
  id = g_strndup (add.out, strlen (add.out) - 1);

  rows = list_events_csv (f);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[0], ==, id);
  g_assert_cmpstr (row[1], ==, "2024-03-05 14:30");
  g_assert_cmpstr (row[2], ==, "Events, \"Inc\"");
  g_assert_cmpstr (row[3], ==, "incident");
  g_assert_cmpstr (row[4], ==, "open");
  g_assert_cmpstr (row[5], ==, "high");
  g_assert_cmpstr (row[6], ==, "Fixit Ltd");
  g_assert_cmpstr (row[8], ==, "Boiler \"B2\" down, again");

  resolve = run (f, "event", "set-status", id, "resolved");
  assert_succeeded (&resolve);
  show = run (f, "event", "show", id);
  assert_succeeded (&show);
  g_assert_nonnull (strstr (show.out, "status:              resolved\n"));
  g_assert_nonnull (strstr (show.out, "performed by:        Fixit Ltd (vendor)\n"));
  g_assert_nonnull (strstr (show.out, "opened:              2024-03-05 14:30\n"));
  g_assert_true (g_regex_match_simple ("history: +[0-9-]+ [0-9:]+ open → resolved by ", show.out, 0, 0));
  g_assert_false (g_regex_match_simple ("resolved: +not yet", show.out, 0, 0));

  /* Showing or changing what is not there fails by id. */
  {
    g_auto(Run) missing = run (f, "event", "show", "4040");
    g_auto(Run) nobody = run (f, "event", "set-status", "4040", "closed");

    assert_failed (&missing, "4040");
    assert_failed (&nobody, "4040");
  }
}

static void
test_event_bad_words (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(Run) kind = { 0 }, status = { 0 }, sla = { 0 }, both = { 0 };
  g_autoptr(GPtrArray) rows = NULL;

  add_account_and_vendor (f);
  kind = run (f, "event", "add", "--account", "EV-1", "--kind", "meltdown", "--summary", "Boom");
  assert_failed (&kind, "meltdown");
  g_assert_cmpint (kind.status, ==, 2);
  g_assert_nonnull (strstr (kind.err, "incident, maintenance, request"));

  status = run (f, "event", "set-status", "1", "exploded");
  assert_failed (&status, "in-progress");
  g_assert_cmpint (status.status, ==, 2);
  sla = run (f, "event", "list", "--sla", "late");
  assert_failed (&sla, "at-risk");
  g_assert_cmpint (sla.status, ==, 2);
  both = run (f, "event", "add", "--account", "EV-1", "--kind", "visit", "--summary", "Both",
              "--staff", "Someone", "--vendor", "Fixit Ltd");
  assert_failed (&both, NULL);
  g_assert_cmpint (both.status, ==, 2);

  rows = list_events_csv (f);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* The model refuses what cannot be; nothing is written. */
static void
test_event_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Run) first = { 0 }, empty = { 0 }, future = { 0 }, stranger = { 0 };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  add_account_and_vendor (f);
  first = run (f, "event", "add", "--account", "EV-1", "--kind", "request", "--summary", "New badge");
  assert_succeeded (&first);
  before = list_events_csv (f);

  empty = run (f, "event", "add", "--account", "EV-1", "--kind", "incident", "--summary", "  ");
  assert_failed (&empty, "summary");
  g_assert_cmpint (empty.status, ==, 1);
  future = run (f, "event", "add", "--account", "EV-1", "--kind", "incident", "--summary", "Later",
                "--opened", "2999-01-01 00:00");
  assert_failed (&future, "future");
  stranger = run (f, "event", "add", "--account", "EV-1", "--kind", "incident", "--summary", "Who",
                  "--vendor", "Nobody GmbH");
  assert_failed (&stranger, "Nobody GmbH");

  after = list_events_csv (f);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpuint (after->len, ==, 1);
}

/* --data-dir decides where the book is; the default place is untouched.
 * Without it the book goes to XDG_DATA_HOME, which proves the check on
 * XDG_DATA_HOME is worth something. */
static void
test_data_dir (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *other_dir = g_build_filename (f->dir, "other data", NULL);
  g_autofree char *other_arg = g_strdup_printf ("--data-dir=%s", other_dir);
  g_autofree char *other_db = g_build_filename (other_dir, "liaison.db", NULL);
  g_autofree char *default_db = g_build_filename (f->xdg_data, "liaison", "liaison.db", NULL);

  {
    g_auto(Run) add = run (f, "account", "add", "--number", "DD-1", "--name", "In Data Dir",
                           "--segment", "small-business");
    g_auto(Run) add_other = run_raw (f, other_arg, "account", "add", "--number", "DD-2",
                                     "--name", "In Other Dir", "--segment", "small-business", NULL);
    g_auto(Run) add_after = run_raw (f, "account", "add", "--number", "DD-3", "--name", "Option After",
                                     "--segment", "small-business", "--data-dir", f->data_dir, NULL);

    assert_succeeded (&add);
    assert_succeeded (&add_other);
    assert_succeeded (&add_after);
  }

  g_assert_true (g_file_test (f->db_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (other_db, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (lia_test_count_entries (f->xdg_data), ==, 0);

  {
    g_autoptr(GPtrArray) rows = list_csv (f, TRUE);
    g_assert_cmpuint (rows->len, ==, 2);   /* DD-1 and DD-3, not DD-2 */
  }

  /* And with no --data-dir at all, the XDG location is used. */
  {
    g_auto(Run) add = run_raw (f, "account", "add", "--number", "DD-4", "--name", "Default Place",
                               "--segment", "small-business", NULL);
    assert_succeeded (&add);
    g_assert_true (g_file_test (default_db, G_FILE_TEST_IS_REGULAR));
  }
}

/* --- classified fields, personal data --- */

enum { COL_REGISTRATION = 8, COL_BILLING, COL_TAX_ID, COL_BANK, COL_NOTES };

static void
add_fields_account (Fixture *f)
{
  g_auto(Run) add = run (f, "account", "add", "--number", "FD-1", "--name", "Fields Inc",
                         "--segment", "small-business");

  assert_succeeded (&add);
}

static gint64
book_int (Fixture    *f,
          const char *sql)
{
  sqlite3 *raw = lia_test_sqlite_open (f->db_path);
  gint64 value = lia_test_sql_int (raw, sql);

  sqlite3_close (raw);
  return value;
}

static void
assert_matches (const char *text,
                const char *pattern)
{
  if (!g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0))
    g_error ("“%s” does not match /%s/", text, pattern);
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Run) empty = { 0 }, set = { 0 }, piped = { 0 }, listed = { 0 }, reveal = { 0 };
  g_auto(Run) cleared = { 0 }, after = { 0 }, unset = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  char **row;

  add_fields_account (f);
  empty = run (f, "account", "fields", "FD-1");
  assert_succeeded (&empty);
  assert_matches (empty.out, "^registration_number +public +—$");
  assert_matches (empty.out, "^billing_address +internal +—$");
  assert_matches (empty.out, "^tax_id +confidential +—$");
  assert_matches (empty.out, "^private_notes +confidential +—$");

  set = run (f, "account", "set-field", "FD-1", "registration_number", "HRB 4711");
  assert_succeeded (&set);
  g_assert_cmpstr (set.out, ==, "");
  /* Without a value on the command line, one line of standard input. */
  piped = run_input (f, "PO Box 9, Hamburg\n", "account", "set-field", "FD-1", "billing_address");
  assert_succeeded (&piped);

  listed = run (f, "account", "fields", "FD-1");
  assert_matches (listed.out, "^registration_number +public +HRB 4711$");
  assert_matches (listed.out, "^billing_address +internal +PO Box 9, Hamburg$");
  reveal = run (f, "account", "reveal", "FD-1", "billing_address");
  assert_succeeded (&reveal);
  g_assert_cmpstr (reveal.out, ==, "PO Box 9, Hamburg\n");

  rows = list_csv (f, FALSE);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row[COL_REGISTRATION], ==, "HRB 4711");
  g_assert_cmpstr (row[COL_BILLING], ==, "PO Box 9, Hamburg");
  g_assert_cmpstr (row[COL_TAX_ID], ==, "");
  g_assert_cmpstr (row[COL_NOTES], ==, "");

  /* An empty line clears; revealing nothing fails by name. */
  cleared = run_input (f, "\n", "account", "set-field", "FD-1", "billing_address");
  assert_succeeded (&cleared);
  after = run (f, "account", "fields", "FD-1");
  assert_matches (after.out, "^billing_address +internal +—$");
  unset = run (f, "account", "reveal", "FD-1", "billing_address");
  assert_failed (&unset, "billing_address");
  g_assert_cmpint (unset.status, ==, 1);

  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log WHERE field = 'billing_address'"
                                " AND new_value = 'PO Box 9, Hamburg'"), ==, 1);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log WHERE field = 'billing_address'"
                                " AND old_value = 'PO Box 9, Hamburg' AND new_value IS NULL"), ==, 1);
}

static void
test_fields_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *too_long = g_strnfill (201, 'x');
  g_auto(Run) unknown = { 0 }, no_value = { 0 }, nobody = { 0 }, reveal_args = { 0 };
  g_auto(Run) fields_args = { 0 }, long_value = { 0 }, text_include = { 0 };

  add_fields_account (f);

  unknown = run (f, "account", "set-field", "FD-1", "shoe_size", "42");
  assert_failed (&unknown, "shoe_size");
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "registration_number, billing_address, tax_id"));
  no_value = run (f, "account", "set-field", "FD-1");
  assert_failed (&no_value, NULL);
  g_assert_cmpint (no_value.status, ==, 2);
  nobody = run (f, "account", "set-field", "NOPE-1", "registration_number", "HRB 1");
  assert_failed (&nobody, "NOPE-1");
  g_assert_cmpint (nobody.status, ==, 1);
  reveal_args = run (f, "account", "reveal", "FD-1");
  assert_failed (&reveal_args, NULL);
  g_assert_cmpint (reveal_args.status, ==, 2);
  fields_args = run (f, "account", "fields");
  assert_failed (&fields_args, NULL);
  g_assert_cmpint (fields_args.status, ==, 2);
  long_value = run (f, "account", "set-field", "FD-1", "registration_number", too_long);
  assert_failed (&long_value, "200");
  g_assert_cmpint (long_value.status, ==, 1);
  text_include = run (f, "account", "list", "--include-confidential");
  assert_failed (&text_include, "csv");
  g_assert_cmpint (text_include.status, ==, 2);

  g_assert_cmpint (book_int (f, "SELECT count(*) FROM field_values"), ==, 0);
}

/* A confidential value on the command line is in `ps` and the shell's
 * history before Liaison sees it: refused, in one line that says to use
 * standard input, without echoing it; nothing is written. Clearing
 * names no value and stays allowed. */
static void
test_fields_confidential_argument (Fixture       *f,
                                   gconstpointer  data)
{
  g_auto(Run) tax_id = { 0 }, bank = { 0 }, cleared = { 0 };
  gint64 lines;

  add_fields_account (f);
  lines = book_int (f, "SELECT count(*) FROM audit_log");

  tax_id = run (f, "account", "set-field", "FD-1", "tax_id", "DE123456789");
  assert_failed (&tax_id, "standard input");
  g_assert_cmpint (tax_id.status, ==, 2);
  g_assert_null (strstr (tax_id.err, "DE123456789"));
  bank = run (f, "account", "set-field", "FD-1", "bank_details", "IBAN DE89 3704");
  assert_failed (&bank, "standard input");
  g_assert_cmpint (bank.status, ==, 2);
  g_assert_null (strstr (bank.err, "IBAN"));

  g_assert_cmpint (book_int (f, "SELECT count(*) FROM field_values"), ==, 0);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log"), ==, lines);

  cleared = run (f, "account", "set-field", "FD-1", "tax_id", "");
  assert_succeeded (&cleared);
}

/* No keyring on the bus: confidential fields fail in one clear line,
 * write nothing, and the rest keeps working. */
static void
test_fields_locked (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Run) argv_value = { 0 }, piped = { 0 }, reveal = { 0 }, export = { 0 }, public = { 0 };
  gint64 lines;

  add_fields_account (f);
  lines = book_int (f, "SELECT count(*) FROM audit_log");

  /* Refused before the keyring is asked: see fields-confidential-argument. */
  argv_value = run_input_raw (f, "", NO_BUS, "account", "set-field", "FD-1", "tax_id", "DE123456789", NULL);
  assert_failed (&argv_value, "standard input");
  g_assert_cmpint (argv_value.status, ==, 2);
  g_assert_null (strstr (argv_value.err, "DE123456789"));
  piped = run_input_raw (f, "DE123456789\n", NO_BUS, "account", "set-field", "FD-1", "tax_id", NULL);
  assert_failed (&piped, "locked");
  reveal = run_input_raw (f, "", NO_BUS, "account", "reveal", "FD-1", "tax_id", NULL);
  assert_failed (&reveal, "locked");
  export = run_input_raw (f, "", NO_BUS, "account", "list", "--format", "csv", "--include-confidential", NULL);
  assert_failed (&export, "locked");

  g_assert_cmpint (book_int (f, "SELECT count(*) FROM field_values"), ==, 0);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log"), ==, lines);

  /* A public field never asks the keyring. */
  public = run_input_raw (f, "", NO_BUS, "account", "set-field", "FD-1", "registration_number", "HRB 9", NULL);
  assert_succeeded (&public);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM field_values"), ==, 1);
}

/* Removes what a test put in the session's keyring for this book. */
static void
forget_keyring_items (Fixture *f)
{
  sqlite3 *raw = lia_test_sqlite_open (f->db_path);
  g_autofree char *book_id = lia_test_sql_text (raw, "SELECT book_id FROM book_meta");
  const char *argv[] = { "secret-tool", "clear", "book", book_id, NULL };

  sqlite3_close (raw);
  if (book_id != NULL)
    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                  G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* With the session's keyring: sealed, masked, revealed and exported on
 * request, each traced. Skips (fails under .ci/test-session) without. */
static void
test_fields_confidential (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Run) set = { 0 }, listed = { 0 }, reveal = { 0 }, export = { 0 };
  g_autoptr(GPtrArray) masked = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  add_fields_account (f);
  set = run_input (f, "DE123456789\n", "account", "set-field", "FD-1", "tax_id");
  if (set.status == 1 && strstr (set.err, "locked"))
    {
      if (g_strcmp0 (g_getenv ("LIAISON_TEST_KEYRING"), "required") == 0)
        g_test_fail_printf ("The keyring this session started did not open: %s", set.err);
      else
        g_test_skip_printf ("No keyring: %s", set.err);
      return;
    }
  assert_succeeded (&set);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM field_values WHERE field = 'tax_id'"
                                " AND plain IS NULL AND sealed IS NOT NULL"), ==, 1);

  listed = run (f, "account", "fields", "FD-1");
  assert_matches (listed.out, "^tax_id +confidential +\\(confidential\\)$");
  g_assert_null (strstr (listed.out, "DE123456789"));
  masked = list_csv (f, FALSE);
  g_assert_cmpstr (((char **)g_ptr_array_index (masked, 0))[COL_TAX_ID], ==, "");

  reveal = run (f, "account", "reveal", "FD-1", "tax_id");
  assert_succeeded (&reveal);
  g_assert_cmpstr (reveal.out, ==, "DE123456789\n");
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log WHERE field = 'revealed'"
                                " AND new_value = 'tax_id'"), ==, 1);

  export = run (f, "account", "list", "--format", "csv", "--include-confidential");
  rows = parse_listing (&export, csv_header);
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 0))[COL_TAX_ID], ==, "DE123456789");
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log WHERE field = 'exported-confidential'"
                                " AND new_value = 'account list (1 rows)'"), ==, 1);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log WHERE instr (new_value, 'DE1234') > 0"), ==, 0);

  forget_keyring_items (f);
}

/* Contacts have no command of their own: one is written as another tool
 * would, with the trail line the model writes. */
static void
add_erasable_contact (Fixture *f)
{
  sqlite3 *raw;

  add_fields_account (f);
  raw = lia_test_sqlite_open (f->db_path);
  g_assert_cmpint (sqlite3_exec (raw,
    "INSERT INTO contacts (id, account_id, name, email, created_at)"
    "  VALUES (7, 1, 'Xaver Erasable', 'xaver@erasable.example', 1700000000);"
    "INSERT INTO audit_log (account_id, entity, entity_id, field, new_value, actor, changed_at)"
    "  VALUES (1, 'contact', 7, 'added', 'Xaver Erasable <xaver@erasable.example> ', 'Tester', 1700000000);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static void
test_personal_data (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Run) shown = { 0 }, no_yes = { 0 }, erased = { 0 }, gone = { 0 }, again = { 0 };
  g_auto(Run) bad_id = { 0 }, bad_erase = { 0 };

  add_erasable_contact (f);
  shown = run (f, "contact", "personal-data", "7");
  assert_succeeded (&shown);
  assert_matches (shown.out, "^contact 7: Xaver Erasable$");
  assert_matches (shown.out, "^contact +[0-9-]+ [0-9:]+ +Name: Xaver Erasable$");
  assert_matches (shown.out, "^contact +E-mail: xaver@erasable.example$");
  assert_matches (shown.out, "^employments +[0-9-]+ [0-9:]+ +Employed at: Fields Inc$");
  assert_matches (shown.out, "^audit +[0-9-]+ [0-9:]+ +added: Xaver Erasable <xaver@erasable.example> $");

  /* Erasing cannot be undone: it needs saying so. */
  no_yes = run (f, "contact", "erase", "7");
  assert_failed (&no_yes, "--yes");
  g_assert_cmpint (no_yes.status, ==, 2);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM contacts"), ==, 1);

  erased = run (f, "contact", "erase", "7", "--yes");
  assert_succeeded (&erased);
  g_assert_cmpstr (erased.out, ==, "erased contact 7\n");
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log WHERE entity = 'contact' AND entity_id = 7"
                                " AND new_value IS NOT NULL"), ==, 0);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM audit_log WHERE field = 'erased' AND entity_id = 7"), ==, 1);
  g_assert_cmpint (book_int (f, "SELECT count(*) FROM accounts"), ==, 1);

  gone = run (f, "contact", "personal-data", "7");
  assert_failed (&gone, "7");
  g_assert_cmpint (gone.status, ==, 1);
  again = run (f, "contact", "erase", "7", "--yes");
  assert_failed (&again, "7");
  g_assert_cmpint (again.status, ==, 1);
  bad_id = run (f, "contact", "personal-data", "seven");
  assert_failed (&bad_id, NULL);
  g_assert_cmpint (bad_id.status, ==, 2);
  bad_erase = run (f, "contact", "erase", "--yes");
  assert_failed (&bad_erase, NULL);
  g_assert_cmpint (bad_erase.status, ==, 2);
}

/* The usage text names every new command. */
static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Run) usage = run (f, "account", "frobnicate");
  const char *commands[] = {
    "account fields NUMBER", "account set-field NUMBER FIELD [VALUE]", "account reveal NUMBER FIELD",
    "contact personal-data CONTACT-ID", "contact erase CONTACT-ID --yes", "--include-confidential",
  };

  g_assert_cmpint (usage.status, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (usage.err, commands[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/cli/csv-reader", test_csv_reader);
  ADD ("add-and-show", test_add_and_show);
  ADD ("duplicate", test_duplicate);
  ADD ("unknown-segment", test_unknown_segment);
  ADD ("failed-add-leaves-nothing", test_failed_add_leaves_nothing);
  ADD ("manager-required", test_manager_required);
  ADD ("bad-command-lines", test_bad_command_lines);
  ADD ("csv", test_csv);
  ADD ("set-state", test_set_state);
  ADD ("sample-data", test_sample_data);
  ADD ("sample-data-needs-empty-book", test_sample_data_needs_empty_book);
  ADD ("garbage-database", test_garbage_database);
  ADD ("too-new-database", test_too_new_database);
  ADD ("data-dir", test_data_dir);
  ADD ("vendors", test_vendors);
  ADD ("events", test_events);
  ADD ("event-bad-words", test_event_bad_words);
  ADD ("event-refused", test_event_refused);
  ADD ("fields", test_fields);
  ADD ("fields-refused", test_fields_refused);
  ADD ("fields-locked", test_fields_locked);
  ADD ("fields-confidential-argument", test_fields_confidential_argument);
  ADD ("fields-confidential", test_fields_confidential);
  ADD ("personal-data", test_personal_data);
  ADD ("usage", test_usage);

#undef ADD

  return g_test_run ();
}
