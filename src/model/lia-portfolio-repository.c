/* lia-portfolio-repository.c — corporate groups: hierarchy, roll-ups,
 * contact coverage, workload and re-deployment of account managers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-portfolio-repository"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-repository.h"
#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-event-private.h"
#include "lia-contact-store.h"
#include "lia-enum-types.h"
#include "lia-meeting-private.h"
#include "lia-model-private.h"
#include "lia-portfolio-repository.h"
#include "lia-portfolio-store.h"

struct _LiaPortfolioRepository
{
  GObject  parent_instance;
  LiaBook *book;  /* unowned: the book owns us */
};

G_DEFINE_FINAL_TYPE (LiaPortfolioRepository, lia_portfolio_repository, G_TYPE_OBJECT)

static void
lia_portfolio_repository_class_init (LiaPortfolioRepositoryClass *klass)
{
}

static void
lia_portfolio_repository_init (LiaPortfolioRepository *self)
{
}

LiaPortfolioRepository *
lia_portfolio_repository_new (LiaBook *book)
{
  LiaPortfolioRepository *self = g_object_new (LIA_TYPE_PORTFOLIO_REPOSITORY, NULL);

  self->book = book;
  return self;
}

static LiaDatabase *
db_of (LiaPortfolioRepository *self)
{
  return lia_book_get_database (self->book);
}

static GListModel *
store_from_rows (GType      type,
                 GPtrArray *rows)
{
  GListStore *store = g_list_store_new (type);

  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

typedef gboolean (*IdQuery) (LiaDatabase *, gint64, LiaRowFunc, gpointer, GError **);
typedef gboolean (*IdNowQuery) (LiaDatabase *, gint64, gint64, const char *, LiaRowFunc, gpointer,
                                GError **);

/* Runs a query keyed by one id into a new list of @type. */
static GListModel *
list_by_id (LiaPortfolioRepository  *self,
            IdQuery                  query,
            gint64                   id,
            GType                    type,
            LiaFromRowFunc           from_row,
            GError                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { from_row, rows };

  if (!query (db_of (self), id, lia_collect_row, &collect, error))
    return NULL;

  return store_from_rows (type, rows);
}

/* Roll-ups read each account's next review: those that have passed are
 * brought up to date first. A failure leaves them out, not the page. */
static char *
prepare_rollup (LiaPortfolioRepository *self)
{
  g_autoptr(GError) error = NULL;

  if (!lia_meeting_repository_refresh_reviews (lia_book_get_meetings (self->book), &error))
    g_warning ("Cannot bring the next reviews up to date: %s", error->message);
  return lia_follow_up_local_day (lia_book_now (self->book));
}

/* Roll-ups count SLA breaches up to the book's now and follow-ups
 * overdue on its local day. */
static GListModel *
rollup_by_id (LiaPortfolioRepository  *self,
              IdNowQuery               query,
              gint64                   id,
              GError                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_portfolio_node_new_from_row, rows };
  g_autofree char *today = prepare_rollup (self);

  if (!query (db_of (self), id, lia_book_now (self->book), today, lia_collect_row, &collect, error))
    return NULL;

  return store_from_rows (LIA_TYPE_PORTFOLIO_NODE, rows);
}

/* The groups: top-level accounts with subsidiaries or sites, each rolled
 * up over its whole tree by one recursive query. */
GListModel *
lia_portfolio_repository_list_groups (LiaPortfolioRepository  *self,
                                      GError                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_portfolio_node_new_from_row, rows };
  g_autofree char *today = NULL;

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), NULL);

  today = prepare_rollup (self);
  if (!lia_portfolio_store_groups (db_of (self), lia_book_now (self->book), today,
                                   lia_collect_row, &collect, error))
    return NULL;

  return store_from_rows (LIA_TYPE_PORTFOLIO_NODE, rows);
}

GListModel *
lia_portfolio_repository_list_children (LiaPortfolioRepository  *self,
                                        gint64                   parent_id,
                                        GError                 **error)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), NULL);

  return rollup_by_id (self, lia_portfolio_store_children, parent_id, error);
}

LiaPortfolioNode *
lia_portfolio_repository_lookup_node (LiaPortfolioRepository  *self,
                                      gint64                   account_id,
                                      GError                 **error)
{
  g_autoptr(GListModel) nodes = NULL;

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), NULL);

  nodes = rollup_by_id (self, lia_portfolio_store_node, account_id, error);
  if (nodes == NULL)
    return NULL;

  if (g_list_model_get_n_items (nodes) == 0)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_NOT_FOUND,
                   _("No account with id %lld"), (long long) account_id);
      return NULL;
    }

  return g_list_model_get_item (nodes, 0);
}

