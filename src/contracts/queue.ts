import { z } from 'zod';
import { FairUseFactorDto, Tier } from './entitlements.js';
import { TicketDto } from './tickets.js';

/** Which part of the queue to list. */
export const QueueQuery = z.object({
  scope: z.enum(['my_groups', 'all']).default('my_groups').describe('my_groups: tickets of my groups and tickets no group holds yet'),
  group: z.string().max(64).optional().describe('Only this group (overrides scope)'),
  assignee: z.enum(['any', 'none', 'me']).default('any').describe('none: unassigned; me: mine'),
  dueWithin: z.coerce.number().int().min(1).max(10_080).optional().describe('Breaching soon: only tickets with a service-level target due within this many minutes (overdue ones included)'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
/** Queue query. */
export type QueueQuery = z.infer<typeof QueueQuery>;

/** One reason for a ticket's place in the queue, with its text in the reader's language. */
export const RankReasonDto = z.object({
  kind: z.enum(['tier', 'fair_use', 'due', 'no_due', 'arrival']),
  tier: Tier.optional(),
  penalty: z.number().int().optional(),
  factors: z.array(FairUseFactorDto).optional().describe('fair_use: the factors and numbers behind the penalty'),
  at: z.string().optional(),
  target: z.enum(['first_response', 'next_response', 'resolution']).optional(),
  text: z.string(),
});

/** A ticket in the queue with its place and the reasons for it. */
export const QueueItemDto = z.object({ position: z.number().int(), ticket: TicketDto, reasons: z.array(RankReasonDto) });
/** One page of the queue. */
export const QueuePage = z.object({ items: z.array(QueueItemDto), nextCursor: z.string().nullable() });
/** Answer of /queue/next: the ticket now assigned to the caller, or null when nothing waits. */
export const QueueNextResponse = z.object({ item: QueueItemDto.nullable() });

/** A customer's fair-use standing as agents see it. */
export const FairUseCustomerDto = z.object({
  userId: z.string(),
  score: z.number(),
  threshold: z.number(),
  aboveThreshold: z.boolean(),
  exempt: z.boolean(),
  exemptReason: z.string().nullable(),
  penaltyApplies: z.boolean().describe('Whether the customer’s new tickets rank after others of their tier'),
  factors: z.array(FairUseFactorDto),
  computedAt: z.string().nullable(),
  windowDays: z.number().int(),
});
/** What the customer sees in the portal. */
export const FairUseNoticeDto = z.object({
  penaltyApplies: z.boolean(),
  notice: z.string().nullable().describe('A polite notice in the customer’s language, null when nothing applies'),
  factors: z.array(FairUseFactorDto),
});
/** Admin exemption of a customer. */
export const ExemptionBody = z.object({ exempt: z.boolean(), reason: z.string().trim().min(1).max(500) });
/** Agent's mark "previous solution steps not followed". */
export const StepsNotFollowedBody = z.object({ note: z.string().trim().max(1000).optional() });
/** The fair-use policy admins set. */
export const FairUsePolicyDto = z.object({
  windowDays: z.number().int().min(1).max(365),
  messagesPerTicketNorm: z.number().int().min(0).max(1000),
  messagesPerDayNorm: z.number().int().min(0).max(1000),
  documentationShareNorm: z.number().min(0).max(1),
  documentationMinTickets: z.number().int().min(0).max(1000),
  weights: z.object({ messagesPerTicket: z.number().min(0).max(100), messagesPerDay: z.number().min(0).max(100), documentation: z.number().min(0).max(100), stepsNotFollowed: z.number().min(0).max(100) }),
  threshold: z.number().min(0).max(100_000),
});
/** The fair-use policy. */
export type FairUsePolicyDto = z.infer<typeof FairUsePolicyDto>;
