/* lia-inquiry.h — what a customer asked and the advice given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-enums.h"

G_BEGIN_DECLS

#define LIA_TYPE_INQUIRY (lia_inquiry_get_type ())

G_DECLARE_FINAL_TYPE (LiaInquiry, lia_inquiry, LIA, INQUIRY, GObject)

LiaInquiry        *lia_inquiry_new            (gint64              account_id,
                                               gint64              asked_at,
                                               LiaInquiryChannel   channel,
                                               const char         *question,
                                               const char         *advice,
                                               gint64              staff_id);
gint64             lia_inquiry_get_id         (LiaInquiry         *self);
gint64             lia_inquiry_get_account_id (LiaInquiry         *self);
gint64             lia_inquiry_get_asked_at   (LiaInquiry         *self);
LiaInquiryChannel  lia_inquiry_get_channel    (LiaInquiry         *self);
const char        *lia_inquiry_get_question   (LiaInquiry         *self);
const char        *lia_inquiry_get_advice     (LiaInquiry         *self);
gint64             lia_inquiry_get_staff_id   (LiaInquiry         *self);
const char        *lia_inquiry_get_staff_name (LiaInquiry         *self);

G_END_DECLS
