/* lia-notifier.c — desktop notifications for meetings about to start
 * and follow-ups falling due
 *
 * Once a minute, and soon after a meeting or follow-up changes, the
 * notifier asks the book for planned meetings starting within the next
 * quarter of an hour and for open follow-ups (of whoever uses the app,
 * when they are staff) due today. Each is notified once for as long as
 * the application runs; clicking a notification opens the item.
 *
 * Which follow-ups are due today changes far less often than meetings
 * come close: the minute's check reads them again only when the day or
 * the user changed, and otherwise every FOLLOW_UP_RECHECK_MINUTES (for
 * what another process, such as the command line, wrote); a change made
 * in the app reads them soon after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-follow-up-repository.h"
#include "lia-meeting-labels.h"
#include "lia-meeting-repository.h"
#include "lia-notifier.h"

#define CHECK_INTERVAL_SECONDS 60
#define FOLLOW_UP_RECHECK_MINUTES 10

struct _LiaNotifier
{
  GObject       parent_instance;

  GApplication *application;   /* not owned: it owns us */
  LiaBook      *book;
  /* Notification ids already sent */
  GHashTable   *sent;
  guint         timeout;
  guint         idle;
  /* The last follow-ups read: for whom, on which day, how many checks
   * ago */
  gint64        follow_ups_owner;
  GDate         follow_ups_day;
  guint         follow_up_checks_skipped;
};

G_DEFINE_FINAL_TYPE (LiaNotifier, lia_notifier, G_TYPE_OBJECT)

/* Once per item: TRUE the first time @id is seen. */
static gboolean
first_time (LiaNotifier *self,
            const char  *id)
{
  if (g_hash_table_contains (self->sent, id))
    return FALSE;
  g_hash_table_add (self->sent, g_strdup (id));
  return TRUE;
}

static void
notify_meeting (LiaNotifier   *self,
                LiaOccurrence *occurrence)
{
  gint64 meeting_id = lia_occurrence_get_meeting_id (occurrence);
  gint64 recurrence_id = lia_occurrence_get_recurrence_id (occurrence);
  g_autofree char *id = g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                         meeting_id, recurrence_id);
  g_autofree char *time = lia_format_time_of_day (lia_occurrence_get_starts_at (occurrence));
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *location = lia_occurrence_get_location (occurrence);
  g_autoptr(GNotification) notification = NULL;

  if (!first_time (self, id))
    return;
  /* Translators: a notification; a meeting's title and its start */
  title = g_strdup_printf (_("%s at %s"), lia_occurrence_get_title (occurrence), time);
  body = location && *location
         ? g_strdup_printf ("%s · %s", lia_occurrence_get_account_name (occurrence), location)
         : g_strdup (lia_occurrence_get_account_name (occurrence));
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.open-meeting", "(xx)",
                                                meeting_id, recurrence_id);
  g_application_send_notification (self->application, id, notification);
}

static void
notify_follow_up (LiaNotifier *self,
                  LiaFollowUp *follow_up)
{
  gint64 follow_up_id = lia_follow_up_get_id (follow_up);
  g_autofree char *id = g_strdup_printf ("follow-up-%" G_GINT64_FORMAT, follow_up_id);
  g_autofree char *body = NULL;
  g_autoptr(GNotification) notification = NULL;

  if (!first_time (self, id))
    return;
  body = g_strdup_printf ("%s · %s", lia_follow_up_get_summary (follow_up),
                          lia_follow_up_get_account_name (follow_up));
  notification = g_notification_new (_("Follow-up due today"));
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-follow-up", "x", follow_up_id);
  g_application_send_notification (self->application, id, notification);
}

static guint
check_meetings (LiaNotifier *self,
                gint64       now)
{
  g_autoptr(GListModel) soon = NULL;
  g_autoptr(GError) error = NULL;
  guint before = g_hash_table_size (self->sent);

  soon = lia_meeting_repository_list_range (lia_book_get_meetings (self->book), now,
                                            now + LIA_NOTIFIER_LEAD_TIME + 1, 0, FALSE, &error);
  if (soon == NULL)
    {
      g_debug ("Cannot read the meetings about to start: %s", error->message);
      return 0;
    }
  for (guint i = 0; i < g_list_model_get_n_items (soon); i++)
    {
      g_autoptr(LiaOccurrence) occurrence = g_list_model_get_item (soon, i);

      if (lia_occurrence_get_status (occurrence) == LIA_MEETING_STATUS_PLANNED)
        notify_meeting (self, occurrence);
    }
  return g_hash_table_size (self->sent) - before;
}

