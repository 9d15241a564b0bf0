/* test-follow-ups.c — follow-ups through LiaFollowUpRepository: overdue
 * from the local midnight after the due day (not UTC's), done and
 * dropped never overdue, the order of "My follow-ups", overdue counts by
 * owner, what is refused, and follow-ups of meetings and events
 *
 * The local zone is Europe/Berlin, set before GLib reads it: in March
 * local midnight is 23:00 UTC the day before, in July 22:00.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-follow-up-repository.h"
#include "lia-meeting-repository.h"

#include "test-book.h"

#define ZONE "Europe/Berlin"

typedef struct
{
  char                  *dir;
  LiaBook               *book;
  LiaFollowUpRepository *follow_ups;
  gint64                 now;
  gint64                 alice;
  gint64                 bruno;
  gint64                 account;
  guint                  n_changed;
  gint64                 changed_id;
} Fixture;

static gint64
berlin (int month,
        int day,
        int hour,
        int minute,
        int second)
{
  return lia_test_wall (ZONE, 2026, month, day, hour, minute) + second;
}

static void
on_changed (LiaFollowUpRepository *repository,
            gint64                 follow_up_id,
            gint64                 account_id,
            Fixture               *f)
{
  f->n_changed++;
  f->changed_id = follow_up_id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("F-1", "Kestrel Foods", "small-business");

  f->now = berlin (3, 1, 9, 0, 0);
  f->book = lia_test_book_new (&f->dir, NULL, &f->now, NULL);
  f->follow_ups = lia_book_get_follow_ups (f->book);
  f->alice = lia_test_add_staff (f->book, "Alice Martin", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->bruno = lia_test_add_staff (f->book, "Bruno Keller", LIA_STAFF_ROLE_ACCOUNT_MANAGER);
  f->account = lia_test_account_create (f->book, account);
  g_signal_connect (f->follow_ups, "follow-up-changed", G_CALLBACK (on_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  lia_test_book_close (&f->book, &f->dir, NULL);
}

static gint64
add (Fixture    *f,
     const char *summary,
     int         month,
     int         day,
     gint64      owner)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) due = g_date_new_dmy (day, month, 2026);
  g_autoptr(LiaFollowUp) follow_up = lia_follow_up_new (f->account, summary, due);

  lia_follow_up_set_owner_id (follow_up, owner);
  g_assert_true (lia_follow_up_repository_add (f->follow_ups, follow_up, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_follow_up_get_id (follow_up), >, 0);
  return lia_follow_up_get_id (follow_up);
}

static LiaFollowUp *
lookup (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  LiaFollowUp *follow_up = lia_follow_up_repository_lookup (f->follow_ups, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (follow_up);
  return follow_up;
}

static void
set_status (Fixture           *f,
            gint64             id,
            LiaFollowUpStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lia_follow_up_repository_set_status (f->follow_ups, id, status, &error));
  g_assert_no_error (error);
}

/* The object, the count and the list agree on whether @id is overdue. */
static void
assert_overdue (Fixture  *f,
                gint64    id,
                gboolean  overdue)
{
  g_autoptr(LiaFollowUp) follow_up = lookup (f, id);

  g_assert_cmpint (lia_follow_up_is_overdue (follow_up, f->now), ==, overdue);
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, 0), ==, overdue ? 1 : 0);
}

static void
test_day_boundary (Fixture       *f,
                   gconstpointer  data)
{
  gint64 march = add (f, "Send the revised quote", 3, 10, f->alice);
  g_autoptr(LiaFollowUp) follow_up = lookup (f, march);
  const GDate *due = lia_follow_up_get_due_date (follow_up);

  g_assert_cmpuint (g_date_get_day (due), ==, 10);
  g_assert_cmpuint (g_date_get_month (due), ==, 3);
  g_assert_cmpuint (g_date_get_year (due), ==, 2026);

  /* All of the 10th, local time, it is due, not overdue. */
  f->now = berlin (3, 10, 0, 0, 0);
  assert_overdue (f, march, FALSE);
  f->now = berlin (3, 10, 23, 59, 59);
  assert_overdue (f, march, FALSE);
  /* Midnight in Berlin: 23:00 UTC on the 10th, still the 10th in UTC. */
  f->now = berlin (3, 11, 0, 0, 0);
  g_assert_cmpint (f->now % 86400, ==, 23 * 3600);
  assert_overdue (f, march, TRUE);
  f->now = berlin (3, 11, 0, 30, 0);
  assert_overdue (f, march, TRUE);

  /* The same in summer time, an hour further from UTC. */
  set_status (f, march, LIA_FOLLOW_UP_STATUS_DONE);
  {
    gint64 july = add (f, "Check the alarm contract", 7, 1, 0);

    f->now = berlin (7, 1, 23, 59, 59);
    assert_overdue (f, july, FALSE);
    f->now = berlin (7, 2, 0, 0, 0);
    g_assert_cmpint (f->now % 86400, ==, 22 * 3600);
    assert_overdue (f, july, TRUE);
  }
}

