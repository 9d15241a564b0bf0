/* lia-month-grid.c — six weeks of days, each listing its meetings
 *
 * Always six weeks from the start of the week (the locale's first
 * weekday: Monday in Germany, Sunday in the United States) on or before
 * the first of the month, so the grid does not jump in height from
 * month to month. A day lists
 * up to three meetings (time, account, title, styled by status); more
 * than that collapse into "+N more", which opens the whole day in a
 * popover. The selected day is the keyboard's cursor: arrows move it,
 * Page Up/Down change month, Home goes to today, Enter opens the day's
 * first meeting (or asks for a new one on an empty day).
 *
 * The grid only shows what it is given: the calendar view queries the
 * range the grid reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-month-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-format.h"
#include "lia-meeting-labels.h"
#include "lia-month-grid.h"
#include "lia-occurrence.h"

#define N_DAYS 42
#define MAX_CHIPS 3

typedef struct
{
  GtkWidget *box;
  GtkWidget *number;
  GtkWidget *chips;
  GtkWidget *more;
  guint      n_occurrences;
  /* The day's first meeting, for Enter */
  gint64     first_meeting_id;
  gint64     first_recurrence_id;
} DayCell;

struct _LiaMonthGrid
{
  GtkWidget   parent_instance;

  GtkWidget  *header;
  GtkWidget  *grid;
  DayCell     cells[N_DAYS];
  GDate       date;
  GDate       today;
  GDate       first_shown;
  GDateWeekday first_weekday;
};

G_DEFINE_FINAL_TYPE (LiaMonthGrid, lia_month_grid, GTK_TYPE_WIDGET)

enum { DATE_CHANGED, OCCURRENCE_ACTIVATED, DAY_ACTIVATED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
compute_first_shown (const GDate  *date,
                     GDateWeekday  first_weekday,
                     GDate        *first)
{
  *first = *date;
  g_date_set_day (first, 1);
  g_date_subtract_days (first, (g_date_get_weekday (first) - first_weekday + 7) % 7);
}

static int
cell_index (LiaMonthGrid *self,
            const GDate  *date)
{
  int index = (int)g_date_get_julian (date) - (int)g_date_get_julian (&self->first_shown);

  return index >= 0 && index < N_DAYS ? index : -1;
}

static void
cell_date (LiaMonthGrid *self,
           guint         index,
           GDate        *date)
{
  *date = self->first_shown;
  g_date_add_days (date, index);
}

/* ---- day cells ---- */

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* "Tuesday 14 April 2026, 2 meetings" for screen readers */
static void
label_cell (LiaMonthGrid *self,
            guint         index)
{
  DayCell *cell = &self->cells[index];
  GDate date;
  char day[128];
  g_autofree char *label = NULL;

  cell_date (self, index, &date);
  /* Translators: a day in the month grid, see strftime() */
  g_date_strftime (day, sizeof day, C_("grid day", "%A %-d %B %Y"), &date);
  label = cell->n_occurrences == 0
          ? g_strdup_printf (_("%s, no meetings"), day)
          : g_strdup_printf (ngettext ("%s, %u meeting", "%s, %u meetings", cell->n_occurrences),
                             day, cell->n_occurrences);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
style_cells (LiaMonthGrid *self)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      DayCell *cell = &self->cells[i];
      GDate date;
      char number[8];

      cell_date (self, i, &date);
      g_snprintf (number, sizeof number, "%u", g_date_get_day (&date));
      gtk_label_set_label (GTK_LABEL (cell->number), number);
      set_class (cell->box, "other-month", g_date_get_month (&date) != g_date_get_month (&self->date));
      set_class (cell->box, "today", g_date_valid (&self->today) && g_date_compare (&date, &self->today) == 0);
      set_class (cell->box, "selected", g_date_compare (&date, &self->date) == 0);
      set_class (cell->box, "weekend", g_date_get_weekday (&date) >= G_DATE_SATURDAY);
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell->box), GTK_ACCESSIBLE_STATE_SELECTED,
                                   g_date_compare (&date, &self->date) == 0, -1);
      label_cell (self, i);
    }
}

static GtkWidget *
new_chip (LiaOccurrence *occurrence)
{
  g_autofree char *time = lia_occurrence_get_all_day (occurrence)
                          ? g_strdup (C_("meeting time", "All day"))
                          : lia_format_time_of_day (lia_occurrence_get_starts_at (occurrence));
  /* Translators: a meeting in a day of the month grid: time, account, title */
  g_autofree char *text = g_strdup_printf (_("%s %s · %s"), time,
                                           lia_occurrence_get_account_name (occurrence),
                                           lia_occurrence_get_title (occurrence));
  g_autofree char *tooltip = g_strdup_printf ("%s (%s)", text,
                                              lia_meeting_status_to_label (lia_occurrence_get_status (occurrence)));
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *chip = gtk_button_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (chip), label);
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (chip, "flat");
  gtk_widget_add_css_class (chip, "lia-meeting-chip");
  lia_meeting_status_style (chip, lia_occurrence_get_status (occurrence));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "(xx)",
                                    lia_occurrence_get_meeting_id (occurrence),
                                    lia_occurrence_get_recurrence_id (occurrence));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), "grid.open");
  return chip;
}

