/* lia-event-page.c — one event: what happened, who handled it, its SLA
 * clocks and the statuses it went through
 *
 * The page reads its event from the book, and again whenever the event
 * repository says the event changed, whoever changed it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-event-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lia-enum-types.h"
#include "lia-event-dialog.h"
#include "lia-event-labels.h"
#include "lia-event-page.h"
#include "lia-event-repository.h"
#include "lia-format.h"
#include "lia-status-change.h"
#include "lia-toast.h"

struct _LiaEventPage
{
  GtkWidget          parent_instance;

  LiaBook           *book;
  gint64             event_id;
  LiaEvent          *event;

  /* Template children */
  GtkStack          *content_stack;
  GtkScrolledWindow *scrolled_window;
  AdwStatusPage     *error_status;
  GtkImage          *kind_icon;
  GtkLabel          *summary_label;
  GtkLabel          *subtitle_label;
  GtkLabel          *status_label;
  GtkLabel          *severity_label;
  GtkLabel          *sla_badge;
  GtkMenuButton     *status_button;
  GtkButton         *account_button;
  AdwActionRow      *source_row;
  AdwActionRow      *performer_row;
  AdwActionRow      *contact_row;
  AdwActionRow      *opened_row;
  AdwActionRow      *responded_row;
  AdwActionRow      *resolved_row;
  AdwPreferencesGroup *sla_group;
  AdwActionRow      *response_row;
  AdwActionRow      *resolution_row;
  AdwActionRow      *hours_row;
  AdwPreferencesGroup *details_group;
  GtkLabel          *details_label;
  GtkListBox        *history_list;
};

G_DEFINE_FINAL_TYPE (LiaEventPage, lia_event_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_EVENT, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaEventRepository *
repository (LiaEventPage *self)
{
  return lia_book_get_events (self->book);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text && *text ? text : "—");
}

static void
set_time_subtitle (AdwActionRow *row,
                   gint64        unix_seconds,
                   const char   *none)
{
  g_autofree char *text = unix_seconds > 0 ? lia_format_date_time (unix_seconds) : NULL;

  adw_action_row_set_subtitle (row, text ? text : none);
}

/* The target as a whole phrase ("Within 4 hours"): languages inflect the
 * unit after "within" (German "innerhalb von 3 Tagen", not "3 Tage"). */
static char *
format_within (gint64 seconds)
{
  int n;

  if (seconds % (24 * 3600) == 0 && seconds >= 24 * 3600)
    {
      n = (int)(seconds / (24 * 3600));
      /* Translators: an SLA target */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Within %d day", "Within %d days", n), n);
    }
  if (seconds % 3600 == 0)
    {
      n = (int)(seconds / 3600);
      /* Translators: an SLA target */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Within %d hour", "Within %d hours", n), n);
    }
  n = (int)(seconds / 60);
  /* Translators: an SLA target */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Within %d minute", "Within %d minutes", n), n);
}

/* Where one clock stands: met, breached (and when), or due by when. */
static char *
describe_clock (LiaEventPage *self,
                gint64        target,
                gint64        stopped_at,
                gint64        breach_at)
{
  g_autofree char *within = format_within (target);
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;

  if (breach_at > 0 && (stopped_at > 0 || breach_at <= lia_book_now (self->book)))
    {
      when = lia_format_date_time (breach_at);
      /* Translators: where an SLA clock stands; %s is a date and time */
      where = g_strdup_printf (_("breached at %s"), when);
    }
  else if (stopped_at > 0)
    /* Translators: where an SLA clock stands */
    where = g_strdup (C_("sla clock", "met"));
  else if (lia_event_get_status (self->event) == LIA_EVENT_STATUS_WAITING)
    /* Translators: where an SLA clock stands: stopped while the customer is awaited */
    where = g_strdup (_("paused, waiting on the customer"));
  else if (breach_at > 0)
    {
      when = lia_format_date_time (breach_at);
      /* Translators: where an SLA clock stands; %s is its deadline, a date and time */
      where = g_strdup_printf (_("due by %s"), when);
    }

  if (where == NULL)
    return g_steal_pointer (&within);
  /* Translators: an SLA target ("Within 4 hours"), then where its clock
   * stands ("met", "due by 12 Mar 2026, 14:00") */
  return g_strdup_printf (C_("sla clock", "%s · %s"), within, where);
}

