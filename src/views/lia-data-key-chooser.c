/* lia-data-key-chooser.c — the book's data key to a file and back, through
 * the file chooser (a portal inside Flatpak)
 *
 * The vault does the work, asynchronously, and audits it; this only asks
 * where, and says how it went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-data-key-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-data-key-chooser.h"
#include "lia-toast.h"
#include "lia-vault.h"

#define KEY_SUFFIX "liaison-key"

typedef struct
{
  GtkWidget *widget;   /* weak: where to say how it went */
  LiaBook   *book;
} Request;

static Request *
request_new (GtkWidget *widget,
             LiaBook   *book)
{
  Request *request = g_new0 (Request, 1);

  g_set_weak_pointer (&request->widget, widget);
  request->book = g_object_ref (book);
  return request;
}

static void
request_free (Request *request)
{
  g_clear_weak_pointer (&request->widget);
  g_object_unref (request->book);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
say (Request    *request,
     const char *text)
{
  if (request->widget != NULL)
    lia_toast_show (request->widget, text);
}

static GtkFileChooserNative *
chooser_new (GtkWidget *widget,
             gboolean   save)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) keys = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (save ? _("Export Data Key") : _("Import Data Key"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         save ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (keys, _("Liaison data keys"));
  gtk_file_filter_add_suffix (keys, KEY_SUFFIX);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), keys);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (save)
    {
      /* Translators: the suggested name of an exported key file, before its suffix */
      g_autofree char *name = g_strdup_printf ("%s.%s", _("Liaison data key"), KEY_SUFFIX);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  return chooser;
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;

  if (lia_vault_export_key_finish (LIA_VAULT (source), result, &error))
    say (request, _("Data key exported: keep the file somewhere safe"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    say (request, error->message);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;

  if (lia_vault_import_key_finish (LIA_VAULT (source), result, &error))
    say (request, _("Data key imported"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    say (request, error->message);
}

static void
on_response_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  Request *request = user_data;
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gboolean save = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  LiaVault *vault = lia_book_get_vault (request->book);

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    request_free (request);
  else if (save)
    lia_vault_export_key (vault, file, NULL, on_exported_cb, request);
  else
    lia_vault_import_key (vault, file, NULL, on_imported_cb, request);
  g_object_unref (chooser);
}

static void
run (GtkWidget *widget,
     LiaBook   *book,
     gboolean   save)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (LIA_IS_BOOK (book));

  chooser = chooser_new (widget, save);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response_cb), request_new (widget, book));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
lia_data_key_chooser_export (GtkWidget *widget,
                             LiaBook   *book)
{
  run (widget, book, TRUE);
}

void
lia_data_key_chooser_import (GtkWidget *widget,
                             LiaBook   *book)
{
  run (widget, book, FALSE);
}
