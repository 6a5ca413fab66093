export * from './amount.js';
export * from './case-number.js';
export * from './case-row.js';
export * from './court-case.js';
export * from './csv.js';
export * from './parties.js';
