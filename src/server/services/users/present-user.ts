import type { UserDto } from '../../../contracts/users.js';
import type { UserRow } from '../../repositories/users.repository.js';

/** The public face of a user row. */
export function presentUser(u: UserRow): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as UserDto['role'],
    language: u.language as UserDto['language'],
    timeZone: u.timeZone,
    organizationId: u.organizationId,
    organizationName: u.organizationName,
    organizationSharesTickets: Boolean(u.organizationSharesTickets),
    twoFactor: Boolean(u.totpSecret),
    createdAt: u.createdAt,
  };
}
