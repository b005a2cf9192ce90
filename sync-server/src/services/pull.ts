/**
 * Pull (SPEC [S5], [S6], [S9]): the organization's events after a checkpoint, in sequence order.
 *
 * The checkpoint is `{ epoch, seq }`. It restarts from 0 when the epoch is not this database's
 * (a reset server) or when seq lies beyond anything stored (a backup restored under the same
 * epoch), so a tablet never keeps waiting for sequence numbers that will not come again.
 * Example: server epoch E, org events at seq 3, 7, 9; pull { E, 3, limit 2 } → [7, 9], checkpoint
 * { E, 9 }; pull { other, 9 } → [3, 7, 9…] from the start with checkpoint epoch E.
 */
import type { PullPage } from '../../../src/domain/sync/wire';
import type { EventStore, StoredEvent } from '../store/event-store';
import type { AuthedDevice } from './auth';

export const DEFAULT_PULL_LIMIT = 100;
export const MAX_PULL_LIMIT = 1000;

export interface PullRequest {
  epoch: string | null;
  seq: number;
  limit: number;
}

export type PullResult = PullPage<StoredEvent>;

/** Where a pull starts: the checkpoint's seq, or 0 for another epoch or a seq beyond `maxSeq` ([S13]). */
export async function resumeFrom(
  epoch: string,
  req: { epoch: string | null; seq: number },
  maxSeq: () => Promise<number>,
): Promise<number> {
  const from = req.epoch === epoch ? req.seq : 0;
  return from > 0 && from > (await maxSeq()) ? 0 : from;
}

export class PullService {
  constructor(
    private readonly events: EventStore,
    /** This database's epoch, read once at startup. */
    private readonly epoch: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async pull(device: AuthedDevice, req: PullRequest): Promise<PullResult> {
    const serverTime = this.now().toISOString();
    const from = await resumeFrom(this.epoch, req, () => this.events.maxSeq());
    const documents = await this.events.since(device.orgId, from, req.limit);
    return { documents, checkpoint: { epoch: this.epoch, seq: documents.at(-1)?.seq ?? from }, serverTime };
  }
}
