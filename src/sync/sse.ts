/**
 * A minimal Server-Sent Events reader over fetch. `EventSource` cannot send an Authorization
 * header, and a token in the URL would land in proxy logs; fetch can, and can be aborted the moment
 * the tablet goes offline.
 *
 * Example stream: "data: RESYNC\n\n: ping\n\ndata: {\"seq\":42}\n\n" → onMessage("RESYNC"),
 * onMessage('{"seq":42}') (comment lines starting with ":" are heartbeats and are skipped).
 */
export interface SseOptions {
  url: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  fetch: typeof fetch;
  onMessage: (data: string) => void;
}

/** Splits buffered text into complete SSE events; returns the data of each and the unparsed rest. */
export function parseSseChunk(buffer: string): { messages: string[]; rest: string } {
  const normalized = buffer.replace(/\r\n/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: string[] = [];
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (data.length > 0) messages.push(data.join('\n'));
  }
  return { messages, rest };
}

/** Resolves when the server closes the stream; rejects on network errors or abort. */
export async function readSse(options: SseOptions): Promise<void> {
  const response = await options.fetch(options.url, {
    headers: { ...options.headers, accept: 'text/event-stream' },
    signal: options.signal,
  });
  if (!response.ok || !response.body) throw new Error(`stream answered HTTP ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const parsed = parseSseChunk(buffer + value);
    buffer = parsed.rest;
    parsed.messages.forEach(options.onMessage);
  }
}
