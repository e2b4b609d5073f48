// A server action is a public endpoint: anyone can POST to a page with a Next-Action header and any body. Next
// decodes that body with React's reply decoder before the action runs and answers anything it cannot decode with a
// 500. The custom server checks the body's shape first, so a malformed one is refused with a 400 naming the
// problem, and Next only ever decodes what React's own client encoder could have produced:
// - text/plain: one JSON part, whose root is the argument list;
// - multipart/form-data: part "0" is that JSON root; further parts (decimal names) hold what it outlines.
// A string starting with "$" is React's marker for a value JSON cannot carry; those below stand alone, every other
// one names another part (by a hex id), which must exist.

/** What Next accepts (its default bodySizeLimit, which mockloop keeps). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

// Next refuses more arguments than this (and answers 500); React's client never sends a longer list.
const MAX_ARGUMENTS = 1000;

// $$ escape, $T temporary reference, $K form-data entries (which may be none), $I Infinity, $N NaN, $u undefined,
// $- -0 or -Infinity, $D date, $n bigint, $H nothing.
const STANDALONE_MARKERS = new Set(['$', 'T', 'K', 'I', 'N', 'u', '-', 'D', 'n', 'H']);
// A promise, server reference, map, set, iterator, typed array, blob or stream: "$<marker><hex id>[:path]". Any
// other "$..." is a plain reference, "$<hex id>[:path]" (React's reply decoder, ReactFlightReplyServer).
const PART_MARKERS = new Set([...'@hQWiAOoUSsLlGgMmVBRrXx']);
const BIGINT = /^-?\d+$/;
const PART_ID = /^[0-9a-f]+$/i;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parseJson(text: string): { ok: true; value: Json } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    return { ok: false };
  }
}

/** The ids of the parts this value refers to, or a problem with one of its markers. */
function collectReferences(value: Json, references: Set<number>): string | null {
  if (typeof value === 'string') {
    if (value[0] !== '$' || value.length < 2) return null;
    const marker = value[1]!;
    if (marker === 'n' && !BIGINT.test(value.slice(2))) return 'a big integer is not a number';
    if (STANDALONE_MARKERS.has(marker)) return null;
    const id = (PART_MARKERS.has(marker) ? value.slice(2) : value.slice(1)).split(':')[0]!;
    if (!PART_ID.test(id)) return `"${value.slice(0, 20)}" is not a value React encodes`;
    references.add(Number.parseInt(id, 16));
    return null;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = collectReferences(item, references);
      if (problem) return problem;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) {
      const problem = collectReferences(item, references);
      if (problem) return problem;
    }
  }
  return null;
}

function checkRoot(root: Json): string | null {
  if (!Array.isArray(root)) return 'the arguments are not a list';
  if (root.length > MAX_ARGUMENTS) return `more than ${MAX_ARGUMENTS} arguments`;
  return null;
}

async function readMultipart(contentType: string, body: Buffer): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}

/**
 * Why a multipart POST without a Next-Action header cannot be read. Next takes any such POST to a page for a
 * server action submitted by a form without JavaScript, and answers 500 when the form cannot be parsed.
 */
export async function findMultipartFormProblem(contentType: string | undefined, body: Buffer): Promise<string | null> {
  return (await readMultipart(contentType ?? '', body)) ? null : 'The request body is not a well-formed multipart form.';
}

/**
 * Why this server-action request body is not one React's client could have sent, or null when it is well formed.
 * Well formed is not valid: each action still parses its own arguments.
 */
export async function findServerActionBodyProblem(contentType: string | undefined, body: Buffer): Promise<string | null> {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/plain') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return 'The request body is not UTF-8 text.';
    }
    const root = parseJson(text);
    if (!root.ok) return 'The request body is not JSON.';
    const references = new Set<number>();
    const problem = checkRoot(root.value) ?? collectReferences(root.value, references);
    if (problem) return `The request body is malformed: ${problem}.`;
    // Text is a single part, 0: a repeated value may point back into it, but there is nothing else to refer to.
    return [...references].some((id) => id !== 0) ? 'The request body refers to parts it does not contain.' : null;
  }
  if (type === 'multipart/form-data') {
    const form = await readMultipart(contentType!, body);
    if (!form) return 'The request body is not a well-formed multipart form.';
    const rootPart = form.get('0');
    if (typeof rootPart !== 'string') return 'The request body has no arguments part.';
    const references = new Set<number>();
    for (const [name, part] of form) {
      // Decimal names are React's parts; "<id>_<name>" entries are a FormData argument's own fields.
      if (!/^\d+$/.test(name) || typeof part !== 'string') continue;
      const parsed = parseJson(part);
      if (!parsed.ok) return `The request body's part ${name} is not JSON.`;
      const problem = (name === '0' ? checkRoot(parsed.value) : null) ?? collectReferences(parsed.value, references);
      if (problem) return `The request body is malformed: ${problem}.`;
    }
    for (const id of references) {
      if (!form.has(String(id))) return 'The request body refers to parts it does not contain.';
    }
    return null;
  }
  return 'A server action takes a text/plain or multipart/form-data body.';
}
