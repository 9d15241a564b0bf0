/* lia-field-repository.c — classified fields of accounts and contacts:
 * plain or sealed by their level, masked until revealed, audited
 *
 * A confidential value is sealed by the book's LiaCipher with
 * "field_values" as the table and "<entity>:<field>" as the column, and
 * the account's or contact's id as the row, so a ciphertext copied to
 * another row or field fails to open. (The cipher refuses "." in a
 * column name: it separates table and column in the associated data.)
 * Public and internal values are stored in clear.
 *
 * Plain text of a confidential value lives only in buffers wiped with
 * lia_secrets_text_free(); it never reaches the trail, a log or an
 * error message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-field-repository"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-book-private.h"
#include "lia-cipher.h"
#include "lia-enum-types.h"
#include "lia-field-private.h"
#include "lia-field-repository.h"
#include "lia-field-store.h"
#include "lia-vault-private.h"

#define SEAL_TABLE        "field_values"
#define MAX_NOTES_CHARS   2000
#define MAX_FIELD_CHARS   200

struct _LiaFieldRepository
{
  GObject  parent_instance;
  LiaBook *book;   /* unowned: the book owns us */
};

G_DEFINE_FINAL_TYPE (LiaFieldRepository, lia_field_repository, G_TYPE_OBJECT)

enum {
  VALUE_CHANGED,
  CLASSES_CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
lia_field_repository_class_init (LiaFieldRepositoryClass *klass)
{
  signals[VALUE_CHANGED] =
    g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, LIA_TYPE_FIELD_ENTITY, G_TYPE_INT64);
  signals[CLASSES_CHANGED] =
    g_signal_new ("classes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lia_field_repository_init (LiaFieldRepository *self)
{
}

LiaFieldRepository *
lia_field_repository_new (LiaBook *book)
{
  LiaFieldRepository *self = g_object_new (LIA_TYPE_FIELD_REPOSITORY, NULL);

  self->book = book;
  return self;
}

static LiaDatabase *
db_of (LiaFieldRepository *self)
{
  return lia_book_get_database (self->book);
}

static const char *
entity_nick (LiaFieldEntity entity)
{
  return lia_enum_to_nick (LIA_TYPE_FIELD_ENTITY, entity);
}

/* An unknown level (a newer book's) is treated as the strictest. */
static LiaFieldLevel
level_from_nick (const char *nick)
{
  int level;

  if (!lia_enum_from_nick (LIA_TYPE_FIELD_LEVEL, nick, &level))
    return LIA_FIELD_LEVEL_CONFIDENTIAL;
  return level;
}

/* One class with the value a row has for it, as stored. */
typedef struct
{
  char          *field;
  LiaFieldLevel  level;
  gint64         row_id;
  char          *plain;     /* wiped on clear: it may have been opened */
  GBytes        *sealed;
} Stored;

static void
stored_clear (Stored *stored)
{
  g_clear_pointer (&stored->field, g_free);
  g_clear_pointer (&stored->plain, lia_secrets_text_free);
  g_clear_pointer (&stored->sealed, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stored, stored_clear)

static void
stored_free (gpointer data)
{
  stored_clear (data);
  g_free (data);
}

static gboolean
stored_has_value (const Stored *stored)
{
  return stored->plain != NULL || stored->sealed != NULL;
}

static void
read_stored (LiaRow *row,
             Stored *stored)
{
  stored->field = g_strdup (lia_row_get_string (row, LIA_FIELD_VALUE_COLUMN_FIELD));
  stored->level = level_from_nick (lia_row_get_string (row, LIA_FIELD_VALUE_COLUMN_LEVEL));
  stored->row_id = lia_row_get_int64 (row, LIA_FIELD_VALUE_COLUMN_ROW_ID);
  if (!lia_row_is_null (row, LIA_FIELD_VALUE_COLUMN_PLAIN))
    stored->plain = g_strdup (lia_row_get_string (row, LIA_FIELD_VALUE_COLUMN_PLAIN));
  stored->sealed = lia_field_store_row_dup_blob (row, LIA_FIELD_VALUE_COLUMN_SEALED);
}

static void
read_stored_cb (LiaRow   *row,
                gpointer  user_data)
{
  read_stored (row, user_data);
}

static void
collect_stored_cb (LiaRow   *row,
                   gpointer  user_data)
{
  Stored *stored = g_new0 (Stored, 1);

  read_stored (row, stored);
  g_ptr_array_add (user_data, stored);
}

/* @field's class with @row_id's value; a field the book does not
 * classify is LIA_DATABASE_ERROR_NOT_FOUND. Row 0 reads the class alone. */
static gboolean
get_stored (LiaFieldRepository  *self,
            LiaFieldEntity       entity,
            gint64               row_id,
            const char          *field,
            Stored              *stored,
            GError             **error)
{
  return lia_field_store_value (db_of (self), entity_nick (entity), row_id, field,
                                read_stored_cb, stored, error);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, message);
  return FALSE;
}

/* The associated data's column: the cipher takes "." as its separator. */
static char *
seal_column (LiaFieldEntity  entity,
             const char     *field)
{
  return g_strdup_printf ("%s:%s", entity_nick (entity), field);
}

static LiaCipher *
require_cipher (LiaFieldRepository  *self,
                GError             **error)
{
  LiaVault *vault = lia_book_get_vault (self->book);
  LiaCipher *cipher = lia_vault_get_cipher (vault);
  const char *why;

  if (cipher != NULL)
    return lia_vault_key_is_current (vault, error) ? cipher : NULL;

  why = lia_vault_get_message (vault);
  g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED,
                       why ? why : _("Confidential fields are locked until the keyring "
                                     "holding this book’s key is open."));
  return NULL;
}

GBytes *
lia_field_repository_seal (LiaFieldRepository  *self,
                           LiaFieldEntity       entity,
                           gint64               row_id,
                           const char          *field,
                           const char          *text,
                           GError             **error)
{
  g_autofree char *column = NULL;
  LiaCipher *cipher;

  /* The cipher would refuse the name without saying why. */
  if (strpbrk (field, ".#") != NULL)
    {
      invalid (error, _("A field’s name cannot hold “.” or “#”"));
      return NULL;
    }
  if (!(cipher = require_cipher (self, error)))
    return NULL;

  column = seal_column (entity, field);
  return lia_cipher_encrypt_text (cipher, SEAL_TABLE, column, row_id, text, error);
}

/* Text in clear under a confidential class was not written by Liaison
 * (the schema refuses it): shown, it would pass for the genuine value. */
static gboolean
is_planted (const Stored *stored)
{
  return stored->level == LIA_FIELD_LEVEL_CONFIDENTIAL && stored->plain != NULL;
}

static gboolean
planted (GError **error)
{
  /* The cipher's own words for a value that fails its check. */
  g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_TAMPERED,
                       _("A confidential value failed its integrity check: it was "
                         "changed or moved outside Liaison, so it is not shown."));
  return FALSE;
}

