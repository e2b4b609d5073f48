import { LocalTime } from '@/components/sessions/local-time';
import { IntentLink } from '@/components/ui/intent-link';
import { getDashboard, type DashboardSession } from '@/lib/dashboard/get-dashboard';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { ROUND_KIND_LABELS } from '@/lib/rounds/round-kind';
import { requireUser } from './authenticated-action';

const SEAT_LABELS: Record<DashboardSession['seat'], string> = {
  LEAD: 'You lead the interview',
  SHADOW: 'You shadow the interview',
  CANDIDATE: 'You are the candidate',
  PEER: 'Peer practice: you take turns',
};

/** The signed-in user's dashboard: what is on now, what is next, what waits for them; first steps for a newcomer. */
export default async function HomePage() {
  const user = await requireUser('/');
  const dashboard = await getDashboard(getDb(), user, { noShowWindowMs: getEnv().PEER_NO_SHOW_MINUTES * 60_000 });
  const { live, upcoming, invitations, practice, latestFeedback } = dashboard;

  return (
    <main className="page dashboard">
      <h1>Welcome, {user.name}</h1>
      <p className="lede">Practise the Staff Data Engineer loop with a peer or a coach.</p>

      {live.length > 0 ? (
        <section className="card dashboard-live" aria-labelledby="dashboard-live-heading">
          <h2 id="dashboard-live-heading">Happening now</h2>
          <ul className="dashboard-list">
            {live.map((session) => (
              <li key={session.id}>
                <div>
                  <strong>{session.title}</strong>
                  <p className="muted">{SEAT_LABELS[session.seat]}</p>
                </div>
                <IntentLink className="button primary" href={`/sessions/${session.id}`}>
                  Rejoin <span className="visually-hidden">{session.title}</span>
                </IntentLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {dashboard.isNewcomer ? (
        <section className="card dashboard-start" aria-labelledby="dashboard-start-heading">
          <h2 id="dashboard-start-heading">Start here</h2>
          <p>Three ways in; none needs anything set up first.</p>
          <ol className="dashboard-steps">
            <li>
              <IntentLink href="/sessions/new">Start a session</IntentLink>
              <p className="muted">Plan a loop, then invite a candidate (or be one: ask a friend to interview you).</p>
            </li>
            <li>
              <IntentLink href="/practice">Find a practice partner</IntentLink>
              <p className="muted">Get matched with someone at your level; you interview each other in turn.</p>
            </li>
            <li>
              <IntentLink href="/questions">Browse the question bank</IntentLink>
              <p className="muted">SQL, data modelling, pipelines, system design and behavioural prompts.</p>
            </li>
          </ol>
        </section>
      ) : null}

      <div className="dashboard-grid">
        {!dashboard.isNewcomer ? (
          <section className="card" aria-labelledby="dashboard-upcoming-heading">
            <h2 id="dashboard-upcoming-heading">Upcoming sessions</h2>
            {upcoming.length === 0 ? (
              <p className="muted">
                Nothing planned. <IntentLink href="/sessions/new">Start a session</IntentLink> or <IntentLink href="/practice">find a partner</IntentLink>.
              </p>
            ) : (
              <ul className="dashboard-list">
                {upcoming.map((session) => (
                  <li key={session.id}>
                    <div>
                      <IntentLink href={`/sessions/${session.id}`}>{session.title}</IntentLink>
                      <p className="muted">
                        {SEAT_LABELS[session.seat]} · {session.scheduledAt ? <LocalTime iso={session.scheduledAt} /> : 'not scheduled'}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <p className="dashboard-more">
              <IntentLink href="/sessions">All sessions</IntentLink>
            </p>
          </section>
        ) : null}

        {invitations.length > 0 ? (
          <section className="card" aria-labelledby="dashboard-invitations-heading">
            <h2 id="dashboard-invitations-heading">Invitations waiting</h2>
            <ul className="dashboard-list">
              {invitations.map((invitation) => (
                <li key={invitation.inviteId}>
                  <div>
                    <strong>{invitation.sessionTitle}</strong>
                    <p className="muted">
                      {invitation.invitedBy} invited you as {invitation.seat === 'SHADOW' ? 'shadow interviewer' : invitation.seat === 'PEER' ? 'their partner' : 'the candidate'}
                      . Open the link they sent you; it works until <LocalTime iso={invitation.expiresAt} />.
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {practice ? (
          <section className="card" aria-labelledby="dashboard-practice-heading">
            <h2 id="dashboard-practice-heading">Practice request</h2>
            {practice.status === 'MATCHED' ? (
              <>
                <p>You have a partner. Join before they give up on you.</p>
                <IntentLink className="button primary" href={`/sessions/${practice.sessionId}`}>
                  Go to the session
                </IntentLink>
              </>
            ) : (
              <>
                <p>
                  Waiting for a partner for {practice.roundKinds.map((kind) => ROUND_KIND_LABELS[kind]).join(', ')} until <LocalTime iso={practice.windowEnd} />.
                </p>
                <IntentLink href="/practice">See your request</IntentLink>
              </>
            )}
          </section>
        ) : null}

        {latestFeedback || dashboard.sessionsWithFeedback > 0 ? (
          <section className="card" aria-labelledby="dashboard-feedback-heading">
            <h2 id="dashboard-feedback-heading">Feedback and progress</h2>
            <p className="dashboard-headline">
              Feedback from {dashboard.sessionsWithFeedback} {dashboard.sessionsWithFeedback === 1 ? 'session' : 'sessions'} so far.{' '}
              <IntentLink href="/progress">See your progress</IntentLink>
            </p>
            {latestFeedback ? (
              <p>
                Latest: {latestFeedback.interviewerName} published feedback on{' '}
                <IntentLink href={`/sessions/${latestFeedback.sessionId}/feedback`}>{latestFeedback.sessionTitle}</IntentLink>, <LocalTime iso={latestFeedback.publishedAt} />.
              </p>
            ) : null}
          </section>
        ) : null}
      </div>
    </main>
  );
}
