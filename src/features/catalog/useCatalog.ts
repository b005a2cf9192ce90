import { useData } from '../../platform/DataContext';
import type { SessionStaff } from '../../platform/session';
import { now } from '../../platform/clock';
import { useObservable } from '../../platform/useObservable';
import type { Product, Supplier, SupplierPrice } from '../../domain/model';
import { can } from '../../domain/roles';

export interface CatalogData {
  /** Null until loaded. */
  products: Product[] | null;
  suppliers: Supplier[];
  prices: SupplierPrice[];
  /** The signed-in person's organization ('' until their staff record is read). */
  orgId: string;
  /** Managers and admins edit; everyone else reads ([CT2]). */
  canEdit: boolean;
  /** Costs (price lists, receipts) only for roles that may see them ([ST3]). */
  seeCosts: boolean;
  /** The edit context of the signed-in person, at this moment. */
  ctx: (approvalKey?: Uint8Array) => {
    deviceId: string;
    actorId: string;
    nowMs: number;
    role: SessionStaff['role'];
    approvalKey?: Uint8Array;
  };
}

export function useCatalog(staff: SessionStaff): CatalogData {
  const data = useData();
  const products = useObservable<Product[] | null>(() => data.products.watch(), null, [data]);
  const suppliers = useObservable<Supplier[]>(() => data.suppliers.watch(), [], [data]);
  const prices = useObservable<SupplierPrice[]>(() => data.suppliers.watchPrices(), [], [data]);
  const people = useObservable(() => data.staff.watch(), [], [data]);
  const orgId = people.find((p) => p.id === staff.id)?.orgId ?? products?.[0]?.orgId ?? '';
  return {
    products,
    suppliers,
    prices,
    orgId,
    canEdit: can(staff.role, 'manage_catalog'),
    seeCosts: can(staff.role, 'see_costs'),
    ctx: (approvalKey) => ({
      deviceId: data.deviceId,
      actorId: staff.id,
      nowMs: now(),
      role: staff.role,
      ...(approvalKey ? { approvalKey } : {}),
    }),
  };
}
