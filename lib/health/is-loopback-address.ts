import { BlockList, isIPv4, isIPv6 } from 'node:net';

// /api/health shows the realtime server's internals (sockets, open documents, queued writes, event-loop delay)
// only to callers on this machine: the operator, a local monitoring agent, the benchmark. Anyone else learns
// whether the service is healthy, not how busy it is.

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const IPV4_MAPPED_PREFIX = '::ffff:';

export function isLoopbackAddress(address: string): boolean {
  const unmapped = address.toLowerCase().startsWith(IPV4_MAPPED_PREFIX) ? address.slice(IPV4_MAPPED_PREFIX.length) : address;
  if (isIPv4(unmapped)) return loopback.check(unmapped, 'ipv4');
  if (isIPv6(unmapped)) return loopback.check(unmapped, 'ipv6');
  return false;
}
