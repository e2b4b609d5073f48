import { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-limits';

// A handful of the most common passwords of sufficient length; length does most of the work (NIST SP 800-63B
// favours length and a block list over composition rules).
const COMMON_PASSWORDS = new Set([
  'password123', 'password1234', '1234567890', '12345678910', 'qwertyuiop', 'qwerty12345', 'iloveyou123',
  'abc1234567', 'passwordpassword', '1q2w3e4r5t', 'qwerty123456', 'letmein123', 'welcome123', 'admin12345',
  'football123', 'monkey12345', 'aaaaaaaaaa', '0000000000', '1111111111', 'changeme123', 'sunshine123',
]);


export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address, like name@example.com.'));

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((password) => !COMMON_PASSWORDS.has(password.toLowerCase()), 'That password is too common; choose another.')
  .refine((password) => new Set(password).size >= 4, 'That password is too repetitive; choose another.');

export const signUpSchema = z
  .object({
    name: z
      .string({ error: 'Enter your name.' })
      .trim()
      .min(1, 'Enter your name.')
      .max(80, 'Use at most 80 characters.'),
    email: emailSchema,
    password: newPasswordSchema,
  })
  .refine((input) => !input.password.toLowerCase().includes(input.email.split('@')[0] ?? ''), {
    message: 'Your password must not contain your email name.',
    path: ['password'],
  });

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** The sign-up form between submissions: what failed comes back with the name and email to refill (never the password). */
export type SignUpState =
  | { status: 'idle' }
  | { status: 'registered'; email: string }
  | { status: 'error'; message: string; fieldErrors: FieldErrors; values: { name: string; email: string } };
