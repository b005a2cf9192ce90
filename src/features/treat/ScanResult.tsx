import { useLayoutEffect } from 'react';
import type { ScanOutcome } from '../../scan/flow';

const FLAG_LABEL: Record<string, string> = {
  expired: 'Expired',
  recalled: 'Recalled',
  hold: 'On hold',
  quarantine: 'Quarantined',
};

/**
 * What the last scan identified (SPEC [SC5]): GTIN, lot and expiry as plain text, the product it
 * matched, and warnings — expired and recalled lots in red. An unknown GTIN shows the "new
 * product" panel pre-filled with what the code said.
 */
export function ScanResult({ scan }: { scan: ScanOutcome }) {
  const id = scan.identification;
  const match = scan.match;
  // The bench measures camera start → this render (scan.camera_to_result_ms).
  useLayoutEffect(() => {
    performance.mark('chairside:scan-result');
  }, [scan]);
  const bad = (match?.flags.length ?? 0) > 0;
  return (
    <section className={bad ? 'card card--warn' : 'card'} aria-live="polite">
      <h3>Scanned</h3>
      <p data-testid="scan-result">
        GTIN {id?.gtin ?? '—'} · Lot {id?.lot ?? '—'} · Expiry {id?.expiry ?? '—'}
        {id?.serial ? ` · Serial ${id.serial}` : ''}
      </p>
      {match?.product ? (
        <p data-testid="scan-product">
          {match.product.name} ({match.level === 'carton' ? 'carton' : 'unit'} code)
        </p>
      ) : null}
      {match?.flags.map((f) => (
        <span key={f} className="pill pill--bad" data-testid={`scan-flag-${f}`}>
          {FLAG_LABEL[f] ?? f}
        </span>
      ))}
      {!scan.parsed.ok ? (
        <p role="alert" className="error" data-testid="scan-error">
          Could not read “{scan.raw}”: {scan.parsed.error.message}
        </p>
      ) : null}
      {scan.combine === 'ignored-partial' ? (
        <p className="muted">Already identified; the partial code was ignored.</p>
      ) : null}
      {match?.unknownProduct ? (
        <div className="card card--warn" data-testid="scan-new-product">
          <strong>New product?</strong> This code is not in the catalog. What it says: GTIN {id?.gtin ?? '—'}
          {id?.hibcc ? ` · HIBC ${id.hibcc.labeler} ${id.hibcc.product}` : ''} · lot {id?.lot ?? '—'} · expiry{' '}
          {id?.expiry ?? '—'}. Ask a manager to add it before use.
        </div>
      ) : null}
      <ul className="list">
        {(match?.messages ?? []).map((m) => (
          <li key={m} className={bad ? 'error' : 'muted'}>
            {m}
          </li>
        ))}
      </ul>
    </section>
  );
}
