import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { JoinInviteForm } from '@/components/sessions/join-invite-form';
import { LocalTime } from '@/components/sessions/local-time';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import { getDb } from '@/lib/db';
import { isAppError, toPublicError } from '@/lib/errors';
import { getInvitePreview, type InvitePreview } from '@/lib/sessions/redeem-invite';
import { joinInviteAction } from './actions';
import { logger } from '@/lib/log';

export const metadata: Metadata = { title: 'Invitation · mockloop' };

interface InvitePageProps {
  params: Promise<{ token: string }>;
}

export default async function InvitePage({ params }: InvitePageProps) {
  const { token } = await params;
  const user = await getCurrentUser();
  let preview: InvitePreview;
  try {
    preview = await getInvitePreview(getDb(), token);
  } catch (error) {
    if (!isAppError(error)) logger.error({ err: error }, 'loading an invite failed');
    return (
      <main className="auth-page">
        <div className="auth-card invite-card">
          <h1>Invitation unavailable</h1>
          <p className="form-error" role="alert">
            {toPublicError(error).message}
          </p>
          <p className="switch">
            <IntentLink href={user ? '/sessions' : '/sign-in'}>{user ? 'Go to your sessions' : 'Sign in'}</IntentLink>
          </p>
        </div>
      </main>
    );
  }

  const here = `/invite/${encodeURIComponent(token)}`;
  const isForSomeoneElse = Boolean(user && preview.inviteeEmail && preview.inviteeEmail !== user.email.toLowerCase());
  return (
    <main className="auth-page">
      <div className="auth-card invite-card">
        <p className="eyebrow">Mock interview invitation</p>
        <h1>{preview.sessionTitle}</h1>
        <dl className="invite-facts">
          <dt>{preview.isPeer ? 'Partner' : preview.isShadow ? 'Lead interviewer' : 'Interviewer'}</dt>
          <dd>{preview.invitedBy}</dd>
          <dt>Join as</dt>
          <dd>{preview.isPeer ? 'Partner' : preview.isShadow ? 'Shadow interviewer' : 'Candidate'}</dd>
          <dt>For</dt>
          <dd>{preview.inviteeEmail ?? 'Whoever opens this link first'}</dd>
          <dt>Link valid until</dt>
          <dd>
            <LocalTime iso={preview.expiresAt.toISOString()} />
          </dd>
        </dl>
        {!user ? (
          <>
            <p>
              {preview.isPeer
                ? 'Sign in or create an account to join as their partner (you take turns interviewing each other); you will come back here.'
                : preview.isShadow
                  ? 'Sign in or create an account to join as a shadow interviewer; you will come back here.'
                  : 'Sign in or create an account to join as the candidate; you will come back here.'}
            </p>
            <div className="invite-actions">
              <IntentLink className="button primary" href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
                Sign in
              </IntentLink>
              <IntentLink className="button" href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>
                Create an account
              </IntentLink>
            </div>
          </>
        ) : isForSomeoneElse ? (
          <p className="form-error" role="alert">
            This invite is for {preview.inviteeEmail}, but you are signed in as {user.email}. Sign out and sign in as{' '}
            {preview.inviteeEmail} to join.
          </p>
        ) : (
          <>
            <p>
              You are signed in as <strong>{user.name}</strong>.
            </p>
            {preview.isPeer ? <p>You take turns: they interview you on one round, you interview them on the next.</p> : null}
            {preview.isShadow ? <p>You join as a shadow interviewer: you see the interviewer guides and keep your own scorecard and notes; the candidate sees none of it.</p> : null}
            <JoinInviteForm action={joinInviteAction.bind(null, token)} isPeer={preview.isPeer} isShadow={preview.isShadow} />
          </>
        )}
      </div>
    </main>
  );
}
