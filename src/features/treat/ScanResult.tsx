import { lazy, Suspense, useLayoutEffect } from 'react';
import type { SessionStaff } from '../../platform/session';
import type { Visit } from '../../domain/model';
import type { ScanOutcome } from '../../scan/flow';

// Matching follow-ups (new lot/product forms, warnings) load with the first scan, not the app shell.
const ScanFollowUp = lazy(() => import('./ScanFollowUp'));

const FLAG_LABEL: Record<string, string> = {
  expired: 'Expired',
  recalled: 'Recalled',
  hold: 'On hold',
  quarantine: 'Quarantined',
};

/** What the scan result and its follow-up (new lot / new product / warnings) work from. */
export interface ScanResultProps {
  scan: ScanOutcome;
  staff: SessionStaff;
  visit: Pick<Visit, 'orgId' | 'locationId'>;
  onResolved: (scan: ScanOutcome) => void;
}

/**
 * What the last scan identified (SPEC [SC5]): GTIN, lot and expiry as plain text, the product it
 * matched, expired and recalled lots in red; then ScanFollowUp: a lot on file with another expiry
 * ([SC9]), a new lot or product to confirm right here ([SC7], [SC8]) — `onResolved` receives the
 * scan matched again once it exists, so the visit continues as for a known lot.
 */
export function ScanResult({
  scan,
  staff,
  visit,
  onResolved,
  onDismiss,
}: ScanResultProps & { onDismiss: () => void }) {
  const match = scan.match;
  // The bench measures camera start → this render (scan.camera_to_result_ms).
  useLayoutEffect(() => {
    performance.mark('chairside:scan-result');
  }, [scan]);
  const bad = !scan.parsed.ok || (match?.flags.length ?? 0) > 0;
  return (
    <section className={bad ? 'card card--warn' : 'card'} aria-live="polite" data-testid="scan-result-card">
      <div className="row row--tight">
        <h3>{scan.parsed.ok ? 'Scanned' : 'Not read'}</h3>
        <button
          type="button"
          className="button button--ghost button--small"
          data-testid="scan-result-dismiss"
          aria-label="Dismiss the scan result"
          onClick={onDismiss}
        >
          Dismiss
        </button>
      </div>
      {scan.parsed.ok ? (
        <Identified scan={scan} staff={staff} visit={visit} onResolved={onResolved} />
      ) : (
        // A code that could not be read says only that: the previous code's details are not
        // shown under it (SPEC [SC13]).
        <p role="alert" className="error" data-testid="scan-error">
          Could not read “{scan.raw}”: {scan.parsed.error.message}
        </p>
      )}
    </section>
  );
}

/** What a readable code named: GTIN, lot, expiry, the product, flags, then the follow-up. */
function Identified({ scan, staff, visit, onResolved }: ScanResultProps) {
  const id = scan.identification;
  const match = scan.match;
  return (
    <>
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
      {scan.combine === 'ignored-partial' ? (
        <p className="muted">Already identified; the partial code was ignored.</p>
      ) : null}
      <Suspense fallback={null}>
        <ScanFollowUp scan={scan} staff={staff} visit={visit} onResolved={onResolved} />
      </Suspense>
    </>
  );
}
