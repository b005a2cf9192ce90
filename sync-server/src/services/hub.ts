/**
 * Live fan-out of "organization X's events (or records) advanced to seq N" to open streams
 * (SPEC [S7], [MD7]).
 *
 * - LocalHub (PGlite, one process): the push service reports each commit and it is emitted here.
 * - PgHub (PostgreSQL, any number of processes): pushes NOTIFY inside their transaction (delivered
 *   at commit, see event-store.ts); one LISTEN connection per process re-emits every notification,
 *   so a push on instance A reaches a stream held by instance B.
 */
import type { StreamName } from '../../../src/domain/sync/wire';

export type AdvanceListener = (seq: number, stream: StreamName) => void;

export interface EventHub {
  /** Calls `listener` whenever `orgId`'s events or records advance; returns the unsubscribe function. */
  subscribe(orgId: string, listener: AdvanceListener): () => void;
  /** The push services call this after a commit that stored events (or records). */
  committed(orgId: string, seq: number, stream?: StreamName): void;
  close(): Promise<void>;
}

/** Subscribers per organization; the building block of both hubs. */
export class Fanout {
  private readonly byOrg = new Map<string, Set<AdvanceListener>>();

  subscribe(orgId: string, listener: AdvanceListener): () => void {
    const set = this.byOrg.get(orgId) ?? new Set<AdvanceListener>();
    set.add(listener);
    this.byOrg.set(orgId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byOrg.get(orgId) === set) this.byOrg.delete(orgId);
    };
  }

  emit(orgId: string, seq: number, stream: StreamName = 'events'): void {
    for (const listener of [...(this.byOrg.get(orgId) ?? [])]) listener(seq, stream);
  }

  /** Every organization with a subscriber (used to nudge all after a lost LISTEN connection). */
  orgs(): string[] {
    return [...this.byOrg.keys()];
  }
}

export class LocalHub implements EventHub {
  private readonly fanout = new Fanout();

  subscribe(orgId: string, listener: AdvanceListener): () => void {
    return this.fanout.subscribe(orgId, listener);
  }

  committed(orgId: string, seq: number, stream: StreamName = 'events'): void {
    this.fanout.emit(orgId, seq, stream);
  }

  async close(): Promise<void> {}
}

/** Open event streams one device may hold at once ([SEC6]); a tablet needs one, a few tabs a few more. */
export const MAX_STREAMS_PER_DEVICE = 4;

/**
 * The event streams open in this process, by device ([SEC6]): caps them per device and closes a
 * device's streams when it is revoked. At the cap a new stream ends the device's oldest: the newest
 * is the one a tablet is listening on, while an old one may be half-open (Wi-Fi lost mid-stream;
 * the server learns of it only when TCP gives up, minutes later) — refusing the new one would leave
 * the tablet without live updates until then. Another instance's streams notice a revocation at
 * their next heartbeat (routes/stream.ts re-checks the token), so the cap and the instant close are
 * per process.
 * Example: perDevice 4, device D opens s1…s4, then s5 → s1 ends, D holds s2…s5; closeDevice(D) → 4.
 */
export class StreamRegistry {
  /** Each device's open streams' `end`, oldest first (a Set keeps insertion order). */
  private readonly byDevice = new Map<string, Set<() => void>>();

  constructor(readonly perDevice: number = MAX_STREAMS_PER_DEVICE) {}

  /** Registers a stream's `end` (ending the oldest at the cap); returns its release function. */
  open(deviceId: string, end: () => void): () => void {
    const set = this.byDevice.get(deviceId) ?? new Set<() => void>();
    this.byDevice.set(deviceId, set);
    while (set.size >= this.perDevice) {
      const [oldest] = set;
      if (!oldest) break;
      set.delete(oldest);
      oldest();
    }
    set.add(end);
    return () => {
      set.delete(end);
      if (set.size === 0 && this.byDevice.get(deviceId) === set) this.byDevice.delete(deviceId);
    };
  }

  /** Ends every open stream of `deviceId`; returns how many there were. */
  closeDevice(deviceId: string): number {
    const ends = [...(this.byDevice.get(deviceId) ?? [])];
    for (const end of ends) end();
    return ends.length;
  }

  /** Ends every open stream (server shutdown). */
  closeAll(): void {
    for (const deviceId of [...this.byDevice.keys()]) this.closeDevice(deviceId);
  }

  count(deviceId: string): number {
    return this.byDevice.get(deviceId)?.size ?? 0;
  }
}
