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

const char *
lia_event_kind_to_label (LiaEventKind kind)
{
  switch (kind)
    {
    case LIA_EVENT_KIND_INCIDENT:    return _("Incident");
    case LIA_EVENT_KIND_MAINTENANCE: return _("Scheduled maintenance");
    case LIA_EVENT_KIND_REQUEST:     return _("Service request");
    case LIA_EVENT_KIND_PROPOSAL:    return _("Proposal");
    case LIA_EVENT_KIND_INQUIRY:     return _("Customer inquiry");
    case LIA_EVENT_KIND_CALL:        return _("Call");
    case LIA_EVENT_KIND_VISIT:       return _("Visit");
    case LIA_EVENT_KIND_EMAIL:       return _("Email");
    default:                         g_return_val_if_reached ("");
    }
}

const char *
lia_event_status_to_label (LiaEventStatus status)
{
  switch (status)
    {
    case LIA_EVENT_STATUS_OPEN:        return _("Open");
    case LIA_EVENT_STATUS_IN_PROGRESS: return _("In progress");
    case LIA_EVENT_STATUS_WAITING:     return _("Waiting on customer");
    case LIA_EVENT_STATUS_RESOLVED:    return _("Resolved");
    case LIA_EVENT_STATUS_CLOSED:      return _("Closed");
    default:                           g_return_val_if_reached ("");
    }
}

const char *
lia_severity_to_label (LiaSeverity severity)
{
  switch (severity)
    {
    case LIA_SEVERITY_CRITICAL: return _("Critical");
    case LIA_SEVERITY_HIGH:     return _("High");
    case LIA_SEVERITY_MEDIUM:   return _("Medium");
    case LIA_SEVERITY_LOW:      return _("Low");
    case LIA_SEVERITY_NONE:     return _("None");
    default:                    g_return_val_if_reached ("");
    }
}

const char *
lia_event_source_to_label (LiaEventSource source)
{
  switch (source)
    {
    case LIA_EVENT_SOURCE_PHONE:   return _("Phone");
    case LIA_EVENT_SOURCE_EMAIL:   return _("Email");
    case LIA_EVENT_SOURCE_PORTAL:  return _("Portal");
    case LIA_EVENT_SOURCE_MEETING: return _("Meeting");
    case LIA_EVENT_SOURCE_VISIT:   return _("Visit");
    default:                       g_return_val_if_reached ("");
    }
}

/* Only incidents and service requests are held to SLA targets. */
gboolean
lia_event_kind_has_severity (LiaEventKind kind)
{
  return kind == LIA_EVENT_KIND_INCIDENT || kind == LIA_EVENT_KIND_REQUEST;
}

gboolean
lia_event_kind_is_contact (LiaEventKind kind)
{
  return kind == LIA_EVENT_KIND_CALL || kind == LIA_EVENT_KIND_VISIT || kind == LIA_EVENT_KIND_EMAIL;
}

gboolean
lia_event_status_is_open (LiaEventStatus status)
{
  return status == LIA_EVENT_STATUS_OPEN || status == LIA_EVENT_STATUS_IN_PROGRESS ||
         status == LIA_EVENT_STATUS_WAITING;
}

const char *
lia_meeting_status_to_label (LiaMeetingStatus status)
{
  switch (status)
    {
    case LIA_MEETING_STATUS_PLANNED:   return _("Planned");
    case LIA_MEETING_STATUS_HELD:      return _("Held");
    case LIA_MEETING_STATUS_CANCELLED: return _("Cancelled");
    default:                           g_return_val_if_reached ("");
    }
}

const char *
lia_follow_up_status_to_label (LiaFollowUpStatus status)
{
  switch (status)
    {
    case LIA_FOLLOW_UP_STATUS_OPEN:    return _("Open");
    case LIA_FOLLOW_UP_STATUS_DONE:    return _("Done");
    case LIA_FOLLOW_UP_STATUS_DROPPED: return _("Dropped");
    default:                           g_return_val_if_reached ("");
    }
}

const char *
lia_credential_kind_to_label (LiaCredentialKind kind)
{
  switch (kind)
    {
    case LIA_CREDENTIAL_KIND_PORTAL:        return _("Portal login");
    case LIA_CREDENTIAL_KIND_VPN:           return _("VPN");
    case LIA_CREDENTIAL_KIND_API_TOKEN:     return _("API token");
    case LIA_CREDENTIAL_KIND_REMOTE_ACCESS: return _("Remote access");
    case LIA_CREDENTIAL_KIND_OTHER:         return _("Other");
    default:                                g_return_val_if_reached ("");
    }
}

const char *
lia_field_level_to_label (LiaFieldLevel level)
{
  switch (level)
    {
    case LIA_FIELD_LEVEL_PUBLIC:       return _("Public");
    case LIA_FIELD_LEVEL_INTERNAL:     return _("Internal");
    case LIA_FIELD_LEVEL_CONFIDENTIAL: return _("Confidential");
    default:                           g_return_val_if_reached ("");
    }
}
