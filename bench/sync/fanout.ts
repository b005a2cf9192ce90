// sync.fanout_50_tablets_s: N lightweight tablets speaking the protocol over real HTTP — each holds
// an SSE stream ([S7]), pulls on every message (one pull loop at a time; a message during a pull
// triggers one more), and pushes its own events in one batch. Measured: from the first push until
// every tablet has pulled every tablet's events.
import { request } from 'node:http';
import type { ClientRequest } from 'node:http';
import type { Device } from '../../tests/server/sync-harness';
import { benchEvents } from './events';
import { headers } from './server';

const PAGE = 1_000;

interface FanoutTablet {
  /** Resolves once the stream delivered RESYNC. */
  ready: Promise<void>;
  /** Resolves when this tablet holds `expected` bench events. */
  done: Promise<void>;
  received(): number;
  push(): Promise<void>;
  close(): void;
}

function openStream(baseUrl: string, token: string, onMessage: (data: string) => void): ClientRequest {
  const req = request(new URL('/api/v1/events/stream', baseUrl), { headers: headers(token) }, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const data = buffer
          .slice(0, cut)
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        buffer = buffer.slice(cut + 2);
        if (data) onMessage(data);
      }
    });
  });
  req.on('error', () => undefined); // closed by us at the end
  req.end();
  return req;
}

function fanoutTablet(
  baseUrl: string,
  device: Device,
  index: number,
  own: number,
  expected: number,
): FanoutTablet {
  const events = benchEvents(own, `bench-fan-${index}`, index * own);
  let checkpoint = { epoch: '', seq: 0 };
  let received = 0;
  let pulling = false;
  let again = false;
  let markReady = (): void => undefined;
  let markDone = (): void => undefined;
  let fail = (_e: Error): void => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  const done = new Promise<void>((resolve, reject) => {
    markDone = resolve;
    fail = reject;
  });

  async function pullAll(): Promise<void> {
    for (;;) {
      const query = new URLSearchParams({
        epoch: checkpoint.epoch,
        seq: String(checkpoint.seq),
        limit: String(PAGE),
      });
      const res = await fetch(`${baseUrl}/api/v1/events/pull?${query}`, { headers: headers(device.token) });
      if (!res.ok) throw new Error(`pull: ${res.status}`);
      const body = (await res.json()) as { documents: { deviceId: string }[]; checkpoint: typeof checkpoint };
      received += body.documents.filter((d) => d.deviceId.startsWith('bench-fan-')).length;
      checkpoint = body.checkpoint;
      if (body.documents.length < PAGE) return;
    }
  }

  function pull(): void {
    if (pulling) {
      again = true;
      return;
    }
    pulling = true;
    again = false;
    pullAll().then(
      () => {
        pulling = false;
        if (received >= expected) markDone();
        else if (again) pull();
      },
      (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))),
    );
  }

  const stream = openStream(baseUrl, device.token, (data) => {
    if (data === 'RESYNC') markReady();
    pull();
  });
  return {
    ready,
    done,
    received: () => received,
    async push() {
      const res = await fetch(`${baseUrl}/api/v1/events/push`, {
        method: 'POST',
        headers: { ...headers(device.token), 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      if (res.status !== 200) throw new Error(`push: ${res.status} ${await res.text()}`);
    },
    close: () => stream.destroy(),
  };
}

export interface FanoutResult {
  seconds: number;
  converged: number;
}

/** All tablets stream, then all push at once; seconds until each holds all devices × own events. */
export async function measureFanout(
  baseUrl: string,
  devices: Device[],
  own: number,
  timeoutMs: number,
): Promise<FanoutResult> {
  const expected = devices.length * own;
  const tablets = devices.map((d, i) => fanoutTablet(baseUrl, d, i, own, expected));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.all(tablets.map((t) => t.ready));
    const started = performance.now();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const converged = tablets.filter((t) => t.received() >= expected).length;
        reject(
          new Error(`fan-out: only ${converged}/${tablets.length} tablets converged within ${timeoutMs} ms`),
        );
      }, timeoutMs);
    });
    await Promise.race([
      Promise.all([...tablets.map((t) => t.push()), ...tablets.map((t) => t.done)]),
      timeout,
    ]);
    return { seconds: (performance.now() - started) / 1000, converged: tablets.length };
  } finally {
    clearTimeout(timer);
    for (const t of tablets) t.close();
  }
}
