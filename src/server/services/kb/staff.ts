import { forbidden } from '../../errors/app-error.js';
import { isStaff, type Actor } from '../actor.js';

/** Agents and admins write the knowledge base; anyone else gets 403. */
export function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('kb_staff_only');
}
