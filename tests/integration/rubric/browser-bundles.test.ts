import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_QUESTIONS } from '@/lib/questions/built-in-questions';
import { SIGNAL_CATALOG } from '@/lib/rubric/signal-catalog';
import { PROJECT_ROOT } from '../../support/start-server';

// Every file under .next/static is served to anyone who asks, candidates included. The rubric (what to look
// for, the level anchors) and the built-in solutions reach interviewers as data from the server; if a client
// component ever imports the catalog, its text lands in a public chunk. This reads the production build.

async function staticScripts(): Promise<string[]> {
  const root = path.join(PROJECT_ROOT, '.next/static');
  const entries = await readdir(root, { recursive: true });
  const scripts = entries.filter((entry) => entry.endsWith('.js'));
  return Promise.all(scripts.map((entry) => readFile(path.join(root, entry), 'utf8')));
}

/** A stretch of text that survives JS string escaping unchanged. */
function searchable(text: string): string {
  return (text.match(/[^"'\\\n`$]+/g) ?? []).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

describe('public browser bundles', () => {
  it('carry no rubric text, no built-in solution and no scripted twist', async () => {
    const bundles = await staticScripts();
    expect(bundles.length).toBeGreaterThan(5);
    const secrets = [
      ...SIGNAL_CATALOG.flatMap((signal) => [signal.lookFor, signal.anchors.E4, signal.anchors.E5, signal.anchors.E6]),
      ...BUILT_IN_QUESTIONS.map((question) => question.interviewerView.solution),
      // Unfired twists are candidate secrets too: their text reaches a browser only once fired, as data.
      ...BUILT_IN_QUESTIONS.flatMap((question) => (question.interviewerView.twists ?? []).flatMap((twist) => [twist.prompt, twist.strongAnswer ?? ''])),
    ]
      .filter((text) => text !== '')
      .map(searchable);
    const leaked = secrets.filter((secret) => bundles.some((bundle) => bundle.includes(secret)));
    expect(leaked).toEqual([]);
  });
});
