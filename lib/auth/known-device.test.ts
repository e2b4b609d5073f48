import { describe, expect, it } from 'vitest';
import { issueKnownDevice, knownDeviceCookieFrom, knownDeviceCookieLine, recogniseKnownDevice } from './known-device';

const SECRET = 'unit-test-secret-of-at-least-thirty-two-chars';

describe('known devices', () => {
  it('recognises a device only for the account and secret it was issued under, and keeps its id', () => {
    const cookie = issueKnownDevice(SECRET, 'ada@example.test', null);
    const deviceId = recogniseKnownDevice(SECRET, cookie, 'ada@example.test');
    expect(deviceId).toMatch(/^[\w-]{22}$/);
    expect(recogniseKnownDevice(SECRET, cookie, 'eve@example.test')).toBeNull();
    expect(recogniseKnownDevice('another-secret-of-at-least-thirty-two-chars', cookie, 'ada@example.test')).toBeNull();
    expect(recogniseKnownDevice(SECRET, issueKnownDevice(SECRET, 'ada@example.test', deviceId), 'ada@example.test')).toBe(deviceId);
  });

  it('refuses forged, truncated and missing cookies', () => {
    const [deviceId, mac] = issueKnownDevice(SECRET, 'ada@example.test', null).split('.');
    expect(recogniseKnownDevice(SECRET, `${'A'.repeat(22)}.${mac}`, 'ada@example.test')).toBeNull();
    expect(recogniseKnownDevice(SECRET, `${deviceId}.${mac!.slice(0, 10)}`, 'ada@example.test')).toBeNull();
    expect(recogniseKnownDevice(SECRET, `${deviceId}`, 'ada@example.test')).toBeNull();
    expect(recogniseKnownDevice(SECRET, undefined, 'ada@example.test')).toBeNull();
  });

  it('is an HttpOnly cookie for the auth endpoints, __Secure- and Secure over TLS', () => {
    expect(knownDeviceCookieLine('v', false)).toBe('mockloop.known-device=v; Path=/api/auth; Max-Age=34560000; HttpOnly; SameSite=Lax');
    expect(knownDeviceCookieLine('v', true)).toMatch(/^__Secure-mockloop\.known-device=v; .*; Secure$/);
    expect(knownDeviceCookieFrom({ '__Secure-mockloop.known-device': 'tls', 'mockloop.known-device': 'plain' }, true)).toBe('tls');
    expect(knownDeviceCookieFrom({ '__Secure-mockloop.known-device': 'tls', 'mockloop.known-device': 'plain' }, false)).toBe('plain');
  });
});
