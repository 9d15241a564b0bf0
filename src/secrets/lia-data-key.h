/* lia-data-key.h — the 256-bit key of a book's confidential fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "lia-secrets.h"

G_BEGIN_DECLS

#define LIA_DATA_KEY_SIZE 32

#define LIA_TYPE_DATA_KEY (lia_data_key_get_type ())

G_DECLARE_FINAL_TYPE (LiaDataKey, lia_data_key, LIA, DATA_KEY, GObject)

const SecretSchema *lia_data_key_get_schema          (void);
char               *lia_data_key_new_book_id         (void);
gboolean            lia_data_key_is_valid_book_id    (const char           *book_id);

LiaDataKey         *lia_data_key_generate            (const char           *book_id,
                                                      GError              **error);
LiaDataKey         *lia_data_key_new_from_text       (const char           *text,
                                                      const char           *expected_book_id,
                                                      GError              **error);
char               *lia_data_key_to_text             (LiaDataKey           *self);
const char         *lia_data_key_get_book_id         (LiaDataKey           *self);
char               *lia_data_key_dup_check           (LiaDataKey           *self);
gboolean            lia_data_key_equal               (LiaDataKey           *self,
                                                      LiaDataKey           *other);

void                lia_data_key_load                (const char           *book_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LiaDataKey         *lia_data_key_load_finish         (GAsyncResult         *result,
                                                      GError              **error);
/* The book's key whose lia_data_key_dup_check() is @check (a book may
 * have several in the keyring: one per key it was ever given); finish
 * with lia_data_key_load_finish(). NOT_FOUND when there is none. */
void                lia_data_key_load_checked        (const char           *book_id,
                                                      const char           *check,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
void                lia_data_key_load_or_create      (const char           *book_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LiaDataKey         *lia_data_key_load_or_create_finish (GAsyncResult       *result,
                                                      gboolean             *created,
                                                      GError              **error);
void                lia_data_key_store               (LiaDataKey           *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean            lia_data_key_store_finish        (LiaDataKey           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void                lia_data_key_clear               (const char           *book_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean            lia_data_key_clear_finish        (GAsyncResult         *result,
                                                      GError              **error);

void                lia_data_key_export              (LiaDataKey           *self,
                                                      GFile                *file,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean            lia_data_key_export_finish       (LiaDataKey           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void                lia_data_key_import              (GFile                *file,
                                                      const char           *expected_book_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LiaDataKey         *lia_data_key_import_finish       (GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
