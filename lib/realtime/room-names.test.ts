import { describe, expect, it } from 'vitest';
import { documentIdOfRoom, documentRoom, interviewerRoom, sessionIdOfRoom, sessionRoom, userRoom } from './room-names';

describe('room names', () => {
  it('reads back the document and session a room stands for, and nothing from any other room', () => {
    expect(documentIdOfRoom(documentRoom('doc-1'))).toBe('doc-1');
    expect(sessionIdOfRoom(sessionRoom('session-1'))).toBe('session-1');
    // The interviewers' room belongs to a session but is not its everyone-room: presence is counted there only.
    for (const room of [interviewerRoom('session-1'), userRoom('user-1'), documentRoom('doc-1')]) expect(sessionIdOfRoom(room)).toBeNull();
    for (const room of [sessionRoom('session-1'), interviewerRoom('session-1'), userRoom('user-1')]) expect(documentIdOfRoom(room)).toBeNull();
  });
});
