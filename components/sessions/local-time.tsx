'use client';

import { useSyncExternalStore } from 'react';

const subscribeNever = () => () => {};

// One formatter each, made once: toLocaleString with options builds a new one per call, which on a 20-row list
// was the largest cost of the app's own code in a server render (0.2 ms a date).
const SERVER_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
let readerFormat: Intl.DateTimeFormat | undefined;

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
  // The reader's formatter is made in the browser only: on the server it would take the server's locale and zone.
  const text = isClient
    ? (readerFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })).format(date)
    : `${SERVER_FORMAT.format(date)} UTC`;
  return <time dateTime={iso}>{text}</time>;
}
