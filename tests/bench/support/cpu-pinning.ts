import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { readParentPid } from './process-usage';

// Pinned mode for the room benchmark: the load generator (this process and every thread of it) on one core, the
// server under test and the services it needs (PostgreSQL, Redis) on the other, with taskset. On a shared pair of
// cores the tails measure the run queue (whoever holds the core when a keystroke arrives); pinned, each side gets
// a core of its own and the server's CPU per keystroke is its own work.

export interface Pinning {
  generatorCpu: number;
  serverCpu: number;
}

/**
 * BENCH_PIN=1 pins, BENCH_PIN=0 shares the cores as before; unset, pins whenever this process may use two cores
 * or more (fair numbers by default; the old mode stays one variable away).
 */
export function resolvePinning(): Pinning | null {
  const allowed = readAllowedCpus(process.pid);
  const setting = process.env.BENCH_PIN;
  if (setting === '0') return null;
  if (allowed.length < 2) {
    if (setting === '1') throw new Error(`BENCH_PIN=1 needs two cores; this process may use ${allowed.join(',') || 'none'}.`);
    return null;
  }
  return { generatorCpu: allowed[0]!, serverCpu: allowed[1]! };
}

/** The command prefix that starts a program on one core (children inherit it). */
export function onCpu(cpu: number): string[] {
  return ['taskset', '-c', String(cpu)];
}

/** Moves every thread of a process to one core; threads and children it starts later inherit the affinity. */
export function pinProcess(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** A process and its children (PostgreSQL's postmaster and the backends and workers it has already forked). */
export function pinProcessFamily(parentPid: number, cpu: number): void {
  for (const pid of [parentPid, ...findChildren(parentPid)]) {
    try {
      pinProcess(pid, cpu);
    } catch (error) {
      // A backend that ended meanwhile needs no pinning; the postmaster itself must take it.
      if (pid === parentPid) throw error;
    }
  }
}

export interface Affinity {
  /** What was checked, e.g. "mockloop (pid 123)". */
  label: string;
  processes: number;
  threads: number;
  /** Each distinct Cpus_allowed_list among those threads, e.g. ["1"]. */
  cpuLists: string[];
}

/**
 * Reads Cpus_allowed_list of every thread of the processes (and, with `withChildren`, of their children) and
 * throws unless every one is on `cpu`: a pinning that did not take must not be reported as pinned.
 */
export function verifyAffinity(label: string, pids: number[], cpu: number | null, withChildren = false): Affinity {
  const all = withChildren ? pids.flatMap((pid) => [pid, ...findChildren(pid)]) : pids;
  const lists = new Set<string>();
  let threads = 0;
  let processes = 0;
  for (const pid of all) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // It ended while we looked.
    }
    processes += 1;
    for (const task of tasks) {
      try {
        lists.add(readCpusAllowedList(`/proc/${pid}/task/${task}/status`));
        threads += 1;
      } catch {
        // The thread ended while we looked.
      }
    }
  }
  const affinity = { label, processes, threads, cpuLists: [...lists].sort() };
  if (cpu !== null && (affinity.cpuLists.length !== 1 || affinity.cpuLists[0] !== String(cpu))) {
    throw new Error(`${label}: expected every thread on CPU ${cpu}, found ${affinity.cpuLists.join(' and ')}`);
  }
  return affinity;
}

export function describeAffinity({ label, processes, threads, cpuLists }: Affinity): string {
  const where = cpuLists.length === 1 ? `CPU ${cpuLists[0]}` : `CPUs ${cpuLists.join(' / ')}`;
  return `${label}: ${processes} process${processes === 1 ? '' : 'es'}, ${threads} threads, all on ${where}`;
}

function readCpusAllowedList(statusFile: string): string {
  const match = /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync(statusFile, 'utf8'));
  if (!match) throw new Error(`no Cpus_allowed_list in ${statusFile}`);
  return match[1]!;
}

function readAllowedCpus(pid: number): number[] {
  const list = readCpusAllowedList(`/proc/${pid}/status`);
  const cpus = list.split(',').flatMap((range) => {
    const [from, to = from] = range.split('-').map(Number) as [number, number?];
    return Array.from({ length: to - from + 1 }, (_, index) => from + index);
  });
  return cpus.length > 0 ? cpus : Array.from({ length: os.availableParallelism() }, (_, index) => index);
}

function findChildren(parentPid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      if (readParentPid(pid) === parentPid) children.push(pid);
    } catch {
      // It ended while we looked.
    }
  }
  return children;
}
