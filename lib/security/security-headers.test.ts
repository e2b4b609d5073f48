import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, createNonce, referrerPolicyFor, securityHeadersFor } from './security-headers';

describe('security headers', () => {
  it('allows only our own origin, the request nonce, and no framing, plugins or foreign form targets', () => {
    const policy = buildContentSecurityPolicy({ nonce: 'abc123', isDev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'");
    // WebAssembly may be compiled (the board's font subsetting); JavaScript may never be evaluated from a string.
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toMatch(/https?:\/\//);
    expect(buildContentSecurityPolicy({ nonce: 'n', isDev: true })).toContain("'unsafe-eval'");
  });

  it('sends no referrer at all from invite pages, whose URL is the invite', () => {
    expect(referrerPolicyFor('/invite/abc')).toBe('no-referrer');
    expect(referrerPolicyFor('/sessions')).toBe('strict-origin-when-cross-origin');
  });

  it('lets our own pages (the call in the room) use the camera and microphone, and no other origin', () => {
    const policy = securityHeadersFor('/sessions', { nonce: 'n', isDev: false, isTls: false })['permissions-policy'];
    expect(policy).toContain('camera=(self), microphone=(self)');
    expect(policy).toContain('geolocation=()');
  });

  it('adds HSTS only over TLS, and a fresh nonce each time', () => {
    expect(securityHeadersFor('/', { nonce: 'n', isDev: false, isTls: false })).not.toHaveProperty('strict-transport-security');
    expect(securityHeadersFor('/', { nonce: 'n', isDev: false, isTls: true })).toHaveProperty('strict-transport-security');
    expect(createNonce()).not.toBe(createNonce());
    expect(createNonce()).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
  });
});
