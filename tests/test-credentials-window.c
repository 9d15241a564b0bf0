/* test-credentials-window.c — credentials and confidential fields through
 * the real window, against a real keyring
 *
 * A display suite: .ci/test-session runs it under xvfb-run inside
 * dbus-run-session with an unlocked gnome-keyring and
 * LIAISON_TEST_KEYRING=required, where the keyring tests fail without a
 * keyring; elsewhere they skip. The secret timeout is shortened (the
 * views' injected timer) so "hidden again after 30 s" takes 200 ms. The
 * banner test needs no keyring: it runs in a subprocess whose session bus
 * address leads nowhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

/* test-keyring.h and test-display.h both name a helper lia_test_wait_for:
 * the keyring's waits on an async result, the display's on a condition. */
#define lia_test_wait_for lia_test_wait_for_result
#include "test-keyring.h"
#undef lia_test_wait_for

#include "lia-account-page.h"
#include "lia-audit-entry.h"
#include "lia-contact.h"
#include "lia-credential-dialog.h"
#include "lia-credential-repository.h"
#include "lia-credential-row.h"
#include "lia-credentials-group.h"
#include "lia-field-repository.h"
#include "lia-fields-group.h"
#include "lia-format.h"
#include "lia-personal-data-window.h"
#include "lia-preferences-window.h"
#include "lia-secret-clipboard.h"
#include "lia-security-page.h"
#include "lia-vault.h"
#include "lia-views.h"

#include "test-display.h"

#define SECRET_TIMEOUT_MS 200
#define MASK "••••••••"

/* ---- every new template builds with the Debian 12 toolkit ---- */

static void
test_templates (void)
{
  const GType widgets[] = {
    LIA_TYPE_FIELDS_GROUP, LIA_TYPE_CREDENTIALS_GROUP, LIA_TYPE_CREDENTIAL_ROW, LIA_TYPE_SECURITY_PAGE,
  };
  const GType windows[] = {
    LIA_TYPE_CREDENTIAL_DIALOG, LIA_TYPE_PERSONAL_DATA_WINDOW,
  };

  lia_test_build_each (widgets, G_N_ELEMENTS (widgets));
  lia_test_build_each (windows, G_N_ELEMENTS (windows));
}

/* ---- the audit trail in words ---- */

