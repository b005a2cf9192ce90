/**
 * The balance documents `events` fold into in one pass by the app's own fold
 * (balanceDocsFromLedger): fefo.ts compares them with what recordEvents leaves in the live
 * balances on a prefix of the seeded history every run.
 */
import { balanceDocsFromLedger } from '../../src/db/repositories/balance-docs';
import type { LotBalanceDoc } from '../../src/db/schemas/treatment';
import type { LedgerEvent, Lot } from '../../src/domain/model';

export function materializedDocs(events: LedgerEvent[], lots: Lot[]): { balances: LotBalanceDoc[] } {
  const productOfLot = new Map(lots.map((l) => [l.id, l.productId]));
  return { balances: balanceDocsFromLedger(events, (lotId) => productOfLot.get(lotId) ?? '') };
}
