/* lia-book.c — one open book of accounts: the context passed down to
 * everything that reads or changes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-book"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-repository.h"
#include "lia-credential-repository.h"
#include "lia-field-repository.h"
#include "lia-vault.h"
#include "lia-event-repository.h"
#include "lia-follow-up-repository.h"
#include "lia-meeting-repository.h"
#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-catalog-store.h"
#include "lia-portfolio-repository.h"
#include "lia-portfolio-store.h"
#include "lia-enum-types.h"
#include "lia-model-private.h"

struct _LiaBook
{
  GObject               parent_instance;

  LiaDatabase          *db;
  char                 *actor;
  LiaClockFunc          clock;
  gpointer              clock_data;
  LiaAccountRepository *accounts;
  LiaPortfolioRepository *portfolios;
  LiaEventRepository     *events;
  LiaMeetingRepository   *meetings;
  LiaFollowUpRepository  *follow_ups;
  LiaVault               *vault;
  LiaCredentialRepository *credentials;
  LiaFieldRepository     *fields;
  GListStore           *segments;
  GHashTable           *segment_policies;  /* id → SegmentPolicy */
  GArray               *pending;           /* PendingChange, held until the outermost commit */
  GListStore           *service_plans;
  GListStore           *staff;
};

/* What a segment asks of its accounts: data, editable in preferences. */
typedef struct
{
  guint    cadence_days;       /* 0: no contact cadence */
  gboolean requires_manager;
} SegmentPolicy;

typedef struct
{
  gint64   account_id;
  gboolean inserted;
} PendingChange;

G_DEFINE_FINAL_TYPE (LiaBook, lia_book, G_TYPE_OBJECT)

