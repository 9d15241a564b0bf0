/* lia-account-list.h — the accounts a view shows, paged lazily from the book
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"

G_BEGIN_DECLS

/* Rows fetched per query, and pages kept: the list holds at most
 * PAGE_SIZE × MAX_PAGES accounts in memory, whatever the book's size. */
#define LIA_ACCOUNT_LIST_PAGE_SIZE 128
#define LIA_ACCOUNT_LIST_MAX_PAGES 8

#define LIA_TYPE_ACCOUNT_LIST (lia_account_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccountList, lia_account_list, LIA, ACCOUNT_LIST, GObject)

LiaAccountList *lia_account_list_new                (LiaBook         *book);
const char     *lia_account_list_get_search_text    (LiaAccountList  *self);
void            lia_account_list_set_search_text    (LiaAccountList  *self,
                                                     const char      *text);
const char     *lia_account_list_get_segment_id     (LiaAccountList  *self);
void            lia_account_list_set_segment_id     (LiaAccountList  *self,
                                                     const char      *segment_id);
/* -1: every state but closed (unless include-closed). */
int             lia_account_list_get_state_filter   (LiaAccountList  *self);
void            lia_account_list_set_state_filter   (LiaAccountList  *self,
                                                     int              state);
gboolean        lia_account_list_get_include_closed (LiaAccountList  *self);
void            lia_account_list_set_include_closed (LiaAccountList  *self,
                                                     gboolean         include_closed);
/* 0: any manager; -1: accounts without one. */
gint64          lia_account_list_get_manager_id     (LiaAccountList  *self);
void            lia_account_list_set_manager_id     (LiaAccountList  *self,
                                                     gint64           manager_id);
/* 0: off; N: only accounts not verified in the last N days. */
guint           lia_account_list_get_due_days       (LiaAccountList  *self);
void            lia_account_list_set_due_days       (LiaAccountList  *self,
                                                     guint            days);
/* Only accounts without a manager or whose manager was deactivated. */
gboolean        lia_account_list_get_needs_manager  (LiaAccountList  *self);
void            lia_account_list_set_needs_manager  (LiaAccountList  *self,
                                                     gboolean         needs_manager);
gboolean        lia_account_list_get_truncated      (LiaAccountList  *self);
guint           lia_account_list_find               (LiaAccountList  *self,
                                                     gint64           account_id);
void            lia_account_list_reload             (LiaAccountList  *self);
/* Between freeze and thaw, filter changes are gathered and the list
 * reloads once, at the thaw, if any filter changed. */
void            lia_account_list_freeze             (LiaAccountList  *self);
void            lia_account_list_thaw               (LiaAccountList  *self);
guint           lia_account_list_get_n_cached       (LiaAccountList  *self);

G_END_DECLS
