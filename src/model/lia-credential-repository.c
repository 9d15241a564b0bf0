/* lia-credential-repository.c — credentials of accounts: metadata in the
 * book, secrets in the keyring, kept in step
 *
 * Every change that touches both does the keyring first and the book
 * second, so the failure people will meet (no keyring, a locked one)
 * leaves the book as it was: adding stores the secret before the row,
 * deleting clears it before removing the row. What can still go wrong
 * the other way round is rarer and visible: a row whose secret is gone
 * is marked "missing from keyring" by a check, and a secret whose row is
 * gone is an orphan the preferences list and remove — when this book can
 * explain it. Copies of a book share its keyring id, and another program
 * stores a secret before its row: an item this book's trail never saw,
 * filed under one of its accounts, may be theirs, and is only counted.
 *
 * Keyring failures go to the book's LiaVault as well, so the banner says
 * what the keyring's state is whichever call found out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-credential-repository"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "lia-account-repository.h"
#include "lia-book-private.h"
#include "lia-credential-private.h"
#include "lia-credential-repository.h"
#include "lia-enum-types.h"
#include "lia-keyring-store.h"
#include "lia-vault.h"

#define MAX_LABEL_CHARS      200
#define MAX_USERNAME_CHARS   200
#define MAX_URL_CHARS        2000
#define MAX_NOTES_CHARS      2000
#define MAX_ROTATION_DAYS    3650
/* Ids stay below 2^53: exactly representable as doubles, so a keyring
 * browser or a script reading the attributes as JSON numbers sees the
 * same id the book has. */
#define ID_LIMIT             (G_GINT64_CONSTANT (1) << 53)
#define MAX_ID_ATTEMPTS      16

struct _LiaCredentialRepository
{
  GObject     parent_instance;
  LiaBook    *book;            /* unowned: the book owns us; NULL once it is gone */
  GHashTable *secret_states;   /* credential id → LiaSecretState, as last seen */
  GHashTable *adding;          /* ids whose secret is stored and row not yet written */
};

G_DEFINE_FINAL_TYPE (LiaCredentialRepository, lia_credential_repository, G_TYPE_OBJECT)

enum {
  CREDENTIAL_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
on_book_gone_cb (gpointer  user_data,
                 GObject  *where_the_book_was)
{
  LiaCredentialRepository *self = user_data;

  self->book = NULL;
}

static void
lia_credential_repository_dispose (GObject *object)
{
  LiaCredentialRepository *self = (LiaCredentialRepository *)object;

  if (self->book != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->book), on_book_gone_cb, self);
      self->book = NULL;
    }

  G_OBJECT_CLASS (lia_credential_repository_parent_class)->dispose (object);
}

static void
lia_credential_repository_finalize (GObject *object)
{
  LiaCredentialRepository *self = (LiaCredentialRepository *)object;

  g_hash_table_unref (self->secret_states);
  g_hash_table_unref (self->adding);

  G_OBJECT_CLASS (lia_credential_repository_parent_class)->finalize (object);
}

static void
lia_credential_repository_class_init (LiaCredentialRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_credential_repository_dispose;
  object_class->finalize = lia_credential_repository_finalize;

  signals[CREDENTIAL_CHANGED] =
    g_signal_new ("credential-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
lia_credential_repository_init (LiaCredentialRepository *self)
{
  self->secret_states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->adding = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

LiaCredentialRepository *
lia_credential_repository_new (LiaBook *book)
{
  LiaCredentialRepository *self;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  self = g_object_new (LIA_TYPE_CREDENTIAL_REPOSITORY, NULL);
  self->book = book;
  g_object_weak_ref (G_OBJECT (book), on_book_gone_cb, self);
  return self;
}

static LiaDatabase *
db_of (LiaCredentialRepository *self)
{
  return lia_book_get_database (self->book);
}

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, message);
  return FALSE;
}

static void
emit_changed (LiaCredentialRepository *self,
              gint64                   credential_id,
              gint64                   account_id)
{
  /* Listeners hear of a write once it is in the file. */
  if (self->book == NULL || !lia_database_in_transaction (db_of (self)))
    g_signal_emit (self, signals[CREDENTIAL_CHANGED], 0, credential_id, account_id);
}

static LiaSecretState
known_state (LiaCredentialRepository *self,
             gint64                   credential_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->secret_states, &credential_id));
}

