import { randomBytes } from 'node:crypto';

/** Sign-up input with a unique email, so tests never depend on each other's rows or order. */
export function buildSignUpInput(overrides: Partial<{ name: string; email: string; password: string }> = {}) {
  const id = randomBytes(5).toString('hex');
  return {
    name: `Test User ${id}`,
    email: `user-${id}@example.test`,
    password: `correct horse ${id} battery`,
    ...overrides,
  };
}