static void
assert_audit_words (const char *entity,
                    const char *field,
                    const char *old_value,
                    const char *new_value,
                    const char *expected)
{
  g_autofree char *text = lia_format_audit_values (entity, field, old_value, new_value, NULL);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_audit_wording (void)
{
  assert_audit_words ("account", "revealed", NULL, "tax_id", "Revealed Tax ID");
  assert_audit_words ("contact", "revealed", NULL, "personal_phone", "Revealed Personal phone");
  assert_audit_words ("account", "tax_id", NULL, "(set)", "Tax ID set (confidential)");
  assert_audit_words ("account", "tax_id", NULL, "(cleared)", "Tax ID cleared (confidential)");
  assert_audit_words ("account", "registration_number", "HRB 1", "HRB 2", "Registration number: HRB 1 → HRB 2");
  assert_audit_words ("credential", "added", NULL, "Support portal", "Credential added: “Support portal”");
  assert_audit_words ("credential", "revealed", NULL, "Support portal", "Revealed the secret of “Support portal”");
  assert_audit_words ("credential", "copied", NULL, "Support portal", "Copied the secret of “Support portal”");
  assert_audit_words ("credential", "rotated", NULL, "VPN", "Rotated the secret of “VPN”");
  assert_audit_words ("credential", "deleted", NULL, "VPN", "Credential deleted: “VPN”");
  assert_audit_words ("contact", "erased", NULL, NULL, "Personal data erased");
  assert_audit_words ("field-class", "account.tax_id", "internal", "confidential",
                      "Classification of Tax ID: Internal → Confidential");
  assert_audit_words ("book", "data-key-exported", NULL, NULL, "Data key exported");
  /* The older vocabulary keeps its wording: a contact added is not a credential. */
  assert_audit_words ("contact", "added", NULL, "Robin", "Contact added: Robin");
}

/* ---- a window on a book with one account ---- */

typedef struct
{
  char           *data_dir;
  LiaBook        *book;
  LiaWindow      *window;
  LiaAccountPage *page;
  gint64          account_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LiaAccount) account = lia_test_account_new ("CR-1", "Harbourside Logistics", "small-business");

  fixture->book = lia_test_book_new (&fixture->data_dir, NULL, NULL, "Test Person");
  fixture->account_id = lia_test_account_create (fixture->book, account);
  fixture->window = lia_test_main_window_new (fixture->book, 1280, 800);
  fixture->page = lia_accounts_view_get_page (lia_window_get_accounts_view (fixture->window));
  lia_accounts_view_show_account (lia_window_get_accounts_view (fixture->window), fixture->account_id);
  g_assert_nonnull (lia_account_page_get_account (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lia_test_display_tear_down (GTK_WINDOW (fixture->window), &fixture->book, &fixture->data_dir);
}

static LiaVault *
fixture_vault (Fixture *fixture)
{
  return lia_book_get_vault (fixture->book);
}

static gboolean
vault_settled (gpointer data)
{
  LiaVaultState state = lia_vault_get_state (data);

  return state != LIA_VAULT_STATE_CLOSED && state != LIA_VAULT_STATE_OPENING;
}

/* The window asks the keyring by itself once it is shown. */
static void
wait_for_vault_ready (Fixture *fixture)
{
  lia_test_wait_for (vault_settled, fixture_vault (fixture), "the window to open the vault");
  g_assert_cmpstr (lia_vault_get_message (fixture_vault (fixture)), ==, NULL);
  g_assert_cmpint (lia_vault_get_state (fixture_vault (fixture)), ==, LIA_VAULT_STATE_READY);
  g_assert_true (lia_vault_has_key (fixture_vault (fixture)));
}

static LiaCredentialsGroup *
credentials_group (Fixture *fixture)
{
  return LIA_CREDENTIALS_GROUP (lia_test_child (fixture->page, LIA_TYPE_ACCOUNT_PAGE, "credentials_group"));
}

static LiaFieldsGroup *
fields_group (Fixture *fixture)
{
  return LIA_FIELDS_GROUP (lia_test_child (fixture->page, LIA_TYPE_ACCOUNT_PAGE, "fields_group"));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button of a message dialog's response, as a person would click it. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button = lia_test_find_widget (GTK_WIDGET (dialog), is_button_labelled,
                                            adw_message_dialog_get_response_label (dialog, response));

  g_assert_nonnull (button);
  lia_test_click_and_wait_destroyed (GTK_WINDOW (dialog), button);
}

/* The one credential of the fixture's account, as the book has it. */
static LiaCredential *
only_credential (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = lia_credential_repository_list_for_account (lia_book_get_credentials (fixture->book),
                                                                           fixture->account_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  return g_list_model_get_item (list, 0);
}

/* Whether the account's audit trail has a line worded @words. */
static gboolean
audited (Fixture    *fixture,
         const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audit = lia_account_repository_list_audit (lia_book_get_accounts (fixture->book),
                                                                   fixture->account_id, &error);
  guint n = audit ? g_list_model_get_n_items (audit) : 0;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaAuditEntry) entry = g_list_model_get_item (audit, i);
      g_autofree char *text = lia_format_audit_change (entry, fixture->book);

      if (g_strcmp0 (text, words) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- add, reveal, copy, delete a credential ---- */

static gboolean
dialog_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
add_through_dialog (Fixture    *fixture,
                    const char *secret)
{
  GtkWindow *dialog;
  GtkWidget *save, *error_label;
  gpointer alive;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (credentials_group (fixture)), "credentials.add", NULL));
  dialog = lia_test_wait_for_toplevel (LIA_TYPE_CREDENTIAL_DIALOG);
  save = lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "save_button");
  error_label = lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "error_label");

  /* Add waits for a label and a secret; a URL must say how to reach it. */
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "label_row")),
                         "Support portal");
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "username_row")),
                         "ops@harbourside.example");
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "url_row")),
                         "portal.example.com");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "url_row")),
                         "https://portal.example.com");
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "secret_row")), secret);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_is_sensitive (save));

  /* The keyring answers asynchronously; the dialog closes once it has. */
  lia_test_watch (dialog, &alive);
  g_signal_emit_by_name (save, "clicked");
  lia_test_wait_for (dialog_gone, &alive, "the credential dialog to store the secret and close");
}

