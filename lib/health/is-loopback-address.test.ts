import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './is-loopback-address';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1'])('%s is this machine', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(['203.0.113.9', '10.0.0.1', '::ffff:203.0.113.9', '2001:db8::1', '128.0.0.1', 'unknown', '', '127.0.0.1, 10.0.0.1'])(
    '%s is not',
    (address) => {
      expect(isLoopbackAddress(address)).toBe(false);
    },
  );
});