static gboolean
note_state (LiaCredentialRepository *self,
            gint64                   credential_id,
            LiaSecretState           state)
{
  if (known_state (self, credential_id) == state)
    return FALSE;

  g_hash_table_insert (self->secret_states, id_key (credential_id), GINT_TO_POINTER (state));
  return TRUE;
}

/* Remembers what the keyring said of a secret; tells listeners when
 * that is news. */
static void
remember_state (LiaCredentialRepository *self,
                gint64                   credential_id,
                gint64                   account_id,
                LiaSecretState           state)
{
  if (note_state (self, credential_id, state))
    emit_changed (self, credential_id, account_id);
}

/* A keyring failure is news for the banner too; a missing secret is not. */
static void
report (LiaCredentialRepository *self,
        const GError            *error)
{
  if (self->book != NULL)
    lia_vault_report_error (lia_book_get_vault (self->book), error);
}

static gboolean
require_book (LiaCredentialRepository  *self,
              GError                  **error)
{
  if (self->book != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The book is closed."));
  return FALSE;
}

/* Checked before the keyring is asked: a book that cannot record what
 * happened must not change the keyring either. */
static gboolean
require_writable (LiaCredentialRepository  *self,
                  GError                  **error)
{
  if (!require_book (self, error))
    return FALSE;
  if (!lia_book_is_read_only (self->book))
    return TRUE;
  g_set_error (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_READ_ONLY,
               _("The database “%s” is read-only; changes cannot be saved"),
               lia_book_get_path (self->book));
  return FALSE;
}

static LiaCredentialVault *
require_vault (LiaCredentialRepository  *self,
               GError                  **error)
{
  LiaCredentialVault *vault = lia_vault_get_credentials (lia_book_get_vault (self->book));

  if (vault == NULL)
    g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_FAILED,
                         _("This book has no place in the keyring yet."));
  return vault;
}

static void
collect_credential (LiaRow   *row,
                    gpointer  user_data)
{
  g_autoptr(LiaCredential) credential = lia_credential_new_from_row (row);

  g_list_store_append (user_data, credential);
}

/* Stamps each listed credential with what the keyring last said. */
static void
apply_states (LiaCredentialRepository *self,
              GListStore              *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaCredential) credential = g_list_model_get_item (G_LIST_MODEL (store), i);

      lia_credential_set_secret_state (credential,
                                       known_state (self, lia_credential_get_id (credential)));
    }
}

static void
take_first (LiaRow   *row,
            gpointer  user_data)
{
  LiaCredential **slot = user_data;

  *slot = lia_credential_new_from_row (row);
}

LiaCredential *
lia_credential_repository_lookup (LiaCredentialRepository  *self,
                                  gint64                    credential_id,
                                  GError                  **error)
{
  LiaCredential *credential = NULL;

  g_return_val_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self), NULL);

  if (!require_book (self, error) ||
      !lia_credential_store_get (db_of (self), credential_id, take_first, &credential, error))
    return NULL;

  lia_credential_set_secret_state (credential, known_state (self, credential_id));
  return credential;
}

GListModel *
lia_credential_repository_list_for_account (LiaCredentialRepository  *self,
                                            gint64                    account_id,
                                            GError                  **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LIA_TYPE_CREDENTIAL);

  g_return_val_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self), NULL);

  if (!require_book (self, error) ||
      !lia_credential_store_for_account (db_of (self), account_id, collect_credential, store, error))
    return NULL;

  apply_states (self, store);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
lia_credential_repository_list_all (LiaCredentialRepository  *self,
                                    GError                  **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LIA_TYPE_CREDENTIAL);

  g_return_val_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self), NULL);

  if (!require_book (self, error) ||
      !lia_credential_store_all (db_of (self), collect_credential, store, error))
    return NULL;

  apply_states (self, store);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

guint
lia_credential_repository_count_for_account (LiaCredentialRepository *self,
                                             gint64                   account_id)
{
  g_autoptr(GError) error = NULL;
  gint64 count;

  g_return_val_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self), 0);

  if (self->book == NULL)
    return 0;
  count = lia_credential_store_count_for_account (db_of (self), account_id, &error);
  if (count < 0)
    {
      g_warning ("Cannot count the credentials of account %" G_GINT64_FORMAT ": %s",
                 account_id, error->message);
      return 0;
    }
  return (guint)count;
}

