'use client';

import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

/**
 * A date in the reader's own time zone. The server cannot know that zone, so it renders UTC (labelled) and the
 * browser swaps in local time once hydrated.
 */
export function LocalTime({ iso }: { iso: string }) {
  const isClient = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  const text = isClient
    ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    : `${date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
