/* lia-vendors-view.c — the Vendors area: outsourced contractors and how
 * they keep the service levels compared with own staff
 *
 * Vendors are tens of rows, so the list box binds the repository's model
 * directly. The comparison is two LiaCompliance sums the store counts
 * over the same period, one for the vendor and one for own staff; this
 * view only formats them and marks where the vendor does worse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-vendors-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-event-repository.h"
#include "lia-format.h"
#include "lia-toast.h"
#include "lia-vendor-dialog.h"
#include "lia-vendors-view.h"
#include "lia-views.h"

#define DAY (24 * 60 * 60)

typedef enum
{
  FIGURE_COUNT,
  FIGURE_SHARE,     /* met of counted */
  FIGURE_DURATION,  /* business seconds, -1 for none */
} FigureKind;

typedef struct
{
  const char *id;          /* names the value labels, for tests */
  const char *title;
  const char *subtitle;
  FigureKind  kind;
  gsize       value;       /* offset in LiaCompliance */
  gsize       counted;     /* shares only */
} Figure;

static const Figure figures[] = {
  { "handled", N_("Events Handled"), N_("With targets, opened in the period"),
    FIGURE_COUNT, G_STRUCT_OFFSET (LiaCompliance, handled), 0 },
  { "responses", N_("Responses on Time"), N_("Responded within the target"),
    FIGURE_SHARE, G_STRUCT_OFFSET (LiaCompliance, responses_met),
    G_STRUCT_OFFSET (LiaCompliance, responses_counted) },
  { "resolutions", N_("Resolutions on Time"), N_("Resolved within the target"),
    FIGURE_SHARE, G_STRUCT_OFFSET (LiaCompliance, resolutions_met),
    G_STRUCT_OFFSET (LiaCompliance, resolutions_counted) },
  { "median-response", N_("Median Response Time"), N_("From opening to the first response"),
    FIGURE_DURATION, G_STRUCT_OFFSET (LiaCompliance, median_response), 0 },
  { "median-resolution", N_("Median Resolution Time"), N_("From opening to the resolution"),
    FIGURE_DURATION, G_STRUCT_OFFSET (LiaCompliance, median_resolution), 0 },
};

#define N_FIGURES G_N_ELEMENTS (figures)

struct _LiaVendorsView
{
  GtkWidget             parent_instance;

  LiaBook              *book;
  gint64                vendor_id;   /* the one shown; 0 for none */
  guint                 days;
  guint                 reload_idle;
  gboolean              narrow;
  GtkLabel             *vendor_values[N_FIGURES];
  GtkLabel             *staff_values[N_FIGURES];

  /* Template children */
  AdwViewSwitcherTitle *switcher_title;
  GtkButton            *back_button;
  GtkMenuButton        *menu_button;
  GtkStack             *content_stack;
  AdwStatusPage        *error_status;
  AdwLeaflet           *leaflet;
  GtkWidget            *detail;
  GtkListBox           *vendor_list;
  GtkLabel             *name_label;
  GtkLabel             *details_label;
  GtkLabel             *commitment_label;
  GtkToggleButton      *period_30;
  GtkToggleButton      *period_90;
  GtkToggleButton      *period_365;
  AdwPreferencesGroup  *figures_group;
  GtkLabel             *vendor_heading;
  GtkLabel             *staff_heading;
};

G_DEFINE_FINAL_TYPE (LiaVendorsView, lia_vendors_view, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_NARROW, N_PROPS };

static GParamSpec *properties[N_PROPS];

static LiaEventRepository *
repository (LiaVendorsView *self)
{
  return lia_book_get_events (self->book);
}

/* ---- figures ---- */

static guint
field_uint (const LiaCompliance *compliance,
            gsize                offset)
{
  return G_STRUCT_MEMBER (guint, compliance, offset);
}

static gint64
field_int64 (const LiaCompliance *compliance,
             gsize                offset)
{
  return G_STRUCT_MEMBER (gint64, compliance, offset);
}

