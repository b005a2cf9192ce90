import { useState } from 'react';
import { parseCsv, type CsvTable } from '../../domain/catalog/csv';
import type { RowError } from '../../domain/catalog/product-import';
import type { SessionStaff } from '../../platform/session';
import { useBringIntoView } from '../../ui/useBringIntoView';
import { OwnPin } from './OwnPin';

/** What a file would import: shown as a preview before anything is written. */
export interface ImportPreview {
  /** Good rows to write. */
  readonly count: number;
  /** e.g. "12 new products, 3 changed, 1 unchanged". */
  readonly summary: string;
  readonly header: readonly string[];
  /** The first good rows, as they will be stored. */
  readonly sample: readonly (readonly string[])[];
  readonly errors: readonly RowError[];
  readonly unknownColumns: readonly string[];
  /** What needs the importer's PIN ([A5]: prices to patients change), or null. */
  readonly needsApproval: string | null;
  /** Writes every good row in one write; throws (and writes nothing) on failure. */
  readonly commit: (approvalKey?: Uint8Array) => Promise<void>;
}

const SAMPLE_ROWS = 5;

/**
 * CSV import with a preview ([CT5]): choose a file, see what it would do — the good rows, and
 * each bad row by row number and field — then import the good rows at once, or cancel.
 */
export function CsvImport({
  testId,
  title,
  help,
  prepare,
  onDone,
  staff,
  orgId,
}: {
  staff: SessionStaff;
  orgId: string;
  testId: string;
  title: string;
  help: string;
  prepare: (table: CsvTable) => ImportPreview;
  onDone: () => void;
}) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  // The import card, then its preview, is what needs an answer next: brought into view ([T6]).
  const ref = useBringIntoView<HTMLElement>(preview);

  async function read(file: File | undefined) {
    setPreview(null);
    setDone(null);
    setProblem(null);
    if (!file) return;
    const parsed = parseCsv(await file.text());
    if (!parsed.ok) setProblem(parsed.error);
    else setPreview(prepare(parsed.table));
  }

  async function commit(p: ImportPreview, approvalKey?: Uint8Array) {
    setAsking(false);
    if (p.needsApproval && !approvalKey) {
      setAsking(true);
      return;
    }
    setBusy(true);
    try {
      await p.commit(approvalKey);
      setDone(
        `Imported ${p.count} ${p.count === 1 ? 'row' : 'rows'}.${p.errors.length > 0 ? ` ${p.errors.length} not imported (listed above).` : ''}`,
      );
    } catch (e) {
      setProblem(`Nothing was imported: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid={testId} ref={ref} tabIndex={-1}>
      <div className="row row--tight">
        <h3>{title}</h3>
        <button type="button" className="button button--ghost button--small" onClick={onDone}>
          Close
        </button>
      </div>
      <p className="muted">{help}</p>
      <label className="field">
        <span>CSV file (UTF-8, comma or semicolon)</span>
        <input
          data-autofocus
          type="file"
          accept=".csv,text/csv"
          data-testid={`${testId}-file`}
          onChange={(e) => void read(e.currentTarget.files?.[0])}
        />
      </label>
      {problem ? (
        <p role="alert" className="error" data-testid={`${testId}-problem`}>
          {problem}
        </p>
      ) : null}
      {preview ? <PreviewView testId={testId} preview={preview} /> : null}
      {preview && asking ? (
        <OwnPin
          staff={staff}
          orgId={orgId}
          what={preview.needsApproval ?? ''}
          onApproved={(key) => void commit(preview, key)}
          onCancel={() => setAsking(false)}
        />
      ) : null}
      {preview && !done ? (
        <div className="row">
          <button
            type="button"
            className="button"
            data-testid={`${testId}-confirm`}
            disabled={busy || preview.count === 0}
            onClick={() => void commit(preview)}
          >
            Import {preview.count} {preview.count === 1 ? 'row' : 'rows'}
          </button>
        </div>
      ) : null}
      {done ? (
        <p role="status" data-testid={`${testId}-done`}>
          {done}
        </p>
      ) : null}
    </section>
  );
}

function PreviewView({ testId, preview }: { testId: string; preview: ImportPreview }) {
  return (
    <div data-testid={`${testId}-preview`}>
      <p className="catalog__summary">
        <strong data-testid={`${testId}-summary`}>{preview.summary}</strong>
        {preview.errors.length > 0 ? (
          <span className="pill pill--bad" data-testid={`${testId}-error-count`}>
            {new Set(preview.errors.map((e) => e.row)).size} rows with errors
          </span>
        ) : null}
      </p>
      {preview.unknownColumns.length > 0 ? (
        <p className="muted">Ignored columns: {preview.unknownColumns.join(', ')}</p>
      ) : null}
      {preview.errors.length > 0 ? (
        <div className="table-scroll">
          <table className="table table--compact" data-testid={`${testId}-errors`}>
            <thead>
              <tr>
                <th>Row</th>
                <th>Field</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e, i) => (
                <tr key={`${e.row}-${e.field}-${i}`} data-testid={`${testId}-error`} data-row={e.row}>
                  <td>{e.row}</td>
                  <td>{e.field}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.sample.length > 0 ? (
        <div className="table-scroll">
          <table className="table table--compact">
            <caption className="muted">
              First {Math.min(SAMPLE_ROWS, preview.sample.length)} rows to import
            </caption>
            <thead>
              <tr>
                {preview.header.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.slice(0, SAMPLE_ROWS).map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
