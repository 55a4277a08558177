import { v7 as uuidv7 } from 'uuid';
import { EntitlementSettingsDto } from '../../../contracts/entitlements.js';
import { FairUsePolicyDto } from '../../../contracts/queue.js';
import { DEFAULT_FAIR_USE_POLICY, type FairUsePolicy } from '../../../domain/fair-use/score.js';
import type { Config } from '../../config/config.js';
import type { Executor } from '../../db/schema.js';
import { validationFailed } from '../../errors/app-error.js';
import { readSetting, writeSetting } from '../../repositories/entitlement-settings.repository.js';
import { insertHistory } from '../../repositories/history.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { isValidTimeZone } from '../users/add-user.js';

/** Admin settings of entitlements (see EntitlementSettingsDto for each field's meaning). */
export type EntitlementSettings = EntitlementSettingsDto;

const ENTITLEMENT_KEY = 'entitlements';
const FAIR_USE_KEY = 'fair_use';

/** Defaults: accept what no plan covers as standard, with the reason shown; phone only under a plan. */
export function defaultEntitlementSettings(config: Config): EntitlementSettings {
  return { unentitledPolicy: 'accept_standard', channelPolicy: 'accept_standard', unentitledChannels: ['web', 'email', 'api', 'post', 'fax'], dayTimeZone: config.defaultTimeZone };
}

/** The settings in force (stored values over the defaults; a stored value that no longer parses is ignored). */
export async function readEntitlementSettings(db: Executor, config: Config): Promise<EntitlementSettings> {
  const stored = EntitlementSettingsDto.partial().safeParse((await readSetting(db, ENTITLEMENT_KEY)) ?? {});
  return { ...defaultEntitlementSettings(config), ...(stored.success ? stored.data : {}) };
}

/** The fair-use policy in force. */
export async function readFairUsePolicy(db: Executor): Promise<FairUsePolicy> {
  const stored = FairUsePolicyDto.safeParse(await readSetting(db, FAIR_USE_KEY));
  return stored.success ? stored.data : DEFAULT_FAIR_USE_POLICY;
}

async function record(db: Executor, actor: Actor, at: string, key: string, before: unknown, after: unknown): Promise<void> {
  await insertHistory(db, [
    { id: uuidv7(), ticketId: null, entityType: 'setting', entityId: key, actorId: actor.id, action: 'changed', field: key, before: JSON.stringify(before), after: JSON.stringify(after), internal: 1, createdAt: at },
  ]);
}

/** Changes entitlement settings (admins); the change is in the history. */
export async function updateEntitlementSettings(deps: ServiceDeps, actor: Actor, patch: Partial<EntitlementSettings>): Promise<EntitlementSettings> {
  if (patch.dayTimeZone !== undefined && !isValidTimeZone(patch.dayTimeZone)) {
    throw validationFailed([{ path: 'dayTimeZone', message: `Unknown time zone "${patch.dayTimeZone}"` }]);
  }
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await readEntitlementSettings(trx, deps.config);
    const after = { ...before, ...patch };
    await writeSetting(trx, ENTITLEMENT_KEY, after, at);
    await record(trx, actor, at, ENTITLEMENT_KEY, before, after);
    return after;
  });
}

/** Replaces the fair-use policy (admins); the change is in the history and scores are recomputed soon. */
export async function updateFairUsePolicy(deps: ServiceDeps, actor: Actor, policy: FairUsePolicy): Promise<FairUsePolicy> {
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await readFairUsePolicy(trx);
    await writeSetting(trx, FAIR_USE_KEY, policy, at);
    await record(trx, actor, at, FAIR_USE_KEY, before, policy);
    await deps.jobs.enqueue(trx, 'fair-use.sweep', {}, { uniqueKey: 'fair-use:sweep' });
    return policy;
  });
}
