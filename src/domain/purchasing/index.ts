export * from './packs';
export * from './receipt-cost';
export * from './po-progress';
export * from './legacy-order';
