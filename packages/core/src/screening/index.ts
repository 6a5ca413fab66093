export * from './automaton.js';
export * from './decimal-yuan.js';
export * from './negation.js';
export * from './rule-schema.js';
export * from './parse-rule-pack.js';
export * from './screening-input.js';
export * from './finding.js';
export type { Screener } from './evaluate.js';
export * from './compile.js';
