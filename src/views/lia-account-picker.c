/* lia-account-picker.c — choose one account by typing part of its name
 *
 * A search entry over the book's full-text index with a few matches
 * listed under it: books hold far too many accounts for a drop-down.
 * Picking one puts its name in the entry; typing again un-picks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-account-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-picker.h"
#include "lia-account-repository.h"

/* Enough to find an account by typing; more is a longer name. */
#define MAX_RESULTS 6

struct _LiaAccountPicker
{
  GtkWidget       parent_instance;

  LiaBook        *book;
  gint64          account_id;
  char           *account_name;
  gboolean        picking;

  GtkSearchEntry *entry;
  GtkListBox     *results;
};

G_DEFINE_FINAL_TYPE (LiaAccountPicker, lia_account_picker, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_ACCOUNT_ID, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
set_account (LiaAccountPicker *self,
             gint64            account_id,
             const char       *name)
{
  if (self->account_id == account_id && g_strcmp0 (self->account_name, name) == 0)
    return;

  self->account_id = account_id;
  g_free (self->account_name);
  self->account_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

static GtkWidget *
new_result_row (LiaAccount *account)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (lia_account_get_name (account));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "lia-account", g_object_ref (account), g_object_unref);
  return row;
}

static void
clear_results (LiaAccountPicker *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_list_box_remove (self->results, row);
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
}

static void
search (LiaAccountPicker *self,
        const char       *text)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  clear_results (self);
  if (self->book == NULL || *text == '\0')
    return;

  found = lia_account_repository_search (lia_book_get_accounts (self->book), text, MAX_RESULTS, &error);
  if (found == NULL)
    {
      g_warning ("Cannot search accounts: %s", error->message);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->results, new_result_row (g_ptr_array_index (found, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->results), found->len > 0);
}

static void
on_search_changed_cb (LiaAccountPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  /* Our own set_text() after a pick is not a new search: not while it
   * empties the entry, nor when the delayed signal sees the name. */
  if (self->picking || (self->account_id != 0 && g_strcmp0 (text, self->account_name) == 0))
    return;
  set_account (self, 0, NULL);
  search (self, text);
}

static void
on_row_activated_cb (LiaAccountPicker *self,
                     GtkListBoxRow    *row)
{
  LiaAccount *account = g_object_get_data (G_OBJECT (row), "lia-account");

  lia_account_picker_set_account (self, lia_account_get_id (account), lia_account_get_name (account));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Enter picks the best match. */
static void
on_entry_activate_cb (LiaAccountPicker *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL)
    on_row_activated_cb (self, first);
}

static void
lia_account_picker_dispose (GObject *object)
{
  LiaAccountPicker *self = (LiaAccountPicker *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (lia_account_picker_parent_class)->dispose (object);
}

static void
lia_account_picker_finalize (GObject *object)
{
  LiaAccountPicker *self = (LiaAccountPicker *)object;

  g_clear_pointer (&self->account_name, g_free);

  G_OBJECT_CLASS (lia_account_picker_parent_class)->finalize (object);
}

static void
lia_account_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaAccountPicker *self = LIA_ACCOUNT_PICKER (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID: g_value_set_int64 (value, self->account_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_account_picker_class_init (LiaAccountPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lia_account_picker_dispose;
  object_class->finalize = lia_account_picker_finalize;
  object_class->get_property = lia_account_picker_get_property;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lia_account_picker_init (LiaAccountPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Type an account’s name"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Account"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->results), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Matching accounts"), -1);
  g_signal_connect_swapped (self->results, "row-activated", G_CALLBACK (on_row_activated_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->results));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

GtkWidget *
lia_account_picker_new (void)
{
  return g_object_new (LIA_TYPE_ACCOUNT_PICKER, NULL);
}

void
lia_account_picker_set_book (LiaAccountPicker *self,
                             LiaBook          *book)
{
  g_return_if_fail (LIA_IS_ACCOUNT_PICKER (self));
  g_set_object (&self->book, book);
}

gint64
lia_account_picker_get_account_id (LiaAccountPicker *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_PICKER (self), 0);
  return self->account_id;
}

const char *
lia_account_picker_get_account_name (LiaAccountPicker *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_PICKER (self), NULL);
  return self->account_name;
}

/* Shows @name as picked; 0 and NULL clear the pick and the entry. */
void
lia_account_picker_set_account (LiaAccountPicker *self,
                                gint64            account_id,
                                const char       *name)
{
  g_return_if_fail (LIA_IS_ACCOUNT_PICKER (self));

  set_account (self, account_id, account_id ? name : NULL);
  self->picking = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), account_id && name ? name : "");
  self->picking = FALSE;
  clear_results (self);
}

GtkEditable *
lia_account_picker_get_entry (LiaAccountPicker *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_PICKER (self), NULL);
  return GTK_EDITABLE (self->entry);
}

GtkListBox *
lia_account_picker_get_results (LiaAccountPicker *self)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_PICKER (self), NULL);
  return self->results;
}
