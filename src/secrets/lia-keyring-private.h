/* lia-keyring-private.h — async libsecret calls with LiaSecretsError errors
 *
 * Shared by LiaCredentialVault and LiaDataKey. Each call creates the GTask
 * the public API returns, so the public finish functions stay thin: the
 * source object and tag are the public caller's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "lia-secrets.h"

G_BEGIN_DECLS

GHashTable *lia_keyring_attributes_new   (void);
GError     *lia_keyring_map_error        (const GError        *error,
                                          GCancellable        *cancellable,
                                          const char          *operation);

void        lia_keyring_store            (const SecretSchema  *schema,
                                          GHashTable          *attributes,
                                          const char          *label,
                                          const char          *secret,
                                          gpointer             source_object,
                                          gpointer             source_tag,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    lia_keyring_store_finish     (GAsyncResult        *result,
                                          GError             **error);
void        lia_keyring_lookup           (const SecretSchema  *schema,
                                          GHashTable          *attributes,
                                          const char          *missing_message,
                                          gpointer             source_object,
                                          gpointer             source_tag,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char       *lia_keyring_lookup_finish    (GAsyncResult        *result,
                                          GError             **error);
void        lia_keyring_clear            (const SecretSchema  *schema,
                                          GHashTable          *attributes,
                                          gpointer             source_object,
                                          gpointer             source_tag,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    lia_keyring_clear_finish     (GAsyncResult        *result,
                                          GError             **error);
void        lia_keyring_search           (const SecretSchema  *schema,
                                          GHashTable          *attributes,
                                          gpointer             source_object,
                                          gpointer             source_tag,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray  *lia_keyring_search_finish    (GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
