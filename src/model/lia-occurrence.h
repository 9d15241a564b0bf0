/* lia-occurrence.h — one occurrence of a meeting, as expanded for a
 * range: the series' values with its own exception applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_OCCURRENCE (lia_occurrence_get_type ())

G_DECLARE_FINAL_TYPE (LiaOccurrence, lia_occurrence, LIA, OCCURRENCE, GObject)

gint64            lia_occurrence_get_meeting_id    (LiaOccurrence *self);
/* The start the series gave it (RECURRENCE-ID), even once moved: with
 * the meeting id, what names it. */
gint64            lia_occurrence_get_recurrence_id (LiaOccurrence *self);
gint64            lia_occurrence_get_starts_at     (LiaOccurrence *self);
gint64            lia_occurrence_get_ends_at       (LiaOccurrence *self);
gint64            lia_occurrence_get_account_id    (LiaOccurrence *self);
const char       *lia_occurrence_get_account_name  (LiaOccurrence *self);
const char       *lia_occurrence_get_title         (LiaOccurrence *self);
const char       *lia_occurrence_get_location      (LiaOccurrence *self);
const char       *lia_occurrence_get_agenda        (LiaOccurrence *self);
const char       *lia_occurrence_get_minutes       (LiaOccurrence *self);
const char       *lia_occurrence_get_outcome       (LiaOccurrence *self);
int               lia_occurrence_get_rating        (LiaOccurrence *self);   /* 0: none */
LiaMeetingStatus  lia_occurrence_get_status        (LiaOccurrence *self);
const char       *lia_occurrence_get_tzid          (LiaOccurrence *self);
gboolean          lia_occurrence_get_all_day       (LiaOccurrence *self);
gboolean          lia_occurrence_get_is_recurring  (LiaOccurrence *self);
/* Moved or edited on its own. */
gboolean          lia_occurrence_get_is_exception  (LiaOccurrence *self);

/* Edits for lia_meeting_repository_update_occurrence(). */
void              lia_occurrence_set_times         (LiaOccurrence *self,
                                                    gint64         starts_at,
                                                    gint64         ends_at);
void              lia_occurrence_set_title         (LiaOccurrence *self,
                                                    const char    *title);
void              lia_occurrence_set_location      (LiaOccurrence *self,
                                                    const char    *location);
void              lia_occurrence_set_agenda        (LiaOccurrence *self,
                                                    const char    *agenda);
void              lia_occurrence_set_minutes       (LiaOccurrence *self,
                                                    const char    *minutes);
void              lia_occurrence_set_outcome       (LiaOccurrence *self,
                                                    const char    *outcome);
void              lia_occurrence_set_rating        (LiaOccurrence *self,
                                                    int            rating);
void              lia_occurrence_set_status        (LiaOccurrence *self,
                                                    LiaMeetingStatus status);

G_END_DECLS
