/* lia-timeline-row.c — one item of the timeline: an event, a note, or
 * what the system recorded
 *
 * Built in code rather than from a template: the list makes a row for
 * every item on screen and a few hundred more, and rebinds them as it
 * scrolls. Every line is one ellipsized line, so a row's height never
 * depends on its width. Status changes and audit entries (the system
 * lane) look quieter than what people did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-timeline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-choice-labels.h"
#include "lia-enum-types.h"
#include "lia-event-labels.h"
#include "lia-event-repository.h"
#include "lia-format.h"
#include "lia-timeline-row.h"
#include "lia-toast.h"

struct _LiaTimelineRow
{
  GtkWidget        parent_instance;

  LiaBook         *book;
  LiaTimelineItem *item;
  gboolean         hide_account;

  GtkLabel        *day_label;
  GtkWidget       *content;
  GtkImage        *icon;
  GtkLabel        *account_label;
  GtkLabel        *summary_label;
  GtkLabel        *meta_label;
  GtkMenuButton   *status_button;
  GtkLabel        *sla_badge;
  GtkLabel        *time_label;
};

G_DEFINE_FINAL_TYPE (LiaTimelineRow, lia_timeline_row, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_ITEM, N_PROPS };

static GParamSpec *properties[N_PROPS];

/* "Today", "Yesterday", else the whole date: the list is newest first,
 * so a header reads as where in time the rows below it are. */
static char *
format_day (gint64 time,
            gint64 now)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_local (time);
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) yesterday = today ? g_date_time_add_days (today, -1) : NULL;

  if (day == NULL || today == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (day) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (day) == g_date_time_get_day_of_year (today))
    return g_strdup (C_("timeline day", "Today"));
  if (g_date_time_get_year (day) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (day) == g_date_time_get_day_of_year (yesterday))
    return g_strdup (C_("timeline day", "Yesterday"));
  /* Translators: a day heading in the timeline, see g_date_time_format() */
  return g_date_time_format (day, C_("timeline day", "%A, %-d %B %Y"));
}

static char *
format_time_of_day (gint64 time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);

  return dt ? lia_format_time (dt) : g_strdup ("");
}

static const char *
status_label_for_nick (const char *nick)
{
  int status;

  if (nick == NULL || !lia_enum_from_nick (LIA_TYPE_EVENT_STATUS, nick, &status))
    return nick ? nick : "—";
  return lia_event_status_to_label (status);
}

static const char *
item_icon_name (LiaTimelineItem *item)
{
  switch (lia_timeline_item_get_item_type (item))
    {
    case LIA_TIMELINE_ITEM_EVENT:         return lia_event_kind_icon_name (lia_timeline_item_get_event_kind (item));
    case LIA_TIMELINE_ITEM_NOTE:          return "x-office-document-symbolic";
    case LIA_TIMELINE_ITEM_STATUS_CHANGE: return "emblem-synchronizing-symbolic";
    case LIA_TIMELINE_ITEM_AUDIT:
    default:                              return "document-edit-symbolic";
    }
}

/* What happened, on one line. */
static char *
describe_item (LiaTimelineItem *item,
               LiaBook         *book)
{
  const char *summary = lia_timeline_item_get_summary (item);
  const char *old_value = lia_timeline_item_get_old_value (item);
  const char *new_value = lia_timeline_item_get_new_value (item);

  switch (lia_timeline_item_get_item_type (item))
    {
    case LIA_TIMELINE_ITEM_STATUS_CHANGE:
      /* Translators: an event's summary, its old status and its new one */
      return g_strdup_printf (_("%s: %s → %s"), summary ? summary : "",
                              status_label_for_nick (old_value), status_label_for_nick (new_value));
    case LIA_TIMELINE_ITEM_AUDIT:
      /* The kind of an audit row is the audited entity, its summary the field. */
      return lia_format_audit_values (lia_timeline_item_get_kind_nick (item), summary,
                                      old_value, new_value, book);
    case LIA_TIMELINE_ITEM_EVENT:
    case LIA_TIMELINE_ITEM_NOTE:
    default:
      return g_strdup (summary ? summary : "");
    }
}