/* The weekday names of a stored key: "mon" → "Monday", "mon-fri" →
 * "Monday to Friday". NULL for what is not one. */
static char *
describe_days (const char *key)
{
  static const char * const keys[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  /* The same words as the business calendar's own messages. */
  const char *names[7] = {
    _("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday"),
  };
  g_auto(GStrv) ends = g_strsplit (key, "-", 2);
  int first = -1, last = -1;

  for (int i = 0; i < 7; i++)
    {
      if (ends[0] != NULL && g_ascii_strcasecmp (g_strstrip (ends[0]), keys[i]) == 0)
        first = i;
      if (ends[0] != NULL && ends[1] != NULL && g_ascii_strcasecmp (g_strstrip (ends[1]), keys[i]) == 0)
        last = i;
    }
  if (first < 0 || (ends[1] != NULL && last < 0))
    return NULL;
  if (ends[1] == NULL || last == first)
    return g_strdup (names[first]);
  /* Translators: a run of weekdays in business hours, e.g. "Monday to Friday" */
  return g_strdup_printf (_("%s to %s"), names[first], names[last]);
}

/* "08:00-12:00,13:00-18:00" on the person's clock: "08:00–12:00, 13:00–18:00"
 * or "8:00 AM–12:00 PM, …". NULL for what is not that. */
static char *
describe_openings (const char *value)
{
  g_auto(GStrv) ranges = g_strsplit (value, ",", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ranges[i] != NULL; i++)
    {
      guint oh, om, ch, cm;
      char end;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *span = NULL;

      if (sscanf (g_strstrip (ranges[i]), "%u:%u-%u:%u%c", &oh, &om, &ch, &cm, &end) != 4)
        return NULL;
      from = lia_format_minute_of_day (oh * 60 + om);
      to = lia_format_minute_of_day (ch * 60 + cm);
      /* Translators: opening hours, from then to */
      span = g_strdup_printf (C_("opening hours", "%s–%s"), from, to);
      if (text->len > 0)
        /* Translators: between two spans of opening hours in a day */
        g_string_append (text, C_("opening hours", ", "));
      g_string_append (text, span);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The stored spec ("tz=Europe/Berlin;mon-fri=08:00-18:00;holidays=…")
 * in words: "Monday to Friday 08:00–18:00 (Europe/Berlin)". A part it
 * cannot read is shown as stored rather than dropped; NULL when no day
 * is named (open around the clock). */
static char *
describe_hours (const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, ";", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *zone = NULL;
  guint n_holidays = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *value = strchr (parts[i], '=');
      g_autofree char *days = NULL;
      g_autofree char *hours = NULL;
      g_autofree char *part = NULL;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (value != NULL)
        *value++ = '\0';
      if (value != NULL && g_ascii_strcasecmp (parts[i], "tz") == 0)
        {
          zone = g_strstrip (value);
          continue;
        }
      if (value != NULL && g_ascii_strcasecmp (parts[i], "holidays") == 0)
        {
          g_auto(GStrv) dates = g_strsplit (value, ",", -1);

          n_holidays += g_strv_length (dates);
          continue;
        }
      if (value != NULL && (days = describe_days (parts[i])) && (hours = describe_openings (value)))
        /* Translators: weekdays and their opening hours, e.g. "Monday to Friday 08:00–18:00" */
        part = g_strdup_printf (C_("opening hours", "%s %s"), days, hours);
      else
        part = value != NULL ? g_strdup_printf ("%s=%s", parts[i], value) : g_strdup (parts[i]);
      if (text->len > 0)
        /* Translators: between the opening hours of different weekdays */
        g_string_append (text, C_("opening hours", "; "));
      g_string_append (text, part);
    }
  if (n_holidays > 0)
    {
      g_autofree char *closed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "closed on %u holiday",
                                                              "closed on %u holidays", n_holidays),
                                                 n_holidays);

      if (text->len > 0)
        g_string_append (text, C_("opening hours", "; "));
      g_string_append (text, closed);
    }
  /* No day named: open around the clock, whatever the zone. */
  if (text->len == 0)
    return NULL;
  if (zone != NULL)
    {
      g_autofree char *described = g_string_free (g_steal_pointer (&text), FALSE);

      /* Translators: business hours, then their time zone, e.g.
       * "Monday to Friday 08:00–18:00 (Europe/Berlin)" */
      return g_strdup_printf (C_("opening hours", "%s (%s)"), described, zone);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_sla (LiaEventPage *self,
          LiaEvent     *e)
{
  gint64 response = lia_event_get_response_target (e);
  gint64 resolution = lia_event_get_resolution_target (e);
  const char *hours = lia_event_get_business_hours (e);
  g_autofree char *response_text = NULL;
  g_autofree char *resolution_text = NULL;
  g_autofree char *hours_text = NULL;
  g_autofree char *hours_described = hours ? describe_hours (hours) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->sla_group), response > 0 || resolution > 0);
  if (response <= 0 && resolution <= 0)
    return;

  response_text = describe_clock (self, response, lia_event_get_responded_at (e),
                                  lia_event_get_response_breach_at (e));
  resolution_text = describe_clock (self, resolution, lia_event_get_resolved_at (e),
                                    lia_event_get_resolution_breach_at (e));
  /* Translators: %s is the plan's business hours, e.g. "Monday to Friday 08:00–18:00 (Europe/Berlin)" */
  hours_text = hours_described ? g_strdup_printf (_("In business hours only: %s"), hours_described)
                              : g_strdup (_("Around the clock"));
  gtk_widget_set_visible (GTK_WIDGET (self->response_row), response > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->resolution_row), resolution > 0);
  adw_action_row_set_subtitle (self->response_row, response_text);
  adw_action_row_set_subtitle (self->resolution_row, resolution_text);
  adw_action_row_set_subtitle (self->hours_row, hours_text);
}

