/* lia-sla.h — one SLA clock (response or resolution) of an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "lia-business-calendar.h"

G_BEGIN_DECLS

/* The nicks are what the database and filters store. */
typedef enum /*< prefix=LIA_SLA_STATE >*/
{
  LIA_SLA_STATE_RUNNING,  /*< nick=running >*/
  LIA_SLA_STATE_AT_RISK,  /*< nick=at-risk >*/
  LIA_SLA_STATE_MET,      /*< nick=met >*/
  LIA_SLA_STATE_BREACHED, /*< nick=breached >*/
  LIA_SLA_STATE_NONE,     /*< nick=none >*/    /* an event without targets */
  LIA_SLA_STATE_PAUSED,   /*< nick=paused >*/  /* on track, waiting on the customer */
} LiaSlaState;

/* A span [from, to) in which the event waited on the customer; to 0 means
 * it still waits. */
typedef struct
{
  gint64 from;
  gint64 to;
} LiaSlaPause;

typedef struct
{
  LiaSlaState state;
  gint64      elapsed;    /* business seconds counted, pauses left out */
  gint64      remaining;  /* target - elapsed; negative once breached */
  gint64      due_at;     /* when the target is reached, pauses so far counted */
  gboolean    paused;     /* running and waiting on the customer at the end */
} LiaSlaResult;

void     lia_sla_evaluate    (LiaBusinessCalendar *calendar,
                              gint64               target,
                              gint64               started_at,
                              gint64               stopped_at,
                              const LiaSlaPause   *pauses,
                              guint                n_pauses,
                              gint64               now,
                              LiaSlaResult        *result);
void     lia_sla_schedule    (LiaBusinessCalendar *calendar,
                              gint64               target,
                              gint64               started_at,
                              gint64               stopped_at,
                              const LiaSlaPause   *pauses,
                              guint                n_pauses,
                              gint64               now,
                              gint64              *out_breach_at,
                              gint64              *out_risk_at);
gboolean lia_sla_check_times (gint64               opened_at,
                              gint64               responded_at,
                              gint64               resolved_at,
                              gint64               now,
                              GError             **error);

G_END_DECLS
