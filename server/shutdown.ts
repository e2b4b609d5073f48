import { logger } from '@/lib/log';

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

/**
 * Runs the steps in order on SIGTERM/SIGINT (stop accepting, flush, close sockets and the database), then exits 0.
 * A step that fails is logged and the rest still run; past the deadline, or on a second signal, it exits 1.
 */
export function installGracefulShutdown(steps: ShutdownStep[], timeoutMs: number): void {
  let shuttingDown = false;
  const shutDown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    shuttingDown = true;
    logger.info(`${signal} received, shutting down`);
    const deadline = setTimeout(() => {
      logger.error(`shutdown took longer than ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    let failed = false;
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        failed = true;
        logger.error({ err: error }, `shutdown step "${step.name}" failed`);
      }
    }
    logger.info('stopped');
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGTERM', (signal) => void shutDown(signal));
  process.on('SIGINT', (signal) => void shutDown(signal));
}
