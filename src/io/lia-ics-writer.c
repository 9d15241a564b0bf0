/* lia-ics-writer.c — RFC 5545 content lines, written fast
 *
 * Lines go straight into one buffer: the property name, its parameters
 * and the escaped value are appended where they belong, and a line
 * longer than 75 octets is folded in place (never inside a UTF-8
 * sequence). The buffer is written to the stream in blocks of 64 KiB.
 * Times are formatted by hand from a cached GTimeZone offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-io"

#include "config.h"

#include <string.h>

#include "lia-ics-private.h"
#include "lia-recurrence.h"

#define FLUSH_SIZE   (64 * 1024)
#define FOLD_OCTETS  75

struct _LiaIcsWriter
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *buffer;
  GString       *scratch;
  gsize          line_start;
  GError        *error;
};

/* g_string_append_len() without the call while it fits: the export
 * appends a few bytes at a time, a million times. */
static inline void
put (GString    *b,
     const char *text,
     gsize       length)
{
  if (G_UNLIKELY (b->len + length >= b->allocated_len))
    {
      g_string_append_len (b, text, length);
      return;
    }
  memcpy (b->str + b->len, text, length);
  b->len += length;
  b->str[b->len] = '\0';
}

#define PUT_LITERAL(b, literal) put ((b), "" literal, sizeof (literal) - 1)

LiaIcsWriter *
lia_ics_writer_new (GOutputStream *stream,
                    GCancellable  *cancellable)
{
  LiaIcsWriter *self = g_new0 (LiaIcsWriter, 1);

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  self->scratch = g_string_sized_new (256);
  return self;
}

void
lia_ics_writer_free (LiaIcsWriter *self)
{
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_string_free (self->buffer, TRUE);
  g_string_free (self->scratch, TRUE);
  g_clear_error (&self->error);
  g_free (self);
}

static void
flush (LiaIcsWriter *self)
{
  if (self->error == NULL && self->buffer->len > 0)
    g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len,
                               NULL, self->cancellable, &self->error);
  g_string_truncate (self->buffer, 0);
}

gboolean
lia_ics_writer_failed (LiaIcsWriter *self)
{
  return self->error != NULL;
}

gboolean
lia_ics_writer_finish (LiaIcsWriter  *self,
                       GError       **error)
{
  flush (self);
  if (self->error == NULL)
    g_output_stream_flush (self->stream, self->cancellable, &self->error);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      self->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "already failed");
      return FALSE;
    }
  return TRUE;
}

void
lia_ics_writer_raw (LiaIcsWriter *self,
                    const char   *text)
{
  g_string_append (self->buffer, text);
  if (self->buffer->len >= FLUSH_SIZE)
    flush (self);
}

static void
begin_line (LiaIcsWriter *self,
            const char   *name)
{
  self->line_start = self->buffer->len;
  put (self->buffer, name, strlen (name));
}

/* Folds the line begun at line_start: the first part up to 75 octets,
 * each further one a space and up to 74, cut before a UTF-8 lead byte. */
static void
end_line (LiaIcsWriter *self)
{
  GString *b = self->buffer;
  gsize length = b->len - self->line_start;
  const char *p;
  gsize left, limit = FOLD_OCTETS;

  if (length > FOLD_OCTETS)
    {
      g_string_truncate (self->scratch, 0);
      g_string_append_len (self->scratch, b->str + self->line_start, length);
      g_string_truncate (b, self->line_start);
      p = self->scratch->str;
      left = length;
      while (left > limit)
        {
          gsize cut = limit;

          while (cut > 1 && ((guchar)p[cut] & 0xC0) == 0x80)
            cut--;
          g_string_append_len (b, p, cut);
          g_string_append (b, "\r\n ");
          p += cut;
          left -= cut;
          limit = FOLD_OCTETS - 1;
        }
      g_string_append_len (b, p, left);
    }

  PUT_LITERAL (b, "\r\n");
  if (b->len >= FLUSH_SIZE)
    flush (self);
}

void
lia_ics_writer_line (LiaIcsWriter *self,
                     const char   *name,
                     const char   *value)
{
  begin_line (self, name);
  PUT_LITERAL (self->buffer, ":");
  put (self->buffer, value, strlen (value));
  end_line (self);
}

/* RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped;
 * other control characters are not allowed in TEXT and are dropped.
 * Runs of plain bytes are copied at once: this is the export's hot loop. */
