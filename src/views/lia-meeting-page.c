/* lia-meeting-page.c — one meeting: when and with whom, its minutes,
 * outcome and rating, and what was promised there
 *
 * The page shows one occurrence: a single meeting, or one of a series
 * (named by the series' id and the start the series gave it). It reads
 * both again whenever the meeting repository says the meeting changed,
 * whoever changed it; minutes being typed are kept until saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-meeting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-attendee.h"
#include "lia-follow-up-repository.h"
#include "lia-follow-up-row.h"
#include "lia-format.h"
#include "lia-meeting-labels.h"
#include "lia-meeting-page-private.h"
#include "lia-meeting-repository.h"
#include "lia-toast.h"

G_DEFINE_FINAL_TYPE (LiaMeetingPage, lia_meeting_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_OCCURRENCE, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaMeetingRepository *
meetings (LiaMeetingPage *self)
{
  return lia_book_get_meetings (self->book);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text && *text ? text : "—");
}

static GtkToggleButton *
rating_button (LiaMeetingPage *self,
               int             rating)
{
  GtkToggleButton *buttons[] = { self->rating_1, self->rating_2, self->rating_3, self->rating_4, self->rating_5 };

  return rating >= 1 && rating <= 5 ? buttons[rating - 1] : NULL;
}

static int
get_rating (LiaMeetingPage *self)
{
  for (int rating = 1; rating <= 5; rating++)
    if (gtk_toggle_button_get_active (rating_button (self, rating)))
      return rating;
  return 0;
}

static void
set_rating (LiaMeetingPage *self,
            int             rating)
{
  for (int r = 1; r <= 5; r++)
    gtk_toggle_button_set_active (rating_button (self, r), r == rating);
}

/* ---- filling ---- */

static void
fill_header (LiaMeetingPage *self)
{
  LiaOccurrence *o = self->occurrence;
  LiaMeetingStatus status = lia_occurrence_get_status (o);
  g_autofree char *subtitle = NULL;

  /* Translators: a meeting's account, then what kind of meeting */
  subtitle = g_strdup_printf (_("%s · %s"), lia_occurrence_get_account_name (o),
                              lia_meeting_get_is_review (self->meeting) ? _("Review") : _("Meeting"));
  if (lia_meeting_get_for_portfolio (self->meeting))
    {
      g_autofree char *group = g_strdup_printf (_("%s · whole portfolio"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&group);
    }
  gtk_label_set_label (self->title_label, lia_occurrence_get_title (o));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->status_label, lia_meeting_status_to_label (status));
  lia_meeting_status_style (GTK_WIDGET (self->status_label), status);
  gtk_widget_set_visible (GTK_WIDGET (self->exception_label), lia_occurrence_get_is_exception (o));
}

static void
fill_details (LiaMeetingPage *self)
{
  LiaOccurrence *o = self->occurrence;
  g_autofree char *when = lia_format_meeting_when (lia_occurrence_get_starts_at (o),
                                                   lia_occurrence_get_ends_at (o),
                                                   lia_occurrence_get_tzid (o),
                                                   lia_occurrence_get_all_day (o));
  g_autofree char *repeat = lia_describe_rrule (lia_meeting_get_rrule (self->meeting));
  gint64 organizer_id = lia_meeting_get_organizer_id (self->meeting);
  g_autoptr(LiaStaffMember) organizer = organizer_id ? lia_book_lookup_staff (self->book, organizer_id) : NULL;
  const char *agenda = lia_occurrence_get_agenda (o);

  set_subtitle (self->when_row, when);
  set_subtitle (self->repeat_row, repeat);
  set_subtitle (self->location_row, lia_occurrence_get_location (o));
  set_subtitle (self->organizer_row, organizer ? lia_staff_member_get_name (organizer) : NULL);
  gtk_label_set_label (self->agenda_label, agenda ? agenda : "");
  gtk_widget_set_visible (GTK_WIDGET (self->agenda_group), agenda != NULL && *agenda != '\0');
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles are data, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_attendee_row (gpointer item,
                     gpointer user_data)
{
  LiaAttendee *attendee = item;
  const char *kind = lia_attendee_get_staff_id (attendee) != 0 ? _("Staff")
                   : lia_attendee_get_contact_id (attendee) != 0 ? _("Customer contact")
                   : NULL;
  const char *email = lia_attendee_get_email (attendee);
  g_autofree char *subtitle = kind && email ? g_strdup_printf ("%s · %s", kind, email)
                                            : g_strdup (kind ? kind : email);
  const char *name = lia_attendee_get_name (attendee);

  return new_row (name && *name ? name : email, subtitle);
}

static GtkWidget *
create_follow_up_row (gpointer item,
                      gpointer user_data)
{
  LiaMeetingPage *self = user_data;

  return lia_follow_up_row_new (item, lia_book_now (self->book), "meeting", FALSE);
}

static void
fill_minutes (LiaMeetingPage *self)
{
  const char *minutes = lia_occurrence_get_minutes (self->occurrence);
  const char *outcome = lia_occurrence_get_outcome (self->occurrence);

  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->minutes_view), minutes ? minutes : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_row), outcome ? outcome : "");
  set_rating (self, lia_occurrence_get_rating (self->occurrence));
  self->filling = FALSE;
  self->dirty = FALSE;
}

