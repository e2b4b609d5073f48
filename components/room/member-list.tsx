import type { SessionMemberView } from '@/lib/sessions/session-view';

const SEAT_LABELS: Record<SessionMemberView['seat'], string> = {
  LEAD: 'Lead interviewer',
  SHADOW: 'Shadow interviewer',
  CANDIDATE: 'Candidate',
  PEER: 'Peer',
};

interface MemberListProps {
  members: SessionMemberView[];
  onlineUserIds: ReadonlySet<string>;
  viewerId: string;
}

/** Everyone in the session, with who is connected right now. */
export function MemberList({ members, onlineUserIds, viewerId }: MemberListProps) {
  return (
    <ul className="member-list" aria-label="People in this session">
      {members.map((member) => {
        const isOnline = onlineUserIds.has(member.userId);
        return (
          <li key={member.userId} className={isOnline ? 'online' : 'away'} data-testid="member">
            <span className="presence-dot" aria-hidden="true" />
            <span>
              {member.name}
              {member.userId === viewerId ? ' (you)' : ''}
            </span>
            <span className="muted">
              {SEAT_LABELS[member.seat]} · {isOnline ? 'here' : 'away'}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
