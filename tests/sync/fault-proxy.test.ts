/**
 * The fault proxy itself ([S30]): each fault does what it says, against a small upstream server that
 * counts what reached it and streams Server-Sent Events.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from './eventually';
import { NO_FAULTS, startFaultProxy, xorshift, type FaultProxy, type FaultRates } from './fault-proxy';

let upstream: Server;
/** Streams the upstream server holds open ('/open-stream'), closed once their client is gone. */
let openStreams = 0;
let target = '';
/** Request bodies in the order they reached the upstream server. */
let arrived: string[] = [];
const proxies: FaultProxy[] = [];

beforeEach(async () => {
  arrived = [];
  upstream = createServer((req, res) => {
    if (req.url === '/open-stream') {
      openStreams += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: RESYNC\n\n');
      res.once('close', () => (openStreams -= 1));
      return;
    }
    if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: RESYNC\n\n');
      res.write('data: {"seq":1}\n\n');
      res.end('data: {"seq":2}\n\n');
      return;
    }
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      arrived.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ delivery: arrived.length }));
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
  upstream.closeAllConnections();
  await new Promise<void>((r) => upstream.close(() => r()));
});

async function proxy(rates: Partial<FaultRates>, seed = 1): Promise<FaultProxy> {
  const p = await startFaultProxy(target, seed, { ...NO_FAULTS, ...rates });
  proxies.push(p);
  return p;
}

const post = (url: string, body: string) => fetch(`${url}/push`, { method: 'POST', body });

async function streamed(url: string): Promise<{ text: string; failed: boolean }> {
  const res = await fetch(`${url}/stream`, { headers: { accept: 'text/event-stream' } });
  let text = '';
  try {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { text, failed: false };
      text += value;
    }
  } catch {
    return { text, failed: true };
  }
}

describe('fault proxy', () => {
  it('[S30] delivers untouched without faults', async () => {
    const p = await proxy({});
    const res = await post(p.url, 'a');
    expect(await res.json()).toEqual({ delivery: 1 });
    expect(arrived).toEqual(['a']);
  });

  it('[S30] drop: the request never reaches the server and the tablet sees a network error', async () => {
    const p = await proxy({ request: { drop: 1 } });
    await expect(post(p.url, 'a')).rejects.toThrow();
    expect(arrived).toEqual([]);
    expect(p.injected.drop).toBe(1);
  });

  it('[S30] duplicate: the server gets the request twice, the tablet the second answer', async () => {
    const p = await proxy({ request: { duplicate: 1 } });
    expect(await (await post(p.url, 'a')).json()).toEqual({ delivery: 2 });
    expect(arrived).toEqual(['a', 'a']);
  });

  it('[S30] delay: the request is forwarded after at least half the maximum delay', async () => {
    const p = await proxy({ request: { delay: 1 }, maxDelayMs: 300 });
    const started = Date.now();
    await post(p.url, 'a');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(arrived).toEqual(['a']);
  });

  it('[S30] reorder: a held request reaches the server after the one sent behind it', async () => {
    const p = await proxy({ request: { reorder: 1 }, maxDelayMs: 10_000 });
    const first = post(p.url, 'first');
    // Once the proxy holds the first, requests pass untouched.
    await eventually('the first request is held', async () => p.held() === 1);
    p.setRates({ request: {}, stream: {}, maxDelayMs: 10_000 });
    await post(p.url, 'second');
    await first;
    expect(arrived).toEqual(['second', 'first']);
  });

  it('[S30] cut: the server commits the request, the tablet sees a network error', async () => {
    const p = await proxy({ request: { cut: 1 } });
    await expect(post(p.url, 'a')).rejects.toThrow();
    expect(arrived).toEqual(['a']);
  });

  it('[S30] stream messages are duplicated, or the stream is cut after one', async () => {
    const dup = await proxy({ stream: { duplicate: 1 } });
    const twice = await streamed(dup.url);
    expect(twice.text.match(/data: RESYNC/g)).toHaveLength(2);
    expect(twice.text.match(/seq":2/g)).toHaveLength(2);
    const cut = await proxy({ stream: { cut: 1 } });
    const once = await streamed(cut.url);
    expect(once.failed).toBe(true);
    expect(once.text).toBe('data: RESYNC\n\n');
  });

  it('[S30] stream messages are delayed, in order', async () => {
    const p = await proxy({ stream: { delay: 1 }, maxDelayMs: 200 });
    const started = Date.now();
    const { text } = await streamed(p.url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(text).toBe('data: RESYNC\n\ndata: {"seq":1}\n\ndata: {"seq":2}\n\n');
  });

  // Found by the fast simulation: the relay kept the server's side of a dropped stream open, so after
  // four reconnects the server had no stream place left for the tablet ([SEC6]).
  it('[S30] a tablet dropping its stream closes the server side, as a real network does', async () => {
    const p = await proxy({});
    const aborted = new AbortController();
    const res = await fetch(`${p.url}/open-stream`, {
      headers: { accept: 'text/event-stream' },
      signal: aborted.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    expect(openStreams).toBe(1);
    aborted.abort();
    await eventually('the server side of the stream closed', async () => openStreams === 0, 5_000);
  });

  it('[S30] the same seed draws the same faults', async () => {
    const outcomes = async (seed: number) => {
      const p = await proxy({ request: { drop: 0.5 } }, seed);
      const out: boolean[] = [];
      for (let i = 0; i < 12; i++)
        out.push(
          await post(p.url, String(i)).then(
            () => true,
            () => false,
          ),
        );
      return out;
    };
    const a = await outcomes(42);
    expect(await outcomes(42)).toEqual(a);
    expect(a).toContain(true);
    expect(a).toContain(false);
    const r = xorshift(5);
    expect([r(), r()]).not.toEqual([r(), r()]);
  });
});
