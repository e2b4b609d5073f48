// Field limits of a question, shared by the form (in the browser) and its schema (on the server). Kept apart
// from the schema, which reads the rubric catalog: the catalog must never enter a browser bundle.

export const TITLE_MIN_LENGTH = 3;
export const TITLE_MAX_LENGTH = 120;
export const PROMPT_MAX_LENGTH = 20_000;
export const SOLUTION_MAX_LENGTH = 50_000;

/** How many twists the form holds; built-ins carry two to four. */
export const TWIST_SLOTS = [1, 2, 3, 4] as const;
export type TwistSlot = (typeof TWIST_SLOTS)[number];
export const TWIST_TITLE_MAX_LENGTH = 120;
export const TWIST_PROMPT_MAX_LENGTH = 2_000;
export const TWIST_STRONG_ANSWER_MAX_LENGTH = 4_000;
