'use client';

import { signOut } from './auth-requests';

export function SignOutButton() {
  return (
    <button type="button" className="button subtle" onClick={() => void signOut('/sign-in')}>
      Sign out
    </button>
  );
}
