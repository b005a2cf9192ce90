import { describe, expect, it } from 'vitest';
import { parseSseChunk } from './sse';

describe('SSE parsing', () => {
  it('returns complete messages, skips heartbeats and keeps a partial tail', () => {
    const { messages, rest } = parseSseChunk('data: RESYNC\n\n: ping\n\ndata: {"seq":42}\n\ndata: {"se');
    expect(messages).toEqual(['RESYNC', '{"seq":42}']);
    expect(rest).toBe('data: {"se');
  });

  it('joins multi-line data and accepts CRLF', () => {
    expect(parseSseChunk('data: a\r\ndata: b\r\n\r\n').messages).toEqual(['a\nb']);
  });
});
