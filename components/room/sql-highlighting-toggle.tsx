'use client';

import { sendCommand, type RoomSocket } from './socket-request';
import { useCommand } from './use-command';

interface SqlHighlightingToggleProps {
  commandSocket: RoomSocket | null;
  sessionId: string;
  roundId: string;
  isSqlHighlighted: boolean;
  onChanged: () => void;
}

/**
 * The round interviewer's switch for the editor's SQL colours, in the editor's bar: it changes them for everyone in
 * the room at once (`round:sql-highlighting`, answered for all with `session:changed`). Candidates have none.
 */
export function SqlHighlightingToggle({ commandSocket, sessionId, roundId, isSqlHighlighted, onChanged }: SqlHighlightingToggleProps) {
  const command = useCommand();
  const toggle = () =>
    commandSocket &&
    void command.run('sql-highlighting', () => sendCommand(commandSocket, 'round:sql-highlighting', { sessionId, roundId, isEnabled: !isSqlHighlighted })).then((ack) => {
      if (ack?.ok) onChanged();
    });

  return (
    <span className="sql-highlighting-toggle">
      <button
        type="button"
        className="icon-button"
        aria-pressed={isSqlHighlighted}
        title={isSqlHighlighted ? 'Show the SQL as plain text, for both of you' : 'Colour the SQL, for both of you'}
        disabled={command.pending !== null || !commandSocket}
        onClick={toggle}
      >
        SQL colours<span aria-hidden="true">: {isSqlHighlighted ? 'on' : 'off'}</span>
      </button>
      {command.error ? (
        <span className="form-error" role="alert">
          {command.error}
        </span>
      ) : null}
    </span>
  );
}
