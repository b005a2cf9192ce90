import { describe, expect, it } from 'vitest';
import { PIN_DEFAULT_ITERATIONS, hashPin, isValidPinFormat, verifyPin } from './pin';

const FAST = { iterations: 1_000 };

describe('PIN hashing', () => {
  it('[A1] verifies the right PIN and rejects a wrong one', async () => {
    const encoded = await hashPin('2468', FAST);
    expect(await verifyPin('2468', encoded)).toBe(true);
    expect(await verifyPin('2469', encoded)).toBe(false);
    expect(await verifyPin('24680', encoded)).toBe(false);
  });

  it('[A1] encodes as pbkdf2-sha256$iterations$salt$hash with a 16-byte salt and 32-byte hash', async () => {
    const encoded = await hashPin('1357', FAST);
    const [prefix, iterations, salt = '', hash = ''] = encoded.split('$');
    expect(prefix).toBe('pbkdf2-sha256');
    expect(iterations).toBe('1000');
    expect(atob(salt)).toHaveLength(16);
    expect(atob(hash)).toHaveLength(32);
  });

  it('[A1] salts randomly: the same PIN hashes differently each time, and both verify', async () => {
    const a = await hashPin('1357', FAST);
    const b = await hashPin('1357', FAST);
    expect(a).not.toBe(b);
    expect(await verifyPin('1357', a)).toBe(true);
    expect(await verifyPin('1357', b)).toBe(true);
  });

  it('[A1] matches the RFC 7914 PBKDF2-HMAC-SHA256 test vector (password "passwd", salt "salt", c=1)', async () => {
    const salt = new TextEncoder().encode('salt');
    const encoded = await hashPin('passwd', { iterations: 1, salt });
    const hashHex = [...atob(encoded.split('$')[3] ?? '')]
      .map((c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
      .join('');
    // RFC 7914 §11 gives 64 bytes; PBKDF2's first block (32 bytes) is the same for a 32-byte output.
    expect(hashHex).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });

  it('[A1] uses 210,000 iterations by default (OWASP 2023) and still verifies', async () => {
    expect(PIN_DEFAULT_ITERATIONS).toBe(210_000);
    const encoded = await hashPin('2580');
    expect(encoded.split('$')[1]).toBe('210000');
    expect(await verifyPin('2580', encoded)).toBe(true);
  });

  it('[A1] treats malformed or tampered hashes as a failed check, not a crash', async () => {
    const encoded = await hashPin('2468', FAST);
    const [prefix, iterations, salt, hash = ''] = encoded.split('$');
    const flipped = (hash.startsWith('A') ? 'B' : 'A') + hash.slice(1);
    for (const bad of [
      '',
      'plain-text-pin',
      `sha1$1000$${salt}$${hash}`,
      `${prefix}$0$${salt}$${hash}`,
      `${prefix}$abc$${salt}$${hash}`,
      `${prefix}$99999999999$${salt}$${hash}`,
      `${prefix}$${iterations}$${salt}$not*base64`,
      `${prefix}$${iterations}$${salt}$${flipped}`,
      `${prefix}$${iterations}$${salt}$${hash}$extra`,
    ]) {
      expect(await verifyPin('2468', bad)).toBe(false);
    }
  });

  it('[A1] rejects iteration counts out of range when hashing', async () => {
    await expect(hashPin('2468', { iterations: 0 })).rejects.toThrow(RangeError);
    await expect(hashPin('2468', { iterations: 1.5 })).rejects.toThrow(RangeError);
  });

  it('[A2] accepts 4-8 ASCII digits only', () => {
    for (const ok of ['0000', '2468', '12345678']) expect(isValidPinFormat(ok)).toBe(true);
    for (const bad of ['', '123', '123456789', '12a4', ' 1234', '1234\n', '١٢٣٤', '12.4']) {
      expect(isValidPinFormat(bad)).toBe(false);
    }
  });
});
