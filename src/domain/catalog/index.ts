/** Creating catalog records from scans: drafts, validation, records (SPEC [SC7], [SC8]). */
export * from './errors';
export * from './lot-draft';
export * from './product-defaults';
export * from './product-draft';
