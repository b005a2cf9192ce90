/** Ledger: event rules, corrections and the stock fold. */
export * from './keyed';
export * from './rules';
export * from './correction';
export * from './reducer';
