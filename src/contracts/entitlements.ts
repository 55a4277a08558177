import { z } from 'zod';
import { Channel } from './enums.js';

/** Queue tiers, best first. */
export const Tier = z.enum(['premium', 'direct', 'contract', 'standard']);
/** A queue tier. */
export type Tier = z.infer<typeof Tier>;

/** What a plan is given by: a licence purchase, a contract, or a premium request. */
export const PlanBasis = z.enum(['licence', 'contract', 'premium']);
/** Which versions a plan covers. */
export const VersionRule = z.enum(['licensed', 'current_major', 'all']).describe('licensed: the version bought; current_major: only the product’s current major; all: every version');

/** A calendar day, YYYY-MM-DD, that exists. */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD')
  .refine((v) => {
    // Only a well-formed day is checked for existence (an invalid Date would throw, a 500 instead of a 400).
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'no such day');

const Code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');
/** An id in a path. */
export const IdParams = z.object({ id: z.string().min(1).max(64) });
/** Paging by offset for the admin lists. */
const Paging = { limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).default(0) };

/** A released version of a product. */
export const ProductVersionDto = z.object({
  id: z.string(),
  productId: z.string(),
  version: z.string(),
  major: z.number().int(),
  releasedAt: z.string().nullable(),
  supported: z.boolean(),
});
/** A product with its versions. */
export const ProductDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  currentMajor: z.number().int().nullable().describe('Highest supported major version'),
  versions: z.array(ProductVersionDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A product. */
export type ProductDto = z.infer<typeof ProductDto>;
/** Input to create a product. */
export const CreateProductBody = z.object({ code: Code, name: z.string().trim().min(1).max(200) });
/** Input to change a product. */
export const UpdateProductBody = CreateProductBody.partial().refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
/** Input to add a version. */
export const CreateVersionBody = z.object({
  version: z.string().trim().min(1).max(40).regex(/^\d+/, 'must start with the major number, e.g. 28 or 28.0.412'),
  releasedAt: z.iso.datetime({ offset: true }).optional(),
  supported: z.boolean().default(true),
});
/** Input to change a version. */
export const UpdateVersionBody = z
  .object({ releasedAt: z.iso.datetime({ offset: true }).nullable().optional(), supported: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
/** Product and version ids in a path. */
export const VersionParams = z.object({ id: z.string().min(1).max(64), versionId: z.string().min(1).max(64) });

/** Names of a plan per language (at least one). */
export const PlanNames = z
  .object({ fr: z.string().trim().min(1).max(120), es: z.string().trim().min(1).max(120), en: z.string().trim().min(1).max(120), ru: z.string().trim().min(1).max(120) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'give the plan a name in at least one language' });

/** A plan. */
export const PlanDto = z.object({
  id: z.string(),
  code: z.string(),
  names: z.record(z.string(), z.string()),
  basis: PlanBasis,
  productId: z.string().nullable(),
  tier: Tier,
  channels: z.array(Channel),
  designatedEngineer: z.boolean(),
  premiumCreditsIncluded: z.number().int(),
  supportDays: z.number().int().nullable(),
  versionRule: VersionRule,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A plan. */
export type PlanDto = z.infer<typeof PlanDto>;
const PlanFields = z.object({
  code: Code,
  names: PlanNames,
  basis: PlanBasis,
  productId: z.string().nullable().default(null).describe('Licence plans: limit to one product'),
  tier: Tier.default('standard').describe('premium only for the premium plan; standard, contract or direct otherwise'),
  channels: z.array(Channel).min(1),
  designatedEngineer: z.boolean().default(false),
  premiumCreditsIncluded: z.number().int().min(0).max(100_000).default(0).describe('Credits granted when a contract on this plan is created'),
  supportDays: z.number().int().min(0).max(36_500).nullable().default(null).describe('Licence plans: days of support after the purchase date'),
  versionRule: VersionRule.default('all'),
  active: z.boolean().default(true),
});
const tierFitsBasis = (v: { basis?: string; tier?: string }): boolean => v.basis === undefined || v.tier === undefined || (v.basis === 'premium') === (v.tier === 'premium');
/** Input to create a plan. */
export const CreatePlanBody = PlanFields.refine(tierFitsBasis, { message: 'the premium tier goes with the premium basis only', path: ['tier'] });
/** Input to change a plan (every field optional). */
export const UpdatePlanBody = PlanFields.partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' })
  .refine(tierFitsBasis, { message: 'the premium tier goes with the premium basis only', path: ['tier'] });

/** A licence. */
export const LicenceDto = z.object({
  id: z.string(),
  number: z.string(),
  productId: z.string(),
  productCode: z.string(),
  version: z.string(),
  major: z.number().int(),
  purchasedOn: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  seats: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A licence. */
export type LicenceDto = z.infer<typeof LicenceDto>;
const LicenceNumber = z.string().trim().min(1).max(64).regex(/^[^\s,;]+$/, 'no spaces, commas or semicolons');
/** Input to create a licence. */
export const CreateLicenceBody = z.object({
  number: LicenceNumber,
  productId: z.string().min(1).max(64),
  version: z.string().trim().min(1).max(40).regex(/^\d+/, 'must start with the major number'),
  purchasedOn: CalendarDay,
  organizationId: z.string().min(1).max(64).nullable().default(null),
  seats: z.number().int().min(1).max(1_000_000).default(1),
});
/** Input to change a licence. */
export const UpdateLicenceBody = CreateLicenceBody.partial().refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
/** Licence list filters. */
export const ListLicencesQuery = z.object({ organizationId: z.string().max(64).optional(), productId: z.string().max(64).optional(), ...Paging });

/** A contract. */
export const ContractDto = z.object({
  id: z.string(),
  number: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  planId: z.string(),
  planCode: z.string(),
  productId: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A contract. */
export type ContractDto = z.infer<typeof ContractDto>;
const ContractFields = z.object({
  number: LicenceNumber,
  organizationId: z.string().min(1).max(64),
  planCode: Code,
  productId: z.string().min(1).max(64).nullable().default(null),
  startsOn: CalendarDay,
  endsOn: CalendarDay,
});
/** Input to create a contract. */
export const CreateContractBody = ContractFields.refine((v) => v.endsOn >= v.startsOn, { message: 'ends before it starts', path: ['endsOn'] });
/** Input to change a contract. */
export const UpdateContractBody = ContractFields.partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, { message: 'ends before it starts', path: ['endsOn'] });
/** Contract list filters. */
export const ListContractsQuery = z.object({ organizationId: z.string().max(64).optional(), ...Paging });

/** One entry of the premium-credit ledger. */
export const CreditEntryDto = z.object({
  id: z.string(),
  kind: z.enum(['grant', 'payment', 'spend', 'refund']),
  amount: z.number().int(),
  balanceAfter: z.number().int(),
  ticketId: z.string().nullable(),
  actorId: z.string().nullable(),
  eventId: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
/** An organization's premium credits. */
export const CreditsDto = z.object({ organizationId: z.string(), balance: z.number().int(), entries: z.array(CreditEntryDto) });
/** Admin grant of credits. */
export const GrantCreditsBody = z.object({ credits: z.number().int().min(1).max(100_000), reason: z.string().trim().min(1).max(500) });
/** A payment provider's notice that an organization bought credits (signed). */
export const PaymentWebhookBody = z.object({
  eventId: z.string().trim().min(1).max(200),
  organizationId: z.string().min(1).max(64),
  credits: z.number().int().min(1).max(100_000),
  reference: z.string().max(500).optional(),
});
/** Answer to the payment webhook. */
export const PaymentWebhookResult = z.object({ status: z.enum(['granted', 'already_processed']), organizationId: z.string(), balance: z.number().int() });
/** An agent downgrading a premium request (the credit goes back). */
export const DowngradePremiumBody = z.object({ reason: z.string().trim().min(1).max(500) });

/** Who handles an organization's tickets under direct assistance. */
export const OrganizationSupportDto = z.object({ organizationId: z.string(), engineerId: z.string().nullable(), deputyId: z.string().nullable() });
/** Input to set the designated engineer and deputy. */
export const SetOrganizationSupportBody = z.object({ engineerId: z.string().min(1).max(64).nullable(), deputyId: z.string().min(1).max(64).nullable() });
/** Input to mark an agent absent or back. */
export const AbsenceBody = z.object({ absent: z.boolean(), until: z.iso.datetime({ offset: true }).nullable().optional(), note: z.string().max(500).optional() });
/** An agent's presence. */
export const AbsenceDto = z.object({ userId: z.string(), absent: z.boolean(), until: z.string().nullable(), note: z.string().nullable() });

/** What to do with a request nothing entitles, or one on a channel its plan does not open. */
export const EntitlementPolicy = z.enum(['accept_standard', 'refuse']);
/** Admin settings of entitlements. */
export const EntitlementSettingsDto = z.object({
  unentitledPolicy: EntitlementPolicy.describe('Unknown or expired licence, no contract: accept as standard with the reason shown, or refuse'),
  channelPolicy: EntitlementPolicy.describe('A channel the plan does not open (phone without a contract): accept as standard with the reason shown, or refuse'),
  unentitledChannels: z.array(Channel).describe('Channels open to requests no plan covers'),
  dayTimeZone: z.string().describe('Time zone in which purchase dates and contract days are counted'),
});
/** Admin settings of entitlements. */
export type EntitlementSettingsDto = z.infer<typeof EntitlementSettingsDto>;
/** Input to change them. */
export const UpdateEntitlementSettingsBody = EntitlementSettingsDto.partial().refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

/** A sentence with its translation key and parameters, and the text in the reader's language. */
export const ExplanationDto = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), text: z.string() });

/** One fair-use factor with its numbers. */
export const FairUseFactorDto = z.object({
  name: z.enum(['messages_per_ticket', 'messages_per_day', 'documentation', 'steps_not_followed']),
  value: z.number(),
  norm: z.number(),
  excess: z.number(),
  weight: z.number(),
  points: z.number(),
  text: z.string(),
});

/** What the entitlement made of a ticket, and why. */
export const TicketEntitlementDto = z.object({
  ticketId: z.string(),
  planCode: z.string().nullable().describe('Plan whose service levels apply'),
  planName: z.string().nullable(),
  basePlanCode: z.string().nullable().describe('Plan the licence or contract gives, before premium'),
  tier: Tier,
  premium: z.boolean(),
  basis: z.enum(['licence', 'contract', 'none']),
  licenceNumber: z.string().nullable(),
  problem: z.string().nullable(),
  explanation: ExplanationDto,
  notes: z.array(ExplanationDto),
  fairUse: z.object({ penalty: z.number().int(), score: z.number(), threshold: z.number(), exempt: z.boolean(), factors: z.array(FairUseFactorDto) }).nullable(),
  resolvedAt: z.string(),
});
/** Input to correct the licence number of a ticket (the entitlement is resolved again). */
export const SetTicketLicenceBody = z.object({ licenceNumber: LicenceNumber.nullable() });
