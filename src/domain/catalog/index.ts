/** Creating catalog records from scans: drafts, validation, records (SPEC [SC7], [SC8]). */
export * from './errors';
export * from './lot-draft';
export * from './product-defaults';
export * from './product-draft';
export * from './catalog-list';
export * from './csv';
export * from './price-history';
export * from './price-import';
export * from './product-import';
export * from './product-text';
export * from './text-match';
export * from './supplier-text';
