/* lia-book.h — one open book of accounts: the context passed down to
 * everything that reads or changes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-enums.h"
#include "lia-staff-member.h"

G_BEGIN_DECLS

#define LIA_TYPE_BOOK (lia_book_get_type ())

G_DECLARE_FINAL_TYPE (LiaBook, lia_book, LIA, BOOK, GObject)

typedef struct _LiaAccountRepository LiaAccountRepository;
typedef struct _LiaPortfolioRepository LiaPortfolioRepository;
typedef struct _LiaEventRepository LiaEventRepository;
typedef struct _LiaMeetingRepository LiaMeetingRepository;
typedef struct _LiaFollowUpRepository LiaFollowUpRepository;
typedef struct _LiaVault LiaVault;
typedef struct _LiaCredentialRepository LiaCredentialRepository;
typedef struct _LiaFieldRepository LiaFieldRepository;

/* Returns Unix seconds; tests inject one to hold time still. */
typedef gint64 (*LiaClockFunc) (gpointer user_data);

char                 *lia_book_default_data_dir  (void);
char                 *lia_book_path_for_data_dir (const char      *data_dir);
LiaBook              *lia_book_open              (const char      *path,
                                                  GError         **error);
const char           *lia_book_get_path          (LiaBook         *self);
gboolean              lia_book_is_read_only      (LiaBook         *self);
const char           *lia_book_get_actor         (LiaBook         *self);
void                  lia_book_set_actor         (LiaBook         *self,
                                                  const char      *actor);
gint64                lia_book_now               (LiaBook         *self);
void                  lia_book_set_clock         (LiaBook         *self,
                                                  LiaClockFunc     clock,
                                                  gpointer         user_data);
LiaAccountRepository *lia_book_get_accounts      (LiaBook         *self);
LiaPortfolioRepository *lia_book_get_portfolios  (LiaBook         *self);
LiaEventRepository   *lia_book_get_events        (LiaBook         *self);
LiaMeetingRepository *lia_book_get_meetings      (LiaBook         *self);
LiaFollowUpRepository *lia_book_get_follow_ups   (LiaBook         *self);
/* Created on first use; the vault is not opened until asked. */
LiaVault             *lia_book_get_vault         (LiaBook         *self);
LiaCredentialRepository *lia_book_get_credentials (LiaBook        *self);
LiaFieldRepository   *lia_book_get_fields        (LiaBook         *self);
GListModel           *lia_book_get_segments      (LiaBook         *self);
GListModel           *lia_book_get_service_plans (LiaBook         *self);
GListModel           *lia_book_get_staff         (LiaBook         *self);
const char           *lia_book_get_segment_name  (LiaBook         *self,
                                                  const char      *segment_id);
const char           *lia_book_get_service_plan_name (LiaBook     *self,
                                                  const char      *plan_id);
guint                 lia_book_get_segment_cadence (LiaBook       *self,
                                                  const char      *segment_id);
gboolean              lia_book_segment_requires_manager (LiaBook  *self,
                                                  const char      *segment_id);
gboolean              lia_book_set_segment_cadence (LiaBook       *self,
                                                  const char      *segment_id,
                                                  guint            days,
                                                  GError         **error);
gboolean              lia_book_update_staff      (LiaBook         *self,
                                                  gint64           id,
                                                  const char      *name,
                                                  LiaStaffRole     role,
                                                  const char      *email,
                                                  gboolean         active,
                                                  GError         **error);
gboolean              lia_book_add_staff         (LiaBook         *self,
                                                  const char      *name,
                                                  LiaStaffRole     role,
                                                  const char      *email,
                                                  gint64          *out_id,
                                                  GError         **error);
LiaStaffMember       *lia_book_lookup_staff      (LiaBook         *self,
                                                  gint64           staff_id);
gint64                lia_book_find_staff        (LiaBook         *self,
                                                  const char      *name);
gboolean              lia_book_is_empty          (LiaBook         *self);
gboolean              lia_book_begin             (LiaBook         *self,
                                                  GError         **error);
gboolean              lia_book_commit            (LiaBook         *self,
                                                  GError         **error);
void                  lia_book_rollback          (LiaBook         *self);
void                  lia_book_emit_account_changed (LiaBook      *self,
                                                  gint64           account_id,
                                                  gboolean         inserted);

G_END_DECLS