static void
clear_cell (DayCell *cell)
{
  GtkWidget *chip;

  while ((chip = gtk_widget_get_first_child (cell->chips)))
    gtk_box_remove (GTK_BOX (cell->chips), chip);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (cell->more), NULL);
  gtk_widget_set_visible (cell->more, FALSE);
  cell->n_occurrences = 0;
  cell->first_meeting_id = 0;
  cell->first_recurrence_id = 0;
}

/* Everything on a day too full for its cell, in a popover. */
static void
fill_more (DayCell   *cell,
           GPtrArray *day)
{
  guint n_more = day->len - (MAX_CHIPS - 1);
  /* Translators: a button in a full day of the month grid; %u is how many
   * more meetings it shows */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n_more),
                                            n_more);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  for (guint i = 0; i < day->len; i++)
    {
      GtkWidget *chip = new_chip (day->pdata[i]);

      g_signal_connect_object (chip, "clicked", G_CALLBACK (gtk_popover_popdown), popover, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), chip);
    }
  gtk_widget_set_size_request (box, 240, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (cell->more), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (cell->more), popover);
  gtk_widget_set_visible (cell->more, TRUE);
}

static void
fill_cell (DayCell   *cell,
           GPtrArray *day)
{
  /* A full cell keeps a line for "+N more". */
  guint shown = day->len > MAX_CHIPS ? MAX_CHIPS - 1 : day->len;

  cell->n_occurrences = day->len;
  if (day->len > 0)
    {
      cell->first_meeting_id = lia_occurrence_get_meeting_id (day->pdata[0]);
      cell->first_recurrence_id = lia_occurrence_get_recurrence_id (day->pdata[0]);
    }
  for (guint i = 0; i < shown; i++)
    gtk_box_append (GTK_BOX (cell->chips), new_chip (day->pdata[i]));
  if (day->len > shown)
    fill_more (cell, day);
}

/* ---- keyboard and pointer ---- */

static void
select_date (LiaMonthGrid *self,
             const GDate  *date)
{
  gboolean same_month;

  if (!g_date_valid (date) || g_date_compare (date, &self->date) == 0)
    return;
  same_month = g_date_get_month (date) == g_date_get_month (&self->date) &&
               g_date_get_year (date) == g_date_get_year (&self->date);
  lia_month_grid_set_date (self, date);
  if (!same_month)
    /* Shown empty until the view has read the new range. */
    lia_month_grid_set_occurrences (self, NULL);
  g_signal_emit (self, signals[DATE_CHANGED], 0);
}

static void
activate_selected (LiaMonthGrid *self)
{
  int index = cell_index (self, &self->date);
  DayCell *cell = index >= 0 ? &self->cells[index] : NULL;

  if (cell != NULL && cell->first_meeting_id != 0)
    g_signal_emit (self, signals[OCCURRENCE_ACTIVATED], 0, cell->first_meeting_id, cell->first_recurrence_id);
  else if (cell != NULL)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0);
}

static gboolean
on_key_pressed_cb (LiaMonthGrid          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  GDate date = self->date;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: g_date_subtract_days (&date, 1); break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: g_date_add_days (&date, 1); break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: g_date_subtract_days (&date, 7); break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: g_date_add_days (&date, 7); break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: g_date_subtract_months (&date, 1); break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: g_date_add_months (&date, 1); break;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      if (g_date_valid (&self->today))
        date = self->today;
      break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      activate_selected (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  select_date (self, &date);
  /* Arrows pressed on a meeting move the day, not the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return GDK_EVENT_STOP;
}

static void
on_cell_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    LiaMonthGrid    *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "lia-cell-index"));
  GDate date;

  cell_date (self, index, &date);
  select_date (self, &date);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* A double click on a day asks for a meeting there. */
  if (n_press == 2 && self->cells[index].n_occurrences == 0)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gint64 meeting_id, recurrence_id;

  g_variant_get (parameter, "(xx)", &meeting_id, &recurrence_id);
  g_signal_emit (widget, signals[OCCURRENCE_ACTIVATED], 0, meeting_id, recurrence_id);
}

/* ---- building ---- */

static GtkWidget *
build_header (GDateWeekday first_weekday)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 1, first_weekday, 12, 0, 0);

  gtk_box_set_homogeneous (GTK_BOX (header), TRUE);
  gtk_widget_add_css_class (header, "lia-weekdays");
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);
      /* Translators: a weekday over the month grid, see g_date_time_format() */
      g_autofree char *name = g_date_time_format (day, C_("grid weekday", "%a"));
      GtkWidget *label = gtk_label_new (name);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (header), label);
      g_date_time_unref (day);
      day = g_steal_pointer (&next);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return header;
}