static void
test_closed_never_overdue (Fixture       *f,
                           gconstpointer  data)
{
  gint64 done = add (f, "Share the SLA report", 2, 1, f->alice);
  gint64 dropped = add (f, "Offer a discount", 2, 2, f->alice);
  g_autoptr(LiaFollowUp) follow_up = NULL;

  f->now = berlin (3, 15, 12, 0, 0);
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, 0), ==, 2);

  set_status (f, done, LIA_FOLLOW_UP_STATUS_DONE);
  set_status (f, dropped, LIA_FOLLOW_UP_STATUS_DROPPED);
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, 0), ==, 0);
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, f->alice), ==, 0);

  follow_up = lookup (f, done);
  g_assert_cmpint (lia_follow_up_get_status (follow_up), ==, LIA_FOLLOW_UP_STATUS_DONE);
  g_assert_cmpint (lia_follow_up_get_done_at (follow_up), ==, f->now);
  g_assert_false (lia_follow_up_is_overdue (follow_up, f->now));
  g_clear_object (&follow_up);
  follow_up = lookup (f, dropped);
  g_assert_cmpint (lia_follow_up_get_done_at (follow_up), ==, 0);
  g_assert_false (lia_follow_up_is_overdue (follow_up, f->now + 365 * 86400));
  g_clear_object (&follow_up);

  /* Reopened, it is overdue again and no longer done. */
  set_status (f, done, LIA_FOLLOW_UP_STATUS_OPEN);
  follow_up = lookup (f, done);
  g_assert_cmpint (lia_follow_up_get_done_at (follow_up), ==, 0);
  g_assert_true (lia_follow_up_is_overdue (follow_up, f->now));
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, 0), ==, 1);
}

static void
assert_list (GListModel   *list,
             const gint64 *expected,
             guint         n_expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(LiaFollowUp) follow_up = g_list_model_get_item (list, i);
      g_assert_cmpint (lia_follow_up_get_id (follow_up), ==, expected[i]);
    }
}

static void
test_order_and_owners (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 later = add (f, "Prepare the renewal", 3, 20, f->alice);
  gint64 due_12 = add (f, "Quote for the depot", 3, 12, f->alice);
  gint64 overdue_5 = add (f, "Send the minutes", 3, 5, f->alice);
  gint64 overdue_8 = add (f, "Call back about the invoice", 3, 8, f->bruno);
  gint64 also_5 = add (f, "Confirm the contacts", 3, 5, 0);
  gint64 closed = add (f, "Old request", 3, 1, f->alice);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) alices = NULL;
  g_autoptr(GListModel) brunos = NULL;
  g_autoptr(LiaFollowUp) first = NULL;

  set_status (f, closed, LIA_FOLLOW_UP_STATUS_DONE);
  f->now = berlin (3, 10, 12, 0, 0);

  /* Overdue first (by due day, then as entered), then the rest by day. */
  all = lia_follow_up_repository_list_open (f->follow_ups, 0, &error);
  g_assert_no_error (error);
  {
    gint64 expected[] = { overdue_5, also_5, overdue_8, due_12, later };
    assert_list (all, expected, G_N_ELEMENTS (expected));
  }
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LiaFollowUp) follow_up = g_list_model_get_item (all, i);
      g_assert_cmpint (lia_follow_up_is_overdue (follow_up, f->now), ==, i < 3);
    }

  alices = lia_follow_up_repository_list_open (f->follow_ups, f->alice, &error);
  {
    gint64 expected[] = { overdue_5, due_12, later };
    assert_list (alices, expected, G_N_ELEMENTS (expected));
  }
  brunos = lia_follow_up_repository_list_open (f->follow_ups, f->bruno, &error);
  {
    gint64 expected[] = { overdue_8 };
    assert_list (brunos, expected, G_N_ELEMENTS (expected));
  }
  first = g_list_model_get_item (alices, 0);
  g_assert_cmpstr (lia_follow_up_get_owner_name (first), ==, "Alice Martin");
  g_assert_cmpstr (lia_follow_up_get_account_name (first), ==, "Kestrel Foods");

  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, f->alice), ==, 1);
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, f->bruno), ==, 1);
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, 0), ==, 3);

  /* Handed to Bruno and put off: the counts follow. */
  {
    g_autoptr(LiaFollowUp) follow_up = lookup (f, overdue_5);
    g_autoptr(GDate) due = g_date_new_dmy (11, 3, 2026);

    lia_follow_up_set_owner_id (follow_up, f->bruno);
    lia_follow_up_set_due_date (follow_up, due);
    g_assert_true (lia_follow_up_repository_update (f->follow_ups, follow_up, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, f->alice), ==, 0);
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, f->bruno), ==, 1);
  g_assert_cmpuint (lia_follow_up_repository_count_overdue (f->follow_ups, 0), ==, 2);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GDate) due = g_date_new_dmy (10, 3, 2026);
  GDate invalid;
  struct { const char *summary; GDate *due; gint64 account; gint64 owner; const char *needle; } cases[] = {
    { "  ", due, 0, 0, "summary" },
    { "Send the quote", &invalid, 0, 0, "due date" },
    { "Send the quote", NULL, 0, 0, "due date" },
    { "Send the quote", due, 0, 9999, "staff" },
    { "Send the quote", due, -1, 0, "account" },
  };

  g_date_clear (&invalid, 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiaFollowUp) follow_up = lia_follow_up_new (cases[i].account == -1 ? 0 : f->account,
                                                            cases[i].summary, cases[i].due);

      lia_follow_up_set_owner_id (follow_up, cases[i].owner);
      g_assert_false (lia_follow_up_repository_add (f->follow_ups, follow_up, &error));
      g_assert_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].needle);
    }
  g_assert_cmpint (lia_test_book_sql_int (f->book, "SELECT count (*) FROM follow_ups"), ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* The summary is trimmed; one signal per write. */
  {
    gint64 id = add (f, "  Send the quote \n", 3, 10, 0);
    g_autoptr(LiaFollowUp) follow_up = lookup (f, id);

    g_assert_cmpstr (lia_follow_up_get_summary (follow_up), ==, "Send the quote");
    g_assert_cmpuint (f->n_changed, ==, 1);
    g_assert_cmpint (f->changed_id, ==, id);
  }
}

