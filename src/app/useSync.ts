/**
 * Runs sync while this tablet is enrolled. Started after the database opened and the shell
 * rendered, so a tablet with no network boots exactly as fast as one with it.
 */
import { useEffect, useState } from 'react';
import type { Enrollment } from '../sync/enrollment';
import { readEnrollment } from '../sync/enrollment';
import { connect } from '../sync/connection';
import { useLocal } from './DatabaseContext';
import { now } from '../platform/clock';
import { useEnrollmentVersion } from '../platform/enrollment-version';
import type { SyncErrorKind } from '../sync/api';
import { useSyncStatus, type Connection } from './sync-status';

/** Mounted once by the shell. */
export function useSync(): Enrollment | null {
  const { db, deviceId } = useLocal();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const version = useEnrollmentVersion((s) => s.version);

  useEffect(() => {
    let live = true;
    void readEnrollment(db).then((e) => live && setEnrollment(e));
    return () => {
      live = false;
    };
  }, [db, version]);

  useEffect(() => {
    const status = useSyncStatus.getState();
    if (!enrollment) {
      status.setConnection('not_enrolled');
      return undefined;
    }
    status.setConnection(navigator.onLine ? 'connecting' : 'offline');
    const running = connect(
      db,
      { baseUrl: enrollment.baseUrl, token: enrollment.token, fetch: (...args) => fetch(...args) },
      deviceId,
      {
        onLive: () => useSyncStatus.getState().setConnection('live'),
        onOffline: () => useSyncStatus.getState().setConnection('offline'),
        onPulled: ({ serverTime, receivedAtMs }) =>
          useSyncStatus.getState().notePull(serverTime, receivedAtMs),
        onError: (error) =>
          useSyncStatus
            .getState()
            .setConnection(connectionAfter(error.kind), error.kind === 'offline' ? null : error.message),
      },
      now,
    );
    return () => void running.stop();
  }, [db, deviceId, enrollment]);

  return enrollment;
}

/** How a failed sync step shows in the header: offline and "update required" are states, not faults. */
function connectionAfter(kind: SyncErrorKind): Connection {
  if (kind === 'offline') return 'offline';
  return kind === 'upgrade_required' ? 'update_required' : 'error';
}
