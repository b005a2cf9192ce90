import { lazy, Suspense, useEffect, useState } from 'react';
import { newId, now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import type { Candidate } from '../../domain/fefo/rank';
import type { Product } from '../../domain/model';
import type { ScanOutcome } from '../../scan/flow';
import { can } from '../../domain/roles';
import { DrawPad } from './DrawPad';
import { LotChooser, type Pick } from './LotChooser';
import { ProductPicker } from './ProductPicker';
import { ScanResult } from './ScanResult';
import { useTreat } from './treat-store';
import { useLocations } from './useLocations';
import { useFefo, useVisit, useVisitSummary } from './useVisitData';
import { recordDraw, undoEvent, wasteLeftover, type VisitCommandContext } from './visit-commands';
import { VisitSummaryView } from './VisitSummaryView';

// The scanner (camera, worker, parser) loads on first use, never with the app shell.
const Scanner = lazy(() => import('../scanner/Scanner'));

/** One visit at the chair: product → FEFO vial → amount → recorded, with the running COGS. */
export function VisitPanel({ visitId, staff }: { visitId: string; staff: SessionStaff }) {
  const data = useData();
  const visit = useVisit(visitId);
  const { productId, chooseProduct, closeVisit } = useTreat();
  const products = useObservable<Product[]>(() => data.products.watch(), [], [data]);
  const product = products.find((p) => p.id === productId) ?? null;
  const people = useObservable(() => data.staff.watch(), [], [data]);
  const locations = useLocations();
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'someone not on this tablet';
  const ranking = useFefo(product, visit?.locationId);
  const summary = useVisitSummary(visit);
  const [pick, setPick] = useState<Pick | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanOpen, setScanOpen] = useState(false);
  const [lastScan, setLastScan] = useState<ScanOutcome | null>(null);
  /** The lot a scan identified, picked in the LotChooser once its ranking is loaded (SPEC [SC5]). */
  const [scanLotId, setScanLotId] = useState<string | null>(null);

  // The visit is gone from this tablet (another tab, a reset): go back to starting one.
  useEffect(() => {
    if (visit === null) closeVisit();
  }, [visit, closeVisit]);
  if (!visit) return <div aria-busy="true" />;

  /** A scan selects the product and asks the LotChooser to pick the scanned lot by its rules. */
  function onScanned(scan: ScanOutcome) {
    setLastScan(scan);
    const found = scan.match?.product;
    if (!scan.parsed.ok || !found || scan.combine === 'ignored-partial') return;
    chooseProduct(found.id);
    setPick(null);
    setError(null);
    // A lot on file with another expiry is shown, never picked for the injector (SPEC [SC9]).
    setScanLotId(scan.match?.lotState === 'known' ? (scan.match.lot?.id ?? null) : null);
    // The camera stops once the pack is identified; typed and wedge entries keep the panel open.
    if (scan.identification?.complete && scan.source === 'camera') setScanOpen(false);
  }

  const commands: VisitCommandContext = { data, actorId: staff.id, deviceId: data.deviceId, now, newId };

  async function record(quantityMilli: number) {
    if (!pick || !product || !visit || !ranking) return;
    setBusy(true);
    try {
      const outcome = await recordDraw(commands, { visit, product, ranking, pick, quantityMilli });
      if (!outcome.ok) return setError(outcome.message);
      setPick(null);
      setError(null);
    } catch (e) {
      setError(`Not recorded: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function waste(c: Candidate) {
    if (visit) await wasteLeftover(commands, visit, c);
  }

  return (
    <div className="visit">
      <header className="visit__header">
        <h2 data-testid="visit-header">Visit · {visit.patientChartRef}</h2>
        <p className="muted" data-testid="visit-owner">
          Provider {nameOf(visit.providerId)} ·{' '}
          {locations?.find((l) => l.id === visit.locationId)?.name ?? visit.locationId} ·{' '}
          {visit.treatmentAreas.join(', ') || 'No areas noted'}
        </p>
        <button
          type="button"
          className="button button--ghost"
          data-testid="finish-visit"
          onClick={closeVisit}
        >
          Done with this visit
        </button>
      </header>
      <div className="row">
        <button
          type="button"
          className="button"
          data-testid="open-scanner"
          aria-pressed={scanOpen}
          onClick={() => setScanOpen(!scanOpen)}
        >
          {scanOpen ? 'Close scanner' : 'Scan'}
        </button>
      </div>
      {scanOpen ? (
        <Suspense fallback={<p aria-busy="true">Loading the scanner…</p>}>
          <Scanner onIdentified={onScanned} onClose={() => setScanOpen(false)} />
        </Suspense>
      ) : null}
      {lastScan ? <ScanResult scan={lastScan} staff={staff} visit={visit} onResolved={onScanned} /> : null}
      <ProductPicker
        selectedId={productId}
        onPick={(p) => {
          setScanLotId(null);
          chooseProduct(p.id);
          setPick(null);
          setError(null);
        }}
      />
      {product && ranking && !pick ? (
        <LotChooser
          product={product}
          ranking={ranking}
          preselectLotId={scanLotId}
          onPreselected={() => setScanLotId(null)}
          onPick={(p) => {
            setPick(p);
            setError(null);
          }}
          onWasteLeftover={(c) => void waste(c)}
        />
      ) : null}
      {product && pick ? (
        <DrawPad
          product={product}
          candidate={pick.candidate}
          error={error}
          busy={busy}
          onRecord={(q) => void record(q)}
          onCancel={() => setPick(null)}
        />
      ) : null}
      {summary ? (
        <VisitSummaryView
          summary={summary}
          products={products}
          staffName={nameOf}
          canUndo={(line) => line.actorId === staff.id || can(staff.role, 'undo_others')}
          onUndo={(id) => void undoEvent(commands, id)}
        />
      ) : null}
    </div>
  );
}
