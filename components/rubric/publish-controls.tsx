'use client';

import { useRouter } from 'next/navigation';
import { IntentLink } from '@/components/ui/intent-link';
import { useCommand } from '@/components/room/use-command';
import { LocalTime } from '@/components/sessions/local-time';
import type { Ack } from '@/lib/realtime/ack';
import { FormError } from '@/components/ui/form-error';

interface PublishControlsProps {
  sessionId: string;
  release: { publishedAt: string; openedAt: string | null } | null;
  /** Why publishing is not possible yet, if it is not. */
  blockedReason: string | null;
  publish: () => Promise<Ack<unknown>>;
  unpublish: () => Promise<Ack<unknown>>;
}

/** Publishing the viewer's feedback, and taking it back while the candidate has not opened it. */
export function PublishControls({ sessionId, release, blockedReason, publish, unpublish }: PublishControlsProps) {
  const router = useRouter();
  const command = useCommand();
  const act = (name: string, send: () => Promise<Ack<unknown>>) =>
    void command.run(name, send).then((ack) => {
      if (ack?.ok) router.refresh();
    });

  return (
    <div className="publish-controls">
      {release === null ? (
        <>
          <p>
            Your feedback is private: the candidate sees none of your ratings, marks or notes until you publish. Private notes stay private even
            then.
          </p>
          {blockedReason ? <p className="muted">{blockedReason}</p> : null}
          <button type="button" className="button primary" disabled={blockedReason !== null || command.pending !== null} onClick={() => act('publish', publish)}>
            {command.pending === 'publish' ? 'Publishing…' : 'Publish feedback to the candidate'}
          </button>
        </>
      ) : release.openedAt === null ? (
        <>
          <p role="status">
            Published <LocalTime iso={release.publishedAt} />. The candidate has not opened it yet, so you can still take it back.
          </p>
          <button type="button" className="button" disabled={command.pending !== null} onClick={() => act('unpublish', unpublish)}>
            {command.pending === 'unpublish' ? 'Unpublishing…' : 'Unpublish'}
          </button>
        </>
      ) : (
        <p role="status">
          Published <LocalTime iso={release.publishedAt} />; the candidate opened it <LocalTime iso={release.openedAt} />. It is final.
        </p>
      )}
      <p>
        <IntentLink href={`/sessions/${sessionId}/feedback`}>Preview what the candidate sees</IntentLink>
      </p>
      <FormError message={command.error} />
    </div>
  );
}
