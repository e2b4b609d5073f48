import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';

const idSchema = z.union([z.number(), z.string()]);

const requestSchema = z.object({
  jsonrpc: z.literal('2.0').optional(),
  id: idSchema,
  method: z.string(),
  params: z.unknown().optional(),
});

const responseSchema = z.object({
  id: idSchema,
  result: z.unknown().optional(),
  error: z.unknown().optional(),
});

export type RpcId = z.infer<typeof idSchema>;

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export type RequestHandler = (method: string, params: unknown) => Promise<unknown>;

/** Thrown by a handler to answer with a specific JSON-RPC error. */
export class RpcFailure extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
  }
}

/**
 * Line-delimited JSON-RPC 2.0 in both directions: answers the requests that arrive on `input` one at
 * a time (the engine is not re-entrant), and can itself ask the other side (`print`).
 */
export class JsonRpcPeer {
  private readonly pending = new Map<RpcId, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
  ) {}

  /** Resolves when the input ends and every request received so far has been answered. */
  serve(handler: RequestHandler): Promise<void> {
    const lines = createInterface({ input: this.input, crlfDelay: Infinity });
    lines.on('line', (line) => this.receive(line, handler));
    return new Promise((resolve) => {
      lines.on('close', () => {
        for (const { reject } of this.pending.values()) reject(new Error('the client closed the connection'));
        this.pending.clear();
        void this.queue.then(resolve);
      });
    });
  }

  request(method: string, params: unknown): Promise<unknown> {
    const id = `engine-${this.nextId++}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  private send(message: object): void {
    this.output.write(`${JSON.stringify(message)}\n`);
  }

  private receive(line: string, handler: RequestHandler): void {
    if (line.trim() === '') return;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      this.send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    const request = requestSchema.safeParse(message);
    if (request.success) {
      const { id, method, params } = request.data;
      this.queue = this.queue.then(() => this.answer(id, method, params, handler));
      return;
    }
    const response = responseSchema.safeParse(message);
    const waiting = response.success ? this.pending.get(response.data.id) : undefined;
    if (response.success && waiting) {
      this.pending.delete(response.data.id);
      if (response.data.error === undefined) waiting.resolve(response.data.result);
      else waiting.reject(new Error(`the client answered with an error: ${JSON.stringify(response.data.error)}`));
      return;
    }
    this.send({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request' } });
  }

  private async answer(id: RpcId, method: string, params: unknown, handler: RequestHandler): Promise<void> {
    try {
      const result = await handler(method, params);
      this.send({ jsonrpc: '2.0', id, result: result ?? {} });
    } catch (error) {
      const rpcError: RpcError =
        error instanceof RpcFailure ? error.error : { code: -32603, message: error instanceof Error ? error.message : String(error) };
      this.send({ jsonrpc: '2.0', id, error: rpcError });
    }
  }
}
