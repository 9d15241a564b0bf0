/* lia-account-repository.c — reading and changing accounts under the
 * lifecycle, validation and audit rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-account-repository"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-repository.h"
#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-contact-store.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"
#include "lia-money.h"

struct _LiaAccountRepository
{
  GObject  parent_instance;
  LiaBook *book;  /* unowned: the book owns us */
};

G_DEFINE_FINAL_TYPE (LiaAccountRepository, lia_account_repository, G_TYPE_OBJECT)

static void
lia_account_repository_class_init (LiaAccountRepositoryClass *klass)
{
}

static void
lia_account_repository_init (LiaAccountRepository *self)
{
}

LiaAccountRepository *
lia_account_repository_new (LiaBook *book)
{
  LiaAccountRepository *self = g_object_new (LIA_TYPE_ACCOUNT_REPOSITORY, NULL);

  self->book = book;
  return self;
}

static LiaDatabase *
db_of (LiaAccountRepository *self)
{
  return lia_book_get_database (self->book);
}

/**
 * lia_account_state_can_transition:
 *
 * The lifecycle: prospect → opening → active ⇄ dormant → closing → closed,
 * and an active account may also go straight to closing. Nothing leaves
 * closed: a returning customer is opened as a new account.
 */
gboolean
lia_account_state_can_transition (LiaAccountState from,
                                  LiaAccountState to)
{
  switch (from)
    {
    case LIA_ACCOUNT_STATE_PROSPECT: return to == LIA_ACCOUNT_STATE_OPENING;
    case LIA_ACCOUNT_STATE_OPENING:  return to == LIA_ACCOUNT_STATE_ACTIVE;
    case LIA_ACCOUNT_STATE_ACTIVE:   return to == LIA_ACCOUNT_STATE_DORMANT ||
                                            to == LIA_ACCOUNT_STATE_CLOSING;
    case LIA_ACCOUNT_STATE_DORMANT:  return to == LIA_ACCOUNT_STATE_ACTIVE ||
                                            to == LIA_ACCOUNT_STATE_CLOSING;
    case LIA_ACCOUNT_STATE_CLOSING:  return to == LIA_ACCOUNT_STATE_CLOSED;
    case LIA_ACCOUNT_STATE_CLOSED:
    default:                         return FALSE;
    }
}

/* @too_long is a whole translated sentence with %u for @max: "%s is
 * longer than…" around a field's name cannot agree in number or gender. */
static gboolean
check_length (const char  *value,
              guint        max,
              const char  *too_long,
              GError     **error)
{
  if (value != NULL && g_utf8_strlen (value, -1) > max)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, too_long, max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (; *value; value++)
    if (!g_ascii_isspace (*value))
      return FALSE;
  return TRUE;
}

/* Checks what can be checked without the book; the repository adds the
 * checks that need it (unique number, known segment and manager). */
gboolean
lia_account_validate (LiaAccount  *account,
                      GError     **error)
{
  const char *number = lia_account_get_number (account);
  const char *currency = lia_account_get_currency (account);

  if (is_blank (lia_account_get_name (account)))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, _("An account needs a name"));
      return FALSE;
    }
  if (is_blank (number))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, _("An account needs a number"));
      return FALSE;
    }
  if (!g_regex_match_simple ("^[A-Za-z0-9][A-Za-z0-9._/-]*$", number, 0, 0))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is not an account number (letters, digits and . _ / - only)"), number);
      return FALSE;
    }
  if (currency == NULL || !g_regex_match_simple ("^[A-Z]{3}$", currency, 0, 0))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is not a currency code (three capital letters, such as EUR)"),
                   currency ? currency : "");
      return FALSE;
    }
  if (lia_account_get_contract_value (account) < 0)
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("The contract value cannot be negative"));
      return FALSE;
    }

  return check_length (lia_account_get_name (account), LIA_MAX_NAME_LENGTH,
                       g_dngettext (GETTEXT_PACKAGE, "The name is longer than %u character",
                                    "The name is longer than %u characters", LIA_MAX_NAME_LENGTH), error) &&
         check_length (number, LIA_MAX_NUMBER_LENGTH,
                       g_dngettext (GETTEXT_PACKAGE, "The account number is longer than %u character",
                                    "The account number is longer than %u characters", LIA_MAX_NUMBER_LENGTH), error) &&
         check_length (lia_account_get_address (account), LIA_MAX_ADDRESS_LENGTH,
                       g_dngettext (GETTEXT_PACKAGE, "The address is longer than %u character",
                                    "The address is longer than %u characters", LIA_MAX_ADDRESS_LENGTH), error) &&
         check_length (lia_account_get_notes (account), LIA_MAX_NOTES_LENGTH,
                       g_dngettext (GETTEXT_PACKAGE, "The notes are longer than %u character",
                                    "The notes are longer than %u characters", LIA_MAX_NOTES_LENGTH), error);
}