/* Whoever uses the app, when they are staff; else 0 (everyone's). */
static gint64
owner (LiaNotifier *self)
{
  return MAX (0, lia_book_find_staff (self->book, lia_book_get_actor (self->book)));
}

/* Overdue ones come first in the list; today's follow them. */
static guint
check_follow_ups (LiaNotifier *self,
                  gint64       now)
{
  gint64 me = owner (self);
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GError) error = NULL;
  guint before = g_hash_table_size (self->sent);
  GDate today;

  if (!(open = lia_follow_up_repository_list_open (lia_book_get_follow_ups (self->book), me, &error)))
    {
      g_debug ("Cannot read the open follow-ups: %s", error->message);
      return 0;
    }
  lia_date_from_unix (now, &today);
  self->follow_ups_owner = me;
  self->follow_ups_day = today;
  self->follow_up_checks_skipped = 0;
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      g_autoptr(LiaFollowUp) follow_up = g_list_model_get_item (open, i);
      const GDate *due = lia_follow_up_get_due_date (follow_up);

      if (due == NULL || !g_date_valid (due) || g_date_compare (due, &today) < 0)
        continue;
      if (g_date_compare (due, &today) > 0)
        break;
      notify_follow_up (self, follow_up);
    }
  return g_hash_table_size (self->sent) - before;
}

guint
lia_notifier_check (LiaNotifier *self)
{
  gint64 now;

  g_return_val_if_fail (LIA_IS_NOTIFIER (self), 0);

  now = lia_book_now (self->book);
  return check_meetings (self, now) + check_follow_ups (self, now);
}

/* Whether the minute's check reads the follow-ups again (see above). */
static gboolean
follow_ups_stale (LiaNotifier *self,
                  gint64       now)
{
  GDate today;

  lia_date_from_unix (now, &today);
  return !g_date_valid (&self->follow_ups_day) || g_date_compare (&today, &self->follow_ups_day) != 0 ||
         owner (self) != self->follow_ups_owner ||
         ++self->follow_up_checks_skipped >= FOLLOW_UP_RECHECK_MINUTES;
}

static gboolean
check_cb (gpointer user_data)
{
  LiaNotifier *self = user_data;
  gint64 now = lia_book_now (self->book);

  check_meetings (self, now);
  if (follow_ups_stale (self, now))
    check_follow_ups (self, now);
  return G_SOURCE_CONTINUE;
}

static gboolean
check_idle_cb (gpointer user_data)
{
  LiaNotifier *self = user_data;

  self->idle = 0;
  lia_notifier_check (self);
  return G_SOURCE_REMOVE;
}

/* A meeting moved to in ten minutes is worth saying at once. */
static void
on_changed_cb (LiaNotifier *self)
{
  if (self->idle == 0)
    self->idle = g_idle_add (check_idle_cb, self);
}

static void
lia_notifier_dispose (GObject *object)
{
  LiaNotifier *self = (LiaNotifier *)object;

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_handle_id (&self->idle, g_source_remove);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_notifier_parent_class)->dispose (object);
}

static void
lia_notifier_finalize (GObject *object)
{
  LiaNotifier *self = (LiaNotifier *)object;

  g_clear_pointer (&self->sent, g_hash_table_unref);

  G_OBJECT_CLASS (lia_notifier_parent_class)->finalize (object);
}

static void
lia_notifier_class_init (LiaNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_notifier_dispose;
  object_class->finalize = lia_notifier_finalize;
}

static void
lia_notifier_init (LiaNotifier *self)
{
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_clear (&self->follow_ups_day, 1);
}

LiaNotifier *
lia_notifier_new (GApplication *application,
                  LiaBook      *book)
{
  LiaNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  self = g_object_new (LIA_TYPE_NOTIFIER, NULL);
  self->application = application;
  self->book = g_object_ref (book);
  g_signal_connect_object (lia_book_get_meetings (book), "meeting-changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_follow_ups (book), "follow-up-changed",
                           G_CALLBACK (on_changed_cb), self, G_CONNECT_SWAPPED);
  self->timeout = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, check_cb, self);
  on_changed_cb (self);
  return self;
}
