/* lia-personal-data.c — everything the book holds about one person, and
 * its erasure on a data-subject request
 *
 * What is found: the contact row, its classified fields, its employment
 * history, the events that name it, its meeting attendances (linked to
 * the contact, or unlinked with one of its addresses: imported attendees
 * and the copies left by a removed contact) and the trail lines about it.
 * What cannot be found is free text that mentions the person: event
 * summaries and details, meeting agendas and minutes, account notes,
 * credentials' notes and usernames. Erasure leaves those as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "lia-personal-data"

#include "config.h"

#include <glib/gi18n.h>

#include "lia-account-repository.h"
#include "lia-book-private.h"
#include "lia-contact-store.h"
#include "lia-enum-types.h"
#include "lia-event-private.h"
#include "lia-event-repository.h"
#include "lia-field-repository.h"
#include "lia-field-store.h"
#include "lia-meeting-repository.h"
#include "lia-model-private.h"
#include "lia-personal-data.h"
#include "lia-vault.h"

/* --- one item ---------------------------------------------------------- */

struct _LiaPersonalDataItem
{
  GObject                 parent_instance;
  LiaPersonalDataSection  section;
  char                   *label;
  char                   *value;
  gboolean                confidential;
  char                   *field;
  gint64                  time;
};

G_DEFINE_FINAL_TYPE (LiaPersonalDataItem, lia_personal_data_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_SECTION,
  ITEM_PROP_LABEL,
  ITEM_PROP_VALUE,
  ITEM_PROP_CONFIDENTIAL,
  ITEM_PROP_FIELD,
  ITEM_PROP_TIME,
  ITEM_N_PROPS
};
static GParamSpec *item_properties[ITEM_N_PROPS];

static void
lia_personal_data_item_finalize (GObject *object)
{
  LiaPersonalDataItem *self = (LiaPersonalDataItem *)object;

  g_free (self->label);
  g_free (self->value);
  g_free (self->field);
  G_OBJECT_CLASS (lia_personal_data_item_parent_class)->finalize (object);
}

static void
lia_personal_data_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LiaPersonalDataItem *self = LIA_PERSONAL_DATA_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_SECTION:      g_value_set_enum (value, self->section); break;
    case ITEM_PROP_LABEL:        g_value_set_string (value, self->label); break;
    case ITEM_PROP_VALUE:        g_value_set_string (value, self->value); break;
    case ITEM_PROP_CONFIDENTIAL: g_value_set_boolean (value, self->confidential); break;
    case ITEM_PROP_FIELD:        g_value_set_string (value, self->field); break;
    case ITEM_PROP_TIME:         g_value_set_int64 (value, self->time); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_personal_data_item_class_init (LiaPersonalDataItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_personal_data_item_finalize;
  object_class->get_property = lia_personal_data_item_get_property;

  item_properties[ITEM_PROP_SECTION] =
    g_param_spec_enum ("section", NULL, NULL, LIA_TYPE_PERSONAL_DATA_SECTION,
                       LIA_PERSONAL_DATA_SECTION_CONTACT, ro);
  item_properties[ITEM_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  item_properties[ITEM_PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, ro);
  item_properties[ITEM_PROP_CONFIDENTIAL] = g_param_spec_boolean ("confidential", NULL, NULL, FALSE, ro);
  item_properties[ITEM_PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, ro);
  item_properties[ITEM_PROP_TIME] = g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
lia_personal_data_item_init (LiaPersonalDataItem *self)
{
}

static LiaPersonalDataItem *
item_new (LiaPersonalDataSection  section,
          const char             *label,
          const char             *value,
          gint64                  time)
{
  LiaPersonalDataItem *self = g_object_new (LIA_TYPE_PERSONAL_DATA_ITEM, NULL);

  self->section = section;
  self->label = g_strdup (label);
  self->value = g_strdup (value);
  self->time = time;
  return self;
}

LiaPersonalDataSection
lia_personal_data_item_get_section (LiaPersonalDataItem *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA_ITEM (self), LIA_PERSONAL_DATA_SECTION_CONTACT);
  return self->section;
}

const char *
lia_personal_data_item_get_label (LiaPersonalDataItem *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA_ITEM (self), NULL);
  return self->label;
}

