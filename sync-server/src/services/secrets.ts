/**
 * Secrets: device and admin tokens, one-time enrollment codes, and their SHA-256 hashes (the only
 * form stored, SPEC [S1]). Tokens carry 256 random bits, so a fast hash is enough (no KDF needed).
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Crockford base32: no I, L, O, U, so nothing on a code is ambiguous when typed. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A bearer token: "cs_" + 43 base64url characters (32 random bytes). */
export function newToken(random: (n: number) => Buffer = randomBytes): string {
  return `cs_${random(32).toString('base64url')}`;
}

/**
 * A 10-character code in two groups of 5 (50 random bits), e.g. "7KQ2M-XH4RT". Each byte's low
 * 5 bits pick a symbol; 256 is a multiple of 32, so every symbol is equally likely.
 */
export function newEnrollCode(random: (n: number) => Buffer = randomBytes): string {
  const symbols = [...random(10)].map((b) => CROCKFORD[b & 31] ?? '0').join('');
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/**
 * What a person typed → the canonical code: case, spaces and dashes ignored, and the letters
 * people confuse with digits read as those digits: " 7kq2m xh4rt " → "7KQ2MXH4RT", "O" → "0",
 * "I"/"L" → "1".
 */
export function normalizeEnrollCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashEnrollCode(typed: string): string {
  return sha256Hex(normalizeEnrollCode(typed));
}

/** Where a generated startup admin token is written ([SEC2]): `<DATA_DIR>/admin-token`. */
export function adminTokenFile(dataDir: string): string {
  return join(dataDir, 'admin-token');
}

/**
 * Writes `secret` to `path` readable only by its owner (mode 0600), never through a moment at a
 * wider mode: an old file is removed first and the new one created with 0600 (`wx` fails rather
 * than follow a link someone raced in). The directory is created 0700 when missing.
 */
export async function writeSecretFile(path: string, secret: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await rm(path, { force: true });
  await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  // The umask can only narrow the mode; chmod pins it exactly.
  await chmod(path, 0o600);
}