/* A duration as people say it: "45 min", "3 h 20 min", "2 d 4 h"; a
 * day is 24 hours, not a business day, so figures compare at a glance. */
static char *
format_duration (gint64 seconds)
{
  gint64 minutes = (seconds + 30) / 60;
  gint64 hours = (seconds + 1800) / 3600;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (C_("duration", "%u min"), (guint)minutes);
  if (minutes < 24 * 60 && minutes % 60 == 0)
    /* Translators: a duration in whole hours */
    return g_strdup_printf (C_("duration", "%u h"), (guint)(minutes / 60));
  if (minutes < 24 * 60)
    /* Translators: a duration in hours and minutes */
    return g_strdup_printf (C_("duration", "%u h %u min"), (guint)(minutes / 60), (guint)(minutes % 60));
  if (hours % 24 == 0)
    /* Translators: a duration in whole days of 24 hours */
    return g_strdup_printf (C_("duration", "%u d"), (guint)(hours / 24));
  /* Translators: a duration in days (of 24 hours) and hours */
  return g_strdup_printf (C_("duration", "%u d %u h"), (guint)(hours / 24), (guint)(hours % 24));
}

/* Rounded, but never to 100 % while one was missed, nor to 0 % while
 * one was met. */
static guint
percent (guint met,
         guint counted)
{
  guint share = (met * 100 + counted / 2) / counted;

  if (met > 0 && met < counted)
    share = CLAMP (share, 1, 99);
  return share;
}

static char *
format_figure (const Figure        *figure,
               const LiaCompliance *compliance)
{
  guint met, counted;

  switch (figure->kind)
    {
    case FIGURE_COUNT:
      return lia_format_count (field_uint (compliance, figure->value));

    case FIGURE_SHARE:
      met = field_uint (compliance, figure->value);
      counted = field_uint (compliance, figure->counted);
      if (counted == 0)
        return g_strdup ("—");
      /* Translators: a share and what it is of, "87 % (13 of 15)"; %% is a percent sign */
      return g_strdup_printf (_("%u %% (%'u of %'u)"), percent (met, counted), met, counted);

    case FIGURE_DURATION:
    default:
      if (field_int64 (compliance, figure->value) < 0)
        return g_strdup ("—");
      return format_duration (field_int64 (compliance, figure->value));
    }
}

/* Only where both sides have a figure; a count is not better or worse. */
static gboolean
figure_is_worse (const Figure        *figure,
                 const LiaCompliance *vendor,
                 const LiaCompliance *staff)
{
  gint64 v, s;

  switch (figure->kind)
    {
    case FIGURE_SHARE:
      if (field_uint (vendor, figure->counted) == 0 || field_uint (staff, figure->counted) == 0)
        return FALSE;
      /* v/vc < s/sc, in integers */
      v = (gint64)field_uint (vendor, figure->value) * field_uint (staff, figure->counted);
      s = (gint64)field_uint (staff, figure->value) * field_uint (vendor, figure->counted);
      return v < s;

    case FIGURE_DURATION:
      v = field_int64 (vendor, figure->value);
      s = field_int64 (staff, figure->value);
      return v >= 0 && s >= 0 && v > s;

    case FIGURE_COUNT:
    default:
      return FALSE;
    }
}

static GtkLabel *
new_value_label (GtkSizeGroup *column,
                 const char   *side,
                 const char   *id)
{
  GtkWidget *label = gtk_label_new ("—");
  g_autofree char *name = g_strdup_printf ("%s-%s", side, id);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  /* Keeps "87 % (13 of 15)" clear of its neighbour. */
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_add_css_class (label, "numeric");
  gtk_size_group_add_widget (column, label);
  return GTK_LABEL (label);
}

/* One row per figure, the vendor's column beside own staff's; size
 * groups keep the columns under their headings. */
