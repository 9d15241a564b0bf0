/* lia-ics.h — iCalendar (RFC 5545) import and export of meetings, with
 * libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lia-book.h"

G_BEGIN_DECLS

#define LIA_ICS_ERROR (lia_ics_error_quark ())

typedef enum
{
  LIA_ICS_ERROR_MALFORMED,    /* the message names the line where libical found one */
  LIA_ICS_ERROR_UNMATCHED,    /* events whose attendees match no account */
  LIA_ICS_ERROR_EMPTY,        /* no VEVENT in the file */
} LiaIcsError;

GQuark    lia_ics_error_quark  (void);

/* Writes the meetings of @account_id (0: all; with @meeting_id not 0,
 * that one) as one VCALENDAR: VEVENTs with RRULE, EXDATE and
 * RECURRENCE-ID overrides, VTIMEZONEs, ORGANIZER and ATTENDEEs. */
gboolean  lia_ics_export       (LiaBook        *book,
                                gint64          account_id,
                                gint64          meeting_id,
                                GOutputStream  *stream,
                                GCancellable   *cancellable,
                                GError        **error);
gboolean  lia_ics_export_file  (LiaBook        *book,
                                gint64          account_id,
                                gint64          meeting_id,
                                GFile          *file,
                                GError        **error);

/* Reads @file in one transaction: each VEVENT goes to the account whose
 * contact an attendee's email belongs to, else to @fallback_account_id;
 * when neither, nothing is imported and the error lists the unmatched
 * events (LIA_ICS_ERROR_UNMATCHED). A UID already known updates that
 * meeting. @out_added / @out_updated: how many series. */
gboolean  lia_ics_import_file  (LiaBook        *book,
                                GFile          *file,
                                gint64          fallback_account_id,
                                guint          *out_added,
                                guint          *out_updated,
                                GError        **error);

G_END_DECLS
