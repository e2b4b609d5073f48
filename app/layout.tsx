import type { Metadata } from 'next';
import Link from 'next/link';
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
          <Link href="/" className="brand">
            mockloop
          </Link>
          {user ? (
            <nav className="account" aria-label="Account">
              <Link href="/sessions">Sessions</Link>
              <Link href="/practice">Find a partner</Link>
              <Link href="/progress">Progress</Link>
              <Link href="/stories">Stories</Link>
              <Link href="/questions">Questions</Link>
              <Link href="/profile">Profile</Link>
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
