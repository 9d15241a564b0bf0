/* lia-agenda-list.c — the meetings of a month, day by day: the calendar
 * on a narrow window
 *
 * Rows are the occurrences the calendar view read for its range, kept
 * to the month's own days; each day is headed by its date (GtkListBox
 * headers, which GTK 4.8 has, unlike its list view). A month holds tens
 * of meetings, so a list box is enough.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-agenda-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lia-agenda-list.h"
#include "lia-meeting-labels.h"
#include "lia-occurrence.h"

struct _LiaAgendaList
{
  GtkWidget   parent_instance;

  GListStore *occurrences;
  GDate       today;

  GtkWidget  *stack;
  GtkWidget  *list;
};

G_DEFINE_FINAL_TYPE (LiaAgendaList, lia_agenda_list, GTK_TYPE_WIDGET)

enum { OCCURRENCE_ACTIVATED, N_SIGNALS };

static guint signals[N_SIGNALS];

static LiaOccurrence *
row_occurrence (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "lia-occurrence");
}

/* "10:00–11:00 · Harbor Logistics · Room 2" */
static char *
describe (LiaOccurrence *occurrence)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *location = lia_occurrence_get_location (occurrence);

  if (lia_occurrence_get_all_day (occurrence))
    g_string_append (text, C_("meeting time", "All day"));
  else
    {
      g_autofree char *from = lia_format_time_of_day (lia_occurrence_get_starts_at (occurrence));
      g_autofree char *to = lia_format_time_of_day (lia_occurrence_get_ends_at (occurrence));

      g_string_append_printf (text, _("%s–%s"), from, to);
    }
  g_string_append_printf (text, " · %s", lia_occurrence_get_account_name (occurrence));
  if (location != NULL && *location != '\0')
    g_string_append_printf (text, " · %s", location);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaOccurrence *occurrence = item;
  LiaMeetingStatus status = lia_occurrence_get_status (occurrence);
  g_autofree char *subtitle = describe (occurrence);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (lia_meeting_status_to_label (status));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_occurrence_get_title (occurrence));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  lia_meeting_status_style (row, status);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "lia-pill");
  lia_meeting_status_style (pill, status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  g_object_set_data_full (G_OBJECT (row), "lia-occurrence", g_object_ref (occurrence), g_object_unref);
  return row;
}

/* A day's date heads its first meeting. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  LiaAgendaList *self = user_data;
  GDate day, previous;
  char text[128];
  GtkWidget *header;

  lia_date_from_unix (lia_occurrence_get_starts_at (row_occurrence (row)), &day);
  if (before != NULL)
    {
      lia_date_from_unix (lia_occurrence_get_starts_at (row_occurrence (before)), &previous);
      if (g_date_compare (&day, &previous) == 0)
        {
          gtk_list_box_row_set_header (row, NULL);
          return;
        }
    }

  /* Translators: a day heading the agenda, see strftime() */
  g_date_strftime (text, sizeof text, C_("agenda day", "%A %-d %B"), &day);
  header = gtk_label_new (NULL);
  if (g_date_valid (&self->today) && g_date_compare (&day, &self->today) == 0)
    {
      g_autofree char *today = g_strdup_printf (_("%s · Today"), text);

      gtk_label_set_label (GTK_LABEL (header), today);
      gtk_widget_add_css_class (header, "accent");
    }
  else
    gtk_label_set_label (GTK_LABEL (header), text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "lia-agenda-day");
  gtk_list_box_row_set_header (row, header);
}

static void
on_row_activated_cb (LiaAgendaList *self,
                     GtkListBoxRow *row)
{
  LiaOccurrence *occurrence = row_occurrence (row);

  g_signal_emit (self, signals[OCCURRENCE_ACTIVATED], 0, lia_occurrence_get_meeting_id (occurrence),
                 lia_occurrence_get_recurrence_id (occurrence));
}

static GtkWidget *
build_empty_state (void)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Meetings"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), _("Nothing is planned this month."));
  gtk_widget_add_css_class (status, "compact");
  return status;
}

static void
build (LiaAgendaList *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), update_header, self, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->occurrences), create_row, self, NULL);
  gtk_widget_add_css_class (self->list, "lia-agenda");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Meetings, day by day"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self, G_CONNECT_SWAPPED);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->list);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), build_empty_state (), "empty");
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
}

static void
lia_agenda_list_dispose (GObject *object)
{
  LiaAgendaList *self = (LiaAgendaList *)object;

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->occurrences);

  G_OBJECT_CLASS (lia_agenda_list_parent_class)->dispose (object);
}

static void
lia_agenda_list_class_init (LiaAgendaListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_agenda_list_dispose;

  /* A meeting was activated: its meeting id and recurrence id. */
  signals[OCCURRENCE_ACTIVATED] = g_signal_new ("occurrence-activated", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "lia-agenda-list");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_agenda_list_init (LiaAgendaList *self)
{
  self->occurrences = g_list_store_new (LIA_TYPE_OCCURRENCE);
  g_date_clear (&self->today, 1);
  build (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

GtkWidget *
lia_agenda_list_new (void)
{
  return g_object_new (LIA_TYPE_AGENDA_LIST, NULL);
}

void
lia_agenda_list_set_occurrences (LiaAgendaList *self,
                                 GListModel    *occurrences,
                                 const GDate   *first,
                                 const GDate   *after_last)
{
  guint n = occurrences ? g_list_model_get_n_items (occurrences) : 0;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (LIA_IS_AGENDA_LIST (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaOccurrence) occurrence = g_list_model_get_item (occurrences, i);
      GDate day;

      lia_date_from_unix (lia_occurrence_get_starts_at (occurrence), &day);
      if (g_date_valid (&day) && g_date_compare (&day, first) >= 0 && g_date_compare (&day, after_last) < 0)
        g_ptr_array_add (shown, g_steal_pointer (&occurrence));
    }

  g_list_store_splice (self->occurrences, 0, g_list_model_get_n_items (G_LIST_MODEL (self->occurrences)),
                       shown->pdata, shown->len);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), shown->len > 0 ? "list" : "empty");
}

void
lia_agenda_list_set_today (LiaAgendaList *self,
                           const GDate   *today)
{
  g_return_if_fail (LIA_IS_AGENDA_LIST (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  gtk_list_box_invalidate_headers (GTK_LIST_BOX (self->list));
}

gboolean
lia_agenda_list_focus_date (LiaAgendaList *self,
                            const GDate   *date)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (LIA_IS_AGENDA_LIST (self), FALSE);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)); i++)
    {
      GDate day;

      lia_date_from_unix (lia_occurrence_get_starts_at (row_occurrence (row)), &day);
      if (g_date_compare (&day, date) >= 0)
        return gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  return FALSE;
}

/* The occurrences listed: LiaOccurrence items. */
GListModel *
lia_agenda_list_get_model (LiaAgendaList *self)
{
  g_return_val_if_fail (LIA_IS_AGENDA_LIST (self), NULL);
  return G_LIST_MODEL (self->occurrences);
}