static void
reload_follow_ups (LiaMeetingPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->follow_ups);
  self->follow_ups = lia_follow_up_repository_list_for_meeting (lia_book_get_follow_ups (self->book),
                                                                self->meeting_id, self->recurrence_id, &error);
  if (error != NULL)
    lia_toast_show (GTK_WIDGET (self), error->message);
  gtk_list_box_bind_model (self->follow_ups_list, self->follow_ups, create_follow_up_row, self, NULL);
}

static void
show_error (LiaMeetingPage *self,
            const GError   *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

/**
 * lia_meeting_page_reload:
 *
 * Reads the meeting and the occurrence shown again; minutes being typed
 * stay as they are.
 */
void
lia_meeting_page_reload (LiaMeetingPage *self)
{
  g_autoptr(LiaMeeting) meeting = NULL;
  g_autoptr(LiaOccurrence) occurrence = NULL;
  g_autoptr(GError) error = NULL;

  if (self->meeting_id == 0)
    return;
  if (!(meeting = lia_meeting_repository_lookup (meetings (self), self->meeting_id, &error)) ||
      !(occurrence = lia_meeting_repository_lookup_occurrence (meetings (self), self->meeting_id,
                                                               self->recurrence_id, &error)))
    {
      g_clear_object (&self->meeting);
      g_clear_object (&self->occurrence);
      self->dirty = FALSE;
      show_error (self, error);
      lia_meeting_page_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRENCE]);
      return;
    }

  g_set_object (&self->meeting, meeting);
  g_set_object (&self->occurrence, occurrence);
  fill_header (self);
  fill_details (self);
  gtk_list_box_bind_model (self->attendees_list, lia_meeting_get_attendees (meeting),
                           create_attendee_row, self, NULL);
  if (!self->dirty)
    fill_minutes (self);
  reload_follow_ups (self);
  gtk_stack_set_visible_child_name (self->content_stack, "meeting");
  lia_meeting_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRENCE]);
}

static void
on_meeting_changed_cb (LiaMeetingPage *self,
                       gint64          meeting_id,
                       gint64          account_id)
{
  if (self->meeting_id != 0 && (meeting_id == 0 || meeting_id == self->meeting_id))
    lia_meeting_page_reload (self);
}

static void
on_follow_up_changed_cb (LiaMeetingPage *self)
{
  if (self->occurrence != NULL)
    reload_follow_ups (self);
}

static void
on_minutes_changed_cb (LiaMeetingPage *self)
{
  if (self->filling || self->occurrence == NULL)
    return;
  self->dirty = TRUE;
  lia_meeting_page_update_actions (self);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What is selected in the minutes: the start of a follow-up. */
char *
lia_meeting_page_get_selected_text (LiaMeetingPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->minutes_view);
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/**
 * lia_meeting_page_save_minutes:
 *
 * Writes the minutes, outcome and rating to the occurrence shown (alone:
 * each meeting of a series has its own minutes).
 */
gboolean
lia_meeting_page_save_minutes (LiaMeetingPage  *self,
                               GError         **error)
{
  g_autoptr(LiaOccurrence) edited = NULL;
  g_autofree char *minutes = NULL;
  const char *outcome;

  g_return_val_if_fail (LIA_IS_MEETING_PAGE (self), FALSE);

  if (self->occurrence == NULL || !self->dirty)
    return TRUE;
  if (!(edited = lia_meeting_repository_lookup_occurrence (meetings (self), self->meeting_id,
                                                           self->recurrence_id, error)))
    return FALSE;

  minutes = buffer_text (self->minutes_view);
  outcome = gtk_editable_get_text (GTK_EDITABLE (self->outcome_row));
  lia_occurrence_set_minutes (edited, *minutes ? minutes : NULL);
  lia_occurrence_set_outcome (edited, *outcome ? outcome : NULL);
  lia_occurrence_set_rating (edited, get_rating (self));
  /* Saved: the reload the write brings in shows what was stored. */
  self->dirty = FALSE;
  if (!lia_meeting_repository_update_occurrence (meetings (self), edited,
                                                 lia_occurrence_get_is_recurring (edited)
                                                 ? LIA_EDIT_SCOPE_THIS : LIA_EDIT_SCOPE_ALL,
                                                 error))
    {
      self->dirty = TRUE;
      return FALSE;
    }
  lia_meeting_page_update_actions (self);
  return TRUE;
}

/* Minutes are not lost by looking elsewhere. */
static void
save_if_dirty (LiaMeetingPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->dirty && !lia_meeting_page_save_minutes (self, &error))
    lia_toast_show (GTK_WIDGET (self), error->message);
}

