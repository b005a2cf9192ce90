import { useState } from 'react';
import { FEFO_DEVIATION_LABELS, FEFO_DEVIATION_REASONS } from '../../domain/fefo/deviation';
import { checkDeviation } from '../../domain/fefo/deviation';
import { useBringIntoView } from '../../ui/useBringIntoView';

const REASON_LABEL: Record<string, string> = FEFO_DEVIATION_LABELS;

/**
 * "Why not the suggested lot?" ([F5]): a reason from the list, and for "Other" the words that
 * say it. In view with the reason focused as soon as it is asked ([T6]).
 */
export function DeviationPrompt({
  lotNumber,
  onConfirm,
  onCancel,
}: {
  lotNumber: string;
  onConfirm: (reason: string, note: string | null) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  // Asked again when "Other" adds its field: the field and the confirm button come into view.
  const ref = useBringIntoView<HTMLDivElement>(reason === 'other');
  const problem = checkDeviation(reason, note);
  return (
    <div ref={ref} className="card card--warn step" data-testid="deviation-prompt">
      <label className="field">
        <span>Why not the suggested lot?</span>
        <select
          data-testid="deviation-reason"
          data-autofocus={reason === 'other' ? undefined : true}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        >
          <option value="">Choose a reason…</option>
          {FEFO_DEVIATION_REASONS.map((r) => (
            <option key={r} value={r}>
              {REASON_LABEL[r] ?? r}
            </option>
          ))}
        </select>
      </label>
      {reason === 'other' ? (
        <label className="field">
          <span>Say why (recorded on the draw)</span>
          <input
            data-testid="deviation-note"
            data-autofocus
            autoComplete="off"
            maxLength={200}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
      ) : null}
      <div className="row">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          data-testid="confirm-deviation"
          disabled={problem !== null}
          aria-describedby={problem && reason ? 'deviation-problem' : undefined}
          onClick={() => onConfirm(reason, reason === 'other' ? note.trim() : null)}
        >
          Use lot {lotNumber}
        </button>
      </div>
      {problem && reason ? (
        <p className="error" id="deviation-problem" aria-live="polite">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
