import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { HttpSession } from './http-session';
import { PROJECT_ROOT } from './start-server';

// Calls a server action the way anyone on the network can: a POST with its id and React-encoded arguments.
// The id comes from the production build's manifest; the arguments are encoded by React's own client encoder,
// so FormData arguments travel as the browser would send them.

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
};

interface ActionManifest {
  node: Record<string, { filename: string; exportedName: string }>;
}

/** Every server action of the production build: its id, source file and exported name. */
export function listServerActions(): { id: string; filename: string; exportedName: string }[] {
  const manifestPath = path.join(PROJECT_ROOT, '.next/server/server-reference-manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ActionManifest;
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, filename: entry.filename, exportedName: entry.exportedName }));
}

export function findServerActionId(filename: string, exportedName: string): string {
  const match = listServerActions().find((entry) => entry.filename === filename && entry.exportedName === exportedName);
  if (!match) throw new Error(`No server action ${exportedName} in ${filename}: is the production build current?`);
  return match.id;
}

/** The raw response text (an RSC stream carrying the action's return value). */
export async function callServerAction(
  session: HttpSession,
  pagePath: string,
  actionId: string,
  args: unknown[],
  /** Overrides of what a same-origin browser sends (e.g. another site's Origin). */
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; redirect: string | null }> {
  const body = await encodeReply(args);
  const response = await session.fetch(pagePath, {
    method: 'POST',
    headers: {
      'next-action': actionId,
      origin: session.baseUrl,
      ...headers,
      accept: 'text/x-component',
      ...(typeof body === 'string' ? { 'content-type': 'text/plain;charset=UTF-8' } : {}),
    },
    body,
  });
  // An action that redirects answers 200 and names the target in this header (the client router follows it).
  return { status: response.status, text: await response.text(), redirect: response.headers.get('x-action-redirect') };
}
