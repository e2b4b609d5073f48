import type { CliDatasource, OneShotCommand } from './cli-arguments';
import { toConnectionError } from './connection-error';
import { assertCanConnect, createDatabase, dropDatabase } from './database-admin';
import { CodedEngineError, describeEngineError } from './engine-error';
import { writeLogLine } from './stderr-log';

const commands: Record<OneShotCommand, (url: string) => Promise<unknown>> = {
  'can-connect-to-database': assertCanConnect,
  'create-database': createDatabase,
  'drop-database': dropDatabase,
};

/**
 * `schema-engine cli <command>`: exit 0 on success. On failure Prisma's CLI parses stderr as JSON
 * lines, skipping the first one, and looks for an ERROR line carrying `error_code` and `message`.
 */
export async function runCliCommand(command: OneShotCommand, { url }: CliDatasource): Promise<number> {
  writeLogLine('INFO', { message: `Starting schema engine CLI command ${command}` }, 'schema_engine');
  try {
    if (!url) throw new CodedEngineError('P1012', 'The datasource has no URL: set datasource.url in prisma.config.ts.');
    await commands[command](url);
    return 0;
  } catch (error) {
    const { message, error_code } = describeEngineError(url ? toConnectionError(error, url) : error);
    writeLogLine('ERROR', { message, ...(error_code ? { error_code } : {}) });
    return 1;
  }
}