typedef struct
{
  LiaCredentialsGroup *group;
  gint64               id;
  const char          *secret;
} RowState;

static gboolean
row_shows_secret (gpointer data)
{
  RowState *state = data;
  LiaCredentialRow *row = lia_credentials_group_find_row (state->group, state->id);

  return row != NULL && lia_credential_row_is_revealed (row) &&
         g_strcmp0 (gtk_label_get_label (lia_credential_row_get_secret_label (row)), state->secret) == 0;
}

static gboolean
row_hides_secret (gpointer data)
{
  RowState *state = data;
  LiaCredentialRow *row = lia_credentials_group_find_row (state->group, state->id);
  GtkLabel *label = lia_credential_row_get_secret_label (row);

  return !lia_credential_row_is_revealed (row) && !gtk_widget_get_visible (GTK_WIDGET (label)) &&
         *gtk_label_get_label (label) == '\0';
}

static gboolean
row_gone (gpointer data)
{
  RowState *state = data;

  return lia_credentials_group_find_row (state->group, state->id) == NULL;
}

typedef struct
{
  GdkClipboard *clipboard;
  char         *text;
  gboolean      done;
} ClipboardRead;

static void
on_clipboard_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *)data)->done;
}

/* What the clipboard holds, as another application would paste it. */
static char *
clipboard_text (GdkClipboard *clipboard)
{
  ClipboardRead read = { clipboard, NULL, FALSE };

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_read_cb, &read);
  lia_test_wait_for (read_done, &read, "the clipboard to be read");
  return read.text;
}

static gboolean
clipboard_has_content (gpointer data)
{
  return gdk_clipboard_get_content (data) != NULL;
}

static gboolean
clipboard_empty (gpointer data)
{
  return gdk_clipboard_get_content (data) == NULL;
}

