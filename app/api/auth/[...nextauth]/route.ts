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
  // The known-device cookie of a successful sign-in rides on next-auth's own response.
  const setCookies: string[] = [];
  const response = (await NextAuth(request as never, context as never, buildAuthOptions({ onSetCookie: (line) => setCookies.push(line) }))) as Response;
  for (const line of setCookies) response.headers.append('set-cookie', line);
  return response;
}

export { handler as GET, handler as POST };