/* The stored value in clear (NULL and no error when unset); free it
 * with lia_secrets_text_free(). */
static char *
open_stored (LiaFieldRepository  *self,
             LiaFieldEntity       entity,
             const Stored        *stored,
             GError             **error)
{
  g_autofree char *column = NULL;
  LiaCipher *cipher;

  if (is_planted (stored))
    {
      planted (error);
      return NULL;
    }
  if (stored->plain != NULL)
    return g_strdup (stored->plain);
  if (stored->sealed == NULL)
    return NULL;

  if (strpbrk (stored->field, ".#") != NULL)
    {
      invalid (error, _("A field’s name cannot hold “.” or “#”"));
      return NULL;
    }
  if (!(cipher = require_cipher (self, error)))
    return NULL;
  column = seal_column (entity, stored->field);
  return lia_cipher_decrypt_text (cipher, SEAL_TABLE, column, stored->row_id, stored->sealed, error);
}

/* Commits, then tells listeners once the change is in the file. */
static gboolean
finish (LiaFieldRepository  *self,
        gboolean             ok,
        LiaFieldEntity       entity,
        gint64               row_id,
        GError             **error)
{
  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  if (!lia_database_in_transaction (db_of (self)))
    {
      if (row_id > 0)
        g_signal_emit (self, signals[VALUE_CHANGED], 0, entity, row_id);
      else
        g_signal_emit (self, signals[CLASSES_CHANGED], 0);
    }
  return TRUE;
}

typedef struct
{
  LiaFieldEntity  entity;
  GListStore     *store;
} ClassCollect;

