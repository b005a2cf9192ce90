/**
 * Transfers between locations (SPEC [TR1]-[TR4]): stock sent from one location is **in transit**
 * until the destination receives it. Both legs are ordinary ledger events ([L6]):
 *
 * - sending writes one `transfer_out` per lot at the source (−quantity), payload
 *   `{ toLocationId, transferId }`;
 * - receiving writes one `transfer_in` per lot that arrived at the destination (+what arrived),
 *   payload `{ fromLocationId, transferId, reason }` — `reason` required when what arrived differs
 *   from what was sent ([TR3]). Receiving is one act: a lot with no `transfer_in` then arrived 0;
 * - cancelling (the sender, while in transit) corrects the `transfer_out` events: the stock is
 *   back at the source ([L5]). A transfer received elsewhere while it was being cancelled (two
 *   tablets offline) shows as received with a difference: sent 0, received what arrived.
 *
 * A transfer is found by its `transferId` on the events alone, so any tablet (the source's, the
 * destination's, a manager's at a third location) computes the same in-transit list from its
 * ledger, and two tablets at two locations need nothing but the sync ([TR4]).
 *
 * Worked example: Main St sends 2 Botox vials (200 U) of lot A and 1 syringe (1 mL) of lot B to
 * Harbor → transfer_out −200_000 (A) and −1_000 (B) at Main St; in transit: A 200_000, B 1_000.
 * Harbor receives A 100_000 (one vial broke) and B 1_000 with reason "vial broken in transport" →
 * transfer_in +100_000 (A), +1_000 (B) at Harbor; the transfer is received with a difference of
 * A 100_000, valued at A's cost.
 */
import { makeCorrection } from '../ledger/correction';
import type { LedgerEvent } from '../model';

export interface TransferLine {
  lotId: string;
  sentMilli: number;
  /** Null while nothing has arrived for this lot. */
  receivedMilli: number | null;
}

export type TransferStatus = 'in_transit' | 'received' | 'received_with_difference';

