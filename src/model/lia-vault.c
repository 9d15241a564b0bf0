/* lia-vault.c — a book's hold on the system keyring: its data key and
 * the keyring's state, for banners and locked fields
 *
 * The book records two things in book_meta: its random id, under which
 * its items are kept in the keyring (every book numbers its rows from 1),
 * and a check of its data key (lia_data_key_dup_check()). The check is
 * what tells "this book never had a key" (make one) from "its key is
 * gone" (ask for the exported file): making a new key in the second case
 * would silently leave every sealed value unreadable.
 *
 * Keyring calls are asynchronous and may outlive the book (an unlock
 * prompt nobody answers): the book is held through a weak reference, and
 * every call in flight is cancelled when it goes, so no callback touches
 * a freed book.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-vault"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-book-private.h"
#include "lia-enum-types.h"
#include "lia-field-store.h"
#include "lia-keyring-store.h"
#include "lia-vault-private.h"

struct _LiaVault
{
  GObject             parent_instance;
  LiaBook            *book;          /* unowned: the book owns us; NULL once it is gone */
  LiaVaultState       state;
  char               *message;
  char               *book_id;
  LiaDataKey         *key;           /* only while ready */
  char               *check;         /* the key's check, while ready */
  LiaCipher          *cipher;
  LiaCredentialVault *credentials;
  GCancellable       *cancellable;   /* the open in flight, and key imports and exports */
};

G_DEFINE_FINAL_TYPE (LiaVault, lia_vault, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The words of each state's banner; never libsecret's own text. */
typedef enum
{
  WHY_NONE,
  WHY_UNAVAILABLE,
  WHY_LOCKED,
  WHY_KEY_MISSING,
  WHY_KEY_DIFFERS,
  WHY_READ_ONLY,
  WHY_FAILED,
} Why;

static const char *
describe (Why why)
{
  switch (why)
    {
    case WHY_NONE:
      return NULL;
    case WHY_UNAVAILABLE:
      return _("The keyring is not available. Confidential fields are locked; everything else works.");
    case WHY_LOCKED:
      return _("The keyring is locked. Confidential fields and saved credentials stay locked "
               "until it is unlocked; everything else works.");
    case WHY_KEY_MISSING:
      return _("This book’s data key is missing from the keyring. Import the key you exported "
               "to read confidential fields; everything else works.");
    case WHY_KEY_DIFFERS:
      return _("The keyring holds a different data key for this book. Import the key you "
               "exported to read confidential fields; everything else works.");
    case WHY_READ_ONLY:
      return _("This book is read-only and has no data key yet. Confidential fields are locked; "
               "everything else works.");
    case WHY_FAILED:
    default:
      return _("The keyring could not be used. Confidential fields are locked; everything "
               "else works.");
    }
}

static void
on_book_gone_cb (gpointer  user_data,
                 GObject  *where_the_book_was)
{
  LiaVault *self = user_data;

  self->book = NULL;
  g_cancellable_cancel (self->cancellable);
}

static void
lia_vault_dispose (GObject *object)
{
  LiaVault *self = (LiaVault *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->book != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->book), on_book_gone_cb, self);
      self->book = NULL;
    }
  g_clear_object (&self->cipher);
  g_clear_object (&self->key);
  g_clear_object (&self->credentials);

  G_OBJECT_CLASS (lia_vault_parent_class)->dispose (object);
}

static void
lia_vault_finalize (GObject *object)
{
  LiaVault *self = (LiaVault *)object;

  g_clear_object (&self->cancellable);
  g_free (self->message);
  g_free (self->book_id);
  g_free (self->check);

  G_OBJECT_CLASS (lia_vault_parent_class)->finalize (object);
}

