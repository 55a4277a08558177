import { z } from 'zod';

/** Languages Guichet speaks, everywhere a person reads something. */
export const Language = z.enum(['fr', 'es', 'en', 'ru']);
/** A supported language code. */
export type Language = z.infer<typeof Language>;

/** What a user may do: customers ask, agents answer, admins configure. */
export const Role = z.enum(['customer', 'agent', 'admin']);
/** A user role. */
export type Role = z.infer<typeof Role>;

/** A ticket's lifecycle state (see domain/ticket/state-machine). */
export const TicketState = z.enum(['new', 'open', 'pending', 'solved', 'closed']);
/** A ticket state. */
export type TicketState = z.infer<typeof TicketState>;

/** Why a ticket waits; some reasons pause the clock, others let agents move the target. */
export const PendingReason = z.enum([
  'waiting_for_customer',
  'cannot_reproduce',
  'awaiting_product_update',
  'needs_diagnostics',
]);
/** A pending reason. */
export type PendingReason = z.infer<typeof PendingReason>;

/** Ticket priority as set by agents (premium and plans act through the queue rank, not here). */
export const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
/** A ticket priority. */
export type Priority = z.infer<typeof Priority>;

/** How a request or a message reached us. */
export const Channel = z.enum(['web', 'email', 'phone', 'fax', 'post', 'api']);
/** A channel. */
export type Channel = z.infer<typeof Channel>;

/** The kind of an entry in a ticket's thread. */
export const MessageKind = z.enum(['customer', 'reply', 'note', 'system']);
/** A message kind. */
export type MessageKind = z.infer<typeof MessageKind>;
