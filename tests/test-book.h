/* test-book.h — a book of our own, for the suites that test through one
 *
 * Headless and display suites set their books up alike: a fresh folder
 * with liaison.db in it, a clock the test holds still, a name to make
 * changes in. What each suite then puts in the book is its own; these
 * are only the steps every one of them takes, each asserting it worked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include "lia-account-repository.h"
#include "lia-book-private.h"
#include "lia-database-private.h"
#include "lia-event-repository.h"
#include "lia-portfolio-repository.h"

#include "test-common.h"

G_BEGIN_DECLS

/* Opens the book at @path. With @now its clock reads *@now, so the test
 * holds time still and moves it by hand; with @actor, changes are made
 * (and audited) in that name. */
static G_GNUC_UNUSED LiaBook *
lia_test_book_open (const char *path,
                    gint64     *now,
                    const char *actor)
{
  g_autoptr(GError) error = NULL;
  LiaBook *book = lia_book_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (book);
  if (now != NULL)
    lia_book_set_clock (book, lia_test_clock, now);
  if (actor != NULL)
    lia_book_set_actor (book, actor);
  return book;
}

/* A new book in a fresh folder of our own, laid out as a data folder is
 * (lia_book_path_for_data_dir()): the folder goes to *@dir and, unless
 * @path is NULL, the book's file name to *@path. @now and @actor are as
 * for lia_test_book_open(). */
static G_GNUC_UNUSED LiaBook *
lia_test_book_new (char       **dir,
                   char       **path,
                   gint64      *now,
                   const char  *actor)
{
  g_autofree char *file = NULL;
  LiaBook *book;

  *dir = lia_test_make_tmp ();
  file = lia_book_path_for_data_dir (*dir);
  book = lia_test_book_open (file, now, actor);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return book;
}

/* Undoes lia_test_book_new(): closes the book first, so nothing holds
 * the file while its folder goes. */
static G_GNUC_UNUSED void
lia_test_book_close (LiaBook **book,
                     char    **dir,
                     char    **path)
{
  g_clear_object (book);
  lia_test_rm_rf (*dir);
  g_clear_pointer (dir, g_free);
  if (path != NULL)
    g_clear_pointer (path, g_free);
}

/* The book's own connection, to check what was written behind the
 * model's back (or that nothing was). */
static G_GNUC_UNUSED sqlite3 *
lia_test_book_handle (LiaBook *book)
{
  return lia_database_get_handle (lia_book_get_database (book));
}

static gint64
lia_test_book_sql_int (LiaBook    *book,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);

/* lia_test_sql_int() on the book's own connection, the query built
 * from @format. */
static G_GNUC_UNUSED gint64
lia_test_book_sql_int (LiaBook    *book,
                       const char *format,
                       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return lia_test_sql_int (lia_test_book_handle (book), sql);
}

/* Room for the tables any suite watches. */
#define LIA_TEST_SNAPSHOT_TABLES 8

/* What a refused call must leave as it was: the rows in each of
 * @tables (NULL-terminated), and every change SQLite counted on the
 * book's connection, so a write that put the same values back shows. */
typedef struct
{
  const char * const *tables;
  gint64              rows[LIA_TEST_SNAPSHOT_TABLES];
  gint64              total_changes;
} LiaTestSnapshot;

static G_GNUC_UNUSED LiaTestSnapshot
lia_test_snapshot (LiaBook            *book,
                   const char * const *tables)
{
  LiaTestSnapshot snapshot = { tables, { 0 }, 0 };

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, LIA_TEST_SNAPSHOT_TABLES);
      snapshot.rows[i] = lia_test_book_sql_int (book, "SELECT count(*) FROM %s", tables[i]);
    }
  snapshot.total_changes = sqlite3_total_changes (lia_test_book_handle (book));
  return snapshot;
}

static G_GNUC_UNUSED void
lia_test_assert_unchanged (LiaBook               *book,
                           const LiaTestSnapshot *before)
{
  LiaTestSnapshot after = lia_test_snapshot (book, before->tables);

  for (guint i = 0; before->tables[i] != NULL; i++)
    {
      /* The assertion shows only the numbers: say which table they are. */
      if (after.rows[i] != before->rows[i])
        g_test_message ("rows in %s changed", before->tables[i]);
      g_assert_cmpint (after.rows[i], ==, before->rows[i]);
    }
  g_assert_cmpint (after.total_changes, ==, before->total_changes);
}

