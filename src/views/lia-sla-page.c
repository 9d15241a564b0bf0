/* lia-sla-page.c — the Service Levels page of Preferences: each plan's
 * response and resolution targets and its business hours
 *
 * Targets are edited in hours (to a quarter hour) and stored in seconds.
 * Each change is written at once; what the model refuses (a resolution
 * sooner than the response, say) is said in a toast and the spin button
 * goes back to the value the book holds. Business hours are checked by
 * the model when applied, and a refusal stays on the row until edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-sla-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-choice.h"
#include "lia-enum-types.h"
#include "lia-event-repository.h"
#include "lia-sla-page.h"
#include "lia-sla-target.h"
#include "lia-toast.h"
#include "lia-views.h"

#define HOUR 3600
#define MAX_HOURS (24 * 366)

static const LiaSeverity severities[] = {
  LIA_SEVERITY_CRITICAL, LIA_SEVERITY_HIGH, LIA_SEVERITY_MEDIUM, LIA_SEVERITY_LOW,
};

struct _LiaSlaPage
{
  AdwPreferencesPage  parent_instance;

  LiaBook            *book;
  GtkSizeGroup       *response_column;
  GtkSizeGroup       *resolution_column;
};

G_DEFINE_FINAL_TYPE (LiaSlaPage, lia_sla_page, ADW_TYPE_PREFERENCES_PAGE)

/* One severity of one plan: its two spin buttons and what the book holds. */
typedef struct
{
  LiaSlaPage    *page;       /* owns the row this hangs on */
  char          *plan_id;
  LiaSeverity    severity;
  GtkSpinButton *response;
  GtkSpinButton *resolution;
  gint64         stored_response;
  gint64         stored_resolution;
} Target;

static void
target_free (gpointer data)
{
  Target *target = data;

  g_free (target->plan_id);
  g_free (target);
}

static LiaEventRepository *
repository (LiaSlaPage *self)
{
  return lia_book_get_events (self->book);
}

/* Rounded to the second: a quarter hour is exact, a typed 0.33 is not. */
static gint64
spin_seconds (GtkSpinButton *spin)
{
  return (gint64)(gtk_spin_button_get_value (spin) * HOUR + 0.5);
}

/* Back to what the book holds; the handler then sees nothing changed. */
static void
restore_target (Target *target)
{
  gtk_spin_button_set_value (target->response, (double)target->stored_response / HOUR);
  gtk_spin_button_set_value (target->resolution, (double)target->stored_resolution / HOUR);
}

static void
on_target_changed_cb (GtkSpinButton *spin,
                      Target        *target)
{
  gint64 response = spin_seconds (target->response);
  gint64 resolution = spin_seconds (target->resolution);
  g_autoptr(GError) error = NULL;

  if (response == target->stored_response && resolution == target->stored_resolution)
    return;

  if (!lia_event_repository_set_sla_target (repository (target->page), target->plan_id, target->severity,
                                            response, resolution, &error))
    {
      lia_toast_show (GTK_WIDGET (target->page), error->message);
      restore_target (target);
      return;
    }

  target->stored_response = response;
  target->stored_resolution = resolution;
}

/* "premium-critical-response": a handle for tests and for reading the
 * widget tree in the inspector. */
static GtkWidget *
new_hours_spin (Target       *target,
                GtkSizeGroup *column,
                const char   *which,
                const char   *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0.25, MAX_HOURS, 0.25);
  g_autofree char *name = g_strdup_printf ("%s-%s-%s", target->plan_id,
                                           lia_enum_to_nick (LIA_TYPE_SEVERITY, target->severity), which);

  gtk_widget_set_name (spin, name);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (spin, label);
  gtk_size_group_add_widget (column, spin);
  return spin;
}

static LiaSlaTarget *
find_target (GListModel  *targets,
             const char  *plan_id,
             LiaSeverity  severity)
{
  guint n = g_list_model_get_n_items (targets);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaSlaTarget) target = g_list_model_get_item (targets, i);

      if (g_strcmp0 (lia_sla_target_get_plan_id (target), plan_id) == 0 &&
          lia_sla_target_get_severity (target) == severity)
        return g_steal_pointer (&target);
    }

  return NULL;
}

