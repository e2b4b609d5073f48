import { describe, expect, it } from 'vitest';
import { signInSchema, signUpSchema } from './credentials.schema';
import { PASSWORD_MAX_LENGTH } from './password-limits';

function passwordErrors(password: string, email = 'ada@example.test') {
  const result = signUpSchema.safeParse({ name: 'Ada', email, password });
  return result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === 'password').map((issue) => issue.message);
}

describe('sign-up password rules', () => {
  it('accepts a long passphrase and refuses short, common, repetitive or self-describing ones', () => {
    expect(passwordErrors('correct horse battery staple')).toEqual([]);
    expect(passwordErrors('123456789')).toEqual(['Use at least 10 characters.']);
    expect(passwordErrors('Password123')).toEqual(['That password is too common; choose another.']);
    expect(passwordErrors('abababababab')).toEqual(['That password is too repetitive; choose another.']);
    expect(passwordErrors('ada-likes-sql-2024')).toEqual(['Your password must not contain your email name.']);
    expect(passwordErrors('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toContain(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  });

  it('normalises emails and explains a malformed one', () => {
    expect(signInSchema.parse({ email: '  Ada@Example.TEST ', password: 'x' }).email).toBe('ada@example.test');
    const result = signInSchema.safeParse({ email: 'ada@', password: 'x' });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([
      'Enter a valid email address, like name@example.com.',
    ]);
  });
});
