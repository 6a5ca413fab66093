/**
 * The `@courtrisk/server/screening` entry: what screening a file needs without the server or a
 * database (`courtrisk screen`), so such a caller need not load the package index with Fastify,
 * Kysely and every route.
 */
export { screenFile, writeScreenReport, type ScreenFileResult } from './screen-file.js';
export { chinaToday, systemClock } from '../clock.js';
