/**
 * The largest values Chairside accepts, in one place (SPEC [Q4], [D4]). The tablet's validators,
 * the record schemas (schemas/fields.ts, schemas/records.ts) and the sync server all read them, so
 * a value a tablet may write is one the server stores and every replica sums exactly.
 *
 * Why these numbers: every sum of them has to stay an exact JavaScript number (below
 * 2^53 ≈ 9.007 × 10^15) on the tablet and the server alike, while being far above anything a
 * med spa records. Worked bound: one lot × location holds at most MAX_BALANCE_MILLI = 10^12
 * thousandths (a billion units); at the largest unit cost, 10^10 µ$ ($10,000 per unit), its value
 * is 10^12 × 10^10 / 10^7 = 10^15 cents ([M2]) — nine such lines still sum below 2^53.
 */

/**
 * One movement (receive, draw, waste, adjust, transfer) or one container, in base-unit
 * thousandths: 10^9 = a million units or mL in one event. A pallet of toxin is ~10^5 U; two
 * receives of 2^53 − 1 (issue #11) overflowed the server's sums.
 */
export const MAX_QUANTITY_MILLI = 1_000_000_000;

/**
 * One lot × location balance, a count, a reorder point: 10^12 thousandths (a billion units). The
 * server refuses an event that would carry a balance past it, so balances never leave the
 * safe-integer range (the store would return them as BigInt, SPEC [SV5]).
 */
export const MAX_BALANCE_MILLI = 1_000_000_000_000;

/** A unit cost per base unit in micro-dollars: 10^10 = $10,000 per U, mL or item. */
export const MAX_UNIT_COST_MICROS = 10_000_000_000;

/**
 * An amount of money in cents (a patient price, a visit's charge): 10^10 = $100 million, so even
 * 900,000 such amounts — more visits than a clinic has in its lifetime — sum below 2^53.
 */
export const MAX_CENTS = 10_000_000_000;

/** Containers in one sellable pack: 10,000 (real packs hold 1 to 100). */
export const MAX_CONTAINERS_PER_PACK = 10_000;

/** Hours an opened container may be used: 10 years (real labels say hours to weeks). */
export const MAX_BEYOND_USE_HOURS = 24 * 366 * 10;

/**
 * Calendar years a date or timestamp may name ([D4]): 2000-2199. Expiry dates and device clocks
 * outside it are typing or clock errors; PostgreSQL refuses year 0000 outright (issue #11).
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2199;

/** A UTC offset in minutes: real ones span −12:00 to +14:00; ±14:00 is the ISO 8601 bound we keep. */
export const MAX_UTC_OFFSET_MINUTES = 14 * 60;

/**
 * A record field's value ([MD6]): nested at most 16 levels (the deepest real field, a purchase
 * order's lines, is 3) and at most 256 KiB as JSON. A 100,000-deep value overflowed the server's
 * stack (issue #11).
 */
export const MAX_VALUE_DEPTH = 16;
export const MAX_VALUE_BYTES = 256 * 1024;
