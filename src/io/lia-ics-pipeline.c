/* lia-ics-pipeline.c — series read on one thread, written on another
 *
 * An export of every meeting spends about as long reading (the model's
 * passes over meetings, exceptions and attendees) as writing (escaping,
 * folding, times): the two overlap. The model reads on the calling
 * thread, which alone uses the book's connection; each series is copied
 * into a batch (its values are only valid during the model's call), and
 * a thread of the pipeline's own hands full batches to the writer. A few
 * batches go round, so no more than those are ever held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-io"

#include "config.h"

#include <string.h>

#include "lia-ics-private.h"

#define BATCH_SERIES  256           /* a batch is handed over when this full */
#define N_BATCHES     4
#define BLOCK_SIZE    (256 * 1024)  /* of a batch's text */

typedef struct
{
  GArray    *series;       /* LiaSeriesRecord */
  GArray    *firsts;       /* guint triples: a series' first exception, deletion, attendee */
  GArray    *exceptions;   /* LiaOccurrenceRecord */
  GArray    *deleted;      /* gint64 */
  GArray    *attendees;    /* LiaAttendeeRecord */
  GPtrArray *blocks;       /* text, never moved while the batch is full */
  GArray    *block_sizes;  /* gsize */
  guint      block;        /* the one being filled */
  gsize      used;
} Batch;

struct _LiaIcsPipeline
{
  LiaMeetingSeriesFunc  write;
  gpointer              user_data;
  GThread              *thread;
  GAsyncQueue          *full;      /* to write; the pipeline itself ends them */
  GAsyncQueue          *empty;     /* to fill */
  Batch                *filling;
  Batch                 batches[N_BATCHES];
  int                   stopped;   /* atomic: write returned FALSE */
};

static void
batch_init (Batch *b)
{
  b->series = g_array_new (FALSE, FALSE, sizeof (LiaSeriesRecord));
  b->firsts = g_array_new (FALSE, FALSE, sizeof (guint));
  b->exceptions = g_array_new (FALSE, FALSE, sizeof (LiaOccurrenceRecord));
  b->deleted = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->attendees = g_array_new (FALSE, FALSE, sizeof (LiaAttendeeRecord));
  b->blocks = g_ptr_array_new_with_free_func (g_free);
  b->block_sizes = g_array_new (FALSE, FALSE, sizeof (gsize));
}

static void
batch_clear (Batch *b)
{
  g_array_unref (b->series);
  g_array_unref (b->firsts);
  g_array_unref (b->exceptions);
  g_array_unref (b->deleted);
  g_array_unref (b->attendees);
  g_ptr_array_unref (b->blocks);
  g_array_unref (b->block_sizes);
}

static void
batch_empty (Batch *b)
{
  g_array_set_size (b->series, 0);
  g_array_set_size (b->firsts, 0);
  g_array_set_size (b->exceptions, 0);
  g_array_set_size (b->deleted, 0);
  g_array_set_size (b->attendees, 0);
  b->block = 0;
  b->used = 0;
}

/* @text copied into the batch's blocks: the next one with room, a new
 * one (larger for a longer text) where none has. */
static const char *
keep (Batch      *b,
      const char *text)
{
  gsize length;
  char *copy;

  if (text == NULL)
    return NULL;
  length = strlen (text) + 1;
  while (b->block < b->blocks->len && b->used + length > g_array_index (b->block_sizes, gsize, b->block))
    {
      b->block++;
      b->used = 0;
    }
  if (b->block == b->blocks->len)
    {
      gsize size = MAX (BLOCK_SIZE, length);

      g_ptr_array_add (b->blocks, g_malloc (size));
      g_array_append_val (b->block_sizes, size);
    }
  copy = (char *)g_ptr_array_index (b->blocks, b->block) + b->used;
  memcpy (copy, text, length);
  b->used += length;
  return copy;
}

