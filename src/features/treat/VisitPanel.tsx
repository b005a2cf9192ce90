import { lazy, Suspense, useEffect, useState } from 'react';
import { map } from 'rxjs';
import { useLocal } from '../../app/DatabaseContext';
import { newId, now } from '../../app/runtime';
import type { SessionStaff } from '../../app/session';
import { useObservable } from '../../app/useObservable';
import { recordEvents } from '../../db/repositories/balances';
import { markProductUsed } from '../../db/repositories/recent';
import { isFefoDeviation } from '../../domain/fefo/deviation';
import { leftoverWasteEvent } from '../../domain/fefo/leftovers';
import type { Candidate } from '../../domain/fefo/rank';
import { makeCorrection } from '../../domain/ledger/correction';
import type { Product } from '../../domain/model';
import { buildDrawEvents, checkDraw } from '../../domain/treatment/draw';
import { fromEventDoc } from '../../db/repositories/events';
import type { ScanOutcome } from '../../scan/flow';
import { DrawPad } from './DrawPad';
import { LotChooser, type Pick } from './LotChooser';
import { ProductPicker } from './ProductPicker';
import { ScanResult } from './ScanResult';
import { useTreat } from './treat-store';
import { useFefo, useVisit, useVisitSummary } from './useVisitData';
import { VisitSummaryView } from './VisitSummaryView';

// The scanner (camera, worker, parser) loads on first use, never with the app shell.
const Scanner = lazy(() => import('../scanner/Scanner'));

/** One visit at the chair: product → FEFO vial → amount → recorded, with the running COGS. */
export function VisitPanel({ visitId, staff }: { visitId: string; staff: SessionStaff }) {
  const { db, deviceId } = useLocal();
  const visit = useVisit(visitId);
  const { productId, chooseProduct, closeVisit } = useTreat();
  const products = useObservable<Product[]>(
    () => db.products.find().$.pipe(map((d) => d.map((x) => x.toMutableJSON()))),
    [],
    [db],
  );
  const product = products.find((p) => p.id === productId) ?? null;
  const [version, setVersion] = useState(0);
  const ranking = useFefo(product, visit?.locationId, version);
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
    // Re-read FEFO: a lot just created from this scan may carry stock that arrived before it.
    setVersion((v) => v + 1);
    // The camera stops once the pack is identified; typed and wedge entries keep the panel open.
    if (scan.identification?.complete && scan.source === 'camera') setScanOpen(false);
  }

  async function record(quantityMilli: number) {
    if (!pick || !product || !visit || !ranking) return;
    const deviation =
      isFefoDeviation(ranking.suggestion, pick.candidate) && pick.candidate.blockers.length === 0;
    const problem = checkDraw(
      { candidate: pick.candidate, quantityMilli, override: pick.override, product },
      deviation,
      pick.deviationReason,
    );
    if (problem) return setError(problem.message);
    setBusy(true);
    try {
      const events = buildDrawEvents({
        product,
        visit,
        candidate: pick.candidate,
        quantityMilli,
        actorId: staff.id,
        deviceId,
        deviceTime: new Date(now()).toISOString(),
        newId,
        deviationReason: pick.deviationReason,
        override: pick.override,
      });
      await recordEvents(db, events);
      await markProductUsed(db, product.id);
      setPick(null);
      setError(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setError(`Not recorded: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function undo(eventId: string) {
    const doc = await db.events.findOne(eventId).exec();
    if (!doc) return;
    const correction = makeCorrection(fromEventDoc(doc.toMutableJSON()), {
      id: newId(),
      actorId: staff.id,
      deviceId,
      deviceTime: new Date(now()).toISOString(),
      reason: 'undone at the chair',
    });
    await recordEvents(db, [correction]);
    setVersion((v) => v + 1);
  }

  async function wasteLeftover(c: Candidate) {
    if (!c.containerId || !visit) return;
    const leftover = {
      containerId: c.containerId,
      lotId: c.lotId,
      locationId: visit.locationId,
      remainingMilli: c.availableMilli,
      beyondUseAtMs: c.useByMs,
    };
    await recordEvents(db, [
      leftoverWasteEvent(leftover, {
        id: newId(),
        orgId: visit.orgId,
        actorId: staff.id,
        deviceId,
        deviceTime: new Date(now()).toISOString(),
      }),
    ]);
    setVersion((v) => v + 1);
  }

  return (
    <div className="visit">
      <header className="visit__header">
        <h2 data-testid="visit-header">Visit · {visit.patientChartRef}</h2>
        <p className="muted">{visit.treatmentAreas.join(', ') || 'No areas noted'}</p>
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
          onWasteLeftover={(c) => void wasteLeftover(c)}
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
        <VisitSummaryView summary={summary} products={products} onUndo={(id) => void undo(id)} />
      ) : null}
    </div>
  );
}
