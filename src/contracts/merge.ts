import { z } from 'zod';

/** Input to merge a ticket into another one (same customer's duplicate, or the same problem). */
export const MergeTicketBody = z.object({
  intoTicketId: z.string().trim().min(1).max(64).describe('Id or number of the ticket that keeps the conversation'),
});
/** Input to merge. */
export type MergeTicketBody = z.infer<typeof MergeTicketBody>;
