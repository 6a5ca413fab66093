// Worker threads start from plain JavaScript: register tsx first, then load the TypeScript worker.
// (`--import tsx` in a worker's execArgv is not honoured on Node 20.)
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