enum { PROP_0, PROP_ACTOR, N_PROPS };
enum { ACCOUNT_CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
lia_book_dispose (GObject *object)
{
  LiaBook *self = (LiaBook *)object;

  g_clear_object (&self->accounts);
  g_clear_object (&self->portfolios);
  g_clear_object (&self->events);
  g_clear_object (&self->meetings);
  g_clear_object (&self->follow_ups);
  g_clear_object (&self->credentials);
  g_clear_object (&self->fields);
  g_clear_object (&self->vault);
  g_clear_object (&self->segments);
  g_clear_object (&self->service_plans);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (lia_book_parent_class)->dispose (object);
}

static void
lia_book_finalize (GObject *object)
{
  LiaBook *self = (LiaBook *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->segment_policies, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (lia_book_parent_class)->finalize (object);
}

static void
lia_book_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LiaBook *self = LIA_BOOK (object);

  switch (prop_id)
    {
    case PROP_ACTOR: g_value_set_string (value, self->actor); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_book_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LiaBook *self = LIA_BOOK (object);

  switch (prop_id)
    {
    case PROP_ACTOR: lia_book_set_actor (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_book_class_init (LiaBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lia_book_dispose;
  object_class->finalize = lia_book_finalize;
  object_class->get_property = lia_book_get_property;
  object_class->set_property = lia_book_set_property;

  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaBook::account-changed:
   * @account_id: the account written, or 0 when many changed at once
   * @inserted: whether it is a new account
   *
   * Emitted after a committed write, so lists can update precisely.
   */
  signals[ACCOUNT_CHANGED] =
    g_signal_new ("account-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);
}

static void
lia_book_init (LiaBook *self)
{
  self->segments = g_list_store_new (LIA_TYPE_CHOICE);
  self->segment_policies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->service_plans = g_list_store_new (LIA_TYPE_CHOICE);
  self->staff = g_list_store_new (LIA_TYPE_STAFF_MEMBER);
}

/* The book lives in the XDG data dir (inside the Flatpak sandbox, the
 * app's own ~/.var/app/… folder). */
char *
lia_book_default_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "liaison", NULL);
}

char *
lia_book_path_for_data_dir (const char *data_dir)
{
  return g_build_filename (data_dir, "liaison.db", NULL);
}

/* Shared by every model query that turns rows into objects. */
void
lia_collect_row (LiaRow   *row,
                 gpointer  user_data)
{
  LiaCollect *collect = user_data;

  g_ptr_array_add (collect->array, collect->from_row (row));
}

static gboolean
load_choices (LiaBook     *self,
              gboolean   (*query) (LiaDatabase *, LiaRowFunc, gpointer, GError **),
              GListStore  *store,
              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_choice_new_from_row, rows };

  if (!query (self->db, lia_collect_row, &collect, error))
    return FALSE;

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       rows->pdata, rows->len);
  return TRUE;
}

gboolean
lia_book_reload_staff (LiaBook  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_staff_member_new_from_row, rows };

  if (!lia_catalog_store_staff (self->db, lia_collect_row, &collect, error))
    return FALSE;

  g_list_store_splice (self->staff, 0, g_list_model_get_n_items (G_LIST_MODEL (self->staff)),
                       rows->pdata, rows->len);
  return TRUE;
}

static void
read_segment (LiaRow   *row,
              gpointer  user_data)
{
  LiaBook *self = user_data;
  SegmentPolicy *policy = g_new0 (SegmentPolicy, 1);

  policy->cadence_days = (guint)lia_row_get_int64 (row, LIA_SEGMENT_COLUMN_CADENCE_DAYS);
  policy->requires_manager = lia_row_get_int64 (row, LIA_SEGMENT_COLUMN_REQUIRES_MANAGER) != 0;
  g_hash_table_replace (self->segment_policies,
                        g_strdup (lia_row_get_string (row, LIA_CHOICE_COLUMN_ID)), policy);
}

static gboolean
load_segments (LiaBook  *self,
               GError  **error)
{
  g_hash_table_remove_all (self->segment_policies);

  return load_choices (self, lia_catalog_store_segments, self->segments, error) &&
         lia_catalog_store_segments (self->db, read_segment, self, error);
}

/**
 * lia_book_open:
 *
 * Opens (creating if needed) the book at @path. The actor defaults to the
 * system's real name until the caller sets the person's chosen one.
 */
LiaBook *
lia_book_open (const char  *path,
               GError     **error)
{
  g_autoptr(LiaBook) self = g_object_new (LIA_TYPE_BOOK, NULL);

  if (!(self->db = lia_database_open (path, error)))
    return NULL;

  self->actor = g_strdup (g_get_real_name ());
  self->accounts = lia_account_repository_new (self);
  self->portfolios = lia_portfolio_repository_new (self);
  self->events = lia_event_repository_new (self);
  self->meetings = lia_meeting_repository_new (self);
  self->follow_ups = lia_follow_up_repository_new (self);

  /* Reference data is small (tens of rows): load it once, up front. */
  if (!load_segments (self, error) ||
      !load_choices (self, lia_catalog_store_service_plans, self->service_plans, error) ||
      !lia_book_reload_staff (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

LiaDatabase *
lia_book_get_database (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return self->db;
}

const char *
lia_book_get_path (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return lia_database_get_path (self->db);
}

gboolean
lia_book_is_read_only (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), TRUE);
  return lia_database_is_read_only (self->db);
}

const char *
lia_book_get_actor (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return self->actor;
}

/* An empty name falls back to the system's real name: every history and
 * audit entry must say who. */
void
lia_book_set_actor (LiaBook    *self,
                    const char *actor)
{
  g_return_if_fail (LIA_IS_BOOK (self));

  if (actor == NULL || *actor == '\0')
    actor = g_get_real_name ();
  if (g_strcmp0 (self->actor, actor) == 0)
    return;

  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

gint64
lia_book_now (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), 0);

  if (self->clock)
    return self->clock (self->clock_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
lia_book_set_clock (LiaBook      *self,
                    LiaClockFunc  clock,
                    gpointer      user_data)
{
  g_return_if_fail (LIA_IS_BOOK (self));

  self->clock = clock;
  self->clock_data = user_data;
}

LiaAccountRepository *
lia_book_get_accounts (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return self->accounts;
}

LiaPortfolioRepository *
lia_book_get_portfolios (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return self->portfolios;
}

LiaEventRepository *
lia_book_get_events (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return self->events;
}

LiaMeetingRepository *
lia_book_get_meetings (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return self->meetings;
}

LiaFollowUpRepository *
lia_book_get_follow_ups (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return self->follow_ups;
}

/* Created on first use: most commands and tests never reach for the
 * keyring, and nothing keyring-bound happens until lia_vault_open(). */
LiaVault *
lia_book_get_vault (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);

  if (self->vault == NULL)
    self->vault = lia_vault_new (self);

  return self->vault;
}

LiaCredentialRepository *
lia_book_get_credentials (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);

  if (self->credentials == NULL)
    self->credentials = lia_credential_repository_new (self);

  return self->credentials;
}

LiaFieldRepository *
lia_book_get_fields (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);

