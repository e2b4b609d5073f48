import { describe, expect, it } from 'vitest';
import { isCrossSiteMutation, isCrossSiteRequest, isServerActionOriginMismatch } from './request-origin';

const policy = { trustProxy: false };

describe('isCrossSiteRequest', () => {
  it('accepts our own origin and clients that name none', () => {
    expect(isCrossSiteRequest({ host: 'localhost:3000', origin: 'http://localhost:3000' }, policy)).toBe(false);
    expect(isCrossSiteRequest({ host: 'localhost:3000' }, policy)).toBe(false);
    expect(isCrossSiteRequest({ host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }, policy)).toBe(false);
  });

  it('refuses another origin, a null origin, a garbled one, and what the browser marks cross-site or same-site', () => {
    expect(isCrossSiteRequest({ host: 'localhost:3000', origin: 'https://evil.example' }, policy)).toBe(true);
    expect(isCrossSiteRequest({ host: 'localhost:3000', origin: 'http://localhost:3001' }, policy)).toBe(true);
    expect(isCrossSiteRequest({ host: 'localhost:3000', origin: 'null' }, policy)).toBe(true);
    expect(isCrossSiteRequest({ host: 'localhost:3000', origin: 'not a url' }, policy)).toBe(true);
    expect(isCrossSiteRequest({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }, policy)).toBe(true);
    expect(isCrossSiteRequest({ host: 'app.example.com', 'sec-fetch-site': 'same-site' }, policy)).toBe(true);
  });

  it('knows the public URL, and the forwarded host only behind a trusted proxy', () => {
    const publicUrl = 'https://mock.example.com';
    expect(isCrossSiteRequest({ host: '10.0.0.5:3000', origin: publicUrl }, { publicUrl, trustProxy: false })).toBe(false);
    const forwarded = { host: '10.0.0.5:3000', 'x-forwarded-host': 'mock.example.com', origin: 'https://mock.example.com' };
    expect(isCrossSiteRequest(forwarded, { trustProxy: true })).toBe(false);
    expect(isCrossSiteRequest(forwarded, { trustProxy: false })).toBe(true);
  });
});

describe('isCrossSiteMutation', () => {
  it('lets cross-site reads through (links to us are fine) and stops cross-site writes', () => {
    const headers = { host: 'localhost:3000', origin: 'https://evil.example' };
    expect(isCrossSiteMutation('GET', headers, policy)).toBe(false);
    expect(isCrossSiteMutation('POST', headers, policy)).toBe(true);
    expect(isCrossSiteMutation('DELETE', headers, policy)).toBe(true);
  });
});

describe('isServerActionOriginMismatch', () => {
  it('compares the Origin with the host the server resolved, as Next does', () => {
    const resolved = { host: '10.0.0.5:3000', 'x-forwarded-host': 'mock.example.com' };
    expect(isServerActionOriginMismatch({ ...resolved, origin: 'https://mock.example.com' })).toBe(false);
    expect(isServerActionOriginMismatch(resolved)).toBe(false);
    expect(isServerActionOriginMismatch({ ...resolved, origin: 'http://10.0.0.5:3000' })).toBe(true);
    expect(isServerActionOriginMismatch({ ...resolved, origin: 'null' })).toBe(true);
  });
});