static void
collect_class_cb (LiaRow   *row,
                  gpointer  user_data)
{
  ClassCollect *collect = user_data;
  g_autoptr(LiaFieldClass) item = NULL;

  item = g_object_new (LIA_TYPE_FIELD_CLASS,
                       "entity", collect->entity,
                       "field", lia_row_get_string (row, LIA_FIELD_CLASS_COLUMN_FIELD),
                       "level", level_from_nick (lia_row_get_string (row, LIA_FIELD_CLASS_COLUMN_LEVEL)),
                       NULL);
  g_list_store_append (collect->store, item);
}

GListModel *
lia_field_repository_list_classes (LiaFieldRepository *self,
                                   LiaFieldEntity      entity)
{
  g_autoptr(GError) error = NULL;
  ClassCollect collect = { entity, NULL };

  g_return_val_if_fail (LIA_IS_FIELD_REPOSITORY (self), NULL);

  collect.store = g_list_store_new (LIA_TYPE_FIELD_CLASS);
  /* No GError in the contract: a failed read shows no fields, and says
   * why in the log (an SQLite message, never a value). */
  if (!lia_field_store_classes (db_of (self), entity_nick (entity), collect_class_cb, &collect, &error))
    {
      g_warning ("Cannot read the field classes: %s", error->message);
      g_list_store_remove_all (collect.store);
    }

  return G_LIST_MODEL (collect.store);
}

LiaFieldLevel
lia_field_repository_get_level (LiaFieldRepository *self,
                                LiaFieldEntity      entity,
                                const char         *field)
{
  g_auto(Stored) stored = { 0 };

  g_return_val_if_fail (LIA_IS_FIELD_REPOSITORY (self), LIA_FIELD_LEVEL_CONFIDENTIAL);

  if (!get_stored (self, entity, 0, field, &stored, NULL))
    return LIA_FIELD_LEVEL_CONFIDENTIAL;
  return stored.level;
}

GListModel *
lia_field_repository_list_values (LiaFieldRepository  *self,
                                  LiaFieldEntity       entity,
                                  gint64               row_id,
                                  GError             **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (stored_free);
  g_autoptr(GListStore) store = NULL;
  gint64 account_id = 0;

  g_return_val_if_fail (LIA_IS_FIELD_REPOSITORY (self), NULL);

  if (!lia_field_store_owner (db_of (self), entity_nick (entity), row_id, &account_id, error) ||
      !lia_field_store_values (db_of (self), entity_nick (entity), row_id, collect_stored_cb, rows, error))
    return NULL;

  store = g_list_store_new (LIA_TYPE_FIELD_VALUE);
  for (guint i = 0; i < rows->len; i++)
    {
      Stored *stored = g_ptr_array_index (rows, i);
      g_autoptr(LiaFieldValue) item = NULL;

      /* The text only of what is stored in clear and meant to be. */
      item = g_object_new (LIA_TYPE_FIELD_VALUE,
                           "entity", entity,
                           "row-id", row_id,
                           "field", stored->field,
                           "level", stored->level,
                           "has-value", stored_has_value (stored),
                           "text", stored->level == LIA_FIELD_LEVEL_CONFIDENTIAL ? NULL : stored->plain,
                           NULL);
      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The text as it will be stored, trimmed; NULL (and TRUE) to clear. */
static gboolean
normalize (LiaFieldEntity   entity,
           const char      *field,
           const char      *text,
           char           **out_value,
           GError         **error)
{
  g_autoptr(LiaSecretsText) value = NULL;
  guint max = g_str_has_suffix (field, "notes") ? MAX_NOTES_CHARS : MAX_FIELD_CHARS;

  *out_value = NULL;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return invalid (error, _("The value is not valid text"));

  value = g_strstrip (g_strdup (text));
  if (*value == '\0')
    return TRUE;

  if ((guint)g_utf8_strlen (value, -1) > max)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” is longer than %u character",
                                      "“%s” is longer than %u characters", max),
                         lia_field_label (entity, field), max);
      return invalid (error, message);
    }

  *out_value = g_steal_pointer (&value);
  return TRUE;
}

/* Writes @value (NULL: clears) over what @stored holds, with its trail
 * line; inside the caller's transaction. */
