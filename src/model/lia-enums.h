/* lia-enums.h — the closed vocabularies of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks are what the database stores. */
typedef enum /*< prefix=LIA_ACCOUNT_STATE >*/
{
  LIA_ACCOUNT_STATE_PROSPECT, /*< nick=prospect >*/
  LIA_ACCOUNT_STATE_OPENING,  /*< nick=opening >*/
  LIA_ACCOUNT_STATE_ACTIVE,   /*< nick=active >*/
  LIA_ACCOUNT_STATE_DORMANT,  /*< nick=dormant >*/
  LIA_ACCOUNT_STATE_CLOSING,  /*< nick=closing >*/
  LIA_ACCOUNT_STATE_CLOSED,   /*< nick=closed >*/
} LiaAccountState;

typedef enum /*< prefix=LIA_CHANNEL >*/
{
  LIA_CHANNEL_DIRECT,  /*< nick=direct >*/
  LIA_CHANNEL_PARTNER, /*< nick=partner >*/
  LIA_CHANNEL_ONLINE,  /*< nick=online >*/
  LIA_CHANNEL_PHONE,   /*< nick=phone >*/
} LiaChannel;

typedef enum /*< prefix=LIA_CONTACT_CHANNEL >*/
{
  LIA_CONTACT_CHANNEL_EMAIL,  /*< nick=email >*/
  LIA_CONTACT_CHANNEL_PHONE,  /*< nick=phone >*/
  LIA_CONTACT_CHANNEL_VISIT,  /*< nick=visit >*/
  LIA_CONTACT_CHANNEL_LETTER, /*< nick=letter >*/
} LiaContactChannel;

typedef enum /*< prefix=LIA_INQUIRY_CHANNEL >*/
{
  LIA_INQUIRY_CHANNEL_PHONE,   /*< nick=phone >*/
  LIA_INQUIRY_CHANNEL_EMAIL,   /*< nick=email >*/
  LIA_INQUIRY_CHANNEL_VISIT,   /*< nick=visit >*/
  LIA_INQUIRY_CHANNEL_PORTAL,  /*< nick=portal >*/
  LIA_INQUIRY_CHANNEL_MEETING, /*< nick=meeting >*/
} LiaInquiryChannel;

typedef enum /*< prefix=LIA_STAFF_ROLE >*/
{
  LIA_STAFF_ROLE_ACCOUNT_MANAGER, /*< nick=account-manager >*/
  LIA_STAFF_ROLE_ENGINEER,        /*< nick=engineer >*/
  LIA_STAFF_ROLE_OTHER,           /*< nick=other >*/
} LiaStaffRole;

/* A node of a corporate group: a company (group, subsidiary) or a site. */
typedef enum /*< prefix=LIA_UNIT_KIND >*/
{
  LIA_UNIT_KIND_COMPANY, /*< nick=company >*/
  LIA_UNIT_KIND_SITE,    /*< nick=site >*/
} LiaUnitKind;

typedef enum /*< prefix=LIA_CONTACT_KIND >*/
{
  LIA_CONTACT_KIND_CALL,  /*< nick=call >*/
  LIA_CONTACT_KIND_VISIT, /*< nick=visit >*/
  LIA_CONTACT_KIND_EMAIL, /*< nick=email >*/
} LiaContactKind;

/* Every maintenance-related event of a customer; the last three are
 * contacts made (the v3 contact log). */
typedef enum /*< prefix=LIA_EVENT_KIND >*/
{
  LIA_EVENT_KIND_INCIDENT,    /*< nick=incident >*/
  LIA_EVENT_KIND_MAINTENANCE, /*< nick=maintenance >*/
  LIA_EVENT_KIND_REQUEST,     /*< nick=request >*/
  LIA_EVENT_KIND_PROPOSAL,    /*< nick=proposal >*/
  LIA_EVENT_KIND_INQUIRY,     /*< nick=inquiry >*/
  LIA_EVENT_KIND_CALL,        /*< nick=call >*/
  LIA_EVENT_KIND_VISIT,       /*< nick=visit >*/
  LIA_EVENT_KIND_EMAIL,       /*< nick=email >*/
} LiaEventKind;

typedef enum /*< prefix=LIA_EVENT_STATUS >*/
{
  LIA_EVENT_STATUS_OPEN,        /*< nick=open >*/
  LIA_EVENT_STATUS_IN_PROGRESS, /*< nick=in-progress >*/
  LIA_EVENT_STATUS_WAITING,     /*< nick=waiting >*/  /* on the customer: SLA clocks pause */
  LIA_EVENT_STATUS_RESOLVED,    /*< nick=resolved >*/
  LIA_EVENT_STATUS_CLOSED,      /*< nick=closed >*/
} LiaEventStatus;

/* Incidents and requests have one; NONE is stored as NULL. */
typedef enum /*< prefix=LIA_SEVERITY >*/
{
  LIA_SEVERITY_CRITICAL, /*< nick=critical >*/
  LIA_SEVERITY_HIGH,     /*< nick=high >*/
  LIA_SEVERITY_MEDIUM,   /*< nick=medium >*/
  LIA_SEVERITY_LOW,      /*< nick=low >*/
  LIA_SEVERITY_NONE,     /*< nick=none >*/
} LiaSeverity;