/* Corporate and key accounts (segments that require it) must have an
 * active designated manager: the first point of contact. */
static gboolean
validate_staffing (LiaAccountRepository  *self,
                   LiaAccount            *account,
                   GError               **error)
{
  g_autoptr(LiaStaffMember) manager = NULL;
  g_autoptr(LiaStaffMember) deputy = NULL;
  gint64 manager_id = lia_account_get_manager_id (account);
  gint64 deputy_id = lia_account_get_deputy_id (account);

  if (manager_id != 0 && !(manager = lia_book_lookup_staff (self->book, manager_id)))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("The account manager is not a known staff member"));
      return FALSE;
    }
  if (deputy_id != 0 && !(deputy = lia_book_lookup_staff (self->book, deputy_id)))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("The deputy is not a known staff member"));
      return FALSE;
    }

  if (lia_book_segment_requires_manager (self->book, lia_account_get_segment_id (account)) &&
      (manager == NULL || !lia_staff_member_get_active (manager)))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_MANAGER_REQUIRED,
                   _("A %s account needs an active account manager"),
                   lia_book_get_segment_name (self->book, lia_account_get_segment_id (account)));
      return FALSE;
    }

  return TRUE;
}

static void
read_account_id (LiaRow   *row,
                 gpointer  user_data)
{
  *(gint64 *)user_data = lia_row_get_int64 (row, LIA_ACCOUNT_COLUMN_ID);
}

static gboolean
validate_in_book (LiaAccountRepository  *self,
                  LiaAccount            *account,
                  GError               **error)
{
  const char *plan = lia_account_get_service_plan_id (account);
  gint64 holder = 0;

  if (!lia_account_validate (account, error))
    return FALSE;

  if (lia_book_get_segment_name (self->book, lia_account_get_segment_id (account)) == NULL)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, _("Unknown segment “%s”"),
                   lia_account_get_segment_id (account));
      return FALSE;
    }
  if (plan != NULL && lia_book_get_service_plan_name (self->book, plan) == NULL)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, _("Unknown service plan “%s”"), plan);
      return FALSE;
    }
  if (!validate_staffing (self, account, error))
    return FALSE;

  lia_account_store_get_by_number (db_of (self), lia_account_get_number (account),
                                   read_account_id, &holder, NULL);
  if (holder != 0 && holder != lia_account_get_id (account))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_DUPLICATE,
                   _("An account numbered “%s” already exists"), lia_account_get_number (account));
      return FALSE;
    }

  return TRUE;
}

static void
fill_values (LiaAccount       *account,
             LiaAccountValues *values)
{
  *values = (LiaAccountValues) {
    .number = lia_account_get_number (account),
    .name = lia_account_get_name (account),
    .segment_id = lia_account_get_segment_id (account),
    .service_plan_id = lia_account_get_service_plan_id (account),
    .channel = lia_enum_to_nick (LIA_TYPE_CHANNEL, lia_account_get_channel (account)),
    .state = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, lia_account_get_state (account)),
    .manager_id = lia_account_get_manager_id (account),
    .contract_value = lia_account_get_contract_value (account),
    .currency = lia_account_get_currency (account),
    .address = lia_account_get_address (account),
    .notes = lia_account_get_notes (account),
    .created_at = lia_account_get_created_at (account),
    .updated_at = lia_account_get_updated_at (account),
    .last_verified_at = lia_account_get_last_verified_at (account),
    .unit_kind = lia_enum_to_nick (LIA_TYPE_UNIT_KIND, lia_account_get_unit_kind (account)),
    .deputy_id = lia_account_get_deputy_id (account),
    .contact_cadence_days = lia_account_get_contact_cadence_days (account),
  };
}

