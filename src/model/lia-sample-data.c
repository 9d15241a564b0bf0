/* lia-sample-data.c — a generated, realistic book for newcomers and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-sample-data"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lia-account-store.h"
#include "lia-book-private.h"
#include "lia-catalog-store.h"
#include "lia-contact-store.h"
#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-repository.h"
#include "lia-event-store.h"
#include "lia-field-private.h"
#include "lia-field-store.h"
#include "lia-meeting-store.h"
#include "lia-recurrence.h"
#include "lia-portfolio-store.h"
#include "lia-sample-data.h"
#include "lia-vault.h"

#define DAY (24 * 60 * 60)

static const char * const company_first[] = {
  "Northwind", "Blue Harbor", "Kestrel", "Alder", "Meridian", "Granite", "Silverline",
  "Aurora", "Lindqvist", "Ostara", "Pinecrest", "Vantage", "Hollis", "Brightwater",
  "Copperfield", "Rheinfeld", "Calloway", "Summit", "Ironbridge", "Tamarind", "Zephyr",
  "Falkner", "Marlowe", "Ravensworth", "Oakhurst", "Sterling", "Westbrook", "Cobalt",
  "Harrow", "Juniper", "Lakeshore", "Nordhavn", "Quayside", "Redcliff", "Sable",
};

static const char * const company_second[] = {
  "Logistics", "Foods", "Engineering", "Pharma", "Retail", "Energy", "Textiles",
  "Insurance", "Telecom", "Hospitality", "Construction", "Analytics", "Freight",
  "Medical", "Software", "Printing", "Dairy", "Motors", "Water", "Robotics",
};

static const char * const company_suffix[] = {
  "Ltd", "GmbH", "AG", "S.A.", "B.V.", "plc", "Inc.", "Group", "& Co.", "Oy",
};

static const char * const first_names[] = {
  "Anna", "Ben", "Chiara", "David", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas",
  "Kasia", "Liam", "Mara", "Nils", "Olga", "Pedro", "Quentin", "Rosa", "Sami", "Tove",
  "Ugo", "Vera", "Wim", "Xenia", "Yusuf", "Zofia",
};

static const char * const last_names[] = {
  "Andersson", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen",
  "Ivanova", "Jansen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov",
  "Quinn", "Rossi", "Schmidt", "Tanaka", "Umarov", "Varga", "Weber", "Yilmaz", "Zeman",
};

static const char * const roles[] = {
  "IT Director", "Procurement", "Facilities Manager", "CFO", "Operations Lead",
  "Office Manager", "Head of Infrastructure", "Service Owner",
};

static const char * const questions[][2] = {
  { "Can we move our service window to weekends?",
    "Possible on the Premium plan; sent the change form and a quote." },
  { "Why did last month's invoice rise?",
    "Two extra sites were added in March; explained the pro-rata charge." },
  { "Is there a discount for a three-year renewal?",
    "Offered 8 % on a three-year term, pending approval." },
  { "How do we add a new site to the contract?",
    "Collected the site address; the site survey is scheduled." },
  { "What is the response time for severity 1 incidents?",
    "One hour, around the clock, on their current plan." },
  { "Can our partner log tickets for us?",
    "Yes, with a delegated portal login; set it up with their admin." },
  { "We are planning an office move in Q3.",
    "Recommended a relocation project plan; will propose dates." },
  { "Can we get monthly reports on SLA performance?",
    "Enabled the monthly SLA report to the IT director." },
};

static const char * const staff_names[] = {
  "Alice Martin", "Bruno Keller", "Carla Nunes", "Dieter Vogel", "Emma Lindgren",
  "Felix Moreau", "Grace Owusu", "Henrik Dahl",
};

static const char * const engineer_names[] = {
  "Ivo Brandt", "Julia Santos", "Karim Haddad",
};

/* One account in GROUP_SIZE heads a group: the next three are its
 * subsidiaries and the two after them sites of the first subsidiary, so a
 * book of 100,000 accounts holds 5,000 portfolios. */
#define GROUP_SIZE 20

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  LiaDatabase *db;
  GRand       *rand;
  gint64       now;
  const char  *actor;
  gint64       managers[G_N_ELEMENTS (staff_names)];
  gint64       engineers[G_N_ELEMENTS (engineer_names)];
  gint64       group_root;
  gint64       vendors[3];
  LiaBook     *book;
  GRand       *meeting_rand;  /* its own, so the rest stays as it was */
  GTimeZone   *zone;          /* the sample customers are in Hamburg */
  guint        n_meetings;
  GRand       *field_rand;    /* its own too: classified fields came later */
  LiaFieldRepository *fields;
  GHashTable  *levels;        /* "entity:field" → LiaFieldLevel, read once */
  gboolean     has_key;       /* confidential values only when they can be sealed */
} Generator;

