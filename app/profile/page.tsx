import type { Metadata } from 'next';
import { IntentLink } from '@/components/ui/intent-link';
import { PeerProfileCard } from '@/components/peer/peer-profile-card';
import { getDb } from '@/lib/db';
import { getPeerProfile } from '@/lib/peer/get-peer-profile';
import { requireUser } from '../authenticated-action';

export const metadata: Metadata = { title: 'Profile · mockloop' };

/** The signed-in user's own standing as a practice partner. */
export default async function ProfilePage() {
  const user = await requireUser('/profile');
  const profile = await getPeerProfile(getDb(), user.id);

  return (
    <main className="page narrow profile">
      <h1>{profile.name}</h1>
      <p className="lede">
        How you show up for practice partners, and how candidates rated the feedback you gave them. <IntentLink href="/practice">Find a partner</IntentLink>.
      </p>
      <PeerProfileCard profile={profile} />
    </main>
  );
}
