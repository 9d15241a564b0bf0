/* lia-catalog-store.h — SQL for the reference data: staff, segments, plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lia-database.h"
#include "lia-row.h"

G_BEGIN_DECLS

enum
{
  LIA_STAFF_COLUMN_ID,
  LIA_STAFF_COLUMN_NAME,
  LIA_STAFF_COLUMN_ROLE,
  LIA_STAFF_COLUMN_EMAIL,
  LIA_STAFF_COLUMN_ACTIVE,
};

/* Segments and service plans share one shape; segments add their policy. */
enum
{
  LIA_CHOICE_COLUMN_ID,
  LIA_CHOICE_COLUMN_NAME,
  LIA_SEGMENT_COLUMN_CADENCE_DAYS,
  LIA_SEGMENT_COLUMN_REQUIRES_MANAGER,
};

gboolean lia_catalog_store_add_staff      (LiaDatabase  *db,
                                           const char   *name,
                                           const char   *role,
                                           const char   *email,
                                           gint64       *out_id,
                                           GError      **error);
gboolean lia_catalog_store_staff          (LiaDatabase  *db,
                                           LiaRowFunc    func,
                                           gpointer      user_data,
                                           GError      **error);
gboolean lia_catalog_store_staff_by_name  (LiaDatabase  *db,
                                           const char   *name,
                                           gint64       *out_id,
                                           GError      **error);
gboolean lia_catalog_store_update_staff   (LiaDatabase  *db,
                                           gint64        id,
                                           const char   *name,
                                           const char   *role,
                                           const char   *email,
                                           gboolean      active,
                                           GError      **error);
gboolean lia_catalog_store_segments       (LiaDatabase  *db,
                                           LiaRowFunc    func,
                                           gpointer      user_data,
                                           GError      **error);
gboolean lia_catalog_store_service_plans  (LiaDatabase  *db,
                                           LiaRowFunc    func,
                                           gpointer      user_data,
                                           GError      **error);

G_END_DECLS
