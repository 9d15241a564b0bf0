/* test-keyring.h — what every suite that reaches the system keyring needs
 *
 * .ci/test-session runs the suites inside dbus-run-session with an
 * unlocked gnome-keyring in a throwaway HOME and sets
 * LIAISON_TEST_KEYRING=required: there a keyring test fails when no secret
 * service answers. Elsewhere it skips with a message saying why.
 *
 * Each test names its items with a fresh random book id, so it only ever
 * sees and removes its own. Everything logged is captured (debug messages
 * included) so a test can prove a secret never reached a log line. The
 * "no secret service" helpers are for a g_test_trap_subprocess() child.
 *
 * Use: lia_test_capture_logs_start() before g_test_init() (or
 * gtk_test_init()), lia_test_capture_logs_after_init() right after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "lia-credential-vault.h"
#include "lia-data-key.h"

G_BEGIN_DECLS

/* Generous: the daemon may be starting up, or prompting nobody. */
#define LIA_TEST_KEYRING_TIMEOUT_SECONDS 60

/* Everything logged, debug messages included, to search for secrets:
 * structured logging reaches the writer, g_log() the default handler. */
static GString *lia_test_logged;
/* g_test_init() routes g_log() through its own default handler. */
static GLogFunc lia_test_log_handler;

static G_GNUC_UNUSED GLogWriterOutput
lia_test_capture_writer_cb (GLogLevelFlags   level,
                            const GLogField *fields,
                            gsize            n_fields,
                            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        if (fields[i].length < 0)
          g_string_append (lia_test_logged, fields[i].value);
        else
          g_string_append_len (lia_test_logged, fields[i].value, fields[i].length);
        g_string_append_c (lia_test_logged, '\n');
      }

  /* Captured, not printed: the TAP output stays readable. */
  if (level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static G_GNUC_UNUSED void
lia_test_capture_handler_cb (const char     *domain,
                             GLogLevelFlags  level,
                             const char     *message,
                             gpointer        user_data)
{
  g_string_append_printf (lia_test_logged, "%s\n", message);
  if (!(level & G_LOG_LEVEL_DEBUG))
    lia_test_log_handler (domain, level, message, user_data);
}

/* Before g_test_init(): the writer can only be set before anything logs. */
static G_GNUC_UNUSED void
lia_test_capture_logs_start (void)
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  lia_test_logged = g_string_new (NULL);
  g_log_set_writer_func (lia_test_capture_writer_cb, NULL, NULL);
}

/* After g_test_init(), which installs the handler this one wraps. */
static G_GNUC_UNUSED void
lia_test_capture_logs_after_init (void)
{
  lia_test_log_handler = g_log_set_default_handler (lia_test_capture_handler_cb, NULL);
}

/* What was logged so far in this process. */
static G_GNUC_UNUSED const char *
lia_test_logged_text (void)
{
  g_assert_nonnull (lia_test_logged);
  return lia_test_logged->str;
}

/* @secret in no log line. The capture must have seen something (the
 * keyring's own debug lines), or the search would prove nothing. */
static G_GNUC_UNUSED void
lia_test_assert_not_logged (const char *secret)
{
  g_assert_nonnull (lia_test_logged);
  g_assert_cmpuint (lia_test_logged->len, >, 0);
  g_assert_null (strstr (lia_test_logged->str, secret));
}

/* @needle nowhere in the bytes of @path (a file that is not there holds
 * nothing). */
static G_GNUC_UNUSED void
lia_test_assert_not_in_file (const char *path,
                             const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;
  if (memmem (contents, length, needle, strlen (needle)) != NULL)
    g_error ("“%s” holds a secret in clear", path);
}

/* @needle in none of a book's files: the database, its -wal and -shm. */
static G_GNUC_UNUSED void
lia_test_assert_not_in_book_files (const char *db_path,
                                   const char *needle)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      lia_test_assert_not_in_file (path, needle);
    }
}

/* A secret nobody else uses, so finding it anywhere means a leak. */
static G_GNUC_UNUSED char *
lia_test_distinctive_secret (const char *kind)
{
  return g_strdup_printf ("liaison-%s-%08x%08x-pässwörd", kind,
                          g_random_int (), g_random_int ());
}

/* A book id of our own, so a test sees none of another test's items. */
static G_GNUC_UNUSED char *
lia_test_new_book_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("test-", uuid, NULL);
}