static void
append_escaped (GString    *b,
                const char *text)
{
  const char *p = text;

  for (;;)
    {
      const char *run = p;

      while ((guchar)*p >= 0x20 && *p != '\\' && *p != ';' && *p != ',' && *p != 0x7F)
        p++;
      put (b, run, p - run);

      switch (*p)
        {
        case '\0': return;
        case '\\': PUT_LITERAL (b, "\\\\"); break;
        case ';':  PUT_LITERAL (b, "\\;"); break;
        case ',':  PUT_LITERAL (b, "\\,"); break;
        case '\n': PUT_LITERAL (b, "\\n"); break;
        case '\t': PUT_LITERAL (b, "\t"); break;
        case '\r':
          if (p[1] != '\n')
            PUT_LITERAL (b, "\\n");
          break;
        default:   /* another control character */
          break;
        }
      p++;
    }
}

void
lia_ics_writer_text (LiaIcsWriter *self,
                     const char   *name,
                     const char   *value)
{
  if (value == NULL || *value == '\0')
    return;

  begin_line (self, name);
  PUT_LITERAL (self->buffer, ":");
  append_escaped (self->buffer, value);
  end_line (self);
}

/* A quoted parameter value may hold anything but controls and DQUOTE. */
static void
append_quoted_param (GString    *b,
                     const char *value)
{
  PUT_LITERAL (b, "\"");
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        PUT_LITERAL (b, "'");
      else if ((guchar)*p < 0x20 || *p == 0x7F)
        PUT_LITERAL (b, " ");
      else
        put (b, p, 1);
    }
  PUT_LITERAL (b, "\"");
}

void
lia_ics_writer_address (LiaIcsWriter *self,
                        const char   *name,
                        const char   *common_name,
                        const char   *email)
{
  begin_line (self, name);
  if (common_name && *common_name)
    {
      PUT_LITERAL (self->buffer, ";CN=");
      append_quoted_param (self->buffer, common_name);
    }
  PUT_LITERAL (self->buffer, ":mailto:");
  if (email)
    put (self->buffer, email, strlen (email));
  end_line (self);
}

static char *
put_digits (char *out,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--, value /= 10)
    out[i] = (char)('0' + value % 10);
  return out + width;
}

/* 20260105, 20260105T103000 or 20260105T093000Z. */
static void
append_time (GString   *b,
             gint64     unix_time,
             GTimeZone *tz,
             gboolean   utc,
             gboolean   date_only)
{
  char text[20], *p = text;
  gint64 local = unix_time, days, seconds;
  int year, month, day;

  if (!utc && tz != NULL)
    local += g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_time));

  days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  seconds = local - days * 86400;
  lia_recurrence_date_from_days (days, &year, &month, &day);

  p = put_digits (p, year, 4);
  p = put_digits (p, month, 2);
  p = put_digits (p, day, 2);
  if (!date_only)
    {
      *p++ = 'T';
      p = put_digits (p, (int)(seconds / 3600), 2);
      p = put_digits (p, (int)(seconds / 60 % 60), 2);
      p = put_digits (p, (int)(seconds % 60), 2);
      if (utc)
        *p++ = 'Z';
    }
  put (b, text, p - text);
}

void
lia_ics_writer_times (LiaIcsWriter *self,
                      const char   *name,
                      const gint64 *unix_times,
                      guint         n_times,
                      GTimeZone    *tz,
                      const char   *tzid,
                      gboolean      date_only)
{
  gboolean utc = !date_only && (tzid == NULL || g_str_equal (tzid, "UTC"));

  begin_line (self, name);
  if (date_only)
    PUT_LITERAL (self->buffer, ";VALUE=DATE");
  else if (!utc)
    {
      PUT_LITERAL (self->buffer, ";TZID=");
      put (self->buffer, tzid, strlen (tzid));
    }
  PUT_LITERAL (self->buffer, ":");
  for (guint i = 0; i < n_times; i++)
    {
      if (i > 0)
        PUT_LITERAL (self->buffer, ",");
      append_time (self->buffer, unix_times[i], tz, utc, date_only);
    }
  end_line (self);
}

void
lia_ics_writer_time (LiaIcsWriter *self,
                     const char   *name,
                     gint64        unix_time,
                     GTimeZone    *tz,
                     const char   *tzid,
                     gboolean      date_only)
{
  lia_ics_writer_times (self, name, &unix_time, 1, tz, tzid, date_only);
}
