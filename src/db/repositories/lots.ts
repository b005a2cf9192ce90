/**
 * Lots created at the chair from a scanned carton (SPEC [SC7], [MD4]), and the one stock figure
 * the scan result needs. Creation goes through `saveRecords`, so the lot is clock-stamped and
 * replicates like every other local edit ([MD9]).
 */
import type { Observable } from 'rxjs';
import { distinctUntilChanged, map } from 'rxjs';
import { buildLot, sameLot, type ValidLot } from '../../domain/catalog/lot-draft';
import { balanceKey } from '../../domain/ledger/reducer';
import type { Lot, Product } from '../../domain/model';
import type { ChairsideDatabase, LotDoc } from '../collections';
import { watchBalances } from './balances';
import { saveRecords, type EditContext } from './records';

/** The domain lot, without replication metadata. */
export function toLot(doc: LotDoc): Lot {
  const { id, orgId, productId, lotNumber, expiry, unitCostMicros, status } = doc;
  return { id, orgId, productId, lotNumber, expiry, unitCostMicros, status };
}

/** Every lot on this tablet, now and after every change (the scanner matches against them). */
export function watchLots(db: ChairsideDatabase): Observable<Lot[]> {
  return db.lots.find().$.pipe(map((docs) => docs.map((d) => toLot(d.toMutableJSON()))));
}

export async function lotsOfProduct(db: ChairsideDatabase, productId: string): Promise<Lot[]> {
  const docs = await db.lots.find({ selector: { productId } }).exec();
  return docs.map((d) => toLot(d.toMutableJSON()));
}

/** The product's lot with this number, compared trimmed and upper-cased ([MD4]); null if none. */
export async function findLotByNumber(
  db: ChairsideDatabase,
  productId: string,
  lotNumber: string,
): Promise<Lot | null> {
  return sameLot(await lotsOfProduct(db, productId), productId, lotNumber);
}

/**
 * Creates the lot a scan named. If the lot is already stored (another tablet's copy arrived
 * meanwhile, or a number differing only in case), that lot is returned unchanged: a scan never
 * edits an existing lot — changing a lot is a manager's job ([MD5]).
 */
export async function createLotFromScan(
  db: ChairsideDatabase,
  product: Pick<Product, 'id' | 'orgId'>,
  valid: ValidLot,
  ctx: EditContext,
): Promise<{ lot: Lot; created: boolean }> {
  const existing = await findLotByNumber(db, product.id, valid.lotNumber);
  if (existing) return { lot: existing, created: false };
  const lot = buildLot(valid, product, null);
  await saveRecords(db, 'lots', [lot], ctx);
  return { lot, created: true };
}

/** On-hand of one lot at one location (0 when nothing was ever received there), live. */
export function watchOnHand(db: ChairsideDatabase, lotId: string, locationId: string): Observable<number> {
  const key = balanceKey(lotId, locationId);
  return watchBalances(db, (b) => b.key === key).pipe(
    map(([doc]) => (doc ? doc.onHandMilli : 0)),
    distinctUntilChanged(),
  );
}
