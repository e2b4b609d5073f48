import type { ErrorRegistry } from '@prisma/driver-adapter-utils';
import { WasmEnginePanic } from './wasm-panic';

/** The `data` of a JSON-RPC error as Prisma's CLI reads it from the native engine. */
export interface EngineErrorData {
  is_panic: boolean;
  message: string;
  error_code?: string;
  meta?: unknown;
}

/** An error our own code raises with a Prisma error code (P1003, P1009 …). */
export class CodedEngineError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'CodedEngineError';
  }
}

const SPAN_TRACE = /\n\s+0: [\s\S]*$/;
const FAILED_MIGRATION = /apply_migration::apply_script\s+with migration_name="([^"]+)"/;
const EXTERNAL_ERROR = /^External error id#(\d+)/;

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function failedMigrationMessage(migrationName: string, databaseError: string): string {
  return [
    'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve',
    `Migration name: ${migrationName}`,
    `Database error:\n${databaseError}`,
  ].join('\n\n');
}

/**
 * Turns whatever the Wasm engine (or our adapter code) threw into the error data of the native engine.
 *
 * The Wasm engine throws `SchemaConnectorError`s: user-facing ones carry `code`; the others carry a Rust
 * span trace after the message, which is noise to a user. A JavaScript error raised inside the adapter
 * reaches us as "External error id#N", resolved through the adapter factory's error registry. A failed
 * migration comes without a code; the native engine reports it as P3018, so do we.
 */
export function describeEngineError(error: unknown, registry?: ErrorRegistry): EngineErrorData {
  if (error instanceof CodedEngineError) {
    return { is_panic: false, message: error.message, error_code: error.errorCode };
  }
  if (error instanceof WasmEnginePanic || error instanceof WebAssembly.RuntimeError) {
    return { is_panic: true, message: error.message };
  }
  const record = asRecord(error);
  const rawMessage = typeof record.message === 'string' ? record.message : String(error);
  if (typeof record.code === 'string') {
    return { is_panic: false, message: rawMessage, error_code: record.code, meta: record.meta ?? null };
  }
  const external = EXTERNAL_ERROR.exec(rawMessage);
  const registered = external?.[1] === undefined ? undefined : registry?.consumeError(Number(external[1]));
  if (registered) return describeEngineError(registered.error);

  const message = rawMessage.replace(SPAN_TRACE, '').replace(/^external connector error\n/, '');
  const failedMigration = FAILED_MIGRATION.exec(rawMessage)?.[1];
  if (failedMigration !== undefined) {
    return { is_panic: false, message: failedMigrationMessage(failedMigration, message), error_code: 'P3018' };
  }
  return { is_panic: false, message };
}
