/* lia-book.c — one open book of accounts: the context passed down to
 * everything that reads or changes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-book"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-repository.h"
#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-catalog-store.h"
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
  GListStore           *segments;
  GListStore           *service_plans;
  GListStore           *staff;
};

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

  /* Reference data is small (tens of rows): load it once, up front. */
  if (!load_choices (self, lia_catalog_store_segments, self->segments, error) ||
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

gboolean
lia_book_add_staff (LiaBook       *self,
                    const char    *name,
                    LiaStaffRole   role,
                    const char    *email,
                    gint64        *out_id,
                    GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  g_return_val_if_fail (LIA_IS_BOOK (self), FALSE);

  if (*stripped == '\0')
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("A staff member needs a name"));
      return FALSE;
    }

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
  LiaAccountQuery all = { .include_closed = TRUE };
  guint count = 0;

  g_return_val_if_fail (LIA_IS_BOOK (self), TRUE);

  if (!lia_account_store_count (self->db, &all, &count, NULL))
    return FALSE;
  return count == 0;
}

gboolean
lia_book_begin (LiaBook  *self,
                GError  **error)
{
  return lia_database_begin (self->db, error);
}

gboolean
lia_book_commit (LiaBook  *self,
                 GError  **error)
{
  return lia_database_commit (self->db, error);
}

void
lia_book_rollback (LiaBook *self)
{
  lia_database_rollback (self->db);
}

void
lia_book_emit_account_changed (LiaBook  *self,
                               gint64    account_id,
                               gboolean  inserted)
{
  g_return_if_fail (LIA_IS_BOOK (self));
  g_signal_emit (self, signals[ACCOUNT_CHANGED], 0, account_id, inserted);
}
