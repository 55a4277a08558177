import { z } from 'zod';

/** A customer organization. */
export const OrganizationDto = z.object({
  id: z.string(),
  name: z.string(),
  sharesTickets: z.boolean().describe("Members see each other's tickets"),
  members: z.number().int().describe('People who belong to it'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** An organization. */
export type OrganizationDto = z.infer<typeof OrganizationDto>;

/** Input to create an organization. */
export const CreateOrganizationBody = z.object({ name: z.string().trim().min(1).max(200), sharesTickets: z.boolean().default(false) });
/** Input to create an organization. */
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;

/** Input to change an organization. */
export const UpdateOrganizationBody = z
  .object({ name: z.string().trim().min(1).max(200), sharesTickets: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });
/** Input to change an organization. */
export type UpdateOrganizationBody = z.infer<typeof UpdateOrganizationBody>;

/** Organization list filter. */
export const ListOrganizationsQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Part of the name, any case'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
