// How long a password may be: the sign-up form shows these, the schema enforces them. Kept apart from the schema
// so the browser can read the numbers without downloading zod.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