static void
lia_vault_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LiaVault *self = LIA_VAULT (object);

  switch (prop_id)
    {
    case PROP_STATE:   g_value_set_enum (value, self->state); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_vault_class_init (LiaVaultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = lia_vault_dispose;
  object_class->finalize = lia_vault_finalize;
  object_class->get_property = lia_vault_get_property;

  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, LIA_TYPE_VAULT_STATE,
                                              LIA_VAULT_STATE_CLOSED, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_vault_init (LiaVault *self)
{
  self->cancellable = g_cancellable_new ();
}

LiaVault *
lia_vault_new (LiaBook *book)
{
  LiaVault *self;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  self = g_object_new (LIA_TYPE_VAULT, NULL);
  self->book = book;
  g_object_weak_ref (G_OBJECT (book), on_book_gone_cb, self);
  return self;
}

/* Both fields change before either is announced, so a listener to one
 * never reads the other stale (the banner reads both). The key goes with
 * any state but ready: has_key() must agree with the banner. */
static void
set_state (LiaVault      *self,
           LiaVaultState  state,
           Why            why)
{
  const char *message = describe (why);
  gboolean state_changed = self->state != state;
  gboolean message_changed = g_strcmp0 (self->message, message) != 0;

  if (state != LIA_VAULT_STATE_READY)
    {
      g_clear_object (&self->cipher);
      g_clear_object (&self->key);
      g_clear_pointer (&self->check, g_free);
    }
  self->state = state;
  if (message_changed)
    {
      g_free (self->message);
      self->message = g_strdup (message);
    }

  if (message_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_ready (LiaVault   *self,
           LiaDataKey *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaCipher) cipher = lia_cipher_new (key, &error);

  if (cipher == NULL)
    {
      g_warning ("Cannot use the data key: %s", error->message);
      set_state (self, LIA_VAULT_STATE_FAILED, WHY_FAILED);
      return;
    }

  g_set_object (&self->key, key);
  g_set_object (&self->cipher, cipher);
  g_free (self->check);
  self->check = lia_data_key_dup_check (key);
  set_state (self, LIA_VAULT_STATE_READY, WHY_NONE);
}

static void
set_state_for_error (LiaVault     *self,
                     const GError *error)
{
  if (g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NO_SERVICE))
    set_state (self, LIA_VAULT_STATE_UNAVAILABLE, WHY_UNAVAILABLE);
  else if (g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED))
    set_state (self, LIA_VAULT_STATE_LOCKED, WHY_LOCKED);
  else
    set_state (self, LIA_VAULT_STATE_FAILED, WHY_FAILED);
}

/* The book's keyring id, given once (and never changed: its items are
 * filed under it). A read-only book without one has none to give. */
static gboolean
ensure_book_id (LiaVault  *self,
                GError   **error)
{
  g_autofree char *book_id = NULL;
  g_autofree char *check = NULL;
  g_autofree char *fresh = NULL;
  LiaDatabase *db;
  gboolean ok;

  if (self->book_id != NULL)
    return TRUE;
  if (self->book == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The book is closed."));
      return FALSE;
    }

  db = lia_book_get_database (self->book);
  if (!lia_book_meta_store_get (db, &book_id, &check, error))
    return FALSE;
  if (book_id == NULL && !lia_book_is_read_only (self->book))
    {
      fresh = lia_data_key_new_book_id ();
      g_clear_pointer (&check, g_free);
      if (!lia_book_begin (self->book, error))
        return FALSE;
      /* Read back: another program may have given one first. */
      ok = lia_book_meta_store_set_book_id (db, fresh, NULL, error) &&
           lia_book_meta_store_get (db, &book_id, &check, error);
      if (!lia_book_finish (self->book, ok, error))
        return FALSE;
    }

  /* Someone may have put anything in the file: the id goes into keyring
   * attributes and key files. */
  if (book_id != NULL && !lia_data_key_is_valid_book_id (book_id))
    {
      g_set_error_literal (error, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_CORRUPT,
                           _("The book’s keyring id is damaged."));
      return FALSE;
    }

  self->book_id = g_steal_pointer (&book_id);
  return TRUE;
}

/* The check the book holds now (another process may have written it
 * since we last looked); NULL when none or on error (logged). */
static char *
read_check (LiaVault *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *book_id = NULL;
  char *check = NULL;

  if (!lia_book_meta_store_get (lia_book_get_database (self->book), &book_id, &check, &error))
    g_warning ("Cannot read the book’s data key check: %s", error->message);
  return check;
}

/* Records @key's check if the book has none, in one transaction with
 * the audit line @audit_field: always with @audit_always, else only when
 * the check was recorded (a key created, not one found). */
static gboolean
record_check (LiaVault    *self,
              LiaDataKey  *key,
              const char  *audit_field,
              gboolean     audit_always,
              GError     **error)
{
  g_autofree char *check = lia_data_key_dup_check (key);
  LiaDatabase *db = lia_book_get_database (self->book);
  gboolean recorded = FALSE;
  gboolean ok;

  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_book_meta_store_set_data_key_check (db, check, &recorded, error);
  if (ok && audit_field != NULL && (recorded || audit_always))
    ok = lia_book_audit (self->book, 0, "book", 0, audit_field, NULL, NULL, error);
  return lia_book_finish (self->book, ok, error);
}

/* ---- opening ----
 *
 * Two programs may open a book that has no key at the same moment. The
 * book's check is claimed before a key goes to the keyring, in one
 * statement (lia_book_meta_store_claim_data_key_check()): only the
 * program that claimed stores its key; the other waits a moment for that
 * key to appear in the keyring, and says the key is missing if it does
 * not (Retry finds it later). Keys are filed under their check, so no
 * store ever replaces a key values are sealed with.
 *
 * A check whose key is gone (a keyring reset, a store that failed after
 * the claim) may be replaced by a fresh key only while the book holds no
 * sealed value: then nothing becomes unreadable. */

/* A key another program claimed is usually stored within milliseconds:
 * look again a few times before calling it missing. */
#define KEY_LOOKUP_TRIES    5
#define KEY_LOOKUP_RETRY_MS 200

/* What an open in flight needs; the vault is referenced so the callback
 * may read its cancellable, and the cancellable is this open's own. */
typedef struct
{
  LiaVault     *self;
  GCancellable *cancellable;
  LiaDataKey   *created;
  char         *old_check;    /* what the claim of @created replaced (NULL: none) */
  char         *check;        /* the check whose key is being looked for */
  guint         tries;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->self);
  g_object_unref (opening->cancellable);
  g_clear_object (&opening->created);
  g_free (opening->old_check);
  g_free (opening->check);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

/* Whether the answer still matters: not for a book that is gone, nor
 * for an open that a newer one (or an import) replaced. */
static gboolean
opening_is_current (Opening *opening)
{
  return !g_cancellable_is_cancelled (opening->cancellable) && opening->self->book != NULL;
}

static void wait_for_check (Opening *opening, char *check);

/* Moves the book's check from @old_check to @new_check, inside its own
 * transaction unless one is open. */
static gboolean
claim (LiaVault    *self,
       const char  *old_check,
       const char  *new_check,
       gboolean    *out_claimed,
       GError     **error)
{
  gboolean ok;

  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_book_meta_store_claim_data_key_check (lia_book_get_database (self->book), old_check,
                                                 new_check, out_claimed, error);
  return lia_book_finish (self->book, ok, error);
}

/* Someone else's claim won: wait for its key, whatever the book says now. */
static void
follow_book (Opening *opening)
{
  char *check = read_check (opening->self);

  if (check == NULL)
    {
      set_state (opening->self, LIA_VAULT_STATE_KEY_MISSING, WHY_KEY_MISSING);
      opening_free (opening);
      return;
    }
  wait_for_check (opening, check);
}

/* The claimed key is in the keyring: ready, once the book still names it
 * and the trail says it was made. */
static void
on_created_key_stored_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *current = NULL;
  LiaVault *self = opening->self;
  gboolean ok, claimed = FALSE;

  if (!lia_data_key_store_finish (LIA_DATA_KEY (source), result, &error))
    {
      if (!opening_is_current (opening))
        return;
      /* Give the claim back: its key exists nowhere. */
      mine = lia_data_key_dup_check (opening->created);
      {
        g_autoptr(GError) release_error = NULL;

        if (!claim (self, mine, opening->old_check, &claimed, &release_error))
          g_warning ("Cannot give back the data key claim: %s", release_error->message);
      }
      set_state_for_error (self, error);
      return;
    }
  if (!opening_is_current (opening))
    return;

  mine = lia_data_key_dup_check (opening->created);
  if (!lia_book_begin (self->book, &error))
    ok = FALSE;
  else
    {
      g_autofree char *book_id = NULL;

      ok = lia_book_meta_store_get (lia_book_get_database (self->book), &book_id, &current, &error);
      if (ok && g_strcmp0 (current, mine) == 0)
        ok = lia_book_audit (self->book, 0, "book", 0, "data-key-created", NULL, NULL, &error);
      ok = lia_book_finish (self->book, ok, &error);
    }
  if (!ok)
    {
      g_warning ("Cannot record the new data key: %s", error->message);
      set_state (self, LIA_VAULT_STATE_FAILED, WHY_FAILED);
      return;
    }

  /* Replaced meanwhile by a program that gave up waiting for this key:
   * the book's key is the one to use. */
  if (g_strcmp0 (current, mine) != 0)
    {
      follow_book (g_steal_pointer (&opening));
      return;
    }
  set_ready (self, opening->created);
}