/* The top of @account_id's group (itself when it stands alone). */
gint64
lia_portfolio_repository_find_root (LiaPortfolioRepository *self,
                                    gint64                  account_id)
{
  gint64 root = account_id;

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), 0);

  lia_portfolio_store_root_of (db_of (self), account_id, &root, NULL);
  return root;
}

/**
 * lia_portfolio_repository_set_parent:
 * @parent_id: the new parent, or 0 to make @account a group of its own
 *
 * Moves @account (with everything below it) under @parent_id. An account
 * has at most one parent, and a move that would put an account under
 * itself or one of its own subsidiaries is refused with %LIA_ERROR_CYCLE.
 */
gboolean
lia_portfolio_repository_set_parent (LiaPortfolioRepository  *self,
                                     LiaAccount              *account,
                                     gint64                   parent_id,
                                     GError                 **error)
{
  LiaDatabase *db = db_of (self);
  gint64 id = lia_account_get_id (account);
  gint64 old_parent;
  g_autofree char *old_value = NULL, *new_value = NULL;
  g_autoptr(LiaAccount) parent = NULL;
  g_autoptr(LiaAccount) stored = NULL;
  gboolean cycle = FALSE;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), FALSE);

  if (parent_id != 0 &&
      !(parent = lia_account_repository_lookup (lia_book_get_accounts (self->book), parent_id, error)))
    return FALSE;

  if (!lia_book_begin (self->book, error))
    return FALSE;

  /* What is stored, not what a possibly stale object says, is audited. */
  if (!(stored = lia_account_repository_lookup (lia_book_get_accounts (self->book), id, error)))
    return lia_book_finish (self->book, FALSE, error);
  old_parent = lia_account_get_parent_id (stored);

  /* Checked inside the transaction, so no other write can slip a cycle in. */
  if (parent_id != 0 && !lia_portfolio_store_is_ancestor (db, id, parent_id, &cycle, error))
    return lia_book_finish (self->book, FALSE, error);
  if (cycle)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_CYCLE,
                   _("“%s” cannot be placed under “%s”: it is already above it in the group"),
                   lia_account_get_name (account), lia_account_get_name (parent));
      return lia_book_finish (self->book, FALSE, error);
    }

  old_value = old_parent ? g_strdup_printf ("%" G_GINT64_FORMAT, old_parent) : NULL;
  new_value = parent_id ? g_strdup_printf ("%" G_GINT64_FORMAT, parent_id) : NULL;
  ok = lia_portfolio_store_set_parent (db, id, parent_id, lia_book_now (self->book), error) &&
       lia_book_audit (self->book, id, "account", id, "parent", old_value, new_value, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_account_set_parent_id (account, parent_id);
  lia_book_emit_account_changed (self->book, id, FALSE);
  return TRUE;
}

/* @happened_at 0 means now. The person logging it is the book's actor. */
gboolean
lia_portfolio_repository_log_contact (LiaPortfolioRepository  *self,
                                      gint64                   account_id,
                                      LiaContactKind           kind,
                                      gint64                   happened_at,
                                      gint64                   contact_id,
                                      const char              *notes,
                                      GError                 **error)
{
  gint64 staff_id, event_id = 0;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), FALSE);

  if (happened_at == 0)
    happened_at = lia_book_now (self->book);
  if (happened_at > lia_book_now (self->book))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("A contact cannot be logged in the future"));
      return FALSE;
    }
  if (notes != NULL && g_utf8_strlen (notes, -1) > 20000)
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("The notes are longer than 20000 characters"));
      return FALSE;
    }

  staff_id = lia_book_find_staff (self->book, lia_book_get_actor (self->book));

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_portfolio_store_log_contact (db_of (self), account_id, contact_id,
                                        lia_enum_to_nick (LIA_TYPE_CONTACT_KIND, kind),
                                        happened_at, staff_id, notes, &event_id, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_book_emit_account_changed (self->book, account_id, FALSE);
  /* A contact made is an event on the timeline. */
  lia_event_repository_emit_changed (lia_book_get_events (self->book), event_id, account_id);
  return TRUE;
}

/* Major accounts (those with a contact cadence), most overdue first. */
GListModel *
lia_portfolio_repository_list_coverage (LiaPortfolioRepository  *self,
                                        gboolean                 only_overdue,
                                        guint                    limit,
                                        GError                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_coverage_entry_new_from_row, rows };

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), NULL);

  if (!lia_portfolio_store_coverage (db_of (self), lia_book_now (self->book), only_overdue,
                                     limit, lia_collect_row, &collect, error))
    return NULL;

  return store_from_rows (LIA_TYPE_COVERAGE_ENTRY, rows);
}

