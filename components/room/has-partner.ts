import type { SessionView } from '@/lib/sessions/session-view';

/** Has the other side joined: a candidate in a classic session, the second peer in a peer session. */
export function hasPartner(view: SessionView): boolean {
  return view.viewerRole === 'PEER' ? view.members.length > 1 : view.members.some((member) => member.role === 'CANDIDATE');
}
