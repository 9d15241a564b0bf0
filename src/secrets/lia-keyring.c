/* lia-keyring.c — async libsecret calls with LiaSecretsError errors
 *
 * libsecret's own error text ("org.freedesktop.DBus.Error.ServiceUnknown:
 * The name … was not provided by any .service files") means nothing to a
 * person; it goes to g_debug() and the caller gets one of a few translated
 * messages. Secrets themselves are never logged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-keyring-private.h"

typedef struct
{
  const SecretSchema *schema;
  GHashTable         *attributes;
  char               *missing_message;
  gboolean            looked_again;
} LookupData;

static void
lookup_data_free (gpointer data)
{
  LookupData *lookup = data;

  g_hash_table_unref (lookup->attributes);
  g_free (lookup->missing_message);
  g_free (lookup);
}

/* Attribute values are strings, integers written in decimal. */
GHashTable *
lia_keyring_attributes_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static gboolean
is_unreachable (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_TIMEOUT:
        case G_DBUS_ERROR_TIMED_OUT:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
          return TRUE;
        default:
          return FALSE;
        }
    }

  /* Connecting to the session bus itself failed (no socket, refused, or
   * no address and no X11 to autolaunch one). */
  if (error->domain == G_IO_ERROR)
    return error->code == G_IO_ERROR_NOT_FOUND ||
           error->code == G_IO_ERROR_CONNECTION_REFUSED ||
           error->code == G_IO_ERROR_CONNECTION_CLOSED ||
           error->code == G_IO_ERROR_CLOSED ||
           error->code == G_IO_ERROR_BROKEN_PIPE ||
           error->code == G_IO_ERROR_PERMISSION_DENIED ||
           error->code == G_IO_ERROR_TIMED_OUT ||
           error->code == G_IO_ERROR_FAILED;

  return FALSE;
}

static GError *
new_error (LiaSecretsError code)
{
  const char *message;

  switch (code)
    {
    case LIA_SECRETS_ERROR_NO_SERVICE:
      message = _("The system keyring is not available. Make sure a keyring such as "
                  "GNOME Keyring is running, then try again.");
      break;
    case LIA_SECRETS_ERROR_LOCKED:
      message = _("The keyring is locked. Unlock it to use saved credentials and "
                  "confidential fields.");
      break;
    default:
      message = _("The keyring could not complete the request. Try again later.");
      break;
    }

  return g_error_new_literal (LIA_SECRETS_ERROR, code, message);
}

/* A prompt the person dismissed comes back as G_IO_ERROR_CANCELLED although
 * the caller cancelled nothing: to the caller that is a locked keyring. */
GError *
lia_keyring_map_error (const GError *error,
                       GCancellable *cancellable,
                       const char   *operation)
{
  g_debug ("Keyring %s failed: %s (%s %d)", operation, error->message,
           g_quark_to_string (error->domain), error->code);


  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (g_cancellable_is_cancelled (cancellable))
        return g_error_copy (error);
      return new_error (LIA_SECRETS_ERROR_LOCKED);
    }
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return new_error (LIA_SECRETS_ERROR_LOCKED);
  if (is_unreachable (error))
    return new_error (LIA_SECRETS_ERROR_NO_SERVICE);

  return new_error (LIA_SECRETS_ERROR_FAILED);
}

