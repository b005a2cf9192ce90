/**
 * What makes a ledger event well formed, shared by the tablet (before it writes) and the sync
 * server (before it stores). SPEC.md [L1], [L4]-[L8].
 *
 * `quantityMilli` is the SIGNED change to the lot × location balance:
 *
 * | type         | sign | required                                               |
 * |--------------|------|--------------------------------------------------------|
 * | receive      |  +   |                                                        |
 * | draw         |  −   | visitId                                                |
 * | waste        |  −   | payload.reason ∈ WASTE_REASONS                         |
 * | adjust       |  ±≠0 | payload.reason (text)                                  |
 * | transfer_out |  −   | payload.toLocationId ≠ locationId                      |
 * | transfer_in  |  +   | payload.fromLocationId ≠ locationId                    |
 * | open         |  0   | payload.capacityMilli > 0, containerId = id            |
 * | count        |  0   | payload.countedMilli ≥ 0                               |
 *
 * A correction (correctsId set) has the same type with the opposite sign and carries only
 * payload.reason; a draw correction keeps its visitId, an open correction names the container it
 * voids (containerId = correctsId). Whether it mirrors its original is `validateCorrection`'s job.
 *
 * Bounds ([Q4], [D4], ../bounds.ts): |quantityMilli| and capacityMilli at most MAX_QUANTITY_MILLI,
 * countedMilli at most MAX_BALANCE_MILLI, deviceTime a real instant in the accepted years with an
 * offset of at most ±14:00.
 */
import { MAX_BALANCE_MILLI, MAX_QUANTITY_MILLI } from '../bounds';
import { isPlausibleDateTime } from '../dates';
import { LEDGER_EVENT_TYPES, WASTE_REASONS } from '../model';
import type { LedgerEvent, LedgerEventType } from '../model';

export interface FieldError {
  /** The offending field, dotted for payload entries: "quantityMilli", "payload.reason". */
  field: string;
  message: string;
}

export type ValidationResult = { ok: true } | { ok: false; errors: FieldError[] };

/** +1 adds stock, -1 removes it, 0 never changes it, 'nonzero' either way. */
export type QuantitySign = 1 | -1 | 0 | 'nonzero';

export const QUANTITY_SIGN: Readonly<Record<LedgerEventType, QuantitySign>> = {
  receive: 1,
  draw: -1,
  waste: -1,
  adjust: 'nonzero',
  transfer_out: -1,
  transfer_in: 1,
  open: 0,
  count: 0,
};

const REQUIRED_TEXT = ['id', 'orgId', 'lotId', 'locationId', 'actorId', 'deviceId'] as const;
const OPTIONAL_TEXT = ['visitId', 'containerId', 'correctsId'] as const;

type Fields = Record<string, unknown>;

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function isPayloadValue(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v);
}

/** Field-by-field checks of the JSON shape; the rules below rely on them. */
function shapeErrors(e: Fields): FieldError[] {
  const errors: FieldError[] = [];
  for (const f of REQUIRED_TEXT) if (!isText(e[f])) errors.push({ field: f, message: `${f} is required` });
  for (const f of OPTIONAL_TEXT) {
    if (e[f] !== null && !isText(e[f])) errors.push({ field: f, message: `${f} must be an id or null` });
  }
  if (!LEDGER_EVENT_TYPES.includes(e.type as LedgerEventType)) {
    errors.push({ field: 'type', message: `type must be one of ${LEDGER_EVENT_TYPES.join(', ')}` });
  }
  if (!Number.isSafeInteger(e.quantityMilli)) {
    errors.push({ field: 'quantityMilli', message: 'quantityMilli must be a whole number of thousandths' });
  } else if (Math.abs(e.quantityMilli as number) > MAX_QUANTITY_MILLI) {
    errors.push({
      field: 'quantityMilli',
      message: `quantityMilli must be at most ${MAX_QUANTITY_MILLI} in size`,
    });
  }
  if (typeof e.deviceTime !== 'string' || !isPlausibleDateTime(e.deviceTime)) {
    errors.push({
      field: 'deviceTime',
      message: 'deviceTime must be an ISO timestamp of years 2000-2199 with an offset of at most ±14:00',
    });
  }
  const p = e.payload;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    errors.push({ field: 'payload', message: 'payload must be an object' });
  } else {
    for (const [k, v] of Object.entries(p)) {
      if (!isPayloadValue(v))
        errors.push({ field: `payload.${k}`, message: 'must be text, a number, true/false or null' });
    }
  }
  if (isText(e.correctsId) && e.correctsId === e.id) {
    errors.push({ field: 'correctsId', message: 'an event cannot correct itself' });
  }
  return errors;
}