/* Segments with their share of the book and typical yearly contract. */
static const struct { const char *id; int percent; gint64 max_value; } segment_mix[] = {
  { "individual", 15, 2000 },
  { "small-business", 35, 20000 },
  { "corporate", 30, 250000 },
  { "key-account", 10, 2000000 },
  { "public-sector", 10, 500000 },
};

static const char *
pick_segment (GRand *rand,
              gint64 *max_value)
{
  int roll = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (segment_mix); i++)
    {
      if (roll < segment_mix[i].percent)
        {
          *max_value = segment_mix[i].max_value;
          return segment_mix[i].id;
        }
      roll -= segment_mix[i].percent;
    }

  *max_value = segment_mix[0].max_value;
  return segment_mix[0].id;
}

/* Most accounts are active; the path to a state is the lifecycle's. */
static LiaAccountState
pick_state (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 8)  return LIA_ACCOUNT_STATE_PROSPECT;
  if (roll < 14) return LIA_ACCOUNT_STATE_OPENING;
  if (roll < 78) return LIA_ACCOUNT_STATE_ACTIVE;
  if (roll < 88) return LIA_ACCOUNT_STATE_DORMANT;
  if (roll < 93) return LIA_ACCOUNT_STATE_CLOSING;
  return LIA_ACCOUNT_STATE_CLOSED;
}

static gboolean
add_staff (Generator  *gen,
           GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (staff_names); i++)
    {
      g_autofree char *surname = g_ascii_strdown (strchr (staff_names[i], ' ') + 1, -1);
      g_autofree char *email = g_strdup_printf ("%c.%s@liaison.example",
                                                g_ascii_tolower (staff_names[i][0]), surname);
      if (!lia_catalog_store_add_staff (gen->db, staff_names[i], "account-manager", email,
                                        &gen->managers[i], error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (engineer_names); i++)
    if (!lia_catalog_store_add_staff (gen->db, engineer_names[i], "engineer", "",
                                      &gen->engineers[i], error))
      return FALSE;

  return TRUE;
}

/* Writes the lifecycle steps from prospect to @state, spread over time. */
static gboolean
add_history (Generator        *gen,
             gint64            account_id,
             gint64            created_at,
             LiaAccountState   state,
             GError          **error)
{
  static const char * const reasons[] = {
    NULL,
    "Signed the letter of intent",
    "Contract signed, services live",
    "No orders for six months",
    "Notice of termination received",
    "Final invoice settled",
  };
  const char *prev = NULL;
  gint64 when = created_at;
  int steps[6] = { LIA_ACCOUNT_STATE_PROSPECT, LIA_ACCOUNT_STATE_OPENING, LIA_ACCOUNT_STATE_ACTIVE };
  int n = 3;

  if (state == LIA_ACCOUNT_STATE_DORMANT)
    steps[n++] = LIA_ACCOUNT_STATE_DORMANT;
  else if (state >= LIA_ACCOUNT_STATE_CLOSING)
    {
      steps[n++] = LIA_ACCOUNT_STATE_CLOSING;
      if (state == LIA_ACCOUNT_STATE_CLOSED)
        steps[n++] = LIA_ACCOUNT_STATE_CLOSED;
    }
  if (state < LIA_ACCOUNT_STATE_ACTIVE)
    n = state + 1;

  for (int i = 0; i < n; i++)
    {
      const char *nick = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, steps[i]);

      if (!lia_account_store_add_history (gen->db, account_id, when, gen->actor, prev, nick,
                                          i == 0 ? "Account created" : reasons[steps[i]], error))
        return FALSE;
      prev = nick;
      when = MIN (gen->now, when + g_rand_int_range (gen->rand, 7, 120) * DAY);
    }

  return TRUE;
}

/* Classified fields ------------------------------------------------------ */

static void
read_levels (Generator      *gen,
             LiaFieldEntity  entity)
{
  g_autoptr(GListModel) classes = lia_field_repository_list_classes (gen->fields, entity);

  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(LiaFieldClass) class = g_list_model_get_item (classes, i);

      g_hash_table_insert (gen->levels,
                           g_strdup_printf ("%d:%s", entity, lia_field_class_get_field (class)),
                           GINT_TO_POINTER (lia_field_class_get_level (class)));
    }
}

