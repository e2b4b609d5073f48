import NextAuth from 'next-auth';
import { buildAuthOptions } from '@/lib/auth/auth-options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, buildAuthOptions());
}

export { handler as GET, handler as POST };
