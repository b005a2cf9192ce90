import { useState } from 'react';
import { combineLatest } from 'rxjs';
import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';
import { can } from '../../domain/roles';
import type { Location, Lot, Product } from '../../domain/model';
import type { ProductStockGroup } from '../../domain/stock/view';
import type { Transfer } from '../../domain/transfers';
import { ReceiveTransferForm, TransferLines, type LotInfo } from './TransferLines';
import { SendTransferCard } from './SendTransferCard';
import { useTransferStamp } from './useTransferStamp';
import './transfers.css';

interface Props {
  staff: SessionStaff;
  /** The locations the Stock screen shows (one, or all the person may see). */
  shown: readonly Location[];
  /** In stock at the shown location, when exactly one is shown (what can be sent). */
  inStock: readonly ProductStockGroup[] | null;
}

function useLotInfo(): (lotId: string) => LotInfo | null {
  const data = useData();
  const [lots, products] = useObservable<[Lot[], Product[]]>(
    () => combineLatest([data.lots.watch(), data.products.watch()]),
    [[], []],
    [data],
  );
  const byId = new Map(lots.map((l) => [l.id, l]));
  const productsById = new Map(products.map((p) => [p.id, p]));
  return (lotId) => {
    const lot = byId.get(lotId);
    const product = lot ? productsById.get(lot.productId) : undefined;
    return lot && product ? { lot, product } : null;
  };
}

/**
 * Transfers on the Stock screen ([TR1]-[TR4]): what is on its way here (receive it), what was sent
 * from here and has not arrived (cancel it), the last ones received with a difference, and
 * sending stock to another location.
 */
export function TransfersPanel({ staff, shown, inStock }: Props) {
  const data = useData();
  // Every location of the clinic, for names and destinations (not only those this person works at).
  const places = useObservable(() => data.stock.watchLocations(), null, [data]);
  const locations = places?.locations ?? shown;
  const transfers = useObservable<Transfer[]>(() => data.transfers.watch(), [], [data]);
  const lotInfo = useLotInfo();
  const [sending, setSending] = useState(false);
  const [receiving, setReceiving] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const stamp = useTransferStamp(staff, shown[0]?.orgId ?? '');
  const mayTransfer = can(staff.role, 'transfer');
  const shownIds = new Set(shown.map((l) => l.id));
  const nameOf = (id: string) => locations.find((l) => l.id === id)?.name ?? 'another location';
  const arriving = transfers.filter((t) => t.status === 'in_transit' && shownIds.has(t.toLocationId));
  const outgoing = transfers.filter((t) => t.status === 'in_transit' && shownIds.has(t.fromLocationId));
  const differences = transfers
    .filter((t) => t.status === 'received_with_difference')
    .filter((t) => shownIds.has(t.toLocationId) || shownIds.has(t.fromLocationId))
    .slice(0, 5);
  const source = shown.length === 1 ? shown[0] : undefined;
  const destinations = locations.filter((l) => l.id !== source?.id);

  const cancel = async (t: Transfer) => {
    const reason = window.prompt('Why is this transfer cancelled?')?.trim() ?? '';
    if (reason === '') return;
    const plan = await data.transfers.cancel(t.transferId, reason, stamp());
    setNotice(plan.ok ? `Cancelled: the stock is back at ${nameOf(t.fromLocationId)}.` : plan.problem);
  };

  if (sending && source && inStock)
    return (
      <SendTransferCard
        staff={staff}
        from={source}
        destinations={destinations}
        products={inStock}
        onCancel={() => setSending(false)}
        onDone={(message) => {
          setSending(false);
          setNotice(message);
        }}
      />
    );
  const nothing = arriving.length === 0 && outgoing.length === 0 && differences.length === 0;
  if (nothing && !(mayTransfer && source && destinations.length > 0) && !notice) return null;
  return (
    <section className="card transfers" data-testid="transfers" aria-label="Transfers">
      <div className="transfers__head">
        <h3>Transfers</h3>
        {mayTransfer && source && destinations.length > 0 ? (
          <button
            type="button"
            className="button button--ghost"
            data-testid="transfer-start"
            onClick={() => setSending(true)}
          >
            Send stock…
          </button>
        ) : null}
      </div>
      {notice ? (
        <p role="status" data-testid="transfer-notice">
          {notice}
        </p>
      ) : null}
      {arriving.map((t) => (
        <article key={t.transferId} className="transfer" data-testid="transfer-arriving">
          <h4>
            On its way from {nameOf(t.fromLocationId)} to {nameOf(t.toLocationId)} · sent{' '}
            {t.sentAt.slice(0, 10)}
          </h4>
          {receiving === t.transferId ? (
            <ReceiveTransferForm
              transfer={t}
              lotInfo={lotInfo}
              onCancel={() => setReceiving(null)}
              onReceive={async (arrived, reason) => {
                const plan = await data.transfers.receive(t.transferId, arrived, reason, stamp());
                if (plan.ok) {
                  setReceiving(null);
                  setNotice(`Received at ${nameOf(t.toLocationId)}.`);
                }
                return plan.ok ? null : plan.problem;
              }}
            />
          ) : (
            <>
              <TransferLines transfer={t} lotInfo={lotInfo} />
              {mayTransfer ? (
                <button
                  type="button"
                  className="button"
                  data-testid="transfer-receive"
                  onClick={() => setReceiving(t.transferId)}
                >
                  Receive
                </button>
              ) : null}
            </>
          )}
        </article>
      ))}
      {outgoing.map((t) => (
        <article key={t.transferId} className="transfer" data-testid="transfer-outgoing">
          <h4>
            In transit to {nameOf(t.toLocationId)} · sent {t.sentAt.slice(0, 10)}
          </h4>
          <TransferLines transfer={t} lotInfo={lotInfo} />
          {mayTransfer ? (
            <button
              type="button"
              className="button button--ghost"
              data-testid="transfer-cancel"
              onClick={() => void cancel(t)}
            >
              Cancel transfer
            </button>
          ) : null}
        </article>
      ))}
      {differences.map((t) => (
        <article
          key={t.transferId}
          className="transfer transfer--difference"
          data-testid="transfer-difference"
        >
          <h4>
            Received with a difference at {nameOf(t.toLocationId)} · {t.reason}
          </h4>
          <TransferLines transfer={t} lotInfo={lotInfo} />
        </article>
      ))}
    </section>
  );
}
