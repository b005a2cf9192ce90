/**
 * Master-data push and pull (SPEC [MD5]-[MD7]). Push: shape checks first (no database work for a
 * malformed batch), then one transaction that merges, validates, authorizes, writes and projects
 * (record-plan.ts, record-store.ts); streams hear of it through the hub. Pull: the organization's
 * records of one kind after a checkpoint, with the events' checkpoint rules ([S5], [S6], [S13]).
 */
import type { RecordKind } from '../../../src/domain/replica';
import type { RecordPullResponse } from '../../../src/domain/sync/wire';
import type { ProjectionSkip } from '../store/record-projection';
import type { BatchOutcome, RecordStore } from '../store/record-store';
import type { AuthedDevice } from './auth';
import type { EventHub } from './hub';
import { resumeFrom } from './pull';
import type { PullRequest } from './pull';
import type { ApprovalService } from './approvals';
import { blameDataError, dataErrorOf } from './data-errors';
import { valueBoundsProblem } from './record-bounds';
import { clampClocks, planRecordPush, shapeProblem } from './record-plan';
import type { IncomingRecord, PlanContext, RecordPushOutcome } from './record-plan';

export interface RecordPushResult {
  outcome: RecordPushOutcome;
  /** Records kept whose typed projection was skipped (record-projection.ts); the route logs them. */
  skipped: ProjectionSkip[];
}

export class RecordService {
  constructor(
    private readonly records: RecordStore,
    private readonly hub: EventHub,
    /** This database's epoch, read once at startup. */
    private readonly epoch: string,
    private readonly approvals: ApprovalService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async push(device: AuthedDevice, input: readonly IncomingRecord[]): Promise<RecordPushResult> {
    const nowMs = this.now().getTime();
    for (const r of input) {
      const bounds = valueBoundsProblem(r.data);
      if (bounds) return { outcome: { kind: 'invalid', recordId: r.id, ...bounds }, skipped: [] };
      const problem = shapeProblem(r, nowMs);
      if (problem) return { outcome: problem, skipped: [] };
    }
    // The server's clock judges time: clocks a little ahead are brought back to it ([A4]).
    // Approvals are proofs of the edits as the tablet made them: checked before any clock is clamped.
    const approved = await this.approvals.verifiedRecordApprovals(device.orgId, input);
    const records = input.map((r) => clampClocks(r, nowMs));
    const applied = await this.apply(device.orgId, records, approved);
    if ('outcome' in applied) return applied;
    const { result, written, skipped } = applied;
    const last = Math.max(0, ...written.map((w) => w.seq));
    if (last > 0) this.hub.committed(device.orgId, last, 'records');
    return { outcome: result, skipped };
  }

  /** The batch in one transaction; what the database refuses as data is a 400 naming the record ([S25]). */
  private async apply(
    orgId: string,
    records: readonly IncomingRecord[],
    approved: PlanContext['approved'],
  ): Promise<BatchOutcome<RecordPushOutcome> | RecordPushResult> {
    try {
      return await this.records.applyBatch(
        orgId,
        { ids: records.map((r) => r.id), actorIds: records.map((r) => r.actorId) },
        (ctx) => planRecordPush(orgId, records, { ...ctx, approved }),
      );
    } catch (error) {
      const data = dataErrorOf(error);
      if (!data) throw error;
      const blame = blameDataError(
        data,
        records.map((r) => ({ id: r.id, ...r.data })),
        'records',
      );
      const message = `the database cannot store this: ${data.message}`;
      return { outcome: { kind: 'invalid', field: blame.field, recordId: blame.id, message }, skipped: [] };
    }
  }

  async pull(device: AuthedDevice, req: PullRequest & { kind: RecordKind }): Promise<RecordPullResponse> {
    const serverTime = this.now().toISOString();
    const from = await resumeFrom(this.epoch, req, () => this.records.maxSeq());
    const rows = await this.records.since(device.orgId, req.kind, from, req.limit);
    const documents = rows.map(({ kind, id, data, clocks, seq }) => ({ kind, id, data, clocks, seq }));
    return { documents, checkpoint: { epoch: this.epoch, seq: documents.at(-1)?.seq ?? from }, serverTime };
  }
}
