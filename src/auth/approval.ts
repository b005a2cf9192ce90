/**
 * Approval keys and proofs (SPEC [A5]): what makes "Casey approved this" something the server can
 * check and a holder of the device token alone cannot forge.
 *
 * - The approval key is PBKDF2-HMAC-SHA-256 of the person's PIN, salted with their organization and
 *   staff id (210,000 iterations, like the PIN hash). The server keeps it (set with the PIN through
 *   the admin API); tablets never store it — they derive it from the PIN typed on the pad.
 * - A proof is HMAC-SHA-256 under that key of the canonical text of the approved event or record edit
 *   (src/domain/approval/message.ts), base64url. Offline, the tablet makes it at the pad; the server
 *   verifies it when the work arrives and refuses what does not verify.
 *
 * Example: deriveApprovalKey('482915', org, casey) → 32 bytes K; approvalProof(K, text) → 43
 * characters; verifyApprovalProof(K, text, proof) → true, and false for any other text or key.
 * Web Crypto only, so the same code runs on the tablet and in the server.
 */
import { fromBase64, PIN_DEFAULT_ITERATIONS, pbkdf2Sha256, toBase64 } from './pin';

const encoder = new TextEncoder();

export async function deriveApprovalKey(
  pin: string,
  orgId: string,
  staffId: string,
  iterations = PIN_DEFAULT_ITERATIONS,
): Promise<Uint8Array> {
  const salt = encoder.encode(`chairside-approval-key\u0000${orgId}\u0000${staffId}`);
  return pbkdf2Sha256(pin, salt, iterations);
}

async function hmac(key: Uint8Array, text: string): Promise<Uint8Array> {
  const subtle = globalThis.crypto.subtle;
  const imported = await subtle.importKey(
    'raw',
    new Uint8Array(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await subtle.sign('HMAC', imported, encoder.encode(text)));
}

const base64url = (bytes: Uint8Array) =>
  toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export async function approvalProof(key: Uint8Array, text: string): Promise<string> {
  return base64url(await hmac(key, text));
}

/** Constant-time check of a proof; false for a malformed one (never throws for it). */
export async function verifyApprovalProof(key: Uint8Array, text: string, proof: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(proof)) return false;
  const expected = await approvalProof(key, text);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ proof.charCodeAt(i);
  return diff === 0;
}

/** The key as stored by the server (base64), and back; null for a malformed value. */
export const encodeApprovalKey = (key: Uint8Array): string => toBase64(key);
export function decodeApprovalKey(text: string): Uint8Array | null {
  const bytes = fromBase64(text);
  return bytes && bytes.length === 32 ? bytes : null;
}
