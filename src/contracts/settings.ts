import { z } from 'zod';

/** Settings the web app needs before the user acts (the attachment limit shown before an upload). */
export const ClientSettings = z.object({
  attachmentMaxBytes: z.number().int().describe('Largest accepted file, in bytes'),
  attachmentsPerRequest: z.number().int().describe('Files per message'),
  ticketPrefix: z.string().describe('Ticket numbers start with PREFIX-YEAR-'),
});
/** Client settings. */
export type ClientSettings = z.infer<typeof ClientSettings>;