/* A new, active member of staff; returns the id. */
static G_GNUC_UNUSED gint64
lia_test_add_staff (LiaBook      *book,
                    const char   *name,
                    LiaStaffRole  role)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (lia_book_add_staff (book, name, role, NULL, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* An account not yet stored: the fields every account needs. */
static G_GNUC_UNUSED LiaAccount *
lia_test_account_new (const char *number,
                      const char *name,
                      const char *segment)
{
  LiaAccount *account = lia_account_new ();

  lia_account_set_number (account, number);
  lia_account_set_name (account, name);
  lia_account_set_segment_id (account, segment);
  return account;
}

/* Stores a new @account, which must be accepted; returns its id. */
static G_GNUC_UNUSED gint64
lia_test_account_create (LiaBook    *book,
                         LiaAccount *account)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_account_repository_create (lia_book_get_accounts (book), account, &error));
  g_assert_no_error (error);
  return lia_account_get_id (account);
}

/* A fresh copy of stored account @id, which must be there. */
static G_GNUC_UNUSED LiaAccount *
lia_test_lookup_account (LiaBook *book,
                         gint64   id)
{
  g_autoptr(GError) error = NULL;
  LiaAccount *account = lia_account_repository_lookup (lia_book_get_accounts (book), id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  return account;
}

/* Account @id's place in its group, with the group's roll-ups. */
static G_GNUC_UNUSED LiaPortfolioNode *
lia_test_lookup_node (LiaBook *book,
                      gint64   id)
{
  g_autoptr(GError) error = NULL;
  LiaPortfolioNode *node = lia_portfolio_repository_lookup_node (lia_book_get_portfolios (book), id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Puts account @id under @parent, from a fresh copy of the account. */
static G_GNUC_UNUSED void
lia_test_move_under (LiaBook *book,
                     gint64   id,
                     gint64   parent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = lia_test_lookup_account (book, id);

  g_assert_true (lia_portfolio_repository_set_parent (lia_book_get_portfolios (book), account, parent, &error));
  g_assert_no_error (error);
}

/* Takes account @id to closed one allowed step at a time, as a person
 * would have to. */
static G_GNUC_UNUSED void
lia_test_close_account (LiaBook *book,
                        gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaAccount) account = lia_test_lookup_account (book, id);
  const LiaAccountState path[] = { LIA_ACCOUNT_STATE_OPENING, LIA_ACCOUNT_STATE_ACTIVE,
                                   LIA_ACCOUNT_STATE_CLOSING, LIA_ACCOUNT_STATE_CLOSED };

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    g_assert_true (lia_account_repository_transition (lia_book_get_accounts (book), account, path[i],
                                                      "test", &error));
  g_assert_no_error (error);
}

/* Logs a contact made with @account at @at, which must be accepted;
 * @contact 0 for nobody in particular. */
static G_GNUC_UNUSED void
lia_test_log_contact (LiaBook        *book,
                      gint64          account,
                      LiaContactKind  kind,
                      gint64          at,
                      gint64          contact,
                      const char     *notes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_portfolio_repository_log_contact (lia_book_get_portfolios (book), account, kind, at,
                                                       contact, notes, &error));
  g_assert_no_error (error);
}

/* @hours NULL: @plan's targets count around the clock. */
static G_GNUC_UNUSED void
lia_test_set_business_hours (LiaBook    *book,
                             const char *plan,
                             const char *hours)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_event_repository_set_business_hours (lia_book_get_events (book), plan, hours, &error));
  g_assert_no_error (error);
}

static G_GNUC_UNUSED void
lia_test_set_sla_target (LiaBook     *book,
                         const char  *plan,
                         LiaSeverity  severity,
                         gint64       response,
                         gint64       resolution)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_event_repository_set_sla_target (lia_book_get_events (book), plan, severity,
                                                      response, resolution, &error));
  g_assert_no_error (error);
}

/* Moves the clock (*@now) to @at, then the event to @status: the change
 * is stamped with @at. */
static G_GNUC_UNUSED void
lia_test_set_status_at (LiaBook        *book,
                        gint64         *now,
                        gint64          id,
                        LiaEventStatus  status,
                        gint64          at)
{
  g_autoptr(GError) error = NULL;

  *now = at;
  g_assert_true (lia_event_repository_set_status (lia_book_get_events (book), id, status, &error));
  g_assert_no_error (error);
}

/* A new vendor, held to @plan's targets (NULL: none); returns the id. */
static G_GNUC_UNUSED gint64
lia_test_add_vendor (LiaBook    *book,
                     const char *name,
                     const char *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaVendor) vendor = lia_vendor_new (name);

  if (plan != NULL)
    lia_vendor_set_sla_plan_id (vendor, plan);
  g_assert_true (lia_event_repository_add_vendor (lia_book_get_events (book), vendor, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_vendor_get_id (vendor), >, 0);
  return lia_vendor_get_id (vendor);
}

G_END_DECLS
