/* lia-money.c — integer minor units to and from text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "lia-enums.h"
#include "lia-money.h"

/* ISO 4217 currencies without two minor digits that customers use. */
guint
lia_money_minor_digits (const char *currency)
{
  static const char * const zero[] = { "JPY", "KRW", "ISK", "CLP", "VND", "HUF", NULL };
  static const char * const three[] = { "BHD", "KWD", "OMR", "JOD", "TND", NULL };

  if (currency == NULL)
    return 2;
  if (g_strv_contains (zero, currency))
    return 0;
  if (g_strv_contains (three, currency))
    return 3;
  return 2;
}

static gint64
power_of_ten (guint digits)
{
  gint64 p = 1;

  while (digits--)
    p *= 10;
  return p;
}

/* Formats with the locale's digit grouping ("%'") and the currency code,
 * which reads the same in every language. */
char *
lia_money_format (gint64      minor_units,
                  const char *currency)
{
  guint digits = lia_money_minor_digits (currency);
  gint64 scale = power_of_ten (digits);
  gint64 whole = minor_units / scale;
  gint64 fraction = ABS (minor_units % scale);
  const char *sign = minor_units < 0 && whole == 0 ? "-" : "";

  if (digits == 0)
    return g_strdup_printf ("%'" G_GINT64_FORMAT " %s", whole, currency ? currency : "");

  return g_strdup_printf ("%s%'" G_GINT64_FORMAT "%s%0*" G_GINT64_FORMAT " %s",
                          sign, whole, localeconv ()->decimal_point, (int)digits, fraction,
                          currency ? currency : "");
}

static gboolean
is_separator (char c)
{
  return c == '.' || c == ',' || c == ' ' || c == '\'';
}

/* Digits, optionally grouped in threes by separators: "1234", "1,234",
 * "1 234 567". Appends the digits to @digits. */
static gboolean
parse_grouped (const char *start,
               const char *end,
               GString    *digits)
{
  gboolean grouped = FALSE;
  guint run = 0;

  if (start == end || !g_ascii_isdigit (*start))
    return FALSE;

  for (const char *p = start; p < end; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          run++;
        }
      else if (is_separator (*p))
        {
          /* The first group has 1–3 digits, every later one exactly 3. */
          if ((grouped && run != 3) || (!grouped && (run == 0 || run > 3)))
            return FALSE;
          grouped = TRUE;
          run = 0;
        }
      else
        return FALSE;
    }

  return !grouped || run == 3;
}

/* Grouping as locales write it: U+202F and U+00A0 (French), U+2019
 * (Swiss German) and other spaces and apostrophes become a plain ' ', so
 * what lia_money_format() wrote in any locale reads back. */
static char *
fold_separators (const char *text)
{
  g_autoptr(GString) folded = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR ||
          c == 0x2019 || c == 0x02BC || c == '\'')
        g_string_append_c (folded, ' ');
      else
        g_string_append_unichar (folded, c);
    }

  return g_string_free (g_steal_pointer (&folded), FALSE);
}

/* Accepts "1234", "1,234.50", "1.234,50", "1 234,5": the last '.' or ','
 * followed by one up to the currency's minor digits is the decimal mark,
 * and other separators must group thousands. Anything ambiguous ("12.5"
 * yen, "1,2345" euro) is refused rather than guessed. Never a double. */
gboolean
lia_money_parse (const char  *text,
                 const char  *currency,
                 gint64      *out_minor_units,
                 GError     **error)
{
  guint digits = lia_money_minor_digits (currency);
  g_autofree char *trimmed = g_strstrip (fold_separators (text ? text : ""));
  g_autoptr(GString) whole = g_string_new (NULL);
  const char *mark = NULL;
  const char *end;
  gint64 value;

  g_return_val_if_fail (out_minor_units != NULL, FALSE);

  if (*trimmed == '\0')
    {
      *out_minor_units = 0;
      return TRUE;
    }

  end = trimmed + strlen (trimmed);
  for (const char *p = end - 1; p >= trimmed; p--)
    if (*p == '.' || *p == ',')
      {
        size_t after = (size_t)(end - p - 1);

        if (after >= 1 && after <= digits && strspn (p + 1, "0123456789") == after)
          mark = p;
        break;
      }

  if (!parse_grouped (trimmed, mark ? mark : end, whole))
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is not an amount of money"), trimmed);
      return FALSE;
    }

  /* 15 digits keep the value far from overflow in minor units. */
  if (whole->len > 15)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is too large an amount"), trimmed);
      return FALSE;
    }

  value = g_ascii_strtoll (whole->str, NULL, 10) * power_of_ten (digits);
  if (mark)
    {
      g_autofree char *fraction = g_strdup (mark + 1);
      size_t len = strlen (fraction);

      value += g_ascii_strtoll (fraction, NULL, 10) * power_of_ten (digits - (guint)len);
    }

  *out_minor_units = value;
  return TRUE;
}