/* Stored as the book classifies the field (it may have been changed
 * before the book was filled); a confidential value is skipped without
 * the key, and a field the book does not have at all. */
static gboolean
put_field (Generator       *gen,
           LiaFieldEntity   entity,
           gint64           row_id,
           const char      *field,
           const char      *text,
           GError         **error)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", entity, field);
  const char *nick = lia_enum_to_nick (LIA_TYPE_FIELD_ENTITY, entity);
  gpointer level;
  g_autoptr(GBytes) sealed = NULL;

  if (!g_hash_table_lookup_extended (gen->levels, key, NULL, &level))
    return TRUE;
  if (GPOINTER_TO_INT (level) != LIA_FIELD_LEVEL_CONFIDENTIAL)
    return lia_field_store_put (gen->db, nick, row_id, field, text, NULL, gen->now, error);
  if (!gen->has_key)
    return TRUE;

  return (sealed = lia_field_repository_seal (gen->fields, entity, row_id, field, text, error)) &&
         lia_field_store_put (gen->db, nick, row_id, field, NULL, sealed, gen->now, error);
}

/* Made-up numbers in real formats: a German register number and VAT id,
 * an IBAN-shaped account (its check digits are not computed). */
static gboolean
add_account_fields (Generator   *gen,
                    gint64       account_id,
                    const char  *segment,
                    GError     **error)
{
  GRand *rand = gen->field_rand;
  g_autofree char *registration = NULL, *billing = NULL, *tax_id = NULL, *bank = NULL;
  gboolean company = !g_str_equal (segment, "individual");

  if (company)
    {
      registration = g_strdup_printf ("HRB %06d", g_rand_int_range (rand, 10000, 999999));
      if (!put_field (gen, LIA_FIELD_ENTITY_ACCOUNT, account_id, "registration_number", registration, error))
        return FALSE;
    }

  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      billing = g_strdup_printf ("Accounts Payable\nPO Box %d\n%05d Hamburg",
                                 g_rand_int_range (rand, 100, 9999), g_rand_int_range (rand, 20000, 22999));
      if (!put_field (gen, LIA_FIELD_ENTITY_ACCOUNT, account_id, "billing_address", billing, error))
        return FALSE;
    }

  /* Drawn whether or not they are stored, so a key changes nothing else. */
  tax_id = g_strdup_printf ("DE%09d", g_rand_int_range (rand, 100000000, 999999999));
  bank = g_strdup_printf ("DE%02d %04d %04d %04d %04d %02d", g_rand_int_range (rand, 10, 99),
                          g_rand_int_range (rand, 1000, 9999), g_rand_int_range (rand, 1000, 9999),
                          g_rand_int_range (rand, 1000, 9999), g_rand_int_range (rand, 1000, 9999),
                          g_rand_int_range (rand, 10, 99));
  if (!company || g_rand_int_range (rand, 0, 2) == 0)
    return TRUE;

  return put_field (gen, LIA_FIELD_ENTITY_ACCOUNT, account_id, "tax_id", tax_id, error) &&
         put_field (gen, LIA_FIELD_ENTITY_ACCOUNT, account_id, "bank_details", bank, error);
}

/* One contact in four gave a private address, one in eight a mobile. */
static gboolean
add_contact_fields (Generator   *gen,
                    gint64       contact_id,
                    const char  *first,
                    const char  *last,
                    GError     **error)
{
  GRand *rand = gen->field_rand;
  int roll = g_rand_int_range (rand, 0, 8);
  g_autofree char *address = g_strdup_printf ("%s.%s%d@mail.example", first, last,
                                              g_rand_int_range (rand, 1, 99));
  g_autofree char *email = g_ascii_strdown (address, -1);
  g_autofree char *phone = g_strdup_printf ("+49 151 %08d", g_rand_int_range (rand, 10000000, 99999999));

  return (roll >= 2 || put_field (gen, LIA_FIELD_ENTITY_CONTACT, contact_id, "personal_email", email, error)) &&
         (roll != 0 || put_field (gen, LIA_FIELD_ENTITY_CONTACT, contact_id, "personal_phone", phone, error));
}

