// A worker thread does not inherit tsx's loader, so register it here before loading the TypeScript worker
// (load-worker.ts for the typing load, drawing-worker.ts for the drawing load: `workerData.script`).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(`./${workerData.script}`, import.meta.url);
