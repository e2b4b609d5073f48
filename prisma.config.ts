import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { resolveCliDatabaseUrl } from './server/config/resolve-cli-database';
import { resolveSchemaEngineBinary } from './server/database/schema-engine/resolve-schema-engine';

const projectRoot = path.dirname(new URL(import.meta.url).pathname);

// The CLI reads this variable after loading the config, so setting it here picks the engine for every
// prisma command (generate, migrate, db push) without the user exporting anything.
process.env.PRISMA_SCHEMA_ENGINE_BINARY = resolveSchemaEngineBinary(
  projectRoot,
  process.env.PRISMA_SCHEMA_ENGINE_BINARY,
);

const databaseUrl = await resolveCliDatabaseUrl(projectRoot, process.argv);
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  // DATABASE_URL, or the app's embedded PostgreSQL (started for this command if the app is not running).
  datasource: { url: databaseUrl ?? '' },
});
