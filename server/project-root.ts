import path from 'node:path';

/**
 * The project's root folder: the parent of this module's folder. This file is one folder below the root, and so is
 * the production build of the server (`.next/mockloop-server.mjs`, which inlines this module), so the one rule
 * holds for both `npm run dev` (source under tsx) and `npm start` (the build).
 */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
