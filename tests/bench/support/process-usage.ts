import { readFileSync } from 'node:fs';

// CPU and memory of another process, read from /proc (Linux only, as the benchmark machine is): the server under
// test runs in its own process so the load generator's work is never counted as the server's.

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) the process has used so far. */
export function readCpuSeconds(pid: number): number {
  // The command name (field 2) may hold spaces, so count fields from the closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size in MiB. */
export function readRssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Samples a process's RSS until stopped; `peakMiB` is the highest seen. */
export function sampleRss(pid: number, everyMs = 250): { readonly peakMiB: number; stop(): void } {
  let peakMiB = readRssMiB(pid);
  const timer = setInterval(() => {
    try {
      peakMiB = Math.max(peakMiB, readRssMiB(pid));
    } catch {
      // The process ended; the last peak stands.
    }
  }, everyMs);
  return {
    get peakMiB() {
      return peakMiB;
    },
    stop: () => clearInterval(timer),
  };
}