static gboolean
keyring_lookup_done (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

static void
test_credential_lifecycle (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("window");
  LiaCredentialsGroup *group;
  GdkClipboard *clipboard;
  g_autoptr(LiaCredential) credential = NULL;
  g_autoptr(GAsyncResult) lookup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pasted = NULL;
  g_autofree char *still = NULL;
  LiaCredentialVault *keyring;
  AdwMessageDialog *dialog;
  RowState state;
  char *found;

  if (!lia_test_require_keyring ())
    return;
  wait_for_vault_ready (fixture);
  group = credentials_group (fixture);
  g_assert_cmpuint (lia_credentials_group_get_n_rows (group), ==, 0);

  add_through_dialog (fixture, secret);
  credential = only_credential (fixture);
  g_assert_cmpstr (lia_credential_get_label (credential), ==, "Support portal");
  g_assert_cmpstr (lia_credential_get_url (credential), ==, "https://portal.example.com");
  g_assert_cmpuint (lia_credentials_group_get_n_rows (group), ==, 1);
  state = (RowState) { group, lia_credential_get_id (credential), secret };
  g_assert_nonnull (lia_credentials_group_find_row (group, state.id));
  g_assert_false (lia_credential_row_is_revealed (lia_credentials_group_find_row (group, state.id)));

  /* Reveal: the secret in the row, then gone again after the timeout. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "credentials.reveal", "x", state.id));
  lia_test_wait_for (row_shows_secret, &state, "the revealed secret in the row");
  lia_test_wait_for (row_hides_secret, &state, "the secret to be hidden after the timeout");
  g_assert_true (audited (fixture, "Revealed the secret of “Support portal”"));

  /* Copy: on the clipboard, then cleared after the timeout. */
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  gdk_clipboard_set_content (clipboard, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "credentials.copy", "x", state.id));
  lia_test_wait_for (clipboard_has_content, clipboard, "the secret on the clipboard");
  g_assert_true (lia_secret_clipboard_is_ours (GTK_WIDGET (fixture->window)));
  pasted = clipboard_text (clipboard);
  g_assert_cmpstr (pasted, ==, secret);
  lia_test_wait_for (clipboard_empty, clipboard, "the clipboard to be cleared after the timeout");
  g_assert_true (audited (fixture, "Copied the secret of “Support portal”"));

  /* Copied again, then something else copied over it: that is kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "credentials.copy", "x", state.id));
  lia_test_wait_for (clipboard_has_content, clipboard, "the secret on the clipboard again");
  gdk_clipboard_set_text (clipboard, "something else");
  g_assert_false (lia_secret_clipboard_is_ours (GTK_WIDGET (fixture->window)));
  g_usleep ((SECRET_TIMEOUT_MS + 100) * 1000);
  lia_test_drain_main_loop ();
  still = clipboard_text (clipboard);
  g_assert_cmpstr (still, ==, "something else");

  /* Delete, confirmed: gone from the page, the book and the keyring. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "credentials.delete", "x", state.id));
  dialog = ADW_MESSAGE_DIALOG (lia_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  respond (dialog, "delete");
  lia_test_wait_for (row_gone, &state, "the deleted credential to leave the page");
  g_assert_cmpuint (lia_credential_repository_count_for_account (lia_book_get_credentials (fixture->book),
                                                                 fixture->account_id), ==, 0);

  keyring = lia_vault_get_credentials (fixture_vault (fixture));
  g_assert_nonnull (keyring);
  lia_credential_vault_lookup (keyring, state.id, NULL, lia_test_on_ready_cb, &lookup);
  lia_test_wait_for (keyring_lookup_done, &lookup, "the keyring lookup");
  found = lia_credential_vault_lookup_finish (keyring, lookup, &error);
  g_assert_null (found);
  g_assert_error (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND);

  lia_test_assert_not_logged (secret);
}

/* ---- a confidential field: masked, revealed, masked again ---- */

typedef struct
{
  GtkLabel   *label;
  const char *text;
} LabelState;

static gboolean
label_reads (gpointer data)
{
  LabelState *state = data;

  return g_strcmp0 (gtk_label_get_label (state->label), state->text) == 0;
}

/* The row's one Reveal/Hide button. */
static gboolean
is_reveal_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "lia-reveal");
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  name)
{
  return gtk_widget_has_css_class (widget, name);
}

static gboolean
is_password_entry (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_PASSWORD_ENTRY (widget);
}

static gboolean
is_text_or_reveal (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_TEXT (widget) || GTK_IS_PASSWORD_ENTRY (widget) ||
         (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)),
                                               "view-reveal-symbolic") == 0);
}

/* How many widgets @match accepts at or below @widget, leaving out the
 * popovers (the editor is not part of the row as shown). */
static guint
count_widgets (GtkWidget          *widget,
               LiaTestWidgetMatch  match,
               gconstpointer       data)
{
  guint n = match (widget, data) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (!GTK_IS_POPOVER (c))
      n += count_widgets (c, match, data);
  return n;
}

typedef struct
{
  GtkPopover *popover;
  GtkEditable *entry;
} Editor;

/* Whether @widget is inside its window's area: a popover pointing
 * below the screen has no monitor to be placed on. */
static gboolean
is_in_sight (gpointer widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, window, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (window);
}

