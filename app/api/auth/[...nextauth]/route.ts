import NextAuth from 'next-auth';
import { buildAuthOptions } from '@/lib/auth/auth-options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext) {
  // next-auth parses a JSON body without catching its errors (a 500); its own client sends forms.
  if (request.method === 'POST' && request.headers.get('content-type')?.includes('application/json')) {
    try {
      await request.clone().json();
    } catch {
      return Response.json({ code: 'INVALID_INPUT', message: 'The request body is not JSON.' }, { status: 400 });
    }
  }
  return NextAuth(request as never, context as never, buildAuthOptions());
}

export { handler as GET, handler as POST };
