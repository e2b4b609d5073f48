'use client';

import { z } from 'zod';

// Zod compiles object parsers with `new Function` when the page allows it, and finds out by calling Function('')
// once. Our Content-Security-Policy has no 'unsafe-eval', so in the browser that probe is refused and reported as
// a violation. Its interpreted parsers are just as correct; saying so up front keeps the policy free of noise.
// Module scope: set when the layout's client modules load, before any component parses anything.
z.config({ jitless: true });

/** Rendered once by the root layout so that this module is part of every page's browser bundle. */
export function ZodWithoutEval(): null {
  return null;
}