static void
refresh_from_row (LiaRow   *row,
                  gpointer  user_data)
{
  lia_account_update_from_row (user_data, row);
}

gboolean
lia_account_repository_create (LiaAccountRepository  *self,
                               LiaAccount            *account,
                               GError               **error)
{
  LiaDatabase *db = db_of (self);
  LiaAccountValues values;
  gint64 now = lia_book_now (self->book);
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (lia_account_get_id (account) == 0, FALSE);

  if (!validate_in_book (self, account, error))
    return FALSE;

  lia_account_set_timestamps (account, now, now);
  fill_values (account, &values);
  /* Whoever enters a record has just checked it. */
  values.last_verified_at = now;

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_account_store_insert (db, &values, &id, error) &&
       lia_account_store_add_history (db, id, now, lia_book_get_actor (self->book), NULL,
                                      values.state, _("Account created"), error) &&
       lia_book_audit (self->book, id, "account", id, "created", NULL, values.number, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_account_store_get (db, id, refresh_from_row, account, NULL);
  lia_book_emit_account_changed (self->book, id, TRUE);
  return TRUE;
}

static char *
describe_money (LiaAccount *account)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                          lia_account_get_contract_value (account),
                          lia_account_get_currency (account));
}

/* Appends an audit line for each sensitive field that differs. */
static gboolean
audit_changes (LiaAccountRepository  *self,
               LiaAccount            *before,
               LiaAccount            *after,
               GError               **error)
{
  gint64 id = lia_account_get_id (after);

  if (lia_account_get_contract_value (before) != lia_account_get_contract_value (after) ||
      g_strcmp0 (lia_account_get_currency (before), lia_account_get_currency (after)) != 0)
    {
      /* Minor units and code, exact, so the trail never rounds. */
      g_autofree char *old_value = describe_money (before);
      g_autofree char *new_value = describe_money (after);

      if (!lia_book_audit (self->book, id, "account", id, "contract_value", old_value, new_value, error))
        return FALSE;
    }

  if (lia_account_get_manager_id (before) != lia_account_get_manager_id (after))
    {
      g_autofree char *old_value = lia_book_describe_staff (self->book, lia_account_get_manager_id (before));
      g_autofree char *new_value = lia_book_describe_staff (self->book, lia_account_get_manager_id (after));

      if (!lia_book_audit (self->book, id, "account", id, "manager", old_value, new_value, error))
        return FALSE;
    }

  if (lia_account_get_deputy_id (before) != lia_account_get_deputy_id (after))
    {
      g_autofree char *old_value = lia_book_describe_staff (self->book, lia_account_get_deputy_id (before));
      g_autofree char *new_value = lia_book_describe_staff (self->book, lia_account_get_deputy_id (after));

      if (!lia_book_audit (self->book, id, "account", id, "deputy", old_value, new_value, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
lia_account_repository_save (LiaAccountRepository  *self,
                             LiaAccount            *account,
                             GError               **error)
{
  LiaDatabase *db = db_of (self);
  g_autoptr(LiaAccount) stored = NULL;
  LiaAccountValues values;
  gint64 id = lia_account_get_id (account);
  gboolean ok;

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!validate_in_book (self, account, error) ||
      !(stored = lia_account_repository_lookup (self, id, error)))
    return FALSE;

  /* The lifecycle and verification move only through their own calls. */
  fill_values (account, &values);
  values.state = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, lia_account_get_state (stored));
  values.created_at = lia_account_get_created_at (stored);
  values.last_verified_at = lia_account_get_last_verified_at (stored);
  values.updated_at = lia_book_now (self->book);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_account_store_update (db, id, &values, error) &&
       audit_changes (self, stored, account, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_account_store_get (db, id, refresh_from_row, account, NULL);
  lia_book_emit_account_changed (self->book, id, FALSE);
  return TRUE;
}

gboolean
lia_account_repository_transition (LiaAccountRepository  *self,
                                   LiaAccount            *account,
                                   LiaAccountState        to,
                                   const char            *reason,
                                   GError               **error)
{
  LiaDatabase *db = db_of (self);
  g_autoptr(LiaAccount) stored = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));
  gint64 id = lia_account_get_id (account);
  gint64 now = lia_book_now (self->book);
  LiaAccountState from;
  const char *from_nick, *to_nick;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);

  /* Judge the move from what is stored, not from a possibly stale object. */
  if (!(stored = lia_account_repository_lookup (self, id, error)))
    return FALSE;
  from = lia_account_get_state (stored);

  if (!lia_account_state_can_transition (from, to))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_TRANSITION,
                   _("An account cannot move from %s to %s"),
                   lia_account_state_to_label (from), lia_account_state_to_label (to));
      return FALSE;
    }
  if (*why == '\0')
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("Give a reason for the change"));
      return FALSE;
    }
  if (!check_length (why, LIA_MAX_ADDRESS_LENGTH,
                     g_dngettext (GETTEXT_PACKAGE, "The reason is longer than %u character",
                                  "The reason is longer than %u characters", LIA_MAX_ADDRESS_LENGTH), error))
    return FALSE;

  from_nick = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, from);
  to_nick = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, to);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_account_store_set_state (db, id, to_nick, now, error) &&
       lia_account_store_add_history (db, id, now, lia_book_get_actor (self->book),
                                      from_nick, to_nick, why, error) &&
       lia_book_audit (self->book, id, "account", id, "state", from_nick, to_nick, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_account_store_get (db, id, refresh_from_row, account, NULL);
  lia_book_emit_account_changed (self->book, id, FALSE);
  return TRUE;
}