static void
setup_figures (LiaVendorsView *self)
{
  g_autoptr(GtkSizeGroup) vendor_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autoptr(GtkSizeGroup) staff_column = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_size_group_add_widget (vendor_column, GTK_WIDGET (self->vendor_heading));
  gtk_size_group_add_widget (staff_column, GTK_WIDGET (self->staff_heading));

  for (guint i = 0; i < N_FIGURES; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      self->vendor_values[i] = new_value_label (vendor_column, "vendor", figures[i].id);
      self->staff_values[i] = new_value_label (staff_column, "staff", figures[i].id);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(figures[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(figures[i].subtitle));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->vendor_values[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->staff_values[i]));
      adw_preferences_group_add (self->figures_group, row);
    }
}

static void
set_worse (GtkLabel *label,
           gboolean  worse)
{
  if (worse)
    gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), worse ? _("Worse than your own staff") : NULL);
}

static void
show_figures (LiaVendorsView      *self,
              const LiaCompliance *vendor,
              const LiaCompliance *staff)
{
  for (guint i = 0; i < N_FIGURES; i++)
    {
      g_autofree char *theirs = format_figure (&figures[i], vendor);
      g_autofree char *ours = format_figure (&figures[i], staff);

      gtk_label_set_label (self->vendor_values[i], theirs);
      gtk_label_set_label (self->staff_values[i], ours);
      set_worse (self->vendor_values[i], figure_is_worse (&figures[i], vendor, staff));
    }
}

static void
show_error (LiaVendorsView *self,
            const GError   *error)
{
  adw_status_page_set_description (self->error_status, error->message);
  gtk_stack_set_visible_child_name (self->content_stack, "error");
}

/* The last 30, 90 or 365 days up to now, in the book's clock. */
static void
reload_compliance (LiaVendorsView *self)
{
  LiaCompliance vendor = { 0, }, staff = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 to = lia_book_now (self->book);
  gint64 from = to - (gint64)self->days * DAY;
  g_autofree char *first = lia_format_date (from);
  g_autofree char *last = lia_format_date (to);
  g_autofree char *span = NULL;

  if (self->vendor_id == 0)
    return;
  if (!lia_event_repository_compliance (repository (self), self->vendor_id, from, to,
                                        &vendor, &staff, &error))
    {
      show_error (self, error);
      return;
    }

  show_figures (self, &vendor, &staff);
  /* Translators: the period compared, "1 Dec 2025 – 30 Dec 2025" */
  span = g_strdup_printf (_("%s – %s"), first, last);
  adw_preferences_group_set_description (self->figures_group, span);
}

static void
reload_idle_cb (gpointer user_data)
{
  LiaVendorsView *self = user_data;

  self->reload_idle = 0;
  reload_compliance (self);
}

/* Hidden, nothing to do: showing it counts again anyway. */
static void
on_events_changed_cb (LiaVendorsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->reload_idle == 0)
    self->reload_idle = g_idle_add_once (reload_idle_cb, self);
}

/* Time passes while it is hidden too: count again whenever shown. */
static void
lia_vendors_view_map (GtkWidget *widget)
{
  LiaVendorsView *self = LIA_VENDORS_VIEW (widget);

  GTK_WIDGET_CLASS (lia_vendors_view_parent_class)->map (widget);

  if (self->book != NULL)
    reload_compliance (self);
}

static void
on_period_toggled_cb (LiaVendorsView  *self,
                      GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  self->days = button == self->period_365 ? 365 : button == self->period_90 ? 90 : 30;
  if (self->book != NULL)
    reload_compliance (self);
}

/* ---- the vendor shown ---- */

static char *
describe_commitment (LiaVendorsView *self,
                     LiaVendor      *vendor)
{
  const char *plan_id = lia_vendor_get_sla_plan_id (vendor);

  if (plan_id == NULL)
    return g_strdup (_("Held to each customer’s own plan"));
  /* Translators: %s is a service plan such as "Premium" */
  return g_strdup_printf (_("Committed to the targets of the %s plan"),
                          lia_book_get_service_plan_name (self->book, plan_id));
}

