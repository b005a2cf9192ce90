/**
 * A channel's stored pull checkpoint (a device-local setting) and its restarts. A restart (refused
 * record edits given up: the server's copies must come again) clears the checkpoint; a pull that
 * began before it must not store its own checkpoint over the cleared one. Every write goes through
 * one queue and checks, when its turn comes, that no restart happened since its pull began.
 *
 * Example: a pull begins (generation 0) → a restart clears the checkpoint (generation 1) → the
 * pull's next page is stored, but its checkpoint is not (`store` answers false) and it starts over
 * from the beginning.
 */
import type { ChairsideDatabase } from '../db/collections';
import { getSetting, putSetting } from '../db/repositories/settings';
import type { Checkpoint } from '../domain/sync/wire';

export class StoredCheckpoint {
  private restarts = 0;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ChairsideDatabase,
    private readonly key: string,
  ) {}

  /** Counts restarts: a pull remembers it when it begins. */
  get generation(): number {
    return this.restarts;
  }

  async read(): Promise<Checkpoint | null> {
    const raw = await getSetting(this.db, this.key);
    return typeof raw === 'string' ? (JSON.parse(raw) as Checkpoint) : null;
  }

  /** Stores `checkpoint` unless a restart came after `generation`; says whether it did. */
  store(checkpoint: Checkpoint, generation: number): Promise<boolean> {
    return this.queue(async () => {
      if (generation !== this.restarts) return false;
      await putSetting(this.db, this.key, JSON.stringify(checkpoint));
      return true;
    });
  }

  /** The next pull starts from the beginning of the server's sequence. */
  restart(): Promise<void> {
    this.restarts += 1;
    return this.queue(() => putSetting(this.db, this.key, null));
  }

  private queue<T>(write: () => Promise<T>): Promise<T> {
    const result = this.writes.then(write);
    this.writes = result.catch(() => undefined);
    return result;
  }
}
