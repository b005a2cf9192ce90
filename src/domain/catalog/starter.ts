/**
 * A starter catalog of common US aesthetic injectables (issue #12, SPEC [CT1]): names, makers,
 * units and container sizes as labelled — no GTINs (they come from the first scan of a carton, or
 * the clinic's price list) and no prices (each clinic sets its own). Pack counts are the usual US
 * carton; a clinic corrects any that differ from its cartons.
 *
 * Importing is idempotent: each starter product's id is derived from the organization and the
 * entry's key (UUIDv5), and an entry whose name the catalog already has is skipped, so importing
 * twice, or on two tablets, creates each product once.
 *
 * Example: a clinic that already has "Botox Cosmetic 100 U" imports → every entry but that one.
 */
import { v5 } from 'uuid';
import type { Product } from '../model';
import { CATALOG_FIELD_DEFAULTS } from './product-defaults';

type Entry = Pick<
  Product,
  'name' | 'manufacturer' | 'category' | 'baseUnit' | 'containerSizeMilli' | 'containersPerPack'
>;

const toxin = (name: string, manufacturer: string, units: number): Entry => ({
  name,
  manufacturer,
  category: 'neurotoxin',
  baseUnit: 'U',
  containerSizeMilli: units * 1_000,
  containersPerPack: 1,
});
const filler = (name: string, manufacturer: string, mlMilli: number, perPack: number): Entry => ({
  name,
  manufacturer,
  category: 'filler',
  baseUnit: 'mL',
  containerSizeMilli: mlMilli,
  containersPerPack: perPack,
});

/** Keyed by a stable slug: the key, never the name, makes the id. */
export const STARTER_CATALOG: Readonly<Record<string, Entry>> = {
  'botox-50': toxin('Botox Cosmetic 50 U', 'Allergan Aesthetics', 50),
  'botox-100': toxin('Botox Cosmetic 100 U', 'Allergan Aesthetics', 100),
  'dysport-300': toxin('Dysport 300 U', 'Galderma', 300),
  'xeomin-50': toxin('Xeomin 50 U', 'Merz Aesthetics', 50),
  'xeomin-100': toxin('Xeomin 100 U', 'Merz Aesthetics', 100),
  'jeuveau-100': toxin('Jeuveau 100 U', 'Evolus', 100),
  'daxxify-100': toxin('Daxxify 100 U', 'Revance', 100),
  'juvederm-ultra-xc': filler('Juvéderm Ultra XC 1 mL', 'Allergan Aesthetics', 1_000, 2),
  'juvederm-ultra-plus-xc': filler('Juvéderm Ultra Plus XC 1 mL', 'Allergan Aesthetics', 1_000, 2),
  'juvederm-voluma-xc': filler('Juvéderm Voluma XC 1 mL', 'Allergan Aesthetics', 1_000, 2),
  'juvederm-vollure-xc': filler('Juvéderm Vollure XC 1 mL', 'Allergan Aesthetics', 1_000, 2),
  'juvederm-volbella-xc': filler('Juvéderm Volbella XC 0.55 mL', 'Allergan Aesthetics', 550, 2),
  'restylane-l': filler('Restylane-L 1 mL', 'Galderma', 1_000, 1),
  'restylane-lyft': filler('Restylane Lyft 1 mL', 'Galderma', 1_000, 1),
  'restylane-kysse': filler('Restylane Kysse 1 mL', 'Galderma', 1_000, 1),
  'restylane-defyne': filler('Restylane Defyne 1 mL', 'Galderma', 1_000, 1),
  'restylane-refyne': filler('Restylane Refyne 1 mL', 'Galderma', 1_000, 1),
  'belotero-balance': filler('Belotero Balance 1 mL', 'Merz Aesthetics', 1_000, 1),
  'radiesse-1-5': {
    name: 'Radiesse 1.5 mL',
    manufacturer: 'Merz Aesthetics',
    category: 'biostimulator',
    baseUnit: 'mL',
    containerSizeMilli: 1_500,
    containersPerPack: 1,
  },
  sculptra: {
    name: 'Sculptra vial',
    manufacturer: 'Galderma',
    category: 'biostimulator',
    baseUnit: 'each',
    containerSizeMilli: 1_000,
    containersPerPack: 1,
  },
};

/** Variants of one product sold in several sizes ([CT4]): each its own product, one family. */
const STARTER_FAMILIES: Readonly<Record<string, string>> = {
  'botox-50': 'Botox Cosmetic',
  'botox-100': 'Botox Cosmetic',
  'xeomin-50': 'Xeomin',
  'xeomin-100': 'Xeomin',
};

/** The starter entry's product id in an organization: the same on every tablet. */
export const starterProductId = (orgId: string, key: string) => v5(`starter-catalog|${key}`, orgId);

const sameName = (a: string, b: string) =>
  a.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase() ===
  b.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** The products an import adds: every entry the catalog has neither by id nor by name. */
export function starterProductsToAdd(
  orgId: string,
  existing: readonly Pick<Product, 'id' | 'name'>[],
): Product[] {
  const out: Product[] = [];
  for (const [key, entry] of Object.entries(STARTER_CATALOG)) {
    const id = starterProductId(orgId, key);
    if (existing.some((p) => p.id === id || sameName(p.name, entry.name))) continue;
    out.push({
      ...entry,
      id,
      orgId,
      gtins: [],
      hibccCodes: [],
      patientPricePerUnitCents: null,
      minStockMilli: 0,
      beyondUseHours: null,
      supplier: '',
      drawStepMilli: null,
      ...CATALOG_FIELD_DEFAULTS,
      family: STARTER_FAMILIES[key] ?? '',
    });
  }
  return out;
}
