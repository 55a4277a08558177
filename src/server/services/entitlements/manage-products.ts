import { v7 as uuidv7 } from 'uuid';
import type { ProductDto } from '../../../contracts/entitlements.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { insertHistory } from '../../repositories/history.repository.js';
import { findProduct, findVersion, insertProduct, insertVersion, listProductRows, listVersionRows, updateProductRow } from '../../repositories/products.repository.js';
import type { Actor } from '../actor.js';
import type { ServiceDeps } from '../deps.js';
import { majorOf } from './entitlement-facts.js';
import { entityHistory } from './entity-history.js';
import { presentProduct } from './present-entitlements.js';

/** Every product with its versions. */
export async function listProducts(deps: ServiceDeps): Promise<ProductDto[]> {
  const [products, versions] = await Promise.all([listProductRows(deps.db), listVersionRows(deps.db)]);
  return products.map((p) => presentProduct(p, versions));
}

/** One product by id or code, or 404. */
export async function getProduct(deps: ServiceDeps, idOrCode: string): Promise<ProductDto> {
  const p = await findProduct(deps.db, idOrCode);
  if (!p) throw notFound();
  return presentProduct(p, await listVersionRows(deps.db, [p.id]));
}

/** Creates a product (admins); 409 when the code is taken. */
export async function createProduct(deps: ServiceDeps, actor: Actor, input: { code: string; name: string }): Promise<ProductDto> {
  if (await findProduct(deps.db, input.code)) throw new AppError('already_exists', { detailKey: 'product_exists', params: { code: input.code } });
  const at = deps.clock.now().toISOString();
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    await insertProduct(trx, { id, code: input.code, name: input.name, createdAt: at, updatedAt: at });
    await insertHistory(trx, [entityHistory('product', id, actor.id, at, 'created', undefined, input)]);
  });
  return getProduct(deps, id);
}

/** Renames or re-codes a product. */
export async function updateProduct(deps: ServiceDeps, actor: Actor, idOrCode: string, patch: { code?: string | undefined; name?: string | undefined }): Promise<ProductDto> {
  const p = await findProduct(deps.db, idOrCode);
  if (!p) throw notFound();
  if (patch.code && patch.code !== p.code && (await findProduct(deps.db, patch.code))) throw new AppError('already_exists', { detailKey: 'product_exists', params: { code: patch.code } });
  const at = deps.clock.now().toISOString();
  const set = { ...(patch.code ? { code: patch.code } : {}), ...(patch.name ? { name: patch.name } : {}), updatedAt: at };
  await deps.db.transaction().execute(async (trx) => {
    await updateProductRow(trx, p.id, set);
    await insertHistory(trx, [entityHistory('product', p.id, actor.id, at, 'changed', { code: p.code, name: p.name }, patch)]);
  });
  return getProduct(deps, p.id);
}

async function usesOfProduct(deps: ServiceDeps, productId: string): Promise<number> {
  const count = async (q: Promise<{ n: number | string }>) => Number((await q).n);
  const n = (table: 'tickets' | 'licences' | 'contracts' | 'plans') =>
    count(deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('productId', '=', productId).executeTakeFirstOrThrow());
  return (await n('tickets')) + (await n('licences')) + (await n('contracts')) + (await n('plans'));
}

/** Deletes a product nothing refers to (409 otherwise). */
export async function deleteProduct(deps: ServiceDeps, actor: Actor, idOrCode: string): Promise<void> {
  const p = await findProduct(deps.db, idOrCode);
  if (!p) throw notFound();
  const uses = await usesOfProduct(deps, p.id);
  if (uses > 0) throw new AppError('conflict', { detailKey: 'in_use', params: { count: uses } });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('products').where('id', '=', p.id).execute();
    await insertHistory(trx, [entityHistory('product', p.id, actor.id, at, 'deleted', { code: p.code, name: p.name }, undefined)]);
  });
}

/** Adds a released version to a product; its major is the number it starts with. */
export async function addVersion(deps: ServiceDeps, actor: Actor, idOrCode: string, input: { version: string; releasedAt?: string | undefined; supported: boolean }): Promise<ProductDto> {
  const p = await findProduct(deps.db, idOrCode);
  if (!p) throw notFound();
  if (await findVersion(deps.db, p.id, input.version)) throw new AppError('already_exists', { detailKey: 'version_exists', params: { version: input.version } });
  const at = deps.clock.now().toISOString();
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    await insertVersion(trx, { id, productId: p.id, version: input.version, major: majorOf(input.version)!, releasedAt: input.releasedAt ? new Date(input.releasedAt).toISOString() : null, supported: input.supported ? 1 : 0, createdAt: at });
    await insertHistory(trx, [entityHistory('product', p.id, actor.id, at, 'version_added', undefined, input)]);
  });
  return getProduct(deps, p.id);
}

/** Marks a version supported or not, or changes its release date. */
export async function updateVersion(deps: ServiceDeps, actor: Actor, idOrCode: string, versionId: string, patch: { releasedAt?: string | null | undefined; supported?: boolean | undefined }): Promise<ProductDto> {
  const p = await findProduct(deps.db, idOrCode);
  const v = p ? await deps.db.selectFrom('productVersions').selectAll().where('id', '=', versionId).where('productId', '=', p.id).executeTakeFirst() : undefined;
  if (!p || !v) throw notFound();
  const at = deps.clock.now().toISOString();
  const set = {
    ...(patch.supported !== undefined ? { supported: patch.supported ? 1 : 0 } : {}),
    ...(patch.releasedAt !== undefined ? { releasedAt: patch.releasedAt ? new Date(patch.releasedAt).toISOString() : null } : {}),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('productVersions').set(set).where('id', '=', v.id).execute();
    await insertHistory(trx, [entityHistory('product', p.id, actor.id, at, 'version_changed', { version: v.version, supported: Number(v.supported) === 1, releasedAt: v.releasedAt }, patch)]);
  });
  return getProduct(deps, p.id);
}

/** Removes a version. */
export async function deleteVersion(deps: ServiceDeps, actor: Actor, idOrCode: string, versionId: string): Promise<ProductDto> {
  const p = await findProduct(deps.db, idOrCode);
  const v = p ? await deps.db.selectFrom('productVersions').selectAll().where('id', '=', versionId).where('productId', '=', p.id).executeTakeFirst() : undefined;
  if (!p || !v) throw notFound();
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('productVersions').where('id', '=', v.id).execute();
    await insertHistory(trx, [entityHistory('product', p.id, actor.id, at, 'version_deleted', { version: v.version }, undefined)]);
  });
  return getProduct(deps, p.id);
}
