// Field limits of a question, shared by the form (in the browser) and its schema (on the server). Kept apart
// from the schema, which reads the rubric catalog: the catalog must never enter a browser bundle.

export const TITLE_MIN_LENGTH = 3;
export const TITLE_MAX_LENGTH = 120;
export const PROMPT_MAX_LENGTH = 20_000;
export const SOLUTION_MAX_LENGTH = 50_000;
