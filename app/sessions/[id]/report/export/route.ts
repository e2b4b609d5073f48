import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { httpStatusOf, isAppError, toPublicError } from '@/lib/errors';
import { getSessionReport } from '@/lib/history/get-session-report';
import { renderReportMarkdown } from '@/lib/history/render-report-markdown';
import { logger } from '@/lib/log';

// GET /sessions/:id/report/export?format=markdown|json: the viewer's own report as a download. The JSON is the
// SessionReport shape documented in docs/report-export.md.

function fileNameOf(title: string, extension: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'session';
  return `mockloop-${slug}.${extension}`;
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const format = new URL(request.url).searchParams.get('format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') {
    return Response.json({ code: 'INVALID_INPUT', message: 'format must be "markdown" or "json".' }, { status: 400 });
  }
  const user = await getCurrentUser();
  if (!user) return Response.json({ code: 'UNAUTHENTICATED', message: 'Sign in to export a report.' }, { status: 401 });
  try {
    const report = await getSessionReport(getDb(), id, user.id);
    const isJson = format === 'json';
    const body = isJson ? `${JSON.stringify(report, null, 2)}\n` : renderReportMarkdown(report);
    return new Response(body, {
      headers: {
        'content-type': isJson ? 'application/json; charset=utf-8' : 'text/markdown; charset=utf-8',
        'content-disposition': `attachment; filename="${fileNameOf(report.title, isJson ? 'json' : 'md')}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (!isAppError(error)) logger.error({ err: error }, 'exporting a report failed');
    const { code, message } = toPublicError(error);
    return Response.json({ code, message }, { status: isAppError(error) ? httpStatusOf(error.code) : 500 });
  }
}
