import type { Generated } from 'kysely';

/** Timestamps are ISO-8601 UTC strings in TypeScript (timestamptz in PostgreSQL, TEXT in SQLite). */
type Timestamp = string;
/** Booleans are stored as 0/1 integers on both databases. */
type Flag = number;

/** An organization (a vendor's customer company). */
export interface OrganizationsTable {
  id: string;
  name: string;
  /** 1 when members see each other's tickets. */
  sharesTickets: Flag;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A person: customer, agent or admin. */
export interface UsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  role: string;
  organizationId: string | null;
  language: string;
  timeZone: string;
  passwordHash: string | null;
  active: Flag;
  failedLogins: number;
  lockedUntil: Timestamp | null;
  totpSecret: string | null;
  /** Secret shown at enrolment, active once a code from it is confirmed. */
  totpPendingSecret: string | null;
  /** Time step of the last accepted code: a code works only once. */
  totpLastStep: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A group (team) of agents. */
export interface GroupsTable {
  id: string;
  name: string;
  createdAt: Timestamp;
}

/** Membership of agents in groups. */
export interface GroupMembersTable {
  groupId: string;
  userId: string;
}

/** Sessions and API tokens, stored as SHA-256 of the secret. */
export interface AuthTokensTable {
  id: string;
  userId: string;
  tokenHash: string;
  kind: 'session' | 'api';
  name: string | null;
  createdAt: Timestamp;
  expiresAt: Timestamp | null;
  lastUsedAt: Timestamp | null;
}

/** Per-scope counters for ticket numbers (scope = PREFIX-YEAR). */
export interface TicketCountersTable {
  scope: string;
  value: number;
}

/** A support request. */
export interface TicketsTable {
  id: string;
  number: string;
  subject: string;
  requesterId: string;
  organizationId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  state: string;
  pendingReason: string | null;
  priority: string;
  channel: string;
  language: string;
  reopenCount: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  firstResponseAt: Timestamp | null;
  lastCustomerMessageAt: Timestamp | null;
  lastAgentMessageAt: Timestamp | null;
  solvedAt: Timestamp | null;
  closedAt: Timestamp | null;
  /** Product the request is about (intake). */
  productId: string | null;
  productVersion: string | null;
  /** blocking | major | minor | question (intake). */
  criticality: string | null;
  /** Licence number given with the request (intake); entitlements read it. */
  licenceNumber: string | null;
  /** Plan the entitlement resolved to (entitlements); SLA policies match on it. */
  planCode: string | null;
  /** Queue tier: premium > direct > contract > standard (entitlements). */
  tier: Generated<string>;
  /** 1 for a paid premium request (entitlements). */
  premium: Generated<number>;
  /** The SLA policy that applies (SLA area); no foreign key so areas stay independent. */
  slaPolicyId: string | null;
  firstResponseDueAt: Timestamp | null;
  firstResponseMetAt: Timestamp | null;
  firstResponseBreachedAt: Timestamp | null;
  nextResponseDueAt: Timestamp | null;
  nextResponseMetAt: Timestamp | null;
  nextResponseBreachedAt: Timestamp | null;
  resolutionDueAt: Timestamp | null;
  resolutionMetAt: Timestamp | null;
  resolutionBreachedAt: Timestamp | null;
  /** The knowledge-base article an agent resolved the ticket with ("answered by the documentation"). */
  answeredByArticleId: string | null;
  /** Fair-use penalty applied when the ticket was filed: 0 none, 1 above the threshold (entitlements, 0005). */
  fairUsePenalty: Generated<number>;
  /** Sortable queue rank key (domain/queue/rank.ts); null when not waiting for an agent (entitlements, 0005). */
  queueKey: string | null;
}

/** One entry in a ticket's thread. */
export interface MessagesTable {
  id: string;
  ticketId: string;
  /** Who the message is from (the customer for a logged phone call). */
  authorId: string | null;
  /** Who typed it in (the agent for a logged phone call). */
  createdById: string | null;
  kind: string;
  internal: Flag;
  channel: string;
  bodyText: string;
  bodyHtml: string;
  createdAt: Timestamp;
}

/** A file attached to a message; bytes live in the BlobStore under storageKey. */
export interface AttachmentsTable {
  id: string;
  ticketId: string;
  messageId: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  storage: string;
  storageKey: string;
  createdAt: Timestamp;
}

/** Blob bytes when the BlobStore is the database (several app nodes without shared disk). */
export interface BlobsTable {
  key: string;
  data: Buffer;
  createdAt: Timestamp;
}

/** Every change: who, when, what, before and after. */
export interface HistoryTable {
  id: string;
  ticketId: string | null;
  entityType: string;
  entityId: string;
  actorId: string | null;
  action: string;
  field: string | null;
  /** JSON. */
  before: string | null;
  /** JSON. */
  after: string | null;
  /** 1 when only agents may see this entry. */
  internal: Flag;
  createdAt: Timestamp;
}

/** Durable jobs (timers, mail delivery, polling). */
export interface JobsTable {
  id: string;
  name: string;
  /** JSON payload, validated by the job definition. */
  payload: string;
  runAt: Timestamp;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: Timestamp | null;
  lastError: string | null;
  /** At most one queued/running job per unique key (e.g. one breach timer per ticket). */
  uniqueKey: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  finishedAt: Timestamp | null;
}

/** Named leases: on SQLite only one process runs the job worker at a time. */
export interface LeasesTable {
  name: string;
  holder: string;
  expiresAt: Timestamp;
}

/** A product the vendor supports. */
export interface ProductsTable {
  id: string;
  code: string;
  name: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A released version of a product. */
export interface ProductVersionsTable {
  id: string;
  productId: string;
  version: string;
  /** Major version number (28 for 28.0.412), for "current major only" rules. */
  major: number;
  releasedAt: Timestamp | null;
  supported: Flag;
  createdAt: Timestamp;
}

/** Tables of the foundation. */
export interface FoundationTables {
  organizations: OrganizationsTable;
  users: UsersTable;
  groups: GroupsTable;
  groupMembers: GroupMembersTable;
  authTokens: AuthTokensTable;
  ticketCounters: TicketCountersTable;
  tickets: TicketsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  blobs: BlobsTable;
  history: HistoryTable;
  jobs: JobsTable;
  leases: LeasesTable;
  products: ProductsTable;
  productVersions: ProductVersionsTable;
}
