/* test-classified.h — for the suites that seal classified fields: a book
 * whose vault holds its data key, and searching files for plain text
 *
 * Uses test-keyring.h: without a keyring the test skips (or fails under
 * .ci/test-session). The key made for a test's book is removed from the
 * keyring again when the test ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-book.h"
#include "lia-data-key.h"
#include "lia-enum-types.h"
#include "lia-vault.h"

#include "test-keyring.h"

G_BEGIN_DECLS

/* Opens @book's vault and waits for it: TRUE when the data key is there
 * (created on this first use). Call first; return when FALSE. */
static G_GNUC_UNUSED gboolean
lia_test_open_vault (LiaBook *book)
{
  LiaVault *vault = lia_book_get_vault (book);
  guint timeout_id;

  if (!lia_test_require_keyring ())
    return FALSE;

  timeout_id = g_timeout_add_seconds (LIA_TEST_KEYRING_TIMEOUT_SECONDS, lia_test_keyring_timeout_cb, NULL);
  lia_vault_open (vault);
  while (lia_vault_get_state (vault) == LIA_VAULT_STATE_OPENING)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);

  if (lia_vault_has_key (vault))
    return TRUE;

  /* A secret service may answer yet hold no usable collection (one
   * started by D-Bus activation, with no login keyring and no prompt). */
  if (g_strcmp0 (g_getenv ("LIAISON_TEST_KEYRING"), "required") == 0)
    g_test_fail_printf ("The keyring answers but the vault did not open (%s): %s",
                        lia_enum_to_nick (LIA_TYPE_VAULT_STATE, lia_vault_get_state (vault)),
                        lia_vault_get_message (vault));
  else
    g_test_skip_printf ("The keyring answers but gives no data key (%s): %s",
                        lia_enum_to_nick (LIA_TYPE_VAULT_STATE, lia_vault_get_state (vault)),
                        lia_vault_get_message (vault));
  return FALSE;
}

/* Removes the data key a test made for @book from the keyring. */
static G_GNUC_UNUSED void
lia_test_forget_book_key (LiaBook *book)
{
  g_autoptr(GAsyncResult) result = NULL;
  LiaVault *vault;

  if (book == NULL)
    return;
  vault = lia_book_get_vault (book);
  if (!lia_vault_has_key (vault) || lia_vault_get_book_id (vault) == NULL)
    return;

  lia_data_key_clear (lia_vault_get_book_id (vault), NULL, lia_test_on_ready_cb, &result);
  lia_test_wait_for (&result);
  lia_data_key_clear_finish (result, NULL);
}

/* Whether @path (when it exists) holds @needle's bytes anywhere. */
static G_GNUC_UNUSED gboolean
lia_test_file_holds (const char *path,
                     const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* @needle, or its lower-case form (as a search index keeps words), in
 * @path or its -wal and -shm files. */
static G_GNUC_UNUSED gboolean
lia_test_book_files_hold (const char *path,
                          const char *needle)
{
  g_autofree char *lower = g_utf8_strdown (needle, -1);
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (lia_test_file_holds (file, needle) || lia_test_file_holds (file, lower))
        {
          g_test_message ("“%s” found in %s", needle, file);
          return TRUE;
        }
    }
  return FALSE;
}

G_END_DECLS
