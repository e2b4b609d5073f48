import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Room } from '@/components/room/room';
import { InvitePanel } from '@/components/sessions/invite-panel';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { findSessionInvites } from '@/lib/sessions/find-session-invites';
import { getSessionView } from '@/lib/sessions/get-session-view';
import type { SessionView } from '@/lib/sessions/session-view';
import { createInviteAction, revokeInviteAction, swapPlannedQuestionAction } from './actions';
import { requireUser } from '../../authenticated-action';

export const metadata: Metadata = { title: 'Session · mockloop' };

interface SessionPageProps {
  params: Promise<{ id: string }>;
}

export default async function SessionPage({ params }: SessionPageProps) {
  const { id } = await params;
  const user = await requireUser(`/sessions/${id}`);

  let view: SessionView;
  try {
    view = await getSessionView(getDb(), id, user.id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }

  const isOpen = view.status === 'SCHEDULED' || view.status === 'LIVE';
  const invites = view.canInvite && isOpen ? await findSessionInvites(getDb(), id, user.id) : null;

  return (
    <Room
      initialView={view}
      viewerName={user.name}
      swapQuestionAction={view.status === 'SCHEDULED' && view.rounds.some((round) => round.swapOptions) ? swapPlannedQuestionAction.bind(null, id) : null}
      invitePanel={
        invites ? (
          <InvitePanel
            invites={invites.map((invite) => ({
              id: invite.id,
              inviteeEmail: invite.inviteeEmail,
              expiresAt: invite.expiresAt.toISOString(),
              revokedAt: invite.revokedAt?.toISOString() ?? null,
              redeemedAt: invite.redeemedAt?.toISOString() ?? null,
              redeemedByName: invite.redeemedByName,
              kind: invite.kind,
            }))}
            renderedAt={view.serverNow}
            invitee={view.viewerRole === 'PEER' ? 'partner' : 'candidate'}
            canInviteShadow={view.viewerRole === 'INTERVIEWER'}
            createAction={createInviteAction.bind(null, id)}
            revokeAction={revokeInviteAction.bind(null, id)}
          />
        ) : null
      }
    />
  );
}