/* What the row's pencil opens, as a person would: scrolled to first. */
static Editor
open_editor (GtkWidget *row)
{
  GtkWidget *edit = lia_test_find_widget (row, has_css_class, "lia-edit-field");
  Editor editor;

  g_assert_true (GTK_IS_MENU_BUTTON (edit));
  g_assert_true (gtk_widget_is_sensitive (edit));
  gtk_widget_grab_focus (edit);
  lia_test_wait_for (is_in_sight, edit, "the field's row to scroll into sight");
  gtk_menu_button_popup (GTK_MENU_BUTTON (edit));
  editor.popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (edit));
  lia_test_wait_for (lia_test_is_mapped, editor.popover, "the field's editor");
  editor.entry = GTK_EDITABLE (lia_test_find_widget (GTK_WIDGET (editor.popover), is_password_entry, NULL));
  g_assert_nonnull (editor.entry);
  return editor;
}

static void
click_in (Editor     *editor,
          const char *css_class)
{
  GtkWidget *button = lia_test_find_widget (GTK_WIDGET (editor->popover), has_css_class, css_class);

  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_closed (gpointer popover)
{
  return !gtk_widget_get_visible (popover);
}

static void
test_confidential_field (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *tax_id = lia_test_distinctive_secret ("tax-id");
  g_autofree char *too_long = g_strnfill (201, 'x');
  LiaFieldsGroup *group;
  GtkWidget *row, *reveal;
  GtkLabel *value;
  LabelState masked, shown;
  Editor editor;

  if (!lia_test_require_keyring ())
    return;
  wait_for_vault_ready (fixture);
  group = fields_group (fixture);
  row = lia_fields_group_get_row (group, "tax_id");
  value = lia_fields_group_get_value_label (group, "tax_id");
  reveal = lia_test_find_widget (row, is_reveal_button, NULL);
  g_assert_nonnull (reveal);
  /* A row that shows, with one way to reveal and no text field of its
   * own (a password row's peek icon was a second one). */
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpuint (count_widgets (row, is_text_or_reveal, NULL), ==, 1);
  g_assert_true (gtk_widget_is_sensitive (row));
  /* Unset: says so, with nothing to reveal. */
  g_assert_cmpstr (gtk_label_get_label (value), ==, "Not set");
  g_assert_false (gtk_widget_get_visible (reveal));
  /* A public field is a plain entry row, with no mask. */
  g_assert_true (ADW_IS_ENTRY_ROW (lia_fields_group_get_row (group, "registration_number")));
  g_assert_null (lia_fields_group_get_value_label (group, "registration_number"));

  /* Typed in the editor and cancelled: nothing stored, the entry wiped. */
  editor = open_editor (row);
  gtk_editable_set_text (editor.entry, tax_id);
  click_in (&editor, "lia-cancel");
  lia_test_wait_for (is_closed, editor.popover, "the editor to close");
  g_assert_cmpstr (gtk_editable_get_text (editor.entry), ==, "");
  g_assert_cmpstr (gtk_label_get_label (value), ==, "Not set");
  g_assert_false (audited (fixture, "Tax ID set (confidential)"));

  /* A refusal keeps the editor open with the reason, and stores nothing. */
  editor = open_editor (row);
  gtk_editable_set_text (editor.entry, too_long);
  click_in (&editor, "suggested-action");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor.popover)));
  g_assert_true (gtk_widget_get_visible (lia_test_find_widget (GTK_WIDGET (editor.popover), has_css_class, "error")));
  g_assert_false (audited (fixture, "Tax ID set (confidential)"));

  /* Saved: stored, wiped from the entry, shown masked, Reveal offered. */
  gtk_editable_set_text (editor.entry, tax_id);
  click_in (&editor, "suggested-action");
  lia_test_wait_for (is_closed, editor.popover, "the editor to close");
  g_assert_cmpstr (gtk_editable_get_text (editor.entry), ==, "");
  g_assert_cmpstr (gtk_label_get_label (value), ==, MASK);
  g_assert_true (gtk_widget_get_visible (reveal));
  g_assert_true (audited (fixture, "Tax ID set (confidential)"));

  /* Revealed on request (audited), hidden again after the timeout. */
  g_assert_false (audited (fixture, "Revealed Tax ID"));
  g_signal_emit_by_name (reveal, "clicked");
  g_assert_cmpstr (gtk_label_get_label (value), ==, tax_id);
  g_assert_true (audited (fixture, "Revealed Tax ID"));
  masked = (LabelState) { value, MASK };
  lia_test_wait_for (label_reads, &masked, "the tax id to be masked again");

  /* Revealed, then hidden at once by the same button. */
  g_signal_emit_by_name (reveal, "clicked");
  shown = (LabelState) { value, tax_id };
  g_assert_true (label_reads (&shown));
  g_signal_emit_by_name (reveal, "clicked");
  g_assert_true (label_reads (&masked));

  /* Cleared from the editor: "Not set" again, and no Reveal. */
  editor = open_editor (row);
  click_in (&editor, "destructive-action");
  lia_test_wait_for (is_closed, editor.popover, "the editor to close");
  g_assert_cmpstr (gtk_label_get_label (value), ==, "Not set");
  g_assert_false (gtk_widget_get_visible (reveal));
  g_assert_true (audited (fixture, "Tax ID cleared (confidential)"));

  lia_test_assert_not_logged (tax_id);
}

