export * from './fields';
export * from './records';
