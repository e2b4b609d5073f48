'use client';

import { SharedEditor } from './shared-editor';
import type { RoomSocket } from './socket-request';

interface NotesPanelProps {
  socket: RoomSocket;
  sessionId: string;
  /** Present only in an interviewer's view: a candidate's page never even learns the id. */
  notesDocumentId: string;
  user: { id: string; name: string };
  isReadOnly: boolean;
  onUnsyncedChange: (documentId: string, count: number) => void;
}

export function NotesPanel({ socket, sessionId, notesDocumentId, user, isReadOnly, onUnsyncedChange }: NotesPanelProps) {
  return (
    <section className="panel notes-panel" aria-labelledby="notes-heading">
      <div className="panel-heading">
        <h2 id="notes-heading">Private notes — only interviewers see this</h2>
      </div>
      <SharedEditor
        socket={socket}
        sessionId={sessionId}
        documentId={notesDocumentId}
        user={user}
        label="Private interviewer notes"
        isReadOnly={isReadOnly}
        onUnsyncedChange={onUnsyncedChange}
      />
    </section>
  );
}
