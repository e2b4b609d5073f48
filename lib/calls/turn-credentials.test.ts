import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor } from './ice-servers';
import { createTurnCredential } from './turn-credentials';

describe('createTurnCredential', () => {
  it('follows coturn use-auth-secret: username "expiry:userId", credential base64(HMAC-SHA1(secret, username))', () => {
    const credential = createTurnCredential('north-sea-secret', 'user_1', 3600, Date.UTC(2026, 0, 1) + 999);
    const expiry = Date.UTC(2026, 0, 1) / 1000 + 3600;
    expect(credential.username).toBe(`${expiry}:user_1`);
    // A value computed apart from the code under test (RFC 2104 HMAC via node:crypto, as coturn computes it).
    expect(credential.credential).toBe(createHmac('sha1', 'north-sea-secret').update(`${expiry}:user_1`).digest('base64'));
  });

  it('matches a known vector, so a change of algorithm or encoding cannot pass unnoticed', () => {
    // HMAC-SHA1("secret", "1700003600:alice") in base64, computed once with `openssl dgst -sha1 -hmac secret -binary | base64`.
    expect(createTurnCredential('secret', 'alice', 3600, 1_700_000_000_000)).toEqual({
      username: '1700003600:alice',
      credential: KNOWN_VECTOR,
    });
  });

  it('differs per user and per secret', () => {
    const now = 1_700_000_000_000;
    const a = createTurnCredential('secret', 'alice', 60, now).credential;
    expect(createTurnCredential('secret', 'bob', 60, now).credential).not.toBe(a);
    expect(createTurnCredential('other', 'alice', 60, now).credential).not.toBe(a);
  });
});

describe('iceServersFor', () => {
  const now = 1_700_000_000_000;

  it('hands out nothing when nothing is configured', () => {
    expect(iceServersFor({ iceUrls: [], turnTtlSeconds: 3600 }, 'alice', now)).toEqual([]);
  });

  it('passes STUN servers as they are and gives TURN servers the member its own credential', () => {
    const servers = iceServersFor({ iceUrls: ['stun:stun.example.org:3478', 'turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], turnSecret: 'secret', turnTtlSeconds: 3600 }, 'alice', now);
    expect(servers).toEqual([
      { urls: ['stun:stun.example.org:3478'] },
      { urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'], username: '1700003600:alice', credential: KNOWN_VECTOR },
    ]);
  });
});

const KNOWN_VECTOR = 'LLPLO4qjdVL2qZhwr3eImhn7J20=';
