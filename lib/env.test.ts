import { describe, expect, it } from 'vitest';
import { InvalidEnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('fills every default from an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      MOCKLOOP_DATA_DIR: '.data',
      EMBEDDED_POSTGRES_PORT: 0,
      TRUST_PROXY: false,
      SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: 5,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    const env = parseEnv({ DATABASE_URL: '', NEXTAUTH_SECRET: '', GITHUB_ID: '' });
    expect([env.DATABASE_URL, env.NEXTAUTH_SECRET, env.GITHUB_ID]).toEqual([undefined, undefined, undefined]);
  });

  it('names every bad variable in one message', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NEXTAUTH_SECRET: 'short' })).toThrow(
      new InvalidEnvError(
        'Invalid configuration: PORT Invalid input: expected number, received NaN; DATABASE_URL must be a postgresql:// connection URL; NEXTAUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)',
      ),
    );
  });

  it('requires OAuth credentials in pairs', () => {
    expect(() => parseEnv({ GITHUB_ID: 'abc' })).toThrow('GITHUB_SECRET set both GITHUB_ID and GITHUB_SECRET, or neither');
    expect(() => parseEnv({ GOOGLE_CLIENT_SECRET: 'abc' })).toThrow(/GOOGLE_CLIENT_SECRET set both/);
  });

  it('accepts both postgres URL schemes and trusts a proxy only when asked', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u@h/db' }).DATABASE_URL).toBe('postgres://u@h/db');
    expect(parseEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(() => parseEnv({ TRUST_PROXY: 'yes' })).toThrow(InvalidEnvError);
  });
});
