import { lazy, Suspense } from 'react';
import { now, utcOffsetMinutes } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import type { Lot, Product } from '../../domain/model';
import { can } from '../../domain/roles';
import type { ScanOutcome } from '../../scan/flow';
import { expiryMismatchMessage, unknownProductMessage } from '../../scan/match';
import type { ScanResultProps } from './ScanResult';
import { rematch } from '../../scan/rematch';

// The forms load only when a scan needs one.
const NewLotCard = lazy(() => import('../catalog/NewLotCard'));
const NewProductCard = lazy(() => import('../catalog/NewProductCard'));

/** "No stock here" for a known lot that this location never received (SPEC [SC10]). */
function StockHere({ lot, locationId }: { lot: Lot; locationId: string }) {
  const data = useData();
  const onHand = useObservable<number | null>(() => data.lots.watchOnHand(lot.id, locationId), null, [
    data,
    lot.id,
    locationId,
  ]);
  if (onHand === null || onHand > 0) return null;
  return (
    <p role="alert" className="error" data-testid="scan-no-stock">
      No stock of lot {lot.lotNumber} is recorded at this location, so it cannot be drawn here. Receive the
      carton first, or pick a lot that is in stock.
    </p>
  );
}

/** What to do about a product the catalog lacks: add it (catalog managers) or ask for it (SPEC [SC8]). */
function UnknownProduct({
  scan,
  staff,
  orgId,
  onCreated,
}: {
  scan: ScanOutcome;
  staff: SessionStaff;
  orgId: string;
  onCreated: (product: Product) => void;
}) {
  const id = scan.identification;
  const said = `GTIN ${id?.gtin ?? '—'}${id?.hibcc ? ` · HIBC ${id.hibcc.labeler} ${id.hibcc.product}` : ''} · lot ${id?.lot ?? '—'} · expiry ${id?.expiry ?? '—'}`;
  if (!id?.gtin) {
    return (
      <p className="card card--warn" data-testid="scan-unknown-product">
        This code ({said}) names a product the catalog cannot match: the catalog knows products by GTIN. Pick
        the product below.
      </p>
    );
  }
  if (!can(staff.role, 'manage_catalog')) {
    return (
      <p role="alert" className="card card--warn" data-testid="scan-ask-manager">
        <strong>Not in the catalog.</strong> Ask a manager to add this product ({said}). Until then it cannot
        be recorded.
      </p>
    );
  }
  return (
    <Suspense fallback={<p aria-busy="true">Loading…</p>}>
      <NewProductCard gtin={id.gtin} orgId={orgId} staff={staff} onCreated={onCreated} />
    </Suspense>
  );
}

/**
 * What to do about a scan beyond showing it (SPEC [SC7]-[SC10]): the expiry-mismatch warning, a new
 * product or lot to confirm, no stock here, and the plain-words messages. Loaded with the first scan
 * result, so matching and the catalog forms stay out of the app shell. `onResolved` receives the
 * scan matched again once a new record exists, so the visit continues as for a known lot.
 */
export function ScanFollowUp({ scan, staff, visit, onResolved }: ScanResultProps) {
  const id = scan.identification;
  const match = scan.match;
  const bad = (match?.flags.length ?? 0) > 0;
  const resolve = (products: Product[], lots: Lot[]) => {
    const nowMs = now();
    onResolved(rematch(scan, { products, lots, nowMs, utcOffsetMinutes: utcOffsetMinutes(nowMs) }));
  };
  const mismatch =
    match?.lotState === 'expiry-mismatch' && match.lot ? expiryMismatchMessage(match.lot, id?.expiry) : null;
  // What the cards above already say is not said again in the list below ([SC13]).
  const saidAbove = new Set([mismatch, match?.unknownProduct && id ? unknownProductMessage(id) : null]);
  return (
    <>
      {mismatch ? (
        <p role="alert" className="error" data-testid="scan-expiry-mismatch">
          <strong>{mismatch}</strong> The lot on file is not changed. Check the carton; if the record is
          wrong, ask a manager to correct it. The lot is not picked automatically.
        </p>
      ) : null}
      {match?.unknownProduct && scan.parsed.ok ? (
        <UnknownProduct scan={scan} staff={staff} orgId={visit.orgId} onCreated={(p) => resolve([p], [])} />
      ) : null}
      {match?.product && match.lotState === 'new' && id ? (
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <NewLotCard
            key={`${match.product.id}|${id.lot ?? ''}`}
            product={match.product}
            identification={id}
            staff={staff}
            onCreated={(lot) => match.product && resolve([match.product], [lot])}
          />
        </Suspense>
      ) : null}
      {match?.lot && match.lotState === 'known' ? (
        <StockHere lot={match.lot} locationId={visit.locationId} />
      ) : null}
      <ul className="list">
        {(match?.messages ?? [])
          .filter((m) => !saidAbove.has(m))
          .map((m) => (
            <li key={m} className={bad ? 'error' : 'muted'}>
              {m}
            </li>
          ))}
      </ul>
    </>
  );
}

export default ScanFollowUp;