GListModel *
lia_credential_repository_list_rotation_due (LiaCredentialRepository  *self,
                                             GError                  **error)
{
  g_autoptr(GListStore) store = g_list_store_new (LIA_TYPE_CREDENTIAL);

  g_return_val_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self), NULL);

  if (!require_book (self, error) ||
      !lia_credential_store_rotation_due (db_of (self), lia_book_now (self->book),
                                          collect_credential, store, error))
    return NULL;

  apply_states (self, store);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Checks @credential's metadata and trims its one-line texts in place. */
static gboolean
validate (LiaCredentialRepository  *self,
          LiaCredential            *credential,
          GError                  **error)
{
  g_autofree char *label = g_strstrip (g_strdup (lia_credential_get_label (credential)));
  g_autofree char *username = g_strstrip (g_strdup (lia_credential_get_username (credential)));
  g_autofree char *url = g_strstrip (g_strdup (lia_credential_get_url (credential)));
  const char *notes = lia_credential_get_notes (credential);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (LIA_TYPE_CREDENTIAL_KIND);

  if (*label == '\0')
    return invalid (error, _("A credential needs a label"));
  if (g_utf8_strlen (label, -1) > MAX_LABEL_CHARS)
    return invalid (error, _("The label is longer than 200 characters"));
  if (g_utf8_strlen (username, -1) > MAX_USERNAME_CHARS)
    return invalid (error, _("The username is longer than 200 characters"));
  if (g_utf8_strlen (url, -1) > MAX_URL_CHARS)
    return invalid (error, _("The URL is longer than 2,000 characters"));
  if (g_utf8_strlen (notes, -1) > MAX_NOTES_CHARS)
    return invalid (error, _("The notes are longer than 2,000 characters"));
  if (lia_credential_get_rotation_days (credential) > MAX_ROTATION_DAYS)
    return invalid (error, _("The rotation period is between 0 (none) and 3,650 days"));
  if (!g_enum_get_value (kinds, lia_credential_get_kind (credential)))
    return invalid (error, _("Unknown kind of credential"));

  lia_credential_set_label (credential, label);
  lia_credential_set_username (credential, username);
  lia_credential_set_url (credential, url);
  return TRUE;
}

static gboolean
validate_secret (const char  *secret,
                 GError     **error)
{
  if (secret == NULL || *secret == '\0')
    return invalid (error, _("A credential needs a secret"));
  if (!g_utf8_validate (secret, -1, NULL))
    return invalid (error, _("The secret is not valid text"));
  return TRUE;
}

static void
fill_values (LiaCredential       *credential,
             gint64               now,
             LiaCredentialValues *v)
{
  v->id = lia_credential_get_id (credential);
  v->account_id = lia_credential_get_account_id (credential);
  v->label = lia_credential_get_label (credential);
  v->kind = lia_enum_to_nick (LIA_TYPE_CREDENTIAL_KIND, lia_credential_get_kind (credential));
  v->username = lia_credential_get_username (credential);
  v->url = lia_credential_get_url (credential);
  v->notes = lia_credential_get_notes (credential);
  v->rotation_days = lia_credential_get_rotation_days (credential);
  v->updated_at = now;
}

static gboolean
audit (LiaCredentialRepository  *self,
       LiaCredential            *credential,
       const char               *what,
       GError                  **error)
{
  return lia_book_audit (self->book, lia_credential_get_account_id (credential), "credential",
                         lia_credential_get_id (credential), what, NULL,
                         lia_credential_get_label (credential), error);
}

/* Label, kind, username, URL, notes and period. */
gboolean
lia_credential_repository_update (LiaCredentialRepository  *self,
                                  LiaCredential            *credential,
                                  GError                  **error)
{
  g_autoptr(LiaCredential) stored = NULL;
  LiaCredentialValues values = { 0, };
  gint64 now;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self), FALSE);
  g_return_val_if_fail (LIA_IS_CREDENTIAL (credential), FALSE);

  if (!validate (self, credential, error) ||
      !(stored = lia_credential_repository_lookup (self, lia_credential_get_id (credential), error)))
    return FALSE;

  now = lia_book_now (self->book);
  fill_values (credential, now, &values);
  /* A credential keeps its account (its keyring item is filed under it). */
  values.account_id = lia_credential_get_account_id (stored);

  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_credential_store_update (db_of (self), &values, error) &&
       audit (self, credential, "edited", error);
  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_credential_set_times (credential, lia_credential_get_created_at (stored), now,
                            lia_credential_get_rotated_at (stored));
  emit_changed (self, values.id, values.account_id);
  return TRUE;
}

