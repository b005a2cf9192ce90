/**
 * Deterministic lot ids (SPEC [MD4]): two tablets that create the same lot offline — the same
 * product and lot number read off a carton — create the same record, so replication merges them
 * into one lot instead of two. UUIDv5 (RFC 9562 §5.5) of "productId|LOT" in the organization's
 * namespace.
 *
 * Example: lotIdFor(org, product, " c3456 ") === lotIdFor(org, product, "C3456").
 */
import { v5 } from 'uuid';

/** Lot numbers as printed are compared trimmed and upper-cased (labels mix case; GS1 AI 10 is X..20). */
export function normalizeLotNumber(lotNumber: string): string {
  return lotNumber.trim().toUpperCase();
}

export function lotIdFor(orgId: string, productId: string, lotNumber: string): string {
  return v5(`${productId}|${normalizeLotNumber(lotNumber)}`, orgId);
}
