/* lia-contact.h — a person at a customer account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_CONTACT (lia_contact_get_type ())

G_DECLARE_FINAL_TYPE (LiaContact, lia_contact, LIA, CONTACT, GObject)

LiaContact        *lia_contact_new                   (void);
LiaContact        *lia_contact_copy                  (LiaContact         *self);
gint64             lia_contact_get_id                (LiaContact         *self);
gint64             lia_contact_get_account_id        (LiaContact         *self);
void               lia_contact_set_account_id        (LiaContact         *self,
                                                      gint64              account_id);
const char        *lia_contact_get_name              (LiaContact         *self);
void               lia_contact_set_name              (LiaContact         *self,
                                                      const char         *name);
const char        *lia_contact_get_role              (LiaContact         *self);
void               lia_contact_set_role              (LiaContact         *self,
                                                      const char         *role);
const char        *lia_contact_get_email             (LiaContact         *self);
void               lia_contact_set_email             (LiaContact         *self,
                                                      const char         *email);
const char        *lia_contact_get_phone             (LiaContact         *self);
void               lia_contact_set_phone             (LiaContact         *self,
                                                      const char         *phone);
LiaContactChannel  lia_contact_get_preferred_channel (LiaContact         *self);
void               lia_contact_set_preferred_channel (LiaContact         *self,
                                                      LiaContactChannel   channel);
gint64             lia_contact_get_created_at        (LiaContact         *self);
gboolean           lia_contact_get_key_contact       (LiaContact         *self);
void               lia_contact_set_key_contact       (LiaContact         *self,
                                                      gboolean            key_contact);
/* Set only on contacts listed across a group: their employer's name. */
const char        *lia_contact_get_account_name      (LiaContact         *self);

/* Field checks shared by the model (which refuses) and the views (which
 * show the message inline). Empty optional fields are valid. */
gboolean           lia_contact_validate_name         (const char         *name,
                                                      GError            **error);
gboolean           lia_contact_validate_email        (const char         *email,
                                                      GError            **error);
gboolean           lia_contact_validate_phone        (const char         *phone,
                                                      GError            **error);
gboolean           lia_contact_validate              (LiaContact         *self,
                                                      GError            **error);

G_END_DECLS
