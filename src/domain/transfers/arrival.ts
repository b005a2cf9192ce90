/**
 * Scanning a transfer on arrival ([TR5]): each carton read adds what it holds to its lot's
 * "arrived" amount — a carton-level code the product's containers per pack, a unit-level code one
 * container, each container its size. A serial counts once however often it is read; a lot the
 * transfer does not carry is reported, not added.
 *
 * Worked example: a transfer of 300 U of Botox lot C8377AD2 (three 100 U vials); the vials' unit
 * codes are read with serials S1, S2, S2 → arrived 200_000 (S2 counted once), and a read of lot
 * P47512 says "Lot P47512 is not in this transfer."
 */
import type { Lot, Product } from '../model';
import type { Transfer } from './transfers';

export interface ArrivalScan {
  product: Product | null;
  level: 'unit' | 'carton' | null;
  lot: Lot | null;
  serial?: string;
}

export interface ArrivalCount {
  arrivedMilli: ReadonlyMap<string, number>;
  /** lotId|serial of every serialized read counted. */
  serials: ReadonlySet<string>;
  /** What the last read did, in plain words. */
  note: string;
}

export const NO_ARRIVALS: ArrivalCount = { arrivedMilli: new Map(), serials: new Set(), note: '' };

export function addArrivalScan(transfer: Transfer, count: ArrivalCount, scan: ArrivalScan): ArrivalCount {
  const { product, lot } = scan;
  if (!product || !lot) return { ...count, note: 'This code names no lot on this tablet.' };
  if (!transfer.lines.some((l) => l.lotId === lot.id))
    return { ...count, note: `Lot ${lot.lotNumber} is not in this transfer.` };
  const serialKey = scan.serial ? `${lot.id}|${scan.serial}` : null;
  if (serialKey && count.serials.has(serialKey))
    return { ...count, note: `Serial ${scan.serial} of lot ${lot.lotNumber} is counted already.` };
  const containers = scan.level === 'carton' ? product.containersPerPack : 1;
  const added = containers * product.containerSizeMilli;
  const arrivedMilli = new Map(count.arrivedMilli);
  arrivedMilli.set(lot.id, (arrivedMilli.get(lot.id) ?? 0) + added);
  const serials = new Set(count.serials);
  if (serialKey) serials.add(serialKey);
  return { arrivedMilli, serials, note: `Lot ${lot.lotNumber}: counted.` };
}
