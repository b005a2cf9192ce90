/**
 * Purchase orders written before [PO1] (statuses open / received / cancelled, lines without packs
 * or an expected date) in today's shape. The tablet's `records` migration, the move out of the
 * retired collection and the server's migration 10 apply this same rule, so every copy of an old
 * order converges without a new edit (the clocks stay as they were).
 *
 * Rule: `open` and `received` become `sent` — the order went to the supplier; whether it is
 * (partially) received now follows from the receipts against it ([RC3]) — `cancelled` stays;
 * each line gets `packs: 0` (ordered in base units) and `expectedOn: null`; `sentAt` is null.
 *
 * Example: { status: 'open', lines: [{ productId: P, quantityMilli: 1_000, unitCostMicros: 5 }] } →
 *   { status: 'sent', sentAt: null, lines: [{ productId: P, packs: 0, quantityMilli: 1_000,
 *     unitCostMicros: 5, expectedOn: null }] }.
 */
export function upgradeLegacyOrder(data: Record<string, unknown>): Record<string, unknown> {
  const status = data.status === 'open' || data.status === 'received' ? 'sent' : data.status;
  const lines = Array.isArray(data.lines)
    ? data.lines.map((line: unknown) =>
        typeof line === 'object' && line !== null
          ? { packs: 0, expectedOn: null, ...(line as Record<string, unknown>) }
          : line,
      )
    : data.lines;
  return { ...data, status, lines, sentAt: data.sentAt ?? null };
}
