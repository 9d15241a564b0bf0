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

/* Accepts "1234", "1,234.50", "1.234,50", "1 234,5": the last '.' or ','
 * followed by at most the currency's minor digits is the decimal mark;
 * other separators group thousands. Never goes through a double. */
gboolean
lia_money_parse (const char  *text,
                 const char  *currency,
                 gint64      *out_minor_units,
                 GError     **error)
{
  guint digits = lia_money_minor_digits (currency);
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autoptr(GString) fraction = g_string_new (NULL);
  const char *mark = NULL;
  gint64 value = 0;

  g_return_val_if_fail (out_minor_units != NULL, FALSE);

  text = trimmed;
  if (*text == '\0')
    {
      *out_minor_units = 0;
      return TRUE;
    }

  for (const char *p = text; *p; p++)
    if ((*p == '.' || *p == ',') && digits > 0 && strlen (p + 1) <= digits &&
        strspn (p + 1, "0123456789") == strlen (p + 1))
      mark = p;

  for (const char *p = text; *p; p++)
    {
      if (p == mark)
        {
          g_string_append (fraction, p + 1);
          break;
        }
      if (g_ascii_isdigit (*p))
        g_string_append_c (whole, *p);
      else if (*p != '.' && *p != ',' && *p != ' ' && *p != '\'')
        {
          g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                       _("“%s” is not an amount of money"), text);
          return FALSE;
        }
    }

  while (fraction->len < digits)
    g_string_append_c (fraction, '0');

  if (whole->len == 0 && mark == NULL)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is not an amount of money"), text);
      return FALSE;
    }

  /* 15 digits keep the value far from overflow in minor units. */
  if (whole->len > 15)
    {
      g_set_error (error, LIA_ERROR, LIA_ERROR_INVALID_VALUE,
                   _("“%s” is too large an amount"), text);
      return FALSE;
    }

  value = g_ascii_strtoll (whole->len ? whole->str : "0", NULL, 10) * power_of_ten (digits);
  if (digits > 0)
    value += g_ascii_strtoll (fraction->str, NULL, 10);

  *out_minor_units = value;
  return TRUE;
}
