import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The Wasm stand-in for Prisma's native schema engine (see ./cli.ts). */
export const wasmSchemaEngineLauncher = path.join(here, 'bin', 'schema-engine');

/**
 * Prisma's CLI downloads its native schema engine on first use; where that download is impossible
 * (an offline machine) we point it at the project's Wasm stand-in. A native engine that is present, or
 * one the user chose through PRISMA_SCHEMA_ENGINE_BINARY, always wins.
 */
export function resolveSchemaEngineBinary(projectRoot: string, chosen: string | undefined): string {
  if (chosen) return chosen;
  const enginesDir = path.join(projectRoot, 'node_modules', '@prisma', 'engines');
  const native = existsSync(enginesDir)
    ? readdirSync(enginesDir).find((name) => /^schema-engine-[^.]+(\.exe)?$/.test(name))
    : undefined;
  return native ? path.join(enginesDir, native) : wasmSchemaEngineLauncher;
}