static gboolean
write_value (LiaFieldRepository  *self,
             LiaFieldEntity       entity,
             gint64               row_id,
             gint64               account_id,
             const Stored        *stored,
             const char          *value,
             GError             **error)
{
  LiaDatabase *db = db_of (self);
  const char *nick = entity_nick (entity);
  gboolean confidential = stored->level == LIA_FIELD_LEVEL_CONFIDENTIAL;
  gboolean removed = FALSE;

  if (value == NULL)
    {
      if (!lia_field_store_clear (db, nick, row_id, stored->field, &removed, error))
        return FALSE;
      return !removed ||
             lia_book_audit (self->book, account_id, nick, row_id, stored->field,
                             confidential ? NULL : stored->plain,
                             confidential ? "(cleared)" : NULL, error);
    }

  if (confidential)
    {
      g_autoptr(GBytes) sealed =
        lia_field_repository_seal (self, entity, row_id, stored->field, value, error);

      return sealed != NULL &&
             lia_field_store_put (db, nick, row_id, stored->field, NULL, sealed,
                                  lia_book_now (self->book), error) &&
             lia_book_audit (self->book, account_id, nick, row_id, stored->field,
                             NULL, "(set)", error);
    }

  return lia_field_store_put (db, nick, row_id, stored->field, value, NULL,
                              lia_book_now (self->book), error) &&
         lia_book_audit (self->book, account_id, nick, row_id, stored->field,
                         stored->plain, value, error);
}

gboolean
lia_field_repository_set_value (LiaFieldRepository  *self,
                                LiaFieldEntity       entity,
                                gint64               row_id,
                                const char          *field,
                                const char          *text,
                                GError             **error)
{
  g_autoptr(LiaSecretsText) value = NULL;
  g_auto(Stored) stored = { 0 };
  gint64 account_id = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_FIELD_REPOSITORY (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!normalize (entity, field, text, &value, error))
    return FALSE;

  /* The level is read inside the transaction that writes: another
   * process may have just made the field confidential. */
  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_field_store_owner (db_of (self), entity_nick (entity), row_id, &account_id, error) &&
       get_stored (self, entity, row_id, field, &stored, error);

  /* The same text again changes nothing and says nothing. */
  if (ok && stored.level != LIA_FIELD_LEVEL_CONFIDENTIAL && stored.sealed == NULL &&
      g_strcmp0 (stored.plain, value) == 0)
    return lia_book_finish (self->book, TRUE, error);

  ok = ok && write_value (self, entity, row_id, account_id, &stored, value, error);
  return finish (self, ok, entity, row_id, error);
}