static gboolean
add_contacts (Generator   *gen,
              gint64       account_id,
              const char  *domain,
              gint64       created_at,
              GError     **error)
{
  int n = g_rand_int_range (gen->rand, 1, 4);

  for (int i = 0; i < n; i++)
    {
      const char *first = PICK (gen->rand, first_names);
      const char *last = PICK (gen->rand, last_names);
      g_autofree char *name = g_strdup_printf ("%s %s", first, last);
      g_autofree char *address = g_strdup_printf ("%s.%s@%s", first, last, domain);
      g_autofree char *email = g_ascii_strdown (address, -1);
      g_autofree char *phone = g_strdup_printf ("+49 30 %04d %03d", g_rand_int_range (gen->rand, 1000, 9999),
                                                g_rand_int_range (gen->rand, 100, 999));
      LiaContactValues values = {
        .account_id = account_id, .name = name, .role = PICK (gen->rand, roles),
        .email = email, .phone = phone,
        .preferred_channel = g_rand_boolean (gen->rand) ? "email" : "phone",
        .created_at = created_at,
      };

      gint64 contact_id = 0;

      if (!lia_contact_store_insert (gen->db, &values, &contact_id, error) ||
          !add_contact_fields (gen, contact_id, first, last, error))
        return FALSE;
    }

  return TRUE;
}

/* Major accounts were called or visited now and then in the last months:
 * most are within their cadence, some overdue, a few never contacted. */