gboolean
lia_account_repository_mark_verified (LiaAccountRepository  *self,
                                      LiaAccount            *account,
                                      GError               **error)
{
  LiaDatabase *db = db_of (self);
  gint64 id = lia_account_get_id (account);

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  if (!lia_book_finish (self->book, lia_account_store_set_verified (db, id, lia_book_now (self->book), error), error))
    return FALSE;

  lia_account_store_get (db, id, refresh_from_row, account, NULL);
  lia_book_emit_account_changed (self->book, id, FALSE);
  return TRUE;
}

static void
new_account_from_row (LiaRow   *row,
                      gpointer  user_data)
{
  *(LiaAccount **)user_data = lia_account_new_from_row (row);
}

LiaAccount *
lia_account_repository_lookup (LiaAccountRepository  *self,
                               gint64                 id,
                               GError               **error)
{
  LiaAccount *account = NULL;

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), NULL);

  lia_account_store_get (db_of (self), id, new_account_from_row, &account, error);
  return account;
}

LiaAccount *
lia_account_repository_lookup_by_number (LiaAccountRepository  *self,
                                         const char            *number,
                                         GError               **error)
{
  LiaAccount *account = NULL;

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), NULL);

  lia_account_store_get_by_number (db_of (self), number, new_account_from_row, &account, error);
  return account;
}

/* Type-ahead over names, numbers, contacts and notes: at most @limit
 * accounts, in index order. */
GPtrArray *
lia_account_repository_search (LiaAccountRepository  *self,
                               const char            *text,
                               guint                  limit,
                               GError               **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_account_new_from_row, found };

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), NULL);

  if (!lia_account_store_search (db_of (self), text, limit, lia_collect_row, &collect, error))
    return NULL;

  return g_steal_pointer (&found);
}

typedef gboolean (*ListQuery) (LiaDatabase *, gint64, LiaRowFunc, gpointer, GError **);

