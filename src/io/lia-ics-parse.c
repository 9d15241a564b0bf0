/* lia-ics-parse.c — reading an iCalendar file with libical, knowing
 * which line each problem is on
 *
 * libical reads a file without stopping: what it cannot read becomes an
 * X-LIC-ERROR property of the component it was in, with no line number,
 * and a component missing its END is quietly closed or dropped. So the
 * file is unfolded here (RFC 5545 3.1: a line starting with a space or
 * tab continues the one before) and given to icalparser_add_line() one
 * logical line at a time: the line after which the parser is in error
 * is the one named, with libical's own words for it. The BEGIN/END
 * nesting is followed alongside, which is also how a VEVENT's DTSTART
 * and RRULE lines are known when a value turns out wrong later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-io"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-ics.h"
#include "lia-ics-private.h"

typedef struct
{
  guint    number;   /* of its first physical line, from 1 */
  GString *text;     /* unfolded */
} Line;

typedef struct
{
  char  *name;
  guint  line;
} Open;

typedef struct
{
  icalparser *parser;
  GPtrArray  *roots;
  GArray     *events;   /* LiaIcsEventLines */
  GArray     *open;     /* Open, innermost last */
} Parse;

static void
line_clear (Line *line)
{
  g_string_free (line->text, TRUE);
}

static void
open_clear (Open *open)
{
  g_free (open->name);
}

/* Splits at CRLF, LF or a lone CR and joins folded lines. */
static GArray *
unfold (const char *text)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  const char *p = text;
  guint number = 0;

  g_array_set_clear_func (lines, (GDestroyNotify)line_clear);
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;

  while (*p)
    {
      gsize length = strcspn (p, "\r\n");

      number++;
      if ((*p == ' ' || *p == '\t') && lines->len > 0)
        g_string_append_len (g_array_index (lines, Line, lines->len - 1).text, p + 1, length - 1);
      else
        {
          Line line = { number, g_string_new_len (p, length) };
          g_array_append_val (lines, line);
        }

      p += length;
      if (*p == '\r' && p[1] == '\n')
        p += 2;
      else if (*p)
        p++;
    }

  return lines;
}

gboolean
lia_ics_malformed (GError     **error,
                   guint        line,
                   const char  *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LIA_ICS_ERROR, LIA_ICS_ERROR_MALFORMED, _("line %u: %s"), line, message);
  return FALSE;
}

/* At most 40 characters of @text, valid UTF-8, for a message. */
static char *
shorten (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *head = NULL;

  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  head = g_utf8_substring (valid, 0, 39);
  return g_strconcat (head, "…", NULL);
}

/* The first X-LIC-ERROR in @component or below it. */
static const char *
find_lic_error (icalcomponent *component)
{
  icalproperty *property = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY);

  if (property)
    return icalproperty_get_xlicerror (property);

  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child; child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    {
      const char *found = find_lic_error (child);

      if (found)
        return found;
    }
  return NULL;
}

/* What libical says of @text: the property alone, read the same way
 * (its value type depends on the property, not where it stands). */
static char *
describe_line (const char *text)
{
  g_autofree char *calendar =
    g_strdup_printf ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", text);
  icalcomponent *root = icalparser_parse_string (calendar);
  const char *found = root ? find_lic_error (root) : NULL;
  char *message = g_strdup (found ? found : _("libical cannot read this line"));

  g_clear_pointer (&root, icalcomponent_free);
  return message;
}

/* The word before the first ':' or ';', and for BEGIN/END the value. */
static void
split_name (const char  *text,
            char       **out_name,
            char       **out_value)
{
  gsize length = strcspn (text, ":;");
  g_autofree char *value = NULL;

  *out_name = g_ascii_strup (text, length);
  *out_value = NULL;
  if (text[length] == ':' && (g_str_equal (*out_name, "BEGIN") || g_str_equal (*out_name, "END")))
    {
      value = g_strstrip (g_strdup (text + length + 1));
      *out_value = g_ascii_strup (value, -1);
    }
}

static void
note_event_line (Parse      *parse,
                 const char *name,
                 guint       number)
{
  LiaIcsEventLines *event = &g_array_index (parse->events, LiaIcsEventLines, parse->events->len - 1);
  guint *slot = NULL;

  if (g_str_equal (name, "DTSTART"))
    slot = &event->dtstart;
  else if (g_str_equal (name, "DTEND") || g_str_equal (name, "DURATION"))
    slot = &event->dtend;
  else if (g_str_equal (name, "RECURRENCE-ID"))
    slot = &event->recurrence_id;
  else if (g_str_equal (name, "RRULE"))
    slot = &event->rrule;
  else if (g_str_equal (name, "EXDATE"))
    slot = &event->exdate;

  if (slot && *slot == 0)
    *slot = number;
}

