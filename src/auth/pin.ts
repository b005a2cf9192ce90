/**
 * Staff PIN hashing: PBKDF2-HMAC-SHA-256 through Web Crypto (`globalThis.crypto.subtle`), so the
 * same code runs in Node 20 (the server seed) and in the browser (offline PIN check on the tablet).
 *
 * Default 210,000 iterations: the OWASP Password Storage Cheat Sheet (2023) recommendation for
 * PBKDF2-HMAC-SHA256. A 4-8 digit PIN has at most 10^8 values, so the KDF only slows an attacker
 * who has the hashes; lockout after failed attempts is what actually protects a PIN.
 *
 * Encoding: `pbkdf2-sha256$<iterations>$<saltBase64>$<hashBase64>`, e.g.
 *   hashPin('2468', { iterations: 1000, salt: 16 zero bytes })
 *   → 'pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$<44 base64 chars>'
 * The iteration count travels with the hash so it can be raised later without breaking old hashes.
 */

export const PIN_DEFAULT_ITERATIONS = 210_000;
const PREFIX = 'pbkdf2-sha256';
/**
 * A partial verifier: only the first TAG_BITS bits of the hash (SPEC [A6]). Tablets check a
 * manager's or admin's PIN against it offline; a copied tablet database then narrows a 6-digit PIN
 * to about 10^6 / 2^12 ≈ 244 candidates instead of revealing it, and only the server, which holds
 * the approval key, can tell which one is right.
 */
const TAG_PREFIX = 'pbkdf2-sha256-t12';
export const TAG_BITS = 12;
const SALT_BYTES = 16;
const HASH_BITS = 256;
/** Refuse absurd counts from a stored string: a tampered hash must not hang the tablet. */
const MAX_ITERATIONS = 10_000_000;

/** A PIN is 4 to 8 ASCII digits: isValidPinFormat('2468') = true, isValidPinFormat('12a4') = false. */
export function isValidPinFormat(pin: string): boolean {
  return /^[0-9]{4,8}$/.test(pin);
}

export async function hashPin(
  pin: string,
  opts: { iterations?: number; salt?: Uint8Array } = {},
): Promise<string> {
  const iterations = opts.iterations ?? PIN_DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`PIN hash iterations must be an integer from 1 to ${MAX_ITERATIONS}`);
  }
  const salt = opts.salt
    ? new Uint8Array(opts.salt)
    : globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await pbkdf2Sha256(pin, salt, iterations);
  return [PREFIX, String(iterations), toBase64(salt), toBase64(hash)].join('$');
}

/**
 * The partial verifier of `pin` ([A6]): `pbkdf2-sha256-t12$<iterations>$<salt>$<2 bytes, last 4
 * bits zero>`. verifyPin accepts it like a full hash; about one wrong PIN in 4,096 passes it.
 */
export async function hashPinTag(
  pin: string,
  opts: { iterations?: number; salt?: Uint8Array } = {},
): Promise<string> {
  const full = await hashPin(pin, opts);
  const [, iterations = '', salt = '', hash = ''] = full.split('$');
  const tag = maskTag(fromBase64(hash) ?? new Uint8Array(2));
  return [TAG_PREFIX, iterations, salt, toBase64(tag)].join('$');
}

/** True when `pin` matches `encoded`; false for a wrong PIN or a malformed hash (never throws for those). */
export async function verifyPin(pin: string, encoded: string): Promise<boolean> {
  const parsed = parseEncoded(encoded);
  if (!parsed) return false;
  const actual = await pbkdf2Sha256(pin, parsed.salt, parsed.iterations);
  return constantTimeEqual(parsed.tagged ? maskTag(actual) : actual, parsed.hash);
}

/** The first TAG_BITS bits of a hash, as two bytes. */
function maskTag(hash: Uint8Array): Uint8Array {
  return Uint8Array.of(hash[0] ?? 0, (hash[1] ?? 0) & (0xff << (16 - TAG_BITS)) & 0xff);
}

function parseEncoded(
  encoded: string,
): { iterations: number; salt: Uint8Array<ArrayBuffer>; hash: Uint8Array; tagged: boolean } | null {
  const parts = encoded.split('$');
  const tagged = parts[0] === TAG_PREFIX;
  if (parts.length !== 4 || (parts[0] !== PREFIX && !tagged)) return null;
  const [, iterationsText = '', saltText = '', hashText = ''] = parts;
  if (!/^[1-9][0-9]*$/.test(iterationsText)) return null;
  const iterations = Number(iterationsText);
  if (iterations > MAX_ITERATIONS) return null;
  const salt = fromBase64(saltText);
  const hash = fromBase64(hashText);
  if (!salt || !hash || salt.length === 0 || hash.length !== (tagged ? 2 : HASH_BITS / 8)) return null;
  return { iterations, salt, hash, tagged };
}

export async function pbkdf2Sha256(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** Compares every byte regardless of where the first difference is, so timing reveals nothing. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}