static void
test_sources (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaMeeting) meeting = lia_meeting_new (f->account, "Project kick-off", berlin (2, 20, 10, 0, 0),
                                                   berlin (2, 20, 11, 0, 0));
  g_autoptr(LiaEvent) event = lia_event_new (f->account, LIA_EVENT_KIND_REQUEST, "Extend the storage");
  g_autoptr(GDate) due = g_date_new_dmy (6, 3, 2026);
  g_autoptr(LiaFollowUp) from_meeting = lia_follow_up_new (0, "Send the project plan", due);
  g_autoptr(LiaFollowUp) from_event = lia_follow_up_new (f->account, "Quote the storage", due);
  g_autoptr(GListModel) of_meeting = NULL;
  g_autoptr(GListModel) of_occurrence = NULL;
  g_autoptr(GListModel) of_other = NULL;
  g_autoptr(GListModel) of_event = NULL;

  g_assert_true (lia_meeting_repository_add (lia_book_get_meetings (f->book), meeting, &error));
  g_assert_no_error (error);
  lia_event_set_opened_at (event, f->now - 3600);
  g_assert_true (lia_event_repository_add (lia_book_get_events (f->book), event, &error));
  g_assert_no_error (error);

  /* From a meeting without an account: the meeting's. */
  lia_follow_up_set_meeting (from_meeting, lia_meeting_get_id (meeting), berlin (2, 20, 10, 0, 0));
  g_assert_true (lia_follow_up_repository_add (f->follow_ups, from_meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lia_follow_up_get_account_id (from_meeting), ==, f->account);
  lia_follow_up_set_event_id (from_event, lia_event_get_id (event));
  g_assert_true (lia_follow_up_repository_add (f->follow_ups, from_event, &error));
  g_assert_no_error (error);

  of_meeting = lia_follow_up_repository_list_for_meeting (f->follow_ups, lia_meeting_get_id (meeting), 0, &error);
  of_occurrence = lia_follow_up_repository_list_for_meeting (f->follow_ups, lia_meeting_get_id (meeting),
                                                             berlin (2, 20, 10, 0, 0), &error);
  of_other = lia_follow_up_repository_list_for_meeting (f->follow_ups, lia_meeting_get_id (meeting),
                                                        berlin (3, 20, 10, 0, 0), &error);
  of_event = lia_follow_up_repository_list_for_event (f->follow_ups, lia_event_get_id (event), &error);
  g_assert_no_error (error);
  assert_list (of_meeting, (gint64[]) { lia_follow_up_get_id (from_meeting) }, 1);
  assert_list (of_occurrence, (gint64[]) { lia_follow_up_get_id (from_meeting) }, 1);
  assert_list (of_other, NULL, 0);
  assert_list (of_event, (gint64[]) { lia_follow_up_get_id (from_event) }, 1);
  {
    g_autoptr(LiaFollowUp) stored = lookup (f, lia_follow_up_get_id (from_meeting));
    g_assert_cmpstr (lia_follow_up_get_meeting_title (stored), ==, "Project kick-off");
    g_assert_cmpint (lia_follow_up_get_occurrence_at (stored), ==, berlin (2, 20, 10, 0, 0));
  }

  /* A meeting that does not exist is refused. */
  {
    g_autoptr(LiaFollowUp) orphan = lia_follow_up_new (f->account, "Ghost", due);

    lia_follow_up_set_meeting (orphan, 9999, berlin (2, 20, 10, 0, 0));
    g_assert_false (lia_follow_up_repository_add (f->follow_ups, orphan, &error));
    g_assert_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local zone. */
  g_setenv ("TZ", ZONE, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/follow-ups/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("overdue/day-boundary", test_day_boundary);
  ADD ("overdue/closed", test_closed_never_overdue);
  ADD ("order-and-owners", test_order_and_owners);
  ADD ("refused", test_refused);
  ADD ("sources", test_sources);

#undef ADD

  return g_test_run ();
}