/* ---- add ---- */

typedef struct
{
  LiaCredential      *credential;
  LiaCredentialVault *vault;
  gint64              id;
  GError             *error;     /* why the row was not written, while the secret is cleared */
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->credential);
  g_clear_object (&data->vault);
  g_clear_error (&data->error);
  g_free (data);
}

/* The id is chosen here, before anything is written, because the secret
 * must be in the keyring before the row is in the book: then a keyring
 * that is missing or locked leaves nothing in the book. The book cannot
 * hand out its next row id for a row it does not insert yet, so the id
 * is random, checked unused. Random ids also never meet an orphaned
 * secret left under a deleted row's id, as reused small ids would. */
static gboolean
choose_id (LiaCredentialRepository  *self,
           gint64                   *out_id,
           GError                  **error)
{
  for (guint attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++)
    {
      guint64 bits = (guint64)g_random_int () << 32 | g_random_int ();
      gint64 id = (gint64)(bits % ID_LIMIT);
      gboolean exists = TRUE;

      if (id <= 0 || g_hash_table_contains (self->adding, &id))
        continue;
      if (!lia_credential_store_exists (db_of (self), id, &exists, error))
        return FALSE;
      if (!exists)
        {
          *out_id = id;
          return TRUE;
        }
    }

  g_set_error_literal (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_FAILED,
                       _("Could not find a free credential id"));
  return FALSE;
}

static gboolean
prepare_add (LiaCredentialRepository  *self,
             LiaCredential            *credential,
             const char               *secret,
             AddData                  *data,
             GError                  **error)
{
  g_autoptr(LiaAccount) account = NULL;
  LiaCredentialVault *vault;

  if (!require_writable (self, error) ||
      !validate (self, credential, error) ||
      !validate_secret (secret, error))
    return FALSE;
  if (lia_credential_get_id (credential) != 0)
    return invalid (error, _("This credential is already stored"));
  if (!(account = lia_account_repository_lookup (lia_book_get_accounts (self->book),
                                                 lia_credential_get_account_id (credential),
                                                 error)))
    return FALSE;
  if (!(vault = require_vault (self, error)) || !choose_id (self, &data->id, error))
    return FALSE;

  data->vault = g_object_ref (vault);
  data->credential = g_object_ref (credential);
  return TRUE;
}

static gboolean
insert_row (LiaCredentialRepository  *self,
            AddData                  *data,
            GError                  **error)
{
  LiaCredentialValues values = { 0, };
  gint64 now;
  gboolean ok;

  if (!require_book (self, error))
    return FALSE;

  now = lia_book_now (self->book);
  fill_values (data->credential, now, &values);
  values.id = data->id;

  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_credential_store_insert (db_of (self), &values, now, error);
  if (ok)
    {
      lia_credential_set_id (data->credential, data->id);
      ok = audit (self, data->credential, "added", error);
    }
  if (!lia_book_finish (self->book, ok, error))
    {
      lia_credential_set_id (data->credential, 0);
      return FALSE;
    }

  lia_credential_set_times (data->credential, now, now, 0);
  return TRUE;
}

static void
on_add_undone_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  AddData *data = g_task_get_task_data (task);

  if (!lia_credential_vault_clear_finish (LIA_CREDENTIAL_VAULT (source), result, &error))
    g_warning ("Credential %" G_GINT64_FORMAT " was not added, but its secret stays in the "
               "keyring as an orphan: %s", data->id, error->message);
  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
on_add_stored_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  gint64 account_id = lia_credential_get_account_id (data->credential);

  if (!lia_credential_vault_store_finish (data->vault, result, &error))
    {
      g_hash_table_remove (self->adding, &data->id);
      report (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!insert_row (self, data, &data->error))
    {
      /* Not cancellable: a secret without its row must not stay. */
      g_hash_table_remove (self->adding, &data->id);
      lia_credential_vault_clear (data->vault, data->id, NULL, on_add_undone_cb,
                                  g_steal_pointer (&task));
      return;
    }

  g_hash_table_remove (self->adding, &data->id);
  lia_credential_set_secret_state (data->credential, LIA_SECRET_STATE_PRESENT);
  note_state (self, data->id, LIA_SECRET_STATE_PRESENT);
  emit_changed (self, data->id, account_id);
  g_task_return_boolean (task, TRUE);
}