const char *
lia_personal_data_item_get_value (LiaPersonalDataItem *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA_ITEM (self), NULL);
  return self->value;
}

gboolean
lia_personal_data_item_is_confidential (LiaPersonalDataItem *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA_ITEM (self), FALSE);
  return self->confidential;
}

const char *
lia_personal_data_item_get_field (LiaPersonalDataItem *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA_ITEM (self), NULL);
  return self->field;
}

gint64
lia_personal_data_item_get_time (LiaPersonalDataItem *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA_ITEM (self), 0);
  return self->time;
}

/* --- the whole of it --------------------------------------------------- */

struct _LiaPersonalData
{
  GObject     parent_instance;
  gint64      contact_id;
  char       *name;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (LiaPersonalData, lia_personal_data, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTACT_ID,
  PROP_NAME,
  PROP_ITEMS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_personal_data_finalize (GObject *object)
{
  LiaPersonalData *self = (LiaPersonalData *)object;

  g_free (self->name);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (lia_personal_data_parent_class)->finalize (object);
}

static void
lia_personal_data_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaPersonalData *self = LIA_PERSONAL_DATA (object);

  switch (prop_id)
    {
    case PROP_CONTACT_ID: g_value_set_int64 (value, self->contact_id); break;
    case PROP_NAME:       g_value_set_string (value, self->name); break;
    case PROP_ITEMS:      g_value_set_object (value, self->items); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_personal_data_class_init (LiaPersonalDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_personal_data_finalize;
  object_class->get_property = lia_personal_data_get_property;

  properties[PROP_CONTACT_ID] = g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_personal_data_init (LiaPersonalData *self)
{
  self->items = g_list_store_new (LIA_TYPE_PERSONAL_DATA_ITEM);
}

static void
add (LiaPersonalData        *self,
     LiaPersonalDataSection  section,
     const char             *label,
     const char             *value,
     gint64                  time)
{
  g_autoptr(LiaPersonalDataItem) item = item_new (section, label, value, time);

  g_list_store_append (self->items, item);
}

static void
contact_from_row_cb (LiaRow   *row,
                     gpointer  user_data)
{
  *(LiaContact **)user_data = lia_contact_new_from_row (row);
}

static LiaContact *
lookup_contact (LiaBook  *book,
                gint64    contact_id,
                GError  **error)
{
  LiaContact *contact = NULL;

  if (!lia_contact_store_get (lia_book_get_database (book), contact_id, contact_from_row_cb,
                              &contact, error))
    return NULL;
  return contact;
}

static void
add_contact_section (LiaPersonalData *self,
                     LiaBook         *book,
                     LiaContact      *contact)
{
  const LiaPersonalDataSection s = LIA_PERSONAL_DATA_SECTION_CONTACT;
  g_autoptr(LiaAccount) account =
    lia_account_repository_lookup (lia_book_get_accounts (book), lia_contact_get_account_id (contact), NULL);

  add (self, s, _("Name"), lia_contact_get_name (contact), lia_contact_get_created_at (contact));
  if (lia_contact_get_role (contact) && *lia_contact_get_role (contact))
    add (self, s, _("Role"), lia_contact_get_role (contact), 0);
  if (lia_contact_get_email (contact) && *lia_contact_get_email (contact))
    add (self, s, _("E-mail"), lia_contact_get_email (contact), 0);
  if (lia_contact_get_phone (contact) && *lia_contact_get_phone (contact))
    add (self, s, _("Phone"), lia_contact_get_phone (contact), 0);
  add (self, s, _("Preferred channel"),
       lia_contact_channel_to_label (lia_contact_get_preferred_channel (contact)), 0);
  if (account != NULL)
    {
      g_autofree char *described = g_strdup_printf ("%s (%s)", lia_account_get_name (account),
                                                    lia_account_get_number (account));
      add (self, s, _("Account"), described, 0);
    }
}

/* Set fields only; a confidential one masked, named for a reveal. */
static gboolean
add_fields_section (LiaPersonalData  *self,
                    LiaBook          *book,
                    GError          **error)
{
  g_autoptr(GListModel) values =
    lia_field_repository_list_values (lia_book_get_fields (book), LIA_FIELD_ENTITY_CONTACT,
                                      self->contact_id, error);

  if (values == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(LiaFieldValue) value = g_list_model_get_item (values, i);
      g_autoptr(LiaPersonalDataItem) item = NULL;

      if (!lia_field_value_has_value (value))
        continue;

      item = item_new (LIA_PERSONAL_DATA_SECTION_FIELDS, lia_field_value_get_label (value),
                       lia_field_value_get_text (value), 0);
      item->field = g_strdup (lia_field_value_get_field (value));
      /* Stored sealed is masked, whatever the level says. */
      item->confidential = lia_field_value_get_level (value) == LIA_FIELD_LEVEL_CONFIDENTIAL ||
                           lia_field_value_get_text (value) == NULL;
      g_list_store_append (self->items, item);
    }

  return TRUE;
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  return g_date_time_format (dt, "%x");
}

static void
employment_cb (LiaRow   *row,
               gpointer  user_data)
{
  LiaPersonalData *self = user_data;
  const char *account = lia_row_get_string (row, LIA_PERSON_EMPLOYMENT_COLUMN_ACCOUNT_NAME);
  const char *role = lia_row_get_string (row, LIA_PERSON_EMPLOYMENT_COLUMN_ROLE);
  g_autoptr(GString) value = g_string_new (account);

  if (role && *role)
    g_string_append_printf (value, ", %s", role);
  if (!lia_row_is_null (row, LIA_PERSON_EMPLOYMENT_COLUMN_ENDED_AT))
    {
      g_autofree char *until = format_day (lia_row_get_int64 (row, LIA_PERSON_EMPLOYMENT_COLUMN_ENDED_AT));

      /* Translators: the end of a past employment, e.g. "until 03/04/2024". */
      g_string_append_printf (value, _(", until %s"), until);
    }

  add (self, LIA_PERSONAL_DATA_SECTION_EMPLOYMENTS, _("Employed at"), value->str,
       lia_row_get_int64 (row, LIA_PERSON_EMPLOYMENT_COLUMN_STARTED_AT));
}

static void
event_cb (LiaRow   *row,
          gpointer  user_data)
{
  LiaPersonalData *self = user_data;
  const char *summary = lia_row_get_string (row, LIA_PERSON_EVENT_COLUMN_SUMMARY);
  int kind = LIA_EVENT_KIND_CALL;
  g_autofree char *value = NULL;

  lia_enum_from_nick (LIA_TYPE_EVENT_KIND, lia_row_get_string (row, LIA_PERSON_EVENT_COLUMN_KIND), &kind);
  value = g_strdup_printf ("%s, %s", lia_event_kind_to_label (kind),
                           lia_row_get_string (row, LIA_PERSON_EVENT_COLUMN_ACCOUNT_NAME));
  /* Contacts logged before events had summaries have none. */
  add (self, LIA_PERSONAL_DATA_SECTION_EVENTS,
       summary && *summary ? summary : lia_event_kind_to_label (kind), value,
       lia_row_get_int64 (row, LIA_PERSON_EVENT_COLUMN_OPENED_AT));
}

static void
attendance_cb (LiaRow   *row,
               gpointer  user_data)
{
  LiaPersonalData *self = user_data;
  const char *email = lia_row_get_string (row, LIA_PERSON_ATTENDANCE_COLUMN_EMAIL);
  g_autofree char *value = NULL;

  /* As the meeting recorded the attendee: it may differ from the contact. */
  value = email && *email
          ? g_strdup_printf ("%s <%s>", lia_row_get_string (row, LIA_PERSON_ATTENDANCE_COLUMN_NAME), email)
          : g_strdup (lia_row_get_string (row, LIA_PERSON_ATTENDANCE_COLUMN_NAME));
  add (self, LIA_PERSONAL_DATA_SECTION_MEETINGS,
       lia_row_get_string (row, LIA_PERSON_ATTENDANCE_COLUMN_TITLE), value,
       lia_row_get_int64 (row, LIA_PERSON_ATTENDANCE_COLUMN_STARTS_AT));
}

/* The trail lines, with the contact fields that are confidential now:
 * their lines never show a text (the ones written while the field was
 * not confidential were blanked when it became so; one appended behind
 * the model's back may still hold one). */
typedef struct
{
  LiaPersonalData *self;
  GHashTable      *confidential;   /* field names */
} AuditCollect;

static void
audit_cb (LiaRow   *row,
          gpointer  user_data)
{
  AuditCollect *collect = user_data;
  const char *field = lia_row_get_string (row, LIA_PERSON_AUDIT_COLUMN_FIELD);
  const char *old_value = lia_row_get_string (row, LIA_PERSON_AUDIT_COLUMN_OLD_VALUE);
  const char *new_value = lia_row_get_string (row, LIA_PERSON_AUDIT_COLUMN_NEW_VALUE);
  gboolean masked = g_hash_table_contains (collect->confidential, field);
  g_autoptr(LiaPersonalDataItem) item = NULL;
  g_autofree char *value = NULL;

  if (masked)
    value = NULL;
  else if (old_value && new_value)
    value = g_strdup_printf ("%s → %s", old_value, new_value);
  else
    value = g_strdup (new_value ? new_value : old_value);

  item = item_new (LIA_PERSONAL_DATA_SECTION_AUDIT, field, value,
                   lia_row_get_int64 (row, LIA_PERSON_AUDIT_COLUMN_CHANGED_AT));
  item->confidential = masked;
  g_list_store_append (collect->self->items, item);
}

static GHashTable *
confidential_contact_fields (LiaBook *book)
{
  g_autoptr(GListModel) classes =
    lia_field_repository_list_classes (lia_book_get_fields (book), LIA_FIELD_ENTITY_CONTACT);
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(LiaFieldClass) class = g_list_model_get_item (classes, i);

      if (lia_field_class_get_level (class) == LIA_FIELD_LEVEL_CONFIDENTIAL)
        g_hash_table_add (fields, g_strdup (lia_field_class_get_field (class)));
    }
  return fields;
}

/* The contact's personal e-mail when it is stored in clear: it also
 * finds attendances. A confidential one stays sealed here: listing is
 * no reveal. */
static char *
personal_email (LiaBook *book,
                gint64   contact_id)
{
  return lia_field_repository_get_for_export (lia_book_get_fields (book), LIA_FIELD_ENTITY_CONTACT,
                                              contact_id, "personal_email", FALSE, NULL);
}

/* For an erasure, a confidential personal e-mail is opened too when the
 * book's key is loaded, so the attendances under it go: no reveal line,
 * the erasure's own line covers it, and the text only ever reaches the
 * DELETE. Without the key (or when the value fails its check) those
 * attendances cannot be found and stay; the rest of the erasure goes on.
 * Free with lia_secrets_text_free(). */
static char *
personal_email_for_erasure (LiaBook *book,
                            gint64   contact_id)
{
  LiaFieldRepository *fields = lia_book_get_fields (book);
  g_autoptr(GError) error = NULL;
  char *email;

  if (lia_field_repository_get_level (fields, LIA_FIELD_ENTITY_CONTACT, "personal_email")
      != LIA_FIELD_LEVEL_CONFIDENTIAL)
    return personal_email (book, contact_id);
  if (!lia_vault_has_key (lia_book_get_vault (book)))
    return NULL;

  email = lia_field_repository_get_for_export (fields, LIA_FIELD_ENTITY_CONTACT, contact_id,
                                               "personal_email", TRUE, &error);
  if (error != NULL)
    g_debug ("The confidential personal e-mail was not opened for the erasure: %s", error->message);
  return email;
}

LiaPersonalData *
lia_personal_data_collect (LiaBook  *book,
                           gint64    contact_id,
                           GError  **error)
{
  g_autoptr(LiaPersonalData) self = NULL;
  g_autoptr(LiaContact) contact = NULL;
  g_autofree char *other_email = NULL;
  g_autoptr(GHashTable) confidential = NULL;
  AuditCollect audit;
  LiaDatabase *db;

  g_return_val_if_fail (LIA_IS_BOOK (book), NULL);

  if (!(contact = lookup_contact (book, contact_id, error)))
    return NULL;

  self = g_object_new (LIA_TYPE_PERSONAL_DATA, NULL);
  self->contact_id = contact_id;
  self->name = g_strdup (lia_contact_get_name (contact));
  db = lia_book_get_database (book);
  other_email = personal_email (book, contact_id);

  confidential = confidential_contact_fields (book);
  audit.self = self;
  audit.confidential = confidential;

  add_contact_section (self, book, contact);
  if (!add_fields_section (self, book, error) ||
      !lia_person_store_employments (db, contact_id, employment_cb, self, error) ||
      !lia_person_store_events (db, contact_id, event_cb, self, error) ||
      !lia_person_store_attendances (db, contact_id, lia_contact_get_email (contact), other_email,
                                     attendance_cb, self, error) ||
      !lia_person_store_audit (db, contact_id, audit_cb, &audit, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
lia_personal_data_get_contact_id (LiaPersonalData *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA (self), 0);
  return self->contact_id;
}

const char *
lia_personal_data_get_name (LiaPersonalData *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA (self), NULL);
  return self->name;
}

GListModel *
lia_personal_data_get_items (LiaPersonalData *self)
{
  g_return_val_if_fail (LIA_IS_PERSONAL_DATA (self), NULL);
  return G_LIST_MODEL (self->items);
}

/* Everyone showing the contact, its events or its meetings reloads. */
static void
tell_listeners (LiaBook *book,
                gint64   contact_id,
                gint64   account_id)
{
  lia_book_emit_account_changed (book, account_id, FALSE);
  g_signal_emit_by_name (lia_book_get_fields (book), "value-changed",
                         LIA_FIELD_ENTITY_CONTACT, contact_id);
  lia_event_repository_emit_changed (lia_book_get_events (book), 0, account_id);
  g_signal_emit_by_name (lia_book_get_meetings (book), "meeting-changed", (gint64)0, account_id);
}

gboolean
lia_personal_data_erase (LiaBook  *book,
                         gint64    contact_id,
                         GError  **error)
{
  g_autoptr(LiaContact) contact = NULL;
  g_autoptr(GError) checkpoint_error = NULL;
  g_autoptr(LiaSecretsText) other_email = NULL;
  LiaDatabase *db;
  gint64 account_id;
  gboolean ok;

  g_return_val_if_fail (LIA_IS_BOOK (book), FALSE);

  if (!(contact = lookup_contact (book, contact_id, error)))
    return FALSE;

  db = lia_book_get_database (book);
  account_id = lia_contact_get_account_id (contact);
  other_email = personal_email_for_erasure (book, contact_id);

  /* The search index is merged in the same transaction: its old
   * segments, which still hold the name, are freed (and zeroed) with it. */
  if (!lia_book_begin (book, error))
    return FALSE;
  /* The erasure line goes first: the trail only lets values be blanked
   * for something whose erasure it records (schema 6). */
  ok = lia_book_audit (book, account_id, "contact", contact_id, "erased", NULL, NULL, error) &&
       lia_person_store_erase (db, contact_id, lia_contact_get_email (contact), other_email, error) &&
       lia_person_store_optimize_search (db, error);
  if (!lia_book_finish (book, ok, error))
    return FALSE;

  if (lia_database_in_transaction (db))
    return TRUE;

  /* The -wal still holds the pages as they were before. Another reader
   * may keep it from being emptied now: the erasure stands, and closing
   * the book empties it (the message names the file, not the person). */
  if (!lia_database_checkpoint (db, &checkpoint_error))
    g_warning ("The erasure is saved, but the -wal still holds old pages until the book is "
               "closed: %s", checkpoint_error->message);
  tell_listeners (book, contact_id, account_id);
  return TRUE;
}
