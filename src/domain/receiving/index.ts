export * from './draft';
export * from './confirm';
export * from './serials';
