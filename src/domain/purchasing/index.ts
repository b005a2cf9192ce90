export * from './packs';
export * from './receipt-cost';
export * from './po-progress';
export * from './legacy-order';
export * from './order';
export * from './order-receipts';
export * from './packing-slip';
export * from './suggested-order';
