import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import type { ReactNode } from 'react';
import { SiteNav } from '@/components/layout/site-nav';
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
          {user ? <SiteNav userName={user.name} /> : null}
        </header>
        {children}
      </body>
    </html>
  );
}