static GtkWidget *
new_target_row (LiaSlaPage   *self,
                LiaChoice    *plan,
                LiaSeverity   severity,
                LiaSlaTarget *stored)
{
  const char *plan_name = lia_choice_get_name (plan);
  const char *severity_name = lia_severity_to_label (severity);
  Target *target = g_new0 (Target, 1);
  GtkWidget *row = adw_action_row_new ();
  /* Translators: accessible names; a severity such as "Critical" and a plan such as "Premium" */
  g_autofree char *response_label = g_strdup_printf (_("%s response target for %s, in hours"),
                                                     severity_name, plan_name);
  g_autofree char *resolution_label = g_strdup_printf (_("%s resolution target for %s, in hours"),
                                                       severity_name, plan_name);

  target->page = self;
  target->plan_id = g_strdup (lia_choice_get_id (plan));
  target->severity = severity;
  target->stored_response = stored ? lia_sla_target_get_response (stored) : 0;
  target->stored_resolution = stored ? lia_sla_target_get_resolution (stored) : 0;
  target->response = GTK_SPIN_BUTTON (new_hours_spin (target, self->response_column, "response", response_label));
  target->resolution = GTK_SPIN_BUTTON (new_hours_spin (target, self->resolution_column, "resolution",
                                                        resolution_label));
  restore_target (target);
  g_object_set_data_full (G_OBJECT (row), "lia-target", target, target_free);
  g_signal_connect (target->response, "value-changed", G_CALLBACK (on_target_changed_cb), target);
  g_signal_connect (target->resolution, "value-changed", G_CALLBACK (on_target_changed_cb), target);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), severity_name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (target->response));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (target->resolution));
  /* A plan without a target for this severity cannot be given a partial one. */
  gtk_widget_set_sensitive (row, stored != NULL);
  if (stored == NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No target"));
  return row;
}

/* ---- business hours ---- */

static void
show_hours_error (AdwEntryRow  *row,
                  const GError *error)
{
  lia_widget_set_invalid (GTK_WIDGET (row), error != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), error ? error->message : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error ? error->message : "", -1);
}

static void
on_hours_applied_cb (AdwEntryRow *row,
                     LiaSlaPage  *self)
{
  const char *plan_id = g_object_get_data (G_OBJECT (row), "lia-plan-id");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  /* Empty is the text form of "around the clock". */
  if (!lia_event_repository_set_business_hours (repository (self), plan_id, *text ? text : NULL, &error))
    lia_toast_show (GTK_WIDGET (self), error->message);
  show_hours_error (row, error);
}

/* An edit after a refusal starts afresh. */
static void
on_hours_changed_cb (AdwEntryRow *row)
{
  show_hours_error (row, NULL);
}

static GtkWidget *
new_hours_row (LiaSlaPage *self,
               LiaChoice  *plan,
               const char *hours)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *name = g_strdup_printf ("%s-business-hours", lia_choice_get_id (plan));

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Business Hours (empty: around the clock)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), hours ? hours : "");
  g_object_set_data_full (G_OBJECT (row), "lia-plan-id", g_strdup (lia_choice_get_id (plan)), g_free);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_hours_applied_cb), self, 0);
  g_signal_connect (row, "changed", G_CALLBACK (on_hours_changed_cb), NULL);
  return row;
}

/* ---- a group per plan ---- */

/* Column headings over the spin buttons, kept to their width. */
static GtkWidget *
new_column_headings (LiaSlaPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *response = gtk_label_new (_("Response (h)"));
  GtkWidget *resolution = gtk_label_new (_("Resolution (h)"));

  gtk_widget_set_valign (box, GTK_ALIGN_END);
  /* The rows' own end padding. */
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (response, "caption-heading");
  gtk_widget_add_css_class (resolution, "caption-heading");
  gtk_size_group_add_widget (self->response_column, response);
  gtk_size_group_add_widget (self->resolution_column, resolution);
  gtk_box_append (GTK_BOX (box), response);
  gtk_box_append (GTK_BOX (box), resolution);
  return box;
}

static void
add_plan_group (LiaSlaPage *self,
                LiaChoice  *plan,
                GListModel *targets)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(LiaSlaTarget) first = NULL;

  adw_preferences_group_set_title (group, lia_choice_get_name (plan));
  adw_preferences_group_set_header_suffix (group, new_column_headings (self));

  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    {
      g_autoptr(LiaSlaTarget) stored = find_target (targets, lia_choice_get_id (plan), severities[i]);

      adw_preferences_group_add (group, new_target_row (self, plan, severities[i], stored));
      if (first == NULL && stored != NULL)
        first = g_steal_pointer (&stored);
    }

  /* Each target carries its plan's hours; all of a plan's are the same. */
  adw_preferences_group_add (group, new_hours_row (self, plan,
                                                   first ? lia_sla_target_get_business_hours (first) : NULL));
  gtk_widget_set_sensitive (GTK_WIDGET (group), !lia_book_is_read_only (self->book));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
}

static void
show_read_error (LiaSlaPage   *self,
                 const GError *error)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Cannot Read the Targets"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
}

static void
lia_sla_page_dispose (GObject *object)
{
  LiaSlaPage *self = (LiaSlaPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_SLA_PAGE);
  g_clear_object (&self->response_column);
  g_clear_object (&self->resolution_column);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_sla_page_parent_class)->dispose (object);
}

static void
lia_sla_page_class_init (LiaSlaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_sla_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-sla-page.ui");
}

static void
lia_sla_page_init (LiaSlaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->response_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->resolution_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

void
lia_sla_page_set_book (LiaSlaPage *self,
                       LiaBook    *book)
{
  GListModel *plans = lia_book_get_service_plans (book);
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIA_IS_SLA_PAGE (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  if (!(targets = lia_event_repository_list_sla_targets (repository (self), &error)))
    {
      show_read_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(LiaChoice) plan = g_list_model_get_item (plans, i);

      add_plan_group (self, plan, targets);
    }
}