/* The share the coverage page leads with: major accounts within cadence. */
gboolean
lia_portfolio_repository_count_coverage (LiaPortfolioRepository  *self,
                                         guint                   *out_on_time,
                                         guint                   *out_total,
                                         GError                 **error)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), FALSE);

  return lia_portfolio_store_coverage_counts (db_of (self), lia_book_now (self->book),
                                              out_on_time, out_total, error);
}

GListModel *
lia_portfolio_repository_list_workload (LiaPortfolioRepository  *self,
                                        GError                 **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  LiaCollect collect = { (LiaFromRowFunc)lia_workload_entry_new_from_row, rows };

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), NULL);

  if (!lia_portfolio_store_workload (db_of (self), lia_collect_row, &collect, error))
    return NULL;

  return store_from_rows (LIA_TYPE_WORKLOAD_ENTRY, rows);
}

static gboolean
is_active_staff (LiaBook *book,
                 gint64   staff_id)
{
  g_autoptr(LiaStaffMember) member = lia_book_lookup_staff (book, staff_id);

  return member != NULL && lia_staff_member_get_active (member);
}

typedef struct
{
  GHashTable *seen;      /* account ids already planned */
  GPtrArray  *plan;
  gint64      new_manager_id;
  gboolean    cascade;
} PlanBuilder;

static void
add_to_plan (LiaRow   *row,
             gpointer  user_data)
{
  PlanBuilder *builder = user_data;
  gint64 id = lia_row_get_int64 (row, LIA_MEMBER_COLUMN_ID);
  guint depth = (guint)lia_row_get_int64 (row, LIA_MEMBER_COLUMN_DEPTH);
  gint64 old_manager = lia_row_get_int64 (row, LIA_MEMBER_COLUMN_MANAGER_ID);

  if ((depth > 0 && !builder->cascade) ||
      old_manager == builder->new_manager_id ||
      !g_hash_table_add (builder->seen, GINT_TO_POINTER (id)))
    return;

  g_ptr_array_add (builder->plan,
                   lia_reassignment_new (id, lia_row_get_string (row, LIA_MEMBER_COLUMN_NAME),
                                         depth, old_manager, builder->new_manager_id));
}

/**
 * lia_portfolio_repository_preview_reassignment:
 * @cascade: also move the subsidiaries and sites below each account
 *
 * Lists exactly what handing @account_ids to @new_manager_id would change;
 * accounts already with that manager are left out. Nothing is written.
 */
GListModel *
lia_portfolio_repository_preview_reassignment (LiaPortfolioRepository  *self,
                                               const gint64            *account_ids,
                                               guint                    n_account_ids,
                                               gboolean                 cascade,
                                               gint64                   new_manager_id,
                                               GError                 **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
  PlanBuilder builder = { seen, plan, new_manager_id, cascade };

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), NULL);

  if (!is_active_staff (self->book, new_manager_id))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("Accounts can only be handed to an active staff member"));
      return NULL;
    }

  for (guint i = 0; i < n_account_ids; i++)
    if (!lia_portfolio_store_subtree (db_of (self), account_ids[i], add_to_plan, &builder, error))
      return NULL;

  return store_from_rows (LIA_TYPE_REASSIGNMENT, plan);
}

/* Writes each account's manager (the new one, or the old one for undo) in
 * one transaction, with an audit line for each. */
static gboolean
write_plan (LiaPortfolioRepository  *self,
            GListModel              *plan,
            gboolean                 undo,
            GError                 **error)
{
  LiaDatabase *db = db_of (self);
  gint64 now = lia_book_now (self->book);
  guint n = g_list_model_get_n_items (plan);
  gboolean ok = TRUE;

  if (!lia_book_begin (self->book, error))
    return FALSE;

  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(LiaReassignment) step = g_list_model_get_item (plan, i);
      gint64 id = lia_reassignment_get_account_id (step);
      gint64 from = undo ? lia_reassignment_get_new_manager_id (step) : lia_reassignment_get_old_manager_id (step);
      gint64 to = undo ? lia_reassignment_get_old_manager_id (step) : lia_reassignment_get_new_manager_id (step);
      g_autofree char *old_value = lia_book_describe_staff (self->book, from);
      g_autofree char *new_value = lia_book_describe_staff (self->book, to);

      /* Staff may have left since the preview (or since the apply, for an
       * undo): never hand accounts to someone inactive. */
      if (to != 0 && !is_active_staff (self->book, to))
        {
          g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                       _("%s is no longer active; accounts cannot be handed to them"),
                       new_value);
          ok = FALSE;
          break;
        }

      ok = lia_portfolio_store_set_manager (db, id, to, now, error) &&
           lia_book_audit (self->book, id, "account", id, "manager", old_value, new_value, error);
    }

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_book_emit_account_changed (self->book, 0, FALSE);
  return TRUE;
}

