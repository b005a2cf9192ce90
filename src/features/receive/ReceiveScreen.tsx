import { EmptyState } from '../../ui/EmptyState';

export function ReceiveScreen() {
  return (
    <div data-testid="screen-receive">
      <EmptyState title="Receive">
        <p>
          Scan each carton as it arrives: lot, expiry, quantity, unit cost, supplier and purchase order are
          recorded as stock coming in, so every later draw knows what it cost.
        </p>
      </EmptyState>
    </div>
  );
}