/* A fresh key for a book that never had one (@old_check NULL) or whose
 * key is gone while it holds no sealed value: claimed, then stored. */
static void
create_key (Opening    *opening,
            const char *old_check)
{
  LiaVault *self = opening->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  gboolean claimed = FALSE;

  if (lia_book_is_read_only (self->book))
    {
      if (old_check == NULL)
        set_state (self, LIA_VAULT_STATE_FAILED, WHY_READ_ONLY);
      else
        set_state (self, LIA_VAULT_STATE_KEY_MISSING, WHY_KEY_MISSING);
      opening_free (opening);
      return;
    }

  opening->created = lia_data_key_generate (self->book_id, &error);
  if (opening->created == NULL)
    {
      set_state_for_error (self, error);
      opening_free (opening);
      return;
    }

  check = lia_data_key_dup_check (opening->created);
  if (!claim (self, old_check, check, &claimed, &error))
    {
      g_warning ("Cannot claim the book’s data key: %s", error->message);
      set_state (self, LIA_VAULT_STATE_FAILED, WHY_FAILED);
      opening_free (opening);
      return;
    }
  if (!claimed)
    {
      g_clear_object (&opening->created);
      follow_book (opening);
      return;
    }

  opening->old_check = g_strdup (old_check);
  lia_data_key_store (opening->created, opening->cancellable, on_created_key_stored_cb, opening);
}

