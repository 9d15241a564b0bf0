/* lia-vendor.h — an outsourced contractor held to the same SLA
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_VENDOR (lia_vendor_get_type ())

G_DECLARE_FINAL_TYPE (LiaVendor, lia_vendor, LIA, VENDOR, GObject)

LiaVendor  *lia_vendor_new              (const char *name);
LiaVendor  *lia_vendor_copy             (LiaVendor  *self);
gint64      lia_vendor_get_id           (LiaVendor  *self);
const char *lia_vendor_get_name         (LiaVendor  *self);
const char *lia_vendor_get_contact_name (LiaVendor  *self);
const char *lia_vendor_get_email        (LiaVendor  *self);
const char *lia_vendor_get_phone        (LiaVendor  *self);
/* The plan whose targets they committed to; NULL: each customer's own. */
const char *lia_vendor_get_sla_plan_id  (LiaVendor  *self);
gboolean    lia_vendor_get_active       (LiaVendor  *self);
void        lia_vendor_set_name         (LiaVendor  *self,
                                         const char *name);
void        lia_vendor_set_contact_name (LiaVendor  *self,
                                         const char *contact_name);
void        lia_vendor_set_email        (LiaVendor  *self,
                                         const char *email);
void        lia_vendor_set_phone        (LiaVendor  *self,
                                         const char *phone);
void        lia_vendor_set_sla_plan_id  (LiaVendor  *self,
                                         const char *plan_id);
void        lia_vendor_set_active       (LiaVendor  *self,
                                         gboolean    active);

G_END_DECLS
