import { readdirSync, readFileSync } from 'node:fs';

// CPU and memory of other processes, read from /proc (Linux only, as the benchmark machine is): the server under
// test runs in its own process so the load generator's work is never counted as the server's, and PostgreSQL's
// postmaster and backends are read as one family.

const CLOCK_TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name, which may hold spaces: fields[0] is the state. */
function readStatFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) the process has used so far. */
export function readCpuSeconds(pid: number): number {
  const fields = readStatFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** The executable's name as the kernel keeps it (not the title a process may give itself). */
export function readProcessName(pid: number): string {
  return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
}

export function readParentPid(pid: number): number {
  return Number(readStatFields(pid)[1]);
}

/**
 * CPU seconds of a process and each of its children, by pid: PostgreSQL's postmaster and its backends. A child
 * that ends between two readings takes its CPU with it, so compare readings of long-lived processes only.
 */
export function readProcessFamilyCpuSeconds(parentPid: number): Map<number, number> {
  const family = new Map<number, number>([[parentPid, readCpuSeconds(parentPid)]]);
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      if (readParentPid(pid) === parentPid) family.set(pid, readCpuSeconds(pid));
    } catch {
      // It ended while we looked.
    }
  }
  return family;
}

/** CPU seconds a family used between two readings; a process born in between counts from its start. */
export function familyCpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
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
