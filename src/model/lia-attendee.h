/* lia-attendee.h — someone invited to a meeting: a customer contact, a
 * staff member, or just a name and an address (from an import)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_ATTENDEE (lia_attendee_get_type ())

G_DECLARE_FINAL_TYPE (LiaAttendee, lia_attendee, LIA, ATTENDEE, GObject)

LiaAttendee *lia_attendee_new_contact    (gint64       contact_id);
LiaAttendee *lia_attendee_new_staff      (gint64       staff_id);
LiaAttendee *lia_attendee_new_address    (const char  *name,
                                          const char  *email);
gint64       lia_attendee_get_contact_id (LiaAttendee *self);   /* 0: not a contact */
gint64       lia_attendee_get_staff_id   (LiaAttendee *self);   /* 0: not staff */
/* Filled in from the contact or staff member on lookup. */
const char  *lia_attendee_get_name       (LiaAttendee *self);
const char  *lia_attendee_get_email      (LiaAttendee *self);

G_END_DECLS
