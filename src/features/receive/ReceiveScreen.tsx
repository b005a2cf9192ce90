import { lazy, Suspense, useState } from 'react';
import { can } from '../../domain/roles';
import { formatAmount } from '../../domain/catalog/container-word';
import { formatMoney } from '../../domain/money';
import { now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { useObservable } from '../../platform/useObservable';
import { activeStaff, useSession, type SessionStaff } from '../../platform/session';
import { EmptyState } from '../../ui/EmptyState';
import { SignInPanel } from '../signin/SignInPanel';
import { useLocations } from '../treat/useLocations';
import { ReceiptLineCard } from './ReceiptLineCard';
import { ReceiptReview } from './ReceiptReview';
import { useReceipt, type ReceiptState, type Received } from './useReceipt';
import type { Location } from '../../domain/model';
import './receive.css';

// The camera and decoder load when first opened, as on Treat.
const Scanner = lazy(() => import('../scanner/Scanner'));
const NewProductCard = lazy(() => import('../catalog/NewProductCard'));

/**
 * Receive stock ([RC4]-[RC7]): scan each carton as it comes out of the box; the lines fill in by
 * lot, with serials checked; enter the invoice price and free goods; split across locations;
 * review, then one receive event per lot and location.
 */
export function ReceiveScreen() {
  const staff = activeStaff(useSession(), now());
  const locations = useLocations();
  if (!staff)
    return (
      <div data-testid="screen-receive">
        <SignInPanel />
      </div>
    );
  if (locations === null) return <div data-testid="screen-receive" aria-busy="true" />;
  if (locations.length === 0)
    return (
      <div data-testid="screen-receive">
        <EmptyState title="Receive">
          <p>
            This tablet has no locations yet: sync with the clinic&apos;s server or load the demo clinic in
            Settings.
          </p>
        </EmptyState>
      </div>
    );
  return <ReceiveFor key={staff.id} staff={staff} locations={locations} />;
}

function ReceiveFor({ staff, locations }: { staff: SessionStaff; locations: Location[] }) {
  const receipt = useReceipt(staff, locations);
  const [reviewing, setReviewing] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seeCosts = can(staff.role, 'see_costs');
  if (receipt.received)
    return <ReceivedCard received={receipt.received} receipt={receipt} seeCosts={seeCosts} />;
  const { preview } = receipt;
  const problemOf = (key: string) =>
    preview.ok ? null : (preview.problems.find((p) => p.key === key)?.message ?? null);
  // Beside the disabled button: everything still missing, the lines' problems included.
  const reasons = preview.ok ? [] : preview.problems.map((p) => p.message);
  const hasWarnings = receipt.draft.lines.some((l) => l.warnings.length > 0);
  const store = async () => {
    setBusy(true);
    setError(null);
    try {
      await receipt.confirm();
      setReviewing(false);
    } catch (e) {
      setError(`Nothing was stored: ${e instanceof Error ? e.message : String(e)}. Try again.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="receive" data-testid="screen-receive">
      <div className="receive__choose">
        <HeaderCard receipt={receipt} locations={locations} />
        {scanning ? (
          <Suspense fallback={<p aria-busy="true">Loading the scanner…</p>}>
            <Scanner
              heading="Scan cartons"
              onIdentified={receipt.onScan}
              onClose={() => setScanning(false)}
            />
          </Suspense>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="receive-scan"
            onClick={() => setScanning(true)}
          >
            Scan cartons
          </button>
        )}
        {receipt.note ? (
          <p
            key={receipt.note.seq}
            className={receipt.note.tone === 'added' ? 'receive__note' : 'receive__note error'}
            role="status"
            data-testid="receive-note"
          >
            {receipt.note.text}
          </p>
        ) : null}
        {receipt.unknown && can(staff.role, 'manage_catalog') ? (
          <Suspense fallback={<p aria-busy="true">Loading…</p>}>
            <NewProductCard
              key={receipt.unknown.gtin}
              gtin={receipt.unknown.gtin}
              orgId={receipt.orgId}
              staff={staff}
              onCreated={receipt.productKnown}
            />
          </Suspense>
        ) : null}
      </div>
      <div className="receive__act">
        {receipt.draft.lines.length === 0 ? (
          <section className="card">
            <h3>Nothing scanned yet</h3>
            <p className="muted">
              Scan each carton&apos;s code as it comes out of the box, or type it under the camera.
            </p>
          </section>
        ) : (
          <ul className="receipt-lines" aria-label="Lots on this receipt">
            {receipt.draft.lines.map((line) => (
              <ReceiptLineCard
                key={line.key}
                line={line}
                product={receipt.products.get(line.productId)}
                locations={locations}
                split={receipt.splitOf(line)}
                defaultLocationId={receipt.header.locationId}
                problem={problemOf(line.key)}
                onEdit={(edit) => receipt.edit(line.key, edit)}
                onSplit={(split) => receipt.setSplit(line.key, split)}
                onRemove={() => receipt.remove(line.key)}
              />
            ))}
          </ul>
        )}
        {hasWarnings ? (
          <label className="card card--warn receive__accept">
            <input
              type="checkbox"
              data-testid="receipt-accept-warnings"
              checked={receipt.warningsAccepted}
              onChange={(e) => receipt.setWarningsAccepted(e.target.checked)}
            />
            Accept the expired or short-dated lots above (they go into stock flagged).
          </label>
        ) : null}
        {reviewing && preview.ok ? (
          <ReceiptReview
            built={preview}
            products={receipt.products}
            seeCosts={seeCosts}
            busy={busy}
            onConfirm={() => void store()}
            onBack={() => setReviewing(false)}
          />
        ) : (
          <div className="receive__confirm">
            <button
              type="button"
              className="button"
              data-testid="receipt-review-open"
              disabled={!preview.ok}
              aria-describedby={preview.ok ? undefined : 'receipt-problems'}
              onClick={() => setReviewing(true)}
            >
              Review receipt
            </button>
            {reasons.length > 0 && receipt.draft.lines.length > 0 ? (
              <ul id="receipt-problems" className="muted" data-testid="receipt-problems">
                {reasons.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        )}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function HeaderCard({ receipt, locations }: { receipt: ReceiptState; locations: Location[] }) {
  const { header } = receipt;
  const data = useData();
  // The Catalog's suppliers ([CT2]) and the names products carry from before.
  const known = useObservable(() => data.suppliers.watch(), [], [data]);
  const suppliers = [
    ...new Set([
      ...known.map((s) => s.name),
      ...[...receipt.products.values()].map((p) => p.supplier).filter((s) => s !== ''),
    ]),
  ].sort();
  return (
    <section className="card receive__header">
      <h2>Receive stock</h2>
      <div className="receive__fields">
        <label className="field">
          <span>Supplier</span>
          <input
            data-testid="receipt-supplier"
            list="receipt-suppliers"
            value={header.supplier}
            autoComplete="off"
            onChange={(e) => header.setSupplier(e.target.value)}
          />
          <datalist id="receipt-suppliers">
            {suppliers.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>PO number (optional)</span>
          <input
            data-testid="receipt-po"
            value={header.purchaseOrder}
            autoComplete="off"
            placeholder="optional"
            onChange={(e) => header.setPurchaseOrder(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Into stock at</span>
          <select
            data-testid="receipt-location"
            value={header.locationId}
            onChange={(e) => header.setLocationId(e.target.value)}
          >
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}

function ReceivedCard({
  received,
  receipt,
  seeCosts,
}: {
  received: Received;
  receipt: ReceiptState;
  seeCosts: boolean;
}) {
  const { result } = received;
  return (
    <div data-testid="screen-receive">
      <section className="card" data-testid="receipt-done" role="status">
        <h2>Received</h2>
        <ul>
          {result.lines.map(({ line, cost }) => {
            const product = receipt.products.get(line.productId);
            return (
              <li key={line.key}>
                {product?.name} lot {line.lotNumber}:{' '}
                {product ? formatAmount(cost.quantityMilli, product) : ''}
              </li>
            );
          })}
        </ul>
        <p className="muted">
          Into stock at {received.locationNames.join(' and ')}
          {seeCosts ? ` · value ${formatMoney(result.totalCents)}` : ''}.
        </p>
        <button type="button" className="button" data-testid="receipt-another" onClick={receipt.startAnother}>
          Receive another delivery
        </button>
      </section>
    </div>
  );
}
