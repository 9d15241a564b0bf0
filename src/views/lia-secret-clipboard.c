/* lia-secret-clipboard.c — a secret on the clipboard, for a while only
 *
 * The secret is offered through a content provider of our own, so that
 * when the time is up we can tell whether the clipboard still holds it
 * (then it is cleared) or the person has copied something else since
 * (then it is left alone). The copy we hand over is wiped when GDK lets
 * go of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-secret-clipboard"

#include "config.h"

#include <string.h>

#include "lia-secret-clipboard.h"
#include "lia-secrets.h"
#include "lia-views.h"

typedef struct
{
  GdkClipboard       *clipboard;  /* weak */
  GdkContentProvider *provider;
} Pending;

/* The provider we last put on a clipboard, while anything holds it: a
 * weak pointer, so that the secret is wiped as soon as nobody needs it. */
static GdkContentProvider *last_provider;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_clear_weak_pointer (&pending->clipboard);
  g_clear_object (&pending->provider);
  g_free (pending);
}

static gboolean
on_clear_timeout_cb (gpointer data)
{
  Pending *pending = data;

  if (pending->clipboard != NULL &&
      gdk_clipboard_get_content (pending->clipboard) == pending->provider)
    gdk_clipboard_set_content (pending->clipboard, NULL);
  return G_SOURCE_REMOVE;
}

static GdkContentProvider *
secret_provider_new (const char *secret)
{
  char *copy = g_strdup (secret);
  g_autoptr(GBytes) bytes = g_bytes_new_with_free_func (copy, strlen (copy),
                                                        (GDestroyNotify)lia_secrets_text_free, copy);
  GdkContentProvider *providers[] = {
    gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes),
    gdk_content_provider_new_for_bytes ("text/plain", bytes),
  };

  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

/**
 * lia_secret_clipboard_copy:
 *
 * Puts @secret on the clipboard of @widget's display and clears it after
 * lia_views_get_secret_timeout(), unless something else was copied since.
 */
void
lia_secret_clipboard_copy (GtkWidget  *widget,
                           const char *secret)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentProvider *provider = secret_provider_new (secret);
  Pending *pending = g_new0 (Pending, 1);

  gdk_clipboard_set_content (clipboard, provider);
  g_set_weak_pointer (&last_provider, provider);

  g_set_weak_pointer (&pending->clipboard, clipboard);
  pending->provider = provider;
  g_timeout_add_full (G_PRIORITY_DEFAULT, lia_views_get_secret_timeout (),
                      on_clear_timeout_cb, pending, pending_free);
}

gboolean
lia_secret_clipboard_is_ours (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  return last_provider != NULL && gdk_clipboard_get_content (clipboard) == last_provider;
}
