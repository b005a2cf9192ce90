/**
 * A fault-injecting HTTP proxy between real tablets and the real server (issue #11, SPEC [S30]).
 * Every request is buffered (pushes and pulls are small JSON), then one fault is drawn for it from
 * a seeded PRNG — the same seed gives the same sequence of decisions:
 *
 * - `drop`: the request never reaches the server; the tablet's connection is reset.
 * - `delay`: it is forwarded after between half of `maxDelayMs` and all of it.
 * - `duplicate`: it is delivered twice, one after the other; the tablet gets the second answer.
 * - `reorder`: it is held until the next request has been delivered (or `maxDelayMs` passes).
 * - `cut`: it is delivered and the server's whole answer read (the server committed), then the
 *   tablet's connection is reset: it sees a network error for work that is done.
 *
 * A streamed answer (`text/event-stream`) is relayed message by message; each message may be
 * delayed, sent twice, or the stream cut after it (the tablet reconnects and gets RESYNC, [S7]).
 * Example: seed 7, rates { drop: 0.1 } → about one request in ten is reset before the server.
 */
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** xorshift32: a tiny seeded PRNG, so a schedule's faults follow from its seed (no Math.random). */
export function xorshift(seed: number): () => number {
  let state = seed | 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

export type RequestFault = 'drop' | 'delay' | 'duplicate' | 'reorder' | 'cut';
export type StreamFault = 'delay' | 'duplicate' | 'cut';

export interface FaultRates {
  /** Probability of each request fault (their sum at most 1; the rest are delivered as they are). */
  request: Partial<Record<RequestFault, number>>;
  /** Probability of each fault per stream message. */
  stream: Partial<Record<StreamFault, number>>;
  maxDelayMs: number;
}

export const NO_FAULTS: FaultRates = { request: {}, stream: {}, maxDelayMs: 0 };

export interface FaultProxy {
  url: string;
  /** What was injected so far, by kind (`stream:cut`…), for tests and the failure report. */
  injected: Record<string, number>;
  /** How many requests `reorder` holds back right now. */
  held(): number;
  /** New rates from now on (NO_FAULTS heals the network); a seed restarts the PRNG from it. */
  setRates(rates: FaultRates, seed?: number): void;
  close(): Promise<void>;
}

function pick<K extends string>(random: () => number, rates: Partial<Record<K, number>>): K | null {
  let roll = random();
  for (const [kind, p] of Object.entries(rates) as [K, number][]) {
    if (roll < p) return kind;
    roll -= p;
  }
  return null;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export async function startFaultProxy(target: string, seed: number, rates: FaultRates): Promise<FaultProxy> {
  let random = xorshift(seed);
  const { hostname, port } = new URL(target);
  let current = rates;
  const injected: Record<string, number> = {};
  const count = (kind: string) => (injected[kind] = (injected[kind] ?? 0) + 1);
  // Requests held back by `reorder`, released after the next delivery.
  let held: (() => void)[] = [];
  const releaseHeld = () => held.splice(0).forEach((release) => release());
  const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const delayMs = () => Math.floor(((1 + random()) * current.maxDelayMs) / 2);

  /** Sends one copy upstream; resolves with the status and headers and the upstream response. */
  function upstream(req: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const out = httpRequest(
        {
          hostname,
          port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `${hostname}:${port}` },
        },
        resolve,
      );
      out.once('error', reject);
      out.end(body);
    });
  }

  async function deliver(req: IncomingMessage, body: Buffer): Promise<Answer> {
    const res = await upstream(req, body);
    return { status: res.statusCode ?? 502, headers: res.headers, body: await readBody(res) };
  }

  async function relayStream(upstreamRes: IncomingMessage, res: ServerResponse): Promise<void> {
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
    res.flushHeaders();
    // The tablet going away closes the server's side too, as a real network would: a relay kept
    // open would hold one of the device's stream places on the server ([SEC6]).
    res.once('close', () => upstreamRes.destroy());
    let buffer = '';
    for await (const chunk of upstreamRes) {
      buffer += (chunk as Buffer).toString();
      const messages = buffer.split('\n\n');
      buffer = messages.pop() ?? '';
      for (const message of messages) {
        const fault = pick(random, current.stream);
        if (fault) count(`stream:${fault}`);
        if (fault === 'delay') await delay(delayMs());
        const text = fault === 'duplicate' ? `${message}\n\n${message}\n\n` : `${message}\n\n`;
        // Written out before anything else happens, so a cut comes after this message.
        await new Promise((written) => res.write(text, written));
        if (fault === 'cut') {
          upstreamRes.destroy();
          res.destroy();
          return;
        }
      }
    }
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.headers.accept === 'text/event-stream') {
      await relayStream(await upstream(req, body), res);
      return;
    }
    const fault = pick(random, current.request);
    if (fault) count(fault);
    if (fault === 'drop') {
      res.destroy();
      return;
    }
    if (fault === 'delay') await delay(delayMs());
    if (fault === 'reorder') {
      await new Promise<void>((resolve) => {
        const release = () => {
          held = held.filter((r) => r !== release);
          resolve();
        };
        held.push(release);
        setTimeout(release, Math.max(current.maxDelayMs, 1));
      });
    }
    let answer = await deliver(req, body);
    if (fault !== 'reorder') releaseHeld();
    if (fault === 'duplicate') answer = await deliver(req, body);
    if (fault === 'cut') {
      res.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // The server is down or reset the connection: the tablet sees what it would see then.
      res.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    injected,
    held: () => held.length,
    setRates(next, seed) {
      current = next;
      if (seed !== undefined) random = xorshift(seed);
      if (next.maxDelayMs === 0) releaseHeld();
    },
    async close() {
      releaseHeld();
      held = [];
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
