import { z } from 'zod';
// @next/env is CommonJS: under Node's ESM loader only its default export is importable.
import nextEnv from '@next/env';

// The only module that reads process.env. Everything else asks getEnv() for validated, typed values.

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgresql:// connection URL');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: optionalString,
    DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), postgresUrl.optional()),
    MOCKLOOP_DATA_DIR: z.string().trim().min(1).default('.data'),
    EMBEDDED_POSTGRES_DIR: optionalString,
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
    NEXTAUTH_SECRET: optionalString.refine(
      (value) => value === undefined || value.length >= 32,
      'must be at least 32 characters (e.g. `openssl rand -base64 32`)',
    ),
    NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    SIGN_IN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(20),
    SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0', ''])
      .default('false')
      .transform((value) => value === 'true' || value === '1'),
    SOCKET_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1_024).default(256 * 1024),
    SOCKET_MAX_EVENTS_PER_SECOND: z.coerce.number().int().min(1).default(60),
    DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1_024).default(2 * 1024 * 1024),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  })
  .refine((env) => Boolean(env.GITHUB_ID) === Boolean(env.GITHUB_SECRET), {
    message: 'set both GITHUB_ID and GITHUB_SECRET, or neither',
    path: ['GITHUB_SECRET'],
  })
  .refine((env) => Boolean(env.GOOGLE_CLIENT_ID) === Boolean(env.GOOGLE_CLIENT_SECRET), {
    message: 'set both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or neither',
    path: ['GOOGLE_CLIENT_SECRET'],
  });

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvError extends Error {
  override name = 'InvalidEnvError';
}

/** Parses an environment; throws one readable message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'env'} ${issue.message}`);
  throw new InvalidEnvError(`Invalid configuration: ${problems.join('; ')}`);
}

let cached: { source: NodeJS.ProcessEnv; snapshot: string; env: Env } | undefined;

/** The validated environment of this process, re-read if the server resolved a default since the last call. */
export function getEnv(): Env {
  const snapshot = `${process.env.DATABASE_URL}|${process.env.NEXTAUTH_SECRET}`;
  if (cached && cached.snapshot === snapshot) return cached.env;
  cached = { source: process.env, snapshot, env: parseEnv(process.env) };
  return cached.env;
}

/**
 * The server resolves the two values a user may leave unset (an embedded database, a generated secret) at
 * start-up and publishes them here, so Next's route handlers in the same process see the same values.
 */
export function publishResolvedEnv(values: { DATABASE_URL: string; NEXTAUTH_SECRET: string }): void {
  process.env.DATABASE_URL = values.DATABASE_URL;
  process.env.NEXTAUTH_SECRET = values.NEXTAUTH_SECRET;
}

export function requireDatabaseUrl(env: Env = getEnv()): string {
  if (!env.DATABASE_URL) throw new InvalidEnvError('DATABASE_URL is not set and no embedded database was started.');
  return env.DATABASE_URL;
}

export function requireAuthSecret(env: Env = getEnv()): string {
  if (!env.NEXTAUTH_SECRET) throw new InvalidEnvError('NEXTAUTH_SECRET is not set and none was generated.');
  return env.NEXTAUTH_SECRET;
}

/**
 * Loads .env files the way Next does (.env, .env.local, .env.<mode>…) before anything is parsed, so the custom
 * server, the Prisma CLI and Next's handlers all see one configuration. Real environment variables win.
 */
export function loadDotEnvFiles(projectRoot: string): void {
  nextEnv.loadEnvConfig(projectRoot, process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error });
}

/** Session cookies are `__Secure-` prefixed (and sent only over TLS) when the public URL is https. */
export function usesSecureCookies(env: Env = getEnv()): boolean {
  return env.NEXTAUTH_URL?.startsWith('https://') ?? false;
}
