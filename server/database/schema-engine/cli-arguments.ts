import { parseArgs } from 'node:util';
import { z } from 'zod';

const datasourceSchema = z.looseObject({
  url: z.string().min(1).optional(),
  shadowDatabaseUrl: z.string().min(1).optional(),
});

export type CliDatasource = z.infer<typeof datasourceSchema>;

export const oneShotCommands = ['can-connect-to-database', 'create-database', 'drop-database'] as const;
export type OneShotCommand = (typeof oneShotCommands)[number];

export type CliInvocation =
  | { kind: 'version' }
  | { kind: 'one-shot'; command: OneShotCommand; datasource: CliDatasource }
  | { kind: 'rpc-server'; datamodelPaths: string[]; datasource: CliDatasource };

export class CliUsageError extends Error {}

function parseDatasource(json: string | undefined): CliDatasource {
  if (json === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CliUsageError('--datasource is not valid JSON');
  }
  const parsed = datasourceSchema.safeParse(raw);
  if (!parsed.success) throw new CliUsageError(`--datasource is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The command line Prisma's CLI gives the native schema engine (see notes/prisma-offline-engine.md). */
export function parseCliArguments(argv: string[]): CliInvocation {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      version: { type: 'boolean', short: 'V' },
      datamodels: { type: 'string', multiple: true },
      datasource: { type: 'string' },
      // Accepted for compatibility; the Wasm engine takes neither.
      'enabled-preview-features': { type: 'string' },
      'extension-types': { type: 'string' },
    },
  });
  if (values.version) return { kind: 'version' };
  const datasource = parseDatasource(values.datasource);
  if (positionals.length === 0) return { kind: 'rpc-server', datamodelPaths: values.datamodels ?? [], datasource };

  const [subcommand, command, ...rest] = positionals;
  const isOneShot = (name: string | undefined): name is OneShotCommand =>
    (oneShotCommands as readonly (string | undefined)[]).includes(name);
  if (subcommand !== 'cli' || !isOneShot(command) || rest.length > 0) {
    throw new CliUsageError(`unknown command: ${positionals.join(' ')} (expected: cli ${oneShotCommands.join('|')})`);
  }
  return { kind: 'one-shot', command, datasource };
}
