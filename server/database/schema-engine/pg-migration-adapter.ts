import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { CharColumnClient } from './char-column-client';
import { createDatabase, dropAllSchemas, dropDatabase } from './database-admin';
import { databaseLocationOf, schemaNameOf, withDatabaseName } from './database-url';
import { MigrationSqlAdapter } from './migration-sql-adapter';

export interface MigrationDatasource {
  url: string;
  /** A database the user dedicates to shadowing; without one, a temporary database is created per use. */
  shadowDatabaseUrl?: string;
}

export interface PgMigrationAdapterFactory extends ErrorCapturingSqlMigrationAwareDriverAdapterFactory {
  /**
   * Disposes what the engine left open (it never disposes its main connection, and freeing the engine
   * does not either) and waits until every temporary shadow database is dropped.
   */
  close(): Promise<void>;
}

class PgMigrationAdapters implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres' as const;
  readonly adapterName = '@prisma/adapter-pg';
  private readonly open = new Set<SqlDriverAdapter>();
  private readonly disposals = new Set<Promise<void>>();

  constructor(private readonly datasource: MigrationDatasource) {}

  async close(): Promise<void> {
    await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
    await Promise.allSettled([...this.disposals]);
  }

  private async openAdapter(url: string, afterDispose: () => Promise<void> = async () => {}): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool({ connectionString: url, Client: CharColumnClient });
    const inner = await new PrismaPg(pool, { schema: schemaNameOf(url), disposeExternalPool: true }).connect();
    const adapter: SqlDriverAdapter = new MigrationSqlAdapter(inner, () => {
      // Remembered so close() can wait for a disposal the engine started but did not await.
      const disposal = afterDispose().finally(() => this.disposals.delete(disposal));
      this.disposals.add(disposal);
      this.open.delete(adapter);
      return disposal;
    });
    this.open.add(adapter);
    return adapter;
  }

  connect(): Promise<SqlDriverAdapter> {
    return this.openAdapter(this.mainUrl());
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    const { shadowDatabaseUrl } = this.datasource;
    const url = this.mainUrl();
    return shadowDatabaseUrl ? this.connectToDedicatedShadowDb(url, shadowDatabaseUrl) : this.connectToTemporaryShadowDb(url);
  }

  private mainUrl(): string {
    if (!this.datasource.url) throw new Error('The datasource has no URL: set datasource.url in prisma.config.ts.');
    return this.datasource.url;
  }

  // adapter-pg's own connectToShadowDb ignores the database name of a connection string (it would
  // shadow into the main database) and drops its temporary database while its pool still holds
  // connections. Here the pool closes first, then the database goes with FORCE.
  private async connectToTemporaryShadowDb(url: string): Promise<SqlDriverAdapter> {
    const shadowUrl = withDatabaseName(url, `prisma_migrate_shadow_db_${randomUUID()}`);
    await createDatabase(shadowUrl);
    try {
      return await this.openAdapter(shadowUrl, () => dropDatabase(shadowUrl));
    } catch (error) {
      await dropDatabase(shadowUrl);
      throw error;
    }
  }

  private async connectToDedicatedShadowDb(url: string, shadowDatabaseUrl: string): Promise<SqlDriverAdapter> {
    // Emptying the shadow database is destructive: refuse when it is the main database in disguise.
    if (databaseLocationOf(shadowDatabaseUrl) === databaseLocationOf(url)) {
      throw new Error(
        'The shadow database you configured appears to be the same as the main database. Please specify another shadow database.',
      );
    }
    await dropAllSchemas(shadowDatabaseUrl, schemaNameOf(shadowDatabaseUrl) ?? 'public');
    return this.openAdapter(shadowDatabaseUrl);
  }
}

/** The driver adapter factory the Wasm schema engine needs, bound the way the engine expects. */
export function createPgMigrationAdapterFactory(datasource: MigrationDatasource): PgMigrationAdapterFactory {
  const adapters = new PgMigrationAdapters(datasource);
  const bound = bindMigrationAwareSqlAdapterFactory(adapters);
  return {
    ...bound,
    close: () => adapters.close(),
  };
}
