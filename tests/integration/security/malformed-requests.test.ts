import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { INVALID_ACTION_CALL_MESSAGE } from '@/lib/http/is-form-action-call';
import { buildSignUpInput } from '../../factories/user-factory';
import type { HttpSession } from '../../support/http-session';
import { withLiveTestServer } from '../../support/live-test-server';
import { callServerAction, findServerActionId, listServerActions } from '../../support/server-action';

// Input a client got wrong is the client's problem: the server answers 4xx and says what was wrong, never 500 (or a
// reset). A battery of what the outside review sent (issue 19, item 8), against every server action of the build.

const live = withLiveTestServer();
const TEXT = 'text/plain;charset=UTF-8';
const MB = 1024 * 1024;

interface Answer {
  label: string;
  status: number;
  body: string;
}

async function send(session: HttpSession, label: string, path: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const response = await session.fetch(path, init);
    return { label, status: response.status, body: await response.text() };
  } catch (error) {
    // A reset or a closed connection: as bad as a 500 for the client.
    return { label, status: 599, body: String((error as { cause?: unknown }).cause ?? error) };
  }
}

function multipart(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

/** The page an action is posted to: its own route, with a made-up id where the route has one. */
function pageOf(filename: string): string {
  return filename.replace(/^app/, '').replace(/\/actions\.ts$/, '').replace(/\[[^\]]+\]/g, 'not-a-real-id') || '/';
}

function expectClientErrors(answers: Answer[]): void {
  const failures = answers.filter((answer) => answer.status < 400 || answer.status >= 500).map((answer) => `${answer.status} ${answer.label}: ${answer.body.slice(0, 120)}`);
  expect(failures).toEqual([]);
  for (const answer of answers) {
    const parsed = JSON.parse(answer.body) as { code: string; message: string };
    expect(parsed.code, answer.label).toMatch(/^[A-Z_]+$/);
    expect(parsed.message.length, answer.label).toBeGreaterThan(10);
  }
}

async function signedIn(): Promise<HttpSession> {
  const account = buildSignUpInput();
  await registerUser(live.db, account);
  return live.signIn(account);
}

