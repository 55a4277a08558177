import { v7 as uuidv7 } from 'uuid';
import type { CannedReplyDto } from '../../../contracts/canned-replies.js';
import type { Language } from '../../../contracts/enums.js';
import { forbidden, notFound } from '../../errors/app-error.js';
import { findCannedReply, listCannedReplyRows, type CannedReplyRow } from '../../repositories/canned-replies.repository.js';
import { isStaff, type Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';

function present(row: CannedReplyRow): CannedReplyDto {
  return { id: row.id, language: row.language as Language, title: row.title, body: row.body, createdBy: row.createdBy, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden();
}

/** The author or an admin may change or delete a canned reply; every agent may use it. */
async function ownedOrAdmin(deps: ServiceDeps, actor: Actor, id: string): Promise<CannedReplyRow> {
  requireStaff(actor);
  const row = await findCannedReply(deps.db, id);
  if (!row) throw notFound('resource');
  if (actor.role !== 'admin' && row.createdBy !== actor.id) throw forbidden();
  return row;
}

/** Canned replies for agents, optionally of one language. */
export async function listCannedReplies(deps: ServiceDeps, actor: Actor, language?: string): Promise<CannedReplyDto[]> {
  requireStaff(actor);
  return (await listCannedReplyRows(deps.db, language)).map(present);
}

/** Writes a canned reply. */
export async function createCannedReply(deps: ServiceDeps, actor: Actor, input: { language: Language; title: string; body: string }): Promise<CannedReplyDto> {
  requireStaff(actor);
  const at = deps.clock.now().toISOString();
  const row: CannedReplyRow = { id: uuidv7(), language: input.language, title: input.title, body: input.body, createdBy: actor.id, createdAt: at, updatedAt: at };
  await deps.db.insertInto('cannedReplies').values(row).execute();
  return present(row);
}

/** Changes a canned reply (its author or an admin). */
export async function updateCannedReply(deps: ServiceDeps, actor: Actor, id: string, input: { language?: Language | undefined; title?: string | undefined; body?: string | undefined }): Promise<CannedReplyDto> {
  const row = await ownedOrAdmin(deps, actor, id);
  const next: CannedReplyRow = { ...row, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), updatedAt: deps.clock.now().toISOString() };
  await deps.db.updateTable('cannedReplies').set({ language: next.language, title: next.title, body: next.body, updatedAt: next.updatedAt }).where('id', '=', id).execute();
  return present(next);
}

/** Deletes a canned reply (its author or an admin). */
export async function deleteCannedReply(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await ownedOrAdmin(deps, actor, id);
  await deps.db.deleteFrom('cannedReplies').where('id', '=', id).execute();
}
