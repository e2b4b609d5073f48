import { expect } from 'vitest';
import type { HttpSession } from './http-session';

/** A page as HTML, or as the RSC payload the client router fetches (after Next's one cache-busting redirect). */
export async function fetchPage(session: HttpSession, path: string, rsc = false): Promise<{ status: number; text: string }> {
  // With a header to hash, Next redirects once to the URL carrying the `_rsc` cache-busting hash of it.
  const init = rsc ? { headers: { rsc: '1', 'next-url': '/sessions' } } : {};
  let response = await session.fetch(path, init);
  const location = response.headers.get('location');
  if (rsc && response.status === 307 && location?.includes('_rsc=')) response = await session.fetch(location, init);
  return { status: response.status, text: await response.text() };
}

/**
 * The longest stretch of a text that no encoding touches (HTML escapes quotes; an RSC payload inside a script
 * escapes them again), so a search for it in a page cannot miss the text because of how it was encoded.
 */
export function searchable(text: string): string {
  return (text.match(/[^"'&<>\\\n]+/g) ?? []).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

export function expectNoneOf(texts: string[], body: string, where = ''): void {
  for (const text of texts) expect(body, `${where}: ${text}`).not.toContain(searchable(text));
}