gboolean
lia_portfolio_repository_apply_reassignment (LiaPortfolioRepository  *self,
                                             GListModel              *plan,
                                             GError                 **error)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), FALSE);
  return write_plan (self, plan, FALSE, error);
}

/* Puts every account of an applied @plan back with its previous manager. */
gboolean
lia_portfolio_repository_undo_reassignment (LiaPortfolioRepository  *self,
                                            GListModel              *plan,
                                            GError                 **error)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), FALSE);
  return write_plan (self, plan, TRUE, error);
}

gboolean
lia_portfolio_repository_add_note (LiaPortfolioRepository  *self,
                                   gint64                   account_id,
                                   LiaNoteKind              kind,
                                   const char              *body,
                                   GError                 **error)
{
  g_autofree char *text = g_strstrip (g_strdup (body ? body : ""));
  gboolean ok;

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), FALSE);

  if (*text == '\0')
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE, _("The note is empty"));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > 20000)
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                           _("The note is longer than 20000 characters"));
      return FALSE;
    }

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_portfolio_store_add_note (db_of (self), account_id, lia_book_now (self->book),
                                     lia_enum_to_nick (LIA_TYPE_NOTE_KIND, kind), text,
                                     lia_book_get_actor (self->book), NULL, error);
  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  /* Notes are on the account's timeline. */
  lia_book_emit_account_changed (self->book, account_id, FALSE);
  return TRUE;
}

GListModel *
lia_portfolio_repository_list_notes (LiaPortfolioRepository  *self,
                                     gint64                   root_id,
                                     GError                 **error)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), NULL);

  return list_by_id (self, lia_portfolio_store_group_notes, root_id, LIA_TYPE_ACCOUNT_NOTE,
                     (LiaFromRowFunc)lia_account_note_new_from_row, error);
}

/* Everyone at the group's companies and sites, key contacts first. */
GListModel *
lia_portfolio_repository_list_group_contacts (LiaPortfolioRepository  *self,
                                              gint64                   root_id,
                                              GError                 **error)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), NULL);

  return list_by_id (self, lia_portfolio_store_group_key_contacts, root_id, LIA_TYPE_CONTACT,
                     (LiaFromRowFunc)lia_contact_new_from_group_row, error);
}

/**
 * lia_portfolio_repository_move_contact:
 *
 * A contact who changes employer moves to @new_account_id; what they asked
 * and did before stays with the old account, and their employment history
 * records both.
 */
gboolean
lia_portfolio_repository_move_contact (LiaPortfolioRepository  *self,
                                       LiaContact              *contact,
                                       gint64                   new_account_id,
                                       GError                 **error)
{
  g_autoptr(LiaAccount) target = NULL;
  gint64 old_account_id = 0;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = g_strdup_printf ("%" G_GINT64_FORMAT, new_account_id);
  gboolean ok;

  g_return_val_if_fail (LIA_IS_PORTFOLIO_REPOSITORY (self), FALSE);

  /* The stored employer, not what a possibly stale object says. */
  if (!lia_contact_store_employer (db_of (self), lia_contact_get_id (contact), &old_account_id, error))
    return FALSE;
  if (new_account_id == old_account_id)
    return TRUE;
  old_value = g_strdup_printf ("%" G_GINT64_FORMAT, old_account_id);
  if (!(target = lia_account_repository_lookup (lia_book_get_accounts (self->book), new_account_id, error)))
    return FALSE;

  if (!lia_book_begin (self->book, error))
    return FALSE;

  ok = lia_contact_store_move (db_of (self), lia_contact_get_id (contact), new_account_id,
                               lia_book_now (self->book), error) &&
       lia_book_audit (self->book, old_account_id, "contact", lia_contact_get_id (contact),
                       "employer", old_value, new_value, error) &&
       lia_book_audit (self->book, new_account_id, "contact", lia_contact_get_id (contact),
                       "employer", old_value, new_value, error);

  if (!lia_book_finish (self->book, ok, error))
    return FALSE;

  lia_contact_set_account_id (contact, new_account_id);
  lia_book_emit_account_changed (self->book, old_account_id, FALSE);
  lia_book_emit_account_changed (self->book, new_account_id, FALSE);
  return TRUE;
}
