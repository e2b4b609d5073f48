import { IntentLink } from '@/components/ui/intent-link';

// Every notFound() lands here: a missing page, and a session, question or story the reader may not see (which,
// for a stranger, is indistinguishable from one that does not exist).
export default function NotFound() {
  return (
    <main className="page status-page">
      <p className="status-code">404</p>
      <h1>This page isn’t here</h1>
      <p className="lede">
        The address may be mistyped, or it points to a session, question or story that does not exist or that you are
        not part of. If someone sent you this link, ask them to invite you to the session.
      </p>
      <ul className="status-links">
        <li>
          <IntentLink href="/">Go to your dashboard</IntentLink>
        </li>
        <li>
          <IntentLink href="/sessions">See your sessions</IntentLink>
        </li>
        <li>
          <IntentLink href="/questions">Browse the question bank</IntentLink>
        </li>
      </ul>
    </main>
  );
}
