// Server lifecycle messages: one line each, prefixed so they stand out from Next's own output.
export function log(line: string): void {
  console.log(`[mockloop] ${line}`);
}

export function logError(line: string, error?: unknown): void {
  console.error(`[mockloop] ${line}`);
  if (error !== undefined) console.error(error);
}
