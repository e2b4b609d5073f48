import type { RunningServer } from './start-server';

// A stand-in for an init that is slow to reap: a parent that adopts whatever the server leaves behind when it
// dies (PR_SET_CHILD_SUBREAPER) and never reaps it, so a process that ends stays a zombie, its pid still alive to
// kill(pid, 0), until the keeper itself is killed. Perl, because node cannot call prctl(2) and perl-base is part
// of every Debian; the syscall's number depends on the architecture, so elsewhere there is no keeper.

const PRCTL_SYSCALL: Partial<Record<NodeJS.Architecture, number>> = { x64: 157, arm64: 167 };
const PR_SET_CHILD_SUBREAPER = 36;

const SCRIPT = `
  my $prctl = shift @ARGV;
  syscall($prctl, ${PR_SET_CHILD_SUBREAPER}, 1, 0, 0, 0) == 0 or die "[keeper] PR_SET_CHILD_SUBREAPER: $!\\n";
  my $pid = fork() // die "[keeper] fork: $!\\n";
  if ($pid == 0) { exec { $ARGV[0] } @ARGV; die "[keeper] exec: $!\\n"; }
  print STDERR "[keeper] server pid $pid\\n";
  waitpid($pid, 0);
  print STDERR "[keeper] server exited\\n";
  sleep while 1;
`;

/** startServer's `launcher` for a server whose orphans are kept; undefined where this cannot be done. */
export function orphanKeeper(): string[] | undefined {
  const prctl = PRCTL_SYSCALL[process.arch];
  return process.platform === 'linux' && prctl !== undefined ? ['perl', '-e', SCRIPT, String(prctl)] : undefined;
}

/** The server's own pid under the keeper (`process` is the keeper's). */
export function keptServerPid(server: RunningServer): number {
  const match = /\[keeper\] server pid (\d+)/.exec(server.output());
  if (!match) throw new Error(`no server pid from the keeper:\n${server.output()}`);
  return Number(match[1]);
}
