import { z } from 'zod';
import { Language, Role } from './enums.js';

/** A user as the API shows it (never the password hash). */
export const UserDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  language: Language,
  timeZone: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  organizationSharesTickets: z.boolean().describe("Whether the user's organization shares tickets among its members"),
  twoFactor: z.boolean().describe('Whether sign-in asks for an authenticator code'),
  createdAt: z.string(),
});
/** A user. */
export type UserDto = z.infer<typeof UserDto>;

/** Admin input to create a user. */
export const CreateUserBody = z.object({
  email: z.email().max(254),
  password: z.string().min(10).max(200).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  role: Role,
  organization: z.string().trim().min(1).max(200).optional().describe('Organization name; created if new'),
  language: Language.optional(),
  timeZone: z.string().max(64).optional(),
});
/** Input to create a user. */
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** Input to change one's own preferences (language of the interface and e-mails, time zone of dates). */
export const UpdateProfileBody = z
  .object({
    language: Language.optional(),
    timeZone: z.string().min(1).max(64).optional().describe('An IANA time zone, e.g. Europe/Paris'),
  })
  .refine((v) => v.language !== undefined || v.timeZone !== undefined, { message: 'Nothing to change' });
/** Input to change one's preferences. */
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

/** Login input. */
export const LoginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
  totpCode: z.string().max(12).optional().describe('Current code of the authenticator app, when two-factor sign-in is on'),
});

/** Login answer: the token also works as a Bearer token; csrfToken goes with cookie-authenticated writes. */
export const LoginResponse = z.object({
  token: z.string(),
  csrfToken: z.string(),
  expiresAt: z.string(),
  user: UserDto,
});

/** GET /me answer. */
export const MeResponse = z.object({
  user: UserDto,
  csrfToken: z.string().nullable().describe('Present when the request came with the session cookie'),
});

/** Two-factor enrolment: the secret to type or the URI to scan. */
export const TwoFactorStart = z.object({ secret: z.string(), otpauthUri: z.string() });

/** A code from the authenticator app. */
export const TwoFactorCode = z.object({ code: z.string().min(6).max(12) });