export interface Transfer {
  transferId: string;
  fromLocationId: string;
  toLocationId: string;
  sentAt: string;
  sentBy: string;
  receivedAt: string | null;
  receivedBy: string | null;
  /** Why what arrived differs from what was sent ('' when it does not). */
  reason: string;
  lines: TransferLine[];
  status: TransferStatus;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The transfer an event belongs to: its payload's transferId (older events: their own id). */
export function transferIdOf(event: LedgerEvent): string {
  return text(event.payload.transferId) || event.id;
}

function statusOf(transfer: Transfer): TransferStatus {
  if (transfer.receivedAt === null) return 'in_transit';
  return transfer.lines.every((l) => l.receivedMilli === l.sentMilli)
    ? 'received'
    : 'received_with_difference';
}

/** A transfer_in whose sending was cancelled meanwhile: everything it brought is a difference. */
function cancelledButReceived(arrival: LedgerEvent): Transfer {
  return {
    transferId: transferIdOf(arrival),
    fromLocationId: text(arrival.payload.fromLocationId),
    toLocationId: arrival.locationId,
    sentAt: arrival.deviceTime,
    sentBy: '',
    receivedAt: null,
    receivedBy: null,
    reason: 'cancelled by the sender while it was being received',
    lines: [],
    status: 'in_transit',
  };
}

/**
 * Every transfer in `events`, newest sent first. Corrected legs (an event a correction names, and
 * the correction) are left out, so a transfer sent by mistake and corrected is gone.
 */
export function listTransfers(events: readonly LedgerEvent[]): Transfer[] {
  const corrected = new Set(events.flatMap((e) => (e.correctsId ? [e.correctsId, e.id] : [])));
  const legs = events.filter(
    (e) => (e.type === 'transfer_out' || e.type === 'transfer_in') && !corrected.has(e.id),
  );
  const byId = new Map<string, Transfer>();
  for (const out of legs.filter((e) => e.type === 'transfer_out')) {
    const id = transferIdOf(out);
    const transfer =
      byId.get(id) ??
      ({
        transferId: id,
        fromLocationId: out.locationId,
        toLocationId: text(out.payload.toLocationId),
        sentAt: out.deviceTime,
        sentBy: out.actorId,
        receivedAt: null,
        receivedBy: null,
        reason: '',
        lines: [],
        status: 'in_transit',
      } satisfies Transfer);
    if (out.deviceTime < transfer.sentAt) transfer.sentAt = out.deviceTime;
    const line = transfer.lines.find((l) => l.lotId === out.lotId);
    if (line) line.sentMilli += -out.quantityMilli;
    else transfer.lines.push({ lotId: out.lotId, sentMilli: -out.quantityMilli, receivedMilli: null });
    byId.set(id, transfer);
  }
  for (const arrival of legs.filter((e) => e.type === 'transfer_in')) {
    const id = transferIdOf(arrival);
    const transfer = byId.get(id) ?? cancelledButReceived(arrival);
    byId.set(id, transfer);
    let line = transfer.lines.find((l) => l.lotId === arrival.lotId);
    if (!line) {
      // Arrived without having been sent (or its sending was cancelled): all of it differs.
      line = { lotId: arrival.lotId, sentMilli: 0, receivedMilli: null };
      transfer.lines.push(line);
    }
    line.receivedMilli = (line.receivedMilli ?? 0) + arrival.quantityMilli;
    if (transfer.receivedAt === null || arrival.deviceTime < transfer.receivedAt) {
      transfer.receivedAt = arrival.deviceTime;
      transfer.receivedBy = arrival.actorId;
    }
    transfer.reason = transfer.reason || text(arrival.payload.reason);
  }
  const transfers = [...byId.values()];
  for (const t of transfers) {
    // Received as one act: a lot that has no arrival arrived 0.
    if (t.receivedAt !== null) for (const l of t.lines) l.receivedMilli ??= 0;
    // The same list on every tablet, whatever order its events arrived in ([TR4]).
    t.lines.sort((a, b) => a.lotId.localeCompare(b.lotId));
    t.status = statusOf(t);
  }
  return transfers.sort(
    (a, b) => b.sentAt.localeCompare(a.sentAt) || a.transferId.localeCompare(b.transferId),
  );
}

/** Base-unit thousandths of `lotId` sent from `fromLocationId` and not yet received ([TR2]). */
export function inTransitMilli(
  transfers: readonly Transfer[],
  lotId: string,
  fromLocationId?: string,
): number {
  return transfers
    .filter((t) => t.status === 'in_transit' && (!fromLocationId || t.fromLocationId === fromLocationId))
    .flatMap((t) => t.lines)
    .filter((l) => l.lotId === lotId)
    .reduce((sum, l) => sum + l.sentMilli, 0);
}

export interface Stamp {
  orgId: string;
  actorId: string;
  deviceId: string;
  deviceTime: string;
  newId: () => string;
}

function leg(
  stamp: Stamp,
  fields: Pick<LedgerEvent, 'type' | 'lotId' | 'locationId' | 'quantityMilli' | 'payload'>,
): LedgerEvent {
  return {
    id: stamp.newId(),
    orgId: stamp.orgId,
    actorId: stamp.actorId,
    deviceId: stamp.deviceId,
    deviceTime: stamp.deviceTime,
    visitId: null,
    containerId: null,
    correctsId: null,
    ...fields,
  };
}

export interface SendRequest {
  transferId: string;
  fromLocationId: string;
  toLocationId: string;
  lines: readonly { lotId: string; quantityMilli: number }[];
  /** On hand per lot at the source, to refuse sending more than is there. */
  onHandMilli: (lotId: string) => number;
}

export type Planned = { ok: true; events: LedgerEvent[] } | { ok: false; problem: string };

/** The `transfer_out` events of a send ([TR1]), or why it cannot be sent. */
export function planSend(request: SendRequest, stamp: Stamp): Planned {
  if (request.toLocationId === request.fromLocationId)
    return { ok: false, problem: 'Pick another location to send to.' };
  const lines = request.lines.filter((l) => l.quantityMilli > 0);
  if (lines.length === 0) return { ok: false, problem: 'Add what to send.' };
  for (const line of lines) {
    if (!Number.isSafeInteger(line.quantityMilli))
      return { ok: false, problem: 'A quantity is not a whole amount.' };
    if (line.quantityMilli > request.onHandMilli(line.lotId))
      return { ok: false, problem: 'A line sends more than is on hand here.' };
  }
  return {
    ok: true,
    events: lines.map((line) =>
      leg(stamp, {
        type: 'transfer_out',
        lotId: line.lotId,
        locationId: request.fromLocationId,
        quantityMilli: -line.quantityMilli,
        payload: { toLocationId: request.toLocationId, transferId: request.transferId },
      }),
    ),
  };
}

/**
 * The `transfer_in` events of a receipt at the destination ([TR3]): what arrived per lot (a lot
 * missing from `arrivedMilli` arrived whole; 0 writes nothing), with a reason when anything differs
 * from what was sent. Nothing at all arrived: the sender cancels instead (the stock is back at the
 * source, where a count or an adjustment records the loss).
 */
export function planReceive(
  transfer: Transfer,
  arrivedMilli: ReadonlyMap<string, number>,
  reason: string,
  stamp: Stamp,
): Planned {
  if (transfer.status !== 'in_transit') return { ok: false, problem: 'This transfer was received already.' };
  const arrived = transfer.lines.map((l) => ({
    lotId: l.lotId,
    sent: l.sentMilli,
    got: arrivedMilli.get(l.lotId) ?? l.sentMilli,
  }));
  if (arrived.some((a) => !Number.isSafeInteger(a.got) || a.got < 0))
    return { ok: false, problem: 'An amount received is not a whole, positive amount.' };
  if (arrived.some((a) => a.got > a.sent))
    return { ok: false, problem: 'More arrived than was sent: receive the extra as a receipt of its own.' };
  if (arrived.every((a) => a.got === 0))
    return { ok: false, problem: 'Nothing arrived: ask the sender to cancel the transfer.' };
  const differs = arrived.some((a) => a.got !== a.sent);
  if (differs && reason.trim() === '')
    return { ok: false, problem: 'Say why what arrived differs from what was sent.' };
  const events = arrived
    .filter((a) => a.got > 0)
    .map((a) =>
      leg(stamp, {
        type: 'transfer_in',
        lotId: a.lotId,
        locationId: transfer.toLocationId,
        quantityMilli: a.got,
        payload: {
          fromLocationId: transfer.fromLocationId,
          transferId: transfer.transferId,
          reason: differs ? reason.trim() : '',
        },
      }),
    );
  return { ok: true, events };
}

/** The corrections that cancel a transfer still in transit ([TR1]): its stock is back at the source. */
export function planCancel(
  transfer: Transfer,
  outs: readonly LedgerEvent[],
  reason: string,
  stamp: Stamp,
): Planned {
  if (transfer.status !== 'in_transit') return { ok: false, problem: 'This transfer was received already.' };
  if (reason.trim() === '') return { ok: false, problem: 'Say why the transfer is cancelled.' };
  const legs = outs.filter((e) => e.type === 'transfer_out' && transferIdOf(e) === transfer.transferId);
  return {
    ok: true,
    events: legs.map((original) =>
      makeCorrection(original, {
        id: stamp.newId(),
        actorId: stamp.actorId,
        deviceId: stamp.deviceId,
        deviceTime: stamp.deviceTime,
        reason: reason.trim(),
      }),
    ),
  };
}
