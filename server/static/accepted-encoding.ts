export type StaticEncoding = 'br' | 'gzip';

/**
 * The encoding to send a precompressed asset in, from a request's Accept-Encoding: brotli when the client takes it,
 * else gzip, else none (the caller then serves the file as it is). `q=0` refuses a coding; `*` stands for any
 * coding not named.
 */
export function acceptedEncoding(header: string | undefined): StaticEncoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: StaticEncoding) => weights.get(coding) ?? weights.get('*') ?? 0;
  if (weightOf('br') > 0 && weightOf('br') >= weightOf('gzip')) return 'br';
  if (weightOf('gzip') > 0) return 'gzip';
  return null;
}
