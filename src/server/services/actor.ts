import type { UserRow } from '../repositories/users.repository.js';

/** The authenticated person a use case acts for. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: 'customer' | 'agent' | 'admin';
  organizationId: string | null;
  /** Whether the actor's organization shares tickets among its members. */
  organizationShares: boolean;
  language: string;
  timeZone: string;
}

/** Agents and admins work tickets; customers ask. */
export function isStaff(actor: Actor): boolean {
  return actor.role === 'agent' || actor.role === 'admin';
}

/** Builds an Actor from a user row. */
export function actorFromUser(user: UserRow): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Actor['role'],
    organizationId: user.organizationId,
    organizationShares: Boolean(user.organizationSharesTickets),
    language: user.language,
    timeZone: user.timeZone,
  };
}
