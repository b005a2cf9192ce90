// sync.push_events_per_s: one client pushes N events in batches over real HTTP to the real server
// (PostgreSQL). Baseline: the same rows as plain multi-row INSERTs through `pg` into a plain table
// of the same shape (same columns and types, primary key on id, no other index, trigger or lock)
// in the same database — the floor of "get these rows into PostgreSQL".
import pg from 'pg';
import type { LedgerEvent } from '../../src/domain/model';
import type { Device } from '../../tests/server/sync-harness';
import { median } from '../lib/report';
import { benchEvents, chunks } from './events';
import { headers } from './server';

export interface PushResult {
  eventsPerS: number;
  baselinePerS: number;
}

const PLAIN_TABLE = `CREATE TABLE bench_plain_events (
  seq bigint GENERATED ALWAYS AS IDENTITY, id uuid PRIMARY KEY, org_id uuid NOT NULL, type text NOT NULL,
  lot_id uuid, location_id uuid, quantity_milli bigint, actor_id uuid, device_id text, device_time timestamptz,
  device_time_text text, visit_id uuid, corrects_id uuid, container_id uuid,
  server_time timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL DEFAULT '{}')`;
const PLAIN_COLUMNS = 14;

async function pushOverHttp(baseUrl: string, device: Device, batches: LedgerEvent[][]): Promise<number> {
  const started = performance.now();
  for (const events of batches) {
    const res = await fetch(`${baseUrl}/api/v1/events/push`, {
      method: 'POST',
      headers: { ...headers(device.token), 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
    const body = (await res.json()) as { accepted?: string[] };
    if (res.status !== 200 || body.accepted?.length !== events.length) {
      throw new Error(`push: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
  }
  return performance.now() - started;
}

function plainParams(e: LedgerEvent): unknown[] {
  return [
    e.id,
    e.orgId,
    e.type,
    e.lotId,
    e.locationId,
    e.quantityMilli,
    e.actorId,
    e.deviceId,
    e.deviceTime,
    e.deviceTime,
    e.visitId,
    e.correctsId,
    e.containerId,
    JSON.stringify(e.payload),
  ];
}

async function insertPlain(client: pg.Client, batches: LedgerEvent[][]): Promise<number> {
  const started = performance.now();
  for (const events of batches) {
    const rows = events.map(
      (_, r) =>
        `(${Array.from({ length: PLAIN_COLUMNS }, (_, c) => `$${r * PLAIN_COLUMNS + c + 1}`).join(', ')})`,
    );
    await client.query(
      `INSERT INTO bench_plain_events (id, org_id, type, lot_id, location_id, quantity_milli, actor_id,
         device_id, device_time, device_time_text, visit_id, corrects_id, container_id, payload)
       VALUES ${rows.join(', ')}`,
      events.flatMap(plainParams),
    );
  }
  return performance.now() - started;
}

/**
 * After `warmup` untimed events, `rounds` times: push `total` fresh events, then insert the same
 * rows plainly (alternating, so both see the same machine load); the median of each.
 */
export async function measurePush(
  baseUrl: string,
  databaseUrl: string,
  device: Device,
  opts: { total: number; batch: number; warmup: number; rounds: number },
): Promise<PushResult> {
  await pushOverHttp(baseUrl, device, chunks(benchEvents(opts.warmup, 'bench-warmup'), opts.batch));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const pushMs: number[] = [];
  const plainMs: number[] = [];
  try {
    await client.query(PLAIN_TABLE);
    for (let round = 0; round < opts.rounds; round++) {
      const batches = chunks(benchEvents(opts.total, 'bench-push', round * opts.total), opts.batch);
      pushMs.push(await pushOverHttp(baseUrl, device, batches));
      plainMs.push(await insertPlain(client, batches));
    }
  } finally {
    await client.end();
  }
  return {
    eventsPerS: (opts.total * 1000) / median(pushMs),
    baselinePerS: (opts.total * 1000) / median(plainMs),
  };
}
