export * from './hlc';
export * from './merge';
export * from './kinds';
export * from './lot-id';
