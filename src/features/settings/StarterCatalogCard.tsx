import { useState } from 'react';
import { STARTER_CATALOG } from '../../domain/catalog/starter';
import { can } from '../../domain/roles';
import { now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { activeStaff, useSession } from '../../platform/session';

/**
 * The starter catalog ([CT1]) in one tap, for managers and admins: common US injectables with
 * their makers, units and container sizes; GTINs come with the first scan, prices are the clinic's.
 */
export function StarterCatalogCard() {
  const data = useData();
  const staff = activeStaff(useSession(), now());
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!staff || !can(staff.role, 'manage_catalog')) return null;
  const count = Object.keys(STARTER_CATALOG).length;
  async function importAll() {
    if (!staff) return;
    setBusy(true);
    try {
      const added = await data.products.importStarter({
        deviceId: data.deviceId,
        actorId: staff.id,
        nowMs: now(),
        role: staff.role,
      });
      setNote(
        added.length === 0
          ? 'Every starter product is already in the catalog.'
          : `Added ${added.length} product${added.length === 1 ? '' : 's'}; the rest were already in the catalog.`,
      );
    } catch (error) {
      setNote(`Nothing was added: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" data-testid="starter-catalog-card">
      <h3>Starter catalog</h3>
      <p className="muted">
        {count} common US injectables — Botox, Dysport, Xeomin, Jeuveau, Daxxify, the Juvéderm and Restylane
        fillers, Belotero, Radiesse, Sculptra — with makers, units and container sizes. No GTINs (the first
        scan of a carton adds them) and no prices (set your own). Products already in the catalog are not
        added again.
      </p>
      <button
        type="button"
        className="button"
        data-testid="import-starter"
        disabled={busy}
        onClick={() => void importAll()}
      >
        Add the starter catalog
      </button>
      {note ? (
        <p role="status" data-testid="starter-note">
          {note}
        </p>
      ) : null}
    </section>
  );
}
