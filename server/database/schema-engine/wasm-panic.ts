import { writeLogLine } from './stderr-log';

/** A Rust panic inside the Wasm engine, with the panic's own message ("panicked at …"). */
export class WasmEnginePanic extends Error {
  override readonly name = 'WasmEnginePanic';
}

interface WasmPanicRegistry {
  set_message(message: string): void;
}

/**
 * The Wasm glue hands a panic's message to `globalThis.PRISMA_WASM_PANIC_REGISTRY` (Prisma's client
 * installs one; a bare engine has none, and the panic then surfaced as "Cannot read properties of
 * undefined (reading 'set_message')", without the message). Throwing from the hook aborts the panicking
 * Wasm code with an error that carries the message. A registry someone else installed (the client's, in
 * the app's process) already does the same and stays.
 */
export function installWasmPanicRegistry(): void {
  // Not a process service of ours: the name and place are the Wasm glue's.
  // eslint-disable-next-line no-restricted-globals
  const global = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry };
  global.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      throw new WasmEnginePanic(message);
    },
  };
}

/**
 * Turns a panic of the Wasm engine into a failure of the request that caused it.
 *
 * The engine runs its futures from microtasks, so a panic is thrown there, not into the promise the
 * engine method returned: that promise never settles and the JSON-RPC request would wait forever while
 * the process died of an uncaught exception. While the watch runs, an uncaught exception fails every
 * guarded request in flight, and every later one (a trapped Wasm instance must not be used again), with
 * the panic's message. The native engine answers a panic the same way: an error with `is_panic: true`.
 */
export class WasmPanicWatch {
  private panic: WasmEnginePanic | undefined;
  private readonly waiting = new Set<(panic: WasmEnginePanic) => void>();

  private readonly onUncaught = (error: unknown): void => {
    const panic =
      error instanceof WasmEnginePanic
        ? error
        : new WasmEnginePanic(error instanceof Error ? (error.stack ?? error.message) : String(error));
    this.record(panic);
    for (const fail of this.waiting) fail(panic);
    this.waiting.clear();
  };

  private record(panic: WasmEnginePanic): void {
    if (this.panic) return;
    this.panic = panic;
    writeLogLine('ERROR', { message: panic.message, is_panic: true });
  }

  get panicked(): boolean {
    return this.panic !== undefined;
  }

  start(): void {
    process.on('uncaughtException', this.onUncaught);
  }

  stop(): void {
    process.off('uncaughtException', this.onUncaught);
  }

  async guard<T>(run: () => Promise<T>): Promise<T> {
    if (this.panic) throw this.panic;
    let fail: ((panic: WasmEnginePanic) => void) | undefined;
    const panicked = new Promise<never>((_resolve, reject) => {
      fail = reject;
      this.waiting.add(reject);
    });
    try {
      return await Promise.race([run(), panicked]);
    } catch (error) {
      // A panic in the synchronous part of an engine call (debugPanic) comes back as a plain rejection.
      if (error instanceof WasmEnginePanic) this.record(error);
      throw error;
    } finally {
      if (fail) this.waiting.delete(fail);
    }
  }
}
