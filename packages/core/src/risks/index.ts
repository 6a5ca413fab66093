export * from './scoring.js';
export * from './time.js';
export * from './lifecycle.js';
export * from './clocks.js';
export * from './tasks.js';
