import { describe, expect, it } from 'vitest';
import {
  approvalProof,
  decodeApprovalKey,
  deriveApprovalKey,
  encodeApprovalKey,
  verifyApprovalProof,
} from './approval';
import { hashPin, hashPinTag, verifyPin } from './pin';

const FAST = 1_000; // iterations: the algorithm, not the cost, is under test here

describe('[A5] approval proofs', () => {
  it('verify for the text and key they were made with, and for nothing else', async () => {
    const key = await deriveApprovalKey('482915', 'org-1', 'casey', FAST);
    expect(key).toHaveLength(32);
    const proof = await approvalProof(key, 'adjust e1');
    expect(proof).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await verifyApprovalProof(key, 'adjust e1', proof)).toBe(true);
    expect(await verifyApprovalProof(key, 'adjust e2', proof)).toBe(false);
    const otherPin = await deriveApprovalKey('482916', 'org-1', 'casey', FAST);
    expect(await verifyApprovalProof(otherPin, 'adjust e1', proof)).toBe(false);
    // The same PIN for another person (or organization) is another key.
    const otherPerson = await deriveApprovalKey('482915', 'org-1', 'morgan', FAST);
    expect(await verifyApprovalProof(otherPerson, 'adjust e1', proof)).toBe(false);
    expect(await verifyApprovalProof(key, 'adjust e1', 'not a proof')).toBe(false);
  });

  it('round-trips the stored key', async () => {
    const key = await deriveApprovalKey('482915', 'org-1', 'casey', FAST);
    expect(decodeApprovalKey(encodeApprovalKey(key))).toEqual(key);
    expect(decodeApprovalKey('AAAA')).toBeNull();
  });
});

describe('[A6] the partial verifier tablets hold for managers and admins', () => {
  it('accepts the PIN, and about one wrong PIN in 4,096', async () => {
    const salt = new Uint8Array(16);
    const tag = await hashPinTag('482915', { iterations: 10, salt });
    expect(tag).toMatch(/^pbkdf2-sha256-t12\$10\$/);
    expect(await verifyPin('482915', tag)).toBe(true);
    let passed = 0;
    for (let pin = 100_000; pin < 108_192; pin++) if (await verifyPin(String(pin), tag)) passed += 1;
    // 8,192 wrong PINs: expect ~2 to pass a 12-bit tag; far from the one a full hash would name.
    expect(passed).toBeLessThan(12);
    // The tag is the start of the full hash: what the full hash refuses, the tag mostly refuses too.
    const full = await hashPin('482915', { iterations: 10, salt });
    expect(full.split('$')[3]!.slice(0, 2)).toBe(tag.split('$')[3]!.slice(0, 2));
  });
});