/* ---- the key a check names ---- */

static void look_for_check (Opening *opening);

static void
on_other_key_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(LiaDataKey) other = lia_data_key_load_finish (result, NULL);

  if (opening_is_current (opening))
    set_state (opening->self, LIA_VAULT_STATE_KEY_MISSING,
               other != NULL ? WHY_KEY_DIFFERS : WHY_KEY_MISSING);
}

/* The key of the book's check did not come. A book without sealed
 * values loses nothing by a fresh key; one with them must get its key
 * back (an import), and the banner says whether the keyring holds
 * another key under the book's id or none. */
static void
give_up_waiting (Opening *opening)
{
  LiaVault *self = opening->self;
  g_autoptr(GError) error = NULL;
  gboolean has_sealed = TRUE;
  char *stale;

  if (!lia_field_store_has_sealed (lia_book_get_database (self->book), &has_sealed, &error))
    {
      g_warning ("Cannot read the book’s sealed values: %s", error->message);
      has_sealed = TRUE;
    }
  if (!has_sealed && !lia_book_is_read_only (self->book))
    {
      stale = g_steal_pointer (&opening->check);
      create_key (opening, stale);
      g_free (stale);
      return;
    }
  lia_data_key_load (self->book_id, opening->cancellable, on_other_key_cb, opening);
}

static gboolean
on_retry_cb (gpointer user_data)
{
  Opening *opening = user_data;

  if (!opening_is_current (opening))
    opening_free (opening);
  else
    look_for_check (opening);
  return G_SOURCE_REMOVE;
}

static void
on_checked_key_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) key = lia_data_key_load_finish (result, &error);

  if (!opening_is_current (opening))
    return;

  if (key != NULL)
    {
      set_ready (opening->self, key);
      return;
    }
  /* A damaged item is as good as none. */
  if (!g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND) &&
      !g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY))
    {
      set_state_for_error (opening->self, error);
      return;
    }

  if (++opening->tries < KEY_LOOKUP_TRIES)
    g_timeout_add (KEY_LOOKUP_RETRY_MS, on_retry_cb, g_steal_pointer (&opening));
  else
    give_up_waiting (g_steal_pointer (&opening));
}

static void
look_for_check (Opening *opening)
{
  lia_data_key_load_checked (opening->self->book_id, opening->check, opening->cancellable,
                             on_checked_key_cb, opening);
}

/* Takes @check. */
static void
wait_for_check (Opening *opening,
                char    *check)
{
  g_free (opening->check);
  opening->check = check;
  opening->tries = 0;
  look_for_check (opening);
}

/* ---- a book without a check ---- */

/* A key under the book's id while the book names none: a copy of this
 * book made before it had its key. It becomes this book's too. */
