import { CodedEngineError } from './engine-error';
import { databaseNameOf } from './database-url';

function serverOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}`;
}

/**
 * Gives errors from `pg` the Prisma codes the native engine uses, with credential-free messages.
 * Prisma's CLI reacts to P1003 ("database does not exist") by creating the database.
 */
export function toConnectionError(error: unknown, url: string): Error {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const database = databaseNameOf(url);
  const server = serverOf(url);
  switch (code) {
    case '3D000':
      return new CodedEngineError('P1003', `Database \`${database}\` does not exist on the database server at \`${server}\`.`);
    case '42P04':
      return new CodedEngineError('P1009', `Database \`${database}\` already exists on the database server at \`${server}\``);
    case '28P01':
      return new CodedEngineError('P1000', `Authentication failed against database server at \`${server}\`, the provided database credentials are not valid.`);
    case '28000':
    case '42501':
      return new CodedEngineError('P1010', `User was denied access on the database \`${database}\``);
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return new CodedEngineError('P1001', `Can't reach database server at \`${server}\``);
    default:
      return error instanceof Error ? error : new Error(typeof message === 'string' ? message : String(error));
  }
}
