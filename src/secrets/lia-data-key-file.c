/* lia-data-key-file.c — a data key as a text file a person keeps safe
 *
 *   # Liaison data key. …
 *   LIAISON-DATA-KEY-1 book=<book id> check=<16 hex digits>
 *   <the 32 bytes in base64>
 *
 * The check (lia_data_key_dup_check) catches a mistyped or damaged copy
 * before it is used; the book id catches another book's key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "lia-data-key-private.h"

#define HEADER "LIAISON-DATA-KEY-1"

/* The file's contents; free with lia_secrets_text_free(). */
char *
lia_data_key_to_text (LiaDataKey *self)
{
  g_autofree char *check = NULL;
  char *base64;
  char *text;

  g_return_val_if_fail (LIA_IS_DATA_KEY (self), NULL);

  check = lia_data_key_dup_check (self);
  base64 = lia_data_key_to_base64 (self);
  text = g_strdup_printf ("# Liaison data key. Whoever has this file can read the book's\n"
                          "# confidential fields, and without it they are lost with the\n"
                          "# keyring: keep it somewhere safe and private.\n"
                          HEADER " book=%s check=%s\n%s\n",
                          lia_data_key_get_book_id (self), check, base64);
  lia_secrets_text_free (base64);
  return text;
}

static gpointer
set_bad_key (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY, message);
  return NULL;
}

/* Splits "HEADER book=… check=…" into its two values. */
static gboolean
parse_header (const char  *line,
              char       **book_id,
              char       **check,
              GError     **error)
{
  g_auto(GStrv) words = g_strsplit (line, " ", -1);

  if (g_strv_length (words) != 3 || !g_str_equal (words[0], HEADER) ||
      !g_str_has_prefix (words[1], "book=") || !g_str_has_prefix (words[2], "check="))
    {
      set_bad_key (error, _("This file is not a Liaison data key."));
      return FALSE;
    }

  *book_id = g_strdup (words[1] + strlen ("book="));
  *check = g_strdup (words[2] + strlen ("check="));
  return TRUE;
}

/* The first two lines that are neither empty nor comments. */
static gboolean
find_lines (char        **lines,
            const char  **header,
            const char  **base64)
{
  *header = *base64 = NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (*header == NULL)
        *header = lines[i];
      else if (*base64 == NULL)
        *base64 = lines[i];
      else
        return FALSE;
    }
  return *base64 != NULL;
}

static LiaDataKey *
key_from_lines (const char  *header,
                const char  *base64,
                const char  *expected_book_id,
                GError     **error)
{
  g_autofree char *book_id = NULL;
  g_autofree char *check = NULL;
  g_autofree char *actual_check = NULL;
  g_autoptr(LiaDataKey) key = NULL;

  if (!parse_header (header, &book_id, &check, error))
    return NULL;
  if (!lia_data_key_is_valid_book_id (book_id))
    return set_bad_key (error, _("This file is not a Liaison data key."));
  if (expected_book_id != NULL && !g_str_equal (book_id, expected_book_id))
    return set_bad_key (error, _("This data key belongs to another book."));

  key = lia_data_key_new_from_base64 (book_id, base64, NULL);
  if (key != NULL)
    actual_check = lia_data_key_dup_check (key);
  if (key == NULL || !g_str_equal (check, actual_check))
    return set_bad_key (error, _("This data key file is damaged: its key does not "
                                 "match its check."));

  return g_steal_pointer (&key);
}

/* Parses lia_data_key_to_text()'s format. expected_book_id, if not NULL,
 * is the only book the key may belong to. */
LiaDataKey *
lia_data_key_new_from_text (const char  *text,
                            const char  *expected_book_id,
                            GError     **error)
{
  g_auto(GStrv) lines = NULL;
  const char *header, *base64;
  LiaDataKey *key = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", 16);
  if (!find_lines (lines, &header, &base64))
    set_bad_key (error, _("This file is not a Liaison data key."));
  else
    key = key_from_lines (header, base64, expected_book_id, error);

  for (guint i = 0; lines[i] != NULL; i++)
    gnutls_memset (lines[i], 0, strlen (lines[i]));
  return key;
}

static void
on_export_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Writes the key file, readable by its owner only. */
void
lia_data_key_export (LiaDataKey          *self,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  char *text;

  g_return_if_fail (LIA_IS_DATA_KEY (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_data_key_export);
  text = lia_data_key_to_text (self);
  g_task_set_task_data (task, text, (GDestroyNotify) lia_secrets_text_free);

  g_file_replace_contents_async (file, text, strlen (text), NULL, FALSE,
                                 G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                 cancellable, on_export_cb, task);
}

gboolean
lia_data_key_export_finish (LiaDataKey    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_import_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *contents = NULL;
  gsize length = 0;
  LiaDataKey *key = NULL;

  if (g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (length > 4096 || memchr (contents, '\0', length) != NULL)
        set_bad_key (&error, _("This file is not a Liaison data key."));
      else
        key = lia_data_key_new_from_text (contents, g_task_get_task_data (task), &error);
      gnutls_memset (contents, 0, length);
      g_free (contents);
    }

  if (key != NULL)
    g_task_return_pointer (task, key, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Reads a key file; store the key with lia_data_key_store() to use it. */
void
lia_data_key_import (GFile               *file,
                     const char          *expected_book_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_data_key_import);
  g_task_set_task_data (task, g_strdup (expected_book_id), g_free);
  g_file_load_contents_async (file, cancellable, on_import_cb, task);
}

LiaDataKey *
lia_data_key_import_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