const inRange = (v: unknown, min: number, max: number): boolean =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

function signError(e: LedgerEvent): FieldError | null {
  const base = QUANTITY_SIGN[e.type];
  const sign = e.correctsId !== null && typeof base === 'number' ? -base : base;
  const q = e.quantityMilli;
  const what = e.correctsId !== null ? `a correction of a ${e.type}` : `a ${e.type}`;
  if (sign === 'nonzero' && q === 0)
    return { field: 'quantityMilli', message: `${what} must change the stock` };
  if (sign === 0 && q !== 0)
    return { field: 'quantityMilli', message: `${what} does not change stock: use 0` };
  if (sign === 1 && q <= 0)
    return { field: 'quantityMilli', message: `${what} adds stock: must be positive` };
  if (sign === -1 && q >= 0)
    return { field: 'quantityMilli', message: `${what} removes stock: must be negative` };
  return null;
}

function payloadErrors(e: LedgerEvent): FieldError[] {
  const p = e.payload;
  const err = (key: string, message: string): FieldError[] => [{ field: `payload.${key}`, message }];
  if (e.correctsId !== null) return isText(p.reason) ? [] : err('reason', 'say why this is corrected');
  switch (e.type) {
    case 'waste':
      return WASTE_REASONS.includes(p.reason as never)
        ? []
        : err('reason', `waste reason must be one of ${WASTE_REASONS.join(', ')}`);
    case 'adjust':
      return isText(p.reason) ? [] : err('reason', 'say why the stock is adjusted');
    case 'open':
      return inRange(p.capacityMilli, 1, MAX_QUANTITY_MILLI)
        ? []
        : err('capacityMilli', `capacityMilli must be the container's size, 1 to ${MAX_QUANTITY_MILLI}`);
    case 'count':
      return inRange(p.countedMilli, 0, MAX_BALANCE_MILLI)
        ? []
        : err(
            'countedMilli',
            `countedMilli must be a whole number of thousandths, 0 to ${MAX_BALANCE_MILLI}`,
          );
    case 'transfer_out':
      return isText(p.toLocationId) && p.toLocationId !== e.locationId
        ? []
        : err('toLocationId', 'name the other location');
    case 'transfer_in':
      return isText(p.fromLocationId) && p.fromLocationId !== e.locationId
        ? []
        : err('fromLocationId', 'name the other location');
    default:
      return [];
  }
}

function linkErrors(e: LedgerEvent): FieldError[] {
  const errors: FieldError[] = [];
  if (e.type === 'draw' && e.visitId === null)
    errors.push({ field: 'visitId', message: 'a draw belongs to a visit' });
  if (e.type === 'open') {
    const expected = e.correctsId ?? e.id;
    if (e.containerId !== expected) {
      errors.push({
        field: 'containerId',
        message:
          e.correctsId === null
            ? "an open starts container = the event's own id"
            : 'name the container voided',
      });
    }
  }
  return errors;
}

/**
 * Checks one event, JSON straight off the wire included. Every problem is listed, each naming its
 * field, e.g. a draw of +40 U with no visit →
 * `{ ok: false, errors: [{ field: 'quantityMilli', … }, { field: 'visitId', … }] }`.
 */
export function validateEvent(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '', message: 'an event must be an object' }] };
  }
  const shape = shapeErrors(input as Fields);
  if (shape.length > 0) return { ok: false, errors: shape };
  const e = input as LedgerEvent;
  const sign = signError(e);
  const errors = [...(sign ? [sign] : []), ...linkErrors(e), ...payloadErrors(e)];
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Type guard form of validateEvent. */
export function isValidEvent(input: unknown): input is LedgerEvent {
  return validateEvent(input).ok;
}

/**
 * A correction must mirror the event it corrects ([L5]): same org, type, lot, location, container
 * and visit, opposite quantity. Call it when the original is at hand (the server has it).
 */
export function validateCorrection(correction: LedgerEvent, original: LedgerEvent): ValidationResult {
  const errors: FieldError[] = [];
  if (correction.correctsId !== original.id) {
    errors.push({ field: 'correctsId', message: 'correctsId must name the corrected event' });
  }
  const same = ['orgId', 'type', 'lotId', 'locationId', 'containerId', 'visitId'] as const;
  for (const f of same) {
    if (correction[f] !== original[f])
      errors.push({ field: f, message: `${f} must match the corrected event` });
  }
  if (correction.quantityMilli !== -original.quantityMilli) {
    errors.push({ field: 'quantityMilli', message: 'a correction has the opposite quantity' });
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}
