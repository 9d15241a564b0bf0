/* lia-enums.c — labels and nick conversion for the model's vocabularies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lia-enums.h"
#include "lia-enum-types.h"

G_DEFINE_QUARK (lia-error-quark, lia_error)

const char *
lia_enum_to_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : NULL;
}

gboolean
lia_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  if (!(ev = g_enum_get_value_by_nick (klass, nick)))
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
lia_account_state_to_label (LiaAccountState state)
{
  switch (state)
    {
    case LIA_ACCOUNT_STATE_PROSPECT: return _("Prospect");
    case LIA_ACCOUNT_STATE_OPENING:  return _("Opening");
    case LIA_ACCOUNT_STATE_ACTIVE:   return _("Active");
    case LIA_ACCOUNT_STATE_DORMANT:  return _("Dormant");
    case LIA_ACCOUNT_STATE_CLOSING:  return _("Closing");
    case LIA_ACCOUNT_STATE_CLOSED:   return _("Closed");
    default:                         g_return_val_if_reached ("");
    }
}

const char *
lia_channel_to_label (LiaChannel channel)
{
  switch (channel)
    {
    case LIA_CHANNEL_DIRECT:  return _("Direct");
    case LIA_CHANNEL_PARTNER: return _("Partner");
    case LIA_CHANNEL_ONLINE:  return _("Online");
    case LIA_CHANNEL_PHONE:   return _("Phone");
    default:                  g_return_val_if_reached ("");
    }
}

const char *
lia_contact_channel_to_label (LiaContactChannel channel)
{
  switch (channel)
    {
    case LIA_CONTACT_CHANNEL_EMAIL:  return _("Email");
    case LIA_CONTACT_CHANNEL_PHONE:  return _("Phone");
    case LIA_CONTACT_CHANNEL_VISIT:  return _("Visit");
    case LIA_CONTACT_CHANNEL_LETTER: return _("Letter");
    default:                         g_return_val_if_reached ("");
    }
}

const char *
lia_inquiry_channel_to_label (LiaInquiryChannel channel)
{
  switch (channel)
    {
    case LIA_INQUIRY_CHANNEL_PHONE:   return _("Phone");
    case LIA_INQUIRY_CHANNEL_EMAIL:   return _("Email");
    case LIA_INQUIRY_CHANNEL_VISIT:   return _("Visit");
    case LIA_INQUIRY_CHANNEL_PORTAL:  return _("Portal");
    case LIA_INQUIRY_CHANNEL_MEETING: return _("Meeting");
    default:                          g_return_val_if_reached ("");
    }
}

const char *
lia_staff_role_to_label (LiaStaffRole role)
{
  switch (role)
    {
    case LIA_STAFF_ROLE_ACCOUNT_MANAGER: return _("Account manager");
    case LIA_STAFF_ROLE_ENGINEER:        return _("Engineer");
    case LIA_STAFF_ROLE_OTHER:           return _("Other");
    default:                             g_return_val_if_reached ("");
    }
}
