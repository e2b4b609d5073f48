'use client';

import './globals.css';

// The root layout itself failed (e.g. the database was unreachable while it read who is signed in): this replaces
// the whole document, so it brings its own <html>. A plain link, since the app's router may be what failed.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="page status-page">
          <p className="status-code">Error</p>
          <h1>mockloop could not load this page</h1>
          <p className="lede">The server could not finish the page. Your saved work is safe. Try again in a moment.</p>
          {error.digest ? <p className="muted">Reference for the server’s log: {error.digest}</p> : null}
          <div className="status-actions">
            <button type="button" className="button primary" onClick={reset}>
              Try again
            </button>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the router may be what failed */}
            <a href="/" className="button">
              Go to your dashboard
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
