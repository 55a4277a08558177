import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/server/services/demo/load-demo.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
  await loadDemo(rt.deps, { tickets: 30 });
}, 120_000);
afterAll(async () => rt?.dispose());

describe('demo entitlements', () => {
  it('gives the demo organizations’ tickets their plans, tiers and explanations', async () => {
    const rows = await rt.deps.db
      .selectFrom('tickets')
      .innerJoin('organizations', 'organizations.id', 'tickets.organizationId')
      .select(['organizations.name', 'tickets.planCode', 'tickets.tier', 'tickets.premium'])
      .execute();
    const plans = (name: string) => new Set(rows.filter((r) => r.name === name).map((r) => `${r.planCode}/${r.tier}`));
    expect(plans('Durand & Associés')).toEqual(new Set(['support/contract']));
    expect(plans('Baltic Logistics')).toEqual(new Set(['direct/direct']));
    expect(plans('Ferretería Sol')).toEqual(new Set(['premium/premium', 'standard/standard', 'null/standard']));
    const entitlements = await rt.deps.db.selectFrom('ticketEntitlements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(entitlements.n)).toBe(rows.length);
    const credits = await rt.deps.db.selectFrom('creditBalances').innerJoin('organizations', 'organizations.id', 'creditBalances.organizationId').select(['organizations.name', 'balance']).execute();
    expect(credits).toEqual(expect.arrayContaining([{ name: 'Ferretería Sol', balance: 2 }, { name: 'Durand & Associés', balance: 3 }]));
    const queued = await rt.deps.db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')).where('queueKey', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(queued.n)).toBeGreaterThan(0);
  });
});
