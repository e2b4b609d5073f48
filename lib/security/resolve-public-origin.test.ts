import { describe, expect, it } from 'vitest';
import { resolvePublicOrigin } from './resolve-public-origin';

describe('resolvePublicOrigin', () => {
  it('takes the Host the browser used, over plain HTTP, and ignores forwarded headers from an untrusted client', () => {
    const headers = { host: 'Mock.Example.com:8080', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    expect(resolvePublicOrigin(headers, false)).toEqual({ host: 'mock.example.com:8080', proto: 'http' });
    expect(resolvePublicOrigin({ host: '127.0.0.1:3000' }, false)).toEqual({ host: '127.0.0.1:3000', proto: 'http' });
    expect(resolvePublicOrigin({ host: '[::1]:3000' }, false)).toEqual({ host: '[::1]:3000', proto: 'http' });
  });

  it("behind a trusted proxy takes the proxy's first forwarded host and scheme", () => {
    const headers = { host: 'app:3000', 'x-forwarded-host': 'mock.example.com, app:3000', 'x-forwarded-proto': 'https, http' };
    expect(resolvePublicOrigin(headers, true)).toEqual({ host: 'mock.example.com', proto: 'https' });
    expect(resolvePublicOrigin({ host: 'app:3000' }, true)).toEqual({ host: 'app:3000', proto: 'http' });
  });

  it('refuses a host that is not a host name', () => {
    for (const host of [undefined, '', 'evil.example/path', 'user@evil.example', 'evil.example:80:80', 'a b', 'evil.example\\x', 'évil.example']) {
      expect(resolvePublicOrigin({ host }, false), String(host)).toBeNull();
    }
    expect(resolvePublicOrigin({ host: 'app:3000', 'x-forwarded-host': 'evil.example/x' }, true)).toBeNull();
  });
});
