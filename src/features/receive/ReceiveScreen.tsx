import { lazy, Suspense, useState } from 'react';
import { can } from '../../domain/roles';
import { now } from '../../platform/clock';
import { activeStaff, useSession, type SessionStaff } from '../../platform/session';
import { EmptyState } from '../../ui/EmptyState';
import { SignInPanel } from '../signin/SignInPanel';
import { useLocations } from '../treat/useLocations';
import { ReceiptLineCard } from './ReceiptLineCard';
import { ReceiptReview } from './ReceiptReview';
import { HeaderCard, ReceivedCard } from './ReceiptHeaderCard';
import { OrdersPanel } from './orders/OrdersPanel';
import { PackingSlipCard } from './orders/PackingSlipCard';
import { useReceipt } from './useReceipt';
import type { Location, PurchaseOrder } from '../../domain/model';
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

type Tab = 'receive' | 'orders';

/** Receiving a delivery, or the purchase orders ([PO1]-[PO3]): one toggle, the same screen. */
function ReceiveFor({ staff, locations }: { staff: SessionStaff; locations: Location[] }) {
  const receipt = useReceipt(staff, locations);
  const [tab, setTab] = useState<Tab>('receive');
  const receiveAgainst = (order: PurchaseOrder) => {
    receipt.header.chooseOrder(order.id);
    setTab('receive');
  };
  const tabs = (
    <div className="segmented receive__tabs" role="radiogroup" aria-label="Receive or purchase orders">
      {(['receive', 'orders'] as const).map((t) => (
        <button
          key={t}
          type="button"
          role="radio"
          aria-checked={tab === t}
          className="button button--ghost"
          data-testid={`receive-tab-${t}`}
          onClick={() => setTab(t)}
        >
          {t === 'receive' ? 'Receive a delivery' : 'Purchase orders'}
        </button>
      ))}
    </div>
  );
  if (tab === 'orders')
    return (
      <div data-testid="screen-receive">
        {tabs}
        <OrdersPanel staff={staff} orgId={receipt.orgId} locations={locations} onReceive={receiveAgainst} />
      </div>
    );
  return (
    <>
      {receipt.received ? null : tabs}
      <ReceiveDelivery staff={staff} locations={locations} receipt={receipt} />
    </>
  );
}

function ReceiveDelivery({
  staff,
  locations,
  receipt,
}: {
  staff: SessionStaff;
  locations: Location[];
  receipt: ReturnType<typeof useReceipt>;
}) {
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
        {receipt.slip ? <PackingSlipCard slip={receipt.slip} products={receipt.products} /> : null}
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
                orderPriceCents={receipt.orderPriceOf(line.productId)}
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
