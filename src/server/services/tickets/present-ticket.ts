import type { TicketSla } from '../../../contracts/sla.js';
import type { TicketDto, TicketRequestDto } from '../../../contracts/tickets.js';
import type { TicketRow } from '../../repositories/tickets.repository.js';

/** Optional parts of the API face that other areas compute (SLA: services/sla/present-sla). */
export interface TicketPresentation {
  sla?: (row: TicketRow) => TicketSla | undefined;
  /** The structured request (intake: services/intake/present-request). */
  request?: (row: TicketRow) => TicketRequestDto | undefined;
}

/** The API face of a ticket row. */
export function presentTicket(t: TicketRow, extra: TicketPresentation = {}): TicketDto {
  const sla = extra.sla?.(t);
  const request = extra.request?.(t);
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    state: t.state as TicketDto['state'],
    pendingReason: t.pendingReason as TicketDto['pendingReason'],
    priority: t.priority as TicketDto['priority'],
    channel: t.channel as TicketDto['channel'],
    language: t.language as TicketDto['language'],
    requester: { id: t.requesterId, name: t.requesterName, email: t.requesterEmail },
    organizationId: t.organizationId,
    assigneeId: t.assigneeId,
    groupId: t.groupId,
    reopenCount: Number(t.reopenCount),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    solvedAt: t.solvedAt,
    closedAt: t.closedAt,
    licenceNumber: t.licenceNumber,
    planCode: t.planCode,
    tier: t.tier as TicketDto['tier'],
    premium: Boolean(t.premium),
    ...(sla ? { sla } : {}),
    ...(request ? { request } : {}),
  };
}
