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

const redisUrl = z
  .string()
  .trim()
  .refine((value) => /^rediss?:\/\/[^/]/.test(value) && URL.canParse(value), 'must be a redis:// (or rediss://) URL');

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
    // Failed sign-ins only (see lib/auth/sign-in-rate-limiter.ts). Per account: a soft limit (100 an hour, OWASP
    // ASVS 2.2.1's ceiling, at the 15-minute window). Per address: one typo each for a class of 50 behind one NAT.
    SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP: z.coerce.number().int().min(1).default(5),
    SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
    SIGN_IN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(50),
    // A class of 50 signing up in the same quarter hour from one address, with a second try each.
    SIGN_UP_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(100),
    SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0', ''])
      .default('false')
      .transform((value) => value === 'true' || value === '1'),
    SOCKET_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1_024).default(256 * 1024),
    SOCKET_MAX_EVENTS_PER_SECOND: z.coerce.number().int().min(1).default(60),
    SOCKET_MAX_EVENTS_PER_USER_PER_SECOND: z.coerce.number().int().min(1).default(120),
    // Handshakes a minute: per signed-in user (a few tabs, each reconnecting now and then); per address only as a
    // loose outer bound (50 people behind one NAT with a few tabs each); stricter for handshakes without a session.
    SOCKET_MAX_CONNECTIONS_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    SOCKET_MAX_CONNECTIONS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(300),
    SOCKET_MAX_ANONYMOUS_CONNECTIONS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    INVITE_MAX_ATTEMPTS_PER_USER: z.coerce.number().int().min(1).default(10),
    INVITE_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(30),
    INVITE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
    DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1_024).default(2 * 1024 * 1024),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    PEER_NO_SHOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(5),
    SQL_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    SQL_CHECK_MEMORY_MB: z.coerce.number().int().min(16).max(4_096).default(256),
    SQL_CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
    REDIS_URL: z.preprocess((value) => (value === '' ? undefined : value), redisUrl.optional()),
    REDIS_KEY_PREFIX: z
      .string()
      .trim()
      .regex(/^[\w.:-]{1,64}$/, 'must be 1-64 letters, digits or . _ : -')
      .default('mockloop'),
    // Calls (issue 22). ICE servers the browsers may use, comma- or space-separated stun:/turn:/turns: URLs; unset,
    // none, so no outside server is contacted (calls then connect on one machine or a LAN). TURN URLs need
    // coturn's REST-API shared secret (its static-auth-secret): each member gets a credential of their own that
    // expires after CALL_TURN_TTL_SECONDS (long enough for a whole session: a relay refreshes with it).
    CALL_ICE_URLS: z
      .string()
      .trim()
      .default('')
      .transform((value) => value.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().regex(/^(stun|turns?):[^\s]+$/i, 'must be stun:, turn: or turns: URLs'))),
    CALL_TURN_SECRET: optionalString,
    CALL_TURN_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(6 * 3600),
  })
  .refine((env) => Boolean(env.GITHUB_ID) === Boolean(env.GITHUB_SECRET), {
    message: 'set both GITHUB_ID and GITHUB_SECRET, or neither',
    path: ['GITHUB_SECRET'],
  })
  .refine((env) => Boolean(env.GOOGLE_CLIENT_ID) === Boolean(env.GOOGLE_CLIENT_SECRET), {
    message: 'set both GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, or neither',
    path: ['GOOGLE_CLIENT_SECRET'],
  })
  .refine((env) => !env.CALL_ICE_URLS.some((url) => /^turns?:/i.test(url)) || Boolean(env.CALL_TURN_SECRET), {
    message: 'TURN URLs need CALL_TURN_SECRET (coturn static-auth-secret)',
    path: ['CALL_TURN_SECRET'],
  })
  // One address's failures must never put an account over its soft limit on their own: its budget windows need
  // not line up with the account's, so up to two of them can fall in one of the account's.
  .refine((env) => env.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT > 2 * env.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP, {
    message: 'must be more than twice SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP',
    path: ['SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT'],
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
export function publishResolvedEnv(values: { DATABASE_URL: string; NEXTAUTH_SECRET: string }, env: Env): void {
  process.env.DATABASE_URL = values.DATABASE_URL;
  process.env.NEXTAUTH_SECRET = values.NEXTAUTH_SECRET;
  // With no public URL configured, next-auth takes its origin from each request's X-Forwarded-Host/Proto, which the
  // custom server always sets: from the Host header, or behind our own proxy (TRUST_PROXY) from the proxy's headers
  // (so session cookies are Secure whenever the browser talks TLS). NEXTAUTH_URL, when set, always wins.
  if (!env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = 'true';
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
export function loadDotEnvFiles(projectRoot: string, reportError: (message: string, error?: unknown) => void = writeToStderr): void {
  nextEnv.loadEnvConfig(projectRoot, !isProductionProcess(), { info: () => {}, error: reportError });
}

/** The Prisma CLI and the seed script load .env files too, outside the server and its log. */
function writeToStderr(message: string, error?: unknown): void {
  process.stderr.write(`${message}${error === undefined ? '' : `: ${error instanceof Error ? error.message : String(error)}`}\n`);
}

/** Read apart from getEnv(): the log needs it before the rest of the configuration is known to be valid. */
export function isProductionProcess(): boolean {
  return process.env.NODE_ENV === 'production';
}

/**
 * Whether the browser reached us over TLS, which makes session cookies `__Secure-` prefixed and `Secure`: the
 * public URL is https, or (with no public URL) our trusted proxy says so in X-Forwarded-Proto. This mirrors
 * next-auth's own choice, so the socket server reads the cookie under the name next-auth wrote it.
 */
export function isTlsRequest(headers: Record<string, string | string[] | undefined>, env: Env = getEnv()): boolean {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.startsWith('https://');
  if (!env.TRUST_PROXY) return false;
  const proto = headers['x-forwarded-proto'];
  return (Array.isArray(proto) ? proto[0] : proto)?.split(',')[0]?.trim() === 'https';
}
