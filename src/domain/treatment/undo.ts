/**
 * What undoing a visit line records ([T5]). The draw is always corrected. When that draw opened its
 * container in the same record (the `open` shares the draw's actor, device and time, and its id is
 * the container's) and nothing else was taken from the container, the opening is corrected too:
 * the record was a mistake, so the vial is unopened again and FEFO offers it as a new one.
 * A vial opened separately, or drawn from since, stays opened.
 *
 * Example: open o1 + draw d1 (40 U) at 10:02 by Jordan; container o1 used 40 U → undo d1 records
 * corrections of d1 and of o1. If a second visit drew 20 U from o1 (used 60 U) → only d1's.
 */
import type { ContainerState } from '../ledger/reducer';
import type { LedgerEvent } from '../model';

export function undoAlsoVoidsOpening(
  draw: LedgerEvent,
  opening: LedgerEvent | null,
  container: Pick<ContainerState, 'usedMilli' | 'openedAt'> | null,
): boolean {
  if (draw.type !== 'draw' || draw.correctsId !== null || draw.containerId === null) return false;
  if (!opening || opening.type !== 'open' || opening.correctsId !== null) return false;
  const sameRecord =
    opening.id === draw.containerId &&
    opening.actorId === draw.actorId &&
    opening.deviceId === draw.deviceId &&
    opening.deviceTime === draw.deviceTime;
  if (!sameRecord || !container || container.openedAt === null) return false;
  return container.usedMilli === 0 - draw.quantityMilli;
}