static char *
describe_performer (LiaEvent *e)
{
  if (lia_event_get_vendor_id (e) != 0)
    return lia_format_vendor (lia_event_get_vendor_name (e));
  return g_strdup (lia_event_get_staff_name (e));
}

static void
fill_header (LiaEventPage *self,
             LiaEvent     *e)
{
  LiaSeverity severity = lia_event_get_severity (e);
  g_autofree char *subtitle = NULL;

  /* Translators: an event's account, then its kind, e.g. "Acme · Incident" */
  subtitle = g_strdup_printf (_("%s · %s"), lia_event_get_account_name (e),
                              lia_event_kind_to_label (lia_event_get_kind (e)));
  gtk_image_set_from_icon_name (self->kind_icon, lia_event_kind_icon_name (lia_event_get_kind (e)));
  gtk_label_set_label (self->summary_label, lia_event_get_summary (e));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->status_label, lia_event_status_to_label (lia_event_get_status (e)));
  gtk_label_set_label (self->severity_label, lia_severity_to_label (severity));
  gtk_widget_set_visible (GTK_WIDGET (self->severity_label), severity != LIA_SEVERITY_NONE);
  lia_sla_badge_update (self->sla_badge, lia_event_get_sla_state (e));
  /* Target first: the action takes an account id, never nothing. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->account_button), "x",
                                    lia_event_get_account_id (e));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->account_button), "win.show-account");
}

static void
fill_details (LiaEventPage *self,
              LiaEvent     *e)
{
  g_autofree char *performer = describe_performer (e);
  const char *details = lia_event_get_details (e);

  set_subtitle (self->source_row, lia_event_source_to_label (lia_event_get_source (e)));
  set_subtitle (self->performer_row, performer);
  set_subtitle (self->contact_row, lia_event_get_contact_name (e));
  set_time_subtitle (self->opened_row, lia_event_get_opened_at (e), "—");
  set_time_subtitle (self->responded_row, lia_event_get_responded_at (e), C_("responded", "Not yet"));
  set_time_subtitle (self->resolved_row, lia_event_get_resolved_at (e), C_("resolved", "Not yet"));
  gtk_label_set_label (self->details_label, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_group), details != NULL && *details != '\0');
}

static GtkWidget *
create_change_row (gpointer item,
                   gpointer user_data)
{
  LiaStatusChange *change = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *when = lia_format_date_time (lia_status_change_get_changed_at (change));
  const char *actor = lia_status_change_get_actor (change);
  g_autofree char *subtitle = NULL;

  /* Translators: a status change, old status then new */
  title = g_strdup_printf (_("%s → %s"), lia_event_status_to_label (lia_status_change_get_from (change)),
                           lia_event_status_to_label (lia_status_change_get_to (change)));
  subtitle = actor && *actor ? g_strdup_printf ("%s · %s", when, actor) : g_strdup (when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_error (LiaEventPage *self,
            const GError *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

static void
reload (LiaEventPage *self)
{
  g_autoptr(LiaEvent) event = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;

  if (self->event_id == 0)
    return;
  if (!(event = lia_event_repository_lookup (repository (self), self->event_id, &error)) ||
      !(changes = lia_event_repository_list_status_changes (repository (self), self->event_id, &error)))
    {
      g_clear_object (&self->event);
      show_error (self, error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
      return;
    }

  g_set_object (&self->event, event);
  fill_header (self, event);
  fill_details (self, event);
  fill_sla (self, event);
  gtk_list_box_bind_model (self->history_list, changes, create_change_row, self, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "event");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.edit", !lia_book_is_read_only (self->book));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.set-status", !lia_book_is_read_only (self->book));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

static void
on_event_changed_cb (LiaEventPage *self,
                     gint64        event_id,
                     gint64        account_id)
{
  if (self->event_id != 0 && (event_id == 0 || event_id == self->event_id))
    reload (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaEventPage *self = LIA_EVENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_window_present (GTK_WINDOW (lia_event_dialog_new_for_edit (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                 self->book, self->event_id)));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaEventPage *self = LIA_EVENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int status;

  if (self->event == NULL ||
      !lia_enum_from_nick (LIA_TYPE_EVENT_STATUS, g_variant_get_string (parameter, NULL), &status) ||
      (LiaEventStatus)status == lia_event_get_status (self->event))
    return;

  if (!lia_event_repository_set_status (repository (self), self->event_id, status, &error))
    lia_toast_show (widget, error->message);
}

static void
lia_event_page_dispose (GObject *object)
{
  LiaEventPage *self = (LiaEventPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_EVENT_PAGE);
  g_clear_object (&self->event);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_event_page_parent_class)->dispose (object);
}

static void
lia_event_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaEventPage *self = LIA_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVENT: g_value_set_object (value, self->event); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, severity_label);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, sla_badge);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, account_button);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, performer_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, contact_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, opened_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, responded_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, sla_group);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, response_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, resolution_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, hours_row);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, LiaEventPage, history_list);
}