static GTask *
new_task (gpointer             source_object,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (source_object, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static void
return_mapped_error (GTask        *task,
                     const GError *error,
                     const char   *operation)
{
  g_task_return_error (task, lia_keyring_map_error (error,
                                                    g_task_get_cancellable (task),
                                                    operation));
}

static void
on_store_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    return_mapped_error (task, error, "store");
}

/* Stores in the default collection ("login"), replacing an item with the
 * same attributes. */
void
lia_keyring_store (const SecretSchema  *schema,
                   GHashTable          *attributes,
                   const char          *label,
                   const char          *secret,
                   gpointer             source_object,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task = new_task (source_object, source_tag, cancellable, callback, user_data);

  secret_password_storev (schema, attributes, SECRET_COLLECTION_DEFAULT, label, secret,
                          cancellable, on_store_cb, task);
}

gboolean
lia_keyring_store_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void on_lookup_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* Items of the secret service say whether they are locked; others (the
 * file backend's) never are. */
static gboolean
any_locked (GList *items)
{
  for (GList *l = items; l != NULL; l = l->next)
    if (SECRET_IS_ITEM (l->data) && secret_item_get_locked (SECRET_ITEM (l->data)))
      return TRUE;
  return FALSE;
}

static void
on_lookup_search_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LookupData *lookup = g_task_get_task_data (task);
  GList *items = secret_password_search_finish (result, &error);

  if (error != NULL)
    return_mapped_error (task, error, "search");
  else if (any_locked (items))
    g_task_return_error (task, new_error (LIA_SECRETS_ERROR_LOCKED));
  else if (items != NULL && !lookup->looked_again)
    {
      /* Stored by another program between the two calls: look again. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      lookup->looked_again = TRUE;
      secret_password_lookupv (lookup->schema, lookup->attributes, cancellable,
                               on_lookup_cb, g_steal_pointer (&task));
    }
  else
    g_task_return_new_error (task, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND,
                             "%s", lookup->missing_message);

  g_list_free_full (items, g_object_unref);
}

/* A lookup whose unlock prompt was dismissed returns nothing and no error;
 * a second search without unlocking tells "locked" from "not there". */
static void
on_lookup_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LookupData *lookup = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    return_mapped_error (task, error, "lookup");
  else if (secret != NULL)
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
  else
    secret_password_searchv (lookup->schema, lookup->attributes, SECRET_SEARCH_ALL,
                             cancellable, on_lookup_search_cb, g_steal_pointer (&task));
}

void
lia_keyring_lookup (const SecretSchema  *schema,
                    GHashTable          *attributes,
                    const char          *missing_message,
                    gpointer             source_object,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task = new_task (source_object, source_tag, cancellable, callback, user_data);
  LookupData *lookup = g_new0 (LookupData, 1);

  lookup->schema = schema;
  lookup->attributes = g_hash_table_ref (attributes);
  lookup->missing_message = g_strdup (missing_message);
  g_task_set_task_data (task, lookup, lookup_data_free);

  secret_password_lookupv (schema, attributes, cancellable, on_lookup_cb, task);
}

/* Returns the secret in non-pageable memory: free it with secret_password_free(). */
char *
lia_keyring_lookup_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_clear_search_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items = secret_password_search_finish (result, &error);

  if (error != NULL)
    return_mapped_error (task, error, "search");
  else if (any_locked (items))
    g_task_return_error (task, new_error (LIA_SECRETS_ERROR_LOCKED));
  else
    g_task_return_boolean (task, TRUE);

  g_list_free_full (items, g_object_unref);
}

/* A clear whose unlock prompt was dismissed removes nothing and says
 * nothing, like one that found nothing: a search without unlocking
 * tells them apart, so a delete never goes ahead over a locked secret. */
static void
on_clear_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LookupData *lookup = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    return_mapped_error (task, error, "clear");
  else
    secret_password_searchv (lookup->schema, lookup->attributes, SECRET_SEARCH_ALL,
                             cancellable, on_clear_search_cb, g_steal_pointer (&task));
}

/* Removes every item matching; nothing to remove is a success too. */
void
lia_keyring_clear (const SecretSchema  *schema,
                   GHashTable          *attributes,
                   gpointer             source_object,
                   gpointer             source_tag,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task = new_task (source_object, source_tag, cancellable, callback, user_data);
  LookupData *lookup = g_new0 (LookupData, 1);

  lookup->schema = schema;
  lookup->attributes = g_hash_table_ref (attributes);
  g_task_set_task_data (task, lookup, lookup_data_free);

  secret_password_clearv (schema, attributes, cancellable, on_clear_cb, task);
}

gboolean
lia_keyring_clear_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_search_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items = secret_password_search_finish (result, &error);
  GPtrArray *found;

  if (error != NULL)
    {
      return_mapped_error (task, error, "search");
      return;
    }

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (GList *l = items; l != NULL; l = l->next)
    g_ptr_array_add (found, secret_retrievable_get_attributes (l->data));
  g_list_free_full (items, g_object_unref);

  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

/* Lists the attributes of matching items, locked ones included, without
 * unlocking anything or reading a secret. */
void
lia_keyring_search (const SecretSchema  *schema,
                    GHashTable          *attributes,
                    gpointer             source_object,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task = new_task (source_object, source_tag, cancellable, callback, user_data);

  secret_password_searchv (schema, attributes, SECRET_SEARCH_ALL, cancellable,
                           on_search_cb, task);
}

/* Returns a GPtrArray of GHashTable (attribute name → value). */
GPtrArray *
lia_keyring_search_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