  if (self->fields == NULL)
    self->fields = lia_field_repository_new (self);

  return self->fields;
}

GListModel *
lia_book_get_segments (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return G_LIST_MODEL (self->segments);
}

GListModel *
lia_book_get_service_plans (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return G_LIST_MODEL (self->service_plans);
}

GListModel *
lia_book_get_staff (LiaBook *self)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return G_LIST_MODEL (self->staff);
}

static const char *
choice_name (GListStore *store,
             const char *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiaChoice) choice = g_list_model_get_item (G_LIST_MODEL (store), i);

      /* The store keeps its own reference, so the name outlives @choice. */
      if (g_strcmp0 (lia_choice_get_id (choice), id) == 0)
        return lia_choice_get_name (choice);
    }

  return NULL;
}

const char *
lia_book_get_segment_name (LiaBook    *self,
                           const char *segment_id)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return choice_name (self->segments, segment_id);
}

const char *
lia_book_get_service_plan_name (LiaBook    *self,
                                const char *plan_id)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);
  return choice_name (self->service_plans, plan_id);
}

static const SegmentPolicy *
segment_policy (LiaBook    *self,
                const char *segment_id)
{
  static const SegmentPolicy none = { 0, FALSE };
  const SegmentPolicy *policy = NULL;

  if (segment_id != NULL)
    policy = g_hash_table_lookup (self->segment_policies, segment_id);
  return policy ? policy : &none;
}

guint
lia_book_get_segment_cadence (LiaBook    *self,
                              const char *segment_id)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), 0);
  return segment_policy (self, segment_id)->cadence_days;
}

gboolean
lia_book_segment_requires_manager (LiaBook    *self,
                                   const char *segment_id)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), FALSE);
  return segment_policy (self, segment_id)->requires_manager;
}

/* @days == 0 removes the segment's cadence. */
gboolean
lia_book_set_segment_cadence (LiaBook     *self,
                              const char  *segment_id,
                              guint        days,
                              GError     **error)
{
  g_return_val_if_fail (LIA_IS_BOOK (self), FALSE);

  if (lia_book_get_segment_name (self, segment_id) == NULL)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, _("Unknown segment “%s”"), segment_id);
      return FALSE;
    }

  if (!lia_book_begin (self, error))
    return FALSE;
  if (!lia_portfolio_store_set_segment_cadence (self->db, segment_id, (int)days, error))
    {
      lia_book_rollback (self);
      return FALSE;
    }

  return lia_book_commit (self, error) && load_segments (self, error);
}

/* The trimmed name, or NULL with an error when it is empty. */
static char *
staff_name_or_error (const char  *name,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("A staff member needs a name"));
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

/* NULL when @staff_id is nobody on the staff. */
LiaStaffMember *
lia_book_lookup_staff (LiaBook *self,
                       gint64   staff_id)
{
  GListModel *staff;

  g_return_val_if_fail (LIA_IS_BOOK (self), NULL);

  staff = G_LIST_MODEL (self->staff);
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(LiaStaffMember) member = g_list_model_get_item (staff, i);

      if (lia_staff_member_get_id (member) == staff_id)
        return g_steal_pointer (&member);
    }

  return NULL;
}

/* Staff are never deleted (history names them): deactivate instead. */
gboolean
lia_book_update_staff (LiaBook       *self,
                       gint64         id,
                       const char    *name,
                       LiaStaffRole   role,
                       const char    *email,
                       gboolean       active,
                       GError       **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LIA_IS_BOOK (self), FALSE);

  if (!(stripped = staff_name_or_error (name, error)))
    return FALSE;

  if (!lia_book_begin (self, error))
    return FALSE;
  if (!lia_catalog_store_update_staff (self->db, id, stripped,
                                       lia_enum_to_nick (LIA_TYPE_STAFF_ROLE, role),
                                       email, active, error))
    {
      lia_book_rollback (self);
      return FALSE;
    }

  if (!lia_book_commit (self, error) || !lia_book_reload_staff (self, error))
    return FALSE;

  /* Accounts show whether their manager is still active. */
  lia_book_emit_account_changed (self, 0, FALSE);
  return TRUE;
}