static const char *
item_kind_label (LiaTimelineItem *item)
{
  int note_kind;

  switch (lia_timeline_item_get_item_type (item))
    {
    case LIA_TIMELINE_ITEM_EVENT:
      return lia_event_kind_to_label (lia_timeline_item_get_event_kind (item));
    case LIA_TIMELINE_ITEM_NOTE:
      if (lia_enum_from_nick (LIA_TYPE_NOTE_KIND, lia_timeline_item_get_kind_nick (item), &note_kind))
        return lia_note_kind_to_label (note_kind);
      return _("Note");
    case LIA_TIMELINE_ITEM_STATUS_CHANGE:
      return _("Status changed");
    case LIA_TIMELINE_ITEM_AUDIT:
    default:
      return _("Changed");
    }
}

/* "Incident · High · Acme Field Services (vendor)" */
static char *
describe_meta (LiaTimelineItem *item)
{
  const char *performer = lia_timeline_item_get_performer (item);
  LiaSeverity severity = lia_timeline_item_get_severity (item);
  g_autofree char *vendor = NULL;
  const char *parts[4] = { item_kind_label (item), NULL, };
  guint n = 1;

  if (lia_timeline_item_get_item_type (item) == LIA_TIMELINE_ITEM_EVENT && severity != LIA_SEVERITY_NONE)
    parts[n++] = lia_severity_to_label (severity);
  if (performer != NULL && *performer != '\0')
    parts[n++] = lia_timeline_item_get_by_vendor (item) ? (vendor = lia_format_vendor (performer)) : performer;
  return g_strjoinv (" · ", (char **)parts);
}

static void
update_status_button (LiaTimelineRow  *self,
                      LiaTimelineItem *item)
{
  /* A call, visit or email was made: it has no status worth changing. */
  gboolean is_event = lia_timeline_item_get_item_type (item) == LIA_TIMELINE_ITEM_EVENT &&
                      !lia_event_kind_is_contact (lia_timeline_item_get_event_kind (item));
  const char *status = is_event ? lia_event_status_to_label (lia_timeline_item_get_status (item)) : "";
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->status_button), is_event);
  if (!is_event)
    return;

  gtk_menu_button_set_label (self->status_button, status);
  /* Translators: the accessible name of a row's status button */
  label = g_strdup_printf (_("Status: %s. Change status"), status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.set-status",
                                 self->book != NULL && !lia_book_is_read_only (self->book));
}

static void
update_system_style (LiaTimelineRow  *self,
                     LiaTimelineItem *item)
{
  if (lia_timeline_item_is_system (item))
    gtk_widget_add_css_class (self->content, "lia-timeline-system");
  else
    gtk_widget_remove_css_class (self->content, "lia-timeline-system");
}

/* What the system recorded takes two lines: whose it was and who did
 * it, then the change itself. */
static char *
describe_system_source (LiaTimelineItem *item)
{
  const char *parts[3] = { lia_timeline_item_get_account_name (item), NULL, };
  const char *performer = lia_timeline_item_get_performer (item);

  if (parts[0] == NULL || *parts[0] == '\0')
    parts[0] = item_kind_label (item);
  parts[1] = performer && *performer ? performer : NULL;
  return g_strjoinv (" · ", (char **)parts);
}

static void
fill (LiaTimelineRow  *self,
      LiaTimelineItem *item)
{
  gboolean system = lia_timeline_item_is_system (item);
  g_autofree char *account = system ? describe_system_source (item)
                                    : g_strdup (lia_timeline_item_get_account_name (item));
  g_autofree char *summary = describe_item (item, self->book);
  g_autofree char *meta = system ? NULL : describe_meta (item);
  g_autofree char *time = format_time_of_day (lia_timeline_item_get_time (item));
  gboolean starts_day = lia_timeline_item_get_starts_day (item);

  gtk_widget_set_visible (GTK_WIDGET (self->day_label), starts_day);
  if (starts_day)
    {
      gint64 now = self->book ? lia_book_now (self->book) : g_get_real_time () / G_USEC_PER_SEC;
      g_autofree char *day = format_day (lia_timeline_item_get_time (item), now);

      gtk_label_set_label (self->day_label, day);
    }

  gtk_image_set_from_icon_name (self->icon, item_icon_name (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->icon), item_kind_label (item));
  gtk_label_set_label (self->account_label, account ? account : "");
  gtk_widget_set_visible (GTK_WIDGET (self->account_label),
                          account != NULL && (system || !self->hide_account));
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *summary != '\0');
  gtk_label_set_label (self->meta_label, meta ? meta : "");
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta != NULL);
  gtk_label_set_label (self->time_label, time);
  lia_sla_badge_update (self->sla_badge, lia_timeline_item_get_item_type (item) == LIA_TIMELINE_ITEM_EVENT
                                         ? lia_timeline_item_get_sla_state (item) : LIA_SLA_STATE_NONE);
  update_status_button (self, item);
  update_system_style (self, item);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaTimelineRow *self = LIA_TIMELINE_ROW (widget);
  g_autoptr(GError) error = NULL;
  int status;

  if (self->item == NULL ||
      !lia_enum_from_nick (LIA_TYPE_EVENT_STATUS, g_variant_get_string (parameter, NULL), &status) ||
      (LiaEventStatus)status == lia_timeline_item_get_status (self->item))
    return;

  /* The repository's signal reloads the timeline, and so this row. */
  if (!lia_event_repository_set_status (lia_book_get_events (self->book),
                                        lia_timeline_item_get_event_id (self->item), status, &error))
    lia_toast_show (widget, error->message);
}

