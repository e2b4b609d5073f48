import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { buildAuthOptions } from './auth-options';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/**
 * The signed-in user of the current request (server components, route handlers, server actions), or null. Once per
 * server render: the root layout and the page both ask, and each answer decodes the session token.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(buildAuthOptions());
  return session?.user.id ? session.user : null;
});
