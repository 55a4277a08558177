/**
 * The ticket lifecycle as a pure table: which state may follow which, and what a move needs.
 * new → open → pending (with a reason) → solved → closed, plus reopen from solved or closed.
 */

/** Ticket states, in lifecycle order. */
export const TICKET_STATES = ['new', 'open', 'pending', 'solved', 'closed'] as const;
/** A ticket state. */
export type TicketState = (typeof TICKET_STATES)[number];

/** Why a ticket is pending. */
export const PENDING_REASONS = [
  'waiting_for_customer',
  'cannot_reproduce',
  'awaiting_product_update',
  'needs_diagnostics',
] as const;
/** A pending reason. */
export type PendingReason = (typeof PENDING_REASONS)[number];

/** Who asks for the move: customers may only solve, close or reopen their own requests. */
export type TransitionActor = 'customer' | 'agent';

const ALLOWED: Record<TicketState, readonly TicketState[]> = {
  new: ['open', 'pending', 'solved'],
  open: ['pending', 'solved'],
  pending: ['open', 'pending', 'solved'],
  solved: ['closed', 'open'],
  closed: ['open'],
};

const CUSTOMER_ALLOWED: Partial<Record<TicketState, readonly TicketState[]>> = {
  new: ['solved'],
  open: ['solved'],
  pending: ['solved'],
  solved: ['closed', 'open'],
};

/** The outcome of a requested move. */
export type TransitionResult =
  | { ok: true; state: TicketState; pendingReason: PendingReason | null; reopened: boolean }
  | { ok: false; reason: 'illegal_transition' | 'pending_reason_required' | 'reason_not_allowed'; from: TicketState; to: TicketState };

/** A requested move. */
export interface TransitionRequest {
  /** Current state of the ticket. */
  from: TicketState;
  /** Current pending reason (only meaningful when `from` is pending). */
  currentReason: PendingReason | null;
  /** Requested state. */
  to: TicketState;
  /** Reason given with the move; required when `to` is pending, refused otherwise. */
  reason?: PendingReason | null | undefined;
  /** Who asks. */
  actor: TransitionActor;
}

/** Decides whether a move is allowed and what the ticket becomes. Never throws. */
export function transition(req: TransitionRequest): TransitionResult {
  const { from, to, actor } = req;
  const reason = req.reason ?? null;
  const table = actor === 'customer' ? CUSTOMER_ALLOWED : ALLOWED;
  if (!(table[from] ?? []).includes(to)) return { ok: false, reason: 'illegal_transition', from, to };
  if (to === 'pending') {
    if (!reason) return { ok: false, reason: 'pending_reason_required', from, to };
    if (from === 'pending' && reason === req.currentReason) {
      return { ok: false, reason: 'illegal_transition', from, to };
    }
    return { ok: true, state: to, pendingReason: reason, reopened: false };
  }
  if (reason) return { ok: false, reason: 'reason_not_allowed', from, to };
  const reopened = to === 'open' && (from === 'solved' || from === 'closed');
  return { ok: true, state: to, pendingReason: null, reopened };
}

/** States a ticket may move to from `from`, for menus. */
export function nextStates(from: TicketState, actor: TransitionActor): readonly TicketState[] {
  return (actor === 'customer' ? CUSTOMER_ALLOWED[from] : ALLOWED[from]) ?? [];
}

/** Whether agents still owe work on a ticket in this state. */
export function isActive(state: TicketState): boolean {
  return state === 'new' || state === 'open' || state === 'pending';
}