static void
batch_add (Batch                 *b,
           const LiaSeriesRecord *series)
{
  LiaSeriesRecord copy = *series;
  guint firsts[3] = { b->exceptions->len, b->deleted->len, b->attendees->len };

  copy.uid = keep (b, series->uid);
  copy.account_number = keep (b, series->account_number);
  copy.title = keep (b, series->title);
  copy.tzid = keep (b, series->tzid);
  copy.location = keep (b, series->location);
  copy.rrule = keep (b, series->rrule);
  copy.agenda = keep (b, series->agenda);
  copy.minutes = keep (b, series->minutes);
  copy.outcome = keep (b, series->outcome);
  for (guint i = 0; i < series->n_exceptions; i++)
    {
      LiaOccurrenceRecord o = series->exceptions[i];

      o.title = keep (b, o.title);
      o.location = keep (b, o.location);
      o.agenda = keep (b, o.agenda);
      o.minutes = keep (b, o.minutes);
      o.outcome = keep (b, o.outcome);
      g_array_append_val (b->exceptions, o);
    }
  g_array_append_vals (b->deleted, series->deleted, series->n_deleted);
  for (guint i = 0; i < series->n_attendees; i++)
    {
      LiaAttendeeRecord a = { keep (b, series->attendees[i].name), keep (b, series->attendees[i].email) };

      g_array_append_val (b->attendees, a);
    }
  g_array_append_val (b->series, copy);
  g_array_append_vals (b->firsts, firsts, 3);
}

/* Points each series at its part of the arrays, which no longer grow. */
static void
batch_seal (Batch *b)
{
  for (guint i = 0; i < b->series->len; i++)
    {
      LiaSeriesRecord *s = &g_array_index (b->series, LiaSeriesRecord, i);
      const guint *firsts = &g_array_index (b->firsts, guint, 3 * i);

      s->exceptions = &g_array_index (b->exceptions, LiaOccurrenceRecord, firsts[0]);
      s->deleted = &g_array_index (b->deleted, gint64, firsts[1]);
      s->attendees = &g_array_index (b->attendees, LiaAttendeeRecord, firsts[2]);
    }
}

/* The pipeline's thread: every series of every batch to write(), until
 * it says stop (then the rest are passed over) and the end comes. */
static gpointer
write_batches (gpointer data)
{
  LiaIcsPipeline *self = data;
  gpointer item;

  while ((item = g_async_queue_pop (self->full)) != self)
    {
      Batch *b = item;

      for (guint i = 0; i < b->series->len && !g_atomic_int_get (&self->stopped); i++)
        if (!self->write (&g_array_index (b->series, LiaSeriesRecord, i), self->user_data))
          g_atomic_int_set (&self->stopped, TRUE);
      batch_empty (b);
      g_async_queue_push (self->empty, b);
    }
  return NULL;
}

LiaIcsPipeline *
lia_ics_pipeline_new (LiaMeetingSeriesFunc write,
                      gpointer             user_data)
{
  LiaIcsPipeline *self = g_new0 (LiaIcsPipeline, 1);

  self->write = write;
  self->user_data = user_data;
  self->full = g_async_queue_new ();
  self->empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      batch_init (&self->batches[i]);
      g_async_queue_push (self->empty, &self->batches[i]);
    }
  self->thread = g_thread_new ("lia-ics-write", write_batches, self);
  return self;
}

static void
hand_over (LiaIcsPipeline *self)
{
  if (self->filling == NULL)
    return;
  batch_seal (self->filling);
  g_async_queue_push (self->full, g_steal_pointer (&self->filling));
}

gboolean
lia_ics_pipeline_push (const LiaSeriesRecord *series,
                       gpointer               pipeline)
{
  LiaIcsPipeline *self = pipeline;

  if (self->filling == NULL)
    self->filling = g_async_queue_pop (self->empty);
  batch_add (self->filling, series);
  if (self->filling->series->len >= BATCH_SERIES)
    hand_over (self);
  return !g_atomic_int_get (&self->stopped);
}

gboolean
lia_ics_pipeline_finish (LiaIcsPipeline *self)
{
  gboolean completed;

  hand_over (self);
  g_async_queue_push (self->full, self);
  g_thread_join (self->thread);
  completed = !self->stopped;

  for (guint i = 0; i < N_BATCHES; i++)
    batch_clear (&self->batches[i]);
  g_async_queue_unref (self->full);
  g_async_queue_unref (self->empty);
  g_free (self);
  return completed;
}
