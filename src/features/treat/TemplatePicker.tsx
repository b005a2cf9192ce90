import { useMemo } from 'react';
import { pickableTemplates } from '../../domain/templates';
import type { TreatmentTemplate } from '../../domain/model';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import type { QueuedLine } from './treat-store';

/**
 * The clinic's treatment templates as tiles ([TT1], [TT2]): one tap adds the area to the visit and
 * pre-fills its draws; nothing is recorded until the injector confirms each. Not shown when the
 * clinic has none.
 */
export function TemplatePicker({
  busy,
  onPick,
}: {
  busy: boolean;
  onPick: (template: TreatmentTemplate) => void;
}) {
  const data = useData();
  const all = useObservable<TreatmentTemplate[]>(() => data.templates.watch(), [], [data]);
  const templates = useMemo(() => pickableTemplates(all), [all]);
  if (templates.length === 0) return null;
  return (
    <section className="card" aria-labelledby="template-picker-title">
      <h3 id="template-picker-title">Treatment templates</h3>
      <div className="tiles">
        {templates.map((t) => (
          <button
            key={t.id}
            type="button"
            className="tile"
            disabled={busy}
            data-testid={`template-${t.id}`}
            onClick={() => onPick(t)}
          >
            <strong>{t.name}</strong>
            <span>{t.treatmentArea}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

/**
 * Where the picked template stands: the draw being confirmed and how many are left; skipping one
 * records nothing for it ([TT2]).
 */
export function TemplateQueue({
  queue,
  productName,
  onSkip,
}: {
  queue: QueuedLine[];
  productName: (id: string) => string;
  onSkip: (line: QueuedLine) => void;
}) {
  const [head] = queue;
  if (!head) return null;
  return (
    <section className="card template-queue" data-testid="template-queue" aria-live="polite">
      <p>
        <strong>{head.templateName}</strong>: confirm the draw of {productName(head.productId)}
        {queue.length > 1 ? ` (${queue.length - 1} more after this)` : ''}.
      </p>
      <button
        type="button"
        className="button button--ghost"
        data-testid="template-skip"
        onClick={() => onSkip(head)}
      >
        Skip this draw
      </button>
    </section>
  );
}
