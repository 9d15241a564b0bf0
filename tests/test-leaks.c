/* test-leaks.c — secrets and confidential values are found nowhere they
 * should not be: not in the database, its -wal and -shm, a CSV or an
 * iCalendar export, or any line logged (debug included)
 *
 * Needs the keyring (credentials live there, and the data key that
 * seals confidential fields): under .ci/test-session it fails without
 * one, elsewhere it skips. The exports are made by the real `liaison`
 * binary (LIAISON_BINARY), on the same book, as a person would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-attendee.h"
#include "lia-credential-repository.h"
#include "lia-field-repository.h"
#include "lia-meeting-repository.h"

#include "test-book.h"
#include "test-classified.h"

typedef struct
{
  char      *dir;
  char      *path;
  gint64     now;
  LiaBook   *book;
  gint64     account;
  gint64     contact;
  GPtrArray *secrets;    /* everything that must not leak */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("L-1", "Leakproof Logistics", "small-business");
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;

  f->now = g_get_real_time () / G_USEC_PER_SEC;
  f->book = lia_test_book_new (&f->dir, &f->path, &f->now, "Tester");
  f->account = lia_test_account_create (f->book, account);
  lia_contact_set_account_id (contact, f->account);
  lia_contact_set_name (contact, "Lena Leakless");
  lia_contact_set_email (contact, "lena@leakproof.example");
  g_assert_true (lia_account_repository_add_contact (lia_book_get_accounts (f->book), contact, &error));
  g_assert_no_error (error);
  f->contact = lia_contact_get_id (contact);
  f->secrets = g_ptr_array_new_with_free_func (g_free);
}

