export * from './sentiment.js';
export * from './heat.js';
export * from './matching.js';
export * from './screening.js';
