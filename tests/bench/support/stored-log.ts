import type { Db } from '@/lib/db';

// What a load writes to the document log (the DocumentUpdate rows every acknowledged update becomes, before any
// folding into snapshots), read from PostgreSQL itself: the log's highest id at the start and end of the measured
// window, then the rows between them. Rows are numbered as they are inserted, so those are the window's writes.

export interface StoredLog {
  rows: number;
  /** The updates' own bytes (octet_length), without row or index overhead. */
  bytes: number;
}

export async function readLogPosition(db: Db): Promise<bigint> {
  const [row] = await db.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM "DocumentUpdate"`;
  return row?.id ?? 0n;
}

export async function readLogBetween(db: Db, after: bigint, upTo: bigint): Promise<StoredLog> {
  const [row] = await db.$queryRaw<{ rows: bigint; bytes: bigint | null }[]>`
    SELECT count(*) AS rows, sum(octet_length("update")) AS bytes FROM "DocumentUpdate" WHERE id > ${after} AND id <= ${upTo}`;
  return { rows: Number(row?.rows ?? 0), bytes: Number(row?.bytes ?? 0) };
}
