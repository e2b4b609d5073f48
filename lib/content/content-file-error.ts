/**
 * A content file (content/questions, content/rubric) that does not follow the format. The message names the file
 * and, for each problem, the field (`probes[1].level`, `# Prompt`), so a coach can fix it without reading code.
 */
export class ContentFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'ContentFileError';
  }
}

/** `['probes', 1, 'level']` → `probes[1].level`: the way the path reads in the YAML a coach edits. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}
