/* lia-portfolio-page-private.h — shared by the page and its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-portfolio-page.h"

G_BEGIN_DECLS

struct _LiaPortfolioPage
{
  GtkWidget          parent_instance;

  LiaBook           *book;
  gint64             account_id;
  /* The node shown, with its roll-ups; and a copy of its account for
   * editing the manager and deputy. */
  LiaPortfolioNode  *node;
  LiaAccount        *account;
  guint              reload_idle;
  gboolean           filling;
  gboolean           dirty;
  gboolean           valid;

  /* Template children */
  GtkStack          *section_stack;
  GtkScrolledWindow *scrolled_window;
  GtkStack          *content_stack;
  AdwStatusPage     *error_status;
  GtkLabel          *name_label;
  GtkLabel          *summary_label;
  AdwComboRow       *manager_row;
  AdwComboRow       *deputy_row;
  GtkLabel          *staffing_error_label;
  GtkLabel          *accounts_value;
  GtkLabel          *contract_value;
  GtkLabel          *last_contact_value;
  GtkLabel          *open_events_value;
  GtkLabel          *sla_value;
  GtkLabel          *next_review_value;
  GtkLabel          *followups_value;
  GtkListBox        *contacts_list;
  AdwComboRow       *note_kind_row;
  AdwEntryRow       *note_row;
  GtkListBox        *notes_list;
  AdwBin            *timeline_bin;
};

void        lia_portfolio_page_class_init_actions (GtkWidgetClass   *widget_class);
void        lia_portfolio_page_update_actions     (LiaPortfolioPage *self);
void        lia_portfolio_page_reload_notes       (LiaPortfolioPage *self);
LiaAccount *lia_portfolio_page_build_staffing     (LiaPortfolioPage *self);

G_END_DECLS