/* Follows BEGIN/END; FALSE with @error when they do not pair up. */
static gboolean
follow_nesting (Parse       *parse,
                const Line  *line,
                GError     **error)
{
  g_autofree char *name = NULL, *value = NULL;
  Open *top = parse->open->len ? &g_array_index (parse->open, Open, parse->open->len - 1) : NULL;

  split_name (line->text->str, &name, &value);

  if (g_str_equal (name, "BEGIN") && value && top == NULL && !g_str_equal (value, "VCALENDAR"))
    return lia_ics_malformed (error, line->number, _("BEGIN:%s outside BEGIN:VCALENDAR … END:VCALENDAR"),
                              value);

  if (g_str_equal (name, "BEGIN") && value)
    {
      Open open = { g_strdup (value), line->number };
      LiaIcsEventLines event = { .begin = line->number };

      g_array_append_val (parse->open, open);
      if (g_str_equal (value, "VEVENT"))
        g_array_append_val (parse->events, event);
      return TRUE;
    }

  if (g_str_equal (name, "END") && value)
    {
      if (top && g_str_equal (top->name, value))
        {
          g_array_remove_index (parse->open, parse->open->len - 1);
          return TRUE;
        }
      if (top)
        return lia_ics_malformed (error, top->line, _("BEGIN:%s has no END:%s (line %u ends %s first)"),
                                  top->name, top->name, line->number, value);
      return lia_ics_malformed (error, line->number, _("END:%s without a BEGIN"), value);
    }

  if (top == NULL)
    {
      g_autofree char *shown = shorten (line->text->str);

      return lia_ics_malformed (error, line->number, _("“%s” is outside BEGIN:VCALENDAR … END:VCALENDAR"),
                                shown);
    }

  if (g_str_equal (top->name, "VEVENT"))
    note_event_line (parse, name, line->number);
  return TRUE;
}

static gboolean
feed (Parse       *parse,
      const Line  *line,
      GError     **error)
{
  g_autofree char *copy = NULL;
  icalcomponent *root;

  if (line->text->len == 0 || strspn (line->text->str, " \t") == line->text->len)
    return TRUE;
  if (!follow_nesting (parse, line, error))
    return FALSE;

  copy = g_strdup (line->text->str);
  if ((root = icalparser_add_line (parse->parser, copy)))
    g_ptr_array_add (parse->roots, root);

  if (icalparser_get_state (parse->parser) == ICALPARSER_ERROR)
    {
      g_autofree char *message = describe_line (line->text->str);

      return lia_ics_malformed (error, line->number, "%s", message);
    }
  return TRUE;
}

/* An X-LIC-ERROR the parser's state did not show (a bad parameter): the
 * first line holding the text libical quotes after its message. */
static guint
line_of_error (GArray     *lines,
               const char *message)
{
  const char *quoted = strstr (message, ": ");

  for (guint i = 0; quoted && quoted[2] && i < lines->len; i++)
    if (strstr (g_array_index (lines, Line, i).text->str, quoted + 2))
      return g_array_index (lines, Line, i).number;
  return lines->len ? g_array_index (lines, Line, lines->len - 1).number : 1;
}

static gboolean
check_finished (Parse    *parse,
                GArray   *lines,
                GError  **error)
{
  if (parse->open->len > 0)
    {
      Open *top = &g_array_index (parse->open, Open, parse->open->len - 1);

      return lia_ics_malformed (error, top->line, _("BEGIN:%s has no END:%s"), top->name, top->name);
    }

  for (guint i = 0; i < parse->roots->len; i++)
    {
      const char *message = find_lic_error (g_ptr_array_index (parse->roots, i));

      if (message)
        {
          return lia_ics_malformed (error, line_of_error (lines, message), "%s", message);
        }
    }
  return TRUE;
}

GPtrArray *
lia_ics_parse (const char  *text,
               GArray     **out_event_lines,
               GError     **error)
{
  g_autoptr(GArray) lines = unfold (text);
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func ((GDestroyNotify)icalcomponent_free);
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (LiaIcsEventLines));
  g_autoptr(GArray) open = g_array_new (FALSE, TRUE, sizeof (Open));
  Parse parse = { icalparser_new (), roots, events, open };
  gboolean ok = TRUE;

  g_array_set_clear_func (open, (GDestroyNotify)open_clear);
  for (guint i = 0; ok && i < lines->len; i++)
    ok = feed (&parse, &g_array_index (lines, Line, i), error);

  /* A component the parser still holds is incomplete: throw it away. */
  g_clear_pointer (&parse.parser, icalparser_free);

  if (!ok || !check_finished (&parse, lines, error))
    return NULL;

  *out_event_lines = g_steal_pointer (&events);
  return g_steal_pointer (&roots);
}

gboolean
lia_ics_time_is_valid (struct icaltimetype tt)
{
  if (icaltime_is_null_time (tt) || tt.year < 1 || tt.year > 9999 ||
      tt.month < 1 || tt.month > 12 || tt.day < 1 || tt.day > icaltime_days_in_month (tt.month, tt.year))
    return FALSE;
  return tt.is_date || (tt.hour >= 0 && tt.hour < 24 && tt.minute >= 0 && tt.minute < 60 &&
                        tt.second >= 0 && tt.second < 61);
}
