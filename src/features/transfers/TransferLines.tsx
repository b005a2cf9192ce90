import { lazy, Suspense, useState } from 'react';
import { formatQuantity, parseQuantity } from '../../domain/quantity';
import type { Lot, Product } from '../../domain/model';
import { addArrivalScan, NO_ARRIVALS, type ArrivalCount, type Transfer } from '../../domain/transfers';
import type { ScanOutcome } from '../../scan/flow';

// The camera and decoder load when first opened, as on Treat and Receive.
const Scanner = lazy(() => import('../scanner/Scanner'));

export interface LotInfo {
  lot: Lot;
  product: Product;
}

type LotInfoOf = (lotId: string) => LotInfo | null;

const label = (info: LotInfo | null, lotId: string) =>
  info ? `${info.product.name} · lot ${info.lot.lotNumber}` : `lot ${lotId.slice(0, 8)}`;
const amount = (milli: number | null, info: LotInfo | null) =>
  milli === null ? '—' : info ? formatQuantity(milli, info.product.baseUnit) : String(milli / 1000);

/** A transfer's lots: sent, and received once it has been. */
export function TransferLines({ transfer, lotInfo }: { transfer: Transfer; lotInfo: LotInfoOf }) {
  const received = transfer.receivedAt !== null;
  return (
    <table className="transfer__lines">
      <thead>
        <tr>
          <th scope="col">Product and lot</th>
          <th scope="col">Sent</th>
          {received ? <th scope="col">Received</th> : null}
        </tr>
      </thead>
      <tbody>
        {transfer.lines.map((line) => {
          const info = lotInfo(line.lotId);
          return (
            <tr
              key={line.lotId}
              className={received && line.receivedMilli !== line.sentMilli ? 'transfer__short' : ''}
            >
              <th scope="row">{label(info, line.lotId)}</th>
              <td>{amount(line.sentMilli, info)}</td>
              {received ? <td>{amount(line.receivedMilli, info)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface ReceiveProps {
  transfer: Transfer;
  lotInfo: LotInfoOf;
  /** Resolves with a problem to show, or null once received. */
  onReceive: (arrived: Map<string, number>, reason: string) => Promise<string | null>;
  onCancel: () => void;
}

/** What arrived, per lot (prefilled with what was sent), and why it differs ([TR3]). */
export function ReceiveTransferForm({ transfer, lotInfo, onReceive, onCancel }: ReceiveProps) {
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [count, setCount] = useState<ArrivalCount | null>(null);
  const numberOf = (milli: number, info: LotInfo | null) =>
    info ? (formatQuantity(milli, info.product.baseUnit).split(' ')[0] ?? '') : '';
  /** Scanning counts what arrived from zero, one carton at a time ([TR5]). */
  const startScanning = () => {
    setCount(count ?? NO_ARRIVALS);
    if (!count)
      setTexts(Object.fromEntries(transfer.lines.map((l) => [l.lotId, numberOf(0, lotInfo(l.lotId))])));
    setScanning(true);
  };
  const onScan = (outcome: ScanOutcome) => {
    const match = outcome.match;
    const serial = outcome.identification?.serial;
    const next = addArrivalScan(transfer, count ?? NO_ARRIVALS, {
      product: match?.product ?? null,
      level: match?.level ?? null,
      lot: match?.lot ?? null,
      ...(serial !== undefined ? { serial } : {}),
    });
    setCount(next);
    setTexts(
      Object.fromEntries(
        transfer.lines.map((l) => [l.lotId, numberOf(next.arrivedMilli.get(l.lotId) ?? 0, lotInfo(l.lotId))]),
      ),
    );
  };
  const receive = async () => {
    const arrived = new Map<string, number>();
    for (const line of transfer.lines) {
      const info = lotInfo(line.lotId);
      const text = texts[line.lotId];
      if (text === undefined || !info) continue;
      const parsed = parseQuantity(text, info.product.baseUnit);
      if (!parsed.ok) return setProblem(`${label(info, line.lotId)}: ${parsed.error.message}`);
      arrived.set(line.lotId, parsed.value);
    }
    setBusy(true);
    try {
      setProblem(await onReceive(arrived, reason));
    } catch (e) {
      setProblem(`Nothing was stored: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="transfer__receive" data-testid="transfer-receive-form">
      <table className="transfer__lines">
        <thead>
          <tr>
            <th scope="col">Product and lot</th>
            <th scope="col">Sent</th>
            <th scope="col">Arrived</th>
          </tr>
        </thead>
        <tbody>
          {transfer.lines.map((line) => {
            const info = lotInfo(line.lotId);
            const sentText = numberOf(line.sentMilli, info);
            return (
              <tr key={line.lotId}>
                <th scope="row">{label(info, line.lotId)}</th>
                <td>{amount(line.sentMilli, info)}</td>
                <td>
                  <input
                    data-testid={`transfer-arrived-${info?.lot.lotNumber ?? line.lotId}`}
                    aria-label={`Arrived of ${label(info, line.lotId)}`}
                    inputMode="decimal"
                    value={texts[line.lotId] ?? sentText}
                    onChange={(e) => setTexts({ ...texts, [line.lotId]: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {scanning ? (
        <Suspense fallback={<p aria-busy="true">Opening the camera…</p>}>
          <Scanner heading="Scan what arrived" onIdentified={onScan} onClose={() => setScanning(false)} />
        </Suspense>
      ) : (
        <button
          type="button"
          className="button button--ghost"
          data-testid="transfer-scan"
          onClick={startScanning}
        >
          Scan what arrived
        </button>
      )}
      {count?.note ? (
        <p role="status" data-testid="transfer-scan-note">
          {count.note}
        </p>
      ) : null}
      <label className="field">
        <span>Why it differs (if it does)</span>
        <input data-testid="transfer-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {problem ? (
        <p className="error" role="alert" data-testid="transfer-problem">
          {problem}
        </p>
      ) : null}
      <div className="transfer__actions">
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          Back
        </button>
        <button
          type="button"
          className="button"
          data-testid="transfer-receive-confirm"
          onClick={receive}
          disabled={busy}
        >
          Confirm what arrived
        </button>
      </div>
    </div>
  );
}
