import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { signInSchema } from './credentials.schema';
import { getDummyPasswordHash, verifyPassword } from './password';
import type { SignInRateLimiter } from './sign-in-rate-limiter';

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
}

export const WRONG_CREDENTIALS = 'Wrong email or password.';

export async function verifyCredentials(
  db: Db,
  limiter: SignInRateLimiter,
  input: unknown,
  ip: string,
): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS);
  const { email, password } = parsed.data;

  await limiter.beforeAttempt(email, ip);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  // Verify even without an account, so timing does not tell which emails are registered.
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyPasswordHash()), password);
  if (!user?.passwordHash || !isValid) {
    await limiter.recordFailure(email);
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  await limiter.recordSuccess(email);
  return { id: user.id, name: user.name, email: user.email };
}
