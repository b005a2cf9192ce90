/**
 * Products added at the chair from a scanned GTIN the catalog lacked (SPEC [SC8]). Only roles that
 * manage the catalog may do it ([R1], [MD5]); the screen offers it only to them and this checks
 * again. Goes through `saveRecords`, so the product replicates ([MD9]).
 */
import { map, type Observable } from 'rxjs';
import { buildProduct, type ValidProduct } from '../../domain/catalog/product-draft';
import { starterProductsToAdd } from '../../domain/catalog/starter';
import type { Product, Role } from '../../domain/model';
import { can } from '../../domain/roles';
import type { ChairsideDatabase, ProductDoc } from '../collections';
import { saveRecords, type EditContext } from './records';

export function toProduct(doc: ProductDoc): Product {
  const { clocks: _clocks, editor: _editor, ...product } = doc;
  return product;
}

/** Every product on this tablet (replication metadata stripped), now and after every change. */
export function watchProducts(db: ChairsideDatabase): Observable<Product[]> {
  return db.products.find().$.pipe(map((docs) => docs.map((d) => toProduct(d.toMutableJSON()))));
}

export class CatalogError extends Error {}

export async function createProduct(
  db: ChairsideDatabase,
  valid: ValidProduct,
  ids: { id: string; orgId: string },
  ctx: EditContext & { role: Role },
): Promise<Product> {
  if (!can(ctx.role, 'manage_catalog')) throw new CatalogError('Only a manager or admin may add a product.');
  // The form checked the GTINs against what it had; the database may have changed since.
  const taken = await db.products.find({ selector: { gtins: { $in: valid.gtins } } }).exec();
  const owner = taken[0];
  if (owner) throw new CatalogError(`This GTIN already belongs to ${owner.name}.`);
  const product = buildProduct(valid, ids);
  await saveRecords(db, 'products', [product], ctx);
  return product;
}

/**
 * Imports the starter catalog ([CT1]) for the actor's organization: only what the catalog lacks,
 * by derived id and by name, so a second import adds nothing. Returns the products added.
 */
export async function importStarterCatalog(
  db: ChairsideDatabase,
  ctx: EditContext & { role: Role },
): Promise<Product[]> {
  if (!can(ctx.role, 'manage_catalog'))
    throw new CatalogError('Only a manager or admin may import the catalog.');
  const actor = await db.staff.findOne(ctx.actorId).exec();
  if (!actor) throw new CatalogError('The signed-in person is not on this tablet.');
  const existing = (await db.products.find().exec()).map((d) => toProduct(d.toMutableJSON()));
  const added = starterProductsToAdd(actor.orgId, existing);
  await saveRecords(db, 'products', added, ctx);
  return added;
}

/**
 * A scanned GTIN added to a product already in the catalog (a starter product has none, a new
 * packaging level arrives): managers and admins only, and never a GTIN another product holds.
 */
export async function addGtinToProduct(
  db: ChairsideDatabase,
  productId: string,
  gtin: string,
  ctx: EditContext & { role: Role },
): Promise<Product> {
  if (!can(ctx.role, 'manage_catalog'))
    throw new CatalogError('Only a manager or admin may change a product.');
  const owner = (await db.products.find({ selector: { gtins: { $in: [gtin] } } }).exec())[0];
  if (owner && owner.id !== productId) throw new CatalogError(`This GTIN already belongs to ${owner.name}.`);
  const doc = await db.products.findOne(productId).exec();
  if (!doc) throw new CatalogError('That product is no longer on this tablet.');
  const product = toProduct(doc.toMutableJSON());
  if (product.gtins.includes(gtin)) return product;
  const changed = { ...product, gtins: [...product.gtins, gtin] };
  await saveRecords(db, 'products', [changed], ctx);
  return changed;
}

/**
 * A product edited on the Catalog screen, or many from a CSV import (one write: all of them or,
 * when this throws, none). Managers and admins only ([CT2]); a changed price to patients needs
 * the editor's approval key in `ctx` ([A5]).
 */
export async function saveProducts(
  db: ChairsideDatabase,
  products: Product[],
  ctx: EditContext & { role: Role },
): Promise<void> {
  if (!can(ctx.role, 'manage_catalog'))
    throw new CatalogError('Only a manager or admin may change a product.');
  await saveRecords(db, 'products', products, ctx);
}
