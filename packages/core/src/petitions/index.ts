export * from './id-number.js';
export * from './vocabulary.js';
export * from './flags.js';
export * from './time-limits.js';
export * from './history.js';
