import { getServerSession } from 'next-auth';
import { buildAuthOptions } from './auth-options';

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
}

/** The signed-in user of the current request (server components, route handlers, server actions), or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(buildAuthOptions());
  return session?.user.id ? session.user : null;
}
