/* lia-credential-vault.c — credentials' secrets in the system keyring
 *
 * One item per credential under the schema io.github.liaisoncrm.Liaison.Credential.
 * Keyrings do not encrypt attributes or labels, so they hold ids only:
 * "credential-id" and "account-id" (the rows in SQLite, which keeps the
 * non-secret metadata) and "book", the book's random id, because every book
 * numbers its rows from 1 and two books must not see each other's items.
 * Other keyring clients find an item with the same attributes, e.g.
 *   secret-tool lookup credential-id 42 account-id 7
 * and store one the vault can read by adding
 *   xdg:schema io.github.liaisoncrm.Liaison.Credential book <book id>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-credential-vault.h"
#include "lia-keyring-private.h"

struct _LiaCredentialVault
{
  GObject  parent_instance;
  char    *book_id;
};

G_DEFINE_FINAL_TYPE (LiaCredentialVault, lia_credential_vault, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOOK_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const SecretSchema *
lia_credential_vault_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.liaisoncrm.Liaison.Credential", SECRET_SCHEMA_NONE,
    {
      { "credential-id", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "account-id", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "book", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
lia_credential_vault_finalize (GObject *object)
{
  LiaCredentialVault *self = LIA_CREDENTIAL_VAULT (object);

  g_free (self->book_id);

  G_OBJECT_CLASS (lia_credential_vault_parent_class)->finalize (object);
}

static void
lia_credential_vault_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LiaCredentialVault *self = LIA_CREDENTIAL_VAULT (object);

  switch (prop_id)
    {
    case PROP_BOOK_ID:
      g_value_set_string (value, self->book_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_credential_vault_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LiaCredentialVault *self = LIA_CREDENTIAL_VAULT (object);

  switch (prop_id)
    {
    case PROP_BOOK_ID:
      self->book_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_credential_vault_class_init (LiaCredentialVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lia_credential_vault_finalize;
  object_class->get_property = lia_credential_vault_get_property;
  object_class->set_property = lia_credential_vault_set_property;

  properties[PROP_BOOK_ID] =
    g_param_spec_string ("book-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_credential_vault_init (LiaCredentialVault *self)
{
}

/* book_id: the book's random id, the same one its LiaDataKey is stored under. */
LiaCredentialVault *
lia_credential_vault_new (const char *book_id)
{
  g_return_val_if_fail (book_id != NULL && *book_id != '\0', NULL);

  return g_object_new (LIA_TYPE_CREDENTIAL_VAULT, "book-id", book_id, NULL);
}

const char *
lia_credential_vault_get_book_id (LiaCredentialVault *self)
{
  g_return_val_if_fail (LIA_IS_CREDENTIAL_VAULT (self), NULL);

  return self->book_id;
}

/* An id of 0 leaves that attribute out of the match. */
static GHashTable *
new_attributes (LiaCredentialVault *self,
                gint64              credential_id,
                gint64              account_id)
{
  GHashTable *attributes = lia_keyring_attributes_new ();

  g_hash_table_insert (attributes, "book", g_strdup (self->book_id));
  if (credential_id > 0)
    g_hash_table_insert (attributes, "credential-id",
                         g_strdup_printf ("%" G_GINT64_FORMAT, credential_id));
  if (account_id > 0)
    g_hash_table_insert (attributes, "account-id",
                         g_strdup_printf ("%" G_GINT64_FORMAT, account_id));
  return attributes;
}

/* Stores or replaces the secret of a credential. A credential keeps its
 * account: moving one means storing it anew and clearing the old item. */
void
lia_credential_vault_store (LiaCredentialVault  *self,
                            gint64               credential_id,
                            gint64               account_id,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (LIA_IS_CREDENTIAL_VAULT (self));
  g_return_if_fail (credential_id > 0 && account_id > 0);
  g_return_if_fail (secret != NULL);

  attributes = new_attributes (self, credential_id, account_id);
  /* Translators: the name of a keyring item, shown in Passwords and Keys;
   * %s is a number */
  label = g_strdup_printf (_("Liaison credential %s"),
                           (char *) g_hash_table_lookup (attributes, "credential-id"));
  lia_keyring_store (lia_credential_vault_get_schema (), attributes, label, secret,
                     self, lia_credential_vault_store, cancellable, callback, user_data);
}

