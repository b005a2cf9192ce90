import { RequireStaff } from '../signin/RequireStaff';
import { StartVisit } from './StartVisit';
import { useTreat } from './treat-store';
import { VisitPanel } from './VisitPanel';

/** Treat: the injector's screen at the chair. Works with the network off. */
export function TreatScreen() {
  const visitId = useTreat((s) => s.visitId);
  return (
    <div data-testid="screen-treat">
      <RequireStaff action="treat">
        {(staff) => (visitId ? <VisitPanel visitId={visitId} staff={staff} /> : <StartVisit staff={staff} />)}
      </RequireStaff>
    </div>
  );
}
