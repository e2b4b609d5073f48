// A worker thread does not inherit tsx's loader, so register it here before loading the TypeScript worker.
import { tsImport } from 'tsx/esm/api';

await tsImport('./load-worker.ts', import.meta.url);
