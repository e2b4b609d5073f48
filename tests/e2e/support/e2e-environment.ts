import path from 'node:path';

// Shared by playwright.config.ts (which starts the server) and the tests (which reach its database).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, '../../../.data/e2e');
