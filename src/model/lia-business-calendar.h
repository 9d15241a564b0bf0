/* lia-business-calendar.h — opening hours and holidays in a time zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIA_TYPE_BUSINESS_CALENDAR (lia_business_calendar_get_type ())

typedef struct _LiaBusinessCalendar LiaBusinessCalendar;

GType                lia_business_calendar_get_type        (void) G_GNUC_CONST;
LiaBusinessCalendar *lia_business_calendar_new             (GTimeZone            *tz);
LiaBusinessCalendar *lia_business_calendar_ref             (LiaBusinessCalendar  *self);
void                 lia_business_calendar_unref           (LiaBusinessCalendar  *self);
gboolean             lia_business_calendar_add_opening     (LiaBusinessCalendar  *self,
                                                            GDateWeekday          weekday,
                                                            guint                 open_minute,
                                                            guint                 close_minute,
                                                            GError              **error);
gboolean             lia_business_calendar_add_holiday     (LiaBusinessCalendar  *self,
                                                            GDateYear             year,
                                                            GDateMonth            month,
                                                            GDateDay              day,
                                                            GError              **error);
GTimeZone           *lia_business_calendar_get_timezone    (LiaBusinessCalendar  *self);
gboolean             lia_business_calendar_is_around_the_clock (LiaBusinessCalendar *self);
gboolean             lia_business_calendar_is_open         (LiaBusinessCalendar  *self,
                                                            gint64                instant);
gint64               lia_business_calendar_elapsed         (LiaBusinessCalendar  *self,
                                                            gint64                from,
                                                            gint64                to);
gint64               lia_business_calendar_add             (LiaBusinessCalendar  *self,
                                                            gint64                from,
                                                            gint64                business_seconds);
LiaBusinessCalendar *lia_business_calendar_parse           (const char           *text,
                                                            GError              **error);
char                *lia_business_calendar_to_string       (LiaBusinessCalendar  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaBusinessCalendar, lia_business_calendar_unref)

G_END_DECLS
