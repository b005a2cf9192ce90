import { EmptyState } from '../../ui/EmptyState';

export function TreatScreen() {
  return (
    <div data-testid="screen-treat">
      <EmptyState title="Treat">
        <p>
          Start a visit, scan or pick the product, and Chairside suggests the vial to use first — an opened
          vial, then the lot that expires soonest. Record each draw (40 U, 0.4 mL) against the patient&apos;s
          chart reference, with its exact cost.
        </p>
        <p>Works with no Wi-Fi. Coming in the next release.</p>
      </EmptyState>
    </div>
  );
}