/* Runs a per-account query into a new GListStore of @type. */
static GListModel *
list_for_account (LiaAccountRepository  *self,
                  ListQuery              query,
                  gint64                 account_id,
                  GType                  type,
                  LiaFromRowFunc         from_row,
                  GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { from_row, rows };
  GListStore *store;

  if (!query (db_of (self), account_id, lia_collect_row, &collect, error))
    return NULL;

  store = g_list_store_new (type);
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

GListModel *
lia_account_repository_list_contacts (LiaAccountRepository  *self,
                                      gint64                 account_id,
                                      GError               **error)
{
  return list_for_account (self, lia_contact_store_for_account, account_id, LIA_TYPE_CONTACT,
                           (LiaFromRowFunc)lia_contact_new_from_row, error);
}

GListModel *
lia_account_repository_list_inquiries (LiaAccountRepository  *self,
                                       gint64                 account_id,
                                       GError               **error)
{
  return list_for_account (self, lia_inquiry_store_for_account, account_id, LIA_TYPE_INQUIRY,
                           (LiaFromRowFunc)lia_inquiry_new_from_row, error);
}

GListModel *
lia_account_repository_list_history (LiaAccountRepository  *self,
                                     gint64                 account_id,
                                     GError               **error)
{
  return list_for_account (self, lia_account_store_history, account_id, LIA_TYPE_HISTORY_ENTRY,
                           (LiaFromRowFunc)lia_history_entry_new_from_row, error);
}

GListModel *
lia_account_repository_list_audit (LiaAccountRepository  *self,
                                   gint64                 account_id,
                                   GError               **error)
{
  return list_for_account (self, lia_account_store_audit, account_id, LIA_TYPE_AUDIT_ENTRY,
                           (LiaFromRowFunc)lia_audit_entry_new_from_row, error);
}

static void
fill_contact_values (LiaContact       *contact,
                     LiaContactValues *values)
{
  *values = (LiaContactValues) {
    .id = lia_contact_get_id (contact),
    .account_id = lia_contact_get_account_id (contact),
    .name = lia_contact_get_name (contact),
    .role = lia_contact_get_role (contact),
    .email = lia_contact_get_email (contact),
    .phone = lia_contact_get_phone (contact),
    .preferred_channel = lia_enum_to_nick (LIA_TYPE_CONTACT_CHANNEL,
                                           lia_contact_get_preferred_channel (contact)),
    .created_at = lia_contact_get_created_at (contact),
    .key_contact = lia_contact_get_key_contact (contact),
  };
}

static char *
describe_contact (LiaContact *contact)
{
  return g_strdup_printf ("%s <%s> %s", lia_contact_get_name (contact),
                          lia_contact_get_email (contact) ?: "",
                          lia_contact_get_phone (contact) ?: "");
}

/* Inserts @contact (keeping its id when it has one, for undo) with an
 * audit line named @what. */
static gboolean
insert_contact (LiaAccountRepository  *self,
                LiaContact            *contact,
                const char            *what,
                GError               **error)
{
  g_autoptr(LiaAccount) account = NULL;
  g_autofree char *described = NULL;
  LiaContactValues values;
  gint64 id = 0;
  gboolean ok;

  if (!lia_contact_validate (contact, error))
    return FALSE;
  if (!(account = lia_account_repository_lookup (self, lia_contact_get_account_id (contact), error)))
    return FALSE;

  fill_contact_values (contact, &values);
  if (values.created_at == 0)
    values.created_at = lia_book_now (self->book);
  described = describe_contact (contact);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_contact_store_insert (db_of (self), &values, &id, error) &&
       lia_book_audit (self->book, values.account_id, "contact", id, what, NULL, described, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_contact_set_id (contact, id);
  lia_book_emit_account_changed (self->book, values.account_id, FALSE);
  return TRUE;
}

gboolean
lia_account_repository_add_contact (LiaAccountRepository  *self,
                                    LiaContact            *contact,
                                    GError               **error)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (lia_contact_get_id (contact) == 0, FALSE);

  return insert_contact (self, contact, "added", error);
}

/* Undo of a removal: the same row comes back under its old id. */
gboolean
lia_account_repository_restore_contact (LiaAccountRepository  *self,
                                        LiaContact            *contact,
                                        GError               **error)
{
  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);
  g_return_val_if_fail (lia_contact_get_id (contact) > 0, FALSE);

  return insert_contact (self, contact, "restored", error);
}

static void
new_contact_from_row (LiaRow   *row,
                      gpointer  user_data)
{
  *(LiaContact **)user_data = lia_contact_new_from_row (row);
}

