/** Timestamps are ISO-8601 UTC strings (timestamptz in PostgreSQL, TEXT in SQLite). */
type Timestamp = string;
/** Booleans are stored as 0/1 integers on both databases. */
type Flag = number;

/** A plan defined by admins: what a licence or a contract gives. */
export interface PlansTable {
  id: string;
  code: string;
  /** JSON: names per language ({"fr": "...", "en": "..."}). */
  names: string;
  /** licence: free support that comes with a purchase; contract: given by a contract. */
  basis: string;
  /** Licence plans may be limited to one product; null for every product. */
  productId: string | null;
  /** standard | contract | direct (premium is per ticket). */
  tier: string;
  /** JSON array of channels the plan allows. */
  channels: string;
  designatedEngineer: Flag;
  premiumCreditsIncluded: number;
  /** Licence plans: days of support after the purchase date (null: no time limit). */
  supportDays: number | null;
  /** licensed (the version bought), current_major (only the product's current major), all. */
  versionRule: string;
  active: Flag;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A licence sold to an organization. */
export interface LicencesTable {
  id: string;
  number: string;
  productId: string;
  /** Version bought, as written (28.0.412 or 28). */
  version: string;
  /** Major of the version bought. */
  major: number;
  /** Purchase date, YYYY-MM-DD (a calendar day in the support desk's time zone). */
  purchasedOn: string;
  /** Null for a licence anyone quoting its number may use. */
  organizationId: string | null;
  seats: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A support contract: a plan for an organization between two days (inclusive). */
export interface ContractsTable {
  id: string;
  number: string;
  organizationId: string;
  planId: string;
  /** Null: every product. */
  productId: string | null;
  startsOn: string;
  endsOn: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** Direct assistance: who handles an organization's tickets. */
export interface OrganizationSupportTable {
  organizationId: string;
  engineerId: string | null;
  deputyId: string | null;
  updatedAt: Timestamp;
}

/** An agent marked absent (until a time, or until cleared). */
export interface AgentAbsencesTable {
  userId: string;
  until: Timestamp | null;
  note: string | null;
  createdAt: Timestamp;
}

/** The current premium-credit balance of an organization (kept with the ledger, never negative). */
export interface CreditBalancesTable {
  organizationId: string;
  balance: number;
  updatedAt: Timestamp;
}

/** One append-only ledger entry: grant, webhook grant, spend or refund. */
export interface CreditEntriesTable {
  id: string;
  organizationId: string;
  kind: string;
  /** Positive for grants and refunds, negative for spends. */
  amount: number;
  balanceAfter: number;
  ticketId: string | null;
  actorId: string | null;
  /** Payment event id (webhook grants): unique, so a replay grants nothing. */
  eventId: string | null;
  reason: string | null;
  createdAt: Timestamp;
}

/** What the entitlement made of a ticket, with its explanation. */
export interface TicketEntitlementsTable {
  ticketId: string;
  /** The plan whose service levels apply (the premium plan for a premium request). */
  planCode: string | null;
  /** The plan the licence or contract gives, before premium. */
  basePlanCode: string | null;
  tier: string;
  /** licence | contract | none. */
  basis: string;
  licenceId: string | null;
  contractId: string | null;
  /** Why the request was handled as standard (licence_unknown, channel_not_allowed...), if so. */
  problem: string | null;
  /** JSON {key, params}. */
  explanation: string;
  /** JSON [{key, params}]. */
  notes: string;
  /** JSON: the fair-use standing at creation (score, factors, penalty). */
  fairUse: string | null;
  resolvedAt: Timestamp;
}

/** A customer's fair-use standing. */
export interface FairUseCustomersTable {
  userId: string;
  score: number;
  /** JSON array of factors with their numbers. */
  factors: string;
  penalized: Flag;
  exempt: Flag;
  exemptReason: string | null;
  computedAt: Timestamp | null;
  updatedAt: Timestamp;
}

/** An agent's mark on a ticket ("previous solution steps not followed"). */
export interface FairUseFlagsTable {
  id: string;
  ticketId: string;
  customerId: string;
  kind: string;
  note: string | null;
  createdById: string | null;
  createdAt: Timestamp;
}

/** Admin settings of the area (JSON values). */
export interface EntitlementSettingsTable {
  key: string;
  value: string;
  updatedAt: Timestamp;
}

/** Tables of the entitlements area. */
export interface EntitlementTables {
  plans: PlansTable;
  licences: LicencesTable;
  contracts: ContractsTable;
  organizationSupport: OrganizationSupportTable;
  agentAbsences: AgentAbsencesTable;
  creditBalances: CreditBalancesTable;
  creditEntries: CreditEntriesTable;
  ticketEntitlements: TicketEntitlementsTable;
  fairUseCustomers: FairUseCustomersTable;
  fairUseFlags: FairUseFlagsTable;
  entitlementSettings: EntitlementSettingsTable;
}
