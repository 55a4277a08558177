import type { Executor } from '../db/schema.js';

/** Reads one JSON setting of the entitlements area, or undefined when never set. */
export async function readSetting(db: Executor, key: string): Promise<unknown> {
  const row = await db.selectFrom('entitlementSettings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

/** Writes one JSON setting. */
export async function writeSetting(db: Executor, key: string, value: unknown, at: string): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('entitlementSettings')
    .values({ key, value: json, updatedAt: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updatedAt: at }))
    .execute();
}
