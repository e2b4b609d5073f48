import { describe, expect, it } from 'vitest';
import { acceptedEncoding } from './accepted-encoding';

describe('acceptedEncoding', () => {
  it('prefers brotli when the client takes both', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
  });

  it('falls back to gzip for a client without brotli (Chromium over plain HTTP to another host)', () => {
    expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
  });

  it('serves nothing precompressed to a client that takes neither', () => {
    expect(acceptedEncoding(undefined)).toBeNull();
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('')).toBeNull();
  });

  it('honours q=0 as a refusal and a higher weight as a preference', () => {
    expect(acceptedEncoding('br;q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0.5, gzip;q=1')).toBe('gzip');
    expect(acceptedEncoding('gzip;q=0, br;q=0')).toBeNull();
  });

  it('reads * as any coding not named', () => {
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('br;q=0, *')).toBe('gzip');
    expect(acceptedEncoding('*;q=0')).toBeNull();
  });

  it('reads names and parameters case-insensitively and ignores malformed weights', () => {
    expect(acceptedEncoding('GZIP;Q=1')).toBe('gzip');
    expect(acceptedEncoding('br;q=abc, gzip')).toBe('gzip');
  });
});
