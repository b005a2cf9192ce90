/**
 * JSON that carries BigInt exactly ([Q4], [SV5]): the store returns an int8 beyond 2^53 as BigInt,
 * which JSON.stringify refuses ("Do not know how to serialize a BigInt", a 500 on every later
 * read, issue #11). Such a value is written as its exact digits, a plain JSON number. The bounds
 * keep new balances far below 2^53; this serves one written before them.
 *
 * Example: { onHandMilli: 18014398509481982n } → '{"onHandMilli":18014398509481982}'.
 */
import { randomBytes } from 'node:crypto';

export function exactJson(value: unknown): string {
  // A marker no input can contain (fresh random per call) stands for the digits until the quotes
  // around it are dropped.
  const marker = `bigint-${randomBytes(12).toString('hex')}:`;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${marker}${v}` : v));
  return text.replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1');
}
