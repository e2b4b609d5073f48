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

/** Where a sign-in comes from, for the throttles. */
export interface SignInOrigin {
  ip: string;
  /** The known-device id this browser proves for the account with this email (see known-device.ts), or null. */
  recogniseDevice?: (email: string) => string | null;
}

export async function verifyCredentials(
  db: Db,
  limiter: SignInRateLimiter,
  input: unknown,
  origin: SignInOrigin,
): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS);
  const { email, password } = parsed.data;

  const source = { email, ip: origin.ip, deviceId: origin.recogniseDevice?.(email) ?? null };
  await limiter.beforeAttempt(source);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  // Verify even without an account, so timing does not tell which emails are registered.
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyPasswordHash()), password);
  if (!user?.passwordHash || !isValid) {
    await limiter.recordFailure(source);
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  await limiter.recordSuccess(source);
  return { id: user.id, name: user.name, email: user.email };
}
