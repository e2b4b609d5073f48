import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A temp folder that the `postgres` system user can traverse: as root, the embedded PostgreSQL runs as that
 * user, and mkdtemp's 0700 would lock it out of its own data folder.
 */
export async function makeScratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}