describe('malformed requests', () => {
  it('answers every server action a 4xx with a message for a body React’s client could not have sent', async () => {
    const session = await signedIn();
    const origin = session.baseUrl;
    const answers: Answer[] = [];
    const post = (label: string, path: string, actionId: string, body: BodyInit, contentType?: string) =>
      send(session, label, path, {
        method: 'POST',
        headers: { 'next-action': actionId, origin, accept: 'text/x-component', ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      });
    for (const { id, filename, exportedName } of listServerActions()) {
      const page = pageOf(filename);
      const label = (what: string) => `${exportedName} ${what}`;
      answers.push(
        await post(label('not JSON'), page, id, '{not json', TEXT),
        await post(label('empty body'), page, id, '', TEXT),
        await post(label('arguments not a list'), page, id, '{"a":1}', TEXT),
        await post(label('references to missing parts'), page, id, '["$@5","$Q9","$K1"]', TEXT),
        await post(label('a bigint that is not a number'), page, id, '["$nzz"]', TEXT),
        await post(label('url-encoded'), page, id, 'a=%ZZ&b', 'application/x-www-form-urlencoded'),
        await post(label('JSON content type'), page, id, '[]', 'application/json'),
        await post(label('truncated multipart'), page, id, '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[', 'multipart/form-data; boundary=xyz'),
        await post(label('multipart without arguments'), page, id, multipart({ '1_title': 'x' })),
        await post(label('multipart arguments not JSON'), page, id, multipart({ '0': 'not json' })),
        await post(label('multipart arguments not a list'), page, id, multipart({ '0': '"$K1"', '1_x': 'y' })),
        await post(label('multipart reference to a missing part'), page, id, multipart({ '0': '["$@3"]' })),
        await post(label('2 MB of text'), page, id, JSON.stringify(['x'.repeat(2 * MB)]), TEXT),
        await post(label('1.5 MB multipart'), page, id, multipart({ '0': '[{},"$K1"]', '1_name': 'x'.repeat(1.5 * MB) })),
      );
    }
    // An MPA post (a form without JavaScript) that is not a form at all, and a large one.
    answers.push(
      await send(session, 'truncated form post', '/sessions/new', { method: 'POST', headers: { origin, 'content-type': 'multipart/form-data; boundary=q' }, body: '--q\r\nxx' }),
      await send(session, '3 MB form post', '/sessions/new', { method: 'POST', headers: { origin }, body: multipart({ title: 'x'.repeat(3 * MB) }) }),
      await send(session, '2 MB sign-in', '/api/auth/callback/credentials', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: `email=${'x'.repeat(2 * MB)}`,
      }),
      await send(session, 'next-auth JSON that is not JSON', '/api/auth/callback/credentials', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{' }),
    );
    expectClientErrors(answers);
    expect(answers.find((answer) => answer.label === 'createSessionAction 2 MB of text')).toMatchObject({ status: 413 });
    expect(answers.find((answer) => answer.label === 'createSessionAction not JSON')?.body).toContain('The request body is not JSON.');
  });

  it('answers 4xx for unknown actions and for action bodies of unknown length', async () => {
    const session = await signedIn();
    const unknown = await send(session, 'unknown action', '/sessions/new', {
      method: 'POST',
      headers: { 'next-action': '40'.padEnd(42, 'a'), origin: session.baseUrl, 'content-type': TEXT },
      body: '[]',
    });
    const garbled = await send(session, 'garbled action id', '/sessions/new', {
      method: 'POST',
      headers: { 'next-action': 'zz%00', origin: session.baseUrl, 'content-type': TEXT },
      body: '[]',
    });
    for (const answer of [unknown, garbled]) expect(answer.status, answer.label).toBeGreaterThanOrEqual(400);
    for (const answer of [unknown, garbled]) expect(answer.status, answer.label).toBeLessThan(500);

    const chunked = await new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(
        `${session.baseUrl}/sessions/new`,
        { method: 'POST', headers: { 'next-action': findServerActionId('app/sessions/new/actions.ts', 'createSessionAction'), 'content-type': TEXT } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ label: 'chunked', status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.write('[{},');
      request.end('null]');
    });
    expectClientErrors([chunked]);
    expect(chunked.status).toBe(411);
  });

  it('answers a form action called with something other than its previous state and form with a 400', async () => {
    const session = await signedIn();
    const forms = listServerActions().filter(({ exportedName }) =>
      ['createSessionAction', 'signUpAction', 'createStoryAction', 'createQuestionAction', 'createInviteAction', 'updateStoryAction', 'updateQuestionAction', 'saveLoopCallAction', 'linkStoryTellingAction'].includes(exportedName),
    );
    expect(forms).toHaveLength(9);
    for (const { id, filename, exportedName } of forms) {
      // Bound arguments (an id) come first; the previous state and the form last. Every shape but the right one.
      const bound = /\[[^\]]+\]/.test(filename) ? ['not-a-real-id'] : [];
      for (const args of [[...bound, 1, 2], [...bound, null, null], [...bound, { status: 'idle', attempt: 0 }, 'not a form'], [...bound, { a: [1] }]]) {
        const answer = await callServerAction(session, pageOf(filename), id, args);
        expect({ status: answer.status, body: answer.text }, `${exportedName} ${JSON.stringify(args)}`).toEqual({
          status: 400,
          body: JSON.stringify({ code: 'INVALID_INPUT', message: INVALID_ACTION_CALL_MESSAGE }),
        });
      }
    }
    // The control: a real form still goes through the same path.
    const form = new FormData();
    form.append('title', 'A real story');
    const real = await callServerAction(session, '/stories/new', findServerActionId('app/stories/new/actions.ts', 'createStoryAction'), [{ status: 'idle', attempt: 0 }, form]);
    expect(real.status).toBe(200);
  });

  it('answers an address with malformed %-encoding, a control character or a NUL with a 400 that says so', async () => {
    const session = await signedIn();
    const answers: Answer[] = [];
    for (const path of ['/sessions/%00/report/export', '/sessions/%', '/sessions/%ZZ', '/questions/%E0%A4%A', '/invite/%', '/api/auth/%ZZ', '/stories/a%0Ab', '/questions?q=%00', '/sessions?q=a%00b']) {
      answers.push(await send(session, path, path));
    }
    expectClientErrors(answers);
    expect(answers[0]?.body).toContain('The address contains a control character.');
    expect(answers[1]?.body).toContain('The address has malformed %-encoding.');
    // PostgreSQL refuses a NUL in any text: a search for one was a 500.
    expect(answers.at(-1)?.body).toContain('The address contains a NUL character.');
    // A return URL with a newline no longer breaks the sign-in page's redirect header.
    const signIn = await send(session, 'callbackUrl with a newline', '/sign-in?callbackUrl=/%0A/evil.example');
    expect(signIn.status).toBe(307);
  });
});
