/** Test fixtures for FEFO: a Botox-like product, lots and opened containers with defaults. */
import type { ContainerState } from '../ledger/reducer';
import type { Lot, Product } from '../model';
import type { FefoInput } from './rank';

export const BOTOX: Product = {
  id: 'prod-botox',
  orgId: 'org-1',
  name: 'Botox Cosmetic 100 U',
  manufacturer: 'Allergan Aesthetics',
  category: 'neurotoxin',
  baseUnit: 'U',
  containerSizeMilli: 100_000,
  containersPerPack: 1,
  gtins: [],
  hibccCodes: [],
  patientPricePerUnitCents: 1400,
  minStockMilli: 0,
  beyondUseHours: 24,
  supplier: 'Allergan Aesthetics',
  drawStepMilli: null,
  archived: false,
  family: 'Botox Cosmetic',
  reorderQuantityMilli: 0,
  preferredSupplierId: null,
};

export const HERE = 'loc-main';

export function makeLot(overrides: Partial<Lot> & { id: string }): Lot {
  return {
    orgId: 'org-1',
    productId: BOTOX.id,
    lotNumber: overrides.id.toUpperCase(),
    expiry: '2025-12-31',
    unitCostMicros: 6_500_000,
    status: 'available',
    ...overrides,
  };
}

export function makeContainer(
  overrides: Partial<ContainerState> & { containerId: string; lotId: string },
): ContainerState {
  return {
    locationId: HERE,
    openedAt: '2025-03-10T13:00:00.000Z',
    capacityMilli: 100_000,
    usedMilli: 0,
    remainingMilli: 100_000,
    ...overrides,
  };
}

export function fefoInput(overrides: Partial<FefoInput> = {}): FefoInput {
  return {
    product: BOTOX,
    locationId: HERE,
    lots: [],
    lotBalances: {},
    firstReceivedAt: {},
    containers: [],
    nowMs: Date.parse('2025-03-10T15:00:00.000Z'),
    utcOffsetMinutes: -300,
    ...overrides,
  };
}