static G_GNUC_UNUSED gboolean
lia_test_keyring_timeout_cb (gpointer user_data)
{
  g_error ("No answer from the keyring within %d seconds", LIA_TEST_KEYRING_TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

/* A GAsyncReadyCallback whose user_data is a GAsyncResult ** slot. */
static G_GNUC_UNUSED void
lia_test_on_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Runs the main context until lia_test_on_ready_cb() filled *@slot; a
 * call that never answers fails the test instead of hanging it. */
static G_GNUC_UNUSED void
lia_test_wait_for (GAsyncResult **slot)
{
  guint timeout_id = g_timeout_add_seconds (LIA_TEST_KEYRING_TIMEOUT_SECONDS,
                                            lia_test_keyring_timeout_cb, NULL);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

/* Runs the main context until *@done is TRUE, with the same timeout. */
static G_GNUC_UNUSED void
lia_test_wait_until (const gboolean *done)
{
  guint timeout_id = g_timeout_add_seconds (LIA_TEST_KEYRING_TIMEOUT_SECONDS,
                                            lia_test_keyring_timeout_cb, NULL);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
}

/* Whether a secret service answers: a lookup of nothing says "not found". */
/* Takes a book's data key out of the keyring; @must_succeed for tests
 * that just stored one, not for tear-downs that may find none. */
static G_GNUC_UNUSED void
lia_test_data_key_clear (const char *book_id,
                         gboolean    must_succeed)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cleared;

  lia_data_key_clear (book_id, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  cleared = lia_data_key_clear_finish (result, &error);
  if (must_succeed)
    {
      g_assert_no_error (error);
      g_assert_true (cleared);
    }
}

static G_GNUC_UNUSED gboolean
lia_test_keyring_answers (char **reason)
{
  g_autofree char *book_id = lia_test_new_book_id ();
  g_autoptr(LiaCredentialVault) vault = lia_credential_vault_new (book_id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  lia_credential_vault_lookup (vault, 1, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  secret = lia_credential_vault_lookup_finish (vault, result, &error);
  secret_password_free (secret);

  if (g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND))
    return TRUE;
  *reason = g_strdup (error != NULL ? error->message : "unexpected secret");
  return FALSE;
}

/* Call first in every keyring test and return when FALSE: with
 * LIAISON_TEST_KEYRING=required a missing keyring fails the test, else
 * it skips it. Asked once per process. */
static G_GNUC_UNUSED gboolean
lia_test_require_keyring (void)
{
  static int answers = -1;
  static char *reason;

  if (answers < 0)
    answers = lia_test_keyring_answers (&reason);
  if (answers)
    return TRUE;

  if (g_strcmp0 (g_getenv ("LIAISON_TEST_KEYRING"), "required") == 0)
    g_test_fail_printf ("The keyring this session started does not answer: %s", reason);
  else
    g_test_skip_printf ("No secret service on the session bus (%s); .ci/test runs this "
                        "against gnome-keyring", reason);
  return FALSE;
}

/* Runs a command (secret-tool, the liaison binary…) with @input on its
 * stdin; returns its stdout, its stderr in *@err (may be NULL) and its
 * exit status in *@status (may be NULL: then it must exit 0). */
static G_GNUC_UNUSED char *
lia_test_run_command (const char * const  *argv,
                      const char          *input,
                      char               **err,
                      int                 *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *stderr_text = NULL;
  char *out = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");  /* it would print to stdout */
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  if (status != NULL)
    *status = g_subprocess_get_exit_status (process);
  else if (g_subprocess_get_exit_status (process) != 0)
    g_error ("%s failed: %s", argv[0], stderr_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return out;
}

/* `secret-tool` as another keyring client would run it; must exit 0. */
static G_GNUC_UNUSED char *
lia_test_run_secret_tool (const char * const *argv,
                          const char         *input)
{
  return lia_test_run_command (argv, input, NULL, NULL);
}

/* In a g_test_trap_subprocess() child: a session bus address where
 * nothing listens. */
static G_GNUC_UNUSED void
lia_test_use_no_bus (void)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/liaison-test-bus", TRUE);
}

/* In a g_test_trap_subprocess() child: a session bus of our own on which
 * nothing provides org.freedesktop.secrets. Left up on purpose: its
 * watcher stops the daemon when the child ends, and g_test_dbus_down()
 * would wait for libsecret's connection. */
static G_GNUC_UNUSED void
lia_test_use_bus_without_keyring (void)
{
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  g_test_dbus_up (bus);
}

/* NAME=value lines, as gnome-keyring-daemon prints them, into the
 * environment. */
static G_GNUC_UNUSED void
lia_test_setenv_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *equals = strchr (lines[i], '=');

      if (equals != NULL)
        {
          *equals = '\0';
          g_setenv (lines[i], equals + 1, TRUE);
        }
    }
}

/* In a g_test_trap_subprocess() child: a bus of our own with a
 * gnome-keyring of our own in a throwaway HOME, its login collection
 * unlocked, so a test may lock it without disturbing the suites sharing
 * the session's keyring. The bus has no service files, so no unlock
 * prompter can be started: a prompt is dismissed at once, as a person
 * cancelling it would. FALSE when gnome-keyring-daemon is not installed. */
static G_GNUC_UNUSED gboolean
lia_test_use_private_keyring (void)
{
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *home = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *keyrings = NULL;
  g_autofree char *started = NULL;
  GTestDBus *bus;
  int status;

  if (daemon == NULL)
    return FALSE;

  home = g_dir_make_tmp ("liaison-home-XXXXXX", NULL);
  runtime = g_dir_make_tmp ("liaison-run-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_assert_nonnull (runtime);
  keyrings = g_build_filename (home, ".local", "share", "keyrings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (keyrings, 0700), ==, 0);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_unsetenv ("XDG_DATA_HOME");  /* the keyrings go to $HOME/.local/share/keyrings */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("GNOME_KEYRING_CONTROL");

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);  /* left up: see lia_test_use_bus_without_keyring() */

  {
    const char * const login[] = { daemon, "--daemonize", "--login", NULL };
    const char * const start[] = { daemon, "--start", "--components=secrets", NULL };
    g_autofree char *logged_in = NULL;

    /* Each prints where it listens (GNOME_KEYRING_CONTROL=…): --start
     * must find the daemon --login started. */
    logged_in = lia_test_run_command (login, "liaison-test", NULL, &status);
    g_assert_cmpint (status, ==, 0);
    lia_test_setenv_lines (logged_in);
    started = lia_test_run_command (start, NULL, NULL, &status);
    g_assert_cmpint (status, ==, 0);
    lia_test_setenv_lines (started);
  }

  /* The daemon writes the login keyring after it has detached. */
  {
    g_autofree char *login = g_build_filename (keyrings, "login.keyring", NULL);

    for (guint tries = 0; tries < 100 && !g_file_test (login, G_FILE_TEST_EXISTS); tries++)
      g_usleep (50 * 1000);
    g_assert_true (g_file_test (login, G_FILE_TEST_EXISTS));
  }

  return TRUE;
}

G_END_DECLS
