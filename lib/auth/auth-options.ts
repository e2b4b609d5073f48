import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { NextAuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { getDb } from '@/lib/db';
import { getEnv, isTlsRequest, requireAuthSecret } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { processSingleton } from '@/lib/process-services';
import { clientIpFrom } from './client-ip';
import { issueKnownDevice, knownDeviceCookieFrom, knownDeviceCookieLine, recogniseKnownDevice } from './known-device';
import { parseCookieHeader } from './read-socket-identity';
import { SignInRateLimiter } from './sign-in-rate-limiter';
import { WRONG_CREDENTIALS, verifyCredentials } from './verify-credentials';

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The process's sign-in and sign-up limits, one for every bundle (the sign-up action spends from it too). */
export function getSignInLimiter(): SignInRateLimiter {
  return processSingleton('signInLimiter', () => {
    const env = getEnv();
    return new SignInRateLimiter({
      maxAttemptsPerAccountAndIp: env.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT_AND_IP,
      maxAttemptsPerAccount: env.SIGN_IN_MAX_ATTEMPTS_PER_ACCOUNT,
      maxAttemptsPerIp: env.SIGN_IN_MAX_ATTEMPTS_PER_IP,
      maxSignUpsPerIp: env.SIGN_UP_MAX_ATTEMPTS_PER_IP,
      windowSeconds: env.SIGN_IN_WINDOW_SECONDS,
    });
  });
}

/** OAuth profiles may come without a name; mockloop shows names everywhere, so fall back to the email's. */
function createAdapter(): Adapter {
  const base = PrismaAdapter(getDb());
  return {
    ...base,
    createUser: (user: Parameters<NonNullable<Adapter['createUser']>>[0]) => base.createUser!({ ...user, name: user.name || user.email.split('@')[0] || 'Anonymous' }),
  };
}

export interface AuthRequestHooks {
  /** A cookie the response must set (next-auth's authorize cannot set one itself). */
  onSetCookie?: (setCookieLine: string) => void;
}

export function buildAuthOptions(hooks: AuthRequestHooks = {}): NextAuthOptions {
  const env = getEnv();
  const secret = requireAuthSecret(env);
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const headers = (request.headers ?? {}) as Record<string, string | undefined>;
        const isTls = isTlsRequest(headers, env);
        const deviceCookie = knownDeviceCookieFrom(parseCookieHeader(headers.cookie), isTls);
        const recogniseDevice = (email: string) => recogniseKnownDevice(secret, deviceCookie, email);
        try {
          const user = await verifyCredentials(getDb(), getSignInLimiter(), credentials, { ip: clientIpFrom(headers), recogniseDevice });
          // This browser is now a known device of the account: its owner's password passes a stranger's throttles.
          hooks.onSetCookie?.(knownDeviceCookieLine(issueKnownDevice(secret, user.email, recogniseDevice(user.email)), isTls));
          return user;
        } catch (error) {
          // next-auth hands the thrown message to the sign-in form as its `error`.
          if (isAppError(error)) throw new Error(error.message);
          logger.error({ err: error }, 'sign-in failed unexpectedly');
          throw new Error(WRONG_CREDENTIALS);
        }
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }));
  }

  const hasOAuth = providers.length > 1;
  return {
    // The adapter stores OAuth users and their linked accounts; credentials sign-in never needs it.
    ...(hasOAuth ? { adapter: createAdapter() } : {}),
    secret,
    // Credentials sign-in requires JWT sessions in next-auth v4; the same token authenticates sockets.
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers,
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.email = user.email;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.sub ?? '', name: token.name ?? '', email: token.email ?? '' };
        return session;
      },
    },
  };
}

/** Which OAuth buttons the sign-in page shows: only providers whose credentials are configured. */
export function findEnabledOAuthProviders(): { id: 'github' | 'google'; name: string }[] {
  const env = getEnv();
  const enabled: { id: 'github' | 'google'; name: string }[] = [];
  if (env.GITHUB_ID) enabled.push({ id: 'github', name: 'GitHub' });
  if (env.GOOGLE_CLIENT_ID) enabled.push({ id: 'google', name: 'Google' });
  return enabled;
}