gboolean
lia_credential_vault_store_finish (LiaCredentialVault  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return lia_keyring_store_finish (result, error);
}

/* Fails with LIA_SECRETS_ERROR_NOT_FOUND when the keyring has no secret
 * for the credential ("missing from keyring"). */
void
lia_credential_vault_lookup (LiaCredentialVault  *self,
                             gint64               credential_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (LIA_IS_CREDENTIAL_VAULT (self));
  g_return_if_fail (credential_id > 0);

  attributes = new_attributes (self, credential_id, 0);
  lia_keyring_lookup (lia_credential_vault_get_schema (), attributes,
                      _("This credential’s secret is missing from the keyring."),
                      self, lia_credential_vault_lookup, cancellable, callback, user_data);
}

/* Returns the secret in non-pageable memory: free it with secret_password_free(). */
char *
lia_credential_vault_lookup_finish (LiaCredentialVault  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return lia_keyring_lookup_finish (result, error);
}

static void
clear_matching (LiaCredentialVault  *self,
                gint64               credential_id,
                gint64               account_id,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = new_attributes (self, credential_id, account_id);

  lia_keyring_clear (lia_credential_vault_get_schema (), attributes,
                     self, source_tag, cancellable, callback, user_data);
}

/* Removes the credential's secret; a secret already gone is a success. */
void
lia_credential_vault_clear (LiaCredentialVault  *self,
                            gint64               credential_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (LIA_IS_CREDENTIAL_VAULT (self));
  g_return_if_fail (credential_id > 0);

  clear_matching (self, credential_id, 0, lia_credential_vault_clear,
                  cancellable, callback, user_data);
}

gboolean
lia_credential_vault_clear_finish (LiaCredentialVault  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return lia_keyring_clear_finish (result, error);
}

/* Removes the secrets of every credential of an account, for closing or
 * deleting the account. */
void
lia_credential_vault_clear_account (LiaCredentialVault  *self,
                                    gint64               account_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (LIA_IS_CREDENTIAL_VAULT (self));
  g_return_if_fail (account_id > 0);

  clear_matching (self, 0, account_id, lia_credential_vault_clear_account,
                  cancellable, callback, user_data);
}

gboolean
lia_credential_vault_clear_account_finish (LiaCredentialVault  *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return lia_keyring_clear_finish (result, error);
}

/* Lists the book's items, locked ones too, without reading any secret:
 * the ids that SQLite no longer knows are orphans. */
void
lia_credential_vault_list (LiaCredentialVault  *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (LIA_IS_CREDENTIAL_VAULT (self));

  attributes = new_attributes (self, 0, 0);
  lia_keyring_search (lia_credential_vault_get_schema (), attributes,
                      self, lia_credential_vault_list, cancellable, callback, user_data);
}

static gint64
attribute_id (GHashTable *attributes,
              const char *name)
{
  const char *text = g_hash_table_lookup (attributes, name);
  gint64 id = 0;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return id;
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  const LiaCredentialRef *ra = a, *rb = b;

  if (ra->credential_id != rb->credential_id)
    return ra->credential_id < rb->credential_id ? -1 : 1;
  return (ra->account_id > rb->account_id) - (ra->account_id < rb->account_id);
}

/* Returns a GArray of LiaCredentialRef sorted by credential id; items whose
 * ids do not parse (not written by Liaison) are left out. */
GArray *
lia_credential_vault_list_finish (LiaCredentialVault  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;
  GArray *refs;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  items = lia_keyring_search_finish (result, error);
  if (items == NULL)
    return NULL;

  refs = g_array_sized_new (FALSE, FALSE, sizeof (LiaCredentialRef), items->len);
  for (guint i = 0; i < items->len; i++)
    {
      LiaCredentialRef ref = {
        attribute_id (items->pdata[i], "credential-id"),
        attribute_id (items->pdata[i], "account-id"),
      };

      if (ref.credential_id > 0)
        g_array_append_val (refs, ref);
    }
  g_array_sort (refs, compare_refs);
  return refs;
}
