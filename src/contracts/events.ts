import { z } from 'zod';

/**
 * One live ticket change sent on GET /api/v1/events (Server-Sent Events, `event: ticket`).
 * It only says which ticket changed; clients fetch what they may see of it again.
 */
export const TicketEventDto = z.object({
  ticketId: z.string(),
  type: z.string().describe('created, updated, message_added (more may come)'),
  at: z.string(),
});
/** A live ticket change. */
export type TicketEventDto = z.infer<typeof TicketEventDto>;
