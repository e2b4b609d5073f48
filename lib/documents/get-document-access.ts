import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { DocumentKind } from '@/lib/generated/prisma/enums';
import { getSessionAccess } from '@/lib/sessions/get-session-access';

export interface DocumentAccess {
  documentId: string;
  sessionId: string;
  kind: DocumentKind;
  isReadOnly: boolean;
}

/**
 * May `userId` open this document of this session? Round editors: any member. Private notes: interviewers
 * only — for a candidate the notes are indistinguishable from a document that does not exist. A round's notes
 * (peer sessions) go to that round's interviewer only; the session's notes to interviewers by session role.
 */
export async function getDocumentAccess(db: Db, sessionId: string, documentId: string, userId: string): Promise<DocumentAccess> {
  const access = await getSessionAccess(db, sessionId, userId);
  const document = await db.document.findFirst({
    where: { id: documentId, sessionId },
    select: { id: true, kind: true, isReadOnly: true, round: { select: { interviewerId: true, candidateId: true } } },
  });
  const notFound = new AppError('NOT_FOUND', 'That document does not exist in this session.');
  if (!document) throw notFound;
  if (document.kind === 'INTERVIEWER_NOTES' && access.roleIn(document.round) !== 'INTERVIEWER') throw notFound;
  return { documentId: document.id, sessionId, kind: document.kind, isReadOnly: document.isReadOnly };
}
