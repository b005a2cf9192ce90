import { describe, expect, it } from 'vitest';
import { advanceMessage, RESYNC, streamTarget } from './wire';

describe('stream messages', () => {
  it('[S7][MD7] say which replication advanced, and a RESYNC concerns all of them', () => {
    const at = { epoch: 'E', seq: 42 };
    expect(advanceMessage('events', at)).toBe('{"epoch":"E","seq":42}');
    expect(advanceMessage('records', at)).toBe('{"records":{"epoch":"E","seq":42}}');
    expect(streamTarget(advanceMessage('events', at))).toBe('events');
    expect(streamTarget(advanceMessage('records', at))).toBe('records');
    expect(streamTarget(RESYNC)).toBe('all');
  });
});
