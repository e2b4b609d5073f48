/**
 * The schema engine's stderr protocol: one JSON object per line, the shape of Rust's tracing JSON output.
 * Prisma's CLI collects `fields.message` of every line and reads `fields.error_code` from ERROR lines
 * whose target is `schema_engine::logger`.
 */
export type LogLevel = 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';

export const ERROR_TARGET = 'schema_engine::logger';

export function writeLogLine(level: LogLevel, fields: { message: string } & Record<string, unknown>, target = ERROR_TARGET): void {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target })}\n`);
}

/** The Wasm engine already logs in that shape; pass its lines through, one per line. */
export function forwardEngineLog(line: string): void {
  const trimmed = line.trim();
  if (trimmed !== '') process.stderr.write(`${trimmed}\n`);
}