static void
lia_timeline_row_dispose (GObject *object)
{
  LiaTimelineRow *self = (LiaTimelineRow *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->item);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_timeline_row_parent_class)->dispose (object);
}

static void
lia_timeline_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaTimelineRow *self = LIA_TIMELINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM: g_value_set_object (value, self->item); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_timeline_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiaTimelineRow *self = LIA_TIMELINE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM: lia_timeline_row_set_item (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_timeline_row_class_init (LiaTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_timeline_row_dispose;
  object_class->get_property = lia_timeline_row_get_property;
  object_class->set_property = lia_timeline_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, LIA_TYPE_TIMELINE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "row.set-status", "s", set_status_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lia-timeline-row");
}

/* A one-line label: it never wraps, so it is as tall at any width. */
static GtkLabel *
add_line_label (GtkWidget  *box,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static GMenuModel *
status_menu (void)
{
  static GMenuModel *menu = NULL;

  if (menu == NULL)
    menu = lia_event_status_menu_new ("row.set-status");
  return menu;
}

static GtkWidget *
build_suffixes (LiaTimelineRow *self,
                GtkWidget      *content)
{
  self->status_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_menu_model (self->status_button, status_menu ());
  gtk_menu_button_set_has_frame (self->status_button, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->status_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_button), _("Change Status"));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status_button));

  self->sla_badge = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->sla_badge), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->sla_badge));

  self->time_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->time_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->time_label));
  return content;
}

static void
lia_timeline_row_init (LiaTimelineRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->day_label = add_line_label (box, "lia-timeline-day");
  gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "heading");

  self->content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->content, "lia-timeline-content");
  /* The kind is said in words on the line below: the icon is for the eye. */
  self->icon = g_object_new (GTK_TYPE_IMAGE, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (self->icon));

  gtk_widget_set_hexpand (text, TRUE);
  self->account_label = add_line_label (text, "lia-timeline-account");
  self->summary_label = add_line_label (text, NULL);
  self->meta_label = add_line_label (text, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->meta_label), "dim-label");
  gtk_box_append (GTK_BOX (self->content), text);

  gtk_box_append (GTK_BOX (box), build_suffixes (self, self->content));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

GtkWidget *
lia_timeline_row_new (LiaBook *book)
{
  LiaTimelineRow *self = g_object_new (LIA_TYPE_TIMELINE_ROW, NULL);

  self->book = g_object_ref (book);
  return GTK_WIDGET (self);
}

LiaTimelineItem *
lia_timeline_row_get_item (LiaTimelineRow *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ROW (self), NULL);
  return self->item;
}

void
lia_timeline_row_set_item (LiaTimelineRow  *self,
                           LiaTimelineItem *item)
{
  g_return_if_fail (LIA_IS_TIMELINE_ROW (self));

  if (!g_set_object (&self->item, item))
    return;
  if (item != NULL)
    fill (self, item);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
lia_timeline_row_set_show_account (LiaTimelineRow *self,
                                   gboolean        show_account)
{
  g_return_if_fail (LIA_IS_TIMELINE_ROW (self));

  if (self->hide_account == !show_account)
    return;
  self->hide_account = !show_account;
  if (self->item != NULL)
    fill (self, self->item);
}

GtkLabel *
lia_timeline_row_get_sla_badge (LiaTimelineRow *self)
{
  g_return_val_if_fail (LIA_IS_TIMELINE_ROW (self), NULL);
  return self->sla_badge;
}