static gboolean
add_contact_log (Generator   *gen,
                 gint64       account_id,
                 const char  *segment,
                 gint64       manager_id,
                 GError     **error)
{
  static const char * const kinds[] = { "call", "visit", "email" };
  int n;

  if (!g_str_equal (segment, "corporate") && !g_str_equal (segment, "key-account"))
    return TRUE;

  n = g_rand_int_range (gen->rand, 0, 12) == 0 ? 0 : g_rand_int_range (gen->rand, 1, 4);
  for (int i = 0; i < n; i++)
    {
      /* At some hour of that day, not all at the time of generating. */
      gint64 when = gen->now - g_rand_int_range (gen->rand, 1, 90) * (gint64)DAY
                    - g_rand_int_range (gen->rand, 0, 10 * 3600);

      if (!lia_portfolio_store_log_contact (gen->db, account_id, 0, PICK (gen->rand, kinds), when,
                                            manager_id, "", NULL, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_inquiries (Generator  *gen,
               gint64      account_id,
               gint64      manager_id,
               gint64      created_at,
               GError    **error)
{
  static const char * const channels[] = { "phone", "email", "visit", "portal", "meeting" };
  int n = g_rand_int_range (gen->rand, 0, 4);

  for (int i = 0; i < n; i++)
    {
      guint q = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (questions));
      LiaInquiryValues values = {
        .account_id = account_id,
        .asked_at = created_at + g_rand_double (gen->rand) * (gen->now - created_at),
        .channel = PICK (gen->rand, channels),
        .question = questions[q][0],
        .advice = questions[q][1],
        .staff_id = manager_id,
      };

      if (!lia_inquiry_store_insert (gen->db, &values, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static const char * const vendor_names[] = {
  "Nordic Field Services", "CityTech Maintenance", "Rapid Response IT",
};

static gboolean
add_vendors (Generator  *gen,
             GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (vendor_names); i++)
    {
      g_autofree char *email = g_strdup_printf ("dispatch@vendor%u.example", i + 1);
      LiaVendorValues values = {
        .name = vendor_names[i], .contact_name = PICK (gen->rand, first_names),
        .email = email, .active = TRUE,
      };

      if (!lia_vendor_store_insert (gen->db, &values, &gen->vendors[i], error))
        return FALSE;
    }
  return TRUE;
}

static const struct { LiaEventKind kind; const char *summary; } event_mix[] = {
  { LIA_EVENT_KIND_INCIDENT, "Email outage at head office" },
  { LIA_EVENT_KIND_INCIDENT, "VPN tunnel to the warehouse is down" },
  { LIA_EVENT_KIND_INCIDENT, "Backup job failed twice" },
  { LIA_EVENT_KIND_INCIDENT, "Slow network at the branch site" },
  { LIA_EVENT_KIND_INCIDENT, "Printer fleet offline after update" },
  { LIA_EVENT_KIND_REQUEST, "User accounts for five new starters" },
  { LIA_EVENT_KIND_REQUEST, "Extend the storage quota" },
  { LIA_EVENT_KIND_REQUEST, "Move the office switch to the new rack" },
  { LIA_EVENT_KIND_MAINTENANCE, "Quarterly firmware update" },
  { LIA_EVENT_KIND_MAINTENANCE, "Server room UPS inspection" },
  { LIA_EVENT_KIND_PROPOSAL, "Proposal: upgrade to the Premium plan" },
  { LIA_EVENT_KIND_PROPOSAL, "Proposal: managed Wi-Fi for all sites" },
};

/* One event, resolved after a random share of a typical target, so the
 * book has met and breached SLAs, and some still open. */
static gboolean
add_event (Generator  *gen,
           gint64      account_id,
           gint64      manager_id,
           GError    **error)
{
  LiaEventRepository *events = lia_book_get_events (gen->book);
  guint pick = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (event_mix));
  gint64 opened = gen->now - g_rand_int_range (gen->rand, 600, 120 * DAY);
  /* Most are dealt with within a working day, one in five drags on. */
  gint64 took = g_rand_int_range (gen->rand, 0, 5) == 0 ? g_rand_int_range (gen->rand, 8 * 3600, 120 * 3600)
                                                        : g_rand_int_range (gen->rand, 1800, 8 * 3600);
  int who = g_rand_int_range (gen->rand, 0, 4);
  g_autoptr(LiaEvent) event = lia_event_new (account_id, event_mix[pick].kind, event_mix[pick].summary);

  lia_event_set_opened_at (event, opened);
  lia_event_set_severity (event, g_rand_int_range (gen->rand, LIA_SEVERITY_CRITICAL, LIA_SEVERITY_NONE));
  lia_event_set_source (event, g_rand_int_range (gen->rand, 0, LIA_EVENT_SOURCE_VISIT + 1));
  if (who == 0)
    lia_event_set_vendor_id (event, gen->vendors[g_rand_int_range (gen->rand, 0, 3)]);
  else
    lia_event_set_staff_id (event, who == 1 && manager_id ? manager_id
                                   : gen->engineers[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (gen->engineers))]);

  /* Recent ones may still be open; the rest were dealt with. */
  if (opened + took < gen->now && g_rand_int_range (gen->rand, 0, 6) != 0)
    {
      lia_event_set_status (event, LIA_EVENT_STATUS_CLOSED);
      lia_event_set_responded_at (event, opened + took / g_rand_int_range (gen->rand, 3, 12));
      lia_event_set_resolved_at (event, opened + took);
    }
  if (!lia_event_repository_add (events, event, error))
    return FALSE;
  if (lia_event_get_status (event) == LIA_EVENT_STATUS_OPEN && g_rand_boolean (gen->rand))
    return lia_event_repository_set_status (events, lia_event_get_id (event),
                                            g_rand_boolean (gen->rand) ? LIA_EVENT_STATUS_IN_PROGRESS
                                                                       : LIA_EVENT_STATUS_WAITING,
                                            error);
  return TRUE;
}

/* About a third of the live accounts had maintenance events lately. */
static gboolean
add_events (Generator        *gen,
            gint64            account_id,
            LiaAccountState   state,
            gint64            manager_id,
            GError          **error)
{
  int n;

  if (state != LIA_ACCOUNT_STATE_ACTIVE || g_rand_int_range (gen->rand, 0, 3) != 0)
    return TRUE;

  n = g_rand_int_range (gen->rand, 1, 6);
  for (int i = 0; i < n; i++)
    if (!add_event (gen, account_id, manager_id, error))
      return FALSE;
  return TRUE;
}

/* Meetings ------------------------------------------------------------ */

#define SAMPLE_ZONE "Europe/Berlin"

static const char * const review_minutes[] = {
  "Went through the quarter's incidents: response times met, one resolution late. "
  "Agreed to plan the firmware upgrade before the summer.",
  "The customer wants two more sites covered from the autumn; asked for a quote.",
  "Service levels fine. They asked for the SLA report every month instead of every quarter.",
  "Open requests reviewed; the backup concern is resolved. Renewal talks to start in spring.",
  "Discussed the new escalation contacts and the move of the server room.",
};

static const char * const follow_up_texts[] = {
  "Send the quote for the additional sites",
  "Share the SLA report for the quarter",
  "Propose dates for the firmware upgrade",
  "Confirm the new escalation contacts",
  "Check the invoice question with billing",
  "Send the minutes to everyone who attended",
  "Prepare the renewal proposal",
};

/* 10:00 or 14:00 local on a weekday about @days_ago days before now. */
static gint64
meeting_start (Generator *gen,
               int        days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (gen->now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, gen->zone);
  g_autoptr(GDateTime) day = g_date_time_add_days (local, -days_ago);
  int weekday = g_date_time_get_day_of_week (day);
  g_autoptr(GDateTime) start = NULL;

  start = g_date_time_new (gen->zone, g_date_time_get_year (day), g_date_time_get_month (day),
                           g_date_time_get_day_of_month (day),
                           g_rand_boolean (gen->meeting_rand) ? 10 : 14, 0, 0);
  /* Saturday and Sunday move to Monday. */
  if (weekday > 5)
    {
      GDateTime *monday = g_date_time_add_days (start, 8 - weekday);
      g_date_time_unref (start);
      start = monday;
    }
  return g_date_time_to_unix (start);
}

static char *
local_day (Generator *gen,
           gint64     time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, gen->zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Follow-ups of a held meeting, due two weeks on: the older ones done,
 * the recent ones open, and so some of those overdue. */
static gboolean
add_follow_ups (Generator   *gen,
                gint64       account_id,
                gint64       meeting_id,
                gint64       held_at,
                gint64       owner_id,
                GError     **error)
{
  int n = g_rand_int_range (gen->meeting_rand, 0, 3);

  for (int i = 0; i < n; i++)
    {
      gint64 due = held_at + g_rand_int_range (gen->meeting_rand, 7, 30) * (gint64)DAY;
      gboolean done = due < gen->now - 20 * DAY && g_rand_int_range (gen->meeting_rand, 0, 5) != 0;
      g_autofree char *due_date = local_day (gen, due);
      LiaFollowUpValues values = {
        .account_id = account_id, .meeting_id = meeting_id, .occurrence_at = held_at,
        .summary = PICK (gen->meeting_rand, follow_up_texts), .owner_id = owner_id,
        .due_date = due_date, .status = done ? "done" : "open",
        .done_at = done ? MIN (due, gen->now) : 0, .created_at = held_at,
      };

      if (!lia_follow_up_store_insert (gen->db, &values, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Most past occurrences were held, minuted and rated, a held meeting
 * being a visit on the timeline; a few were cancelled, a few never
 * written up. */
static gboolean
add_past_occurrences (Generator               *gen,
                      const LiaMeetingValues  *series,
                      gint64                   meeting_id,
                      GError                 **error)
{
  g_autoptr(GArray) starts = lia_recurrence_expand (series->rrule, series->starts_at, series->tzid,
                                                    series->starts_at, gen->now - 2 * 3600);

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 rid = g_array_index (starts, gint64, i);
      int roll = g_rand_int_range (gen->meeting_rand, 0, 20);
      LiaExceptionValues exception = { .meeting_id = meeting_id, .recurrence_id = rid };
      LiaEventValues visit = {
        .account_id = series->account_id, .kind = "visit", .summary = series->title,
        .status = "closed", .source = "meeting", .opened_at = rid, .resolved_at = rid,
        .staff_id = series->organizer_id,
      };

      if (roll == 0)
        exception.status = "cancelled";
      else if (roll < 17)
        {
          exception.status = "held";
          exception.minutes = PICK (gen->meeting_rand, review_minutes);
          exception.rating = g_rand_int_range (gen->meeting_rand, 3, 6);
          if (!lia_event_store_insert (gen->db, &visit, &exception.contact_event_id, error) ||
              !add_follow_ups (gen, series->account_id, meeting_id, rid, series->organizer_id, error))
            return FALSE;
        }
      else
        continue;
      if (!lia_meeting_store_put_exception (gen->db, &exception, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_series (Generator   *gen,
            gint64       account_id,
            const char  *title,
            const char  *rrule,
            gboolean     is_review,
            gboolean     for_portfolio,
            int          days_ago,
            gint64       manager_id,
            GError     **error)
{
  g_autofree char *uid = g_strdup_printf ("sample-%u-%" G_GINT64_FORMAT "@liaison",
                                          ++gen->n_meetings, account_id);
  gint64 start = meeting_start (gen, days_ago);
  LiaMeetingValues values = {
    .uid = uid, .account_id = account_id, .for_portfolio = for_portfolio, .title = title,
    .starts_at = start, .ends_at = start + (is_review ? 90 : 45) * 60, .tzid = SAMPLE_ZONE,
    .location = is_review ? "Customer site" : "Video call", .rrule = rrule,
    .is_review = is_review, .agenda = is_review ? "Service levels, open requests, plans" : "",
    .status = "planned", .organizer_id = manager_id, .now = MIN (gen->now, gen->now - days_ago * (gint64)DAY),
  };
  gint64 id = 0;

  if (!lia_recurrence_check (rrule, start, SAMPLE_ZONE, &values.until_at, error) ||
      !lia_meeting_store_insert (gen->db, &values, &id, error) ||
      !lia_meeting_store_add_attendee (gen->db, id, 0, manager_id, NULL, NULL, error) ||
      !add_past_occurrences (gen, &values, id, error))
    return FALSE;
  if (!is_review)
    return TRUE;

  /* The model keeps these; sample data writes behind its back. */
  {
    g_autoptr(GArray) next = lia_recurrence_expand (rrule, start, SAMPLE_ZONE, gen->now,
                                                    gen->now + 400 * (gint64)DAY);

    return lia_meeting_store_update_last_review (gen->db, account_id, error) &&
           lia_meeting_store_set_next_review (gen->db, account_id,
                                              next->len ? g_array_index (next, gint64, 0) : 0, error);
  }
}

/* Key accounts have a quarterly review (a group's for the group); one
 * corporate account in three a half-yearly review, one in three a
 * monthly progress meeting. */
static gboolean
add_meetings (Generator   *gen,
              gint64       account_id,
              const char  *segment,
              gboolean     heads_group,
              gint64       manager_id,
              GError     **error)
{
  int roll = g_rand_int_range (gen->meeting_rand, 0, 3);

  /* Now and then a workshop of its own in the coming weeks. */
  if (g_rand_int_range (gen->meeting_rand, 0, 4) == 0 &&
      !add_series (gen, account_id, "Renewal workshop", NULL, FALSE, FALSE,
                   -g_rand_int_range (gen->meeting_rand, 3, 40), manager_id, error))
    return FALSE;
  if (g_str_equal (segment, "key-account"))
    return add_series (gen, account_id, heads_group ? "Quarterly group review" : "Quarterly service review",
                       "FREQ=MONTHLY;INTERVAL=3", TRUE, heads_group,
                       g_rand_int_range (gen->meeting_rand, 20, 230), manager_id, error);
  if (!g_str_equal (segment, "corporate") || roll == 2)
    return TRUE;
  if (roll == 0)
    return add_series (gen, account_id, "Half-yearly review", "FREQ=MONTHLY;INTERVAL=6", TRUE, FALSE,
                       g_rand_int_range (gen->meeting_rand, 10, 200), manager_id, error);
  return add_series (gen, account_id, "Monthly progress meeting", "FREQ=MONTHLY;COUNT=12", FALSE, FALSE,
                     g_rand_int_range (gen->meeting_rand, 5, 90), manager_id, error);
}

/* "Blue Harbor" + "Foods" → "blueharbor-foods.example" */
static char *
make_domain (const char *first,
             const char *second)
{
  g_autoptr(GString) domain = g_string_new (NULL);

  g_string_printf (domain, "%s-%s.example", first, second);
  g_string_replace (domain, " ", "", 0);
  return g_ascii_strdown (domain->str, -1);
}

static gboolean
add_account (Generator  *gen,
             guint       index,
             GError    **error)
{
  static const char * const plans[] = { "basic", "standard", "premium", "enterprise" };
  static const char * const channels[] = { "direct", "partner", "online", "phone" };
  const char *first = PICK (gen->rand, company_first);
  const char *second = PICK (gen->rand, company_second);
  g_autofree char *name = g_strdup_printf ("%s %s %s", first, second, PICK (gen->rand, company_suffix));
  g_autofree char *number = g_strdup_printf ("ACC-%06u", index + 1);
  g_autofree char *domain = make_domain (first, second);
  g_autofree char *address = g_strdup_printf ("%d Harbour Street, %05d Hamburg",
                                              g_rand_int_range (gen->rand, 1, 200),
                                              g_rand_int_range (gen->rand, 10000, 99999));
  guint place = index % GROUP_SIZE;
  gint64 max_value = 0;
  const char *segment = pick_segment (gen->rand, &max_value);
  gint64 parent = 0;
  LiaAccountState state = pick_state (gen->rand);
  gint64 created_at = gen->now - g_rand_int_range (gen->rand, 30, 3000) * (gint64)DAY;
  /* About one in ten has never been verified, some are long overdue. */
  gint64 verified = g_rand_int_range (gen->rand, 0, 10) == 0
                    ? 0 : gen->now - g_rand_int_range (gen->rand, 0, 400) * (gint64)DAY;
  gint64 manager = gen->managers[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (gen->managers))];
  LiaAccountValues values = {
    .number = number, .name = name, .segment_id = segment,
    .service_plan_id = PICK (gen->rand, plans), .channel = PICK (gen->rand, channels),
    .state = lia_enum_to_nick (LIA_TYPE_ACCOUNT_STATE, state),
    .manager_id = g_str_equal (segment, "individual") && g_rand_boolean (gen->rand) ? 0 : manager,
    .contract_value = g_rand_int_range (gen->rand, 1, (gint32)MIN (max_value, G_MAXINT32 / 100)) * (gint64)100,
    .currency = "EUR", .address = address,
    .notes = g_rand_int_range (gen->rand, 0, 4) == 0 ? "Prefers calls before 10:00. Annual review in spring." : "",
    .created_at = created_at, .updated_at = MAX (created_at, verified),
    .last_verified_at = verified ? MAX (verified, created_at) : 0,
  };
  gint64 id = 0;

  if (place <= 5)
    {
      /* Groups are made of live, managed companies. */
      values.segment_id = place == 0 ? "key-account" : "corporate";
      values.state = "active";
      state = LIA_ACCOUNT_STATE_ACTIVE;
      values.manager_id = manager;
      values.unit_kind = place >= 4 ? "site" : "company";
      parent = place == 0 ? 0 : place <= 3 ? gen->group_root : gen->group_root + 1;
    }

  if (!lia_account_store_insert (gen->db, &values, &id, error))
    return FALSE;
  if (place == 0)
    gen->group_root = id;
  if (parent != 0 && !lia_portfolio_store_set_parent (gen->db, id, parent, created_at, error))
    return FALSE;

  return add_history (gen, id, created_at, state, error) &&
         add_account_fields (gen, id, values.segment_id, error) &&
         add_contact_log (gen, id, values.segment_id, manager, error) &&
         add_contacts (gen, id, domain, created_at, error) &&
         add_inquiries (gen, id, values.manager_id, created_at, error) &&
         add_events (gen, id, state, values.manager_id, error) &&
         (state != LIA_ACCOUNT_STATE_ACTIVE ||
          add_meetings (gen, id, values.segment_id, place == 0, manager, error));
}

gboolean
lia_sample_data_generate (LiaBook  *book,
                          guint     n_accounts,
                          guint32   seed,
                          GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GRand) meeting_rand = g_rand_new_with_seed (seed ^ 0x5eed);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (SAMPLE_ZONE);
  g_autoptr(GRand) field_rand = g_rand_new_with_seed (seed ^ 0xf1e1d);
  g_autoptr(GHashTable) levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Generator gen = {
    .db = lia_book_get_database (book),
    .rand = rand,
    .now = lia_book_now (book),
    .actor = lia_book_get_actor (book),
    .book = book,
    .meeting_rand = meeting_rand,
    .zone = zone,
    .field_rand = field_rand,
    .fields = lia_book_get_fields (book),
    .levels = levels,
    .has_key = lia_vault_has_key (lia_book_get_vault (book)),
  };
  gboolean ok;

  g_return_val_if_fail (LIA_IS_BOOK (book), FALSE);

  if (!lia_book_is_empty (book))
    {
      g_set_error_literal (error, LIA_ERROR, LIA_ERROR_DUPLICATE,
                           _("Sample data goes only into an empty book"));
      return FALSE;
    }

  if (!lia_book_begin (book, error))
    return FALSE;

  read_levels (&gen, LIA_FIELD_ENTITY_ACCOUNT);
  read_levels (&gen, LIA_FIELD_ENTITY_CONTACT);
  ok = add_staff (&gen, error) && add_vendors (&gen, error);
  for (guint i = 0; ok && i < n_accounts; i++)
    ok = add_account (&gen, i, error);

  if (!ok)
    {
      lia_book_rollback (book);
      return FALSE;
    }
  if (!lia_book_commit (book, error) || !lia_book_reload_staff (book, error))
    return FALSE;

  lia_book_emit_account_changed (book, 0, FALSE);
  lia_event_repository_emit_changed (lia_book_get_events (book), 0, 0);
  g_signal_emit_by_name (lia_book_get_meetings (book), "meeting-changed", (gint64)0, (gint64)0);
  g_signal_emit_by_name (lia_book_get_follow_ups (book), "follow-up-changed", (gint64)0, (gint64)0);
  return TRUE;
}