/* "Jo Jansen · jo@example.com · +49 30 1234" */
static char *
describe_contact (LiaVendor *vendor)
{
  const char *parts[] = {
    lia_vendor_get_contact_name (vendor), lia_vendor_get_email (vendor), lia_vendor_get_phone (vendor),
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (text, text->len ? " · %s" : "%s", parts[i]);
  if (text->len == 0)
    g_string_append (text, _("No contact details"));
  return g_string_free (text, FALSE);
}

static void
show_vendor (LiaVendorsView *self,
             LiaVendor      *vendor)
{
  g_autofree char *contact = describe_contact (vendor);
  g_autofree char *commitment = describe_commitment (self, vendor);

  self->vendor_id = lia_vendor_get_id (vendor);
  gtk_label_set_label (self->name_label, lia_vendor_get_name (vendor));
  gtk_label_set_label (self->details_label, contact);
  gtk_label_set_label (self->commitment_label, commitment);
  gtk_label_set_label (self->vendor_heading, lia_vendor_get_name (vendor));
  reload_compliance (self);
}

/* ---- the list ---- */

static GtkWidget *
create_vendor_row (gpointer item,
                   gpointer user_data)
{
  LiaVendorsView *self = user_data;
  LiaVendor *vendor = item;
  g_autofree char *commitment = NULL;
  GtkWidget *row = adw_action_row_new ();
  const char *contact = lia_vendor_get_contact_name (vendor);
  const char *plan_id = lia_vendor_get_sla_plan_id (vendor);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lia_vendor_get_name (vendor));
  commitment = g_strdup_printf ("%s%s%s", contact ? contact : "", contact && *contact ? " · " : "",
                                plan_id ? lia_book_get_service_plan_name (self->book, plan_id)
                                        : _("Each customer’s plan"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), commitment);

  if (!lia_vendor_get_active (vendor))
    {
      GtkWidget *inactive = gtk_label_new (C_("vendor marker", "inactive"));

      gtk_widget_set_valign (inactive, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (inactive, "lia-pill");
      gtk_widget_add_css_class (inactive, "lia-due");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), inactive);
    }

  g_object_set_data_full (G_OBJECT (row), "lia-vendor", g_object_ref (vendor), g_object_unref);
  return row;
}

static LiaVendor *
row_vendor (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), "lia-vendor") : NULL;
}

/* The vendor with @vendor_id, or else the first: the detail is never
 * left showing someone who is not in the list. */
static void
select_vendor (LiaVendorsView *self,
               gint64          vendor_id)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->vendor_list, 0);

  for (int i = 0; vendor_id != 0; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->vendor_list, i);

      if (row == NULL)
        break;
      if (lia_vendor_get_id (row_vendor (row)) == vendor_id)
        {
          gtk_list_box_select_row (self->vendor_list, row);
          return;
        }
    }

  gtk_list_box_select_row (self->vendor_list, first);
}

