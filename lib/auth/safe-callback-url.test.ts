import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths and replaces anything that could leave the site', () => {
    expect(safeCallbackUrl('/invite/abc?x=1')).toBe('/invite/abc?x=1');
    for (const unsafe of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeCallbackUrl(unsafe)).toBe('/');
    }
  });
});
