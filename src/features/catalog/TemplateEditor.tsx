import { useState } from 'react';
import { pickable } from '../../domain/catalog/catalog-list';
import type { TemplateLine, TreatmentTemplate } from '../../domain/model';
import { parseQuantity } from '../../domain/quantity';
import { MAX_TEMPLATE_LINES } from '../../domain/schemas/records';
import { checkTemplate, typedAmount } from '../../domain/templates';
import { newId } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { DraftField } from './DraftField';
import type { CatalogData } from './useCatalog';

const FORM = 'template-edit';

/** A line as typed: the product and its amount in the product's unit. */
interface LineText {
  productId: string;
  amount: string;
}

/**
 * One template's name, area, lines and archive flag ([TT3]). Amounts are typed in the product's
 * unit ("20" U, "1" mL) and checked with the template rules before anything is written.
 */
export function TemplateEditor({
  template,
  catalog,
  onSaved,
  onClose,
}: {
  template: TreatmentTemplate | null;
  catalog: CatalogData;
  onSaved: (id: string) => void;
  onClose: () => void;
}) {
  const data = useData();
  const all = catalog.products ?? [];
  // A template's archived product stays in its line (named), but is not offered for new lines.
  const offered = pickable(all);
  const [name, setName] = useState(template?.name ?? '');
  const [area, setArea] = useState(template?.treatmentArea ?? '');
  const [archived, setArchived] = useState(template?.archived ?? false);
  const [lines, setLines] = useState<LineText[]>(() =>
    (template?.lines ?? []).map((l) => {
      const p = all.find((x) => x.id === l.productId);
      return { productId: l.productId, amount: p ? typedAmount(l.quantityMilli, p) : '' };
    }),
  );
  const [message, setMessage] = useState<string | null>(null);
  const readOnly = !catalog.canEdit;

  function parsedLines(): TemplateLine[] | string {
    const out: TemplateLine[] = [];
    for (const [i, line] of lines.entries()) {
      const product = all.find((p) => p.id === line.productId);
      if (!product) return `Line ${i + 1}: choose a product.`;
      const q = parseQuantity(line.amount, product.baseUnit);
      if (!q.ok) return `Line ${i + 1} (${product.name}): ${q.error.message}`;
      out.push({ productId: product.id, quantityMilli: q.value });
    }
    return out;
  }

  async function save() {
    const parsed = parsedLines();
    if (typeof parsed === 'string') return setMessage(parsed);
    const next: TreatmentTemplate = {
      id: template?.id ?? newId(),
      orgId: template?.orgId ?? catalog.orgId,
      name: name.trim(),
      treatmentArea: area.trim(),
      lines: parsed,
      archived,
    };
    const problem = checkTemplate(next, all);
    if (problem) return setMessage(problem.message);
    try {
      await data.templates.save(next, catalog.ctx());
      setMessage(`Saved ${next.name}.`);
      onSaved(next.id);
    } catch (e) {
      setMessage(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const setLine = (i: number, patch: Partial<LineText>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <section
      className="card catalog__detail"
      data-testid={FORM}
      aria-label={template?.name ?? 'New template'}
    >
      <div className="row row--tight">
        <h3>{template?.name ?? 'New template'}</h3>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="catalog__form">
        <DraftField form={FORM} field="name" label="Name (as the Treat screen shows it)" error={null}>
          <input
            data-testid={`${FORM}-name`}
            value={name}
            readOnly={readOnly}
            onChange={(e) => setName(e.target.value)}
          />
        </DraftField>
        <DraftField form={FORM} field="treatmentArea" label="Treatment area added to the visit" error={null}>
          <input
            data-testid={`${FORM}-area`}
            value={area}
            readOnly={readOnly}
            onChange={(e) => setArea(e.target.value)}
          />
        </DraftField>
      </div>
      <h4>What it charts</h4>
      {lines.map((line, i) => {
        const product = all.find((p) => p.id === line.productId);
        return (
          <div key={i} className="row row--tight" data-testid={`${FORM}-line-${i}`}>
            <label className="field">
              <span>Product</span>
              <select
                value={line.productId}
                disabled={readOnly}
                data-testid={`${FORM}-line-${i}-product`}
                onChange={(e) => setLine(i, { productId: e.target.value })}
              >
                <option value="">Choose…</option>
                {(product && product.archived ? [product, ...offered] : offered).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Amount{product ? ` (${product.baseUnit})` : ''}</span>
              <input
                inputMode="decimal"
                value={line.amount}
                readOnly={readOnly}
                data-testid={`${FORM}-line-${i}-amount`}
                onChange={(e) => setLine(i, { amount: e.target.value })}
              />
            </label>
            {readOnly ? null : (
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={`Remove line ${i + 1}`}
                onClick={() => setLines(lines.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            )}
          </div>
        );
      })}
      {lines.length === 0 ? <p className="muted">No products yet.</p> : null}
      {readOnly ? null : (
        <>
          <button
            type="button"
            className="button button--ghost"
            data-testid={`${FORM}-add-line`}
            disabled={lines.length >= MAX_TEMPLATE_LINES}
            onClick={() => setLines([...lines, { productId: '', amount: '' }])}
          >
            Add a product
          </button>
          <label className="catalog__check">
            <input
              type="checkbox"
              checked={archived}
              data-testid={`${FORM}-archived`}
              onChange={(e) => setArchived(e.target.checked)}
            />
            <span>Archived (kept, not offered at the chair)</span>
          </label>
        </>
      )}
      {message ? (
        <p role="status" data-testid={`${FORM}-message`}>
          {message}
        </p>
      ) : null}
      {readOnly ? (
        <p className="muted">Only a manager or admin changes templates.</p>
      ) : (
        <div className="row">
          <button type="button" className="button" data-testid={`${FORM}-save`} onClick={() => void save()}>
            {template ? 'Save changes' : 'Add template'}
          </button>
        </div>
      )}
    </section>
  );
}
