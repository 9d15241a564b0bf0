/* lia-account-row.c — one account in the accounts list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-row.h"
#include "lia-enum-types.h"
#include "lia-format.h"

struct _LiaAccountRow
{
  GtkWidget   parent_instance;

  LiaBook    *book;
  LiaAccount *account;

  GtkLabel   *name_label;
  GtkLabel   *state_label;
  GtkLabel   *due_label;
  GtkLabel   *details_label;
  GtkLabel   *verified_label;

  char       *state_class;
};

G_DEFINE_FINAL_TYPE (LiaAccountRow, lia_account_row, GTK_TYPE_WIDGET)

static void
lia_account_row_dispose (GObject *object)
{
  LiaAccountRow *self = (LiaAccountRow *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->account);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_account_row_parent_class)->dispose (object);
}

static void
lia_account_row_finalize (GObject *object)
{
  LiaAccountRow *self = (LiaAccountRow *)object;

  g_clear_pointer (&self->state_class, g_free);

  G_OBJECT_CLASS (lia_account_row_parent_class)->finalize (object);
}

static void
lia_account_row_class_init (LiaAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_account_row_dispose;
  object_class->finalize = lia_account_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* A one-line label that left-aligns and ellipsizes: it never wraps, so
 * its height does not depend on the width it is given and the list can
 * lay rows out in one pass. */
static GtkLabel *
add_line_label (GtkBox     *box,
                const char *first_class,
                const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, first_class);
  if (second_class != NULL)
    gtk_widget_add_css_class (label, second_class);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static GtkLabel *
add_pill_label (GtkBox *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "lia-pill");
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

/* Built in code rather than from a template, unlike the other views: the
 * list keeps some 200 rows alive from the first frame on, and parsing a
 * template for each cost more than the rest of the window together.
 *
 *   box (vertical)
 *   ├ top (horizontal): name_label, due_label, state_label
 *   ├ details_label
 *   └ verified_label
 */
static void
lia_account_row_init (LiaAccountRow *self)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  GtkBox *top = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));

  gtk_widget_set_margin_top (GTK_WIDGET (box), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 8);
  gtk_widget_set_margin_start (GTK_WIDGET (box), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 6);
  gtk_widget_set_parent (GTK_WIDGET (box), GTK_WIDGET (self));
  gtk_box_append (box, GTK_WIDGET (top));

  self->name_label = add_line_label (top, "heading", NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);

  self->due_label = add_pill_label (top);
  gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "lia-due");
  gtk_label_set_label (self->due_label, C_("marker", "Due"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_label),
                               _("Not verified within the verification interval"));
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);

  self->state_label = add_pill_label (top);

  self->details_label = add_line_label (box, "dim-label", "caption");
  self->verified_label = add_line_label (box, "dim-label", "caption");
}

GtkWidget *
lia_account_row_new (LiaBook *book)
{
  LiaAccountRow *self = g_object_new (LIA_TYPE_ACCOUNT_ROW, NULL);

  self->book = g_object_ref (book);
  return GTK_WIDGET (self);
}

LiaAccount *
lia_account_row_get_account (LiaAccountRow *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_ROW (self), NULL);
  return self->account;
}

/* "A-10023 · Corporate · Anna Berg": the columns a wide table would show,
 * in one line that still fits a phone. */
static char *
describe_details (LiaAccountRow *self,
                  LiaAccount    *account)
{
  const char *segment = lia_book_get_segment_name (self->book,
                                                   lia_account_get_segment_id (account));
  const char *manager = lia_account_get_manager_name (account);
  GString *details = g_string_new (lia_account_get_number (account));

  if (segment != NULL)
    g_string_append_printf (details, " · %s", segment);
  /* A deactivated manager is history, not someone to call. */
  if (lia_account_get_manager_id (account) != 0 && !lia_account_get_manager_active (account))
    g_string_append_printf (details, " · %s", _("needs a new manager"));
  else if (manager != NULL && *manager != '\0')
    g_string_append_printf (details, " · %s", manager);
  else
    g_string_append_printf (details, " · %s", _("No manager"));

  return g_string_free (details, FALSE);
}

static void
update_state (LiaAccountRow   *self,
              LiaAccountState  state)
{
  g_autofree char *css = g_strdup_printf ("lia-state-%s",
                                          lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, state));

  if (self->state_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), self->state_class);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), css);
  g_free (self->state_class);
  self->state_class = g_steal_pointer (&css);

  gtk_label_set_label (self->state_label, lia_account_state_to_label (state));
}

/**
 * lia_account_row_set_account:
 * @due_days: the verification interval, for the "Due" marker
 *
 * Called from the list factory's bind; rows are recycled, so every field
 * is set each time.
 */
void
lia_account_row_set_account (LiaAccountRow *self,
                             LiaAccount    *account,
                             guint          due_days)
{
  g_autofree char *details = NULL;
  g_autofree char *verified = NULL;
  g_autofree char *verified_line = NULL;
  gint64 now;

  g_return_if_fail (LIA_IS_ACCOUNT_ROW (self));

  g_set_object (&self->account, account);
  if (account == NULL)
    return;

  now = lia_book_now (self->book);
  details = describe_details (self, account);
  verified = lia_format_last_verified (lia_account_get_last_verified_at (account), now);
  /* Translators: %s is a date, "Today" or "Never" */
  verified_line = g_strdup_printf (_("Verified: %s"), verified);

  gtk_label_set_label (self->name_label, lia_account_get_name (account));
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->verified_label, verified_line);
  update_state (self, lia_account_get_state (account));
  gtk_widget_set_visible (GTK_WIDGET (self->due_label),
                          lia_account_is_due_for_update (account, now, due_days));
}
