import { EmptyState } from '../../ui/EmptyState';

export function ReportsScreen() {
  return (
    <div data-testid="screen-reports">
      <EmptyState title="Reports">
        <p>
          Cost of goods per visit and per provider, waste by reason, stock valuation, shrinkage with the trail
          of events behind it, and recall look-ups: which visits received lot X.
        </p>
      </EmptyState>
    </div>
  );
}
