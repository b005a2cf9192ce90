/**
 * The catalog fields a product gets when nothing says otherwise ([MD10], [CT3], [CT4]): active,
 * no variant family, no reorder quantity, no preferred supplier — the values older copies read with.
 */
import type { Product } from '../model';

export type CatalogFields = Pick<
  Product,
  'archived' | 'family' | 'reorderQuantityMilli' | 'preferredSupplierId'
>;

export const CATALOG_FIELD_DEFAULTS: Readonly<CatalogFields> = {
  archived: false,
  family: '',
  reorderQuantityMilli: 0,
  preferredSupplierId: null,
};
