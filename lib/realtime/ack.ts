import type { ErrorCode } from '@/lib/errors';

// Every client command is acknowledged with one of these two shapes.
export type Ack<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | 'INTERNAL'; message: string };

export type AckCallback<T> = (ack: Ack<T>) => void;
