import { z } from 'zod';
import { Language } from './enums.js';

/** A ready-made answer for the composer. */
export const CannedReplyDto = z.object({
  id: z.string(),
  language: Language,
  title: z.string(),
  body: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A canned reply. */
export type CannedReplyDto = z.infer<typeof CannedReplyDto>;

/** Input to write a canned reply. */
export const CreateCannedReplyBody = z.object({
  language: Language,
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(20_000),
});

/** Input to change one (what is given replaces). */
export const UpdateCannedReplyBody = CreateCannedReplyBody.partial().refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' });

/** Which canned replies to list. */
export const ListCannedRepliesQuery = z.object({ language: Language.optional().describe('Only this language (the ticket’s)') });
