import { describe, expect, it } from 'vitest';
import { InvalidEnvError, isTlsRequest, parseEnv } from './env';

describe('parseEnv', () => {
  it('fills every default from an empty environment', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      MOCKLOOP_DATA_DIR: '.data',
      EMBEDDED_POSTGRES_PORT: 0,
      TRUST_PROXY: false,
      SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP: 5,
      SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: 20,
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

  it('keeps the account-wide sign-in budget out of reach of one address', () => {
    expect(() => parseEnv({ SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: '10' })).toThrow(
      'SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT must be more than twice SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP',
    );
    expect(parseEnv({ SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT: '10', SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP: '3' }).SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT).toBe(10);
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

  it('runs as one node without REDIS_URL, and takes only a redis:// URL', () => {
    const alone = parseEnv({});
    expect(alone.REDIS_URL).toBeUndefined();
    expect(alone.REDIS_KEY_PREFIX).toBe('mockloop');
    expect(parseEnv({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
    expect(parseEnv({ REDIS_URL: 'redis://:pw@cache:6379/2', REDIS_KEY_PREFIX: 'staging' })).toMatchObject({
      REDIS_URL: 'redis://:pw@cache:6379/2',
      REDIS_KEY_PREFIX: 'staging',
    });
    expect(parseEnv({ REDIS_URL: 'rediss://cache.example.com' }).REDIS_URL).toBe('rediss://cache.example.com');
    expect(() => parseEnv({ REDIS_URL: '127.0.0.1:6379' })).toThrow('REDIS_URL must be a redis:// (or rediss://) URL');
    expect(() => parseEnv({ REDIS_KEY_PREFIX: 'has space' })).toThrow(/REDIS_KEY_PREFIX/);
  });
});

describe('isTlsRequest', () => {
  it('follows NEXTAUTH_URL when set, else a trusted proxy’s X-Forwarded-Proto, else plain HTTP', () => {
    const https = { 'x-forwarded-proto': 'https' };
    expect(isTlsRequest({}, parseEnv({ NEXTAUTH_URL: 'https://mock.example.com' }))).toBe(true);
    expect(isTlsRequest(https, parseEnv({ NEXTAUTH_URL: 'http://localhost:3000', TRUST_PROXY: 'true' }))).toBe(false);
    expect(isTlsRequest(https, parseEnv({ TRUST_PROXY: 'true' }))).toBe(true);
    expect(isTlsRequest({ 'x-forwarded-proto': 'http' }, parseEnv({ TRUST_PROXY: 'true' }))).toBe(false);
    expect(isTlsRequest(https, parseEnv({}))).toBe(false);
  });
});