typedef enum /*< prefix=LIA_EVENT_SOURCE >*/
{
  LIA_EVENT_SOURCE_PHONE,   /*< nick=phone >*/
  LIA_EVENT_SOURCE_EMAIL,   /*< nick=email >*/
  LIA_EVENT_SOURCE_PORTAL,  /*< nick=portal >*/
  LIA_EVENT_SOURCE_MEETING, /*< nick=meeting >*/
  LIA_EVENT_SOURCE_VISIT,   /*< nick=visit >*/
} LiaEventSource;

typedef enum /*< prefix=LIA_MEETING_STATUS >*/
{
  LIA_MEETING_STATUS_PLANNED,   /*< nick=planned >*/
  LIA_MEETING_STATUS_HELD,      /*< nick=held >*/
  LIA_MEETING_STATUS_CANCELLED, /*< nick=cancelled >*/
} LiaMeetingStatus;

typedef enum /*< prefix=LIA_FOLLOW_UP_STATUS >*/
{
  LIA_FOLLOW_UP_STATUS_OPEN,    /*< nick=open >*/
  LIA_FOLLOW_UP_STATUS_DONE,    /*< nick=done >*/
  LIA_FOLLOW_UP_STATUS_DROPPED, /*< nick=dropped >*/
} LiaFollowUpStatus;

/* Which occurrences of a series an edit or a delete applies to. */
typedef enum /*< prefix=LIA_EDIT_SCOPE >*/
{
  LIA_EDIT_SCOPE_THIS,           /*< nick=this >*/
  LIA_EDIT_SCOPE_THIS_AND_LATER, /*< nick=this-and-later >*/
  LIA_EDIT_SCOPE_ALL,            /*< nick=all >*/
} LiaEditScope;

typedef enum /*< prefix=LIA_CREDENTIAL_KIND >*/
{
  LIA_CREDENTIAL_KIND_PORTAL,        /*< nick=portal >*/
  LIA_CREDENTIAL_KIND_VPN,           /*< nick=vpn >*/
  LIA_CREDENTIAL_KIND_API_TOKEN,     /*< nick=api-token >*/
  LIA_CREDENTIAL_KIND_REMOTE_ACCESS, /*< nick=remote-access >*/
  LIA_CREDENTIAL_KIND_OTHER,         /*< nick=other >*/
} LiaCredentialKind;

/* How sensitive a classified field is; confidential values are stored
 * only sealed, masked until revealed, and left out of exports. */
typedef enum /*< prefix=LIA_FIELD_LEVEL >*/
{
  LIA_FIELD_LEVEL_PUBLIC,       /*< nick=public >*/
  LIA_FIELD_LEVEL_INTERNAL,     /*< nick=internal >*/
  LIA_FIELD_LEVEL_CONFIDENTIAL, /*< nick=confidential >*/
} LiaFieldLevel;

/* What a classified field belongs to; the nick is field_values.entity. */
typedef enum /*< prefix=LIA_FIELD_ENTITY >*/
{
  LIA_FIELD_ENTITY_ACCOUNT, /*< nick=account >*/
  LIA_FIELD_ENTITY_CONTACT, /*< nick=contact >*/
} LiaFieldEntity;

#define LIA_ERROR (lia_error_quark ())

/* Errors of the model's own rules, as opposed to LIA_DATABASE_ERROR. */
typedef enum
{
  LIA_ERROR_INVALID_TRANSITION,
  LIA_ERROR_INVALID_VALUE,
  LIA_ERROR_DUPLICATE,
  LIA_ERROR_NOT_FOUND,
  LIA_ERROR_CYCLE,
  LIA_ERROR_MANAGER_REQUIRED,
} LiaError;

GQuark      lia_error_quark          (void);
const char *lia_enum_to_nick         (GType        enum_type,
                                      int          value);
gboolean    lia_enum_from_nick       (GType        enum_type,
                                      const char  *nick,
                                      int         *value);
const char *lia_account_state_to_label (LiaAccountState state);
const char *lia_channel_to_label     (LiaChannel   channel);
const char *lia_contact_channel_to_label (LiaContactChannel channel);
const char *lia_inquiry_channel_to_label (LiaInquiryChannel channel);
const char *lia_staff_role_to_label  (LiaStaffRole role);
const char *lia_event_kind_to_label  (LiaEventKind kind);
const char *lia_event_status_to_label (LiaEventStatus status);
const char *lia_severity_to_label    (LiaSeverity  severity);
const char *lia_event_source_to_label (LiaEventSource source);
gboolean    lia_event_kind_has_severity (LiaEventKind kind);
gboolean    lia_event_kind_is_contact (LiaEventKind kind);
gboolean    lia_event_status_is_open (LiaEventStatus status);
const char *lia_meeting_status_to_label (LiaMeetingStatus status);
const char *lia_follow_up_status_to_label (LiaFollowUpStatus status);
const char *lia_credential_kind_to_label (LiaCredentialKind kind);
const char *lia_field_level_to_label (LiaFieldLevel level);

G_END_DECLS
