/* lia-choice-labels.h — string lists for drop-downs over small vocabularies
 *
 * The book's segments, service plans and staff are tens of rows, so a
 * drop-down shows their names through a GtkStringList, with optional
 * leading entries such as "Any" or "None" that map to no id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-account.h"
#include "lia-book.h"
#include "lia-enums.h"

G_BEGIN_DECLS

GtkStringList *lia_choice_labels_new          (GListModel  *choices,
                                               const char  *first_label);
const char    *lia_choice_labels_get_id       (GListModel  *choices,
                                               gboolean     has_first,
                                               guint        position);
guint          lia_choice_labels_find         (GListModel  *choices,
                                               gboolean     has_first,
                                               const char  *id);

GtkStringList *lia_staff_labels_new           (GListModel  *staff,
                                               const char * const *leading);
gint64         lia_staff_labels_get_id        (GListModel  *staff,
                                               guint        n_leading,
                                               guint        position);
guint          lia_staff_labels_find          (GListModel  *staff,
                                               guint        n_leading,
                                               gint64       id);

/* What a manager or deputy picker offers: active staff only, account
 * managers first, then by name; deactivated people are never offered. */
GtkStringList *lia_active_staff_labels_new    (GListModel  *staff,
                                               const char  *first_label);
gint64         lia_active_staff_labels_get_id (GListModel  *staff,
                                               gboolean     has_first,
                                               guint        position);
guint          lia_active_staff_labels_find   (GListModel  *staff,
                                               gboolean     has_first,
                                               gint64       id);
gboolean       lia_staff_is_active            (GListModel  *staff,
                                               gint64       id);
const char    *lia_staff_name                 (GListModel  *staff,
                                               gint64       id);
gint64         lia_staff_picked_id            (GListModel  *staff,
                                               guint        position,
                                               gint64       current_id);
gboolean       lia_staff_check_manager        (LiaBook     *book,
                                               LiaAccount  *account,
                                               GError     **error);

/* Labels of the model's closed vocabularies, in enum order. */
GtkStringList *lia_state_labels_new           (const char  *first_label);
GtkStringList *lia_channel_labels_new         (void);
GtkStringList *lia_contact_channel_labels_new (void);
GtkStringList *lia_inquiry_channel_labels_new (void);
GtkStringList *lia_staff_role_labels_new      (void);
GtkStringList *lia_unit_kind_labels_new       (void);
GtkStringList *lia_note_kind_labels_new       (void);

/* The model has no labels for these yet. */
const char    *lia_unit_kind_to_label         (LiaUnitKind     kind);
const char    *lia_contact_kind_to_label      (LiaContactKind  kind);
const char    *lia_note_kind_to_label         (int             kind);

/* A manager or deputy picker that remembers the id it shows, so a
 * choice survives the staff list changing under its labels. */
void           lia_staff_picker_init          (AdwComboRow    *row,
                                               GListModel     *staff);
gint64         lia_staff_picker_get_id        (AdwComboRow    *row);
void           lia_staff_picker_refill        (AdwComboRow    *row,
                                               GListModel     *staff,
                                               const char     *none_label,
                                               gint64          id);

G_END_DECLS
