import { useEffect } from 'react';
import type { SessionStaff } from '../../platform/session';
import { RequireStaff } from '../signin/RequireStaff';
import { StartVisit } from './StartVisit';
import { useTreat } from './treat-store';
import { VisitPanel } from './VisitPanel';

/**
 * Treat: the injector's screen at the chair. Works with the network off. An open visit belongs
 * to the person who opened it: after a switch, the next person starts at the visit list.
 */
export function TreatScreen() {
  return (
    <div data-testid="screen-treat">
      <RequireStaff action="treat">{(staff) => <TreatFor staff={staff} />}</RequireStaff>
    </div>
  );
}

function TreatFor({ staff }: { staff: SessionStaff }) {
  const { visitId, ownerId, closeVisit } = useTreat();
  const owned = visitId !== null && ownerId === staff.id;
  useEffect(() => {
    if (visitId !== null && ownerId !== staff.id) closeVisit();
  }, [visitId, ownerId, staff.id, closeVisit]);
  return owned ? <VisitPanel visitId={visitId} staff={staff} /> : <StartVisit staff={staff} />;
}
