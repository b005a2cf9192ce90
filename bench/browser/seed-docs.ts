/**
 * The balance documents recordEvents would leave after folding `events`, computed in one pass by
 * the app's own fold (balanceDocsFromLedger, the same one rebuildBalances uses). The bench seeds
 * 100,000 events this way in seconds; fefo.ts checks it against recordEvents on a prefix of the
 * same history every run.
 */
import { balanceDocsFromLedger } from '../../src/db/repositories/balance-docs';
import type { LotBalanceDoc } from '../../src/db/schemas/treatment';
import type { LedgerEvent, Lot } from '../../src/domain/model';

export function materializedDocs(events: LedgerEvent[], lots: Lot[]): { balances: LotBalanceDoc[] } {
  const productOfLot = new Map(lots.map((l) => [l.id, l.productId]));
  return { balances: balanceDocsFromLedger(events, (lotId) => productOfLot.get(lotId) ?? '') };
}