static void
on_any_key_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Opening) opening = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) key = lia_data_key_load_finish (result, &error);
  g_autofree char *check = NULL;
  LiaVault *self = opening->self;
  gboolean claimed = FALSE;

  if (!opening_is_current (opening))
    return;

  if (key == NULL)
    {
      if (!g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_NOT_FOUND) &&
          !g_error_matches (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY))
        set_state_for_error (self, error);
      else
        create_key (g_steal_pointer (&opening), NULL);
      return;
    }

  check = lia_data_key_dup_check (key);
  if (lia_book_is_read_only (self->book))
    {
      set_ready (self, key);
      return;
    }
  g_clear_error (&error);
  if (!claim (self, NULL, check, &claimed, &error))
    {
      g_warning ("Cannot record the data key check: %s", error->message);
      set_state (self, LIA_VAULT_STATE_FAILED, WHY_FAILED);
      return;
    }
  if (claimed)
    set_ready (self, key);
  else
    follow_book (g_steal_pointer (&opening));
}

/* Replaces whatever keyring work is in flight with a fresh cancellable. */
static GCancellable *
restart (LiaVault *self)
{
  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

void
lia_vault_open (LiaVault *self)
{
  g_autoptr(GError) error = NULL;
  Opening *opening;
  char *check;

  g_return_if_fail (LIA_IS_VAULT (self));

  if (self->state == LIA_VAULT_STATE_OPENING || self->book == NULL)
    return;

  if (!ensure_book_id (self, &error))
    {
      g_warning ("Cannot read the book’s keyring id: %s", error->message);
      set_state (self, LIA_VAULT_STATE_FAILED, WHY_FAILED);
      return;
    }
  if (self->book_id == NULL)
    {
      set_state (self, LIA_VAULT_STATE_FAILED, WHY_READ_ONLY);
      return;
    }

  opening = g_new0 (Opening, 1);
  opening->self = g_object_ref (self);
  opening->cancellable = g_object_ref (restart (self));
  set_state (self, LIA_VAULT_STATE_OPENING, WHY_NONE);

  if ((check = read_check (self)) != NULL)
    wait_for_check (opening, check);
  else
    lia_data_key_load (self->book_id, opening->cancellable, on_any_key_cb, opening);
}

/* Whether the key in hand is still the one the book names: another
 * program may have replaced a check whose key had gone (allowed only
 * while nothing is sealed). A stale key must seal nothing: the vault
 * opens again to fetch the book's key. */
gboolean
lia_vault_key_is_current (LiaVault  *self,
                          GError   **error)
{
  g_autofree char *book_id = NULL;
  g_autofree char *check = NULL;

  g_return_val_if_fail (LIA_IS_VAULT (self), FALSE);

  if (self->key == NULL || self->book == NULL)
    return TRUE;
  if (!lia_book_meta_store_get (lia_book_get_database (self->book), &book_id, &check, error))
    return FALSE;
  if (g_strcmp0 (check, self->check) == 0)
    return TRUE;

  set_state (self, LIA_VAULT_STATE_CLOSED, WHY_NONE);
  lia_vault_open (self);
  g_set_error_literal (error, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED,
                       _("Confidential fields are locked until the keyring holding this "
                         "book’s key is open."));
  return FALSE;
}

LiaVaultState
lia_vault_get_state (LiaVault *self)
{
  g_return_val_if_fail (LIA_IS_VAULT (self), LIA_VAULT_STATE_CLOSED);
  return self->state;
}

const char *
lia_vault_get_message (LiaVault *self)
{
  g_return_val_if_fail (LIA_IS_VAULT (self), NULL);
  return self->message;
}

gboolean
lia_vault_has_key (LiaVault *self)
{
  g_return_val_if_fail (LIA_IS_VAULT (self), FALSE);
  return self->cipher != NULL;
}

LiaCipher *
lia_vault_get_cipher (LiaVault *self)
{
  g_return_val_if_fail (LIA_IS_VAULT (self), NULL);
  return self->cipher;
}

/* Needs no data key: credentials are filed under the book's id only.
 * NULL when the book has no id and cannot be given one (read-only: it
 * cannot hold credentials either). */
LiaCredentialVault *
lia_vault_get_credentials (LiaVault *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIA_IS_VAULT (self), NULL);

  if (self->credentials != NULL)
    return self->credentials;
  if (!ensure_book_id (self, &error))
    {
      g_warning ("Cannot read the book’s keyring id: %s", error->message);
      return NULL;
    }
  if (self->book_id != NULL)
    self->credentials = lia_credential_vault_new (self->book_id);
  return self->credentials;
}

