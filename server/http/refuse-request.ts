import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '@/lib/errors';

/** Answers a request the server will not hand to Next, in the shape every JSON error of the app has. */
export function refuseRequest(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ code, message }));
}
