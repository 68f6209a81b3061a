// The story worker's entry: a worker thread starts with no TypeScript loader, so it
// registers tsx as bin/newsdesk.js does, then runs generate-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./generate-worker.ts');