/* The id the book's keyring items are filed under; given on first use. */
const char *
lia_vault_get_book_id (LiaVault *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIA_IS_VAULT (self), NULL);

  if (!ensure_book_id (self, &error))
    g_warning ("Cannot read the book’s keyring id: %s", error->message);
  return self->book_id;
}

/* Only the keyring's own failures move the state: a secret that is
 * missing, or a database error, says nothing about the keyring. While
 * opening, the open's own answer decides. */
void
lia_vault_report_error (LiaVault     *self,
                        const GError *error)
{
  g_return_if_fail (LIA_IS_VAULT (self));
  g_return_if_fail (error != NULL);

  if (error->domain != LIA_SECRETS_ERROR || self->state == LIA_VAULT_STATE_OPENING)
    return;

  switch (error->code)
    {
    case LIA_SECRETS_ERROR_NO_SERVICE:
    case LIA_SECRETS_ERROR_LOCKED:
    case LIA_SECRETS_ERROR_FAILED:
      set_state_for_error (self, error);
      break;
    default:
      break;
    }
}

/* ---- export and import ---- */

static gboolean
audit_book (LiaVault    *self,
            const char  *field,
            GError     **error)
{
  gboolean ok;

  if (!lia_book_begin (self->book, error))
    return FALSE;
  ok = lia_book_audit (self->book, 0, "book", 0, field, NULL, NULL, error);
  return lia_book_finish (self->book, ok, error);
}

static gboolean
return_if_book_gone (GTask *task,
                     LiaVault *self)
{
  if (self->book != NULL)
    return FALSE;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The book is closed."));
  return TRUE;
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!lia_data_key_export_finish (LIA_DATA_KEY (source), result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The trail says so before the file is written, as for a reveal: a book
 * that cannot take the line (read-only) exports nothing. */
void
lia_vault_export_key (LiaVault            *self,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIA_IS_VAULT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_vault_export_key);

  if (self->key == NULL)
    {
      g_task_return_new_error (task, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_LOCKED, "%s",
                               self->message ? self->message
                                             : _("The data key is not loaded: open the keyring first."));
      return;
    }
  if (return_if_book_gone (task, self))
    return;
  if (!audit_book (self, "data-key-exported", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  lia_data_key_export (self->key, file, cancellable, on_exported_cb, g_steal_pointer (&task));
}

gboolean
lia_vault_export_key_finish (LiaVault      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_imported_key_stored_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LiaVault *self = g_task_get_source_object (task);
  LiaDataKey *key = LIA_DATA_KEY (source);

  if (!lia_data_key_store_finish (key, result, &error))
    {
      if (self->book != NULL)
        lia_vault_report_error (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (return_if_book_gone (task, self))
    return;

  if (!lia_book_is_read_only (self->book) &&
      !record_check (self, key, "data-key-imported", TRUE, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* An open still in flight would answer with what the keyring held
   * before: this key is the answer now. */
  restart (self);
  set_ready (self, key);
  g_task_return_boolean (task, TRUE);
}

/* A key file of this book whose check is the book's (or the book's
 * first key) goes into the keyring; any other is refused untouched. */
static void
on_key_file_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaDataKey) key = lia_data_key_import_finish (result, &error);
  LiaVault *self = g_task_get_source_object (task);
  g_autofree char *recorded_check = NULL;
  g_autofree char *check = NULL;
  GCancellable *cancellable;

  if (key == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (return_if_book_gone (task, self))
    return;

  recorded_check = read_check (self);
  check = lia_data_key_dup_check (key);
  if (recorded_check != NULL && !g_str_equal (recorded_check, check))
    {
      g_task_return_new_error (task, LIA_SECRETS_ERROR, LIA_SECRETS_ERROR_BAD_KEY,
                               _("This data key is not the one this book’s confidential "
                                 "fields were sealed with."));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  lia_data_key_store (key, cancellable, on_imported_key_stored_cb, g_steal_pointer (&task));
}

void
lia_vault_import_key (LiaVault            *self,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LIA_IS_VAULT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lia_vault_import_key);

  if (!ensure_book_id (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (self->book_id == NULL)
    {
      g_task_return_new_error (task, LIA_DATABASE_ERROR, LIA_DATABASE_ERROR_READ_ONLY, "%s",
                               describe (WHY_READ_ONLY));
      return;
    }
  lia_data_key_import (file, self->book_id, cancellable, on_key_file_read_cb,
                       g_steal_pointer (&task));
}

gboolean
lia_vault_import_key_finish (LiaVault      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
