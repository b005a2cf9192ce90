/**
 * PgHub: the cross-process EventHub on PostgreSQL (see services/hub.ts). One dedicated connection
 * per server process runs `LISTEN chairside_events`; each notification "<orgId> <seq>" (events) or
 * "<orgId> <seq> records" (master data) is emitted to this process's streams. If the connection
 * drops, it reconnects with backoff and then nudges every subscribed organization with its current
 * max event and record seq, because notifications sent while it was away are lost (tablets then
 * pull and catch up).
 */
import pg from 'pg';
import { Fanout } from '../services/hub';
import type { StreamName } from '../../../src/domain/sync/wire';
import type { AdvanceListener, EventHub } from '../services/hub';
import { EVENTS_CHANNEL } from './event-store';
import { RECORDS_NOTIFY_TAG } from './record-store';

const MAX_BACKOFF_MS = 5_000;

/**
 * "<orgId> <seq>" (events) or "<orgId> <seq> records" (master data, record-store.ts) → parts, or
 * null for anything else on the channel.
 */
export function parseNotification(
  payload: string | undefined,
): { orgId: string; seq: number; stream: StreamName } | null {
  const [orgId, seqText, tag, extra] = (payload ?? '').split(' ');
  const seq = Number(seqText);
  if (!orgId || extra !== undefined || !Number.isSafeInteger(seq)) return null;
  if (tag !== undefined && tag !== RECORDS_NOTIFY_TAG) return null;
  return { orgId, seq, stream: tag === undefined ? 'events' : 'records' };
}

export class PgHub implements EventHub {
  private readonly fanout = new Fanout();
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  private constructor(private readonly connectionString: string) {}

  /** Connects and LISTENs before resolving, so no commit after this returns is missed. */
  static async open(connectionString: string): Promise<PgHub> {
    const hub = new PgHub(connectionString);
    await hub.connect();
    return hub;
  }

  subscribe(orgId: string, listener: AdvanceListener): () => void {
    return this.fanout.subscribe(orgId, listener);
  }

  /** Nothing to do: the push's NOTIFY comes back through LISTEN, to this process too. */
  committed(): void {}

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5_000 });
    client.on('notification', (msg) => {
      const parsed = parseNotification(msg.payload);
      if (parsed) this.fanout.emit(parsed.orgId, parsed.seq, parsed.stream);
    });
    client.on('error', () => this.lost(client, 0));
    client.on('end', () => this.lost(client, 0));
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
  }

  private lost(client: pg.Client, attempt: number): void {
    if (this.closed || (this.client !== client && attempt === 0)) return;
    this.client = null;
    void client.end().catch(() => undefined);
    const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt);
    this.retry = setTimeout(() => {
      this.connect()
        .then(() => this.nudgeAll())
        .catch(() => this.lost(client, attempt + 1));
    }, delay);
  }

  private async nudgeAll(): Promise<void> {
    const orgs = this.fanout.orgs();
    if (!this.client || orgs.length === 0) return;
    const rows = await this.client.query<{ org_id: string; seq: string }>(
      'SELECT org_id::text AS org_id, max(seq)::text AS seq FROM events WHERE org_id = ANY($1::uuid[]) GROUP BY 1',
      [orgs],
    );
    for (const r of rows.rows) this.fanout.emit(r.org_id, Number(r.seq));
    const records = await this.client.query<{ org_id: string; seq: string }>(
      'SELECT org_id::text AS org_id, max(seq)::text AS seq FROM records WHERE org_id = ANY($1::uuid[]) GROUP BY 1',
      [orgs],
    );
    for (const r of records.rows) this.fanout.emit(r.org_id, Number(r.seq), 'records');
  }
}
