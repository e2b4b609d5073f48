import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CONTENT_DIR_OF_KIND } from '../content/content-dirs';
import { ContentFileError, formatFieldPath } from '../content/content-file-error';
import { parseYaml } from '../content/read-front-matter';
import { ROUND_KINDS } from '../rounds/round-kind';
import { type Signal, signalSchema } from './signal-types';

// Server-only (it reads files): the browser never receives the catalog as code, only the signals a page is
// allowed to show, as data (lint keeps components/ from importing it).

/** Reads content/rubric/<kind>.yaml for every round kind: each a list of signals of that round. */
export function loadSignalCatalog(contentRoot: string): Signal[] {
  return ROUND_KINDS.flatMap((kind) => {
    const file = path.join('content', 'rubric', `${CONTENT_DIR_OF_KIND[kind]}.yaml`);
    const data = parseYaml(file, readFileSync(path.join(contentRoot, 'rubric', `${CONTENT_DIR_OF_KIND[kind]}.yaml`), 'utf8'));
    const parsed = z.array(signalSchema.strict()).safeParse(data);
    if (!parsed.success) {
      throw new ContentFileError(file, parsed.error.issues.map((issue) => `${formatFieldPath(issue.path) || 'file'}: ${issue.message}`));
    }
    const wrongRound = parsed.data.findIndex((signal) => signal.roundKind !== kind);
    if (wrongRound !== -1) throw new ContentFileError(file, [`[${wrongRound}].roundKind: this file holds ${kind} signals`]);
    return parsed.data;
  });
}
