'use client';

import { useCallback } from 'react';
import type { Ack } from '@/lib/realtime/ack';
import type { ScorecardCommand } from '@/lib/scorecards/scorecard-commands.schema';
import type { ScorecardView } from '@/lib/scorecards/scorecard-view';
import { ScorecardEditor } from './scorecard-editor';

interface DebriefScorecardProps {
  initial: ScorecardView;
  saveAction: (sessionId: string, command: ScorecardCommand) => Promise<Ack<ScorecardView>>;
}

/** The viewer's scorecard on the debrief page: the room's editor, saved through server actions instead of the socket. */
export function DebriefScorecard({ initial, saveAction }: DebriefScorecardProps) {
  const { sessionId } = initial;
  const save = useCallback(async (command: ScorecardCommand): Promise<Ack<ScorecardView>> => {
    try {
      return await saveAction(sessionId, command);
    } catch {
      return { ok: false, code: 'UNAVAILABLE', message: 'The server did not answer. Check your connection and retry.' };
    }
  }, [saveAction, sessionId]);
  return <ScorecardEditor initial={initial} save={save} />;
}
