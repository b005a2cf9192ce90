/** A minimal Server-Sent Events client over node:http for tests: collects `data:` messages. */
import { request } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface SseClient {
  status: number;
  contentType: string;
  /** Every `data:` payload so far, in order. */
  messages: string[];
  /** Resolves with the first message (at index ≥ from) matching `match`; rejects after timeoutMs. */
  waitFor(match: (data: string) => boolean, from?: number, timeoutMs?: number): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openSse(
  baseUrl: string,
  headers: Record<string, string>,
  path = '/api/v1/events/stream',
): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(new URL(path, baseUrl), { headers }, (res: IncomingMessage) => {
      const messages: string[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim());
          if (data.length > 0) messages.push(data.join('\n'));
          cut = buffer.indexOf('\n\n');
        }
        for (const w of [...waiters]) w();
      });
      const ended = new Promise<void>((done) => res.once('close', () => done()));
      resolve({
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        messages,
        ended,
        close: () => req.destroy(),
        waitFor(match, from = 0, timeoutMs = 10_000) {
          return new Promise((found, fail) => {
            const check = (): void => {
              const hit = messages.slice(from).find(match);
              if (hit === undefined) return;
              waiters.delete(check);
              clearTimeout(timer);
              found(hit);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(
                new Error(`no matching SSE message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`),
              );
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export async function listenLocal(app: {
  listen(o: { port: number; host: string }): Promise<string>;
}): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}
