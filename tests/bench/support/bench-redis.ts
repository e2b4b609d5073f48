import { spawn } from 'node:child_process';
import net from 'node:net';
import { onCpu } from './cpu-pinning';

// A Redis of the benchmark's own for multi-node runs in pinned mode: the machine's may serve other programs, so
// it is not ours to move to the server's core. In memory only (no snapshots, no append-only file), as a cache
// between nodes needs.

export interface BenchRedis {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBenchRedis(cpu: number): Promise<BenchRedis> {
  const port = await findFreePort();
  const [command, ...args] = [...onCpu(cpu), 'redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`redis-server exited before it was ready:\n${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