/* ---- closing an account offers to remove its secrets ---- */

static gboolean
no_credentials (gpointer data)
{
  Fixture *fixture = data;

  return lia_credential_repository_count_for_account (lia_book_get_credentials (fixture->book),
                                                      fixture->account_id) == 0;
}

static void
move_to (Fixture    *fixture,
         const char *nick)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "account.transition", "s", nick);
  dialog = ADW_MESSAGE_DIALOG (lia_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Contract ended");
  respond (dialog, "apply");
}

static void
test_closing_removes_secrets (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *secret = lia_test_distinctive_secret ("closing");
  AdwMessageDialog *dialog;
  const char *body;

  if (!lia_test_require_keyring ())
    return;
  wait_for_vault_ready (fixture);
  add_through_dialog (fixture, secret);

  move_to (fixture, "opening");
  move_to (fixture, "active");
  move_to (fixture, "closing");
  move_to (fixture, "closed");

  /* Asked once the account is closed, naming it and the count. */
  dialog = ADW_MESSAGE_DIALOG (lia_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Remove the 1 credential of “Harbourside Logistics” from the keyring?"));
  respond (dialog, "remove");
  lia_test_wait_for (no_credentials, fixture, "the account's credentials to be removed");
}

/* ---- a person's data, listed and erased ---- */

static gboolean
contacts_empty (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 0) == NULL;
}

static gboolean
is_section_titled (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static void
on_erased_cb (LiaPersonalDataWindow *window,
              gboolean              *erased)
{
  *erased = TRUE;
}

static void
test_personal_data (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LiaContact) contact = lia_contact_new ();
  g_autoptr(GError) error = NULL;
  GtkListBox *contacts = GTK_LIST_BOX (lia_test_child (fixture->page, LIA_TYPE_ACCOUNT_PAGE, "contacts_list"));
  GtkWindow *window;
  LiaFieldsGroup *group;
  AdwMessageDialog *dialog;
  gboolean erased = FALSE;
  gint64 contact_id;

  lia_contact_set_account_id (contact, fixture->account_id);
  lia_contact_set_name (contact, "Robin Private");
  lia_contact_set_email (contact, "robin@harbourside.example");
  g_assert_true (lia_account_repository_add_contact (lia_book_get_accounts (fixture->book), contact, &error));
  g_assert_no_error (error);
  contact_id = lia_contact_get_id (contact);
  /* Internal: held in plain, so this needs no keyring. */
  g_assert_true (lia_field_repository_set_value (lia_book_get_fields (fixture->book), LIA_FIELD_ENTITY_CONTACT,
                                                 contact_id, "personal_email", "robin@home.example", &error));
  g_assert_no_error (error);
  g_assert_nonnull (gtk_list_box_get_row_at_index (contacts, 0));

  /* What the contact row's Personal Data… button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "account.personal-data", "x", contact_id));
  window = lia_test_wait_for_toplevel (LIA_TYPE_PERSONAL_DATA_WINDOW);
  g_signal_connect (window, "erased", G_CALLBACK (on_erased_cb), &erased);

  /* The person's own details, and their classified fields in the same
   * rows as the account page's. */
  g_assert_nonnull (lia_test_find_widget (GTK_WIDGET (window), is_section_titled, "Contact"));
  group = LIA_FIELDS_GROUP (lia_test_child (window, LIA_TYPE_PERSONAL_DATA_WINDOW, "fields_group"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lia_fields_group_get_row (group, "personal_email"))),
                   ==, "robin@home.example");
  g_assert_true (ADW_IS_ACTION_ROW (lia_fields_group_get_row (group, "personal_phone")));
  g_assert_nonnull (lia_fields_group_get_value_label (group, "personal_phone"));

  /* Erased after a confirmation naming them; the page no longer lists them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "personal-data.erase", NULL));
  dialog = ADW_MESSAGE_DIALOG (lia_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Robin Private"));
  {
    gpointer alive;

    lia_test_watch (window, &alive);
    respond (dialog, "erase");
    lia_test_wait_for (lia_test_is_gone, &alive, "the personal data window to close");
  }
  g_assert_true (erased);
  lia_test_wait_for (contacts_empty, contacts, "the erased contact to leave the page");
  g_assert_true (audited (fixture, "Personal data erased"));
}

/* ---- no secret service: the banner, and everything else works ---- */

