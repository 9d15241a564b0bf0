/* lia-portfolio-page-actions.c — the "portfolio." actions of a portfolio page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-portfolio-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-choice-labels.h"
#include "lia-enum-types.h"
#include "lia-group-dialog.h"
#include "lia-portfolio-page-private.h"
#include "lia-portfolio-repository.h"
#include "lia-reassign-dialog.h"
#include "lia-toast.h"

static GtkWindow *
parent_window (LiaPortfolioPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Whole sentences, so translators can inflect each. */
static const char *
logged_toast (LiaContactKind kind)
{
  switch (kind)
    {
    case LIA_CONTACT_KIND_VISIT: return _("Visit logged");
    case LIA_CONTACT_KIND_EMAIL: return _("Email logged");
    case LIA_CONTACT_KIND_CALL:
    default:                     return _("Call logged");
    }
}

static void
log_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiaPortfolioPage *self = LIA_PORTFOLIO_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int kind;

  if (!lia_enum_from_nick (LIA_TYPE_CONTACT_KIND, g_variant_get_string (parameter, NULL), &kind))
    return;

  if (!lia_portfolio_repository_log_contact (lia_book_get_portfolios (self->book), self->account_id,
                                             kind, 0, 0, NULL, &error))
    {
      lia_toast_show (widget, error->message);
      return;
    }

  lia_toast_show (widget, logged_toast (kind));
}

static void
save_staffing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (lia_portfolio_page_save_staffing (LIA_PORTFOLIO_PAGE (widget), &error))
    lia_toast_show (widget, _("Manager and deputy saved"));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LiaPortfolioPage *self = LIA_PORTFOLIO_PAGE (widget);
  const char *body = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autoptr(GError) error = NULL;

  if (!lia_portfolio_repository_add_note (lia_book_get_portfolios (self->book), self->account_id,
                                          adw_combo_row_get_selected (self->note_kind_row), body, &error))
    {
      lia_toast_show (widget, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  /* Notes are not account changes: read them again here. */
  lia_portfolio_page_reload_notes (self);
}

static void
reassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LiaPortfolioPage *self = LIA_PORTFOLIO_PAGE (widget);
  g_autofree char *what = NULL;
  GtkWidget *dialog;

  /* Translators: what a reassignment covers; %s is an account name */
  what = g_strdup_printf (_("“%s” and the companies and sites below it"),
                          lia_account_get_name (self->account));
  dialog = lia_reassign_dialog_new (parent_window (self), self->book, &self->account_id, 1, what, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LiaPortfolioPage *self = LIA_PORTFOLIO_PAGE (widget);

  gtk_window_present (GTK_WINDOW (lia_group_dialog_new (parent_window (self), self->book,
                                                        self->account_id)));
}

static void
open_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiaPortfolioPage *self = LIA_PORTFOLIO_PAGE (widget);

  gtk_widget_activate_action (widget, "win.show-account", "x", self->account_id);
}

void
lia_portfolio_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "portfolio.log-contact", "s", log_contact_action);
  gtk_widget_class_install_action (widget_class, "portfolio.save-staffing", NULL, save_staffing_action);
  gtk_widget_class_install_action (widget_class, "portfolio.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "portfolio.reassign", NULL, reassign_action);
  gtk_widget_class_install_action (widget_class, "portfolio.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "portfolio.open-account", NULL, open_account_action);
}

/**
 * lia_portfolio_page_update_actions:
 *
 * The one place that decides which portfolio actions are possible now.
 */
void
lia_portfolio_page_update_actions (LiaPortfolioPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = self->account != NULL;
  gboolean writable = shown && self->book != NULL && !lia_book_is_read_only (self->book);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  gtk_widget_action_set_enabled (widget, "portfolio.log-contact", writable);
  gtk_widget_action_set_enabled (widget, "portfolio.save-staffing", writable && self->dirty && self->valid);
  gtk_widget_action_set_enabled (widget, "portfolio.add-note", writable && *note != '\0');
  gtk_widget_action_set_enabled (widget, "portfolio.reassign", writable);
  gtk_widget_action_set_enabled (widget, "portfolio.add-member", writable);
  gtk_widget_action_set_enabled (widget, "portfolio.open-account", shown);
}