char *
lia_field_repository_reveal (LiaFieldRepository  *self,
                             LiaFieldEntity       entity,
                             gint64               row_id,
                             const char          *field,
                             GError             **error)
{
  g_autoptr(LiaSecretsText) text = NULL;
  g_auto(Stored) stored = { 0 };
  gint64 account_id = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_FIELD_REPOSITORY (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (!lia_field_store_owner (db_of (self), entity_nick (entity), row_id, &account_id, error) ||
      !get_stored (self, entity, row_id, field, &stored, error) ||
      !stored_has_value (&stored))
    return NULL;

  if (!(text = open_stored (self, entity, &stored, error)))
    return NULL;
  if (stored.level != LIA_FIELD_LEVEL_CONFIDENTIAL)
    return g_steal_pointer (&text);

  /* Shown only once the trail says so. */
  if (!lia_book_begin (self->book, error))
    return NULL;
  ok = lia_book_audit (self->book, account_id, entity_nick (entity), row_id, "revealed",
                       NULL, field, error);
  if (!lia_book_finish (self->book, ok, error))
    return NULL;

  return g_steal_pointer (&text);
}

char *
lia_field_repository_get_for_export (LiaFieldRepository  *self,
                                     LiaFieldEntity       entity,
                                     gint64               row_id,
                                     const char          *field,
                                     gboolean             include_confidential,
                                     GError             **error)
{
  g_auto(Stored) stored = { 0 };

  g_return_val_if_fail (LIA_IS_FIELD_REPOSITORY (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (!get_stored (self, entity, row_id, field, &stored, error))
    return NULL;
  if (stored.level == LIA_FIELD_LEVEL_CONFIDENTIAL && !include_confidential)
    return NULL;

  return open_stored (self, entity, &stored, error);
}

gboolean
lia_field_repository_audit_export (LiaFieldRepository  *self,
                                   const char          *what,
                                   guint                n_rows,
                                   GError             **error)
{
  g_autofree char *described = NULL;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_FIELD_REPOSITORY (self), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  described = g_strdup_printf ("%s (%u rows)", what, n_rows);
  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_book_audit (self->book, 0, "book", 0, "exported-confidential", NULL, described, error);
  return lia_book_finish (self->book, ok, error);
}

/* @stored brought to @level in @stored itself: sealed when it becomes
 * confidential, opened when it stops being. Nothing is written, so a
 * value that fails to open stops the change before any write. */
static gboolean
convert_value (LiaFieldRepository  *self,
               LiaFieldEntity       entity,
               Stored              *stored,
               LiaFieldLevel        level,
               GError             **error)
{
  if (is_planted (stored))
    return planted (error);

  if (level == LIA_FIELD_LEVEL_CONFIDENTIAL && stored->plain != NULL)
    {
      stored->sealed = lia_field_repository_seal (self, entity, stored->row_id, stored->field,
                                                  stored->plain, error);
      g_clear_pointer (&stored->plain, lia_secrets_text_free);
      return stored->sealed != NULL;
    }

  if (level != LIA_FIELD_LEVEL_CONFIDENTIAL && stored->sealed != NULL)
    {
      stored->plain = open_stored (self, entity, stored, error);
      g_clear_pointer (&stored->sealed, g_bytes_unref);
      return stored->plain != NULL;
    }

  return TRUE;
}

static gboolean
put_values (LiaFieldRepository  *self,
            const char          *nick,
            const char          *field,
            GPtrArray           *values,
            GError             **error)
{
  gint64 now = lia_book_now (self->book);

  for (guint i = 0; i < values->len; i++)
    {
      Stored *stored = g_ptr_array_index (values, i);

      if (!lia_field_store_put (db_of (self), nick, stored->row_id, field, stored->plain, stored->sealed,
                                now, error))
        return FALSE;
    }
  return TRUE;
}

/* The schema keeps a confidential field sealed at every step: its values
 * are sealed before its class says confidential, and the class stops
 * saying so before they are stored opened. Once confidential, the texts
 * its trail lines kept while it was not go as well. */
static gboolean
change_level (LiaFieldRepository  *self,
              LiaFieldEntity       entity,
              const char          *field,
              LiaFieldLevel        from,
              LiaFieldLevel        to,
              GError             **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (stored_free);
  g_autofree char *described = g_strdup_printf ("%s.%s", entity_nick (entity), field);
  const char *nick = entity_nick (entity);
  const char *level = lia_enum_to_nick (LIA_TYPE_FIELD_LEVEL, to);
  LiaDatabase *db = db_of (self);
  gboolean sealing = to == LIA_FIELD_LEVEL_CONFIDENTIAL;

  if (!lia_field_store_field_values (db, nick, field, collect_stored_cb, values, error))
    return FALSE;

  for (guint i = 0; i < values->len; i++)
    if (!convert_value (self, entity, g_ptr_array_index (values, i), to, error))
      return FALSE;

  if (sealing)
    {
      if (!put_values (self, nick, field, values, error) ||
          !lia_field_store_set_level (db, nick, field, level, error) ||
          !lia_field_store_blank_audit (db, nick, field, error))
        return FALSE;
    }
  else if (!lia_field_store_set_level (db, nick, field, level, error) ||
           !put_values (self, nick, field, values, error))
    return FALSE;

  return lia_book_audit (self->book, 0, "field-class", 0, described,
                         lia_enum_to_nick (LIA_TYPE_FIELD_LEVEL, from), level, error);
}

gboolean
lia_field_repository_set_level (LiaFieldRepository  *self,
                                LiaFieldEntity       entity,
                                const char          *field,
                                LiaFieldLevel        level,
                                GError             **error)
{
  g_autoptr(GError) checkpoint_error = NULL;
  g_auto(Stored) stored = { 0 };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_FIELD_REPOSITORY (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (strpbrk (field, ".#") != NULL)
    return invalid (error, _("A field’s name cannot hold “.” or “#”"));

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = get_stored (self, entity, 0, field, &stored, error);
  if (ok && stored.level == level)
    return lia_book_finish (self->book, TRUE, error);

  ok = ok && change_level (self, entity, field, stored.level, level, error);
  if (!finish (self, ok, entity, 0, error))
    return FALSE;

  /* Committed: the old plain or sealed pages were zeroed in the file by
   * secure_delete, but the write-ahead log still has them until now. An
   * outer transaction's owner checkpoints after its own commit. */
  if (!lia_database_in_transaction (db_of (self)) &&
      !lia_database_checkpoint (db_of (self), &checkpoint_error))
    g_warning ("The level of %s is saved, but the -wal still holds old pages until the book "
               "is closed: %s", field, checkpoint_error->message);
  return TRUE;
}
