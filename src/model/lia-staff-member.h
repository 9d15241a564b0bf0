/* lia-staff-member.h — someone on the company's side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_STAFF_MEMBER (lia_staff_member_get_type ())

G_DECLARE_FINAL_TYPE (LiaStaffMember, lia_staff_member, LIA, STAFF_MEMBER, GObject)

gint64        lia_staff_member_get_id     (LiaStaffMember *self);
const char   *lia_staff_member_get_name   (LiaStaffMember *self);
LiaStaffRole  lia_staff_member_get_role   (LiaStaffMember *self);
const char   *lia_staff_member_get_email  (LiaStaffMember *self);
gboolean      lia_staff_member_get_active (LiaStaffMember *self);

G_END_DECLS
