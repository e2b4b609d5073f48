import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { resolveSchemaEngineBinary } from './server/database/schema-engine/resolve-schema-engine';

const projectRoot = path.dirname(new URL(import.meta.url).pathname);

// The CLI reads this variable after loading the config, so setting it here picks the engine for every
// prisma command (generate, migrate, db push) without the user exporting anything.
process.env.PRISMA_SCHEMA_ENGINE_BINARY = resolveSchemaEngineBinary(
  projectRoot,
  process.env.PRISMA_SCHEMA_ENGINE_BINARY,
);

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  },
});
