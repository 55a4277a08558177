import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../db/schema.js';
import type { ProductsTable, ProductVersionsTable } from '../db/tables/foundation.js';

/** A product row. */
export type ProductRow = Selectable<ProductsTable>;
/** A product version row. */
export type ProductVersionRow = Selectable<ProductVersionsTable>;

/** Lists products by code. */
export function listProductRows(db: Executor): Promise<ProductRow[]> {
  return db.selectFrom('products').selectAll().orderBy('code').execute();
}

/** Finds a product by id or by code. */
export function findProduct(db: Executor, idOrCode: string): Promise<ProductRow | undefined> {
  return db
    .selectFrom('products')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
}

/** Inserts a product. */
export async function insertProduct(db: Executor, row: Insertable<ProductsTable>): Promise<void> {
  await db.insertInto('products').values(row).execute();
}

/** Updates a product. */
export async function updateProductRow(db: Executor, id: string, patch: Updateable<ProductsTable>): Promise<void> {
  await db.updateTable('products').set(patch).where('id', '=', id).execute();
}

/** Versions of some products (all when no ids are given), oldest major first. */
export function listVersionRows(db: Executor, productIds?: string[]): Promise<ProductVersionRow[]> {
  let q = db.selectFrom('productVersions').selectAll();
  if (productIds) {
    if (productIds.length === 0) return Promise.resolve([]);
    q = q.where('productId', 'in', productIds);
  }
  return q.orderBy('productId').orderBy('major').orderBy('version').execute();
}

/** Inserts a version. */
export async function insertVersion(db: Executor, row: Insertable<ProductVersionsTable>): Promise<void> {
  await db.insertInto('productVersions').values(row).execute();
}

/** Finds a version of a product by its text. */
export function findVersion(db: Executor, productId: string, version: string): Promise<ProductVersionRow | undefined> {
  return db.selectFrom('productVersions').selectAll().where('productId', '=', productId).where('version', '=', version).executeTakeFirst();
}

/** Highest supported major of each product. */
export function currentMajor(versions: ProductVersionRow[], productId: string): number | null {
  const majors = versions.filter((v) => v.productId === productId && Number(v.supported) === 1).map((v) => Number(v.major));
  return majors.length ? Math.max(...majors) : null;
}
