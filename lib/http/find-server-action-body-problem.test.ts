import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findServerActionBodyProblem } from './find-server-action-body-problem';

// React's own client encoder, as the browser runs it: whatever it produces must pass.
const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as {
  encodeReply: (args: unknown[]) => Promise<string | FormData>;
};

async function asRequest(body: string | FormData): Promise<[string, Buffer]> {
  const response = new Response(body);
  return [response.headers.get('content-type') ?? '', Buffer.from(await response.arrayBuffer())];
}

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

describe('findServerActionBodyProblem', () => {
  it('accepts what React encodes for the arguments actions take', async () => {
    const shared = { id: 'a', tags: ['x'] };
    const argumentLists: unknown[][] = [
      [],
      ['session-1'],
      ['$literal dollar', 'round-1', undefined, null, 3, -0, Number.NaN, Number.POSITIVE_INFINITY, 10n, new Date(0)],
      [{ status: 'idle', attempt: 0 }, form({ title: 'A title', 'customRoundKinds': 'SQL' })],
      ['story-1', { status: 'idle' }, form({})],
      [shared, shared, { nested: shared }],
      [new Map([['a', 1]]), new Set(['b']), [form({ a: '1' }), form({ b: '2' })]],
    ];
    for (const args of argumentLists) {
      const [contentType, body] = await asRequest(await encodeReply(args));
      expect(await findServerActionBodyProblem(contentType, body), JSON.stringify(args, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).toBeNull();
    }
  });

  it('names what is wrong with a body React could not have sent', async () => {
    const text = 'text/plain;charset=UTF-8';
    // A FormData body travels with the multipart type (and boundary) it was encoded with.
    const cases: [string | undefined, string | FormData, string][] = [
      [text, '{not json', 'The request body is not JSON.'],
      [text, '', 'The request body is not JSON.'],
      [text, '{"a":1}', 'The request body is malformed: the arguments are not a list.'],
      [text, JSON.stringify(new Array(1001).fill(1)), 'The request body is malformed: more than 1000 arguments.'],
      [text, '["$@5"]', 'The request body refers to parts it does not contain.'],
      [text, '["$Q9", "$1"]', 'The request body refers to parts it does not contain.'],
      [text, '["$nzz"]', 'The request body is malformed: a big integer is not a number.'],
      [text, '["$zz"]', 'The request body is malformed: "$zz" is not a value React encodes.'],
      ['application/json', '[]', 'A server action takes a text/plain or multipart/form-data body.'],
      [undefined, '[]', 'A server action takes a text/plain or multipart/form-data body.'],
      ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[', 'The request body is not a well-formed multipart form.'],
      [undefined, form({ '1_title': 'x' }), 'The request body has no arguments part.'],
      [undefined, form({ '0': 'not json' }), "The request body's part 0 is not JSON."],
      [undefined, form({ '0': '"$K1"' }), 'The request body is malformed: the arguments are not a list.'],
      [undefined, form({ '0': '["$@1"]' }), 'The request body refers to parts it does not contain.'],
      [undefined, form({ '0': '["$1"]', '1': '{' }), "The request body's part 1 is not JSON."],
    ];
    for (const [contentType, body, problem] of cases) {
      const [encodedType, bytes] = await asRequest(body);
      expect(await findServerActionBodyProblem(typeof body === 'string' ? contentType : encodedType, bytes), String(body)).toBe(problem);
    }
    expect(await findServerActionBodyProblem(text, Buffer.from([0xff, 0xfe]))).toBe('The request body is not UTF-8 text.');
  });
});
