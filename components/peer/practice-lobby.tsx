'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { sendCommand } from '@/components/room/socket-request';
import { useCommand } from '@/components/room/use-command';
import type { MatchRequestView } from '@/lib/peer/match-request-view';
import { PEER_LEVELS, PEER_LEVEL_LABELS, type PeerLevelName } from '@/lib/peer/peer-level';
import { ROUND_KINDS, ROUND_KIND_LABELS, type RoundKind } from '@/lib/rounds/round-kind';
import { useUserSocket } from './use-user-socket';

const SLOT_LENGTHS = [
  { value: '30', label: '30 minutes' },
  { value: '60', label: '1 hour' },
  { value: '120', label: '2 hours' },
  { value: '240', label: '4 hours' },
];

type WaitingRequest = Extract<MatchRequestView, { status: 'WAITING' }>;

interface PracticeLobbyProps {
  /** The caller's open request, when they come back to the page while waiting. */
  initialRequest: WaitingRequest | null;
}

const formatTime = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Ask for a partner, wait (cancellable) and, once matched, go to the session. */
export function PracticeLobby({ initialRequest }: PracticeLobbyProps) {
  const router = useRouter();
  const [request, setRequest] = useState<WaitingRequest | null>(initialRequest);
  const [matchedSessionId, setMatchedSessionId] = useState<string | null>(null);
  const [isPartnerMissing, setIsPartnerMissing] = useState(false);
  const [when, setWhen] = useState<'now' | 'slot'>('now');
  const command = useCommand();

  const goToSession = useCallback(
    (sessionId: string) => {
      setMatchedSessionId(sessionId);
      router.push(`/sessions/${sessionId}`);
    },
    [router],
  );

  const { socket, isSignedOut } = useUserSocket();
  useEffect(() => {
    if (!socket) return;
    const onFound = ({ sessionId }: { sessionId: string }) => goToSession(sessionId);
    const onMissing = () => setIsPartnerMissing(true);
    socket.on('match:found', onFound);
    socket.on('match:partner-missing', onMissing);
    return () => {
      socket.off('match:found', onFound);
      socket.off('match:partner-missing', onMissing);
    };
  }, [socket, goToSession]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!socket) return;
    const form = new FormData(event.currentTarget);
    const roundKinds = form.getAll('roundKinds').map(String) as RoundKind[];
    const level = String(form.get('level')) as PeerLevelName;
    const slotStart = String(form.get('slotStart') ?? '');
    const window =
      when === 'now'
        ? { kind: 'now' as const }
        : { kind: 'slot' as const, start: slotStart ? new Date(slotStart).toISOString() : '', minutes: Number(form.get('slotMinutes')) };
    const ack = await command.run('request', () => sendCommand(socket, 'match:request', { roundKinds, level, window }));
    if (!ack) return;
    // A refusal is shown by the command runner.
    if (!ack.ok) return;
    if (ack.data.status === 'MATCHED') goToSession(ack.data.sessionId);
    else setRequest(ack.data);
  };

  const cancel = async () => {
    if (!socket) return;
    const ack = await command.run('cancel', () => sendCommand(socket, 'match:cancel'));
    if (ack?.ok) setRequest(null);
  };

  if (isSignedOut) {
    return (
      <p className="notice" role="alert">
        Your sign-in has expired. Sign in again to find a partner.
      </p>
    );
  }

  if (matchedSessionId) {
    return (
      <div className="card match-found" role="status">
        <h2>Partner found</h2>
        <p>Taking you to your session…</p>
      </div>
    );
  }

  if (request) {
    return (
      <div className="card match-waiting" role="status" aria-live="polite">
        <h2>Looking for a partner</h2>
        <p>
          {request.roundKinds.map((kind) => ROUND_KIND_LABELS[kind]).join(', ')} · {PEER_LEVEL_LABELS[request.level]} · {formatTime(request.windowStart)}–
          {formatTime(request.windowEnd)}
        </p>
        {request.isPriority || isPartnerMissing ? <p className="match-priority">You are first in the queue: your last partner did not show up.</p> : null}
        <p className="muted">Keep this page open: you will be taken to the session as soon as someone matches.</p>
        <button type="button" className="button" disabled={command.pending !== null || !socket} onClick={cancel}>
          Cancel request
        </button>
        {command.error ? (
          <p className="field-error" role="alert">
            {command.error}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <form className="card match-form" onSubmit={submit} noValidate>
      {isPartnerMissing ? <p className="notice">Your partner did not join in time. Ask again: you will be matched first.</p> : null}
      <fieldset className="match-kinds">
        <legend>Rounds to practise</legend>
        <div className="choice-row">
          {ROUND_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input type="checkbox" name="roundKinds" value={kind} defaultChecked={kind === 'SQL'} />
              {ROUND_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField label="Level" name="level" defaultValue="E6" options={PEER_LEVELS.map((level) => ({ value: level, label: PEER_LEVEL_LABELS[level] }))} />
      <fieldset className="match-when">
        <legend>When</legend>
        <div className="choice-row">
          <label className="choice">
            <input type="radio" name="when" value="now" checked={when === 'now'} onChange={() => setWhen('now')} />
            Now (next 15 minutes)
          </label>
          <label className="choice">
            <input type="radio" name="when" value="slot" checked={when === 'slot'} onChange={() => setWhen('slot')} />
            At a time
          </label>
        </div>
        {when === 'slot' ? (
          <div className="match-slot">
            <div className="field">
              <label htmlFor="field-slotStart">From</label>
              <input id="field-slotStart" type="datetime-local" name="slotStart" required />
            </div>
            <SelectField label="Available for" name="slotMinutes" defaultValue="60" options={SLOT_LENGTHS} />
          </div>
        ) : null}
      </fieldset>
      {command.error ? (
        <p className="field-error" role="alert">
          {command.error}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={command.pending !== null || !socket}>
        Find a partner
      </button>
    </form>
  );
}
