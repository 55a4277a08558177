import type { z } from 'zod';
import type { QueueItemDto } from '../../../contracts/queue.js';
import { AppError } from '../../errors/app-error.js';
import { groupIdsOf } from '../../repositories/groups.repository.js';
import { fairUseSnapshots, listQueueRows } from '../../repositories/queue.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { slaPresenter } from '../sla/present-sla.js';
import { presentQueueItem, ReasonWriter } from './present-queue-item.js';

/** Which part of the queue an agent asks for. */
export interface ListQueueInput {
  actor: Actor;
  scope: 'my_groups' | 'all';
  group?: string | undefined;
  assignee: 'any' | 'none' | 'me';
  /** Breaching soon: only tickets with a target due within this many minutes. */
  dueWithin?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

function encode(key: string, id: string, position: number): string {
  return Buffer.from(JSON.stringify([key, id, position])).toString('base64url');
}

function decode(cursor: string): { key: string; id: string; position: number } {
  try {
    const [key, id, position] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && Number.isInteger(position)) return { key, id, position: position as number };
  } catch {
    /* answered below */
  }
  throw new AppError('validation_failed', { detailKey: 'validation_failed_detail', errors: [{ path: 'cursor', message: 'invalid cursor' }] });
}

/** The group filter of a scope: the agent's groups (and ungrouped tickets), or everything. */
export async function scopeGroups(deps: ServiceDeps, actor: Actor, scope: 'my_groups' | 'all'): Promise<string[] | null> {
  return scope === 'all' ? null : groupIdsOf(deps.db, actor.id);
}

/** One page of the ranked queue, each ticket with its position and rank reasons. */
export async function listQueue(deps: ServiceDeps, input: ListQueueInput): Promise<{ items: Array<z.infer<typeof QueueItemDto>>; nextCursor: string | null }> {
  const after = input.cursor ? decode(input.cursor) : null;
  const rows = await listQueueRows(deps.db, {
    groupIds: await scopeGroups(deps, input.actor, input.scope),
    groupId: input.group,
    assigneeId: input.assignee === 'none' ? null : input.assignee === 'me' ? input.actor.id : undefined,
    after: after ? { key: after.key, id: after.id } : null,
    dueBefore: input.dueWithin ? new Date(deps.clock.now().getTime() + input.dueWithin * 60_000).toISOString() : undefined,
    limit: input.limit + 1,
  });
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const snapshots = await fairUseSnapshots(deps.db, page.filter((r) => Number(r.fairUsePenalty) > 0).map((r) => r.id));
  const start = after?.position ?? 0;
  const writer = new ReasonWriter(deps, input.actor);
  const sla = await slaPresenter(deps);
  const items = page.map((row, i) => presentQueueItem(writer, row, start + i + 1, snapshots.get(row.id), sla));
  const last = page[page.length - 1];
  return { items, nextCursor: more && last ? encode(last.queueKey!, last.id, start + page.length) : null };
}