static void
forget_credentials (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  LiaCredentialRepository *credentials = lia_book_get_credentials (f->book);

  if (!lia_vault_has_key (lia_book_get_vault (f->book)))
    return;
  lia_credential_repository_delete_for_account (credentials, f->account, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  lia_credential_repository_delete_for_account_finish (credentials, result, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->book != NULL)
    {
      forget_credentials (f);
      lia_test_forget_book_key (f->book);
    }
  lia_test_book_close (&f->book, &f->dir, &f->path);

  /* Whatever the test did, cleaning up included, logged none of it. */
  for (guint i = 0; i < f->secrets->len; i++)
    lia_test_assert_not_logged (g_ptr_array_index (f->secrets, i));
  g_ptr_array_unref (f->secrets);
}

static const char *
new_secret (Fixture    *f,
            const char *kind)
{
  char *secret = lia_test_distinctive_secret (kind);

  g_ptr_array_add (f->secrets, secret);
  return secret;
}

static void
add_credential (Fixture           *f,
                const char        *label,
                LiaCredentialKind  kind,
                const char        *secret)
{
  g_autoptr(LiaCredential) credential = lia_credential_new (f->account, label, kind);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  LiaCredentialRepository *credentials = lia_book_get_credentials (f->book);

  lia_credential_set_username (credential, "svc-liaison");
  lia_credential_repository_add (credentials, credential, secret, NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  g_assert_true (lia_credential_repository_add_finish (credentials, result, &error));
  g_assert_no_error (error);
}

/* Reveals it once, as a person would: the path a leak would take. */
static void
reveal_credential (Fixture    *f,
                   const char *secret)
{
  g_autoptr(GListModel) list = lia_credential_repository_list_for_account (lia_book_get_credentials (f->book),
                                                                           f->account, NULL);
  LiaCredentialRepository *credentials = lia_book_get_credentials (f->book);
  gboolean seen = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(LiaCredential) credential = g_list_model_get_item (list, i);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      char *revealed;

      lia_credential_repository_reveal (credentials, lia_credential_get_id (credential), LIA_SECRET_USE_REVEAL,
                                        NULL, lia_test_on_ready_cb, &result);
      lia_test_wait_for (&result);
      revealed = lia_credential_repository_reveal_finish (credentials, result, &error);
      g_assert_no_error (error);
      seen |= g_strcmp0 (revealed, secret) == 0;
      lia_secrets_text_free (revealed);
    }
  g_assert_true (seen);
}

static void
set_field (Fixture        *f,
           LiaFieldEntity  entity,
           gint64          row_id,
           const char     *field,
           const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *revealed = NULL;

  g_assert_true (lia_field_repository_set_value (lia_book_get_fields (f->book), entity, row_id, field,
                                                 text, &error));
  g_assert_no_error (error);
  /* And opened once: a reveal is a path a leak would take too. */
  revealed = lia_field_repository_reveal (lia_book_get_fields (f->book), entity, row_id, field, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (revealed, ==, text);
}

static void
add_meeting (Fixture *f)
{
  g_autoptr(LiaMeeting) meeting = lia_meeting_new (f->account, "Security review", f->now + 86400,
                                                   f->now + 86400 + 3600);
  g_autoptr(GListStore) attendees = g_list_store_new (LIA_TYPE_ATTENDEE);
  g_autoptr(LiaAttendee) lena = lia_attendee_new_contact (f->contact);
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_meeting_repository_add (lia_book_get_meetings (f->book), meeting, &error));
  g_assert_no_error (error);
  g_list_store_append (attendees, lena);
  g_assert_true (lia_meeting_repository_set_attendees (lia_book_get_meetings (f->book),
                                                       lia_meeting_get_id (meeting),
                                                       G_LIST_MODEL (attendees), &error));
  g_assert_no_error (error);
}

/* Everything secret in the book: credentials and confidential fields. */
static gboolean
fill (Fixture *f)
{
  if (!lia_test_open_vault (f->book))
    return FALSE;

  add_credential (f, "Customer portal", LIA_CREDENTIAL_KIND_PORTAL, new_secret (f, "portal"));
  add_credential (f, "Site VPN", LIA_CREDENTIAL_KIND_VPN, new_secret (f, "vpn"));
  reveal_credential (f, g_ptr_array_index (f->secrets, 0));
  set_field (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "tax_id", new_secret (f, "taxid"));
  set_field (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "bank_details", new_secret (f, "iban"));
  set_field (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "private_notes", new_secret (f, "notes"));
  set_field (f, LIA_FIELD_ENTITY_CONTACT, f->contact, "personal_phone", new_secret (f, "phone"));
  set_field (f, LIA_FIELD_ENTITY_CONTACT, f->contact, "private_notes", new_secret (f, "contact-notes"));
  /* Public and internal values are meant to be seen: a control. */
  set_field (f, LIA_FIELD_ENTITY_ACCOUNT, f->account, "registration_number", "HRB 778899");
  add_meeting (f);
  return TRUE;
}

static void
assert_nowhere_in (Fixture    *f,
                   const char *what,
                   const char *text)
{
  for (guint i = 0; i < f->secrets->len; i++)
    if (strstr (text, g_ptr_array_index (f->secrets, i)) != NULL)
      g_error ("%s holds “%s”", what, (const char *)g_ptr_array_index (f->secrets, i));
}

/* `liaison --data-dir DIR ARGS…` on the test's book; exits 0. */
static char *
run_liaison (Fixture     *f,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  const char *binary = g_getenv ("LIAISON_BINARY");
  char *out;
  int status = -1;
  va_list args;

  if (binary == NULL)
    g_error ("LIAISON_BINARY is not set (meson sets it to the built liaison)");

  g_ptr_array_add (argv, (gpointer)binary);
  g_ptr_array_add (argv, "--data-dir");
  g_ptr_array_add (argv, f->dir);
  va_start (args, first);
  for (const char *arg = first; arg; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  out = lia_test_run_command ((const char * const *)argv->pdata, NULL, &err, &status);
  if (status != 0)
    g_error ("liaison %s failed (%d): %s", first, status, err);
  assert_nowhere_in (f, "liaison's stderr", err);
  return out;
}

static void
test_book_files (Fixture       *f,
                 gconstpointer  data)
{
  if (!fill (f))
    return;

  /* As written, then once the -wal was copied in, then closed. */
  for (guint round = 0; round < 3; round++)
    {
      if (round == 1)
        lia_database_checkpoint (lia_book_get_database (f->book), NULL);
      if (round == 2)
        {
          forget_credentials (f);
          lia_test_forget_book_key (f->book);
          g_clear_object (&f->book);
        }
      for (guint i = 0; i < f->secrets->len; i++)
        g_assert_false (lia_test_book_files_hold (f->path, g_ptr_array_index (f->secrets, i)));
    }

  /* The control: a public value is in the file, so the search works. */
  g_assert_true (lia_test_book_files_hold (f->path, "HRB 778899"));
}

static void
test_exports (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *ics = g_build_filename (f->dir, "export.ics", NULL);
  g_autofree char *csv = NULL, *calendar = NULL;

  if (!fill (f))
    return;

  csv = run_liaison (f, "account", "list", "--format", "csv", NULL);
  assert_nowhere_in (f, "the CSV export", csv);
  g_assert_nonnull (strstr (csv, ",tax_id,bank_details,private_notes\r\n"));
  g_assert_nonnull (strstr (csv, ",HRB 778899,"));   /* public: exported */

  g_free (run_liaison (f, "export-ics", ics, NULL));
  g_assert_true (g_file_get_contents (ics, &calendar, NULL, NULL));
  g_assert_nonnull (strstr (calendar, "Security review"));
  g_assert_nonnull (strstr (calendar, "lena@leakproof.example"));
  assert_nowhere_in (f, "the iCalendar export", calendar);

  /* Nothing of it was audited as an export of confidential values. */
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log"
                                          " WHERE field = 'exported-confidential'"), ==, 0);
}

/* Asked for explicitly, the account's confidential values are exported
 * (and that export is in the trail); credentials never are. */
static void
test_include_confidential (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *csv = NULL;

  if (!fill (f))
    return;

  csv = run_liaison (f, "account", "list", "--format", "csv", "--include-confidential", NULL);
  for (guint i = 0; i < f->secrets->len; i++)
    {
      const char *secret = g_ptr_array_index (f->secrets, i);
      gboolean account_field = i >= 2 && i <= 4;   /* tax id, bank details, private notes */

      g_assert_true ((strstr (csv, secret) != NULL) == account_field);
    }
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count(*) FROM audit_log"
                                          " WHERE field = 'exported-confidential' AND entity = 'book'"
                                          " AND new_value = 'account list (1 rows)' AND actor <> ''"), ==, 1);
}

static void
test_logs (Fixture       *f,
           gconstpointer  data)
{
  if (!fill (f))
    return;

  for (guint i = 0; i < f->secrets->len; i++)
    lia_test_assert_not_logged (g_ptr_array_index (f->secrets, i));
}

int
main (int   argc,
      char *argv[])
{
  lia_test_capture_logs_start ();
  g_test_init (&argc, &argv, NULL);
  lia_test_capture_logs_after_init ();

#define ADD(name, func) \
  g_test_add ("/leaks/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("book-files", test_book_files);
  ADD ("exports", test_exports);
  ADD ("include-confidential", test_include_confidential);
  ADD ("logs", test_logs);

#undef ADD

  return g_test_run ();
}
