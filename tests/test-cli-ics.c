/* test-cli-ics.c — `liaison export-ics` and `import-ics`, spawned as
 * scripts run them: no display, their own data dir, one line on stderr
 * when they fail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include "test-common.h"

typedef struct
{
  char *dir;
  char *data_dir;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = lia_test_make_tmp ();
  f->data_dir = g_build_filename (f->dir, "data", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->data_dir);
}

/* `liaison --data-dir DIR ARGS…` with no display and HOME in the test's
 * folder. */
static Result
liaison (Fixture    *f,
         const char *first,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) args = NULL, env = g_get_environ ();
  const char *binary = g_getenv ("LIAISON_BINARY");
  g_autofree char *home = g_build_filename (f->dir, "home", NULL);
  Result result = { -1, NULL, NULL };
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (binary);
  g_strv_builder_add_many (argv, binary, "--data-dir", f->data_dir, NULL);
  va_start (ap, first);
  for (const char *arg = first; arg; arg = va_arg (ap, const char *))
    g_strv_builder_add (argv, arg);
  va_end (ap);
  args = g_strv_builder_end (argv);

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (f->dir, args, env, G_SPAWN_DEFAULT, NULL, NULL, &result.out, &result.err, &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    result.status = WEXITSTATUS (wait_status);
  g_test_message ("liaison %s … → %d, “%s”", first, result.status, result.err);
  return result;
}

#define LIAISON(f, ...) liaison ((f), __VA_ARGS__, NULL)

static void
assert_ok (Result     *result,
           const char *out)
{
  if (result->status != 0)
    g_error ("exit status %d: %s", result->status, result->err);
  g_assert_cmpstr (result->err, ==, "");
  if (out)
    g_assert_cmpstr (result->out, ==, out);
}

/* Exit @status, nothing on stdout, one line on stderr that says @needle. */
static void
assert_refused (Result     *result,
                int         status,
                const char *needle)
{
  const char *newline = strchr (result->err, '\n');

  g_assert_cmpint (result->status, ==, status);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  if (!strstr (result->err, needle))
    g_error ("stderr “%s” does not say “%s”", result->err, needle);
}

static char *
write_calendar (Fixture    *f,
                const char *name,
                const char *events)
{
  g_autofree char *text = g_strconcat ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n",
                                       events, "END:VCALENDAR\r\n", NULL);
  char *path = g_build_filename (f->dir, name, NULL);

  lia_test_write_file (path, text, strlen (text));
  return path;
}

static const char two_events[] =
  "BEGIN:VEVENT\r\nUID:review-1@test\r\nDTSTART;TZID=Europe/Berlin:20260310T100000\r\n"
  "DTEND;TZID=Europe/Berlin:20260310T110000\r\nRRULE:FREQ=MONTHLY;COUNT=3\r\n"
  "SUMMARY:Monthly review\r\nX-LIAISON-ACCOUNT:K-1\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:visit-1@test\r\nDTSTART:20260312T080000Z\r\nDTEND:20260312T090000Z\r\n"
  "SUMMARY:Site visit\r\nATTENDEE;CN=Someone:mailto:someone@elsewhere.example\r\nEND:VEVENT\r\n";

static void
add_account (Fixture *f)
{
  g_auto(Result) add = LIAISON (f, "account", "add", "--number", "K-1", "--name", "Acme",
                                "--segment", "small-business");

  assert_ok (&add, NULL);
}

static void
test_import_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = write_calendar (f, "in.ics", two_events);
  g_autofree char *out = g_build_filename (f->dir, "out.ics", NULL);
  g_autofree char *exported = NULL;

  add_account (f);

  /* The visit names no account: without --account nothing goes in. */
  {
    g_auto(Result) refused = LIAISON (f, "import-ics", path);
    g_auto(Result) empty = LIAISON (f, "export-ics", out);

    assert_refused (&refused, 1, "“Site visit”");
    g_assert_nonnull (strstr (refused.err, "--account"));
    assert_ok (&empty, "");
    g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
    g_assert_null (strstr (exported, "BEGIN:VEVENT"));
    g_clear_pointer (&exported, g_free);
  }

  {
    g_auto(Result) first = LIAISON (f, "import-ics", path, "--account", "K-1");
    g_auto(Result) again = LIAISON (f, "import-ics", "--account", "K-1", path);
    g_auto(Result) export = LIAISON (f, "export-ics", out, "--account", "K-1");

    assert_ok (&first, "2 added, 0 updated\n");
    assert_ok (&again, "0 added, 2 updated\n");
    assert_ok (&export, "");
  }

  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_true (g_str_has_prefix (exported, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (exported, "\r\nUID:review-1@test\r\n"));
  g_assert_nonnull (strstr (exported, "\r\nUID:visit-1@test\r\n"));
  g_assert_nonnull (strstr (exported, "\r\nX-LIAISON-ACCOUNT:K-1\r\n"));
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_calendar (f, "bad.ics",
    "BEGIN:VEVENT\r\nUID:bad@test\r\nDTSTART:20260230T100000Z\r\nSUMMARY:Leap day\r\nEND:VEVENT\r\n");
  g_autofree char *out = g_build_filename (f->dir, "out.ics", NULL);
  g_autofree char *exported = NULL;

  add_account (f);
  {
    g_auto(Result) refused = LIAISON (f, "import-ics", path, "--account", "K-1");
    g_auto(Result) export = LIAISON (f, "export-ics", out);

    assert_refused (&refused, 1, "bad.ics: line 6: DTSTART");
    assert_ok (&export, "");
  }
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_null (strstr (exported, "BEGIN:VEVENT"));
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.ics", NULL);
  g_auto(Result) no_file = LIAISON (f, "import-ics");
  g_auto(Result) two_files = LIAISON (f, "export-ics", "a.ics", "b.ics");
  g_auto(Result) bad_option = LIAISON (f, "export-ics", "a.ics", "--acount", "K-1");
  g_auto(Result) no_account = LIAISON (f, "export-ics", "a.ics", "--account", "K-404");
  g_auto(Result) no_such_file = LIAISON (f, "import-ics", missing);

  assert_refused (&no_file, 2, "one file");
  assert_refused (&two_files, 2, "one file");
  assert_refused (&bad_option, 2, "--acount");
  assert_refused (&no_account, 1, "K-404");
  assert_refused (&no_such_file, 1, "missing.ics");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli-ics/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("import-export", test_import_export);
  ADD ("malformed", test_malformed);
  ADD ("usage", test_usage);
#undef ADD

  return g_test_run ();
}
