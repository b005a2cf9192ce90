import { lazy, Suspense, useEffect, useState } from 'react';
import { newId, now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import type { Candidate } from '../../domain/fefo/rank';
import type { Product, TreatmentTemplate } from '../../domain/model';
import { typedAmount } from '../../domain/templates';
import type { ScanOutcome } from '../../scan/flow';
import { can } from '../../domain/roles';
import { DrawPad } from './DrawPad';
import { LotChooser, plainPick, type Pick } from './LotChooser';
import { ProductPicker } from './ProductPicker';
import { ScanResult } from './ScanResult';
import { applyTemplate } from './template-commands';
import { TemplatePicker, TemplateQueue } from './TemplatePicker';
import { useTreat, type QueuedLine } from './treat-store';
import { useLocations } from './useLocations';
import { useFefoOf, useVisit, useVisitSummary } from './useVisitData';
import { recordDraw, undoEvent, wasteLeftover, type VisitCommandContext } from './visit-commands';
import { VisitHeader } from './VisitHeader';
import { VisitSummaryView } from './VisitSummaryView';
import './visit-layout.css';

// The scanner (camera, worker, parser) loads on first use, never with the app shell.
const Scanner = lazy(() => import('../scanner/Scanner'));

/**
 * One visit at the chair: product → FEFO vial → amount → recorded, with the running COGS. On a
 * landscape tablet, choosing (scan, product, vial) is on the left and acting (the amount pad, the
 * visit's lines) on the right; in portrait they stack. Each step that needs an answer is brought
 * into view ([T6]).
 */
export function VisitPanel({ visitId, staff }: { visitId: string; staff: SessionStaff }) {
  const data = useData();
  const visit = useVisit(visitId);
  const { productId, chooseProduct, closeVisit, queue, queueTemplate, finishQueued, clearQueue } = useTreat();
  const products = useObservable<Product[]>(() => data.products.watch(), [], [data]);
  const product = products.find((p) => p.id === productId) ?? null;
  const people = useObservable(() => data.staff.watch(), [], [data]);
  const locations = useLocations();
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'someone not on this tablet';
  const fefo = useFefoOf(product, visit?.locationId);
  const ranking = fefo?.ranking ?? null;
  const summary = useVisitSummary(visit);
  const [pick, setPick] = useState<Pick | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanOpen, setScanOpen] = useState(false);
  const [lastScan, setLastScan] = useState<ScanOutcome | null>(null);
  /** The lot a scan identified, picked in the LotChooser once its ranking is loaded (SPEC [SC5]). */
  const [scanLotId, setScanLotId] = useState<string | null>(null);
  /** The template's draw at the head of the queue, when it is this product's ([TT2]). */
  const head: QueuedLine | null = queue[0] ?? null;
  const queued = head && head.productId === productId ? head : null;
  /** The queued draw whose FEFO suggestion was already put on the pad (once, so "Choose another" stays). */
  const [prefilled, setPrefilled] = useState<string | null>(null);

  // A template's draw opens the pad on the product's FEFO suggestion, the amount typed in; the
  // injector still records it ([TT2]). Waits for this product's own ranking.
  useEffect(() => {
    if (!queued || pick || scanLotId || prefilled === queued.id || fefo?.productId !== queued.productId)
      return;
    setPrefilled(queued.id);
    if (fefo.ranking.suggestion) setPick(plainPick(fefo.ranking.suggestion));
  }, [queued, pick, scanLotId, prefilled, fefo]);

  // The visit is gone from this tablet (another tab, a reset): go back to starting one.
  useEffect(() => {
    if (visit === null) closeVisit();
  }, [visit, closeVisit]);
  if (!visit) return <div aria-busy="true" />;

  /**
   * The newest scan replaces the last one's result and any question the last one asked (the
   * reason, a manager's approval): one result at a time (SPEC [SC13]). A scan that names a product
   * selects it and asks the LotChooser to pick the scanned lot by its rules.
   */
  function onScanned(scan: ScanOutcome) {
    setLastScan(scan);
    if (!scan.parsed.ok || scan.combine === 'ignored-partial') return;
    setPick(null);
    setError(null);
    const found = scan.match?.product;
    // A scan of another product than the template's next one ends the template's draws.
    if (found?.id !== head?.productId) clearQueue();
    chooseProduct(found?.id ?? null);
    if (!found) return setScanLotId(null);
    // A lot on file with another expiry is shown, never picked for the injector (SPEC [SC9]).
    setScanLotId(scan.match?.lotState === 'known' ? (scan.match.lot?.id ?? null) : null);
    // The camera stops once the pack is identified; typed and wedge entries keep the panel open.
    if (scan.identification?.complete && scan.source === 'camera') setScanOpen(false);
  }

  const commands: VisitCommandContext & { data: typeof data } = {
    data,
    actorId: staff.id,
    deviceId: data.deviceId,
    now,
    newId,
  };

  async function record(quantityMilli: number) {
    if (!pick || !product || !visit || !ranking) return;
    setBusy(true);
    try {
      const chartedMilli = queued?.chartedMilli ?? null;
      const outcome = await recordDraw(commands, {
        visit,
        product,
        ranking,
        pick,
        quantityMilli,
        chartedMilli,
      });
      if (!outcome.ok) return setError(outcome.message);
      setPick(null);
      setError(null);
      if (queued) finishQueued(queued.id);
    } catch (e) {
      setError(`Not recorded: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  async function pickTemplate(template: TreatmentTemplate) {
    if (!visit) return;
    setBusy(true);
    try {
      const lines = await applyTemplate(commands, visit, template, products);
      setPick(null);
      setError(null);
      setScanLotId(null);
      queueTemplate(lines);
    } catch (e) {
      setError(`Template not applied: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  function skip(line: QueuedLine) {
    setPick(null);
    setError(null);
    finishQueued(line.id);
  }

  async function waste(c: Candidate) {
    if (visit) await wasteLeftover(commands, visit, c);
  }

  return (
    <div className="visit">
      <VisitHeader
        visit={visit}
        providerName={nameOf(visit.providerId)}
        locationName={locations?.find((l) => l.id === visit.locationId)?.name ?? visit.locationId}
        summary={summary}
        products={products}
        scanOpen={scanOpen}
        onScan={() => setScanOpen(true)}
        onDone={closeVisit}
      />
      <div className="visit__choose">
        {scanOpen ? (
          <Suspense fallback={<p aria-busy="true">Loading the scanner…</p>}>
            <Scanner onIdentified={onScanned} onClose={() => setScanOpen(false)} />
          </Suspense>
        ) : null}
        {lastScan ? (
          <ScanResult
            key={lastScan.seq}
            scan={lastScan}
            staff={staff}
            visit={visit}
            onResolved={onScanned}
            onDismiss={() => setLastScan(null)}
          />
        ) : null}
        <TemplatePicker busy={busy} onPick={(t) => void pickTemplate(t)} />
        {error && !pick ? (
          <p role="alert" className="error" data-testid="template-error">
            {error}
          </p>
        ) : null}
        <TemplateQueue
          queue={queue}
          productName={(id) => products.find((p) => p.id === id)?.name ?? 'a product not on this tablet'}
          onSkip={skip}
        />
        <ProductPicker
          selectedId={productId}
          onPick={(p) => {
            // Choosing another product by hand ends the template's draws.
            if (p.id !== head?.productId) clearQueue();
            setScanLotId(null);
            chooseProduct(p.id);
            setPick(null);
            setError(null);
          }}
        />
        {product && ranking && !pick ? (
          <LotChooser
            // A new scan starts the choice afresh: no question from an earlier scan stays open.
            key={`${product.id}|${lastScan?.seq ?? 0}`}
            orgId={visit.orgId}
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
      </div>
      <div className="visit__act">
        {product && pick ? (
          <DrawPad
            // A new pre-filled draw starts with its own amount typed in.
            key={`${pick.candidate.lotId}|${pick.candidate.containerId ?? ''}|${queued?.id ?? ''}`}
            charted={
              queued
                ? { templateName: queued.templateName, typed: typedAmount(queued.chartedMilli, product) }
                : null
            }
            product={product}
            candidate={pick.candidate}
            pick={pick}
            staffName={nameOf}
            error={error}
            busy={busy}
            onRecord={(q) => void record(q)}
            onCancel={() => setPick(null)}
          />
        ) : (
          <p className="card muted visit__next" data-testid="visit-next-step">
            {product ? `Choose the ${product.name} to draw from.` : 'Scan a carton or choose a product.'}
          </p>
        )}
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
    </div>
  );
}
