/**
 * Record checks beside record-plan.ts (kept apart so that file stays about merging and rights):
 *
 * - [MD13] every pushed field value is nested at most MAX_VALUE_DEPTH levels and at most
 *   MAX_VALUE_BYTES as JSON, checked before anything recurses into it (a 100,000-deep value
 *   overflowed the server's stack, issue #11); the depth walk is iterative for that reason;
 * - [MD12] a lot's id is the one derived from its product and lot number (`lotIdFor`, [MD4]), so a
 *   buggy or hostile client cannot make a second lot of one carton. A lot already stored under an
 *   id that is not derived (the demo's, or one written before the rule) keeps it.
 */
import { MAX_VALUE_BYTES, MAX_VALUE_DEPTH } from '../../../src/domain/bounds';
import { lotIdFor } from '../../../src/domain/replica';
import type { RecordData, RecordProblem, ReplicatedRecord } from '../../../src/domain/replica';

/** How deep `value` nests (a scalar is 0, [1] is 1), counting no further than `limit` + 1. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    const inner = depth + 1;
    deepest = Math.max(deepest, inner);
    if (inner > limit) return inner;
    for (const child of Object.values(v)) stack.push([child, inner]);
  }
  return deepest;
}

/** The first field of `data` too deep or too large, or null. */
export function valueBoundsProblem(data: RecordData): RecordProblem | null {
  for (const [field, value] of Object.entries(data)) {
    if (depthOf(value, MAX_VALUE_DEPTH) > MAX_VALUE_DEPTH)
      return { field, message: `${field} is nested deeper than ${MAX_VALUE_DEPTH} levels` };
    if ((JSON.stringify(value) ?? '').length > MAX_VALUE_BYTES)
      return { field, message: `${field} is larger than ${MAX_VALUE_BYTES / 1024} KiB` };
  }
  return null;
}

const derivedId = (data: RecordData) =>
  typeof data.orgId === 'string' && typeof data.productId === 'string' && typeof data.lotNumber === 'string'
    ? lotIdFor(data.orgId, data.productId, data.lotNumber)
    : null;

/** [MD12]: null unless `kind` is lots and the merged lot's id is not the derived one. */
export function lotIdProblem(
  kind: string,
  id: string,
  base: ReplicatedRecord | undefined,
  merged: RecordData,
): RecordProblem | null {
  if (kind !== 'lots') return null;
  if (base && derivedId(base.data) !== id) return null;
  if (derivedId(merged) === id) return null;
  return {
    field: 'id',
    message: "a lot's id must be lotIdFor(orgId, productId, lotNumber): one lot per product and lot number",
  };
}
