/**
 * The sync server's HTTP API as the tablet sees it (SPEC [S1]-[S9]). Every failure becomes a
 * SyncError whose `kind` the UI can explain in plain words; nothing here touches the database.
 */
import type { LedgerEvent } from '../domain/model';
import type { RecordKind } from '../domain/replica';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type Checkpoint,
  type DemoServerInfo,
  type EnrollCodeCreated,
  type EnrollCodeStatus,
  type EnrollRequest,
  type EnrollResponse,
  type EventPullResponse,
  type EventPushRequest,
  type EventPushResponse,
  type PushedRecord,
  type RecordPullResponse,
  type RecordPushRequest,
  type RecordPushResponse,
} from '../domain/sync/wire';

export type SyncErrorKind =
  'offline' | 'unauthorized' | 'upgrade_required' | 'forbidden' | 'bad_request' | 'server';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export interface ApiClient {
  baseUrl: string;
  token: string | null;
  fetch: typeof fetch;
}

function headers(client: ApiClient): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': 'application/json',
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  };
  if (client.token) h.authorization = `Bearer ${client.token}`;
  return h;
}

async function call<T>(client: ApiClient, path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await client.fetch(`${client.baseUrl}${path}`, {
      ...init,
      headers: { ...headers(client), ...(init.headers ?? {}) },
    });
  } catch (error) {
    throw new SyncError(
      'offline',
      `Cannot reach the sync server: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const reason =
    typeof body === 'object' && body !== null && 'error' in body
      ? String((body as { error: unknown }).error)
      : response.statusText;
  if (response.status === 401)
    throw new SyncError(
      'unauthorized',
      `This tablet is not enrolled or its access was revoked (${reason}).`,
      401,
      body,
    );
  if (response.status === 426)
    throw new SyncError(
      'upgrade_required',
      'A newer version of Chairside is required to sync. Update the app; nothing is lost meanwhile.',
      426,
      body,
    );
  if (response.status === 403) throw new SyncError('forbidden', `The server refused: ${reason}`, 403, body);
  if (response.status === 400)
    throw new SyncError('bad_request', `The server could not accept the data: ${reason}`, 400, body);
  throw new SyncError('server', `Sync server error ${response.status}: ${reason}`, response.status, body);
}

export function enroll(client: ApiClient, code: string, deviceName: string): Promise<EnrollResponse> {
  return call(client, '/api/v1/devices/enroll', {
    method: 'POST',
    body: JSON.stringify({ code, deviceName } satisfies EnrollRequest),
  });
}

/** An admin's one-time code for another tablet ([S1]); `client.token` is the admin token. */
export function createEnrollCode(client: ApiClient, locationIds: string[]): Promise<EnrollCodeCreated> {
  return call(client, '/api/v1/admin/enroll-codes', {
    method: 'POST',
    body: JSON.stringify({ locationIds }),
  });
}

/** What became of a code ([S22]); `client.token` is the admin token. */
export function enrollCodeStatus(client: ApiClient, id: string): Promise<EnrollCodeStatus> {
  return call(client, `/api/v1/admin/enroll-codes/${encodeURIComponent(id)}`);
}

/**
 * Whether the server runs the demo and would give this browser a demo code ([S23]); null for a
 * clinic's server (404) or when it cannot be reached — the first run then just asks for a code.
 */
export async function demoServerInfo(client: ApiClient): Promise<DemoServerInfo | null> {
  try {
    return await call<DemoServerInfo>(client, '/api/v1/demo');
  } catch {
    return null;
  }
}

export function demoEnrollCode(client: ApiClient): Promise<EnrollCodeCreated> {
  return call(client, '/api/v1/demo/enroll-code', { method: 'POST', body: '{}' });
}

export function pushEvents(client: ApiClient, events: LedgerEvent[]): Promise<EventPushResponse> {
  const body: EventPushRequest = { events };
  return call(client, '/api/v1/events/push', { method: 'POST', body: JSON.stringify(body) });
}

export function pullEvents(
  client: ApiClient,
  checkpoint: Checkpoint | null,
  limit: number,
): Promise<EventPullResponse> {
  const query = new URLSearchParams({
    epoch: checkpoint?.epoch ?? '',
    seq: String(checkpoint?.seq ?? 0),
    limit: String(limit),
  });
  return call(client, `/api/v1/events/pull?${query.toString()}`);
}

export function pushRecords(client: ApiClient, records: PushedRecord[]): Promise<RecordPushResponse> {
  const body: RecordPushRequest = { records };
  return call(client, '/api/v1/records/push', { method: 'POST', body: JSON.stringify(body) });
}

export function pullRecords(
  client: ApiClient,
  kind: RecordKind,
  checkpoint: Checkpoint | null,
  limit: number,
): Promise<RecordPullResponse> {
  const query = new URLSearchParams({
    kind,
    epoch: checkpoint?.epoch ?? '',
    seq: String(checkpoint?.seq ?? 0),
    limit: String(limit),
  });
  return call(client, `/api/v1/records/pull?${query.toString()}`);
}
