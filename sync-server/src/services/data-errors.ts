/**
 * Database data errors as input errors (SPEC [S25]). Whatever the validators miss and the database
 * refuses as data — SQLSTATE class 22 "data exception" (a NUL in text, a value out of range, a
 * date it cannot hold) or 23514 (a CHECK) — is the client's input, so it is a 400 naming the field
 * and, where it can be found, the event or record: never a 500, which the tablet would retry for
 * ever ([S26]). PGlite raises the same SQLSTATEs as PostgreSQL (both are PostgreSQL).
 */

export interface DataError {
  code: string;
  message: string;
}

/** The SQLSTATE error of a data exception, or null for any other failure. */
export function dataErrorOf(error: unknown): DataError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string' || !(code.startsWith('22') || code === '23514')) return null;
  return { code, message: typeof message === 'string' ? message : 'invalid data' };
}

export interface Blame {
  field: string;
  id: string | null;
}

type Item = { id?: unknown } & Record<string, unknown>;

/** The quoted value PostgreSQL names: `invalid input syntax for type uuid: "x"` → `x`. */
function quotedValue(message: string): string | null {
  return /"([^"]*)"/.exec(message)?.[1] ?? null;
}

/** Dotted paths of the strings and numbers in `value`, one level of nesting at most. */
function leaves(value: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([k, v]): [string, unknown][] =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && prefix === ''
      ? leaves(v as Record<string, unknown>, `${k}.`)
      : [[`${prefix}${k}`, v]],
  );
}

const hasNul = (v: unknown) => JSON.stringify(v)?.includes('\\u0000') ?? false;

/**
 * Which item and field a data error is about: the field holding the value the message quotes, or
 * text with a NUL character (which PostgreSQL text and jsonb cannot hold); else `listField` and,
 * for a batch of one, that item. Example: a batch whose event e2 has payload.supplier "a\u0000b"
 * → { field: "payload.supplier", id: e2 }.
 */
export function blameDataError(error: DataError, items: readonly Item[], listField: string): Blame {
  const quoted = quotedValue(error.message);
  for (const item of items) {
    const id = typeof item.id === 'string' ? item.id : null;
    for (const [field, v] of leaves(item)) {
      if (field === 'id' && quoted === null) continue;
      if ((quoted !== null && String(v) === quoted) || (quoted === null && hasNul(v))) return { field, id };
    }
  }
  const only = items.length === 1 ? items[0]?.id : undefined;
  return { field: listField, id: typeof only === 'string' ? only : null };
}
