import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getCurrentUser } from '@/lib/auth/get-current-user';
import './globals.css';

// Every page depends on who is signed in; nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'mockloop',
  description: 'Live mock interviews for the Staff Data Engineer loop',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <IntentLink href="/" className="brand">
            mockloop
          </IntentLink>
          {user ? (
            <nav className="account" aria-label="Account">
              <IntentLink href="/sessions">Sessions</IntentLink>
              <IntentLink href="/practice">Find a partner</IntentLink>
              <IntentLink href="/progress">Progress</IntentLink>
              <IntentLink href="/stories">Stories</IntentLink>
              <IntentLink href="/questions">Questions</IntentLink>
              <IntentLink href="/profile">Profile</IntentLink>
              <span className="who" data-testid="current-user">
                {user.name}
              </span>
              <SignOutButton />
            </nav>
          ) : null}
        </header>
        {children}
      </body>
    </html>
  );
}
