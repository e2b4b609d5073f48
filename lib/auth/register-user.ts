import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { emailSchema, signUpSchema } from './credentials.schema';
import { hashPassword } from './password';

export interface RegisteredUser {
  id: string;
  name: string;
  email: string;
}

const TAKEN_EMAIL = 'An account with this email already exists. Sign in instead.';

export async function registerUser(db: Db, input: unknown): Promise<RegisteredUser> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    // Say everything that is wrong in one round trip, a taken email included.
    const fieldErrors = flattenFieldErrors(parsed.error);
    const email = emailSchema.safeParse((input as { email?: unknown } | null)?.email);
    if (email.success && !fieldErrors.email && (await isEmailTaken(db, email.data))) fieldErrors.email = [TAKEN_EMAIL];
    throw new AppError('INVALID_INPUT', 'Please correct the highlighted fields.', { fieldErrors });
  }
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: { name, email, passwordHash },
      select: { id: true, name: true, email: true },
    });
  } catch (error) {
    // The unique index decides, so two sign-ups racing for one email cannot both succeed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', TAKEN_EMAIL, { fieldErrors: { email: [TAKEN_EMAIL] } });
    }
    throw error;
  }
}

async function isEmailTaken(db: Db, email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

function flattenFieldErrors(error: import('zod').ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return fieldErrors;
}
