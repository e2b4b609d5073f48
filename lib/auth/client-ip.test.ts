import { describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, clientIpFrom, resolveClientIp } from './client-ip';

describe('client IP', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted', () => {
    expect(resolveClientIp('10.0.0.1', '1.2.3.4, 10.0.0.9', false)).toBe('10.0.0.1');
    expect(resolveClientIp('10.0.0.1', ' 1.2.3.4 , 10.0.0.9', true)).toBe('1.2.3.4');
    expect(resolveClientIp(undefined, undefined, true)).toBe('unknown');
  });

  it('reads the header the server wrote, from Fetch headers or a plain object', () => {
    expect(clientIpFrom(new Headers({ [CLIENT_IP_HEADER]: '10.9.8.7' }))).toBe('10.9.8.7');
    expect(clientIpFrom({ [CLIENT_IP_HEADER]: ['10.9.8.6'] })).toBe('10.9.8.6');
    expect(clientIpFrom({})).toBe('unknown');
  });
});