static void
lia_meeting_page_unmap (GtkWidget *widget)
{
  save_if_dirty (LIA_MEETING_PAGE (widget));

  GTK_WIDGET_CLASS (lia_meeting_page_parent_class)->unmap (widget);
}

static void
lia_meeting_page_dispose (GObject *object)
{
  LiaMeetingPage *self = (LiaMeetingPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_MEETING_PAGE);
  g_clear_object (&self->follow_ups);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->meeting);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_meeting_page_parent_class)->dispose (object);
}

static void
lia_meeting_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaMeetingPage *self = LIA_MEETING_PAGE (object);

  switch (prop_id)
    {
    case PROP_OCCURRENCE: g_value_set_object (value, self->occurrence); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, exception_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, when_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, organizer_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, attendees_list);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, agenda_label);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, minutes_view);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, rating_1);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, rating_2);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, rating_3);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, rating_4);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, rating_5);
  gtk_widget_class_bind_template_child (widget_class, LiaMeetingPage, follow_ups_list);
}

static void
lia_meeting_page_class_init (LiaMeetingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_meeting_page_dispose;
  object_class->get_property = lia_meeting_page_get_property;
  widget_class->unmap = lia_meeting_page_unmap;

  properties[PROP_OCCURRENCE] =
    g_param_spec_object ("occurrence", NULL, NULL, LIA_TYPE_OCCURRENCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-meeting-page.ui");
  bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_minutes_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  lia_meeting_page_class_init_actions (widget_class);
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
lia_meeting_page_init (LiaMeetingPage *self)
{
  g_autoptr(GMenuModel) menu = lia_meeting_status_menu_new ("meeting.set-status");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_menu_model (self->status_button, menu);
  g_signal_connect_object (gtk_text_view_get_buffer (self->minutes_view), "changed",
                           G_CALLBACK (on_minutes_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_placeholder (self->attendees_list, new_placeholder (_("No attendees recorded")));
  gtk_list_box_set_placeholder (self->follow_ups_list,
                                new_placeholder (_("No follow-ups yet. Add what the customer asked "
                                                   "for or was offered, with who does it and by when.")));
  lia_meeting_page_update_actions (self);
}

void
lia_meeting_page_set_book (LiaMeetingPage *self,
                           LiaBook        *book)
{
  g_return_if_fail (LIA_IS_MEETING_PAGE (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  g_signal_connect_object (lia_book_get_meetings (book), "meeting-changed",
                           G_CALLBACK (on_meeting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lia_book_get_follow_ups (book), "follow-up-changed",
                           G_CALLBACK (on_follow_up_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_text_view_set_editable (self->minutes_view, !lia_book_is_read_only (book));
}

void
lia_meeting_page_set_occurrence (LiaMeetingPage *self,
                                 gint64          meeting_id,
                                 gint64          recurrence_id)
{
  GtkAdjustment *vadjustment;

  g_return_if_fail (LIA_IS_MEETING_PAGE (self));
  g_return_if_fail (self->book != NULL);

  if (meeting_id == self->meeting_id && recurrence_id == self->recurrence_id && self->occurrence != NULL)
    return;

  save_if_dirty (self);
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
  self->meeting_id = meeting_id;
  self->recurrence_id = recurrence_id;
  self->dirty = FALSE;
  if (meeting_id == 0)
    {
      g_clear_object (&self->meeting);
      g_clear_object (&self->occurrence);
      lia_meeting_page_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRENCE]);
      return;
    }
  lia_meeting_page_reload (self);
}

LiaOccurrence *
lia_meeting_page_get_occurrence (LiaMeetingPage *self)
{
  g_return_val_if_fail (LIA_IS_MEETING_PAGE (self), NULL);
  return self->occurrence;
}
