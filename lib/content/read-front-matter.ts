import { parseDocument } from 'yaml';
import { ContentFileError } from './content-file-error';

export interface FrontMatterFile {
  /** The YAML between the `---` lines, as plain data. */
  data: unknown;
  /** Everything after the closing `---`. */
  body: string;
}

/** Parses YAML text strictly (duplicate keys are errors, as a second `hints:` silently replacing the first would be). */
export function parseYaml(file: string, text: string, firstLine = 1): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const problems = [...document.errors, ...document.warnings].map((error) => {
    const line = error.linePos?.[0]?.line;
    return `${line === undefined ? 'YAML' : `line ${line + firstLine - 1}`}: ${error.message.split('\n')[0]}`;
  });
  if (problems.length > 0) throw new ContentFileError(file, problems);
  return document.toJS();
}

/** Splits a Markdown file into its front matter (`---` YAML `---` at the very top) and its body. */
export function readFrontMatter(file: string, text: string): FrontMatterFile {
  const normalized = text.replace(/\r\n/g, '\n');
  if (!normalized.startsWith('---\n')) throw new ContentFileError(file, ['the file must start with a "---" line, then the YAML front matter']);
  const end = normalized.indexOf('\n---\n', 3);
  if (end === -1) throw new ContentFileError(file, ['the front matter has no closing "---" line']);
  // Line 2 of the file is line 1 of the YAML.
  return { data: parseYaml(file, normalized.slice(4, end + 1), 2), body: normalized.slice(end + 5) };
}
