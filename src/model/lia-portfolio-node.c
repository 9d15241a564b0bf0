/* lia-portfolio-node.c — one account in a corporate group, with the
 * figures rolled up over everything below it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lia-model-private.h"
#include "lia-portfolio-node.h"
#include "lia-portfolio-store.h"

struct _LiaPortfolioNode
{
  GObject     parent_instance;
  LiaAccount *account;
  gboolean    has_children;
  guint       n_accounts;
  gint64      total_value;
  gboolean    mixed_currencies;
  gint64      last_contact_at;
  gint64      open_events;
  gint64      sla_breaches;
  gint64      next_review_at;
  gint64      overdue_followups;
};

G_DEFINE_FINAL_TYPE (LiaPortfolioNode, lia_portfolio_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_HAS_CHILDREN,
  PROP_N_ACCOUNTS,
  PROP_TOTAL_VALUE,
  PROP_MIXED_CURRENCIES,
  PROP_LAST_CONTACT_AT,
  PROP_OPEN_EVENTS,
  PROP_SLA_BREACHES,
  PROP_NEXT_REVIEW_AT,
  PROP_OVERDUE_FOLLOWUPS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
lia_portfolio_node_finalize (GObject *object)
{
  LiaPortfolioNode *self = (LiaPortfolioNode *)object;

  g_clear_object (&self->account);
  G_OBJECT_CLASS (lia_portfolio_node_parent_class)->finalize (object);
}

static void
lia_portfolio_node_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaPortfolioNode *self = LIA_PORTFOLIO_NODE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:           g_value_set_object (value, self->account); break;
    case PROP_HAS_CHILDREN:      g_value_set_boolean (value, self->has_children); break;
    case PROP_N_ACCOUNTS:        g_value_set_uint (value, self->n_accounts); break;
    case PROP_TOTAL_VALUE:       g_value_set_int64 (value, self->total_value); break;
    case PROP_MIXED_CURRENCIES:  g_value_set_boolean (value, self->mixed_currencies); break;
    case PROP_LAST_CONTACT_AT:   g_value_set_int64 (value, self->last_contact_at); break;
    case PROP_OPEN_EVENTS:       g_value_set_int64 (value, self->open_events); break;
    case PROP_SLA_BREACHES:      g_value_set_int64 (value, self->sla_breaches); break;
    case PROP_NEXT_REVIEW_AT:    g_value_set_int64 (value, self->next_review_at); break;
    case PROP_OVERDUE_FOLLOWUPS: g_value_set_int64 (value, self->overdue_followups); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lia_portfolio_node_class_init (LiaPortfolioNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lia_portfolio_node_finalize;
  object_class->get_property = lia_portfolio_node_get_property;

  properties[PROP_ACCOUNT] = g_param_spec_object ("account", NULL, NULL, LIA_TYPE_ACCOUNT, ro);
  properties[PROP_HAS_CHILDREN] = g_param_spec_boolean ("has-children", NULL, NULL, FALSE, ro);
  properties[PROP_N_ACCOUNTS] = g_param_spec_uint ("n-accounts", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TOTAL_VALUE] = g_param_spec_int64 ("total-value", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_MIXED_CURRENCIES] = g_param_spec_boolean ("mixed-currencies", NULL, NULL, FALSE, ro);
  properties[PROP_LAST_CONTACT_AT] = g_param_spec_int64 ("last-contact-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_OPEN_EVENTS] =
    g_param_spec_int64 ("open-events", NULL, NULL, -1, G_MAXINT64, LIA_ROLLUP_UNKNOWN, ro);
  properties[PROP_SLA_BREACHES] =
    g_param_spec_int64 ("sla-breaches", NULL, NULL, -1, G_MAXINT64, LIA_ROLLUP_UNKNOWN, ro);
  properties[PROP_NEXT_REVIEW_AT] =
    g_param_spec_int64 ("next-review-at", NULL, NULL, -1, G_MAXINT64, LIA_ROLLUP_UNKNOWN, ro);
  properties[PROP_OVERDUE_FOLLOWUPS] =
    g_param_spec_int64 ("overdue-followups", NULL, NULL, -1, G_MAXINT64, LIA_ROLLUP_UNKNOWN, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lia_portfolio_node_init (LiaPortfolioNode *self)
{
}

static gint64
optional (LiaRow *row,
          int     column)
{
  return lia_row_is_null (row, column) ? LIA_ROLLUP_UNKNOWN : lia_row_get_int64 (row, column);
}

LiaPortfolioNode *
lia_portfolio_node_new_from_row (LiaRow *row)
{
  LiaPortfolioNode *self = g_object_new (LIA_TYPE_PORTFOLIO_NODE, NULL);

  self->account = lia_account_new_from_row (row);
  self->has_children = lia_row_get_int64 (row, LIA_ROLLUP_COLUMN_HAS_CHILDREN) != 0;
  self->n_accounts = (guint)lia_row_get_int64 (row, LIA_ROLLUP_COLUMN_N_ACCOUNTS);
  self->total_value = lia_row_get_int64 (row, LIA_ROLLUP_COLUMN_TOTAL_VALUE);
  self->mixed_currencies = lia_row_get_int64 (row, LIA_ROLLUP_COLUMN_N_CURRENCIES) > 1;
  self->last_contact_at = lia_row_get_int64 (row, LIA_ROLLUP_COLUMN_LAST_CONTACT_AT);
  self->open_events = optional (row, LIA_ROLLUP_COLUMN_OPEN_EVENTS);
  self->sla_breaches = optional (row, LIA_ROLLUP_COLUMN_SLA_BREACHES);
  self->next_review_at = optional (row, LIA_ROLLUP_COLUMN_NEXT_REVIEW_AT);
  self->overdue_followups = optional (row, LIA_ROLLUP_COLUMN_OVERDUE_FOLLOWUPS);
  return self;
}

LiaAccount *
lia_portfolio_node_get_account (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), NULL);
  return self->account;
}

gboolean
lia_portfolio_node_get_has_children (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), FALSE);
  return self->has_children;
}

guint
lia_portfolio_node_get_n_accounts (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), 0);
  return self->n_accounts;
}

gint64
lia_portfolio_node_get_total_value (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), 0);
  return self->total_value;
}

gboolean
lia_portfolio_node_get_mixed_currencies (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), FALSE);
  return self->mixed_currencies;
}

gint64
lia_portfolio_node_get_last_contact_at (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), 0);
  return self->last_contact_at;
}

gint64
lia_portfolio_node_get_open_events (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), LIA_ROLLUP_UNKNOWN);
  return self->open_events;
}

gint64
lia_portfolio_node_get_sla_breaches (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), LIA_ROLLUP_UNKNOWN);
  return self->sla_breaches;
}

gint64
lia_portfolio_node_get_next_review_at (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), LIA_ROLLUP_UNKNOWN);
  return self->next_review_at;
}

gint64
lia_portfolio_node_get_overdue_followups (LiaPortfolioNode *self)
{
  g_return_val_if_fail (LIA_IS_PORTFOLIO_NODE (self), LIA_ROLLUP_UNKNOWN);
  return self->overdue_followups;
}
