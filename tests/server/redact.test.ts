import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../sync-server/src/security';

describe('log URL redaction', () => {
  it.each([
    [
      '/api/v1/events/stream?access_token=cs_abc&protocol=1',
      '/api/v1/events/stream?access_token=[redacted]&protocol=1',
    ],
    ['/s?protocol=1&access%5Ftoken=cs_abc', '/s?protocol=1&access%5Ftoken=[redacted]'],
    ['/s?ACCESS%5ftoken=cs_abc', '/s?ACCESS%5ftoken=[redacted]'],
    ['/s?%61%63cess_Token=cs_abc&x=2', '/s?%61%63cess_Token=[redacted]&x=2'],
    ['/s?access_token', '/s?access_token=[redacted]'],
    ['/s?access_token=a&access_token=b', '/s?access_token=[redacted]&access_token=[redacted]'],
    // Undecodable names are compared as typed; other parameters are left alone.
    ['/s?%E0%A4%A=1&token=x', '/s?%E0%A4%A=1&token=x'],
    ['/s', '/s'],
  ])('[SEC8] %s is logged as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
