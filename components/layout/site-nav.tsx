'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { IntentLink } from '@/components/ui/intent-link';
import { SignOutButton } from '@/components/auth/sign-out-button';

const NAV_LINKS = [
  { href: '/sessions', label: 'Sessions' },
  { href: '/practice', label: 'Find a partner' },
  { href: '/progress', label: 'Progress' },
  { href: '/stories', label: 'Stories' },
  { href: '/questions', label: 'Questions' },
  { href: '/profile', label: 'Profile' },
] as const;

/**
 * The signed-in navigation: a row of links on wide screens; on narrow ones (CSS decides) the row folds behind a
 * *Menu* button and opens as a panel under the header, closing again on navigation or Escape.
 * It is a disclosure of links (the ARIA disclosure-navigation pattern), not a `role="menu"`: links stay links, in
 * tab order, so no menu primitive is wanted here.
 */
export function SiteNav({ userName }: { userName: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  const navId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  // Following a link closes the menu: it was opened on another page.
  const isShown = isOpen && openedAt === pathname;

  useEffect(() => {
    if (!isShown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Focus inside the panel would fall to the page's start once it is hidden: hand it back to the button.
      if (nav.current?.contains(document.activeElement)) toggle.current?.focus();
      setIsOpen(false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isShown]);

  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="button subtle nav-toggle"
        aria-expanded={isShown}
        aria-controls={navId}
        onClick={() => {
          setIsOpen(!isShown);
          setOpenedAt(pathname);
        }}
      >
        {isShown ? 'Close menu' : 'Menu'}
      </button>
      <nav ref={nav} id={navId} className={`account${isShown ? ' is-open' : ''}`} aria-label="Account">
        {NAV_LINKS.map((link) => (
          <IntentLink key={link.href} href={link.href} aria-current={pathname.startsWith(link.href) ? 'page' : undefined}>
            {link.label}
          </IntentLink>
        ))}
        <span className="who" data-testid="current-user">
          {userName}
        </span>
        <SignOutButton />
      </nav>
    </>
  );
}