void
lia_credential_repository_add (LiaCredentialRepository *self,
                               LiaCredential           *credential,
                               const char              *secret,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AddData *data;

  g_return_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self));
  g_return_if_fail (LIA_IS_CREDENTIAL (credential));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_credential_repository_add);
  data = g_new0 (AddData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  if (!prepare_add (self, credential, secret, data, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_hash_table_add (self->adding, id_key (data->id));
  lia_credential_vault_store (data->vault, data->id, lia_credential_get_account_id (credential),
                              secret, cancellable, on_add_stored_cb, g_steal_pointer (&task));
}

gboolean
lia_credential_repository_add_finish (LiaCredentialRepository  *self,
                                      GAsyncResult             *result,
                                      GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- one stored credential: rotate, reveal, delete ---- */

typedef struct
{
  LiaCredential      *credential;
  LiaCredentialVault *vault;
  LiaSecretUse        use;
} OneData;

static void
one_data_free (OneData *data)
{
  g_clear_object (&data->credential);
  g_clear_object (&data->vault);
  g_free (data);
}

/* A task whose data names a stored credential, or NULL having returned
 * the error: unknown id, read-only book, no keyring place. */
static GTask *
start_one (LiaCredentialRepository *self,
           gint64                   credential_id,
           gpointer                 source_tag,
           GCancellable            *cancellable,
           GAsyncReadyCallback      callback,
           gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  OneData *data = g_new0 (OneData, 1);
  LiaCredentialVault *vault;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) one_data_free);

  if (!(data->credential = lia_credential_repository_lookup (self, credential_id, &error)) ||
      !require_writable (self, &error) ||
      !(vault = require_vault (self, &error)))
    {
      g_task_return_error (task, error);
      return NULL;
    }

  data->vault = g_object_ref (vault);
  return g_steal_pointer (&task);
}

/* The book's part of a keyring change that happened: one row written
 * with its audit line, in one transaction. */
typedef gboolean (*RowWriteFunc) (LiaCredentialRepository  *self,
                                  LiaCredential            *credential,
                                  GError                  **error);

static gboolean
write_row (LiaCredentialRepository  *self,
           LiaCredential            *credential,
           RowWriteFunc              write,
           GError                  **error)
{
  gboolean ok;

  if (!require_book (self, error) || !lia_book_begin (self->book, error))
    return FALSE;
  ok = write (self, credential, error);
  return lia_book_finish (self->book, ok, error);
}

static gboolean
write_rotated (LiaCredentialRepository  *self,
               LiaCredential            *credential,
               GError                  **error)
{
  gint64 now = lia_book_now (self->book);

  if (!lia_credential_store_set_rotated (db_of (self), lia_credential_get_id (credential), now, error) ||
      !audit (self, credential, "rotated", error))
    return FALSE;

  lia_credential_set_times (credential, lia_credential_get_created_at (credential), now, now);
  return TRUE;
}

static void
on_rotate_stored_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  OneData *data = g_task_get_task_data (task);
  gint64 id = lia_credential_get_id (data->credential);
  gint64 account_id = lia_credential_get_account_id (data->credential);

  if (!lia_credential_vault_store_finish (data->vault, result, &error))
    {
      report (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The new secret is in; a book that fails to record the date keeps
   * the old one, which only makes the rotation look due sooner. */
  if (!write_row (self, data->credential, write_rotated, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  note_state (self, id, LIA_SECRET_STATE_PRESENT);
  emit_changed (self, id, account_id);
  g_task_return_boolean (task, TRUE);
}

void
lia_credential_repository_rotate (LiaCredentialRepository *self,
                                  gint64                   credential_id,
                                  const char              *secret,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  GError *error = NULL;
  OneData *data;
  GTask *task;

  g_return_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self));

  if (!validate_secret (secret, &error))
    {
      g_task_report_error (self, callback, user_data, lia_credential_repository_rotate, error);
      return;
    }
  if (!(task = start_one (self, credential_id, lia_credential_repository_rotate,
                          cancellable, callback, user_data)))
    return;

  data = g_task_get_task_data (task);
  lia_credential_vault_store (data->vault, credential_id,
                              lia_credential_get_account_id (data->credential), secret,
                              cancellable, on_rotate_stored_cb, task);
}

gboolean
lia_credential_repository_rotate_finish (LiaCredentialRepository  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
write_revealed (LiaCredentialRepository  *self,
                LiaCredential            *credential,
                GError                  **error)
{
  return audit (self, credential, "revealed", error);
}

static gboolean
write_copied (LiaCredentialRepository  *self,
              LiaCredential            *credential,
              GError                  **error)
{
  return audit (self, credential, "copied", error);
}

static void
on_reveal_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  OneData *data = g_task_get_task_data (task);
  gint64 id = lia_credential_get_id (data->credential);
  gint64 account_id = lia_credential_get_account_id (data->credential);
  char *secret = lia_credential_vault_lookup_finish (data->vault, result, &error);

  if (secret == NULL)
    {
      if (g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND))
        remember_state (self, id, account_id, LIA_SECRET_STATE_MISSING);
      else
        report (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* No secret leaves without its audit line. */
  if (!write_row (self, data->credential,
                  data->use == LIA_SECRET_USE_COPY ? write_copied : write_revealed, &error))
    {
      secret_password_free (secret);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Quietly: a listener redrawing the row now would hide the secret
   * it is about to show. */
  note_state (self, id, LIA_SECRET_STATE_PRESENT);
  g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

void
lia_credential_repository_reveal (LiaCredentialRepository *self,
                                  gint64                   credential_id,
                                  LiaSecretUse             use,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  OneData *data;
  GTask *task;

  g_return_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self));

  /* Writable: a reveal the book cannot audit does not happen. */
  if (!(task = start_one (self, credential_id, lia_credential_repository_reveal,
                          cancellable, callback, user_data)))
    return;

  data = g_task_get_task_data (task);
  data->use = use;
  lia_credential_vault_lookup (data->vault, credential_id, cancellable, on_reveal_cb, task);
}

char *
lia_credential_repository_reveal_finish (LiaCredentialRepository  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
write_deleted (LiaCredentialRepository  *self,
               LiaCredential            *credential,
               GError                  **error)
{
  return lia_credential_store_delete (db_of (self), lia_credential_get_id (credential), error) &&
         audit (self, credential, "deleted", error);
}

static void
on_delete_cleared_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  OneData *data = g_task_get_task_data (task);
  gint64 id = lia_credential_get_id (data->credential);

  /* A secret already gone is no failure; an unreachable keyring is, and
   * then nothing is deleted. */
  if (!lia_credential_vault_clear_finish (data->vault, result, &error))
    {
      report (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Should the book fail now, the row stays with its secret gone: the
   * next check shows it missing, and deleting again finishes the job. */
  if (!write_row (self, data->credential, write_deleted, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_hash_table_remove (self->secret_states, &id);
  emit_changed (self, id, lia_credential_get_account_id (data->credential));
  g_task_return_boolean (task, TRUE);
}

void
lia_credential_repository_delete (LiaCredentialRepository *self,
                                  gint64                   credential_id,
                                  GCancellable            *cancellable,
                                  GAsyncReadyCallback      callback,
                                  gpointer                 user_data)
{
  OneData *data;
  GTask *task;

  g_return_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self));

  if (!(task = start_one (self, credential_id, lia_credential_repository_delete,
                          cancellable, callback, user_data)))
    return;

  data = g_task_get_task_data (task);
  lia_credential_vault_clear (data->vault, credential_id, cancellable, on_delete_cleared_cb, task);
}

gboolean
lia_credential_repository_delete_finish (LiaCredentialRepository  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- every credential of an account ---- */

typedef struct
{
  gint64              account_id;
  LiaCredentialVault *vault;
  GListModel         *credentials;
  guint               n_done;     /* deleted, or checked: missing */
  guint               n_orphans;
  guint               n_unknown;  /* unowned, but not explained by this book: kept */
  GArray             *orphans;    /* gint64 ids, for remove_orphans */
} BatchData;

static void
batch_data_free (BatchData *data)
{
  g_clear_object (&data->vault);
  g_clear_object (&data->credentials);
  g_clear_pointer (&data->orphans, g_array_unref);
  g_free (data);
}

static BatchData *
new_batch (GTask *task)
{
  BatchData *data = g_new0 (BatchData, 1);

  g_task_set_task_data (task, data, (GDestroyNotify) batch_data_free);
  return data;
}

static gboolean
delete_rows (LiaCredentialRepository  *self,
             GListModel               *credentials,
             GError                  **error)
{
  guint n = g_list_model_get_n_items (credentials);
  gboolean ok = TRUE;

  if (!require_book (self, error) || !lia_book_begin (self->book, error))
    return FALSE;
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(LiaCredential) credential = g_list_model_get_item (credentials, i);

      ok = write_deleted (self, credential, error);
    }
  return lia_book_finish (self->book, ok, error);
}

static void
on_account_cleared_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  BatchData *data = g_task_get_task_data (task);
  guint n = g_list_model_get_n_items (data->credentials);

  if (!lia_credential_vault_clear_account_finish (data->vault, result, &error))
    {
      report (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!delete_rows (self, data->credentials, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaCredential) credential = g_list_model_get_item (data->credentials, i);
      gint64 id = lia_credential_get_id (credential);

      g_hash_table_remove (self->secret_states, &id);
      emit_changed (self, id, data->account_id);
    }
  data->n_done = n;
  g_task_return_boolean (task, TRUE);
}

void
lia_credential_repository_delete_for_account (LiaCredentialRepository *self,
                                              gint64                   account_id,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  LiaCredentialVault *vault;
  BatchData *data;

  g_return_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_credential_repository_delete_for_account);
  data = new_batch (task);
  data->account_id = account_id;

  if (!require_writable (self, &error) ||
      !(data->credentials = lia_credential_repository_list_for_account (self, account_id, &error)) ||
      !(vault = require_vault (self, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  data->vault = g_object_ref (vault);
  lia_credential_vault_clear_account (vault, account_id, cancellable, on_account_cleared_cb,
                                      g_steal_pointer (&task));
}

gboolean
lia_credential_repository_delete_for_account_finish (LiaCredentialRepository  *self,
                                                     GAsyncResult             *result,
                                                     guint                    *n_deleted,
                                                     GError                  **error)
{
  BatchData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_deleted != NULL)
    *n_deleted = data != NULL ? data->n_done : 0;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the keyring against the book: check, orphans ---- */

static void
collect_owner (LiaRow   *row,
               gpointer  user_data)
{
  GHashTable *owners = user_data;

  g_hash_table_insert (owners, id_key (lia_row_get_int64 (row, LIA_CREDENTIAL_COLUMN_ID)),
                       id_key (lia_row_get_int64 (row, LIA_CREDENTIAL_COLUMN_ACCOUNT_ID)));
}

static GHashTable *
book_owners (LiaCredentialRepository  *self,
             GError                  **error)
{
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!require_book (self, error) ||
      !lia_credential_store_all (db_of (self), collect_owner, owners, error))
    return NULL;
  return g_steal_pointer (&owners);
}

/* Compares one listing of the keyring with the rows: marks each row's
 * secret present or missing, and keeps the ids of items no row owns
 * (an add in flight is no orphan: its row comes next). */
static gboolean
compare (LiaCredentialRepository  *self,
         GArray                   *refs,
         BatchData                *data,
         GError                  **error)
{
  g_autoptr(GHashTable) owners = book_owners (self, error);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  if (owners == NULL)
    return FALSE;

  data->orphans = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->n_unknown = 0;
  for (guint i = 0; i < refs->len; i++)
    {
      LiaCredentialRef *ref = &g_array_index (refs, LiaCredentialRef, i);
      gboolean explained = FALSE;

      g_hash_table_add (listed, &ref->credential_id);
      if (g_hash_table_contains (owners, &ref->credential_id) ||
          g_hash_table_contains (self->adding, &ref->credential_id))
        continue;
      if (!lia_credential_store_explains (db_of (self), ref->credential_id, ref->account_id,
                                          &explained, error))
        return FALSE;
      if (explained)
        g_array_append_val (data->orphans, ref->credential_id);
      else
        data->n_unknown++;
    }

  g_hash_table_iter_init (&iter, owners);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean present = g_hash_table_contains (listed, key);

      if (!present)
        data->n_done++;
      remember_state (self, *(gint64 *)key, *(gint64 *)value,
                      present ? LIA_SECRET_STATE_PRESENT : LIA_SECRET_STATE_MISSING);
    }
  data->n_orphans = data->orphans->len;
  return TRUE;
}

static void
on_check_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refs = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  BatchData *data = g_task_get_task_data (task);

  if (!(refs = lia_credential_vault_list_finish (data->vault, result, &error)))
    {
      report (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!compare (self, refs, data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* One search of the book's items (locked ones too, no secret read). A
 * read-only book may run it: it writes nothing. */
static void
start_listing (LiaCredentialRepository *self,
               GTask                   *task,
               GAsyncReadyCallback      listed)
{
  GError *error = NULL;
  LiaCredentialVault *vault;
  BatchData *data = new_batch (task);

  if (!require_book (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  /* A read-only book never given a keyring id has nothing there (nor
   * rows: adding one gives the id first). */
  if (!(vault = lia_vault_get_credentials (lia_book_get_vault (self->book))))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  data->vault = g_object_ref (vault);
  lia_credential_vault_list (vault, g_task_get_cancellable (task), listed, task);
}

void
lia_credential_repository_check (LiaCredentialRepository *self,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  GTask *task;

  g_return_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_credential_repository_check);
  start_listing (self, task, on_check_listed_cb);
}

gboolean
lia_credential_repository_check_finish (LiaCredentialRepository  *self,
                                        GAsyncResult             *result,
                                        guint                    *n_missing,
                                        guint                    *n_orphans,
                                        GError                  **error)
{
  BatchData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_missing != NULL)
    *n_missing = data != NULL ? data->n_done : 0;
  if (n_orphans != NULL)
    *n_orphans = data != NULL ? data->n_orphans : 0;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void clear_next_orphan (GTask *task);

static void
on_orphan_cleared_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  BatchData *data = g_task_get_task_data (task);

  if (!lia_credential_vault_clear_finish (data->vault, result, &error))
    {
      report (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->n_done++;
  clear_next_orphan (g_steal_pointer (&task));
}

/* One at a time, each orphan looked up in the book again just before it
 * goes: a row another program added since the listing keeps its secret. */
static void
clear_next_orphan (GTask *task)
{
  g_autoptr(GError) error = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  BatchData *data = g_task_get_task_data (task);

  while (data->orphans->len > 0)
    {
      gint64 id = g_array_index (data->orphans, gint64, data->orphans->len - 1);
      gboolean exists = TRUE;

      g_array_set_size (data->orphans, data->orphans->len - 1);
      if (!require_book (self, &error) ||
          !lia_credential_store_exists (db_of (self), id, &exists, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      if (!exists && !g_hash_table_contains (self->adding, &id))
        {
          lia_credential_vault_clear (data->vault, id, g_task_get_cancellable (task),
                                      on_orphan_cleared_cb, task);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
on_orphans_listed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refs = NULL;
  LiaCredentialRepository *self = g_task_get_source_object (task);
  BatchData *data = g_task_get_task_data (task);

  if (!(refs = lia_credential_vault_list_finish (data->vault, result, &error)))
    {
      report (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!compare (self, refs, data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->n_done = 0;
  clear_next_orphan (g_steal_pointer (&task));
}

void
lia_credential_repository_remove_orphans (LiaCredentialRepository *self,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data)
{
  GTask *task;

  g_return_if_fail (LIA_IS_CREDENTIAL_REPOSITORY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_credential_repository_remove_orphans);
  start_listing (self, task, on_orphans_listed_cb);
}

gboolean
lia_credential_repository_remove_orphans_finish (LiaCredentialRepository  *self,
                                                 GAsyncResult             *result,
                                                 guint                    *n_removed,
                                                 GError                  **error)
{
  BatchData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_removed != NULL)
    *n_removed = data != NULL ? data->n_done : 0;
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
lia_credential_repository_check_finish_full (LiaCredentialRepository  *self,
                                             GAsyncResult             *result,
                                             guint                    *n_missing,
                                             guint                    *n_orphans,
                                             guint                    *n_unknown,
                                             GError                  **error)
{
  BatchData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_unknown != NULL)
    *n_unknown = data != NULL ? data->n_unknown : 0;
  return lia_credential_repository_check_finish (self, result, n_missing, n_orphans, error);
}

gboolean
lia_credential_repository_remove_orphans_finish_full (LiaCredentialRepository  *self,
                                                      GAsyncResult             *result,
                                                      guint                    *n_removed,
                                                      guint                    *n_unknown,
                                                      GError                  **error)
{
  BatchData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_unknown != NULL)
    *n_unknown = data != NULL ? data->n_unknown : 0;
  return lia_credential_repository_remove_orphans_finish (self, result, n_removed, error);
}