static gboolean
account_listed (gpointer data)
{
  return g_list_model_get_n_items (data) == 1;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static void
check_without_keyring (void)
{
  Fixture fixture = { 0 };
  GtkRevealer *banner;
  GtkLabel *label;
  const char *message;
  LiaAccountList *list;
  GtkWindow *dialog;
  GtkWidget *error_label;

  fixture_set_up (&fixture, NULL);
  lia_test_wait_for (vault_settled, fixture_vault (&fixture), "the vault to give up on the keyring");
  g_assert_cmpint (lia_vault_get_state (fixture_vault (&fixture)), ==, LIA_VAULT_STATE_UNAVAILABLE);

  /* The banner says the vault's own sentence and offers Retry. */
  banner = GTK_REVEALER (lia_test_child (fixture.window, LIA_TYPE_WINDOW, "keyring_revealer"));
  label = GTK_LABEL (lia_test_child (fixture.window, LIA_TYPE_WINDOW, "keyring_label"));
  message = lia_vault_get_message (fixture_vault (&fixture));
  g_assert_nonnull (message);
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_cmpstr (gtk_label_get_label (label), ==, message);
  g_assert_false (gtk_widget_get_visible (lia_test_child (fixture.window, LIA_TYPE_WINDOW, "import_key_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.retry-keyring", NULL));
  lia_test_wait_for (vault_settled, fixture_vault (&fixture), "Retry to give up again");
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  /* The accounts list and page work as ever. */
  list = lia_accounts_view_get_list (lia_window_get_accounts_view (fixture.window));
  lia_test_wait_for (account_listed, list, "the account in the list");
  g_assert_cmpstr (lia_account_get_name (lia_account_page_get_account (fixture.page)), ==, "Harbourside Logistics");

  /* Confidential rows are locked; the others still take values. */
  g_assert_false (gtk_widget_is_sensitive (lia_fields_group_get_row (fields_group (&fixture), "tax_id")));
  g_assert_cmpstr (gtk_label_get_label (lia_fields_group_get_value_label (fields_group (&fixture), "tax_id")),
                   ==, "Locked");
  g_assert_true (gtk_widget_is_sensitive (lia_fields_group_get_row (fields_group (&fixture), "registration_number")));

  /* Adding a credential fails in the dialog, and writes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (credentials_group (&fixture)), "credentials.add", NULL));
  dialog = lia_test_wait_for_toplevel (LIA_TYPE_CREDENTIAL_DIALOG);
  error_label = lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "error_label");
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "label_row")), "VPN");
  gtk_editable_set_text (GTK_EDITABLE (lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "secret_row")),
                         "never-stored");
  g_signal_emit_by_name (lia_test_child (dialog, LIA_TYPE_CREDENTIAL_DIALOG, "save_button"), "clicked");
  lia_test_wait_for (lia_test_is_mapped, error_label, "the keyring's refusal in the dialog");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (lia_credential_repository_count_for_account (lia_book_get_credentials (fixture.book),
                                                                 fixture.account_id), ==, 0);
  gtk_window_destroy (dialog);

  /* Preferences → Security: sealing a field needs the key, so the
   * refusal is shown and the picker goes back to what is stored. */
  {
    GtkWidget *prefs = lia_preferences_window_new (GTK_WINDOW (fixture.window), fixture.book);
    g_autoptr(GError) error = NULL;
    AdwComboRow *level;

    /* A stored value to seal: with none, there is nothing to refuse. */
    g_assert_true (lia_field_repository_set_value (lia_book_get_fields (fixture.book), LIA_FIELD_ENTITY_ACCOUNT,
                                                   fixture.account_id, "registration_number", "HRB 1", &error));
    g_assert_no_error (error);

    gtk_window_present (GTK_WINDOW (prefs));
    level = ADW_COMBO_ROW (lia_test_find_widget (prefs, is_row_titled, "Registration number"));
    g_assert_nonnull (level);
    g_assert_cmpuint (adw_combo_row_get_selected (level), ==, LIA_FIELD_LEVEL_PUBLIC);
    adw_combo_row_set_selected (level, LIA_FIELD_LEVEL_CONFIDENTIAL);
    g_assert_cmpuint (adw_combo_row_get_selected (level), ==, LIA_FIELD_LEVEL_PUBLIC);
    g_assert_cmpint (lia_field_repository_get_level (lia_book_get_fields (fixture.book), LIA_FIELD_ENTITY_ACCOUNT,
                                                     "registration_number"), ==, LIA_FIELD_LEVEL_PUBLIC);
    /* Internal needs no key. */
    adw_combo_row_set_selected (level, LIA_FIELD_LEVEL_INTERNAL);
    g_assert_cmpint (lia_field_repository_get_level (lia_book_get_fields (fixture.book), LIA_FIELD_ENTITY_ACCOUNT,
                                                     "registration_number"), ==, LIA_FIELD_LEVEL_INTERNAL);
    gtk_window_destroy (GTK_WINDOW (prefs));
  }

  fixture_tear_down (&fixture, NULL);
}

static void
test_no_keyring_banner (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

  if (g_test_subprocess ())
    {
      check_without_keyring ();
      return;
    }

  /* Set before the child starts, so neither GTK nor libsecret in it ever
   * reaches the real bus; this process's own connection is unaffected. */
  lia_test_use_no_bus ();
  g_test_trap_subprocess (NULL, LIA_TEST_KEYRING_TIMEOUT_SECONDS * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  if (saved != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved, TRUE);
  else
    g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  lia_test_capture_logs_start ();
  lia_test_display_init (&argc, &argv);
  lia_test_capture_logs_after_init ();
  lia_views_set_secret_timeout (SECRET_TIMEOUT_MS);

  g_test_add_func ("/credentials-window/templates", test_templates);
  g_test_add_func ("/credentials-window/audit-wording", test_audit_wording);
  g_test_add ("/credentials-window/credential-lifecycle", Fixture, NULL,
              fixture_set_up, test_credential_lifecycle, fixture_tear_down);
  g_test_add ("/credentials-window/confidential-field", Fixture, NULL,
              fixture_set_up, test_confidential_field, fixture_tear_down);
  g_test_add ("/credentials-window/closing-removes-secrets", Fixture, NULL,
              fixture_set_up, test_closing_removes_secrets, fixture_tear_down);
  g_test_add ("/credentials-window/personal-data", Fixture, NULL,
              fixture_set_up, test_personal_data, fixture_tear_down);
  g_test_add_func ("/credentials-window/no-keyring-banner", test_no_keyring_banner);

  return g_test_run ();
}
