/* lia-account-note.h — a dated note on a customer's preferences or
 * anticipated needs ("plans a site move in Q3")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum /*< prefix=LIA_NOTE_KIND >*/
{
  LIA_NOTE_KIND_PREFERENCE,       /*< nick=preference >*/
  LIA_NOTE_KIND_ANTICIPATED_NEED, /*< nick=anticipated-need >*/
} LiaNoteKind;

#define LIA_TYPE_ACCOUNT_NOTE (lia_account_note_get_type ())

G_DECLARE_FINAL_TYPE (LiaAccountNote, lia_account_note, LIA, ACCOUNT_NOTE, GObject)

gint64       lia_account_note_get_account_id (LiaAccountNote *self);
gint64       lia_account_note_get_noted_at   (LiaAccountNote *self);
LiaNoteKind  lia_account_note_get_kind       (LiaAccountNote *self);
const char  *lia_account_note_get_body       (LiaAccountNote *self);
const char  *lia_account_note_get_author     (LiaAccountNote *self);

G_END_DECLS