static void
lia_event_page_class_init (LiaEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_event_page_dispose;
  object_class->get_property = lia_event_page_get_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, LIA_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-event-page.ui");
  bind_children (widget_class);

  gtk_widget_class_install_action (widget_class, "event.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "event.set-status", "s", set_status_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_event_page_init (LiaEventPage *self)
{
  g_autoptr(GMenuModel) menu = lia_event_status_menu_new ("event.set-status");
  GtkWidget *placeholder = gtk_label_new (_("No status changes yet"));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->status_button, menu);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->history_list, placeholder);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.set-status", FALSE);
}

void
lia_event_page_set_book (LiaEventPage *self,
                         LiaBook      *book)
{
  g_return_if_fail (LIA_IS_EVENT_PAGE (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  g_signal_connect_object (lia_book_get_events (book), "event-changed",
                           G_CALLBACK (on_event_changed_cb), self, G_CONNECT_SWAPPED);
}

void
lia_event_page_set_event_id (LiaEventPage *self,
                             gint64        event_id)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (LIA_IS_EVENT_PAGE (self));
  g_return_if_fail (self->book != NULL);

  if (event_id != self->event_id)
    {
      vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
    }
  self->event_id = event_id;
  if (event_id == 0)
    {
      g_clear_object (&self->event);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
      return;
    }
  reload (self);
}

LiaEvent *
lia_event_page_get_event (LiaEventPage *self)
{
  g_return_val_if_fail (LIA_IS_EVENT_PAGE (self), NULL);
  return self->event;
}
