'use client';

import { IntentLink } from '@/components/ui/intent-link';

// An unexpected failure while rendering a page (the server has logged it with this digest). The header and the
// rest of the app keep working; the reader can retry the page or go elsewhere.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page status-page">
      <p className="status-code">Error</p>
      <h1>Something went wrong on our side</h1>
      <p className="lede">
        This page could not be shown. Nothing you saved is lost: sessions, documents and scores are stored as you go. Try
        again, or go back to your dashboard.
      </p>
      {error.digest ? <p className="muted">Reference for the server’s log: {error.digest}</p> : null}
      <div className="status-actions">
        <button type="button" className="button primary" onClick={reset}>
          Try again
        </button>
        <IntentLink href="/" className="button">
          Go to your dashboard
        </IntentLink>
      </div>
    </main>
  );
}
