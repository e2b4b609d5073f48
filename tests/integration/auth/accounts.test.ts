import { describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/register-user';
import { SignInRateLimiter } from '@/lib/auth/sign-in-rate-limiter';
import { WRONG_CREDENTIALS, verifyCredentials } from '@/lib/auth/verify-credentials';
import { AppError } from '@/lib/errors';
import { buildSignUpInput } from '../../factories/user-factory';
import { withMigratedTestDatabase } from '../../support/test-database';

const database = withMigratedTestDatabase();

function limiter(overrides: Partial<ConstructorParameters<typeof SignInRateLimiter>[0]> = {}) {
  return new SignInRateLimiter({
    maxAttemptsPerAccountAndIp: 5,
    maxAttemptsPerAccount: 20,
    maxAttemptsPerIp: 100,
    maxSignUpsPerIp: 100,
    windowSeconds: 900,
    ...overrides,
  });
}

async function expectAppError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('sign-up', () => {
  it('stores an argon2id hash, never the password, and normalises the email', async () => {
    const input = buildSignUpInput();
    const user = await registerUser(database.db, { ...input, email: `  ${input.email.toUpperCase()} ` });
    expect(user).toEqual({ id: expect.any(String), name: input.name, email: input.email });
    expect(user).not.toHaveProperty('passwordHash');
    const stored = await database.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain(input.password);
  });

  it('refuses a taken email with a message on the email field', async () => {
    const input = buildSignUpInput();
    await registerUser(database.db, input);
    const error = await expectAppError(registerUser(database.db, { ...buildSignUpInput(), email: input.email }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details.fieldErrors?.email).toEqual(['An account with this email already exists. Sign in instead.']);
  });

  it('reports a taken email together with other field errors', async () => {
    const input = buildSignUpInput();
    await registerUser(database.db, input);
    const error = await expectAppError(registerUser(database.db, { name: 'Other', email: input.email, password: 'short' }));
    expect(error.details.fieldErrors).toEqual({
      email: ['An account with this email already exists. Sign in instead.'],
      password: ['Use at least 10 characters.'],
    });
  });

  it('lets exactly one of two simultaneous sign-ups for one email through', async () => {
    const input = buildSignUpInput();
    const results = await Promise.allSettled([registerUser(database.db, input), registerUser(database.db, { ...input, name: 'Twin' })]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await database.db.user.count({ where: { email: input.email } })).toBe(1);
  });

  it.each([
    ['short', 'Use at least 10 characters.'],
    ['password123', 'That password is too common; choose another.'],
    ['aaaaabbbbbaaaaa', 'That password is too repetitive; choose another.'],
  ])('refuses the weak password %j with a clear message', async (password, message) => {
    const error = await expectAppError(registerUser(database.db, buildSignUpInput({ password })));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details.fieldErrors?.password).toContain(message);
  });

  it('names every invalid field at once', async () => {
    const error = await expectAppError(registerUser(database.db, { name: ' ', email: 'not-an-email', password: '' }));
    expect(Object.keys(error.details.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password']);
  });
});

describe('sign-in', () => {
  it('accepts the right password and returns the account without its hash', async () => {
    const input = buildSignUpInput();
    const user = await registerUser(database.db, input);
    const signedIn = await verifyCredentials(database.db, limiter(), { email: input.email, password: input.password }, { ip: '10.0.0.1' });
    expect(signedIn).toEqual({ id: user.id, name: input.name, email: input.email });
  });

  it('gives the same message for a wrong password and an unknown email', async () => {
    const input = buildSignUpInput();
    await registerUser(database.db, input);
    const wrongPassword = await expectAppError(
      verifyCredentials(database.db, limiter(), { email: input.email, password: 'not the password' }, { ip: '10.0.0.2' }),
    );
    const unknownEmail = await expectAppError(
      verifyCredentials(database.db, limiter(), { email: 'nobody@example.test', password: 'whatever1234' }, { ip: '10.0.0.2' }),
    );
    expect(wrongPassword.message).toBe(WRONG_CREDENTIALS);
    expect(unknownEmail.message).toBe(WRONG_CREDENTIALS);
  });

  it('locks one address out of an account after repeated failures, even for the right password, and only that address', async () => {
    const input = buildSignUpInput();
    await registerUser(database.db, input);
    const shared = limiter({ maxAttemptsPerAccountAndIp: 3 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const error = await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: 'wrong guess' }, { ip: '10.1.0.1' }));
      expect(error.code).toBe('UNAUTHENTICATED');
    }
    const locked = await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, { ip: '10.1.0.1' }));
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
    expect(locked.details.retryAfterSeconds).toBeGreaterThan(0);
    await expect(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, { ip: '10.1.0.2' })).resolves.toMatchObject({
      email: input.email,
    });
  });

  it('lets a known device past its address’s lock, and counts its own failures', async () => {
    const input = buildSignUpInput();
    await registerUser(database.db, input);
    const shared = limiter({ maxAttemptsPerAccountAndIp: 2, maxAttemptsPerIp: 2 });
    const laptop = { ip: '10.4.0.1', recogniseDevice: (email: string) => (email === input.email ? 'laptop' : null) };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: 'wrong guess' }, { ip: '10.4.0.1' }));
    }
    expect((await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, { ip: '10.4.0.1' }))).code).toBe(
      'RATE_LIMITED',
    );
    await expect(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, laptop)).resolves.toMatchObject({
      email: input.email,
    });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: 'typo typo' }, laptop));
    }
    expect((await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, laptop))).code).toBe('RATE_LIMITED');
  });

  it('admits only known devices and addresses without failures once an account is over its soft limit', async () => {
    const input = buildSignUpInput();
    await registerUser(database.db, input);
    const shared = limiter({ maxAttemptsPerAccountAndIp: 1, maxAttemptsPerAccount: 3 });
    for (const ip of ['10.5.0.1', '10.5.0.2', '10.5.0.3']) {
      await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: 'wrong guess' }, { ip }));
    }
    const other = buildSignUpInput();
    await registerUser(database.db, other);
    // 10.5.0.4 has failed, though at another account: it is not a clean address.
    await expectAppError(verifyCredentials(database.db, shared, { email: other.email, password: 'wrong guess' }, { ip: '10.5.0.4' }));
    expect((await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, { ip: '10.5.0.4' }))).code).toBe(
      'RATE_LIMITED',
    );
    await expect(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, { ip: '10.5.0.5' })).resolves.toMatchObject({
      email: input.email,
    });
    const laptop = { ip: '10.5.0.4', recogniseDevice: () => 'laptop' };
    await expect(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, laptop)).resolves.toMatchObject({
      email: input.email,
    });
  });

  it('limits attempts per IP across accounts', async () => {
    const shared = limiter({ maxAttemptsPerIp: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expectAppError(verifyCredentials(database.db, shared, { email: `x${attempt}@example.test`, password: 'nope nope' }, { ip: '10.2.0.1' }));
    }
    const limited = await expectAppError(verifyCredentials(database.db, shared, { email: 'x9@example.test', password: 'nope nope' }, { ip: '10.2.0.1' }));
    expect(limited.code).toBe('RATE_LIMITED');
    const otherIp = await expectAppError(verifyCredentials(database.db, shared, { email: 'x9@example.test', password: 'nope nope' }, { ip: '10.2.0.2' }));
    expect(otherIp.code).toBe('UNAUTHENTICATED');
  });

  it('clears an address\'s failures at an account after a successful sign-in from it', async () => {
    const input = buildSignUpInput();
    await registerUser(database.db, input);
    const shared = limiter({ maxAttemptsPerAccountAndIp: 2 });
    await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: 'wrong guess' }, { ip: '10.3.0.1' }));
    await verifyCredentials(database.db, shared, { email: input.email, password: input.password }, { ip: '10.3.0.1' });
    await expectAppError(verifyCredentials(database.db, shared, { email: input.email, password: 'wrong guess' }, { ip: '10.3.0.1' }));
    await expect(verifyCredentials(database.db, shared, { email: input.email, password: input.password }, { ip: '10.3.0.1' })).resolves.toMatchObject({
      email: input.email,
    });
  });
});
