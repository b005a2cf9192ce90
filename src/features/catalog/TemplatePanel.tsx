import { useState } from 'react';
import { formatQuantity } from '../../domain/quantity';
import type { Product, TreatmentTemplate } from '../../domain/model';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import { TemplateEditor } from './TemplateEditor';
import type { CatalogData } from './useCatalog';

/** "20 U Botox Cosmetic 100 U + 1 mL Juvéderm…": what a template charts, as one line. */
function linesText(template: TreatmentTemplate, products: readonly Product[]): string {
  return template.lines
    .map((line) => {
      const p = products.find((x) => x.id === line.productId);
      return p
        ? `${formatQuantity(line.quantityMilli, p.baseUnit)} ${p.name}`
        : 'a product not on this tablet';
    })
    .join(' + ');
}

/**
 * The treatment templates ([TT3]): a list, archived ones marked, and the chosen one's editor.
 * Managers and admins edit; everyone else reads.
 */
export function TemplatePanel({ catalog }: { catalog: CatalogData }) {
  const data = useData();
  const templates = useObservable<TreatmentTemplate[]>(() => data.templates.watch(), [], [data]);
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const template = templates.find((t) => t.id === open) ?? null;
  const products = catalog.products ?? [];
  return (
    <div className={`catalog__layout${open !== null ? ' catalog__layout--open' : ''}`}>
      <section className="catalog__list" aria-label="Treatment templates">
        <div className="catalog__toolbar">
          <h3>Treatment templates</h3>
          {catalog.canEdit ? (
            <button
              type="button"
              className="button"
              data-testid="template-new"
              onClick={() => setOpen('new')}
            >
              New template
            </button>
          ) : null}
        </div>
        {templates.length === 0 ? <p className="muted">No treatment templates yet.</p> : null}
        <ul className="catalog__items">
          {templates.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="catalog__item"
                aria-pressed={t.id === open}
                data-testid={`template-row-${t.id}`}
                onClick={() => setOpen(t.id)}
              >
                <strong>
                  {t.name}
                  {t.archived ? ' (archived)' : ''}
                </strong>
                <span className="muted">
                  {t.treatmentArea} · {linesText(t, products)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {open !== null ? (
        <TemplateEditor
          key={open}
          template={template}
          catalog={catalog}
          onSaved={setOpen}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
