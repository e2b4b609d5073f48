import { describe, expect, it } from 'vitest';
import { InvalidEnvError, parseEnv } from '@/lib/env';
import { callNetworkConfigOf } from './ice-servers';

describe('the call settings in the environment', () => {
  it('configure no ICE server by default', () => {
    expect(callNetworkConfigOf(parseEnv({}))).toEqual({ iceUrls: [], turnSecret: undefined, turnTtlSeconds: 21_600 });
  });

  it('take a comma- or space-separated list of STUN and TURN URLs', () => {
    const env = parseEnv({ CALL_ICE_URLS: 'stun:stun.example.org:3478, turn:turn.example.org:3478?transport=udp  turns:turn.example.org:5349', CALL_TURN_SECRET: 's3cret', CALL_TURN_TTL_SECONDS: '600' });
    expect(callNetworkConfigOf(env)).toEqual({
      iceUrls: ['stun:stun.example.org:3478', 'turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
      turnSecret: 's3cret',
      turnTtlSeconds: 600,
    });
  });

  it('refuse a URL of another scheme, and TURN URLs without the shared secret', () => {
    expect(() => parseEnv({ CALL_ICE_URLS: 'https://turn.example.org' })).toThrow(InvalidEnvError);
    expect(() => parseEnv({ CALL_ICE_URLS: 'turn:turn.example.org' })).toThrow(/CALL_TURN_SECRET TURN URLs need CALL_TURN_SECRET/);
  });
});
