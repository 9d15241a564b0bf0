/* lia-account-page-private.h — shared by the page and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-account-page.h"
#include "lia-credentials-group.h"
#include "lia-fields-group.h"

G_BEGIN_DECLS

struct _LiaAccountPage
{
  GtkWidget          parent_instance;

  LiaBook           *book;
  GSettings         *settings;
  /* Our own copy of the stored account: list rows are never edited. */
  LiaAccount        *account;
  GListModel        *contacts;
  gboolean           filling;
  gboolean           dirty;
  gboolean           valid;

  /* Template children */
  GtkStack          *section_stack;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *name_label;
  GtkLabel          *summary_label;
  GtkLabel          *state_label;
  GtkLabel          *due_label;
  GtkLabel          *verified_label;
  GtkLabel          *review_label;
  GtkMenuButton     *transition_button;
  AdwPreferencesGroup *details_group;
  AdwEntryRow       *name_row;
  AdwEntryRow       *number_row;
  AdwComboRow       *segment_row;
  AdwComboRow       *plan_row;
  AdwComboRow       *channel_row;
  AdwComboRow       *manager_row;
  AdwComboRow       *deputy_row;
  AdwComboRow       *kind_row;
  AdwActionRow      *cadence_row;
  GtkSpinButton     *cadence_spin;
  AdwEntryRow       *value_row;
  AdwEntryRow       *currency_row;
  AdwEntryRow       *address_row;
  GtkLabel          *details_error_label;
  LiaFieldsGroup    *fields_group;
  LiaCredentialsGroup *credentials_group;
  AdwActionRow      *parent_row;
  GtkTextView       *notes_view;
  GtkListBox        *contacts_list;
  GtkListBox        *inquiries_list;
  GtkListBox        *history_list;
  GtkListBox        *audit_list;
  AdwBin            *timeline_bin;

  char              *state_class;
};

void        lia_account_page_class_init_actions (GtkWidgetClass *widget_class);
void        lia_account_page_update_actions     (LiaAccountPage *self);
LiaAccount *lia_account_page_build_edited       (LiaAccountPage *self,
                                                 GError        **error);
void        lia_account_page_reload             (LiaAccountPage *self);
void        lia_account_page_update_review      (LiaAccountPage *self);
guint       lia_account_page_get_interval_days  (LiaAccountPage *self);

G_END_DECLS
