import { EmptyState } from '../../ui/EmptyState';

export function CountScreen() {
  return (
    <div data-testid="screen-count">
      <EmptyState title="Count">
        <p>
          Count the fridge with the camera. Partial vials are entered as remaining units or mL, treatments
          keep going while you count, and the variance — expected against counted, in dollars — waits for a
          manager to post.
        </p>
      </EmptyState>
    </div>
  );
}
