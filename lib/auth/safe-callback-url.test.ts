import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/invite/abc?x=1')).toBe('/invite/abc?x=1');
    expect(safeCallbackUrl('/sessions/s1/report#rubric')).toBe('/sessions/s1/report#rubric');
    // Encoded characters stay encoded: the browser asks this site for that path.
    expect(safeCallbackUrl('/questions/%2F%2Fevil.example')).toBe('/questions/%2F%2Fevil.example');
  });

  it('replaces anything a browser would follow off the site', () => {
    const unsafe = [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\/evil.example',
      'javascript:alert(1)',
      // Browsers drop tabs and newlines, turning these into //evil.example.
      '/\t/evil.example/x',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '\t//evil.example',
      // Dot segments that normalise to a protocol-relative path.
      '/..//evil.example',
      '/.//evil.example',
      // Other control characters have no place in a link the app made.
      '/sessions\u0000',
      '/sessions\u007f',
    ];
    for (const value of unsafe) expect(safeCallbackUrl(value), JSON.stringify(value)).toBe('/');
  });
});
