import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect } from '@playwright/test';
import { registerUser } from '@/lib/auth/register-user';
import { createDbClient, type Db } from '@/lib/db';
import { findRunningEmbeddedPostgresUrl } from '@/server/database/embedded-postgres';
import { buildSignUpInput } from '../../factories/user-factory';
import { E2E_DATA_DIR } from './e2e-environment';

let db: Db | undefined;

/** The database of the server under test: DATABASE_URL when the run uses one, else its embedded cluster. */
export async function getE2eDatabaseUrl(): Promise<string> {
  const url = process.env.DATABASE_URL || (await findRunningEmbeddedPostgresUrl(path.join(E2E_DATA_DIR, 'postgres')));
  if (!url) throw new Error(`The e2e server's embedded database in ${E2E_DATA_DIR} is not running.`);
  return url;
}

export async function getE2eDb(): Promise<Db> {
  db ??= createDbClient(await getE2eDatabaseUrl());
  return db;
}

export interface E2eAccount {
  id: string;
  name: string;
  email: string;
  password: string;
}

/** A new user with a unique email, created directly (the sign-up form has its own test). */
export async function createAccount(overrides: Partial<{ name: string }> = {}): Promise<E2eAccount> {
  const input = buildSignUpInput(overrides);
  const user = await registerUser(await getE2eDb(), input);
  return { ...input, id: user.id };
}

/** Signs in through next-auth's API; the context's cookies (shared with its pages) then carry the session. */
export async function signInViaApi(request: APIRequestContext, account: Pick<E2eAccount, 'email' | 'password'>): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { email: account.email, password: account.password, csrfToken, json: 'true', callbackUrl: '/' },
  });
  expect(response.ok()).toBe(true);
  const session = (await (await request.get('/api/auth/session')).json()) as { user?: { email: string } };
  expect(session.user?.email).toBe(account.email);
}