/* Runs after the list box has made its rows anew. */
static void
on_vendors_changed_cb (LiaVendorsView *self)
{
  GListModel *vendors = lia_event_repository_get_vendors (repository (self));
  gboolean any = g_list_model_get_n_items (vendors) > 0;

  gtk_stack_set_visible_child_name (self->content_stack, any ? "vendors" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.edit", any && !lia_book_is_read_only (self->book));
  select_vendor (self, self->vendor_id);
}

static void
on_row_selected_cb (LiaVendorsView *self,
                    GtkListBoxRow  *row)
{
  if (row != NULL)
    show_vendor (self, row_vendor (row));
}

static void
on_row_activated_cb (LiaVendorsView *self,
                     GtkListBoxRow  *row)
{
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

static void
update_back_button (LiaVendorsView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          adw_leaflet_get_folded (self->leaflet) &&
                          adw_leaflet_get_visible_child (self->leaflet) == self->detail);
}

static void
on_back_clicked_cb (LiaVendorsView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- actions ---- */

static GtkWindow *
parent_window (LiaVendorsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LiaVendorsView *self = LIA_VENDORS_VIEW (widget);

  gtk_window_present (GTK_WINDOW (lia_vendor_dialog_new (parent_window (self), self->book, NULL)));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LiaVendorsView *self = LIA_VENDORS_VIEW (widget);
  LiaVendor *vendor = row_vendor (gtk_list_box_get_selected_row (self->vendor_list));

  if (vendor != NULL)
    gtk_window_present (GTK_WINDOW (lia_vendor_dialog_new (parent_window (self), self->book, vendor)));
}

static void
update_narrow (LiaVendorsView *self)
{
  gboolean narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

static void
lia_vendors_view_dispose (GObject *object)
{
  LiaVendorsView *self = (LiaVendorsView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->reload_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIA_TYPE_VENDORS_VIEW);
  /* dispose_template() only drops the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_vendors_view_parent_class)->dispose (object);
}

static void
lia_vendors_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaVendorsView *self = LIA_VENDORS_VIEW (object);

  switch (prop_id)
    {
    case PROP_NARROW: g_value_set_boolean (value, self->narrow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/lia-vendors-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, error_status);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, detail);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, vendor_list);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, name_label);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, details_label);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, commitment_label);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, period_30);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, period_90);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, period_365);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, figures_group);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, vendor_heading);
  gtk_widget_class_bind_template_child (widget_class, LiaVendorsView, staff_heading);
  gtk_widget_class_bind_template_callback (widget_class, update_narrow);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_toggled_cb);
}

static void
lia_vendors_view_class_init (LiaVendorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_vendors_view_dispose;
  object_class->get_property = lia_vendors_view_get_property;
  widget_class->map = lia_vendors_view_map;

  /* Whether the header has no room for the area switcher. */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "vendors.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "vendors.edit", NULL, edit_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_vendors_view_init (LiaVendorsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->days = 30;
  gtk_menu_button_set_menu_model (self->menu_button, lia_views_get_primary_menu ());
  self->narrow = adw_view_switcher_title_get_title_visible (self->switcher_title);
  setup_figures (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.edit", FALSE);
}

GtkWidget *
lia_vendors_view_new (void)
{
  return g_object_new (LIA_TYPE_VENDORS_VIEW, NULL);
}

void
lia_vendors_view_set_book (LiaVendorsView *self,
                           LiaBook        *book)
{
  GListModel *vendors;

  g_return_if_fail (LIA_IS_VENDORS_VIEW (self));
  g_return_if_fail (self->book == NULL);

  self->book = g_object_ref (book);
  vendors = lia_event_repository_get_vendors (repository (self));
  gtk_list_box_bind_model (self->vendor_list, vendors, create_vendor_row, self, NULL);
  /* Connected after the list box's own handler, so the rows are new. */
  g_signal_connect_object (vendors, "items-changed", G_CALLBACK (on_vendors_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (repository (self), "event-changed", G_CALLBACK (on_events_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vendors.add", !lia_book_is_read_only (book));
  on_vendors_changed_cb (self);
}

void
lia_vendors_view_set_areas (LiaVendorsView *self,
                            AdwViewStack   *areas)
{
  g_return_if_fail (LIA_IS_VENDORS_VIEW (self));
  adw_view_switcher_title_set_stack (self->switcher_title, areas);
}

gboolean
lia_vendors_view_get_narrow (LiaVendorsView *self)
{
  g_return_val_if_fail (LIA_IS_VENDORS_VIEW (self), FALSE);
  return self->narrow;
}

/* The vendor whose figures are shown; 0 when there is none. */
gint64
lia_vendors_view_get_selected_vendor_id (LiaVendorsView *self)
{
  g_return_val_if_fail (LIA_IS_VENDORS_VIEW (self), 0);
  return self->vendor_id;
}