static void
build_cell (LiaMonthGrid *self,
            guint         index)
{
  DayCell *cell = &self->cells[index];
  GtkGesture *click = gtk_gesture_click_new ();

  cell->box = g_object_new (GTK_TYPE_BOX, "orientation", GTK_ORIENTATION_VERTICAL, "spacing", 1,
                            "accessible-role", GTK_ACCESSIBLE_ROLE_GRID_CELL, NULL);
  gtk_widget_add_css_class (cell->box, "lia-day");
  gtk_widget_set_overflow (cell->box, GTK_OVERFLOW_HIDDEN);
  cell->number = gtk_label_new (NULL);
  gtk_widget_set_halign (cell->number, GTK_ALIGN_START);
  gtk_widget_add_css_class (cell->number, "lia-day-number");
  cell->chips = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  cell->more = gtk_menu_button_new ();
  gtk_widget_set_halign (cell->more, GTK_ALIGN_START);
  gtk_widget_add_css_class (cell->more, "flat");
  gtk_widget_add_css_class (cell->more, "lia-more");
  gtk_widget_set_visible (cell->more, FALSE);
  gtk_box_append (GTK_BOX (cell->box), cell->number);
  gtk_box_append (GTK_BOX (cell->box), cell->chips);
  gtk_box_append (GTK_BOX (cell->box), cell->more);

  g_object_set_data (G_OBJECT (cell->box), "lia-cell-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_cell_pressed_cb), self, 0);
  gtk_widget_add_controller (cell->box, GTK_EVENT_CONTROLLER (click));
  gtk_grid_attach (GTK_GRID (self->grid), cell->box, index % 7, index / 7, 1, 1);
}

static void
lia_month_grid_dispose (GObject *object)
{
  LiaMonthGrid *self = (LiaMonthGrid *)object;

  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (lia_month_grid_parent_class)->dispose (object);
}

static void
lia_month_grid_class_init (LiaMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_month_grid_dispose;

  /* The person moved the selected day (perhaps into another month). */
  signals[DATE_CHANGED] = g_signal_new ("date-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A meeting was clicked, or Enter pressed on its day: meeting id, recurrence id. */
  signals[OCCURRENCE_ACTIVATED] = g_signal_new ("occurrence-activated", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /* Enter or a double click on a day without meetings. */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "grid.open", "(xx)", open_action);
  gtk_widget_class_set_css_name (widget_class, "lia-month-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
lia_month_grid_init (LiaMonthGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"), -1);

  self->first_weekday = lia_format_first_weekday ();
  self->header = build_header (self->first_weekday);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_widget_set_vexpand (self->grid, TRUE);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  for (guint i = 0; i < N_DAYS; i++)
    build_cell (self, i);

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_date_clear (&self->today, 1);
  g_date_clear (&self->date, 1);
  g_date_set_dmy (&self->date, 1, G_DATE_JANUARY, 2000);
  compute_first_shown (&self->date, self->first_weekday, &self->first_shown);
  style_cells (self);
}

GtkWidget *
lia_month_grid_new (void)
{
  return g_object_new (LIA_TYPE_MONTH_GRID, NULL);
}

void
lia_month_grid_set_date (LiaMonthGrid *self,
                         const GDate  *date)
{
  g_return_if_fail (LIA_IS_MONTH_GRID (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
  compute_first_shown (date, self->first_weekday, &self->first_shown);
  style_cells (self);
}

const GDate *
lia_month_grid_get_date (LiaMonthGrid *self)
{
  g_return_val_if_fail (LIA_IS_MONTH_GRID (self), NULL);
  return &self->date;
}

void
lia_month_grid_set_today (LiaMonthGrid *self,
                          const GDate  *today)
{
  g_return_if_fail (LIA_IS_MONTH_GRID (self));

  if (today != NULL)
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  style_cells (self);
}

void
lia_month_grid_get_range (LiaMonthGrid *self,
                          GDate        *first,
                          GDate        *after_last)
{
  g_return_if_fail (LIA_IS_MONTH_GRID (self));

  *first = self->first_shown;
  *after_last = self->first_shown;
  g_date_add_days (after_last, N_DAYS);
}

/**
 * lia_month_grid_set_occurrences:
 *
 * Lays out @occurrences (LiaOccurrence items, by start) on their local
 * days; %NULL empties the grid.
 */
void
lia_month_grid_set_occurrences (LiaMonthGrid *self,
                                GListModel   *occurrences)
{
  GPtrArray *days[N_DAYS];
  guint n = occurrences ? g_list_model_get_n_items (occurrences) : 0;

  g_return_if_fail (LIA_IS_MONTH_GRID (self));

  for (guint i = 0; i < N_DAYS; i++)
    days[i] = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaOccurrence) occurrence = g_list_model_get_item (occurrences, i);
      GDate day;
      int index;

      lia_date_from_unix (lia_occurrence_get_starts_at (occurrence), &day);
      if (g_date_valid (&day) && (index = cell_index (self, &day)) >= 0)
        g_ptr_array_add (days[index], g_steal_pointer (&occurrence));
    }

  for (guint i = 0; i < N_DAYS; i++)
    {
      clear_cell (&self->cells[i]);
      fill_cell (&self->cells[i], days[i]);
      label_cell (self, i);
      g_ptr_array_unref (days[i]);
    }
}
