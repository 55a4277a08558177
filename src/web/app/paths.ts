import type { Role } from '../../contracts/enums.js';

/** Where each role starts: customers in the portal, staff in the console. */
export function homeOf(role: Role): string {
  return role === 'customer' ? '/portal' : '/console';
}

/** The signed-in person's account page (language, time zone, two-factor sign-in). */
export function accountOf(role: Role): string {
  return `${homeOf(role)}/account`;
}