gboolean
lia_book_add_staff (LiaBook       *self,
                    const char    *name,
                    LiaStaffRole   role,
                    const char    *email,
                    gint64        *out_id,
                    GError       **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LIA_IS_BOOK (self), FALSE);

  if (!(stripped = staff_name_or_error (name, error)))
    return FALSE;

  if (!lia_book_begin (self, error))
    return FALSE;

  if (!lia_catalog_store_add_staff (self->db, stripped,
                                    lia_enum_to_nick (LIA_TYPE_STAFF_ROLE, role),
                                    email, out_id, error))
    {
      lia_book_rollback (self);
      return FALSE;
    }

  return lia_book_commit (self, error) && lia_book_reload_staff (self, error);
}

/* Returns 0 when nobody has that name. */
gint64
lia_book_find_staff (LiaBook    *self,
                     const char *name)
{
  gint64 id = 0;

  g_return_val_if_fail (LIA_IS_BOOK (self), 0);

  if (!lia_catalog_store_staff_by_name (self->db, name, &id, NULL))
    return 0;
  return id;
}

gboolean
lia_book_is_empty (LiaBook *self)
{
  gboolean any = TRUE;

  g_return_val_if_fail (LIA_IS_BOOK (self), TRUE);

  lia_account_store_any (self->db, &any, NULL);
  return !any;
}

gboolean
lia_book_begin (LiaBook  *self,
                GError  **error)
{
  return lia_database_begin (self->db, error);
}

static void
flush_pending (LiaBook *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *change = &g_array_index (pending, PendingChange, i);

      g_signal_emit (self, signals[ACCOUNT_CHANGED], 0, change->account_id, change->inserted);
    }
}

gboolean
lia_book_commit (LiaBook  *self,
                 GError  **error)
{
  if (!lia_database_commit (self->db, error))
    {
      lia_book_rollback (self);
      return FALSE;
    }

  /* Listeners hear of a change only once it is really in the file. */
  if (!lia_database_in_transaction (self->db))
    flush_pending (self);
  return TRUE;
}

void
lia_book_rollback (LiaBook *self)
{
  lia_database_rollback (self->db);

  if (!lia_database_in_transaction (self->db))
    {
      /* Inner writes may have been committed to a savepoint and reloaded
       * the staff; none of it happened now. */
      g_array_set_size (self->pending, 0);
      lia_book_reload_staff (self, NULL);
    }
}

/* Appends to the audit trail as the current actor, at the book's now. */
gboolean
lia_book_audit (LiaBook     *self,
                gint64       account_id,
                const char  *entity,
                gint64       entity_id,
                const char  *field,
                const char  *old_value,
                const char  *new_value,
                GError     **error)
{
  return lia_account_store_add_audit (self->db, account_id, entity, entity_id, field,
                                      old_value, new_value, self->actor,
                                      lia_book_now (self), error);
}

/* Ends a write begun with lia_book_begin(): commit, or roll back keeping
 * the error that stopped it. */
gboolean
lia_book_finish (LiaBook   *self,
                 gboolean   ok,
                 GError   **error)
{
  if (!ok)
    {
      lia_book_rollback (self);
      return FALSE;
    }

  return lia_book_commit (self, error);
}

/* "12 Alice Martin": the id keeps the trail exact if names change. */
char *
lia_book_describe_staff (LiaBook *self,
                         gint64   staff_id)
{
  g_autoptr(LiaStaffMember) member = NULL;

  if (staff_id == 0)
    return NULL;

  if (!(member = lia_book_lookup_staff (self, staff_id)))
    return g_strdup_printf ("%" G_GINT64_FORMAT, staff_id);

  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", staff_id, lia_staff_member_get_name (member));
}

void
lia_book_emit_account_changed (LiaBook  *self,
                               gint64    account_id,
                               gboolean  inserted)
{
  PendingChange change = { account_id, inserted };

  g_return_if_fail (LIA_IS_BOOK (self));

  g_array_append_val (self->pending, change);
  if (!lia_database_in_transaction (self->db))
    flush_pending (self);
}
