/* lia-security-page.h — the Security page of Preferences: the data key,
 * how sensitive each field is, and the keyring's credentials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_TYPE_SECURITY_PAGE (lia_security_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaSecurityPage, lia_security_page, LIA, SECURITY_PAGE, AdwPreferencesPage)

void lia_security_page_set_book (LiaSecurityPage *self,
                                 LiaBook         *book);

G_END_DECLS