static gboolean
audit_contact_field (LiaAccountRepository  *self,
                     LiaContact            *contact,
                     const char            *field,
                     const char            *old_value,
                     const char            *new_value,
                     GError               **error)
{
  if (g_strcmp0 (old_value ? old_value : "", new_value ? new_value : "") == 0)
    return TRUE;

  return lia_book_audit (self->book, lia_contact_get_account_id (contact), "contact",
                lia_contact_get_id (contact), field, old_value, new_value, error);
}

gboolean
lia_account_repository_save_contact (LiaAccountRepository  *self,
                                     LiaContact            *contact,
                                     GError               **error)
{
  g_autoptr(LiaContact) stored = NULL;
  LiaContactValues values;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);

  if (!lia_contact_validate (contact, error))
    return FALSE;
  if (!lia_contact_store_get (db_of (self), lia_contact_get_id (contact),
                              new_contact_from_row, &stored, error))
    return FALSE;

  fill_contact_values (contact, &values);
  /* Moving a contact to another employer is the portfolios issue's job. */
  values.account_id = lia_contact_get_account_id (stored);
  values.created_at = lia_contact_get_created_at (stored);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_contact_store_update (db_of (self), &values, error) &&
       audit_contact_field (self, stored, "name", lia_contact_get_name (stored), values.name, error) &&
       audit_contact_field (self, stored, "role", lia_contact_get_role (stored), values.role, error) &&
       audit_contact_field (self, stored, "email", lia_contact_get_email (stored), values.email, error) &&
       audit_contact_field (self, stored, "phone", lia_contact_get_phone (stored), values.phone, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_book_emit_account_changed (self->book, values.account_id, FALSE);
  return TRUE;
}

gboolean
lia_account_repository_remove_contact (LiaAccountRepository  *self,
                                       LiaContact            *contact,
                                       GError               **error)
{
  g_autofree char *described = describe_contact (contact);
  gint64 account_id = lia_contact_get_account_id (contact);
  gboolean ok;

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_contact_store_delete (db_of (self), lia_contact_get_id (contact), error) &&
       lia_book_audit (self->book, account_id, "contact", lia_contact_get_id (contact), "removed",
              described, NULL, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_book_emit_account_changed (self->book, account_id, FALSE);
  return TRUE;
}

gboolean
lia_account_repository_add_inquiry (LiaAccountRepository  *self,
                                    LiaInquiry            *inquiry,
                                    GError               **error)
{
  LiaInquiryValues values = {
    .account_id = lia_inquiry_get_account_id (inquiry),
    .asked_at = lia_inquiry_get_asked_at (inquiry),
    .channel = lia_enum_to_nick (LIA_TYPE_INQUIRY_CHANNEL, lia_inquiry_get_channel (inquiry)),
    .question = lia_inquiry_get_question (inquiry),
    .advice = lia_inquiry_get_advice (inquiry),
    .staff_id = lia_inquiry_get_staff_id (inquiry),
  };
  gint64 id = 0;

  g_return_val_if_fail (LIA_IS_ACCOUNT_REPOSITORY (self), FALSE);

  if (is_blank (values.question))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("Write down what the customer asked"));
      return FALSE;
    }
  if (!check_length (values.question, LIA_MAX_NOTES_LENGTH,
                     g_dngettext (GETTEXT_PACKAGE, "The question is longer than %u character",
                                  "The question is longer than %u characters", LIA_MAX_NOTES_LENGTH), error) ||
      !check_length (values.advice, LIA_MAX_NOTES_LENGTH,
                     g_dngettext (GETTEXT_PACKAGE, "The advice is longer than %u character",
                                  "The advice is longer than %u characters", LIA_MAX_NOTES_LENGTH), error))
    return FALSE;
  if (values.asked_at == 0)
    values.asked_at = lia_book_now (self->book);

  if (!lia_book_begin (self->book, error))
    return FALSE;

  if (!lia_book_finish (self->book, lia_inquiry_store_insert (db_of (self), &values, &id, error), error))
    return FALSE;

  lia_inquiry_set_id (inquiry, id);
  lia_book_emit_account_changed (self->book, values.account_id, FALSE);
  return TRUE;
}
